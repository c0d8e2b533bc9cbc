"""Every internal link and #anchor of the rendered site, traced back to the file that wrote it."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from ..content.load import Site
from ..content.pages import Page, TranslationGraph
from ..content.settings import Settings
from ..project import Project
from ..render.context import lab_summary

# The build writes every attribute itself (templates, Python-Markdown), so a scan of tags is
# exact and keeps the check fast on thousands of pages; raw HTML in content may use either quote.
TAG = re.compile(r"<(a|area|link|img|script|source|iframe|video|audio|track)\s([^>]*)>",
                 re.IGNORECASE)
URL_ATTRIBUTE = re.compile(r"""(?:^|\s)(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""",
                           re.IGNORECASE)
ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
EXTRA_TEMPLATES = {"index.html": "chooser.html", "404.html": "404.html"}


@dataclass(frozen=True)
class BrokenLink:
    """A link or anchor that leads nowhere, at the place it is written."""

    path: str  # the content page, lab file or template that wrote it
    line: int
    message: str
    lang: str | None  # the language tree of the page showing it
    url: str  # the page showing it


@dataclass(frozen=True)
class CrossLink:
    """A link in a page's text to a page whose content is in another language."""

    path: str
    line: int
    lang: str  # the language of the text with the link
    url: str  # the page with the link
    target: Page


def scan(text: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The link values (as written in the HTML) and the element ids of one HTML file."""
    text = COMMENT.sub("", text)
    links = [m.group(1) if m.group(1) is not None else m.group(2)
             for tag in TAG.finditer(text) for m in URL_ATTRIBUTE.finditer(tag.group(2))]
    ids = {m.group(1) if m.group(1) is not None else m.group(2) for m in ID.finditer(text)}
    return tuple(dict.fromkeys(links)), frozenset(ids)


def locate(href: str, from_file: str, settings: Settings) -> tuple[str, str] | None:
    """(output file, fragment) a link leads to, or None when it leaves the site."""
    if href.startswith(settings.base_url + "/"):  # canonical and hreflang URLs: absolute
        href = href[len(settings.base_url) - len(settings.base_path):]
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href in ("", "#"):
        return None
    path = unquote(urljoin("/" + from_file, parts.path)) if parts.path else "/" + from_file
    base = settings.base_path + "/"
    rel = path[len(base):] if path.startswith(base) else "../" + path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel, unquote(parts.fragment)


def site_url(rel: str, settings: Settings) -> str:
    """The URL a reader types for an output file: '/en/industry/' for 'en/industry/index.html'."""
    return f"{settings.base_path}/{rel.removesuffix('index.html')}"


@dataclass(frozen=True)
class Writers:
    """What can write a link into a page: its text, its lab's data, the templates."""

    bodies: dict  # Page -> HTML of its text
    templates: dict  # template name -> its source
    content: Path


def broken_links(site: Site, files: dict[str, bytes], copies: dict, project: Project
                 ) -> list[BrokenLink]:
    """Links to no file and anchors to no id, each reported once where it is written."""
    settings = site.settings
    base = len(settings.base_path) + 1
    pages = {page.url[base:] + "index.html": page for page in site.graph.all_pages()}
    scanned = {rel: scan(data.decode("utf-8")) for rel, data in files.items()
               if rel.endswith(".html")}
    existing = set(files) | set(copies)
    writers = Writers(site.bodies, {p.relative_to(project.templates).as_posix():
                                    p.read_text(encoding="utf-8")
                                    for p in sorted(project.templates.rglob("*.html"))},
                      project.content)
    found: dict[tuple, list] = {}
    verdicts: dict[tuple[str, str], str | None] = {}  # most links are the same on every page
    for rel, (links, _ids) in scanned.items():
        page = pages.get(rel)
        for value in links:
            seen_from = ("" if value.startswith(("/", "http")) else rel if value.startswith("#")
                         else rel.rpartition("/")[0])
            if (value, seen_from) not in verdicts:
                verdicts[value, seen_from] = link_problem(html.unescape(value), rel, existing,
                                                          scanned, settings)
            message = verdicts[value, seen_from]
            if message:
                where = written_at(value, page, rel, writers)
                found.setdefault((*where, message), []).append((page, rel))
    # a fallback repeats its original's text: a link broken there is reported from its own tree
    own = {(path, line) for (path, line, _), shown in found.items()
           if any(page and not page.is_fallback for page, _ in shown)}
    problems = []
    for (path, line, message), shown in found.items():
        page, rel = shown[0]
        if page and page.is_fallback and (path, line) in own:
            continue
        lang = page.lang if page else rel.partition("/")[0] if "/" in rel else None
        where = site_url(rel, settings)
        more = f" and {len(shown) - 1} other pages" if len(shown) > 1 else ""
        on = f" (on {where}{more})" if path.startswith("templates/") else ""
        problems.append(BrokenLink(path, line, message + on, lang, where))
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))


