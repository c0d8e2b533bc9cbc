"""The laboratory directory as open data: CSV and JSON downloads, with attribution."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import fields

from .labs import ATTRIBUTION, Lab, Text, TextList


def export_row(lab: Lab, lang: str) -> dict:
    """One lab as open data in `lang`: Lab's fields, texts falling back to the other language."""
    name, name_lang = lab.name.get(lang) or (None, None)
    row = {"name_lang": name_lang, "code": lab.code, "name": name}
    for field in fields(Lab)[4:]:  # after stem and path (this site's), code and name
        value = getattr(lab, field.name)
        value = (value.get(lang) or (None,))[0] if isinstance(value, Text | TextList) else value
        row[field.name] = list(value) if isinstance(value, tuple) else value
    sources = [credit for credit, known in zip(ATTRIBUTION, (lab.rnsr, lab.ror), strict=True)
               if known]
    return row | {"country": lab.country or None, "themes": row["themes"] or [],
                  "sources": sources}


def export_csv(labs: Iterable[Lab], lang: str) -> str:
    """The labs as CSV (RFC 4180, lists joined with '; '); summaries are in the JSON only.

    Each row ends with the registries it comes from and their licences.
    """
    columns = [f.name for f in fields(Lab)[2:] if f.name != "summary"]
    out = io.StringIO()
    writer = csv.DictWriter(out, [*columns[:2], "name_lang", *columns[2:], "sources"],
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
    data = {"sources": list(ATTRIBUTION), "lang": lang,
            "labs": [export_row(lab, lang) for lab in labs]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
