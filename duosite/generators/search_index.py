"""The directory's search index: every lab in a compact script the directory page loads."""

from __future__ import annotations

import json

from ..content.labs import Lab
from .directory import NOT_GIVEN, Facet, country_name, facet_segment

INDEX_NAME = "labs-index.js"


def search_index(labs: tuple[Lab, ...], lab_urls: dict[str, str], lang: str) -> str:
    """`window.labIndex = {...}`: the labs in the reader's order, supervisors listed once."""
    supervisors: dict[str, int] = {}
    table: list[list[str]] = []
    rows = []
    for lab in labs:
        indexes = []
        for name, acronym in lab.supervisors_and_acronyms():
            key = option_value(Facet("supervisor", name, ()), lang)
            if key not in supervisors:
                supervisors[key] = len(table)
                table.append([name, acronym, key])
            elif acronym and not table[supervisors[key]][1]:
                table[supervisors[key]][1] = acronym
            indexes.append(supervisors[key])
        rows.append(lab_row(lab, lab_urls[lab.stem], lang, indexes))
    data = {"supervisors": table, "labs": rows}
    return "window.labIndex = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) \
        + ";\n"


def option_value(facet: Facet, lang: str) -> str:
    """What the directory's filter and URL query call a facet: 'INSB', 'bretagne', 'none'…"""
    if facet.value == NOT_GIVEN:
        return "none"
    if facet.dimension in ("region", "supervisor"):
        return facet_segment(facet, lang)
    return facet.value


def lab_row(lab: Lab, url: str, lang: str, supervisors: list[int]) -> dict:
    """One lab's entry: what its list item shows, what filters and what search reads."""
    name, name_lang = lab.name.get(lang) or ("", lang)
    other = lab.name.get("fr" if lang == "en" else "en")
    words = [other[0] if other and other[0] != name else "",
             *(lab.themes.fr + lab.themes.en), lab.domain.fr or "", lab.domain.en or "",
             lab.city_as_written or ""]
    region = ""
    if lab.in_france:
        region = option_value(Facet("region", lab.region or NOT_GIVEN, ()), lang)
    row = {"u": url, "n": name, "l": name_lang if name_lang != lang else "",
           "a": lab.acronym or "", "c": lab.code, "k": list(lab.other_codes),
           "y": lab.city or "", "t": "" if lab.in_france else country_name(lab.country, lang)
           if lab.country else "", "i": lab.institute or "none", "r": region,
           "g": lab.country or "none", "s": supervisors, "w": " ".join(w for w in words if w)}
    return {key: value for key, value in row.items() if value not in ("", [])}
