"""Cleaning HTML from content and data with nh3 (Ammonia), and saying what it removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import nh3

from ..content.urls import line_of
from ..markdown.markup import convert_untrusted
from ..problems import Problem, error, warning
from . import htmlpolicy

HANDLER = re.compile(r"[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE)


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser left out, and how to find it in the source."""

    message: str
    dangerous: bool  # script-capable: an error, never merely a warning
    needles: tuple[str, ...]  # what to look for in the source, most precise first


@dataclass(frozen=True)
class Sanitized:
    """A fragment as it is published, and what was left out of it."""

    html: str
    removed: tuple[Removal, ...] = ()


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    tags = set(htmlpolicy.TAGS)
    return nh3.Cleaner(
        tags=tags, clean_content_tags=set(htmlpolicy.CONTENT_DROPPED),
        attributes={tag: set(htmlpolicy.allowed_attributes(tag)) for tag in tags},
        attribute_filter=htmlpolicy.keep_attribute, url_schemes=set(htmlpolicy.SCHEMES),
        link_rel=None, strip_comments=True)


class _Tags(HTMLParser):
    """Every start tag of a fragment with its attributes and its text as written."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, tuple, str]] = []
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.found.append((tag, tuple((k, v or "") for k, v in attrs),
                           self.get_starttag_text() or f"<{tag}"))

    handle_startendtag = handle_starttag


def sanitize(fragment: str) -> Sanitized:
    """The fragment with only allowed tags, attributes and URLs, and what was removed."""
    # Ammonia writes a no-break space as an entity; the site's pages hold the character itself
    clean = _cleaner().clean(fragment).replace("&nbsp;", "\u00a0")
    if clean == fragment:
        return Sanitized(clean)
    return Sanitized(clean, removals(_Tags(fragment).found, _Tags(clean).found))


def removals(before: list, after: list) -> tuple[Removal, ...]:
    """What is in the tags `before` and not in the tags `after` (a multiset difference)."""
    tags = Counter(tag for tag, _, _ in after)
    attributes = Counter((tag, name, value) for tag, attrs, _ in after for name, value in attrs)
    found: dict[str, Removal] = {}
    for tag, attrs, written in before:
        if tags[tag] > 0:
            tags[tag] -= 1
        else:
            message, dangerous = htmlpolicy.refusal(tag) or (
                f"<{tag}> was removed: it cannot stand where it is written", False)
            if not dangerous and (handler := HANDLER.search(written)):  # <image/onerror=…>
                message, dangerous = htmlpolicy.refusal(tag, handler.group(1), "")
            found.setdefault(f"{message}\0{written}", Removal(message, dangerous,
                                                              (written, f"<{tag}")))
            continue
        for name, value in attrs:
            if attributes[(tag, name, value)] > 0:
                attributes[(tag, name, value)] -= 1
                continue
            message, dangerous = htmlpolicy.refusal(tag, name, value) or (
                f"attribute '{name}' on <{tag}> was removed", False)
            found.setdefault(f"{message}\0{written}", Removal(message, dangerous, (
                written, *_as_written(written, name), *([value] if len(value) > 3 else []),
                name, f"<{tag}")))
    return tuple(found.values())


def _as_written(tag_text: str, name: str) -> list[str]:
    """An attribute as the source may have written it (entities and all), to find its line:
    `name="value"` first (raw HTML, or `{: name="value" }` after a Markdown block), then
    the bare value (a Markdown link's URL)."""
    match = re.search(rf"""\b{re.escape(name)}\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", tag_text,
                      re.IGNORECASE)
    if not match:
        return []
    value = match.group(1).strip("\"'")
    return [f'{name}="{value}"', f"{name}='{value}'", f"{name}={value}",
            *([value] if len(value) > 3 else [])]


def fragment_problems(removed: tuple[Removal, ...], path: str, text: str,
                      first_line: int) -> list[Problem]:
    """One problem per removal, on the line of `text` (a page body, a field) where it is."""
    problems, seen = [], set()
    for removal in removed:
        line = first_line
        for needle in removal.needles:
            if needle and (needle in text or needle.lower() in text.lower()):
                line = line_of(text, needle, first_line)
                break
        if (line, removal.message) not in seen:
            seen.add((line, removal.message))
            make = error if removal.dangerous else warning
            problems.append(make(path, line, removal.message))
    return problems


@lru_cache(maxsize=8192)
def untrusted_markdown(text: str) -> Sanitized:
    """Registry or data Markdown (a lab summary) as safe HTML, and what was removed."""
    return sanitize(convert_untrusted(text))


def lab_problems(labs, read_text) -> list[Problem]:
    """Each lab summary's removals, on the line of the lab file where they are written."""
    problems = []
    for lab in labs:
        for lang in ("fr", "en"):
            text = getattr(lab.summary, lang)
            removed = untrusted_markdown(text).removed if text else ()
            if removed:
                raw = read_text(lab.path)
                start = raw.find(text.splitlines()[0]) if text.strip() else -1
                first = raw.count("\n", 0, start) + 1 if start >= 0 else 1
                problems += fragment_problems(removed, lab.path, raw[max(start, 0):], first)
    return problems
