"""Each page's body: its Markdown's HTML sanitised, with its links resolved in its tree."""

from __future__ import annotations

from dataclasses import replace

from ..content import i18n, urls
from ..content.pages import Page, TranslationGraph
from ..content.settings import Settings
from ..markdown.summaries import Summary, summarise
from ..parallel import map_on_cores
from ..problems import Problem
from . import sanitize


def link_bodies(graph: TranslationGraph, converted: dict[str, str], assets: frozenset[str],
                settings: Settings, translations: dict) -> tuple[dict, list[Problem]]:
    """Each page's HTML, sanitised, with its links resolved in its tree; what the sanitiser
    removed is a problem (an error when it could run script)."""
    hints = language_hints(translations)

    def link(page: Page) -> tuple[str, list[Problem]]:
        source = page.source
        cleaned = sanitize.sanitize(converted[source.body])
        body, found = urls.rewrite_links(cleaned.html, page, graph, assets, settings.base_path,
                                         hints)
        if page.lang != source.lang:  # report a page's mistakes once, from its own tree
            return body, []
        return body, found + sanitize.fragment_problems(cleaned.removed, source.path,
                                                        source.body, source.body_line)

    pages = [page for page in graph.all_pages() if page.source is not None]
    results = map_on_cores(link, pages, min_items=400)
    problems = [problem for _, found in results for problem in found]
    return {page: body for page, (body, _) in zip(pages, results, strict=True)}, problems


def language_hints(translations: dict) -> dict[str, str]:
    """What follows a link to a page in another language, said in that language."""
    return {lang: i18n.in_language(translations, lang) for lang in translations}


def page_summaries(graph: TranslationGraph) -> dict[Page, Summary]:
    """What lists and feeds show of the pages they list: dated pages, and pages without a
    description (a section's cards show the description when there is one)."""
    return {page: summarise(page.source.body, page.source.summary)
            for page in graph.all_pages() if page.source and page.parent_key is not None
            and (page.dates or not page.description or page.source.summary)}


def link_summaries(summaries: dict[Page, Summary], converted: dict[str, str], graph,
                   assets: frozenset[str], settings: Settings, translations: dict
                   ) -> tuple[dict, list[Problem]]:
    """Each summary's HTML, sanitised, links resolved as in its page; a link in the front
    matter's `summary:` is checked there (the body's own links are checked with the body)."""
    html, problems, hints = {}, [], language_hints(translations)
    for page, summary in summaries.items():
        cleaned = sanitize.sanitize(converted[summary.markdown])
        html[page], found = urls.rewrite_links(cleaned.html, page, graph, assets,
                                               settings.base_path, hints)
        if summary.source == "summary" and page.lang == page.source.lang:
            line = page.source.line_of("summary")
            problems += [replace(p, line=line, message=f"summary: {p.message}") for p in found]
    return html, problems
