"""The build, stage by stage: everything is read and checked before anything is written."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from .cache import Cache, Memo, Token, stat_key
from .content.load import Content, Site, read_content
from .content.menus import menu_problems
from .content.pages import Page, TranslationGraph, pair_translations
from .content.urls import assign_urls
from .generators.base import Given, generate_pages
from .generators.dated import undated_problems
from .generators.directory import collect_facets
from .markdown.markup import MarkdownCache
from .problems import Problem, counted, raise_if_errors
from .project import Project
from .publish import folder, search
from .publish.folder import static_assets
from .publish.output import Output, Writer, page_writer
from .publish.redirects import add_redirects, previous_record
from .publish.swap import locked
from .render.bodies import link_bodies, link_summaries, page_summaries
from .render.keys import structure
from .render.sanitize import lab_problems
from .render.site import Rendered, render_chosen, render_site
from .render.templates import check_templates


@dataclass
class Report:
    """What a finished build tells its user."""

    pages: dict[str, int] = field(default_factory=dict)  # lang -> pages published
    fallbacks: int = 0
    warnings: list[Problem] = field(default_factory=list)
    files: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        """Add the time the block takes to the stage `name`."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - started

    def summary(self) -> str:
        """`Built 24 en + 24 fr pages (1 fallback), 3 warnings in 0.84 s`."""
        pages = " + ".join(f"{n} {lang}" for lang, n in sorted(self.pages.items()))
        return (f"Built {pages} pages ({counted(self.fallbacks, 'fallback')}), "
                f"{counted(len(self.warnings), 'warning')} in {self.timings['total']:.2f} s")


def new_cache(project: Project, keeps_pages: bool) -> Memo:
    """A cache for builds of `project`: the Markdown on disk in `project.cache` (if set), and
    with `keeps_pages` (a preview) everything else in memory between builds."""
    texts = MarkdownCache(project.cache / "markdown.marshal" if project.cache else None)
    return Memo(texts=texts, keeps_pages=keeps_pages)


def build_site(project: Project, cache: Cache | None = None,
               first: Callable[[Site, Report], None] | None = None) -> Report:
    """Build the whole site into `project.output`, or raise BuildFailed and leave it as it was;
    `first` gets the checked site before it is rendered (a preview paints one page early)."""
    report, started = Report(), time.perf_counter()
    cache = cache or new_cache(project, keeps_pages=False)
    site = load_site(project, report, cache)
    if first:
        first(site, report)
    with report.stage("render"):
        output = render_output(site, project, cache, report)
    with report.stage("write"):
        report.files = publish_site(output, project, cache)
    report.timings["total"] = time.perf_counter() - started
    return report


def load_site(project: Project, report: Report, cache: Cache) -> Site:
    """Read and check the content: settings, pages, labs, translations, URLs, Markdown, links."""
    with report.stage("read"):
        content, problems = read_content(project, cache)
    with report.stage("parse"):
        graph = make_graph(content, project, cache)
        problems += graph.problems + menu_problems(content.pages)
        problems += lab_problems(content.labs, lambda rel: (
            project.content / rel).read_text(encoding="utf-8"))
        raise_if_errors(problems)
    with report.stage("markdown"):
        summaries = page_summaries(graph.graph)
        converted = cache.markdown([*(p.source.body for p in graph.graph.all_pages() if p.source),
                                    *(s.markdown for s in summaries.values())])
    with report.stage("links"):
        assets = frozenset(content.tree.assets)
        bodies, found = link_bodies(graph.graph, converted, assets, content.settings,
                                    content.translations)
        shown, more = link_summaries(summaries, converted, graph.graph, assets,
                                     content.settings, content.translations)
        raise_if_errors(problems := problems + found + more)
        cache.save()
        report.warnings = [p for p in problems if not p.is_error]
    return Site(content.settings, graph.graph, content.labs, content.data, content.tree.assets,
                content.translations, bodies, graph.facets, graph.labs_token,
                {page: (shown[page], summary.truncated) for page, summary in summaries.items()})


def render_output(site: Site, project: Project, cache: Cache, report: Report) -> Output:
    """Every file of the new site, in memory, each with its one writer."""
    static = static_assets(project.static)
    rendered = render_site(site, project, cache, {
        name: f"{site.settings.base_path}/{hashed}" for name, (hashed, _) in static.items()})
    return collect_output(site, rendered, static, project, report, cache.keeps_pages)