def link_problem(href: str, from_file: str, existing: set[str], scanned: dict,
                 settings: Settings) -> str | None:
    """Why a link is broken, with the nearest existing target; None when it works."""
    target = locate(href, from_file, settings)
    if target is None:
        return None
    rel, fragment = target
    if rel.startswith("../"):
        return f"link to {href}: outside the site (its address starts {settings.base_path}/)"
    if rel not in existing:
        if rel + "/index.html" in existing:
            return None
        urls = sorted(site_url(file, settings) for file in existing)
        close = difflib.get_close_matches(site_url(rel, settings), urls, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]}?" if close else ""
        return f"link to {href}: no page or file at {site_url(rel, settings)}{hint}"
    ids = scanned[rel][1] if rel in scanned else None
    if fragment and ids is not None and fragment not in ids:
        close = difflib.get_close_matches(fragment, sorted(ids), n=1, cutoff=0.6)
        hint = f"; did you mean '#{close[0]}'?" if close else ""
        return (f"link to {href}: {site_url(rel, settings)} has no element with id "
                f"'{fragment}'{hint}")
    return None


def written_at(value: str, page: Page | None, rel: str, writers: Writers) -> tuple[str, int]:
    """The file and line that wrote a link: the page's text, its lab's data, or a template."""
    quoted = (f'"{value}"', f"'{value}'")
    href = html.unescape(value)
    source = page.source if page else None
    if source and any(q in writers.bodies.get(page, "") for q in quoted):
        fragment = urlsplit(href).fragment
        for needle in (f"]({href}", href, f"#{fragment}" if fragment else None):
            if needle and needle in source.body:
                at = source.body.index(needle)
                return (source.path,
                        source.body_line + source.body.count("\n", 0, at))
        return source.path, source.body_line
    if page is not None and page.kind == "lab":
        lab, summary = page.data[0], lab_summary(page)
        if summary and any(q in summary[0] for q in quoted) or href == lab.website:
            text = (writers.content / lab.path).read_text(encoding="utf-8")
            at = text.find("\nsummary:" if summary and value in summary[0] else "\nwebsite:")
            return lab.path, text.count("\n", 0, at + 1) + 1 if at >= 0 else 1
    for name, text in writers.templates.items():
        for q in quoted:
            if f"={q}" in text:
                return f"templates/{name}", text.count("\n", 0, text.index(f"={q}")) + 1
    name = page.template if page else EXTRA_TEMPLATES.get(rel.rpartition("/")[2], "base.html")
    return f"templates/{name}", 0


def cross_language_links(graph: TranslationGraph, bodies: dict) -> list[CrossLink]:
    """Links in pages' texts to pages only in another language, from each text's own tree."""
    by_url = {page.url: page for page in graph.all_pages()}
    links = []
    for page, body in bodies.items():
        source = page.source
        if page.lang != source.lang:
            continue  # a fallback repeats its original's text: reported there
        for tag in TAG.finditer(body):
            for match in URL_ATTRIBUTE.finditer(tag.group(2)):
                url = html.unescape(match.group(1) or match.group(2) or "").partition("#")[0]
                target = by_url.get(url)
                if target is not None and target.content_lang != source.lang:
                    links.append(CrossLink(source.path,
                                           line_of_link(source, target), source.lang, page.url,
                                           target))
    return sorted(links, key=lambda link: (link.path, link.line))


def line_of_link(source, target: Page) -> int:
    """The line of the first link in a text that names the target's file or folder."""
    name = re.escape(target.key.rpartition("/")[2])
    match = re.search(rf"(?:\]\(|href=[\"'])[^)\"'\s]*{name}", source.body)
    return source.body_line + source.body.count("\n", 0, match.start()) if match else 1
