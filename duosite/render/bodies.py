"""Each page's body: its Markdown's HTML sanitised, with its links resolved in its tree."""

from __future__ import annotations

from ..content import i18n, urls
from ..content.pages import Page, TranslationGraph
from ..content.settings import Settings
from ..parallel import map_on_cores
from ..problems import Problem
from . import sanitize


def link_bodies(graph: TranslationGraph, converted: dict[str, str], assets: frozenset[str],
                settings: Settings, translations: dict) -> tuple[dict, list[Problem]]:
    """Each page's HTML, sanitised, with its links resolved in its tree; what the sanitiser
    removed is a problem (an error when it could run script)."""
    hints = {lang: i18n.in_language(translations, lang) for lang in translations}

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
