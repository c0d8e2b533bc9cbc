"""Site settings from `content/site.yaml`, with defaults so a bare content tree builds."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Problem, did_you_mean, error, warning
from ..text.safefiles import read_bytes, refusal
from ..text.yamltext import decode_utf8, key_line, parse_yaml
from .legal import LEGAL_KEYS, Legal, read_legal

LANGUAGES = ("en", "fr")
BABEL_LOCALES = {"en": "en", "fr": "fr_FR"}
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
KNOWN_KEYS = ("name", "base_url", "organisation", "default_language", *LEGAL_KEYS)


@dataclass(frozen=True)
class Settings:
    """What the whole site shares: languages, names, where it will be published."""

    languages: tuple[str, ...] = LANGUAGES
    default_language: str = "en"
    name: tuple[tuple[str, str], ...] = (("en", "Partnerships"), ("fr", "Partenariats"))
    organisation: tuple[tuple[str, str], ...] = ()
    base_url: str = "https://example.org"
    include_drafts: bool = False
    legal: Legal | None = None  # None for a bare content tree, which has no site.yaml

    def site_name(self, lang: str) -> str:
        """The site's name in `lang`."""
        return dict(self.name).get(lang) or dict(self.name)[self.default_language]

    def organisation_name(self, lang: str) -> str:
        """The publishing organisation's name in `lang`, or an empty string."""
        return dict(self.organisation).get(lang, "")

    @property
    def base_path(self) -> str:
        """The path part of `base_url`, without its trailing slash ('' at a domain's root)."""
        return urlsplit(self.base_url).path.rstrip("/")

    def absolute(self, url: str) -> str:
        """An absolute URL for a site path such as '/en/industry/'."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}{url}"


def _per_language(value, path: str, key: str, problems: list[Problem]):
    if isinstance(value, str):
        return tuple((lang, value) for lang in LANGUAGES)
    if isinstance(value, dict) and all(k in LANGUAGES and isinstance(v, str)
                                       for k, v in value.items()):
        return tuple(sorted(value.items()))
    problems.append(error(path, 1, f"'{key}' must be a text or a mapping of en/fr to texts"))
    return None


def load_settings(content: Path, include_drafts: bool = False,
                  base_url: str | None = None) -> tuple[Settings, list[Problem]]:
    """Read `site.yaml` if present, `base_url` given instead of its own (a staging copy)."""
    settings, problems = read_settings(content, include_drafts)
    if not (content / "site.yaml").exists():
        problems.append(warning("site.yaml", 0, "missing: the site is named 'Partnerships' / "
                                "'Partenariats' and canonical URLs, the sitemap and feeds point "
                                f"at {settings.base_url}, a placeholder; create content/site.yaml "
                                "with 'name' and 'base_url' (see docs/content.md)"))
    elif settings.base_url == Settings.base_url and not base_url:
        problems.append(warning("site.yaml", 1, "no 'base_url': canonical URLs, the sitemap and "
                                f"feeds point at {settings.base_url}, a placeholder; add "
                                "'base_url: https://…', the address the site is published at"))
    return (replace(settings, base_url=base_url) if base_url else settings), problems


def read_settings(content: Path, include_drafts: bool = False) -> tuple[Settings, list[Problem]]:
    """Read `site.yaml` if present; every unknown or malformed value is a problem."""
    path, problems = "site.yaml", []
    file = content / path
    if not os.path.lexists(file):
        return Settings(include_drafts=include_drafts), problems
    raw, problems = (None, []) if refusal(content, path) else read_bytes(content, path)
    if raw is None:  # the tree's scan reports why
        return Settings(include_drafts=include_drafts), problems
    text, problems = decode_utf8(raw, path)
    if text is None:
        return Settings(), problems
    data, problems = parse_yaml(text, path)
    if problems:
        return Settings(), problems
    data = data or {}
    if not isinstance(data, dict):
        return Settings(), [error(path, 1, "site settings must be a mapping of keys to values")]
    values: dict = {"include_drafts": include_drafts}
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            hint = did_you_mean(key, KNOWN_KEYS)
            problems.append(error(path, key_line(text, str(key)), f"unknown setting '{key}'{hint}"))
        elif key in ("name", "organisation"):
            values[key] = _per_language(value, path, key, problems)
        elif key == "base_url":
            parts = urlsplit(str(value))
            if parts.scheme not in ("http", "https") or not parts.netloc:
                problems.append(error(path, 1, f"base_url '{value}' is not an http(s) URL"))
            else:
                values[key] = str(value).rstrip("/")
        elif key == "default_language":
            if value not in LANGUAGES:
                problems.append(error(path, 1, f"default_language '{value}' is not one of en, fr"))
            else:
                values[key] = value
    values["legal"], found = read_legal(data, text, path, LANGUAGES)
    problems += found
    return Settings(**{k: v for k, v in values.items() if v is not None}), problems
