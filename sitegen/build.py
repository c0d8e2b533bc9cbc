"""The build, stage by stage: everything is read and checked before anything is written."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .content import datafiles, i18n, labs, sources, urls
from .content.pages import Page, TranslationGraph, pair_translations
from .content.settings import Settings, load_settings
from .generators import directory, sitepages
from .parallel import map_on_cores
from .preview.memo import (
    Memo,
    Token,
    design_fingerprint,
    environment,
    listed,
    read_labs,
    read_pages,
    render_key,
    stat_key,
    structure,
)
from .problems import Problem, did_you_mean, error, raise_if_errors
from .publish import folder as publish
from .publish import search
from .publish.folder import static_assets
from .publish.output import Output, Writer, page_writer
from .publish.swap import locked
from .render import markup, sanitize, typography
from .render import templates as render
from .render.context import make_shared, page_context
from .render.extras import extra_files


@dataclass(frozen=True)
class Project:
    """Where a build reads and writes."""

    content: Path
    output: Path
    templates: Path
    locales: Path
    static: Path
    cache: Path | None = None  # None: convert all Markdown afresh (--no-cache)
    include_drafts: bool = False
    base_url: str | None = None  # instead of site.yaml's, for a staging copy (--base-url)
    force: bool = False  # replace an output folder the build did not write (--force)
    search_index: bool = True  # False: publish without running the search indexer


@dataclass
class Report:
    """What a finished build tells its user."""

    pages: dict[str, int] = field(default_factory=dict)  # lang -> pages published
    fallbacks: int = 0
    warnings: list[Problem] = field(default_factory=list)
    files: int = 0
    timings: dict[str, float] = field(default_factory=dict)

    def lap(self, stage: str, started: float) -> float:
        """Record the time a stage took; returns now."""
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - started
        return now


def build(project: Project, memo: Memo | None = None) -> Report:
    """Build the whole site into `project.output`, or raise BuildFailed and leave it as it was."""
    report, started = Report(), time.perf_counter()
    memo = memo or Memo(keep_rendered=False)
    site = load_site(project, report, memo)
    files, copies = render_site(site, project, report, memo)
    now = time.perf_counter()
    publish.check_output_folder(project.output, project.content, project.force)
    with locked(project.output.resolve()):  # a second build of this folder waits here
        publish.check_output_folder(project.output, project.content, project.force)
        publish.check_working_folders(project.output, project.force)
        try:
            if memo.keep_rendered and memo.published:  # a preview: changed files only
                report.files = publish.update_in_place(files, copies, project.output,
                                                       memo.published)
            else:
                report.files = publish.publish(files, copies, project.output,
                                               search.index_site if project.search_index
                                               else None)
                if memo.keep_rendered:
                    memo.published = publish.markers(files, copies)
        except OSError as exc:  # a full disk, a file removed under the build: the site is as it was
            publish.fail(project.output, f"cannot write the site ({exc.strerror or exc}: "
                                         f"{exc.filename}); the published site is unchanged")
    report.lap("write", now)
    report.timings["total"] = time.perf_counter() - started
    return report


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

    @cached_property
    def labs_by_stem(self) -> dict:
        """Each lab by its file name."""
        return {lab.stem: lab for lab in self.labs}


def load_site(project: Project, report: Report, memo: Memo) -> Site:
    """Read and check the content: settings, pages, labs, translations, URLs, Markdown, links."""
    now = time.perf_counter()
    content, problems = read_content(project, memo)
    now = report.lap("read", now)
    graph, facets, labs_token, found = make_graph(content, project, memo)
    problems += found + sanitize.lab_problems(content.labs, lambda rel: (
        project.content / rel).read_text(encoding="utf-8"))
    raise_if_errors(problems)
    now = report.lap("parse", now)
    if memo.markdown is None:
        memo.markdown = markup.MarkdownCache(project.cache / "markdown.marshal"
                                             if project.cache else None)
    converted = memo.markdown.convert_all(p.source.body for p in graph.all_pages() if p.source)
    now = report.lap("markdown", now)
    bodies, found = link_bodies(graph, converted, frozenset(content.tree.assets),
                                content.settings, content.translations)
    problems += found
    raise_if_errors(problems)
    memo.markdown.save()
    report.warnings = [p for p in problems if not p.is_error]
    report.lap("links", now)
    return Site(content.settings, graph, content.labs, content.data, content.tree.assets,
                content.translations, bodies, facets, labs_token)


@dataclass(frozen=True)
class Content:
    """What the content tree and the catalogues hold, parsed."""

    settings: Settings
    tree: sources.ContentTree
    pages: list  # every Source
    labs: tuple
    data: dict
    translations: dict  # lang -> gettext translations


def read_content(project: Project, memo: Memo) -> tuple[Content, list[Problem]]:
    """Settings, pages, labs, data files and interface catalogues, with their problems."""
    problems: list[Problem] = []
    settings, found = load_settings(project.content, project.include_drafts, project.base_url)
    problems += found
    tree = sources.scan_content(project.content)
    problems += tree.problems
    page_sources, found = read_pages(project.content, tree.pages, settings.languages, memo)
    problems += found
    lab_records, found = read_labs(project.content, tree.labs, memo)
    problems += found
    data, found = datafiles.load_data(project.content, tree.data)
    problems += found + datafiles.check_groups(page_sources, data)
    translations = {}
    for lang in settings.languages:
        translations[lang], found = i18n.load_translations(project.locales, lang,
                                                           settings.languages[0])
        problems += found
    return Content(settings, tree, page_sources, lab_records, data, translations), problems


def make_graph(content: Content, project: Project, memo: Memo) -> tuple:
    """The directory's pages, every page paired with its translations, and their URLs."""
    settings, lab_records = content.settings, content.labs
    gettext = {lang: t.gettext for lang, t in content.translations.items()}
    labs_token = memo.same("labs", Token(lab_records))
    facets = memo.reuse("facets", labs_token, lambda: directory.collect_facets(lab_records))
    has_index = frozenset(s.lang for s in content.pages if s.key == directory.SECTION)
    catalogues = tuple(stat_key(f) for f in sorted(project.locales.rglob("*.po")))
    generated = memo.reuse("directory", (labs_token, has_index, catalogues), lambda: (
        directory.directory_pages(lab_records, facets, has_index, settings.languages, gettext)))
    written = frozenset(s.key for s in content.pages)
    generated = [*generated, *sitepages.site_pages(written, settings, gettext)]
    problems = check_templates(content.pages, project.templates)
    graph, found = pair_translations(content.pages, generated, settings.languages,
                                     settings.include_drafts)
    problems += found
    graph, found = urls.assign_urls(graph, settings.base_path)
    return graph, facets, labs_token, problems + found


