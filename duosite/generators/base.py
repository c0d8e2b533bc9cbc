"""The generator protocol: given the checked content, yield ordinary pages.

A generator's pages join the written ones before translations are paired and URLs
assigned, so the switcher, hreflang, the sitemap, search and link checks treat them like
any page. Each generator names the inputs its pages depend on, and the cache gives back
the pages of the build before while those are equal.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Protocol

from ..cache import Cache, Token
from ..content.load import Content
from ..content.pages import Page
from . import dated, directory, sitepages


@dataclass(frozen=True)
class Given:
    """What every generator is given: the checked content and what is derived from it once."""

    content: Content
    facets: dict  # dimension -> every Facet of the directory
    labs_token: Token  # the labs, as one key
    catalogues: tuple  # what changes when an interface catalogue is saved


class Generator(Protocol):
    """Pages made from data."""

    name: str

    def inputs(self, given: Given) -> Hashable:
        """Everything the pages depend on: equal inputs, equal pages."""

    def pages(self, given: Given) -> list[Page]:
        """The pages, in every language."""


class LabDirectory:
    """The laboratory directory: its index, lists, facet pages and one page per lab."""

    name = "directory"

    def inputs(self, given: Given) -> Hashable:
        """The labs, which languages have a written index page, and the catalogues."""
        return given.labs_token, written_in(given.content, directory.SECTION), given.catalogues

    def pages(self, given: Given) -> list[Page]:
        """Every page of the directory."""
        content = given.content
        return directory.directory_pages(content.labs, given.facets,
                                         written_in(content, directory.SECTION),
                                         content.settings.languages, content.gettext)


class SitePages:
    """The pages every site has that no editor wrote: legal pages, sitemap, search."""

    name = "site pages"

    def inputs(self, given: Given) -> Hashable:
        """Which keys editors wrote, the settings and the catalogues."""
        return written(given.content), given.content.settings, given.catalogues

    def pages(self, given: Given) -> list[Page]:
        """The legal pages (when site.yaml gives their facts), the sitemap and the search page."""
        content = given.content
        return sitepages.site_pages(written(content), content.settings, content.gettext)


class DatedLists:
    """Pages 2, 3… of the sections whose pages are dated (listed newest first)."""

    name = "dated lists"

    def inputs(self, given: Given) -> Hashable:
        """The pages editors wrote (their dates, titles, drafts) and the catalogues."""
        return tuple(given.content.pages), given.content.settings, given.catalogues

    def pages(self, given: Given) -> list[Page]:
        """Every further page of every dated section's list."""
        content = given.content
        return dated.list_pages(content.pages, content.settings.languages,
                                content.settings.include_drafts, content.gettext)


GENERATORS: tuple[Generator, ...] = (LabDirectory(), SitePages(), DatedLists())


def generate_pages(given: Given, cache: Cache) -> list[Page]:
    """Every generator's pages, each reused from the build before while its inputs are equal."""
    return [page for generator in GENERATORS for page in cache.reuse(
        generator.name, generator.inputs(given), lambda g=generator: g.pages(given))]


def written(content: Content) -> frozenset[str]:
    """The keys of the pages editors wrote."""
    return frozenset(source.key for source in content.pages)


def written_in(content: Content, key: str) -> frozenset[str]:
    """The languages in which an editor wrote the page `key`."""
    return frozenset(source.lang for source in content.pages if source.key == key)
