"""Derive the directory's geography table from Etalab's `@etalab/decoupage-administratif`.

Usage: python scripts/make_geography.py PACKAGE_DIR [--out duosite/text/geography]

PACKAGE_DIR is the npm package folder (holding package.json and data/*.json), installed
for instance with `npm install --prefix /tmp/geo @etalab/decoupage-administratif`.
Writes postcodes.csv (postcode -> département, with the commune where a postcode spans
several départements), overseas.csv (overseas communes by name, for the CEDEX
postcodes that say nothing of their territory), departements.csv (département ->
région) and regions.csv (the current régions and overseas collectivities, their
names and URL slugs in French and English) and records the package's version in SOURCE.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from duosite.text.collation import slugify  # noqa: E402
from duosite.text.regions import fold_commune  # noqa: E402

# The English usage of the names that differ from the French (facts, not translations).
ENGLISH = {
    "Bretagne": "Brittany", "Normandie": "Normandy", "Corse": "Corsica",
    "Guyane": "French Guiana", "La Réunion": "Réunion",
    "Saint-Pierre-et-Miquelon": "Saint Pierre and Miquelon",
    "Saint-Barthélemy": "Saint Barthélemy", "Saint-Martin": "Saint Martin",
    "Terres australes et antarctiques françaises": "French Southern and Antarctic Lands",
    "Wallis et Futuna": "Wallis and Futuna", "Polynésie française": "French Polynesia",
    "Nouvelle-Calédonie": "New Caledonia", "Île de Clipperton": "Clipperton Island",
}


def load(package: Path, name: str) -> list[dict]:
    """One of the package's data files."""
    return json.loads((package / "data" / f"{name}.json").read_text(encoding="utf-8"))


def postcode_rows(communes: list[dict]) -> list[tuple[str, str, str]]:
    """(postcode, département, commune): the commune only where the postcode is ambiguous."""
    by_code: dict[str, set[tuple[str, str]]] = {}
    for commune in communes:
        for postcode in commune.get("codesPostaux") or ():
            by_code.setdefault(postcode, set()).add(
                (commune["departement"], fold_commune(commune["nom"])))
    rows = []
    for postcode, places in sorted(by_code.items()):
        departements = {dep for dep, _ in places}
        if len(departements) == 1:
            rows.append((postcode, departements.pop(), ""))
        else:
            rows += sorted((postcode, dep, name) for dep, name in places)
    return rows


def region_rows(regions: list[dict]) -> list[dict[str, str]]:
    """Each current région and overseas collectivity, named and slugged in both languages."""
    rows = []
    for region in regions:
        french = region["nom"]
        english = ENGLISH.get(french, french)
        rows.append({"code": region["code"], "kind": "collectivity" if region["zone"] == "com"
                     else "region", "fr": french, "en": english,
                     "slug_fr": slugify(french), "slug_en": slugify(english)})
    return rows


def write_csv(path: Path, header: list[str], rows) -> None:
    """A small CSV file, UTF-8, LF line ends."""
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    """Write the tables; 0 on success."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("package", type=Path, help="folder of @etalab/decoupage-administratif")
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "duosite" / "text"
                        / "geography")
    args = parser.parse_args(argv)
    try:
        version = json.loads((args.package / "package.json").read_text(encoding="utf-8"))
        communes = [c for c in load(args.package, "communes") if c["type"] == "commune-actuelle"
                    or c["type"] == "arrondissement-municipal"]
        departements, regions = load(args.package, "departements"), load(args.package, "regions")
    except (OSError, ValueError, KeyError) as exc:
        print(f"error: {args.package} is not the decoupage-administratif package: {exc}",
              file=sys.stderr)
        return 1
    rows = region_rows(regions)
    write_csv(args.out / "regions.csv", list(rows[0]), [list(r.values()) for r in rows])
    write_csv(args.out / "departements.csv", ["code", "region", "name"],
              [(d["code"], d["region"], d["nom"]) for d in departements])
    postcodes = postcode_rows(communes)
    write_csv(args.out / "postcodes.csv", ["postcode", "departement", "commune"], postcodes)
    write_csv(args.out / "overseas.csv", ["commune", "departement"], sorted(
        {(fold_commune(c["nom"]), c["departement"]) for c in communes if c["zone"] != "metro"}))
    source = (args.out / "SOURCE.md").read_text(encoding="utf-8").split("\n## Version")[0]
    (args.out / "SOURCE.md").write_text(
        f"{source}\n## Version\n\n{version['name']} {version['version']}: {len(regions)} régions "
        f"and collectivities, {len(departements)} départements, {len(postcodes)} postcode rows.\n",
        encoding="utf-8")
    print(f"{len(postcodes)} postcode rows, {len(departements)} départements, "
          f"{len(regions)} régions written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