def check_templates(page_sources, templates: Path) -> list[Problem]:
    """A page asking for a layout that does not exist is an error on its `template` line."""
    generated_only = {"base", "chooser", "404", "facet", "facet-list", "lab", "lab-list",
                      "status", "search", "sitemap", "legal-notice", "accessibility",
                      "personal-data", "contact"}  # the last four: chosen by the page's key
    available = sorted(p.stem for p in templates.glob("*.html")
                       if not p.name.startswith("_") and p.stem not in generated_only)
    problems = []
    for source in page_sources:
        name = (source.template or "").removesuffix(".html")
        if name and name not in available:
            problems.append(error(source.path, source.line_of("template"),
                                  f"template '{name}' does not exist; use one of "
                                  f"{', '.join(available)}{did_you_mean(name, available)}"))
    return problems


def link_bodies(graph, converted, assets, settings, translations) -> tuple[dict, list[Problem]]:
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


def render_site(site: Site, project: Project, report: Report, memo: Memo
                ) -> tuple[dict, dict]:
    """Every output file's bytes, and the content files copied as they are."""
    now = time.perf_counter()
    static, copies = static_assets(project.static), {a: project.content / a for a in site.assets}
    asset_urls = {name: f"{site.settings.base_path}/{hashed}" for name, (hashed, _) in
                  static.items()}
    figures = labs.directory_figures(site.labs)
    design = memo.same("design", Token(design_fingerprint(project, site, asset_urls, figures)))
    shape = memo.same("structure", structure(site.graph))
    nav = {lang: render.main_navigation(site.graph, lang) for lang in site.settings.languages}
    shared = make_shared(site.graph, site.settings, nav, site.data, figures, site.labs,
                         site.facets, {lang: t.gettext for lang, t in site.translations.items()},
                         memo.start_rendering(design, shape))
    envs = {lang: environment(project, site, lang, asset_urls, design, memo)
            for lang in site.settings.languages}

    def render_one(page: Page) -> bytes:
        body = site.bodies.get(page, "")

        def produce() -> bytes:
            template = envs[page.lang].get_template(page.template)
            html = template.render(page_context(page, body, shared))
            return typography.typeset(html, page.lang).encode()

        if not memo.keep_rendered:
            return produce()
        return memo.remembered(render_key(page, body, design, shape, listed(page, site)),
                               produce)

    pages = [p for p in site.graph.all_pages() if site.settings.include_drafts or not p.draft]
    # a one-off build renders on every core; a preview keeps its pages in memory instead
    rendered = render.render_all(pages, render_one, project.templates,
                                 in_processes=not memo.keep_rendered)
    out = Output()
    for name, (hashed, data) in static.items():
        out.add(hashed, data, Writer(f"the design's static/{name}"))
    for page, html in rendered.items():
        out.add(page.url[len(site.settings.base_path) + 1:] + "index.html", html,
                page_writer(page))
        report.pages[page.lang] = report.pages.get(page.lang, 0) + 1
        report.fallbacks += page.is_fallback
    for rel, data in extra_files(site, envs, shared, memo, shape).items():
        out.add(rel, data, Writer(f"the build's own {rel}"))
    for rel, source in copies.items():
        out.add(rel, source, Writer(f"the file {rel}", rel))
    raise_if_errors(out.check())
    report.lap("render", now)
    return out.files, out.copies

