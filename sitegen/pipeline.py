"""The build, stage by stage: everything is read and checked before anything is written."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from . import directory, i18n, labs, markup, publish, render, sitefiles, sources, urls
from .context import make_shared, not_found_context, page_context
from .pages import Page, pair_translations
from .problems import Problem, did_you_mean, error, raise_if_errors
from .settings import load_settings
from .yamltext import decode_utf8, parse_yaml


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


@dataclass
class Memo:
    """What a long-running preview keeps between builds, each entry keyed by all its inputs.

    A build with a memo produces exactly what a build without one does: files are re-read
    when their size or time changes, and a page is re-rendered whenever anything it shows
    (its content, neighbours, navigation, templates, catalogue, data) differs.
    """

    pages: dict = field(default_factory=dict)  # path -> (stat, Source | None, problems)
    labs: tuple = ((), ((), []))  # (stats of all lab files, load_labs result)
    markdown: markup.MarkdownCache | None = None
    environments: dict = field(default_factory=dict)  # (lang, fingerprint) -> Environment
    rendered: dict = field(default_factory=dict)  # render key -> HTML
    keep_rendered: bool = True  # False for a one-off build, which would never reuse a page


def build(project: Project, memo: Memo | None = None) -> Report:
    """Build the whole site into `project.output`, or raise BuildFailed and leave it as it was."""
    report, started = Report(), time.perf_counter()
    memo = memo or Memo(keep_rendered=False)
    site = load_site(project, report, memo)
    files, copies = render_site(site, project, report, memo)
    now = time.perf_counter()
    publish.check_output_folder(project.output, project.content)
    report.files = publish.publish(files, copies, project.output)
    report.lap("write", now)
    report.timings["total"] = time.perf_counter() - started
    return report


@dataclass(frozen=True)
class Site:
    """The whole site in memory, checked and ready to render."""

    settings: object
    graph: object
    labs: tuple
    data: dict
    assets: tuple[str, ...]
    translations: dict
    bodies: dict  # Page -> HTML of its content, links resolved


def load_site(project: Project, report: Report, memo: Memo) -> Site:
    """Read and check the content: settings, pages, labs, translations, URLs, Markdown, links."""
    now = time.perf_counter()
    problems: list[Problem] = []
    settings, found = load_settings(project.content, project.include_drafts)
    problems += found
    tree = sources.scan_content(project.content)
    page_sources, found = read_pages(project.content, tree.pages, settings.languages, memo)
    problems += found
    lab_records, found = read_labs(project.content, tree.labs, memo)
    problems += found
    data, found = load_data(project.content, tree.data)
    problems += found
    translations = {}
    for lang in settings.languages:
        translations[lang], found = i18n.load_translations(project.locales, lang,
                                                           settings.languages[0])
        problems += found
    now = report.lap("read", now)
    gettext = {lang: t.gettext for lang, t in translations.items()}
    generated = directory.directory_pages(lab_records, page_sources, settings.languages, gettext)
    problems += check_templates(page_sources, project.templates)
    graph, found = pair_translations(page_sources, generated, settings.languages,
                                     settings.include_drafts)
    problems += found
    graph, found = urls.assign_urls(graph, settings.base_path)
    problems += found
    raise_if_errors(problems)
    now = report.lap("parse", now)
    if memo.markdown is None:
        memo.markdown = markup.MarkdownCache(project.cache / "markdown.marshal"
                                             if project.cache else None)
    cache = memo.markdown
    converted = cache.convert_all(p.source.body for p in graph.all_pages() if p.source)
    now = report.lap("markdown", now)
    bodies, found = link_bodies(graph, converted, frozenset(tree.assets), settings, translations)
    problems += found
    raise_if_errors(problems)
    cache.save()
    report.warnings = [p for p in problems if not p.is_error]
    report.lap("links", now)
    return Site(settings, graph, lab_records, data, tree.assets, translations, bodies)


def check_templates(page_sources, templates: Path) -> list[Problem]:
    """A page asking for a layout that does not exist is an error on its `template` line."""
    generated_only = {"base", "chooser", "404", "facet", "facet-list", "lab", "status"}
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


def stat_key(file: Path) -> tuple:
    """What changes whenever a file is saved."""
    info = file.stat()
    return info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns


def read_pages(content: Path, paths, languages, memo: Memo) -> tuple[list, list[Problem]]:
    """Parse every page, reusing what the memo read of files that did not change."""
    found_sources, problems, seen = [], [], {}
    for rel in paths:
        stat = stat_key(content / rel)
        cached = memo.pages.get(rel)
        if cached is None or cached[0] != stat:
            source, found = sources.parse_page(rel, (content / rel).read_bytes(), languages)
            cached = (stat, source, found)
        seen[rel] = cached
        problems += cached[2]
        if cached[1] is not None:
            found_sources.append(cached[1])
    memo.pages = seen
    return found_sources, problems


def read_labs(content: Path, paths, memo: Memo) -> tuple[tuple, list[Problem]]:
    """Load the lab files, or reuse the memo's when none of them changed."""
    stats = tuple((rel, stat_key(content / rel)) for rel in paths)
    if memo.labs[0] != stats or not stats:
        memo.labs = (stats, labs.load_labs(content, paths))
    return memo.labs[1]


