"""Reading the whole content tree: settings, pages, labs, data files and catalogues."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..cache import Cache, Token, stat_key
from ..problems import Problem
from ..project import Project
from ..text import safefiles
from . import datafiles, i18n, labs, sources
from .pages import TranslationGraph
from .settings import Settings, load_settings


@dataclass(frozen=True)
class Content:
    """What the content tree and the catalogues hold, parsed."""

    settings: Settings
    tree: sources.ContentTree
    pages: list  # every Source
    labs: tuple
    data: dict
    translations: dict  # lang -> gettext translations

    @property
    def gettext(self) -> dict:
        """Each language's gettext function."""
        return {lang: t.gettext for lang, t in self.translations.items()}


@dataclass(frozen=True)
class Site:
    """The whole site in memory, checked and ready to render."""

    settings: Settings
    graph: TranslationGraph
    labs: tuple
    data: dict
    assets: tuple[str, ...]
    translations: dict
    bodies: dict  # Page -> HTML of its content, links resolved
    facets: dict  # dimension -> every Facet of the directory
    labs_token: Token  # the labs, as a key for what depends on all of them
    summaries: dict = field(default_factory=dict)  # Page -> (summary HTML, is there more)

    @cached_property
    def labs_by_stem(self) -> dict:
        """Each lab by its file name."""
        return {lab.stem: lab for lab in self.labs}

    @property
    def gettext(self) -> dict:
        """Each language's gettext function."""
        return {lang: t.gettext for lang, t in self.translations.items()}


def read_content(project: Project, cache: Cache) -> tuple[Content, list[Problem]]:
    """Settings, pages, labs, data files and interface catalogues, with their problems."""
    problems: list[Problem] = []
    settings, found = load_settings(project.content, project.include_drafts, project.base_url)
    problems += found
    tree = sources.scan_content(project.content)
    problems += tree.problems
    page_sources, found = read_pages(project.content, tree.pages, settings.languages, cache)
    problems += found
    lab_records, found = read_labs(project.content, tree.labs, cache)
    problems += found
    data, found = datafiles.load_data(project.content, tree.data)
    problems += found + datafiles.check_groups(page_sources, data)
    translations = {}
    for lang in settings.languages:
        translations[lang], found = i18n.load_translations(project.locales, lang,
                                                           settings.languages[0])
        problems += found
    return Content(settings, tree, page_sources, lab_records, data, translations), problems


def read_pages(content: Path, paths, languages, cache: Cache) -> tuple[list, list[Problem]]:
    """Parse every page, reusing what the cache read of files that did not change."""

    def parse(rel: str) -> tuple:
        raw, found = safefiles.read_bytes(content, rel)
        return sources.parse_page(rel, raw, languages) if raw is not None else (None, found)

    parsed = cache.each("pages", stats(content, paths), parse)
    found_sources, problems = [], []
    for source, found in parsed.values():
        problems += found
        if source is not None:
            found_sources.append(source)
    return found_sources, problems


def read_labs(content: Path, paths, cache: Cache) -> tuple[tuple, list[Problem]]:
    """Load the lab files, parsing again only those that changed since the last build."""
    loaded = cache.each("lab files", stats(content, paths),
                        lambda rel: labs.load_lab_file(content, rel))
    found, problems = labs.checked_labs(loaded)
    # the very same tuple when every lab is: what depends on all labs sees no change at once
    return cache.reuse("labs", found, lambda: found), problems


def stats(content: Path, paths) -> dict:
    """Each path's stat, or None for a file gone since the tree was listed (read again, so
    that reading it says so)."""
    found = {}
    for rel in paths:
        try:
            found[rel] = stat_key(content / rel)
        except OSError:
            found[rel] = None
    return found
