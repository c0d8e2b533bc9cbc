"""Rendering every page of a checked site, and the files that are not pages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..cache import Cache, Token
from ..content import labs
from ..content.load import Site
from ..content.pages import Page
from ..project import Project
from . import templates, typography
from .context import make_shared, page_context
from .extras import extra_files
from .keys import design_fingerprint, environment, listed, render_key, structure


@dataclass(frozen=True)
class Rendered:
    """Every page's bytes, and the build's own files (chooser, 404 pages, sitemap, …)."""

    pages: dict  # Page -> bytes
    extras: dict  # path in the output -> bytes


def render_site(site: Site, project: Project, cache: Cache, asset_urls: dict) -> Rendered:
    """Every published page through its template, then the files about the site."""
    design, shape, envs, shared = prepare(site, project, cache, asset_urls, first=True)

    def render_one(page: Page) -> bytes:
        body = site.bodies.get(page, "")
        produce = partial(render_page, page, body, envs, shared)
        if not cache.keeps_pages:  # nothing to reuse: spare computing the key
            return produce()
        return cache.page(render_key(page, body, design, shape, listed(page, site)), produce)

    pages = [p for p in site.graph.all_pages() if site.settings.include_drafts or not p.draft]
    # a one-off build renders on every core; a preview keeps its pages in memory instead
    rendered = templates.render_all(pages, render_one, project.templates,
                                    in_processes=not cache.keeps_pages)
    return Rendered(rendered, extra_files(site, envs, shared, cache, shape))


def render_chosen(site: Site, project: Project, cache: Cache, asset_urls: dict,
                  chosen: list[Page]) -> dict:
    """Only the `chosen` pages, as `render_site` would make them, leaving the cache's
    record of rendered pages as it was (a preview paints them before the whole build)."""
    _, _, envs, shared = prepare(site, project, cache, asset_urls, first=False)
    return templates.render_all(
        chosen, lambda page: render_page(page, site.bodies.get(page, ""), envs, shared),
        project.templates, in_processes=False)


def prepare(site: Site, project: Project, cache: Cache, asset_urls: dict, first: bool) -> tuple:
    """The design and structure tokens, each language's environment and the shared context;
    only the `first` rendering of a build starts the cache's new round of pages."""
    figures = labs.directory_figures(site.labs)
    design = cache.same("design", Token(design_fingerprint(project, site, asset_urls, figures)))
    shape = cache.same("structure", structure(site.graph))
    nav = {lang: templates.site_menus(site.graph, lang) for lang in site.settings.languages}
    shared = make_shared(site, nav, figures, cache.start_rendering(design, shape) if first else {})
    envs = {lang: environment(project, site, lang, asset_urls, design, cache)
            for lang in site.settings.languages}
    return design, shape, envs, shared


def render_page(page: Page, body: str, envs: dict, shared) -> bytes:
    """One page through its template, typeset for its language."""
    html = envs[page.lang].get_template(page.template).render(page_context(page, body, shared))
    return typography.typeset(html, page.lang).encode()
