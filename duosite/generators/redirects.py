"""Redirects from old URLs: a small page at each alias, and a `_redirects` file for hosts."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from ..content.i18n import N_
from ..content.pages import Page, TranslationGraph
from ..problems import Problem, warning

RECORD = ".published-urls.json"  # in the output: the paths the last build published

MOVED_TITLE = N_("This page has moved")
MOVED_TEXT = N_("This page is now at %(link)s.")
TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<h1>{title}</h1>
<p>{text}</p>
</body>
</html>
"""


def redirect_page(target: str, canonical: str, lang: str, gettext: Callable[[str], str]) -> str:
    """The HTML published at an old URL: it sends readers and search engines to `target`."""
    link = Markup('<a href="{0}">{1}</a>').format(target, canonical)
    return TEMPLATE.format(lang=escape(lang), title=escape(gettext(MOVED_TITLE)),
                           canonical=escape(canonical), target=escape(target),
                           text=escape(gettext(MOVED_TEXT)) % {"link": link})


def alias_file(alias: str) -> str:
    """Where a redirect page for `alias` is written in the output: en/old/index.html."""
    path = alias.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path if re.search(r"\.html?$", path) else path + "/index.html"


def redirects_file(redirects: Iterable[tuple[str, str]], status: int = 301) -> str:
    """A `_redirects` file (Netlify, Cloudflare Pages): 'old new status' lines, sorted."""
    lines = sorted({f"{quote(old, safe='/%')} {quote(new, safe='/%#')} {status}"
                    for old, new in redirects})
    return "".join(line + "\n" for line in lines)


@dataclass(frozen=True)
class Redirect:
    """An old path of the site (without the base path) that now leads to `page`."""

    old: str  # /en/old-name/
    page: Page
    line: int = 1  # where the source names it (its `aliases:` line)
    automatic: bool = False  # made for a published URL that disappeared


def normal_path(path: str) -> str:
    """/en/old and /en/old/ are one URL; /en/old.html stays a file."""
    return path if path.endswith("/") or re.search(r"\.html?$", path) else path + "/"


def alias_redirects(graph: TranslationGraph) -> list[Redirect]:
    """A redirect for each `aliases:` path, to its page in the page's own language."""
    return [Redirect(normal_path(alias), page, page.source.line_of("aliases"))
            for page in graph.all_pages() if page.source and not page.is_fallback
            for alias in page.source.aliases]


def published_record(graph: TranslationGraph, redirects: list[Redirect], base: str) -> bytes:
    """What the next build compares with: each written page's and redirect's path, with the
    key and language of the page it shows, so that a page moved since can be followed."""
    paths = {page.url[len(base):]: (page.key, page.lang, page.source.path)
             for page in graph.all_pages() if page.source and not page.draft}
    paths |= {r.old: (r.page.key, r.page.lang, r.page.path) for r in redirects}
    lines = (json.dumps(path, ensure_ascii=False) + ": " + json.dumps(value, ensure_ascii=False)
             for path, value in sorted(paths.items()))
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode()


def read_record(text: str) -> dict[str, tuple[str, str, str]] | None:
    """The paths a previous build published, or None when the record cannot be read."""
    try:
        found = json.loads(text)
    except ValueError:
        return None
    if not isinstance(found, dict) or not all(
            isinstance(v, list) and len(v) == 3 and all(isinstance(x, str) for x in v)
            for v in found.values()):
        return None
    return {path: tuple(value) for path, value in found.items()}


def moved_redirects(previous: dict[str, tuple[str, str, str]], graph: TranslationGraph,
                    taken: set[str]) -> tuple[list[Redirect], list[Problem]]:
    """Redirects for the paths the previous build published and this one does not: to the
    page's new place when it still exists (a warning asks for the alias), else a warning
    that readers following an old link will now get the 'page not found' page."""
    redirects, problems = [], []
    for old, (key, lang, path) in sorted(previous.items()):
        if old in taken:
            continue
        page = graph.get(key, lang)
        if page is None:
            problems.append(warning(path, 0, f"{old} was published by the last build from this "
                                    "file, which is gone: old links to it now get the 'page not "
                                    "found' page; to send them elsewhere, add "
                                    f"'aliases: [{old}]' to the page that replaces it"))
            continue
        redirects.append(Redirect(old, page, automatic=True))
        blamed = page.source.path if page.source else RECORD
        problems.append(warning(blamed, 1, f"{old} (published before) now redirects to "
                                f"{page.url}; add 'aliases: [{old}]' to the front matter to "
                                "keep the redirect"))
    return redirects, problems