def render_edited(site: Site, project: Project, cache: Cache, sources: set[str]
                  ) -> dict[str, bytes] | None:
    """The output files of the pages made from the content files `sources` and of their
    translations (fallbacks included), or None when what pages show of one another changed
    (a title, the menu, a URL, a date: the structure), so that only the whole build is right."""
    if cache.held("structure") != structure(site.graph):
        return None
    keys = {p.key for p in site.graph.all_pages() if p.source and p.source.path in sources}
    chosen = [p for p in site.graph.all_pages() if p.key in keys and p.kind not in ("lab", "facet")
              and (site.settings.include_drafts or not p.draft)]
    static = static_assets(project.static)
    rendered = render_chosen(site, project, cache, {
        name: f"{site.settings.base_path}/{hashed}" for name, (hashed, _) in static.items()},
        chosen)
    return {page_path(page, site.settings.base_path): html for page, html in rendered.items()}


def page_path(page: Page, base_path: str) -> str:
    """Where a page is written in the output folder."""
    return page.url[len(base_path) + 1:] + "index.html"


@dataclass(frozen=True)
class Graph:
    """Every page, written or generated, paired with its translations and given its URL."""

    graph: TranslationGraph
    facets: dict  # dimension -> every Facet of the directory
    labs_token: Token  # the labs, as a key for what depends on all of them
    problems: list[Problem]


def make_graph(content: Content, project: Project, cache: Cache) -> Graph:
    """The generated pages, every page paired with its translations, and their URLs."""
    labs_token = cache.same("labs", Token(content.labs))
    facets = cache.reuse("facets", labs_token, lambda: collect_facets(content.labs))
    catalogues = tuple(stat_key(f) for f in sorted(project.locales.rglob("*.po")))
    generated = generate_pages(Given(content, facets, labs_token, catalogues), cache)
    problems = check_templates(content.pages, project.templates)
    graph, found = pair_translations(content.pages, generated, content.settings.languages,
                                     content.settings.include_drafts)
    problems += found + undated_problems(content.pages, content.settings.include_drafts)
    graph, found = assign_urls(graph, content.settings.base_path)
    return Graph(graph, facets, labs_token, problems + found)


def collect_output(site: Site, rendered: Rendered, static: dict, project: Project,
                   report: Report, preview: bool = False) -> Output:
    """Every output path with its one writer: design files, pages, the build's own files,
    content files copied as they are; two writers of one path are an error naming both."""
    out = Output()
    for name, (hashed, data) in static.items():
        out.add(hashed, data, Writer(f"the design's static/{name}"))
    for page, html in rendered.pages.items():
        out.add(page_path(page, site.settings.base_path), html, page_writer(page))
        report.pages[page.lang] = report.pages.get(page.lang, 0) + 1
        report.fallbacks += page.is_fallback
    for rel, data in rendered.extras.items():
        out.add(rel, data, Writer(f"the build's own {rel}"))
    for rel in site.assets:
        out.add(rel, project.content / rel, Writer(f"the file {rel}", rel))
    # a preview publishes nothing: what moved is judged against the published site, not
    # against the preview of a minute ago
    previous, found = ({}, []) if preview else previous_record(project)
    raise_if_errors(found)
    report.warnings += found + add_redirects(out, site, previous)
    raise_if_errors(out.check())
    return out


def publish_site(output: Output, project: Project, cache: Cache) -> int:
    """Write the new site beside the output folder and swap it in whole, under the folder's
    lock; a preview writes only the files that changed. Returns how many files were written."""
    folder.check_output_folder(project.output, project.content, project.force)
    with locked(project.output.resolve()):  # a second build of this folder waits here
        folder.check_output_folder(project.output, project.content, project.force)
        folder.check_working_folders(project.output, project.force)
        try:
            if cache.keeps_pages and cache.published:  # a preview: changed files only
                return folder.update_in_place(output.files, output.copies, project.output,
                                              cache.published)
            written = folder.publish(output.files, output.copies, project.output,
                                     search.index_site if project.search_index else None)
            if cache.keeps_pages:
                cache.published = folder.markers(output.files, output.copies)
            return written
        except OSError as exc:  # a full disk, a file removed under the build: the site is as it was
            folder.fail(project.output, f"cannot write the site ({exc.strerror or exc}: "
                                        f"{exc.filename}); the published site is unchanged")
