"""Finders of content the build would otherwise publish wrong without a word.

Each takes a page's text (or its rendered HTML) and returns `(line, message)` pairs, the line
counted in the file when `first_line` is the line the text starts on.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from html.parser import HTMLParser

from ..problems import Spot
from .mdlists import BLOCK_TAGS

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
RAW_CODE = re.compile(r"<(pre|code|script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
SHORTCODE = re.compile(r"\{\{([<%])\s*(/?)\s*([\w./-]*)(.*?)[>%]\}\}", re.DOTALL)
TEMPLATE = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}|\{%-?\s*(.*?)\s*-?%\}|\{#.*?#\}", re.DOTALL)
# without a '#}' in the text no Jinja comment can close: `{#id}` heading ids need no scan
TEMPLATE_CODE = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}|\{%-?\s*(.*?)\s*-?%\}", re.DOTALL)
HTML_BLOCK_START = re.compile(rf" {{0,3}}<({BLOCK_TAGS})(?=[\s>/])", re.IGNORECASE)
MARKDOWN_SYNTAX = (
    (re.compile(r"!?\[[^\]\n]+\]\([^)\s]+[^)\n]*\)"), "a link"),
    (re.compile(r"(\*\*|__)(?=\S)[^\n]*?\S\1"), "bold text"),
    (re.compile(r"(?<![\w*\\])\*(?=[^\s*])[^*\n]*[^\s*]\*(?![\w*])"), "emphasis"),
    (re.compile(r"^ {0,3}(?:[-+*]|\d{1,9}[.)]) +(?!<)\S", re.MULTILINE), "a list item"),
    (re.compile(r"^ {0,3}#{1,6} +\S", re.MULTILINE), "a heading"),
)
TAG = re.compile(r"<[^>\n]*>")
SETEXT_RULE = re.compile(r"\n {0,3}=")
ATX_H1 = re.compile(r"^ {0,3}# +(\S.*?)[ #]*$", re.MULTILINE)
SETEXT_H1 = re.compile(r"^(\S.*)\n {0,3}=+ *$", re.MULTILINE)


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


@lru_cache(maxsize=8)  # each finder of one page's checks asks for the same text
def blank_code(text: str) -> str:
    """The text with code (fenced, indented, inline, <pre>/<code>) blanked, lines kept."""
    lines, fence, previous_blank = text.split("\n"), "", True
    for number, line in enumerate(lines):
        opened = FENCE.match(line)
        if fence or opened or (previous_blank and line.startswith(("    ", "\t"))):
            if fence and opened and opened.group(1).startswith(fence):
                fence = ""
            elif opened and not fence:
                fence = opened.group(1)
            lines[number] = " " * len(line)
            continue
        previous_blank = not line.strip()
    text = "\n".join(lines)
    return CODE_SPAN.sub(_blank, RAW_CODE.sub(_blank, text))


def _line(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def shortcodes(text: str, first_line: int = 1) -> list[Spot]:
    """Hugo shortcodes (`{{< name … >}}`, `{{% name … %}}`), which would be published as text."""
    found = []
    if "{{" not in text:
        return found
    for match in SHORTCODE.finditer(blank_code(text)):
        if match.group(2):
            continue  # a closing shortcode: its opening one is reported
        name = match.group(3) or "?"
        found.append((_line(text, match.start(), first_line),
                      f"Hugo shortcode '{_shorten(match.group(0))}' is not run here and would "
                      f"be published as text: replace '{name}' with Markdown or HTML "
                      "(see docs/migrating-from-hugo.md)"))
    return found


def template_syntax(text: str, first_line: int = 1) -> list[Spot]:
    """Jinja or Go template code (`{{ … }}`, `{% … %}`, `{# … #}`) left in content."""
    found = []
    if "{{" not in text and "{%" not in text and "#}" not in text:
        return found
    pattern = TEMPLATE if "#}" in text else TEMPLATE_CODE
    for match in pattern.finditer(SHORTCODE.sub(_blank, blank_code(text))):
        found.append((_line(text, match.start(), first_line),
                      f"template code '{_shorten(match.group(0))}' is not run in content and "
                      "would be published as text: remove it, or put it in a code span"))
    return found


def _html_blocks(lines: list[str]):
    """(index of its first line, its lines) of each HTML block: a block tag to a blank line."""
    start = None
    for number, line in enumerate([*lines, ""]):
        if start is None and HTML_BLOCK_START.match(line):
            start = number
        elif start is not None and not line.strip():
            yield start, lines[start:number]
            start = None


def raw_markdown_in_html(text: str, first_line: int = 1) -> list[Spot]:
    """Markdown written inside an HTML block, which is published as written, unconverted."""
    if "<" not in text:
        return []
    found, lines = [], blank_code(text).split("\n")
    for start, block in _html_blocks(lines):
        tag = HTML_BLOCK_START.match(block[0]).group(1).lower()
        for offset, line in enumerate(block):
            words = TAG.sub(" ", line)
            what = next((name for pattern, name in MARKDOWN_SYNTAX if pattern.search(words)), "")
            if what:
                found.append((first_line + start + offset,
                              f"{what} in Markdown inside '<{tag}>' would be published as "
                              f"written: leave a blank line after the '<{tag}>' line and "
                              f"before its closing tag"))
    return found


def markdown_h1(text: str, first_line: int = 1) -> list[Spot]:
    """'# Heading' lines: the page's title is its h1, so each would be a second one."""
    patterns = [p for p, present in ((ATX_H1, "#" in text), (SETEXT_H1, SETEXT_RULE.search(text)))
                if present]
    if not patterns:
        return []
    found, conflict, masked = [], bool(conflict_markers(text)), blank_code(text)
    for match in sorted((m for p in patterns for m in p.finditer(masked)), key=re.Match.start):
        if conflict and match.group(0).rstrip().endswith("=" * 7):
            continue  # the middle of a merge conflict, reported as one
        title = match.group(1)
        found.append((_line(text, match.start(), first_line),
                      f"'{_shorten(title)}' is a level-1 heading, but the page's title is "
                      "already its h1: make it '## " + _shorten(title) + "'"))
    return found