def load_data(content: Path, paths) -> tuple[dict, list[Problem]]:
    """`data/NAME.yaml` files, available to templates as `data.NAME`."""
    data, problems = {}, []
    for rel in paths:
        text, found = decode_utf8((content / rel).read_bytes(), rel)
        if text is not None:
            value, found = parse_yaml(text, rel)
            data[rel.rpartition("/")[2].rpartition(".")[0]] = value or {}
        problems += found
    return data, problems


def link_bodies(graph, converted, assets, settings, translations) -> tuple[dict, list[Problem]]:
    """Each page's HTML with its links resolved in its tree; unsafe markup is an error."""
    names = {"en": "(in English)", "fr": "(in French)"}

    def hint(target_lang: str, text_lang: str) -> str:
        return translations[text_lang].gettext(names[target_lang])

    bodies, problems, checked = {}, [], set()
    for page in graph.all_pages():
        source = page.source
        if source is None:
            continue
        rendered = converted[source.body]
        if source.path not in checked:
            checked.add(source.path)
            problems += markup.check_safety(rendered, source.body, source.path,
                                            source.body_line)
        body, found = urls.rewrite_links(rendered, page, graph, assets, settings.base_path, hint)
        if page.lang == source.lang:  # report a broken link once, from its own tree
            problems += found
        bodies[page] = body
    return bodies, problems


def render_site(site: Site, project: Project, report: Report, memo: Memo
                ) -> tuple[dict, dict]:
    """Every output file's bytes, and the content files copied as they are."""
    now = time.perf_counter()
    static, copies = static_assets(project.static), {a: project.content / a for a in site.assets}
    asset_urls = {name: f"{site.settings.base_path}/{hashed}" for name, (hashed, _) in
                  static.items()}
    files = {hashed: data for hashed, data in static.values()}
    figures = labs.directory_figures(site.labs)
    nav = {lang: render.main_navigation(site.graph, lang) for lang in site.settings.languages}
    shared = make_shared(site.graph, site.settings, nav, site.data, figures, site.labs,
                         {lang: t.gettext for lang, t in site.translations.items()})
    design = design_fingerprint(project, site, asset_urls, figures)
    envs = {lang: environment(project, site, lang, asset_urls, design, memo)
            for lang in site.settings.languages}
    rendered_before, memo.rendered = memo.rendered, {}
    labs_token = Token(site.labs)

    def render_one(page: Page) -> str:
        context = page_context(page, site.bodies.get(page, ""), shared)
        if not memo.keep_rendered:
            return envs[page.lang].get_template(page.template).render(context)
        key = render_key(page, context, design, labs_token)
        html = rendered_before.get(key)
        if html is None:
            html = envs[page.lang].get_template(page.template).render(context)
        memo.rendered[key] = html
        return html

    pages = [p for p in site.graph.all_pages() if site.settings.include_drafts or not p.draft]
    # a one-off build renders on every core; a preview keeps its pages in memory instead
    rendered = render.render_all(pages, render_one, project.templates,
                                 in_processes=not memo.keep_rendered)
    for page, html in rendered.items():
        files[page.url[len(site.settings.base_path) + 1:] + "index.html"] = html.encode()
        report.pages[page.lang] = report.pages.get(page.lang, 0) + 1
        report.fallbacks += page.is_fallback
    files.update(extra_files(site, envs, shared))
    report.lap("render", now)
    return files, copies


