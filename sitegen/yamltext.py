"""YAML parsing that reports problems with a file's line and column."""

from __future__ import annotations

import re

import yaml

from .problems import Problem, error


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[object, list[Problem]]:
    """Parse YAML with libyaml; a syntax error becomes one problem at its position."""
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader), []
    except yaml.YAMLError as exc:
        # the context mark is where the unfinished construct (a '[', a quote) began
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = first_line + (mark.line if mark else 0)
        col = mark.column + 1 if mark else 0
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if context := getattr(exc, "context", None):
            problem = f"{context}: {problem}"
        return None, [error(path, line, f"invalid YAML: {problem}", col)]
    except ValueError as exc:  # a well-formed value libyaml cannot build: 2026-13-01
        return None, [error(path, first_line, f"invalid YAML value: {exc}")]


def key_line(text: str, key: str, first_line: int = 1) -> int:
    """The line on which a top-level `key:` is written (first_line if not found)."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return first_line + text.count("\n", 0, match.start()) if match else first_line


def decode_utf8(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a file's bytes; invalid UTF-8 is a problem on the line of the first bad byte."""
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [error(path, line, "file is not UTF-8 text; save it as UTF-8")]
