"""Atom feeds, read back with an XML parser and checked against RFC 4287's requirements."""

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

import pytest

from duosite.generators.atom import Entry, Feed, atom_feed, feed_link

A = "{http://www.w3.org/2005/Atom}"


def news(*entries, **changes) -> Feed:
    values = dict(title="News & events", lang="fr", author="Institut <Partenariats>",
                  self_url="https://example.fr/fr/actualites/atom.xml",
                  page_url="https://example.fr/fr/actualites/", entries=entries)
    return Feed(**{**values, **changes})


POSTS = (Entry("Nouveau <labo> & co", "https://example.fr/fr/actualites/labo/",
               date(2025, 1, 20), datetime(2025, 2, 1, 8, 30, tzinfo=UTC),
               "<p>Un <em>nouveau</em> laboratoire &amp; plus</p>"),
         Entry("Older", "https://example.fr/fr/actualites/older/", date(2024, 6, 1)))


def parse(feed: Feed) -> ET.Element:
    return ET.fromstring(atom_feed(feed).encode("utf-8"))


def test_the_feed_has_what_rfc_4287_requires():
    root = parse(news(*POSTS))
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    for required in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{A}{required}")) == 1, required
    assert root.find(f"{A}author/{A}name").text == "Institut <Partenariats>"
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
    assert links == {"self": "https://example.fr/fr/actualites/atom.xml",
                     "alternate": "https://example.fr/fr/actualites/"}
    assert root.find(f"{A}updated").text == "2025-02-01T08:30:00Z"  # the latest change
    for entry in root.findall(f"{A}entry"):
        for required in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{required}")) == 1, required
        assert entry.find(f"{A}link").get("rel") == "alternate"
        assert entry.find(f"{A}id").text.startswith("https://")


def test_text_and_html_are_escaped_and_read_back_as_written():
    root = parse(news(*POSTS))
    first = root.findall(f"{A}entry")[0]
    assert root.find(f"{A}title").text == "News & events"
    assert first.find(f"{A}title").text == "Nouveau <labo> & co"
    summary = first.find(f"{A}summary")
    assert summary.get("type") == "html"
    assert summary.text == "<p>Un <em>nouveau</em> laboratoire &amp; plus</p>"
    assert first.find(f"{A}published").text == "2025-01-20T00:00:00Z"
    assert root.findall(f"{A}entry")[1].find(f"{A}summary") is None


def test_characters_xml_cannot_hold_are_dropped_not_left_to_break_the_feed():
    root = parse(news(Entry("Bad\x0bchar\x00", "https://example.fr/a/", date(2025, 1, 1))))
    assert root.find(f"{A}entry/{A}title").text == "Badchar"


def test_relative_urls_are_refused():
    with pytest.raises(ValueError, match="absolute URLs"):
        atom_feed(news(Entry("x", "/fr/actualites/x/", date(2025, 1, 1))))


def test_an_empty_feed_is_valid_and_the_same_text_each_time():
    feed = news(empty_updated=date(2025, 1, 1))
    assert atom_feed(feed) == atom_feed(feed)
    assert parse(feed).find(f"{A}updated").text == "2025-01-01T00:00:00Z"
    with pytest.raises(ValueError):
        atom_feed(news())


def test_the_head_link_announces_the_feed():
    assert feed_link(news()) == ('<link rel="alternate" type="application/atom+xml" '
                                 'title="News &amp; events" '
                                 'href="https://example.fr/fr/actualites/atom.xml">')
