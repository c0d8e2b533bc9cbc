"""Laboratory records: load and check content/labs/*.yaml; order, count and export the labs."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from .collation import sort_key
from .problems import Problem, did_you_mean, error
from .yamltext import load_limited

INSTITUTES = ("INSB", "INC", "INEE", "INSHS", "INSIS", "INSMI", "INP", "IN2P3", "INSU", "INS2I")
LANGS = ("fr", "en")
ATTRIBUTION = ("RNSR (MESR), Licence Ouverte 2.0", "ROR, CC0")
SCHEMA = {  # every key of a lab file, in the order the importer writes them, and its kind
    "code": "text", "name": "texts", "acronym": "text", "unit_type": "text",
    "institute": "institute", "supervisors": "list", "partners": "list", "city": "text",
    "region": "text", "country": "text", "website": "url", "founded": "year",
    "domain": "texts", "themes": "textlists", "summary": "texts", "coordinates": "coords",
    "other_codes": "list", "ids": "ids",
}
SUBKEYS = {"texts": LANGS, "textlists": LANGS, "coords": ("lat", "lng"), "ids": ("rnsr", "ror")}
LIMITS = {"lat": 90, "lng": 180}
URL = re.compile(r"https?://[^\s/@?#]+(?:[/?#]\S*)?")  # no user@ part: that is an e-mail address
Issue = tuple[tuple, str, str]  # (path of keys and list indexes, "key"/"value"/"", message)


def pick(texts: Text | TextList, lang: str) -> tuple | None:
    """The value in `lang`, else in the other language, with the language it is in."""
    for code in (lang, "en" if lang == "fr" else "fr"):
        if getattr(texts, code, None):
            return getattr(texts, code), code
    return None


@dataclass(frozen=True)
class Text:
    """A string in up to two languages."""

    en: str | None = None
    fr: str | None = None

    def get(self, lang: str) -> tuple[str, str] | None:
        """(value, its language): the one in `lang`, else the other language's, else None."""
        return pick(self, lang)


@dataclass(frozen=True)
class TextList:
    """A list of strings in up to two languages."""

    en: tuple[str, ...] = ()
    fr: tuple[str, ...] = ()

    def get(self, lang: str) -> tuple[tuple[str, ...], str] | None:
        """(values, their language): those in `lang`, else the other language's, else None."""
        return pick(self, lang)


@dataclass(frozen=True)
class Lab:
    """One laboratory of the directory, as its YAML file describes it."""

    stem: str
    path: str
    code: str
    name: Text
    acronym: str | None = None
    unit_type: str | None = None
    institute: str | None = None
    supervisors: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    city: str | None = None
    region: str | None = None
    country: str = "France"  # "" when the lab is outside France and no source names the country
    website: str | None = None
    founded: int | None = None
    domain: Text = Text()
    themes: TextList = TextList()
    summary: Text = Text()  # Markdown source
    lat: float | None = None
    lng: float | None = None
    other_codes: tuple[str, ...] = ()
    rnsr: str | None = None
    ror: str | None = None

    @property
    def in_france(self) -> bool:
        return self.country == "France"

    def __hash__(self) -> int:
        # labs are keys of the preview's memo many times per build: hash the fields once
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached


def load_labs(content_root: Path, paths: Sequence[str], cache: dict | None = None
              ) -> tuple[tuple[Lab, ...], list[Problem]]:
    """Read and check lab files (paths relative to content_root); labs sorted by name.

    With a `cache` (kept by the preview between builds), only files whose size or time
    changed are read and parsed again.
    """
    labs, problems, first = [], [], {}
    for path in sorted(paths):
        raw, lab, found = _load_file(os.path.join(content_root, path), path, cache)
        problems += found
        if lab and lab.code in first:
            message = f"code '{lab.code}' is already used by {first[lab.code]}"
            problems += place(raw.decode("utf-8"), path, [(("code",), "value", message)])
        elif lab:
            first[lab.code] = path
            labs.append(lab)
    labs.sort(key=lambda lab: sort_key((lab.name.get("fr") or ("",))[0]) + (lab.code,))
    for gone in set(cache or ()) - set(paths):
        del cache[gone]
    return tuple(labs), problems


def _load_file(file: str, path: str, cache: dict | None) -> tuple[bytes, Lab | None, list]:
    try:
        info = os.stat(file)
        if cache is None or cache.get(path, (None,))[0] != _stat(info):
            with open(file, "rb") as stream:
                raw = stream.read()
    except OSError as exc:
        return b"", None, [error(path, 1, f"cannot be read: {exc.strerror or exc}")]
    if cache is None:
        return (raw, *load_lab(raw, path))
    held = cache.get(path)
    if held is None or held[0] != _stat(info):
        held = cache[path] = (_stat(info), raw, *load_lab(raw, path))
    return held[1:]


def _stat(info: os.stat_result) -> tuple:
    return info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns


def load_lab(raw: bytes, path: str) -> tuple[Lab | None, list[Problem]]:
    """One lab from a file's bytes, or None and the problems that prevent it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [error(path, raw.count(b"\n", 0, exc.start) + 1, "file is not UTF-8 text")]
    try:
        data = load_limited(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        return None, [error(path, line, f"invalid YAML: {problem}", col)]
    issues = check_lab(data)
    return (None, place(text, path, issues)) if issues else (make_lab(data, path), [])


def place(text: str, path: str, issues: list[Issue]) -> list[Problem]:
    """Problems at the line and column of what each issue is about (parsed again, with marks)."""
    root = yaml.compose(text, Loader=yaml.CSafeLoader)
    problems = []
    for where, part, message in issues:
        node = find_node(root, where, part) if part else None
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 0)
        problems.append(error(path, line, message, col))
    return problems


def find_node(node: yaml.Node | None, where: tuple, part: str) -> yaml.Node | None:
    """The node of a key (part='key') or of its value, along a path of keys and list indexes."""
    for depth, step in enumerate(where):
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(step)), (None, None))
            node = pair[0] if depth == len(where) - 1 and part == "key" else pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
            node = node.value[step]
        else:
            return None
    return node


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


def make_lab(data: dict, path: str) -> Lab:
    """A Lab from a checked file's data."""
    def strip(value: object) -> object:
        return value.strip() or None if isinstance(value, str) else value

    def items(key: str) -> dict:
        return {k: tuple(map(str.strip, v)) if isinstance(v, list) else strip(v)
                for k, v in (data.get(key) or {}).items() if v not in (None, "", [])}

    plain = {key: strip(data.get(key)) for key in ("code", "acronym", "unit_type", "institute",
                                                     "city", "region", "website", "founded")}
    lists = {key: tuple(map(str.strip, data.get(key) or ()))
             for key in ("supervisors", "partners", "other_codes")}
    coords = {k: float(v) for k, v in items("coordinates").items()}
    return Lab(stem=path.rsplit("/", 1)[-1].rsplit(".", 1)[0], path=path, **plain, **lists,
               name=Text(**items("name")), domain=Text(**items("domain")),
               summary=Text(**items("summary")), themes=TextList(**items("themes")),
               country=strip(data["country"]) or "" if "country" in data else "France",
               **coords, **items("ids"))


def directory_figures(labs: Iterable[Lab]) -> dict[str, int]:
    """Counts for the directory's key figures: total, in France, abroad, per institute."""
    labs = list(labs)
    figures = {"labs_total": len(labs), "labs_in_france": sum(lab.in_france for lab in labs)}
    figures["labs_abroad"] = len(labs) - figures["labs_in_france"]
    return figures | {f"institute:{code}": sum(lab.institute == code for lab in labs)
                      for code in INSTITUTES}
