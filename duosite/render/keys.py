"""What each page's HTML depends on: the keys under which a cache may give it back."""

from __future__ import annotations

from ..cache import Cache, Token, stat_key
from ..content.load import Site
from ..content.pages import Page
from ..project import Project
from . import templates


def design_fingerprint(project: Project, site: Site, asset_urls: dict, figures: dict) -> tuple:
    """Everything besides a page's own context that its HTML depends on."""
    watched = [*sorted(project.templates.rglob("*.html")), *sorted(project.locales.rglob("*.po"))]
    return (tuple((str(f), stat_key(f)) for f in watched), tuple(sorted(asset_urls.items())),
            site.settings, repr(site.data), tuple(sorted(figures.items())))


def environment(project: Project, site: Site, lang: str, asset_urls: dict, design: Token,
                cache: Cache):
    """The Jinja environment of one language, reused while templates and catalogue are unchanged."""
    return cache.reuse(f"environment {lang}", design.value[:3], lambda: (
        templates.make_environment(project.templates, lang, site.translations[lang],
                                   site.settings, asset_urls)))


def structure(graph) -> Token:
    """What pages show of one another (titles, URLs, languages, menu): one value to compare."""
    return Token(tuple((p.key, p.lang, p.content_lang, p.kind, p.title, p.description, p.url,
                        p.segment, p.weight, p.menu, p.draft, p.dates) for p in graph.all_pages()
                       if p.kind not in ("lab", "facet")))  # shown only by pages listing labs


def render_key(page: Page, body: str, design: Token, shape: Token, listed) -> tuple:
    """All the inputs of one page's HTML.

    Navigation, breadcrumbs, section lists, switcher and alternates are functions of the
    site's structure (lab and facet pages aside: only pages listing labs show them, and
    `listed` holds what such a page lists).
    """
    return page, body, design, shape, listed


def listed(page: Page, site: Site) -> Token | None:
    """What a page shows of the pages it lists that is not in the site's structure: labs (all,
    one facet's, or one dimension's facets), or the summaries of a section's pages."""
    if page.kind == "facet":
        return Token(tuple(site.labs_by_stem[stem] for stem in page.data[0].stems))
    if page.kind == "facet-list":
        return Token(site.facets[page.data[0]])
    if page.kind in ("directory", "lab-list", "sitemap") or page.template in ("directory.html",
                                                                               "sitemap.html"):
        return site.labs_token  # the sitemap lists every lab and facet page too
    if page.kind in ("home", "section", "section-list"):  # the summaries of its pages
        section = page.data[0] if page.kind == "section-list" else page.key
        return Token(tuple(site.summaries.get(site.graph.get(key, page.lang))
                           for key in site.graph.children_keys.get(section, ())))
    return None
