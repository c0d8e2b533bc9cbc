"""Markdown read as CommonMark reads lists and HTML blocks, before Python-Markdown parses it.

Python-Markdown needs a blank line before a list and four spaces to nest one; editors write
lists as CommonMark does (a list right after a paragraph, children under their parent's
text). This pre-pass rewrites the lines into the form Python-Markdown reads the same way:
a blank line where a list interrupts a paragraph, each nesting level re-indented to four
spaces, and `markdown="1"` on a block-level HTML tag followed by a blank line (CommonMark
ends the HTML block there, so what follows is Markdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

BULLET = re.compile(r"(?P<marker>[-+*])(?P<gap> {1,4}(?=\S)| *$)")
ORDERED = re.compile(r"(?P<number>\d{1,9})(?P<delim>[.)])(?P<gap> {1,4}(?=\S)| *$)")
BREAK = re.compile(r"([-*_])(?: *\1){2,} *$")  # a thematic break, never a list item
FENCE = re.compile(r"(`{3,}|~{3,})")
BLOCK_TAGS = ("address|article|aside|blockquote|details|dialog|dd|div|dl|dt|fieldset|"
              "figcaption|figure|footer|form|header|li|main|nav|ol|section|summary|table|"
              "tbody|td|tfoot|th|thead|tr|ul")
OPEN_TAG = re.compile(rf" {{0,3}}<(?:{BLOCK_TAGS})(?=[\s>])(?![^>]*\bmarkdown=)[^>]*>\s*$",
                      re.IGNORECASE)
WHOLE_ELEMENT = re.compile(r" {0,3}<([a-z][a-z0-9]*)\b[^>]*>.*</\1>\s*$", re.IGNORECASE)
RAW_START = re.compile(r" {0,3}<(pre|script|style|textarea)[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class Marker:
    """A list item's marker: where its content starts, and whether it may break a paragraph."""

    content_col: int  # column of the item's text, counted from the line's start
    interrupts: bool  # CommonMark: a bullet, or '1.', with text after it


