"""What the importer writes for one laboratory: its record, built from an RNSR unit and the
ROR organisation matched to it (names, place, region, institutions, identifiers)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import registry
from registry import Org, Unit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from duosite.content.labs import LANGS, SCHEMA  # noqa: E402
from duosite.text.casing import is_shouted  # noqa: E402
from duosite.text.collation import slugify  # noqa: E402
from duosite.text.regions import region_named, region_of  # noqa: E402

SUBKEYS = {"name": LANGS, "display_name": LANGS, "domain": LANGS, "themes": LANGS, "summary": LANGS,
           "coordinates": ("lat", "lng"), "ids": ("rnsr", "ror")}
WEB = re.compile(r"https?://[^\s/@?#]+(?:[/?#]\S*)?")  # no user@ part: that is an e-mail address
FRENCH_POSTCODE = re.compile(r"(0[1-9]|[1-8]\d|9[0-5]|9[78])\d{3}")  # 01000-95999, 97000-98999
# GeoNames gives French overseas departments and territories country codes of their own.
OVERSEAS = {"GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC", "TF"}
POSTAL_NOISE = re.compile(r"(^|\s+)cedex\b.*$|^(cs|bp)\s*\d+\s+|^\d[\d -]*,?\s+|\s+\d+$", re.I)


def lab_place(unit: Unit, org: Org | None) -> dict:
    """City, country and coordinates from ROR when it knows the place, else RNSR; the region
    of a lab in France from its RNSR postcode and commune and the official geography."""
    region = region_of(unit.postcode, unit.commune)
    official = {"region": region.fr if region else None}
    if org and org.country:
        coordinates = {"lat": org.lat, "lng": org.lng} if None not in (org.lat, org.lng) else None
        place = {"city": org.city, "coordinates": coordinates}
        if org.country == "France" or org.country_code in OVERSEAS:  # Réunion…: in France
            return place | official
        return place | {"country": org.country}
    place = {"city": registry.clean(POSTAL_NOISE.sub("", unit.commune)) or None}
    return place | official if in_france(unit) else place | {"country": None}


def region_check(code: str, record: dict, org: Org | None) -> str | None:
    """A note when ROR names another current région than the official geography gives."""
    if not org or not org.region or "country" in record:
        return None
    theirs = region_named(org.region)
    if theirs is None:
        return f"{code}: ROR's region '{org.region}' is not a current région (kept: " \
               f"{record.get('region') or 'none'})"
    if theirs.fr != record.get("region"):
        return f"{code}: ROR says {theirs.fr}, the postcode says " \
               f"{record.get('region') or 'nothing'}; the postcode is kept"
    return None


def display_name(unit: Unit, org: Org | None) -> dict | None:
    """ROR's spelling of a name the RNSR writes in capitals, when it is the same name."""
    if not org or not is_shouted(unit.name):
        return None
    same = [value for value, lang, _ in org.names if lang != "en" and not is_shouted(value)
            and registry.fold(value) == registry.fold(unit.name)]
    return {"fr": same[0]} if same else None


def supervisor_acronyms(unit: Unit) -> dict[str, str]:
    """Each supervising institution's acronym (`sigles_des_tutelles`), where the RNSR gives one."""
    return {name: sigle for name, sigle, kind in unit.institutions
            if kind == "TUTE" and name and sigle}


def in_france(unit: Unit) -> bool:
    """Whether the RNSR address clearly says France (RNSR has no country column)."""
    if re.search(r"\bcedex\b", unit.commune, re.I):
        return True
    international = any(code.startswith(("IRL", "UMI")) for code in unit.codes)
    abroad_institute = any(sigle == "MIN.A.E." and role == "TUTE"
                           for _, sigle, role in unit.institutions)
    return bool(FRENCH_POSTCODE.fullmatch(unit.postcode)) and not international \
        and not abroad_institute


def lab_record(unit: Unit, org: Org | None, institutes: dict[str, str]) -> tuple[dict, list[str]]:
    """The YAML record of one laboratory, in schema order, and notes on what was left out."""
    main, others = registry.unit_codes(unit)
    found = sorted({institutes[p] for p in org.parents if p in institutes}) if org else []
    notes = [f"{main}: ROR gives several institutes ({', '.join(found)}); none kept"]
    record = {
        "code": main or unit.rnsr, "name": {"fr": unit.name, "en": org and org.english_name},
        "display_name": display_name(unit, org),
        "supervisor_acronyms": supervisor_acronyms(unit),
        "acronym": unit.acronym or (org and org.acronym),
        "unit_type": main.split()[0] if main and re.fullmatch(r"[A-Z]+ \d+", main) else None,
        "institute": found[0] if len(found) == 1 else None,
        "supervisors": institutions(unit, "TUTE"), "partners": institutions(unit, "PART"),
        "website": next((w for w in (unit.website, org and org.website) if w and WEB.fullmatch(w)),
                        None),
        "founded": int(unit.founded) if unit.founded.isdigit() else org and org.established,
        "domain": {"fr": "; ".join(unit.domains)} if unit.domains else None,
        "other_codes": list(others),
        "ids": {"rnsr": unit.rnsr, "ror": org.id.rsplit("/", 1)[-1] if org else None},
        **lab_place(unit, org),
    }
    notes = notes if len(found) > 1 else []
    if note := region_check(main or unit.rnsr, record, org):
        notes.append(note)
    return in_order(record, drop_empty=True), notes


def institutions(unit: Unit, role: str) -> list[str]:
    """Full names of the supervising (TUTE) or partner (PART) institutions, blanks dropped."""
    return [*dict.fromkeys(name for name, _, kind in unit.institutions if kind == role and name)]


def in_order(record: dict, drop_empty: bool = False) -> dict:
    """Keys in schema order (unknown ones last); empty values dropped, except an unknown country."""
    def keep(key: str, value: object) -> bool:
        return not drop_empty or value not in (None, "", [], {}) or key == "country"

    out = {}
    for key in [*SCHEMA, *(k for k in record if k not in SCHEMA)]:
        value = record.get(key)
        if isinstance(value, dict) and key in SUBKEYS:
            order = [*SUBKEYS[key], *(k for k in value if k not in SUBKEYS[key])]
            value = {k: value[k] for k in order if k in value and keep(k, value[k])}
        if key in record and keep(key, value):
            out[key] = value
    return out


def build_records(units: list[Unit], orgs: list[Org]) -> tuple[dict[str, dict], list[str]]:
    """File stem -> record for every CNRS laboratory, and notes for the report."""
    institutes, notes = registry.find_institutes(orgs)
    matches, match_notes = registry.match_units(units, registry.index_by_unit(orgs))
    notes += match_notes
    records: dict[str, dict] = {}
    for unit in sorted(units, key=lambda u: u.rnsr):  # older RNSR numbers first
        record, record_notes = lab_record(unit, matches.get(unit.rnsr), institutes)
        notes += record_notes
        stem = slugify(record["code"] if record["code"] != unit.rnsr else f"rnsr {unit.rnsr}")
        if stem in records:  # two structures, one code: the later one goes by its RNSR number
            taken = records[stem]["ids"]["rnsr"]
            notes.append(f"{record['code']}: {stem}.yaml is already RNSR {taken}; "
                         f"RNSR {unit.rnsr} is written with its RNSR number as code")
            others = [record["code"], *record.get("other_codes", ())]
            record, stem = in_order(record | {"code": unit.rnsr, "other_codes": others}), \
                slugify(f"rnsr {unit.rnsr}")
        records[stem] = record
    return dict(sorted(records.items())), notes
