"""Read the registries: CNRS laboratories from the RNSR CSV, organisations from ROR JSON lines."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

CNRS_ROR = "https://ror.org/02feahw73"
INSTITUTES = ("INSB", "INC", "INEE", "INSHS", "INSIS", "INSMI", "INP", "IN2P3", "INSU", "INS2I")
LAB_LEVEL = "2"  # code_de_niveau_de_structure: 1 internal team, 2 unit, 3 federation/network


@dataclass(frozen=True)
class Unit:
    """One RNSR structure, its lists already split and paired."""

    rnsr: str
    name: str
    acronym: str
    founded: str
    website: str
    postcode: str
    commune: str
    codes: tuple[str, ...]  # label_numero, entry n going with supervising institution n
    institutions: tuple[tuple[str, str, str], ...]  # (full name, sigle, TUTE or PART)
    structure_type: str
    level: str
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Org:
    """One ROR organisation, whichever schema version its record uses."""

    id: str
    active: bool
    names: tuple[tuple[str, str | None, tuple[str, ...]], ...]  # (value, lang, types)
    parents: tuple[str, ...]
    website: str | None
    city: str | None
    region: str | None
    country: str | None
    country_code: str | None
    lat: float | None
    lng: float | None
    established: int | None

    @property
    def english_name(self) -> str | None:
        """The display name if English, else an English label."""
        for wanted in ("ror_display", "label"):
            for value, lang, types in self.names:
                if lang == "en" and wanted in types:
                    return value
        return None

    @property
    def acronym(self) -> str | None:
        """The first acronym."""
        return next((value for value, _, types in self.names if "acronym" in types), None)


def clean(text: str | None) -> str:
    """Whitespace stripped and runs of it made single spaces."""
    return " ".join((text or "").split())


def split_list(cell: str) -> list[str]:
    """A `;`-joined RNSR cell as its entries (empty ones kept, so lists stay parallel)."""
    return [clean(entry) for entry in cell.split(";")]


def read_rnsr(path: Path) -> list[Unit]:
    """Every structure of the RNSR CSV."""
    with open(path, encoding="utf-8", newline="") as stream:
        return [unit_from_row(row) for row in csv.DictReader(stream, delimiter=";")]


def unit_from_row(row: dict[str, str]) -> Unit:
    """A Unit from one CSV row."""
    institutions = zip(split_list(row["tutelles"]), split_list(row["sigles_des_tutelles"]),
                       split_list(row["code_de_type_de_tutelle"]), strict=False)
    return Unit(
        rnsr=clean(row["numero_national_de_structure"]), name=clean(row["libelle"]),
        acronym=clean(row["sigle"]), founded=clean(row["annee_de_creation"]),
        website=clean(row["site_web"]), postcode=clean(row["code_postal"]),
        commune=clean(row["commune"]), codes=tuple(split_list(row["label_numero"])),
        institutions=tuple(institutions), structure_type=clean(row["type_de_structure"]),
        level=clean(row["code_de_niveau_de_structure"]),
        domains=tuple(d for d in split_list(row["domaine_scientifique"]) if d))


def is_cnrs_lab(unit: Unit) -> bool:
    """A laboratory-level structure (not a team, federation or network) the CNRS supervises."""
    supervised = any(sigle == "CNRS" and role == "TUTE" for _, sigle, role in unit.institutions)
    return unit.level == LAB_LEVEL and supervised


def unit_codes(unit: Unit) -> tuple[str | None, tuple[str, ...]]:
    """The main unit code (the CNRS's entry, else the first given) and the other codes."""
    sigles = [sigle for _, sigle, _ in unit.institutions]
    cnrs = sigles.index("CNRS") if "CNRS" in sigles else -1
    given = [code for code in unit.codes if code]
    main = unit.codes[cnrs] if 0 <= cnrs < len(unit.codes) and unit.codes[cnrs] else None
    main = main or (given[0] if given else None)
    return main, tuple(code for code in dict.fromkeys(given) if code != main)


def unit_key(code: str) -> str | None:
    """A unit code reduced for joining: 'UMR 8253', 'UMR8253', 'UMR CNRS 8253' -> 'UMR8253'."""
    match = re.fullmatch(r"(?:CNRS)?([A-Z]+?)(?:CNRS)?0*(\d+)", re.sub(r"[\s_-]", "", code.upper()))
    return match.group(1) + match.group(2) if match else None


def read_ror(path: Path) -> list[Org]:
    """Every organisation of the ROR dump (schema v2 records, and v1 ones)."""
    with open(path, encoding="utf-8") as stream:
        records = [json.loads(line) for line in stream if line.strip()]
    return [org_from_v2(r) if "names" in r else org_from_v1(r) for r in records]


def org_from_v2(record: dict) -> Org:
    """An Org from a ROR schema 2 record."""
    place = (record.get("locations") or [{}])[0].get("geonames_details") or {}
    return Org(
        id=record["id"], active=record.get("status") == "active",
        names=tuple((clean(n["value"]), n.get("lang"), tuple(n.get("types") or ()))
                    for n in record.get("names") or ()),
        parents=tuple(r["id"] for r in record.get("relationships") or () if r["type"] == "parent"),
        website=next((link["value"] for link in record.get("links") or ()
                      if link.get("type") == "website"), None),
        city=place.get("name"), region=place.get("country_subdivision_name"),
        country=place.get("country_name"), country_code=place.get("country_code"),
        lat=place.get("lat"), lng=place.get("lng"),
        established=record.get("established"))


def org_from_v1(record: dict) -> Org:
    """An Org from a ROR schema 1 record."""
    address = (record.get("addresses") or [{}])[0]
    city = address.get("geonames_city") or {}
    names = [(record.get("name"), None, ("ror_display",))]
    names += [(label["label"], label.get("iso639"), ("label",)) for label in record["labels"]]
    names += [(alias, None, ("alias",)) for alias in record.get("aliases") or ()]
    names += [(acronym, None, ("acronym",)) for acronym in record.get("acronyms") or ()]
    return Org(
        id=record["id"], active=record.get("status") == "active",
        names=tuple((clean(value), lang, types) for value, lang, types in names if value),
        parents=tuple(r["id"] for r in record.get("relationships") or ()
                      if r["type"].lower() == "parent"),
        website=(record.get("links") or [None])[0],
        city=city.get("city") or address.get("city"),
        region=(city.get("geonames_admin1") or {}).get("name"),
        country=(record.get("country") or {}).get("country_name"),
        country_code=(record.get("country") or {}).get("country_code"),
        lat=address.get("lat"), lng=address.get("lng"), established=record.get("established"))


def find_institutes(orgs: list[Org]) -> tuple[dict[str, str], list[str]]:
    """ROR id -> institute code, for records named by a code with no parent but the CNRS."""
    found: dict[str, list[str]] = {code: [] for code in INSTITUTES}
    for org in orgs:
        if set(org.parents) <= {CNRS_ROR}:
            for code in {value for value, _, _ in org.names if value in found}:
                found[code].append(org.id)
    notes = [f"institute {code}: " + (f"several ROR records ({', '.join(ids)}); left out"
                                       if ids else "no ROR record") for code, ids in found.items()
             if len(ids) != 1]
    return {ids[0]: code for code, ids in found.items() if len(ids) == 1}, notes


def index_by_unit(orgs: list[Org]) -> dict[str, list[Org]]:
    """ROR organisations under each unit code their names carry ('UMR 8253/U 1141' gives two)."""
    index: dict[str, list[Org]] = {}
    for org in orgs:
        keys = {unit_key(part) for value, _, _ in org.names for part in value.split("/")}
        for key in sorted(keys - {None}):
            index.setdefault(key, []).append(org)
    return index


def fold(text: str) -> str:
    """Lower-case letters and digits only, accents removed, for comparing names."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c if c.isalnum() else " " for c in text
                            if not unicodedata.combining(c)).split())


def narrow(unit: Unit, orgs: list[Org]) -> list[Org]:
    """Among several ROR candidates, the active ones, then those named like the unit."""
    active = [org for org in orgs if org.active] or orgs
    names = {fold(unit.name), fold(unit.acronym)} - {""}
    named = [org for org in active if names & {fold(value) for value, _, _ in org.names}]
    return named if len(active) > 1 and named else active


def match_units(units: list[Unit], index: dict[str, list[Org]]) -> tuple[dict[str, Org], list[str]]:
    """RNSR number -> ROR organisation: by main unit code first, then by the unit's other codes."""
    matches, notes, taken = {}, [], set()
    for by_main in (True, False):
        for unit in sorted(units, key=lambda u: u.rnsr):  # a record goes to one unit only
            main, others = unit_codes(unit)
            if unit.rnsr in matches or not main:
                continue
            keys = [unit_key(main)] if by_main else [unit_key(code) for code in others]
            found = [org for key in dict.fromkeys(keys) if key for org in index.get(key, ())]
            found = narrow(unit, [org for org in dict.fromkeys(found) if org.id not in taken])
            if len(found) == 1:
                matches[unit.rnsr] = found[0]
                taken.add(found[0].id)
            elif found:
                ids = ", ".join(org.id for org in found)
                notes.append(f"{main}: several ROR records carry its code ({ids}); none used")
    return matches, notes
