"""Rendering every page of a checked site, and the files that are not pages."""

from __future__ import annotations

from dataclasses import dataclass

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
    figures = labs.directory_figures(site.labs)
    design = cache.same("design", Token(design_fingerprint(project, site, asset_urls, figures)))
    shape = cache.same("structure", structure(site.graph))
    nav = {lang: templates.site_menus(site.graph, lang) for lang in site.settings.languages}
    shared = make_shared(site, nav, figures, cache.start_rendering(design, shape))
    envs = {lang: environment(project, site, lang, asset_urls, design, cache)
            for lang in site.settings.languages}

    def render_one(page: Page) -> bytes:
        body = site.bodies.get(page, "")

        def produce() -> bytes:
            html = envs[page.lang].get_template(page.template).render(
                page_context(page, body, shared))
            return typography.typeset(html, page.lang).encode()

        if not cache.keeps_pages:  # nothing to reuse: spare computing the key
            return produce()
        return cache.page(render_key(page, body, design, shape, listed(page, site)), produce)

    pages = [p for p in site.graph.all_pages() if site.settings.include_drafts or not p.draft]
    # a one-off build renders on every core; a preview keeps its pages in memory instead
    rendered = templates.render_all(pages, render_one, project.templates,
                                    in_processes=not cache.keeps_pages)
    return Rendered(rendered, extra_files(site, envs, shared, cache, shape))
