"""A Hugo content tree read: its configuration, its pages' languages, and how they pair."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import yaml
from hugo_frontmatter import split_front_matter

LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class HugoFile:
    """One Markdown file of the Hugo tree, with the language and logical path Hugo gives it."""

    rel: str  # relative to the content folder, for messages
    lang: str
    logical: str  # path without language folder, suffix and .md: 'post/x/index', 'about'


def read_page(path: Path) -> str | None:
    """A page's text, or None when it is not UTF-8 (the caller says so)."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None


def _load(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    value = tomllib.loads(text) if path.suffix == ".toml" else yaml.safe_load(text)
    return value if isinstance(value, dict) else {}


def read_config(site: Path) -> dict:
    """Hugo's site configuration: hugo.* or config.*, then config/_default/ (one key a file)."""
    config: dict = {}
    for name in ("hugo", "config"):
        for suffix in (".toml", ".yaml", ".yml"):
            if (site / f"{name}{suffix}").is_file():
                config.update(_load(site / f"{name}{suffix}"))
    folder = site / "config" / "_default"
    for path in sorted(folder.glob("*.*")) if folder.is_dir() else []:
        if path.suffix in (".toml", ".yaml", ".yml"):
            stem = path.stem
            config.update(_load(path)) if stem in ("hugo", "config") else \
                config.setdefault(stem, _load(path))
    return config


OTHER_LANGUAGE = "not in English or French: left out"
NOT_FOUND_PAGE = ("Hugo's 'page not found' page: left out, the build publishes its own in "
                  "each language (templates/404.html)")


def find_files(content: Path, default: str) -> tuple[list[HugoFile], list[tuple[str, str]]]:
    """Every Markdown page, by language folder (content/fr/…) or file suffix (x.fr.md); and
    the pages left out, with why."""
    folders = [lang for lang in LANGUAGES if (content / lang).is_dir()]
    files, skipped = [], []
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).as_posix()
        parts = rel[:-3].split("/")
        lang = default
        if folders:
            if parts[0] not in folders:
                skipped.append((rel, OTHER_LANGUAGE))
                continue
            lang, parts = parts[0], parts[1:]
        stem, _, suffix = parts[-1].rpartition(".")
        if stem and len(suffix) in (2, 3, 5):
            if suffix not in LANGUAGES:
                skipped.append((rel, OTHER_LANGUAGE))
                continue
            lang, parts[-1] = suffix, stem
        if parts == ["404"]:
            skipped.append((rel, NOT_FOUND_PAGE))
            continue
        files.append(HugoFile(rel, lang, "/".join(parts)))
    return files, skipped


def target_key(logical: str) -> str:
    """This site's path without language: a leaf bundle's index.md becomes the bundle's page."""
    if logical.endswith("/index") or logical == "index":
        return logical[:-len("/index")] if "/" in logical else "_index"
    return logical


def pair_by_translation_key(files: list[HugoFile], keys: dict[str, str | None],
                            default: str) -> dict[str, tuple[str, str | None]]:
    """rel -> (target key, slug to keep): a translation with another path joins its original."""
    originals = {keys[f.rel]: target_key(f.logical) for f in files
                 if f.lang == default and keys[f.rel]}
    placed = {}
    for f in files:
        own = target_key(f.logical)
        joined = originals.get(keys[f.rel] or "", own) if f.lang != default else own
        slug = own.rpartition("/")[2] if joined != own else None
        placed[f.rel] = (joined, slug if slug and slug != "_index" else None)
    return placed


def make_resolver(file: HugoFile, logicals: dict[str, str]):
    """A function turning a ref/relref target into this site's link, or None."""
    folder = target_key(file.logical).rpartition("/")[0]  # a bundle's refs start beside it
    by_name: dict[str, list[str]] = {}
    for logical in logicals:
        name = re.sub(r"/_?index$", "", logical).rpartition("/")[2]
        by_name.setdefault(name, []).append(logical)

    def resolve(target: str) -> str | None:
        path, hash_, fragment = target.partition("#")
        path = re.sub(r"\.(en|fr)\.md$|\.md$", "", path.strip().strip("/"))
        alone = by_name.get(path, []) if "/" not in path else []  # Hugo finds unique names
        for candidate in (f"{folder}/{path}".strip("/"), path, *alone[:len(alone) == 1]):
            for name in (candidate, f"{candidate}/_index", f"{candidate}/index"):
                if name in logicals:
                    key = logicals[name]
                    link = f"/{key[:-len('_index')]}" if key.endswith("_index") else f"/{key}.md"
                    return link + (hash_ + fragment if fragment else "")
        return None

    return resolve


def main_menus(files: list[HugoFile], content: Path) -> frozenset[str]:
    """The menus read as the main one: 'main', or every menu when no page is in 'main'."""
    names: set[str] = set()
    for file in files:
        meta = split_front_matter(read_page(content / file.rel) or "")[0] or {}
        menu = meta.get("menu")
        names |= {menu} if isinstance(menu, str) else set(menu) if isinstance(
            menu, list | dict) else set()
    return frozenset({"main"} if "main" in names or not names else names)
