"""Atom feeds (RFC 4287): one document per language and dated section, or for the whole site."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import escape

from ..content.pages import Page, TranslationGraph
from ..content.settings import Settings
from ..text.dates import Moment, instant, newest_first, rfc3339
from .dated import newest_pages

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# characters XML 1.0 cannot hold at all, even escaped; a feed reader refuses the whole feed
FEED_NAME = "feed.xml"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    """One dated page as a feed lists it."""

    title: str
    url: str  # absolute: also the entry's id
    published: Moment
    updated: Moment | None = None
    summary_html: str = ""


@dataclass(frozen=True)
class Feed:
    """A feed: what it is called, where it is and what it lists, newest first."""

    title: str
    lang: str
    self_url: str  # where the feed itself is published (absolute)
    page_url: str  # the page it follows (absolute)
    author: str  # the publishing organisation
    entries: tuple[Entry, ...]
    empty_updated: Moment | None = None  # `updated` of a feed with no entries yet


def _absolute(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"a feed needs absolute URLs, not {url!r}")
    return url


def _text(value: str) -> str:
    return NOT_XML.sub("", value)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = _text(text)
    return element


def _entry(feed: ET.Element, entry: Entry) -> None:
    item = _add(feed, "entry")
    _add(item, "title", entry.title)
    _add(item, "link", rel="alternate", type="text/html", href=_absolute(entry.url))
    _add(item, "id", entry.url)
    _add(item, "published", rfc3339(entry.published))
    _add(item, "updated", rfc3339(entry.updated or entry.published))
    if entry.summary_html.strip():
        _add(item, "summary", entry.summary_html, type="html")


def feed_updated(feed: Feed) -> Moment:
    """The feed's `updated`: its latest entry's last change."""
    moments = [e.updated or e.published for e in feed.entries]
    if not moments:
        if feed.empty_updated is None:
            raise ValueError("a feed without entries needs 'empty_updated'")
        return feed.empty_updated
    return max(moments, key=instant)


def atom_feed(feed: Feed) -> str:
    """The feed as an Atom document, the same text for the same feed."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: feed.lang})
    _add(root, "title", feed.title)
    _add(root, "link", rel="self", type="application/atom+xml", href=_absolute(feed.self_url))
    _add(root, "link", rel="alternate", type="text/html", href=_absolute(feed.page_url))
    _add(root, "id", feed.self_url)
    _add(root, "updated", rfc3339(feed_updated(feed)))
    _add(_add(root, "author"), "name", feed.author)
    for entry in feed.entries:
        _entry(root, entry)
    ET.indent(root)
    return ('<?xml version="1.0" encoding="utf-8"?>\n'
            + ET.tostring(root, encoding="unicode", short_empty_elements=True) + "\n")


def feed_link(feed: Feed) -> str:
    """The `<link rel="alternate">` a page's head carries to announce its feed."""
    return (f'<link rel="alternate" type="application/atom+xml" '
            f'title="{escape(_text(feed.title))}" href="{escape(_absolute(feed.self_url))}">')


ROOT_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def site_feeds(graph: TranslationGraph, settings: Settings, summaries: dict,
               dated: frozenset[str]) -> dict[tuple[str, str], Feed]:
    """(lang, section key) -> its feed, '' for the whole site's: the dated pages written in
    that language (a fallback is not news in the other language), newest first."""
    feeds = {}
    for lang in graph.languages:
        home = graph.get("", lang)
        listed = {key: newest_pages(graph, key, lang) for key in sorted(dated)}
        listed[""] = [p for pages in listed.values() for p in pages]
        for key, chosen in listed.items():
            page = graph.get(key, lang) if key else home
            entries = tuple(_feed_entry(p, settings, summaries) for p in newest_first(
                [p for p in chosen if p.dates and not p.is_fallback],
                lambda p: p.dates.published, lambda p: p.url))
            if page is None or not entries:
                continue
            name = settings.site_name(lang)
            feeds[lang, key] = Feed(
                title=name if key == "" else f"{page.title} – {name}", lang=lang,
                self_url=settings.absolute(feed_url(page)), page_url=settings.absolute(page.url),
                author=settings.organisation_name(lang) or name, entries=entries)
    return feeds


def feed_url(section: Page) -> str:
    """Where the feed of a section (or of the home page: the whole site's) is published."""
    return section.url + FEED_NAME


def _feed_entry(page: Page, settings: Settings, summaries: dict) -> Entry:
    html = summaries.get(page, ("", False))[0]
    origin = settings.absolute("/")[:-1]
    return Entry(page.title, settings.absolute(page.url), page.dates.published,
                 page.dates.updated, ROOT_RELATIVE.sub(rf"\1{origin}/", html))
