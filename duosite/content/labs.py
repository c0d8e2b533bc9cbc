"""Laboratory records: load content/labs/*.yaml into Labs, placing each mistake; count them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from ..problems import Problem, error
from ..text.casing import proper_case
from ..text.collation import sort_key
from ..text.yamltext import load_limited
from .labschema import ATTRIBUTION, INSTITUTES, LANGS, SCHEMA, Issue, check_lab  # noqa: F401


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
    supervisor_acronyms: tuple[str, ...] = ()  # each supervisor's acronym, or ""
    # name, city and supervisors as the registry writes them (capitals and all), for the exports
    name_as_written: Text = Text()
    city_as_written: str | None = None
    supervisors_as_written: tuple[str, ...] = ()

    @property
    def in_france(self) -> bool:
        return self.country == "France"

    def supervisors_and_acronyms(self) -> tuple[tuple[str, str], ...]:
        """(name, acronym or '') of each supervising institution."""
        acronyms = self.supervisor_acronyms + ("",) * len(self.supervisors)
        return tuple(zip(self.supervisors, acronyms, strict=False))

    def __hash__(self) -> int:
        # labs are keys of the preview's memo many times per build: hash the fields once
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash(tuple(getattr(self, f.name) for f in fields(self)))
            object.__setattr__(self, "_hash", cached)
        return cached


def load_labs(content_root: Path, paths: Sequence[str]) -> tuple[tuple[Lab, ...], list[Problem]]:
    """Read and check lab files (paths relative to content_root); labs sorted by name."""
    return checked_labs({path: load_lab_file(content_root, path) for path in paths})


def checked_labs(loaded: dict[str, tuple[bytes, Lab | None, list[Problem]]]
                 ) -> tuple[tuple[Lab, ...], list[Problem]]:
    """The labs of files read with `load_lab_file`, one code per lab, sorted by name."""
    labs, problems, first = [], [], {}
    for path in sorted(loaded):
        raw, lab, found = loaded[path]
        problems += found
        if lab and lab.code in first:
            message = f"code '{lab.code}' is already used by {first[lab.code]}"
            problems += place(raw.decode("utf-8"), path, [(("code",), "value", message)])
        elif lab:
            first[lab.code] = path
            labs.append(lab)
    labs.sort(key=lambda lab: sort_key((lab.name.get("fr") or ("",))[0]) + (lab.code,))
    return tuple(labs), problems


def load_lab_file(content_root: Path, path: str) -> tuple[bytes, Lab | None, list[Problem]]:
    """A lab file's bytes, its lab (or None) and its problems."""
    try:
        with open(os.path.join(content_root, path), "rb") as stream:
            raw = stream.read()
    except OSError as exc:
        return b"", None, [error(path, 1, f"cannot be read: {exc.strerror or exc}")]
    return (raw, *load_lab(raw, path))


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


def readable(data: dict) -> dict:
    """Name, city and supervisors in proper case where the registry shouts (ROR's name first)."""
    def given(key: str) -> dict:
        return {k: v.strip() for k, v in (data.get(key) or {}).items()
                if isinstance(v, str) and v.strip()}

    acronyms = {str(k).strip(): v.strip()
                for k, v in (data.get("supervisor_acronyms") or {}).items()}
    known = [data.get("acronym") or "", *acronyms.values(), str(data.get("code") or "")]
    written, shown = given("name"), given("display_name")
    supervisors = tuple(s.strip() for s in data.get("supervisors") or ())
    city = (data.get("city") or "").strip() or None
    return {"name": Text(**{lang: shown.get(lang) or proper_case(text, known)
                            for lang, text in written.items()}),
            "name_as_written": Text(**written), "city_as_written": city,
            "city": proper_case(city, shortest=2) if city else None,
            "supervisors_as_written": supervisors,
            "supervisors": tuple(proper_case(s, acronyms.values()) for s in supervisors),
            "supervisor_acronyms": tuple(acronyms.get(s, "") for s in supervisors)}


def short_acronym(acronym: str, name: str) -> str:
    """An institution's acronym worth showing: one short word, not the name itself."""
    plain = acronym and " " not in acronym and len(acronym) <= 12
    return acronym if plain and acronym.casefold() != name.casefold() else ""


def make_lab(data: dict, path: str) -> Lab:
    """A Lab from a checked file's data."""
    def strip(value: object) -> object:
        return value.strip() or None if isinstance(value, str) else value

    def items(key: str) -> dict:
        return {k: tuple(map(str.strip, v)) if isinstance(v, list) else strip(v)
                for k, v in (data.get(key) or {}).items() if v not in (None, "", [])}

    plain = {key: strip(data.get(key)) for key in ("code", "acronym", "unit_type", "institute",
                                                     "region", "website", "founded")}
    lists = {key: tuple(map(str.strip, data.get(key) or ())) for key in ("partners", "other_codes")}
    coords = {k: float(v) for k, v in items("coordinates").items()}
    return Lab(stem=path.rsplit("/", 1)[-1].rsplit(".", 1)[0], path=path, **plain, **lists,
               **readable(data), domain=Text(**items("domain")),
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
