"""Redirects from old URLs: a small page at each alias, and a `_redirects` file for hosts."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ..content.i18n import N_

Finding = tuple[int, str]

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


def alias_problem(alias: object) -> str | None:
    """Why an `aliases:` entry cannot be an old URL of this site, if it cannot."""
    if not isinstance(alias, str) or not alias.strip():
        return "each alias must be a path such as /en/old-name/"
    parts = urlsplit(alias)
    if parts.scheme or parts.netloc:
        return f"alias '{alias}' must be a path on this site, such as /en/old-name/"
    if not alias.startswith("/"):
        return f"alias '{alias}' must start with '/', as /{alias}"
    if parts.query or parts.fragment or re.search(r"\s", alias):
        return f"alias '{alias}' must be a plain path, without spaces, '?' or '#'"
    if any(segment in (".", "..") for segment in alias.split("/")):
        return f"alias '{alias}' must not contain '.' or '..' segments"
    return None


def read_aliases(value: object, line: int) -> tuple[tuple[str, ...], list[Finding]]:
    """The `aliases:` of a page's front matter (a path or a list of them), checked."""
    if value is None:
        return (), []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list):
        return (), [(line, "front matter: 'aliases' must be a list of paths such as /en/old/")]
    found = [(line, f"front matter: {p}") for p in map(alias_problem, values) if p]
    return (() if found else tuple(values)), found


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
