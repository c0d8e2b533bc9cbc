"""The laboratory directory as open data: CSV and JSON downloads, with attribution."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import fields

from ..content.labs import ATTRIBUTION, Lab, Text, TextList
from ..text.regions import regions

GEOGRAPHY = "INSEE, Code officiel géographique (regions), Licence Ouverte 2.0"
AS_WRITTEN = ("name_as_written", "city_as_written", "supervisors_as_written")


def exported_fields() -> list[str]:
    """The Lab fields the open data carries, after stem and path (this site's own)."""
    return [f.name for f in fields(Lab)[2:] if f.name not in AS_WRITTEN]


def export_row(lab: Lab, lang: str) -> dict:
    """One lab as open data in `lang`, spelt as the registry writes it; texts fall back."""
    name, name_lang = lab.name_as_written.get(lang) or lab.name.get(lang) or (None, None)
    row = {"name_lang": name_lang, "code": lab.code, "name": name}
    written = {"city": lab.city_as_written or lab.city,
               "supervisors": lab.supervisors_as_written or lab.supervisors}
    for field in exported_fields()[2:]:  # after code and name
        value = written[field] if field in written else getattr(lab, field)
        value = (value.get(lang) or (None,))[0] if isinstance(value, Text | TextList) else value
        row[field] = list(value) if isinstance(value, tuple) else value
    region = regions().get(lab.region or "")
    sources = [credit for credit, known in zip((*ATTRIBUTION, GEOGRAPHY),
                                               (lab.rnsr, lab.ror, region), strict=True) if known]
    return row | {"region": region.name(lang) if region else lab.region,
                  "region_code": region.code if region else None,
                  "country": lab.country or None, "themes": row["themes"] or [],
                  "sources": sources}


def export_csv(labs: Iterable[Lab], lang: str) -> str:
    """The labs as CSV (RFC 4180, lists joined with '; '); summaries are in the JSON only.

    Each row ends with the registries it comes from and their licences.
    """
    columns = [name for name in exported_fields() if name != "summary"]
    out = io.StringIO()
    at = columns.index("region") + 1
    writer = csv.DictWriter(out, [*columns[:2], "name_lang", *columns[2:at], "region_code",
                                  *columns[at:], "sources"],
                            extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in (export_row(lab, lang) for lab in labs):
        writer.writerow({k: inert_cell("; ".join(v) if isinstance(v, list) else v)
                         for k, v in row.items()})
    return out.getvalue()


def inert_cell(value: object) -> object:
    """A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`…) starts with `'`."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_json(labs: Iterable[Lab], lang: str) -> str:
    """The labs as JSON, with the sources' attribution under "sources"."""
    data = {"sources": [*ATTRIBUTION, GEOGRAPHY], "lang": lang,
            "labs": [export_row(lab, lang) for lab in labs]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
