"""YAML parsing that reports problems with a file's line and column."""

from __future__ import annotations

import re

import yaml

from ..problems import Problem, error

MAX_BYTES = 2_000_000  # a YAML file of the content tree; the real site's largest is 3 kB
MAX_VALUES = 200_000  # values once aliases are expanded (a "billion laughs" file has 10^9)
MAX_DEPTH = 64  # lists and mappings inside one another
# libyaml's parser, five to ten times faster than PyYAML's own, which stands in where PyYAML
# was built without libyaml (its messages for a syntax error are worded a little differently)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_SAFE_LOADER):
    """libyaml's safe loader; a key given twice, or a value its tag cannot make, is an error."""

    def construct_mapping(self, node, deep=False):
        """A mapping; a repeated key is refused (YAML itself would keep the last silently)."""
        seen: dict = {}
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"key '{key_node.value}' is given twice; keep one",
                        key_node.start_mark)
                seen[key_node.value] = True
        return super().construct_mapping(node, deep)

    def construct_object(self, node, deep=False):
        """A value; one its tag cannot make (`!!int "abc"`, 2021-02-30) is an error at its place."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            tag = node.tag.rpartition(":")[2]
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a valid {tag} ({exc})",
                node.start_mark) from None


def load_limited(text: str) -> object:
    """Parse YAML within the limits on size, expanded values and depth (YAMLError otherwise)."""
    if len(text) > MAX_BYTES:
        raise yaml.YAMLError(f"the file is larger than {MAX_BYTES // 1_000_000} MB")
    try:
        value = yaml.load(text, Loader=Loader)
    except RecursionError:  # PyYAML's own parser, deeper than Python's stack: libyaml stops
        raise yaml.YAMLError(f"lists and mappings nested more than {MAX_DEPTH} deep") from None
    if message := too_big(value):
        raise yaml.YAMLError(message)
    return value


def too_big(value: object) -> str | None:
    """Why a parsed value is too big to use (aliases make a small file huge), if it is."""
    pending, count = [(value, 1)], 0
    while pending:
        item, depth = pending.pop()
        count += 1
        if count > MAX_VALUES:
            return f"more than {MAX_VALUES:,} values once aliases are expanded"
        if depth > MAX_DEPTH:
            return f"lists and mappings nested more than {MAX_DEPTH} deep"
        if isinstance(item, dict):
            pending += [(v, depth + 1) for pair in item.items() for v in pair]
        elif isinstance(item, list):
            pending += [(v, depth + 1) for v in item]
    return None


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[object, list[Problem]]:
    """Parse YAML with libyaml; a syntax error becomes one problem at its position."""
    try:
        return load_limited(text), []
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
