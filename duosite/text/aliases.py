"""Old URLs a page answers at (`aliases:`), read from its front matter and checked."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..problems import Spot


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


def read_aliases(value: object, line: int) -> tuple[tuple[str, ...], list[Spot]]:
    """The `aliases:` of a page's front matter (a path or a list of them), checked."""
    if value is None:
        return (), []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list):
        return (), [(line, "front matter: 'aliases' must be a list of paths such as /en/old/")]
    found = [(line, f"front matter: {p}") for p in map(alias_problem, values) if p]
    return (() if found else tuple(values)), found