def conflict_markers(text: str, first_line: int = 1) -> list[Spot]:
    """Lines a version-control merge left behind (<<<<<<<, =======, >>>>>>>)."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    return [(_line(text, m.start(), first_line),
             "a merge conflict marker is left in the text: keep one version, remove the marks")
            for m in re.finditer(r"^(<{7}|>{7})(?: .*)?$", text, re.MULTILINE)]


class _H1Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[int] = []

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.lines.append(self.getpos()[0])


def extra_h1(html: str) -> list[Spot]:
    """Every h1 after the first in a rendered page (a page has one title)."""
    finder = _H1Finder()
    finder.feed(html)
    finder.close()
    count = len(finder.lines)
    return [(line, f"the page has {count} h1 headings; it should have one, its title")
            for line in finder.lines[1:]]


def read_toml_front_matter(text: str) -> tuple[dict | None, list[Spot]]:
    """Front matter between '+++' lines (Hugo's TOML), read, with a message saying it is TOML."""
    if not text.startswith("+++"):
        return None, []
    end = re.search(r"^\+\+\+[ \t]*$", text[3:], re.MULTILINE)
    if end is None:
        return None, [(1, "front matter starts with '+++' (TOML) and is not closed: add a "
                          "'+++' line after it, or write it as YAML between '---' lines")]
    head = text[3:3 + end.start()].lstrip("\r\n")
    try:
        meta = tomllib.loads(head)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"line (\d+)", str(exc))
        line = 1 + int(where.group(1)) if where else 1
        return None, [(line, f"front matter is TOML and cannot be read: {exc}")]
    return meta, [(1, "front matter is TOML ('+++'); this site reads YAML between '---' lines: "
                      "scripts/hugo_to_duosite.py converts it")]
