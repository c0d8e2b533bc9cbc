"""The one URL rule, and turning links written as source paths into page URLs."""

from __future__ import annotations

import html
import posixpath
import re
from urllib.parse import urlsplit

from ..problems import Problem, did_you_mean, error
from .pages import Page, TranslationGraph

SAFE_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~-]*")
PAGE_EXTENSIONS = (".md", ".yaml", ".yml")


def check_slug(slug: str) -> str | None:
    """Why `slug` cannot be a URL segment, or None when it can."""
    if not slug.strip():
        return "slug is empty"
    if "/" in slug or ".." in slug:
        return f"slug '{slug}' must be one URL segment: no '/' and no '..'"
    if not SAFE_SLUG.fullmatch(slug):
        bad = "".join(sorted({c for c in slug if not re.fullmatch(r"[A-Za-z0-9._~-]", c)}))
        return (f"slug '{slug}' has characters unsafe in a URL ({bad!r}); "
                "use letters a-z, digits and hyphens")
    return None


def page_url(graph: TranslationGraph, key: str, lang: str, base_path: str) -> str:
    """`/LANG/SEGMENTS/`: each segment is the slug (or name) of the page or an enclosing section."""
    segments, current = [], key
    while current:
        page = graph.get(current, lang)
        segments.append(page.segment if page else current.rpartition("/")[2])
        current = current.rpartition("/")[0]
    return f"{base_path}/{lang}/" + "".join(s + "/" for s in reversed(segments))


def assign_urls(graph: TranslationGraph, base_path: str) -> tuple[TranslationGraph, list[Problem]]:
    """Give every page its URL; bad slugs and two pages on one URL are errors."""
    problems, owners = [], {}
    for versions in graph.pages.values():
        for page in versions.values():
            source = page.source
            if source and source.slug is not None and source.lang == page.lang:
                if message := check_slug(source.slug):
                    problems.append(error(source.path, source.line_of("slug"), message))
    pages = {}
    for key, versions in graph.pages.items():
        pages[key] = {}
        for lang, page in versions.items():
            url = page_url(graph, key, lang, base_path)
            pages[key][lang] = page.at(url)
            if url in owners and owners[url].path != page.path:
                problems.append(error(page.path, 1, f"URL {url} is also the URL of "
                                      f"{owners[url].path}; give one of them another slug"))
            owners.setdefault(url, page)
    return TranslationGraph(graph.languages, pages), problems


def link_key(href_path: str, from_path: str, languages: tuple[str, ...]) -> str:
    """The key a source-path link points to: `../industry.md` seen from `about/x.fr.md`."""
    folder = posixpath.dirname(from_path)
    is_folder = href_path.endswith("/") or href_path in ("", ".")
    joined = href_path.lstrip("/") if href_path.startswith("/") else posixpath.join(folder,
                                                                                     href_path)
    path = posixpath.normpath(joined) if joined else "."
    path = "" if path == "." else path
    if is_folder:
        return path
    for ext in PAGE_EXTENSIONS:
        if path.endswith(ext):
            path = path[: -len(ext)]
            break
    stem, dot, lang = path.rpartition(".")
    if dot and lang in languages and "/" not in lang:
        path = stem
    head, _, name = path.rpartition("/")
    if name == "_index" or (name == "index" and not head):
        return head
    return path


def is_external(href: str) -> bool:
    """Links the build leaves alone: other sites, mail, telephone, and same-page anchors."""
    return bool(urlsplit(href).scheme) or href.startswith(("#", "//"))


def resolve_link(href: str, from_path: str, graph: TranslationGraph, lang: str,
                 assets: frozenset[str], base_path: str) -> tuple[str, Page | None] | str:
    """(URL, target page) for a link written in a page, or a message saying why it is broken."""
    parts = urlsplit(href)
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    folder = posixpath.dirname(from_path)
    as_file = posixpath.normpath(parts.path.lstrip("/") if parts.path.startswith("/")
                                 else posixpath.join(folder, parts.path))
    if as_file in assets:
        return f"{base_path}/{as_file}", None
    key = link_key(parts.path, from_path, graph.languages)
    target = graph.get(key, lang)
    if target is None:
        hint = did_you_mean(key, graph.pages)
        return f"link to '{href}': no page '{key or '/'}' in the content{hint}"
    return target.url + fragment, target


ANCHOR = re.compile(r'<a\s([^>]*?)href="([^"]*)"([^>]*)>(.*?)</a>', re.DOTALL)
SOURCE = re.compile(r'(<(?:img|source|video|audio)\s[^>]*?src=")([^"]*)(")')


def rewrite_links(rendered: str, page: Page, graph: TranslationGraph, assets: frozenset[str],
                  base_path: str, hints: dict[str, str]) -> tuple[str, list[Problem]]:
    """Turn source-path links of a page's HTML into URLs in the page's tree.

    A link to a page whose content is in another language than the text around it gets
    `hreflang` and a visible hint in that language, `hints[lang]`: "(in English)".
    """
    source = page.source
    problems: list[Problem] = []

    def broken(href: str, message: str) -> None:
        needle = f"]({href}" if f"]({href}" in source.body else href
        problems.append(error(source.path, line_of(source.body, needle, source.body_line),
                              message))

    def anchor(match: re.Match) -> str:
        before, href, after, text = match.groups()
        raw = html.unescape(href)
        if is_external(raw):
            return match.group(0)
        found = resolve_link(raw, source.path, graph, page.lang, assets, base_path)
        if isinstance(found, str):
            broken(raw, found)
            return match.group(0)
        url, target = found
        tag = f'<a {before}href="{html.escape(url)}"{after}'
        if target is not None and target.content_lang != source.lang:
            return (f'{tag} hreflang="{target.content_lang}">{text}</a> '
                    f'<span class="lang-hint" lang="{target.content_lang}">'
                    f"{hints[target.content_lang]}</span>")
        return f"{tag}>{text}</a>"

    def src(match: re.Match) -> str:
        raw = html.unescape(match.group(2))
        if is_external(raw):
            return match.group(0)
        found = resolve_link(raw, source.path, graph, page.lang, assets, base_path)
        if isinstance(found, str) or found[1] is not None:
            broken(raw, f"image '{raw}' is not a file of the content tree")
            return match.group(0)
        return f"{match.group(1)}{html.escape(found[0])}{match.group(3)}"

    return SOURCE.sub(src, ANCHOR.sub(anchor, rendered)), problems


def line_of(text: str, needle: str, first_line: int) -> int:
    """The line of `needle` in a page body (first_line when it cannot be found)."""
    at = text.find(needle)
    if at < 0:
        at = text.lower().find(needle.lower())
    return first_line + text.count("\n", 0, at) if at >= 0 else first_line
