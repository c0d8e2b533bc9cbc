"""Checking `data/key_figures.yaml`: every figure a number in a known format, with a label."""

from __future__ import annotations

from ..problems import Problem, warning
from .labs import place
from .labschema import INSTITUTES, kind_of

FILE = "key_figures"  # data/key_figures.yaml
FORMATS = ("number", "percent", "fraction", "directory")
DIRECTORY_FIGURES = ("labs_total", "labs_in_france", "labs_abroad",
                     *(f"institute:{code}" for code in INSTITUTES))


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def figure_issues(item: object) -> list[tuple]:
    """What is wrong with one figure: (path inside it, 'key'/'value', message)."""
    if not isinstance(item, dict):
        return [((), "value", f"a key figure must be a mapping of format, value and label, "
                              f"not {kind_of(item)}")]
    issues, kind, value = [], item.get("format", "number"), item.get("value")
    if kind not in FORMATS:
        issues.append((("format",), "value", f"format '{kind}' is not one of "
                                              f"{', '.join(FORMATS)}"))
    elif kind == "directory" and value not in DIRECTORY_FIGURES:
        issues.append((("value",), "value", f"directory figure '{value}' is not one of "
                                             f"{', '.join(DIRECTORY_FIGURES[:3])}, institute:…"))
    elif kind == "fraction" and not (isinstance(value, list) and len(value) == 2
                                     and all(map(_is_number, value))):
        issues.append((("value",), "value", "a fraction's value must be two numbers, "
                                             "like [3, 4]"))
    elif kind in ("number", "percent") and not _is_number(value):
        issues.append((("value",), "value", f"the value of a {kind} figure must be a number, "
                                             f"not {kind_of(value)}"))
    for key in ("label", "qualifier"):
        text = item.get(key)
        if (text is not None or key == "label") and not _is_text(text):
            issues.append(((key,) if key in item else (), "value",
                           f"'{key}' must be a text or a mapping of en and fr to texts"))
    return issues


def _is_text(value: object) -> bool:
    if isinstance(value, dict):
        return bool(value) and all(k in ("en", "fr") and isinstance(v, str)
                                   for k, v in value.items())
    return isinstance(value, str)


def check_key_figures(data: object, text: str, path: str) -> list[Problem]:
    """Every problem of the key figures file, at its line."""
    if data in (None, {}):
        return []
    if not isinstance(data, dict):
        return place(text, path, [((), "value", "key figures must be groups: a mapping of "
                                                "group names to lists of figures")])
    issues = []
    for group, items in data.items():
        if not isinstance(items, list):
            issues.append(((group,), "value", f"group '{group}' must be a list of figures"))
            continue
        issues += [((group, n, *at), part, message) for n, item in enumerate(items)
                   for at, part, message in figure_issues(item)]
    return place(text, path, issues)


def check_groups(page_sources, data: dict) -> list[Problem]:
    """A page asking for a group of key figures that does not exist: a warning at that line."""
    groups = data.get(FILE) if isinstance(data.get(FILE), dict) else {}
    return [warning(s.path, s.line_of("figures"), f"figures: no group '{s.figures}' in "
                    f"data/{FILE}.yaml, so none are shown; groups: "
                    f"{', '.join(map(str, groups)) or '(none)'}")
            for s in page_sources if s.figures and s.figures not in groups]
