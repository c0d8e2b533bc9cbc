"""What a long-running preview keeps between builds, so a rebuild redoes only what changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..content import labs, sources
from ..content.pages import Page
from ..problems import Problem
from ..render import markup
from ..render import templates as render
from ..text import safefiles

if TYPE_CHECKING:
    from ..build import Project, Site


@dataclass
class Memo:
    """What a long-running preview keeps between builds, each entry keyed by all its inputs.

    A build with a memo produces exactly what a build without one does: files are re-read
    when their size or time changes, and a page is re-rendered whenever anything it shows
    (its content, neighbours, navigation, templates, catalogue, data) differs.
    """

    pages: dict = field(default_factory=dict)  # path -> (stat, Source | None, problems)
    lab_files: dict = field(default_factory=dict)  # path -> (stat, bytes, Lab | None, problems)
    labs: tuple = ()  # the labs of the last build
    markdown: markup.MarkdownCache | None = None
    environments: dict = field(default_factory=dict)  # (lang, fingerprint) -> Environment
    rendered: dict = field(default_factory=dict)  # render key -> HTML
    keep_rendered: bool = True  # False for a one-off build, which would never reuse a page
    derived: dict = field(default_factory=dict)  # name -> (inputs, value) of a pure function
    fragments: dict = field(default_factory=dict)  # pieces of HTML shown on many pages
    before: dict = field(default_factory=dict)  # the previous build's pages, while rendering
    published: dict = field(default_factory=dict)  # what the output folder holds: path -> marker

    def remembered(self, key: tuple, produce) -> bytes:
        """A page's HTML from the build before when `key` (all its inputs) is equal."""
        html = self.before.get(key)
        if html is None:
            html = produce()
        self.rendered[key] = html
        return html

    def start_rendering(self, design: Token, shape: Token) -> dict:
        """Forget pages the new build does not ask for; the fragments still valid, to share."""
        self.before, self.rendered = self.rendered, {}
        if self.derived.get("fragments for") != (design, shape):
            self.derived["fragments for"], self.fragments = (design, shape), {}
        return self.fragments if self.keep_rendered else {}

    def same(self, name: str, token: Token) -> Token:
        """The last build's equal token if there is one, so that later comparisons are `is`."""
        held = self.derived.get(name)
        if held is not None and held[1] == token:
            return held[1]
        self.derived[name] = (None, token)
        return token

    def reuse(self, name: str, inputs, compute):
        """`compute()`, or its value from the last build when `inputs` are equal."""
        if not self.keep_rendered:
            return compute()
        held = self.derived.get(name)
        if held is None or held[0] != inputs:
            held = (inputs, compute())
            self.derived[name] = held
        return held[1]


def stat_key(file: Path) -> tuple:
    """What changes whenever a file is saved."""
    info = file.stat()
    return info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns


def read_pages(content: Path, paths, languages, memo: Memo) -> tuple[list, list[Problem]]:
    """Parse every page, reusing what the memo read of files that did not change."""
    found_sources, problems, seen = [], [], {}
    for rel in paths:
        try:
            stat = stat_key(content / rel)
        except OSError:  # gone since the tree was listed: say so when reading it
            stat = None
        cached = memo.pages.get(rel)
        if stat is None or cached is None or cached[0] != stat:
            raw, found = safefiles.read_bytes(content, rel)
            source, found = sources.parse_page(rel, raw, languages) if raw is not None else (
                None, found)
            cached = (stat, source, found)
        seen[rel] = cached
        problems += cached[2]
        if cached[1] is not None:
            found_sources.append(cached[1])
    memo.pages = seen
    return found_sources, problems


def read_labs(content: Path, paths, memo: Memo) -> tuple[tuple, list[Problem]]:
    """Load the lab files, parsing again only those that changed since the last build."""
    found, problems = labs.load_labs(content, paths, memo.lab_files if memo.keep_rendered
                                     else None)
    if len(found) == len(memo.labs) and all(a is b for a, b in zip(found, memo.labs, strict=True)):
        found = memo.labs  # the very same tuple: what depends on all labs sees no change at once
    memo.labs = found
    return found, problems


def design_fingerprint(project: Project, site: Site, asset_urls: dict, figures: dict) -> tuple:
    """Everything besides a page's own context that its HTML depends on."""
    watched = [*sorted(project.templates.rglob("*.html")), *sorted(project.locales.rglob("*.po"))]
    return (tuple((str(f), stat_key(f)) for f in watched), tuple(sorted(asset_urls.items())),
            site.settings, repr(site.data), tuple(sorted(figures.items())))


def environment(project: Project, site: Site, lang: str, asset_urls: dict, design: tuple,
                memo: Memo):
    """The Jinja environment of one language, reused while templates and catalogue are unchanged."""
    key = (lang, design.value[:3])
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


def structure(graph) -> Token:
    """What pages show of one another (titles, URLs, languages, menu): one value to compare."""
    return Token(tuple((p.key, p.lang, p.content_lang, p.kind, p.title, p.description, p.url,
                        p.segment, p.weight, p.menu, p.draft) for p in graph.all_pages()
                       if p.kind not in ("lab", "facet")))  # shown only by pages listing labs


def render_key(page: Page, body: str, design: Token, shape: Token, listed) -> tuple:
    """All the inputs of one page's HTML.

    Navigation, breadcrumbs, section lists, switcher and alternates are functions of the
    site's structure (lab and facet pages aside: only pages listing labs show them, and
    `listed` holds what such a page lists).
    """
    return page, body, design, shape, listed


def listed(page: Page, site: Site) -> Token | None:
    """What a page listing labs shows of them: all, one facet's, or one dimension's facets."""
    if page.kind == "facet":
        return Token(tuple(site.labs_by_stem[stem] for stem in page.data[0].stems))
    if page.kind == "facet-list":
        return Token(site.facets[page.data[0]])
    if page.kind in ("directory", "lab-list", "sitemap") or page.template in ("directory.html",
                                                                               "sitemap.html"):
        return site.labs_token  # the sitemap lists every lab and facet page too
    return None
