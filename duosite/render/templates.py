"""Rendering pages through Jinja templates, in each page's language."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..content import i18n
from ..content.menus import MENUS
from ..content.pages import Page, TranslationGraph
from ..content.settings import LANGUAGE_NAMES, Settings
from ..parallel import map_on_cores
from ..problems import BuildFailed, Problem, did_you_mean, error
from ..text import dates


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process: Jinja reuses a template's code while its source
    (checked by Jinja's own checksum) is unchanged, so each build and each preview rebuild
    skips recompiling every template."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()  # every environment below is made with the same options


@dataclass(frozen=True)
class NavItem:
    """One link of the main navigation."""

    key: str
    title: str
    url: str
    lang: str  # the language of the linked page's content
    children: tuple[NavItem, ...] = ()  # the entries whose menu parent is this page
    below: frozenset[str] = frozenset()  # the keys of every entry under this one


@dataclass(frozen=True)
class Link:
    """A link to a page, with the language of its content (for `lang` and `hreflang`)."""

    title: str
    url: str
    lang: str


def make_environment(templates: Path, lang: str, translations, settings: Settings,
                     assets: dict[str, str]) -> jinja2.Environment:
    """A Jinja environment for one language: autoescape, strict undefined, i18n, Babel filters."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=COMPILED,
    )
    env.policies["ext.i18n.trimmed"] = True  # must agree with babel.cfg's `trimmed = true`
    env.install_gettext_translations(translations, newstyle=True)
    env.filters["number"] = lambda value: i18n.number(value, lang)
    env.filters["percent"] = lambda value: i18n.percent(value, lang)
    env.filters["date"] = lambda value: dates.long_date(value, lang)
    env.filters["iso"] = dates.machine_date
    env.globals.update(
        site=settings,
        lang=lang,
        languages=settings.languages,
        language_names=LANGUAGE_NAMES,
        site_name=settings.site_name(lang),
        asset=lambda name: assets[name],
    )
    return env


def navigation(graph: TranslationGraph, lang: str, name: str = "main") -> tuple[NavItem, ...]:
    """The entries of menu `name` in the `lang` tree, nested under their parents, each level
    by weight then title."""
    entries = [page for versions in graph.pages.values() if (page := versions.get(lang))
               and page.menu and page.menu.name == name]
    by_parent: dict[str, list[Page]] = {}
    for page in entries:
        by_parent.setdefault(page.menu.parent, []).append(page)

    def level(parent: str, seen: frozenset[str]) -> tuple[NavItem, ...]:
        found = sorted(by_parent.get(parent, ()), key=lambda p: (
            p.weight if p.menu.weight is None else p.menu.weight, p.title.casefold()))
        items = []
        for p in found:
            kids = level(p.key, seen | {p.key}) if p.key not in seen else ()
            below = frozenset(k for kid in kids for k in (kid.key, *kid.below))
            items.append(NavItem(p.key, p.menu.label or p.title, p.url, p.content_lang, kids,
                                 below))
        return tuple(items)

    return level("", frozenset())  # an unknown parent or a cycle is an error (menu_problems)


def site_menus(graph: TranslationGraph, lang: str) -> dict[str, tuple[NavItem, ...]]:
    """Every menu of the `lang` tree by name: "main" (the header) and "footer"."""
    return {name: navigation(graph, lang, name) for name in MENUS}


def breadcrumbs(graph: TranslationGraph, page: Page) -> tuple[Link, ...]:
    """From the home page down to `page`, through the sections that have a page."""
    trail, key = [], page.key
    while key is not None:
        crumb = graph.get(key, page.lang)
        if crumb is not None:
            trail.append(Link(crumb.title, crumb.url, crumb.content_lang))
        key = None if key == "" else key.rpartition("/")[0]
    return tuple(reversed(trail))


def children(graph: TranslationGraph, page: Page) -> tuple[Page, ...]:
    """The pages directly inside a section, by weight then title."""
    if page.kind not in ("home", "section"):
        return ()
    found = [child for key in graph.children_keys.get(page.key, ())
             if (child := graph.get(key, page.lang)) and child.kind in ("page", "section")]
    return tuple(sorted(found, key=lambda p: (p.weight, p.title.casefold())))


def template_problem(exc: Exception, templates: Path) -> Problem:
    """Name the template and line where rendering went wrong."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        return error(_template_name(exc.filename, templates), exc.lineno or 0,
                     f"template error: {exc.message}")
    if isinstance(exc, jinja2.TemplateNotFound):
        return error(f"templates/{exc.name}", 0, "template error: template not found")
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".html"):
            return error(_template_name(frame.filename, templates), frame.lineno or 0,
                         f"template error: {exc}")
    return error("templates", 0, f"template error: {exc}")


def _template_name(filename: str, templates: Path) -> str:
    path = Path(filename)
    try:
        return "templates/" + path.resolve().relative_to(templates.resolve()).as_posix()
    except ValueError:
        return filename


def render_all(pages: list[Page], render_one: Callable[[Page], bytes], templates: Path,
               in_processes: bool = False) -> dict[Page, bytes]:
    """Render every page; template errors are collected, one per template line."""

    def attempt(page: Page) -> bytes | Problem:
        try:
            return render_one(page)
        except (jinja2.TemplateError, TypeError, KeyError, ValueError, AttributeError) as exc:
            return template_problem(exc, templates)

    results = map_on_cores(attempt, pages) if in_processes else [attempt(p) for p in pages]
    problems = {(r.path, r.line): r for r in results if isinstance(r, Problem)}
    if problems:
        raise BuildFailed(problems.values())
    return dict(zip(pages, results, strict=True))


GENERATED_ONLY = frozenset({"base", "chooser", "404", "facet", "facet-list", "lab", "lab-list",
                            "status", "search", "sitemap", "legal-notice", "accessibility",
                            "personal-data", "contact"})  # the last four: chosen by the key


def check_templates(page_sources, templates: Path) -> list[Problem]:
    """A page asking for a layout that does not exist is an error on its `template` line."""
    available = sorted(p.stem for p in templates.glob("*.html")
                       if not p.name.startswith("_") and p.stem not in GENERATED_ONLY)
    problems = []
    for source in page_sources:
        name = (source.template or "").removesuffix(".html")
        if name and name not in available:
            problems.append(error(source.path, source.line_of("template"),
                                  f"template '{name}' does not exist; use one of "
                                  f"{', '.join(available)}{did_you_mean(name, available)}"))
    return problems
