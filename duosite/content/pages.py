"""The published pages: one per translation key and site language, paired into one graph."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..problems import Problem, error, warning
from .menus import MenuEntry
from .sources import Source

HOME, SECTION, PAGE, DIRECTORY, FACET_LIST, FACET, LAB, LAB_LIST, SECTION_LIST = (
    "home", "section", "page", "directory", "facet-list", "facet", "lab", "lab-list",
    "section-list")


@dataclass(frozen=True)
class Page:
    """One page of one language tree; a fallback shows another language's content."""

    key: str  # shared by a page's translations: "industry", "regional", "" (home)
    lang: str  # the language tree the page is published in
    content_lang: str  # the language its content is written in
    kind: str
    title: str
    description: str = ""
    segment: str = ""  # this page's own part of its URL
    weight: int = 0
    menu: MenuEntry | None = None  # where the page is listed in the site's menus
    draft: bool = False
    template: str = "page.html"
    source: Source | None = None  # None for pages generated from data
    data: tuple = ()  # what a generated page shows (a lab, a facet's labs, …)
    only_in: str | None = None
    url: str = ""

    def __hash__(self) -> int:
        # pages are dictionary keys many times per build: hash the fields once
        cached = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.key, self.lang, self.content_lang, self.kind, self.title,
                           self.description, self.segment, self.weight, self.menu, self.draft,
                           self.template, self.source, self.data, self.only_in, self.url))
            object.__setattr__(self, "_hash", cached)
        return cached

    def at(self, url: str) -> Page:
        """This page published at `url` (a quick copy: a build makes thousands)."""
        page = object.__new__(Page)
        page.__dict__.update(self.__dict__, url=url)
        page.__dict__.pop("_hash", None)
        return page

    @property
    def is_fallback(self) -> bool:
        """True when the content is in another language than the tree's."""
        return self.content_lang != self.lang

    @property
    def dates(self):
        """When the page's content was published and last changed, if its source says."""
        return self.source.dates if self.source else None

    @property
    def parent_key(self) -> str | None:
        """The key of the enclosing section (None for the home page)."""
        return None if self.key == "" else self.key.rpartition("/")[0]

    @property
    def path(self) -> str:
        """The source file this page comes from, for messages."""
        if self.source:
            return self.source.path
        return self.data[0].path if self.kind == LAB else f"the directory's {self.key}"


TEMPLATES = {HOME: "home.html", SECTION: "section.html", PAGE: "page.html"}
# pages whose key gives their layout: the site's own pages, written by editors or generated
KEY_TEMPLATES = {"legal-notice": "legal-notice.html", "accessibility": "accessibility.html",
                 "personal-data": "personal-data.html", "contact": "contact.html",
                 "sitemap": "sitemap.html", "search": "search.html"}


def page_from_source(source: Source, lang: str) -> Page:
    """The page `source` publishes in the `lang` tree (a fallback when languages differ)."""
    kind = HOME if source.key == "" else SECTION if source.is_section else PAGE
    template = source.template or KEY_TEMPLATES.get(source.key) or TEMPLATES[kind]
    if not template.endswith(".html"):
        template += ".html"
    segment = source.slug if source.lang == lang and source.slug else source.key.rpartition("/")[2]
    return Page(key=source.key, lang=lang, content_lang=source.lang, kind=kind,
                title=source.title, description=source.description, segment=segment,
                weight=source.weight, menu=source.menu, draft=source.draft, template=template,
                source=source, only_in=source.only_in)


@dataclass(frozen=True)
class TranslationGraph:
    """Every key's page in every language tree, and which of them are real translations."""

    languages: tuple[str, ...]
    pages: dict[str, dict[str, Page]]  # key -> lang -> page

    def get(self, key: str, lang: str) -> Page | None:
        """The page of `key` in the `lang` tree, if the key exists."""
        return self.pages.get(key, {}).get(lang)

    def real_languages(self, key: str) -> tuple[str, ...]:
        """Languages in which `key` is written (not merely shown as a fallback)."""
        return tuple(lang for lang, page in self.pages.get(key, {}).items()
                     if not page.is_fallback)

    def counterpart(self, page: Page, lang: str) -> Page | None:
        """The same page in the other language's tree (a translation or a fallback)."""
        return self.get(page.key, lang)

    @cached_property
    def children_keys(self) -> dict[str, tuple[str, ...]]:
        """Keys of the pages directly inside each section."""
        found: dict[str, list[str]] = {}
        for key in self.pages:
            if key:
                found.setdefault(key.rpartition("/")[0], []).append(key)
        return {parent: tuple(keys) for parent, keys in found.items()}

    def all_pages(self) -> list[Page]:
        """Every published page, in a stable order."""
        return [p for key in sorted(self.pages) for p in self.pages[key].values()]


def pair_translations(sources: list[Source], generated: list[Page],
                      languages: tuple[str, ...], include_drafts: bool = False
                      ) -> tuple[TranslationGraph, list[Problem]]:
    """Group sources by key; a key missing in a language gets the other language's content."""
    by_key: dict[str, dict[str, Source]] = {}
    for source in sources:
        if source.draft and not include_drafts:
            continue
        by_key.setdefault(source.key, {})[source.lang] = source
    pages: dict[str, dict[str, Page]] = {}
    problems: list[Problem] = []
    for key, versions in by_key.items():
        original = versions.get(languages[0]) or versions[languages[1]]
        pages[key] = {}
        for lang in languages:
            source = versions.get(lang, original)
            pages[key][lang] = page_from_source(source, lang)
            if lang not in versions:
                why = "written in" if source.only_in else "no translation yet; shown in"
                problems.append(warning(source.path, 1, f"{lang} site: fallback page ({why} "
                                        f"{source.lang} only, with a notice)"))
    for page in generated:
        taken = pages.setdefault(page.key, {}).get(page.lang)
        if taken is None:
            pages[page.key][page.lang] = page
        elif page.kind == LAB or taken.source:  # a file where the directory puts a page
            # (not two facets: spellings with one URL segment are one facet, collect_facets)
            blamed = page.path if page.kind == LAB else taken.path
            if not any(p.path == blamed and f"'{page.key}'" in p.message for p in problems):
                problems.append(error(blamed, 1, f"the page '{page.key}' is made both by "
                                      f"{taken.path} and by {page.path}; rename one of them"))
    return TranslationGraph(languages, pages), problems
