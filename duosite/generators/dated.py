"""Dated sections: a section whose pages say when they were published lists them newest
first, PER_PAGE at a time, on its own page and on further pages 2, 3…"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..content.i18n import N_
from ..content.pages import PAGE, SECTION_LIST, Page, TranslationGraph
from ..content.sources import Source
from ..problems import Problem, warning
from ..text.dates import newest_first

PER_PAGE = 10  # pages listed per page of a dated section
PAGE_TITLE = N_("%(title)s, page %(number)s of %(pages)s")


def listed_sources(sources: Iterable[Source], include_drafts: bool) -> dict[str, list[Source]]:
    """The pages (not sections) directly inside each section that has a dated one."""
    inside: dict[str, list[Source]] = {}
    for source in sources:
        if not source.is_section and source.key and (include_drafts or not source.draft):
            inside.setdefault(source.key.rpartition("/")[0], []).append(source)
    return {section: found for section, found in inside.items()
            if section and any(s.dates for s in found)}


def undated_problems(sources: Iterable[Source], include_drafts: bool) -> list[Problem]:
    """A page without a date among dated ones is listed after them: say so."""
    return [warning(s.path, 1, f"the pages of '{section}/' are dated, this one has no 'date': "
                               "it is listed after them; add 'date: YYYY-MM-DD' to place it")
            for section, found in listed_sources(sources, include_drafts).items()
            for s in found if not s.dates]


def list_pages(sources: list[Source], languages: tuple[str, ...], include_drafts: bool,
               gettext: dict[str, Callable[[str], str]]) -> list[Page]:
    """Pages 2, 3… of each dated section that lists more than PER_PAGE pages, per language."""
    pages = []
    sections = {s.key: s for s in sources if s.is_section}
    for key, found in sorted(listed_sources(sources, include_drafts).items()):
        total = -(-len({s.key for s in found}) // PER_PAGE)
        written = {s.lang: s for s in sources if s.key == key and s.is_section}
        for lang in languages if key in sections else ():
            section = written.get(lang) or next(iter(written.values()))
            for number in range(2, total + 1):
                title = gettext[lang](PAGE_TITLE) % {"title": section.title, "number": number,
                                                     "pages": total}
                pages.append(Page(key=f"{key}/page-{number}", lang=lang,
                                  content_lang=section.lang, kind=SECTION_LIST, title=title,
                                  segment=f"page-{number}", template="section.html",
                                  data=(key, number)))
    return pages


def newest_pages(graph: TranslationGraph, section: str, lang: str) -> list[Page]:
    """The pages of a section in its `lang` tree: dated ones newest first, then the others by
    weight and title."""
    found = [page for key in graph.children_keys.get(section, ())
             if (page := graph.get(key, lang)) and page.kind == PAGE]
    dated = newest_first([p for p in found if p.dates], lambda p: p.dates.published,
                         lambda p: p.title.casefold())
    return dated + sorted((p for p in found if not p.dates),
                          key=lambda p: (p.weight, p.title.casefold()))


def dated_sections(graph: TranslationGraph) -> frozenset[str]:
    """The keys of the sections that list their pages by date."""
    return frozenset(page.parent_key for versions in graph.pages.values()
                     for page in versions.values()
                     if page.dates and page.kind == PAGE and page.parent_key)


@dataclass(frozen=True)
class Posts:
    """One page of a dated section's list: its pages, and where it sits among the pages."""

    items: list
    number: int
    pages: int
    previous: str | None  # URLs of the list's pages before and after
    next: str | None


def posts(graph: TranslationGraph, page: Page, dated: frozenset[str]) -> Posts | None:
    """What a dated section's page (or its page 2, 3…) lists; None for any other page."""
    section, number = page.data if page.kind == SECTION_LIST else (page.key, 1)
    if section not in dated or page.kind not in ("section", SECTION_LIST):
        return None
    every = newest_pages(graph, section, page.lang)
    total = max(1, -(-len(every) // PER_PAGE))

    def url(n: int) -> str | None:
        target = graph.get(section if n == 1 else f"{section}/page-{n}", page.lang)
        return target.url if 1 <= n <= total and target else None

    start = (number - 1) * PER_PAGE
    return Posts(every[start:start + PER_PAGE], number, total, url(number - 1),
                 url(number + 1))
