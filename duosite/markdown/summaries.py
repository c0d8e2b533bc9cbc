"""A page's summary for lists and feeds: `summary:`, the text before <!--more-->, or its lead."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..problems import Spot
from .detect import blank_code

MORE = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*$", re.MULTILINE | re.IGNORECASE)
NOT_PROSE = re.compile(r" {0,3}(#|<|>|[-+*] |\d{1,9}[.)] |!\[|\||```|~~~|\{\{|[-*_=]{3,})")



@dataclass(frozen=True)
class Summary:
    """Markdown to show where the page is listed, and whether the page says more."""

    markdown: str
    source: str  # 'summary', 'more' or 'lead'
    truncated: bool  # True when the page holds more than the summary ("Read more")


def _lead(body: str) -> str:
    """The first paragraph of prose: not a heading, list, quote, table, image or HTML."""
    masked, lines = blank_code(body).split("\n"), body.split("\n")
    block: list[str] = []
    for number, line in enumerate(masked):
        if not line.strip():
            if block:
                break
            continue
        if not block and NOT_PROSE.match(line):
            while number < len(masked) and masked[number].strip():
                masked[number] = ""  # skip the whole block this line opens
                number += 1
            continue
        block.append(lines[number].strip())
    return "\n".join(block)


def summarise(body: str, summary: str | None = None) -> Summary:
    """The summary of a page whose Markdown is `body` (front matter `summary:` wins)."""
    more = MORE.search(blank_code(body))
    rest_after = body[more.end():].strip() if more else ""
    if summary and summary.strip():
        return Summary(summary.strip(), "summary", bool(body.strip()))
    if more:
        return Summary(body[:more.start()].strip(), "more", bool(rest_after))
    lead = _lead(body)
    return Summary(lead, "lead", lead != body.strip())


def body_without_more(body: str) -> str:
    """The page's body with its <!--more--> line removed (it marks, it is not shown)."""
    more = MORE.search(blank_code(body))
    return body if more is None else body[:more.start()] + body[more.end():].lstrip("\n")


def summary_problems(body: str, summary: object, summary_line: int = 1,
                     first_line: int = 1) -> list[Spot]:
    """What is wrong with a page's summary: not a text, or two <!--more--> marks."""
    found: list[Spot] = []
    if summary is not None and not isinstance(summary, str):
        found.append((summary_line, "front matter: 'summary' must be a text"))
    marks = list(MORE.finditer(blank_code(body))) if "more" in body.lower() else []
    for extra in marks[1:]:
        found.append((first_line + body.count("\n", 0, extra.start()),
                      "a second <!--more-->: only the first ends the summary; remove this one"))
    return found