def design_fingerprint(project: Project, site: Site, asset_urls: dict, figures: dict) -> tuple:
    """Everything besides a page's own context that its HTML depends on."""
    watched = [*sorted(project.templates.rglob("*.html")), *sorted(project.locales.rglob("*.po"))]
    return (tuple((str(f), stat_key(f)) for f in watched), tuple(sorted(asset_urls.items())),
            site.settings, repr(site.data), tuple(sorted(figures.items())))


def environment(project: Project, site: Site, lang: str, asset_urls: dict, design: tuple,
                memo: Memo):
    """The Jinja environment of one language, reused while templates and catalogue are unchanged."""
    key = (lang, design[:3])
    if key not in memo.environments:
        memo.environments = {k: v for k, v in memo.environments.items() if k[0] != lang}
        memo.environments[key] = render.make_environment(
            project.templates, lang, site.translations[lang], site.settings, asset_urls)
    return memo.environments[key]


class Token:
    """A big value as a dictionary key: hashed once, compared in full only on a hash match."""

    def __init__(self, value):
        self.value, self.hash = value, hash(value)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other) -> bool:
        return isinstance(other, Token) and (self.value is other.value or
                                             self.value == other.value)


def render_key(page: Page, context: dict, design: tuple, labs_token: Token) -> tuple:
    """All the inputs of one page's HTML; pages listing labs depend on every lab."""
    lists_labs = page.kind in ("directory", "facet", "facet-list") or page.template in (
        "directory.html", "facet.html", "facet-list.html")
    return (page, str(context["content"]), context["breadcrumbs"], context["children"],
            context["switcher"], tuple(context["alternates"]), context["nav"], design,
            labs_token if lists_labs else None)


def extra_files(site: Site, envs, shared) -> dict[str, bytes]:
    """The language chooser, the 404 pages, the sitemap, robots.txt and the open data."""
    settings, graph = site.settings, site.graph
    files = {"sitemap.xml": sitefiles.sitemap(graph, settings),
             "robots.txt": sitefiles.robots(settings)}
    parts = [Markup(envs[lang].get_template("_choice.html").render(lang=lang,
                                                                   home=graph.get("", lang)))
             for lang in settings.languages if graph.get("", lang)]
    chooser = envs[settings.languages[0]].get_template("chooser.html").render(
        parts=parts, title=" · ".join(settings.site_name(lang) for lang in settings.languages),
        alternates=sitefiles.alternates(graph, "", settings))
    files["index.html"] = chooser.encode()
    for lang, env in envs.items():
        title = site.translations[lang].gettext("Page not found")
        html = env.get_template("404.html").render(not_found_context(shared, lang, title))
        files[f"{lang}/404.html"] = html.encode()
        if lang == settings.default_language:
            files["404.html"] = html.encode()
        if site.labs:
            files[f"{lang}/labs.csv"] = labs.export_csv(site.labs, lang).encode()
            files[f"{lang}/labs.json"] = labs.export_json(site.labs, lang).encode()
    return files


def static_assets(static: Path) -> dict[str, tuple[str, bytes]]:
    """CSS, JS and other assets of the design, under content-hashed names."""
    found = {}
    if static.is_dir():
        for file in sorted(static.rglob("*")):
            if file.is_file() and not file.name.startswith("."):
                rel = file.relative_to(static).as_posix()
                data = file.read_bytes()
                found[rel] = ("assets/" + publish.hashed_name(rel, data), data)
    return found