def list_marker(line: str, indent: int) -> Marker | None:
    """The list marker `line` starts with after `indent` spaces, if it starts one."""
    rest = line[indent:]
    if BREAK.match(rest):
        return None
    found = BULLET.match(rest) or ORDERED.match(rest)
    if not found:
        return None
    gap = len(found.group("gap"))
    empty = not rest[found.end():].strip()
    width = found.end("gap") - gap + (1 if empty or gap > 4 else gap)
    first = found.groupdict().get("number")
    return Marker(indent + width, not empty and first in (None, "1"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


@dataclass
class _State:
    """Where the pass is: the open list items' content columns, fences and raw blocks."""

    columns: list[int]
    fence: str = ""
    raw_end: str = ""
    previous: str = ""  # the last line read ('' after a blank line)
    in_paragraph: bool = False
    after_marker: bool = False  # the last line opened a list item
    loose: bool = False  # a blank line since the open item began
    code_depth: int = 0  # the list depth of the fenced code being read


def _depth(columns: list[int], indent: int) -> int:
    return sum(1 for col in columns if col <= indent)


def _reindent(state: _State, line: str, depth: int) -> str:
    indent = _indent(line)
    base = state.columns[depth - 1] if depth else 0
    return " " * (4 * depth + max(indent - base, 0)) + line.lstrip(" ")


def _ordered_dot(line: str) -> str:
    """'1) text' as '1. text': Python-Markdown knows only the dot."""
    return re.sub(r"^( *\d{1,9})\)(?= |$)", r"\1.", line)


def _list_line(state: _State, line: str, out: list[str]) -> None:
    """Re-indent one non-blank line, opening or closing list items as it does."""
    indent = _indent(line)
    depth = _depth(state.columns, indent)
    marker = list_marker(line, indent) if indent - (state.columns[depth - 1]
                                                    if depth else 0) < 4 else None
    if marker is None and state.previous:
        out.append(line)  # continues the line before: Python-Markdown reads it lazily
        state.after_marker = False
        return
    if marker is None and depth == 0 and not state.previous:
        state.columns.clear()  # the list ended at the blank line
    elif marker is not None:
        if state.in_paragraph and not state.columns and not marker.interrupts:
            out.append(line)
            return
        new_list = depth == len(state.columns) and not state.after_marker
        if state.in_paragraph and (new_list or state.loose):
            out.append("")  # Python-Markdown needs a blank line before a list
        del state.columns[depth:]
        out.append(_ordered_dot(_reindent(state, line, depth)))
        state.columns.append(marker.content_col)
        state.in_paragraph = bool(line[marker.content_col:].strip())
        state.after_marker, state.loose = True, False
        return
    state.after_marker = False
    out.append(_reindent(state, line, depth))
    state.in_paragraph = not FENCE.match(line.lstrip()) and not line.lstrip().startswith(
        ("#", "<", ">"))


def _code_line(state: _State, line: str) -> bool:
    """Track fenced code and raw HTML; True when `line` is inside one (left as it is)."""
    stripped = line.lstrip(" ")
    if state.fence:
        if stripped.startswith(state.fence) and not stripped[len(state.fence):].strip():
            state.fence = ""
        return True
    if state.raw_end:
        if state.raw_end in line.lower():
            state.raw_end = ""
        return True
    if opened := FENCE.match(stripped):
        state.fence = opened.group(1)
        return False
    if raw := RAW_START.match(line):
        if f"</{raw.group(1).lower()}>" not in line.lower():
            state.raw_end = f"</{raw.group(1).lower()}>"
        return True
    return False


def _fence_in_list(state: _State, line: str, out: list[str]) -> None:
    """Fenced code inside a list item, as the indented code Python-Markdown reads there."""
    stripped = line.lstrip(" ")
    if not state.fence:
        state.fence = FENCE.match(stripped).group(1)
        state.code_depth = _depth(state.columns, _indent(line))
        if out and out[-1].strip():
            out.append("")
        return
    if stripped.startswith(state.fence) and not stripped[len(state.fence):].strip():
        state.fence = ""
        out.append("")
        return
    base = state.columns[state.code_depth - 1] if state.code_depth else 0
    text = line[min(_indent(line), base):]
    out.append(" " * (4 * state.code_depth + 4) + text if text.strip() else "")


def _opens_html_block(lines: list[str], number: int) -> bool:
    """True for a block-level tag alone on its line, then whole elements, then a blank line."""
    if not OPEN_TAG.match(lines[number]):
        return False
    for line in lines[number + 1:]:
        if not line.strip():
            return True
        if not WHOLE_ELEMENT.match(line):
            return False
    return False


def rewrite_lines(lines: list[str], html_blocks: bool = True) -> list[str]:
    """Lines written as CommonMark writes lists and HTML blocks, as Python-Markdown reads them."""
    state, out = _State(columns=[]), []
    for number, line in enumerate(lines):
        if state.columns and (state.fence or FENCE.match(line.lstrip(" "))):
            _fence_in_list(state, line, out)
        elif _code_line(state, line):
            out.append(line)
        elif not line.strip():
            out.append(line)
            state.in_paragraph = state.after_marker = False
            state.loose = bool(state.columns)
        elif not state.columns and _indent(line) >= 4 and not state.in_paragraph:
            out.append(line)  # indented code
        elif html_blocks and not state.columns and _opens_html_block(lines, number):
            out.append(line.rstrip()[:-1].rstrip() + ' markdown="1">')
        else:
            _list_line(state, line, out)
        state.previous = line if line.strip() else ""
    return out


class CommonMarkLists(Preprocessor):
    """The pre-pass, after whitespace is normalised and before HTML blocks are stashed."""

    def __init__(self, md: markdown.Markdown, html_blocks: bool):
        super().__init__(md)
        self.html_blocks = html_blocks

    def run(self, lines: list[str]) -> list[str]:
        """Rewrite the document's lines."""
        return rewrite_lines(lines, self.html_blocks)


class CommonMarkListsExtension(Extension):
    """Lists and HTML blocks as CommonMark reads them (with `sane_lists` and `md_in_html`)."""

    def __init__(self, html_blocks: bool = True):
        super().__init__()
        self.html_blocks = html_blocks  # False where raw HTML is shown as text

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's name)
        """Register the pre-pass between whitespace normalisation (30) and HTML blocks (20)."""
        md.preprocessors.register(CommonMarkLists(md, self.html_blocks), "commonmark_lists", 25)


EXTENSIONS = ["tables", "attr_list", "md_in_html", "fenced_code", "footnotes", "def_list",
              "abbr", "toc", "sane_lists"]


def new_engine(extensions: list | None = None, html_blocks: bool = True) -> markdown.Markdown:
    """A Python-Markdown engine with the site's extensions and CommonMark-like lists."""
    chosen = list(EXTENSIONS if extensions is None else extensions)
    return markdown.Markdown(extensions=[*chosen, CommonMarkListsExtension(html_blocks)],
                             output_format="html")
