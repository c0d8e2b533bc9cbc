"""What a lab file may hold, and everything wrong with one, as (where, what, message) issues."""

from __future__ import annotations

import datetime
import re

from ..problems import did_you_mean
from ..text.regions import regions

INSTITUTES = ("INSB", "INC", "INEE", "INSHS", "INSIS", "INSMI", "INP", "IN2P3", "INSU", "INS2I")
LANGS = ("fr", "en")
ATTRIBUTION = ("RNSR (MESR), Licence Ouverte 2.0", "ROR, CC0")
SCHEMA = {  # every key of a lab file, in the order the importer writes them, and its kind
    "code": "text", "name": "texts", "display_name": "texts", "acronym": "text",
    "unit_type": "text", "institute": "institute", "supervisors": "list",
    "supervisor_acronyms": "acronyms", "partners": "list", "city": "text", "region": "region",
    "country": "text", "website": "url", "founded": "year",
    "domain": "texts", "themes": "textlists", "summary": "texts", "coordinates": "coords",
    "other_codes": "list", "ids": "ids",
}
SUBKEYS = {"texts": LANGS, "textlists": LANGS, "coords": ("lat", "lng"), "ids": ("rnsr", "ror")}
LIMITS = {"lat": 90, "lng": 180}
URL = re.compile(r"https?://[^\s/@?#]+(?:[/?#]\S*)?")  # no user@ part: that is an e-mail address
Issue = tuple[tuple, str, str]  # (path of keys and list indexes, "key"/"value"/"", message)


def kind_of(value: object) -> str:
    """How a YAML value reads in a message."""
    kinds = ((bool, "true/false"), (int, "a number"), (float, "a number"), (list, "a list"),
             (dict, "a mapping"), (datetime.date, "a date"), (str, "text"))
    return next((name for cls, name in kinds if isinstance(value, cls)), "empty")


def text_problem(what: str, value: object) -> str | None:
    """Why a value is not usable text, if it is not."""
    if not isinstance(value, str):
        return f"{what} must be text, not {kind_of(value)}"
    return None if value.strip() else f"{what} is empty"


def check_lab(data: object) -> list[Issue]:
    """Everything wrong with a parsed lab file."""
    data = {} if data is None else data
    if not isinstance(data, dict):
        return [((), "value", f"a lab file must be a mapping of keys such as 'code:' and "
                              f"'name:', not {kind_of(data)}")]
    issues = [((key,), "key", f"unknown key '{key}'{did_you_mean(str(key), SCHEMA)}")
              for key in data if key not in SCHEMA]
    if data.get("code") is None:
        issues.append(((), "", "'code' is missing"))
    name = data.get("name")
    if name is None:
        issues.append(((), "", "'name' is missing (give fr, en or both)"))
    elif isinstance(name, dict) and all(text_problem("", v) for v in name.values()):
        issues.append((("name",), "value", "'name' is empty (give fr, en or both)"))
    for key, value in data.items():
        if value is not None and key in SCHEMA:
            issues += [((key, *at), p, m) for at, p, m in check(key, SCHEMA[key], value)]
    return issues


def check(key: str, kind: str, value: object) -> list[Issue]:
    """What is wrong with one value, relative to its key."""
    if kind in SUBKEYS:
        return check_mapping(key, kind, value)
    if kind == "acronyms":
        return check_acronyms(key, value)
    if kind == "list":
        if not isinstance(value, list):
            return [((), "value", f"'{key}' must be a list, not {kind_of(value)}")]
        return [((i,), "value", message) for i, item in enumerate(value)
                if (message := text_problem(f"an entry of '{key}'", item))]
    if kind == "year":
        year = isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999
        return [] if year else [((), "value", f"founded '{value}' is not a year (like 2007)")]
    if message := text_problem(f"'{key}'", value):
        return [((), "value", message)]
    if kind == "institute" and value not in INSTITUTES:
        return [((), "value", f"institute '{value}' is not one of {', '.join(INSTITUTES)}"
                              f"{did_you_mean(value, INSTITUTES)}")]
    if kind == "region" and value not in regions():
        names = list(regions())
        return [((), "value", f"region '{value}' is not a current région or overseas collectivity "
                              f"(write its official French name, e.g. 'Bretagne', 'Occitanie')"
                              f"{did_you_mean(value, names)}")]
    if kind == "url" and not URL.fullmatch(value):
        return [((), "value", f"website '{value}' is not an http(s) URL")]
    return []


def check_mapping(key: str, kind: str, value: object) -> list[Issue]:
    """What is wrong with a mapping: languages (name, themes…), coordinates or ids."""
    keys = SUBKEYS[kind]
    if not isinstance(value, dict):
        return [((), "value", f"'{key}' must be a mapping of {' and '.join(keys)}, "
                              f"not {kind_of(value)}")]
    issues = []
    for sub, item in value.items():
        if sub not in keys:
            issues.append(((sub,), "key", f"unknown {'language' if keys == LANGS else 'key'} "
                          f"'{sub}' in '{key}' (use {' or '.join(keys)})"
                          f"{did_you_mean(str(sub), keys)}"))
        elif kind == "textlists" and item is not None:
            issues += [((sub, *at), p, m) for at, p, m in check(f"{key}.{sub}", "list", item)]
        elif kind == "coords" and (isinstance(item, bool) or not isinstance(item, int | float)
                                   or not abs(item) <= LIMITS[sub]):  # NaN too
            issues.append(((sub,), "value", f"'{key}.{sub}' must be a number from "
                                            f"-{LIMITS[sub]} to {LIMITS[sub]}"))
        elif kind in ("texts", "ids") and item is not None and not isinstance(item, str):
            issues.append(((sub,), "value", text_problem(f"'{key}.{sub}'", item)))
    if kind == "coords" and not set(keys) <= set(value):
        issues.append(((), "value", f"'{key}' needs both lat and lng"))
    return issues


def check_acronyms(key: str, value: object) -> list[Issue]:
    """What is wrong with a mapping of supervising institutions to their acronyms."""
    if not isinstance(value, dict):
        return [((), "value", f"'{key}' must be a mapping of institution: acronym, "
                              f"not {kind_of(value)}")]
    return [((name,), "value", message) for name, item in value.items()
            if (message := text_problem(f"the acronym of '{name}'", item))]
