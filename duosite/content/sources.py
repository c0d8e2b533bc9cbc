"""Finding the content tree's files and reading pages' front matter."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..markdown import detect
from ..markdown.summaries import summary_problems
from ..problems import Problem, did_you_mean, error, warning
from ..text.aliases import read_aliases
from ..text.dates import Dates, read_dates
from ..text.safefiles import entry_problem, read_bytes
from ..text.yamltext import decode_utf8, key_line, parse_yaml
from .menus import MenuEntry, read_menu

FRONT_MATTER_KEYS = ("title", "description", "slug", "weight", "menu", "draft", "template",
                     "figures", "only_in", "translated_from", "date", "updated", "summary",
                     "aliases")
DERIVED = ("date", "updated", "aliases")  # read into Source.dates and Source.aliases
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")
# keys other generators read, with what to do here instead (docs/migrating-from-hugo.md)
FOREIGN_KEYS = {
    "translationKey": "pages are paired by file name here: name both files alike "
                      "(industry.en.md, industry.fr.md) and give the French one its own 'slug'",
    "linkTitle": "use 'menu: LABEL' (or 'menu: {label: LABEL}') for a shorter label in the "
                 "navigation",
    "tags": "this site has no tag pages: remove the key",
    "categories": "this site has no category pages: remove the key",
    "lastmod": "write 'updated: YYYY-MM-DD', the day of the last change that matters to readers",
    "publishDate": "write 'date: YYYY-MM-DD', the day the page was first published",
    "expiryDate": "pages do not expire here: remove the key, and remove the page (or mark it "
                  "'draft: true') when it should go",
    "url": "a page's URL comes from its file's place and 'slug' here: give the old path in "
           "'aliases: [/old/path/]' so that it redirects",
}
# finders of text that would be published wrong: (finder, is it an error)
BODY_FINDERS = ((detect.shortcodes, True), (detect.template_syntax, True),
                (detect.conflict_markers, True), (detect.raw_markdown_in_html, False),
                (detect.markdown_h1, False))


@dataclass(frozen=True)
class Source:
    """One Markdown file of the content tree, in one language."""

    path: str  # relative to the content tree, e.g. "regional/_index.fr.md"
    key: str  # what its translations share: "regional", "industry", "" for the home page
    lang: str
    is_section: bool
    title: str
    body: str
    body_line: int  # line number of the body's first line in the file
    description: str = ""
    slug: str | None = None
    weight: int = 0
    menu: MenuEntry | None = None  # where the page is listed in the site's menus
    draft: bool = False
    template: str | None = None
    figures: str | None = None
    only_in: str | None = None
    translated_from: str | None = None
    dates: Dates | None = None  # when it was published (and last changed), if it says
    summary: str | None = None  # Markdown shown where the page is listed, instead of its lead
    aliases: tuple[str, ...] = ()  # old paths that redirect to the page
    key_lines: tuple[tuple[str, int], ...] = ()  # front matter key -> its line, for messages

    def line_of(self, key: str) -> int:
        """The line on which front matter `key` is written (1 if it is not)."""
        return dict(self.key_lines).get(key, 1)


@dataclass(frozen=True)
class ContentTree:
    """The files of a content tree, sorted by kind."""

    pages: tuple[str, ...]
    labs: tuple[str, ...]
    data: tuple[str, ...]
    assets: tuple[str, ...]
    problems: tuple[Problem, ...] = ()  # links leaving the tree, pipes, unreadable entries


def scan_content(content: Path) -> ContentTree:
    """List the tree's files by kind, with paths relative to it and in a stable order.

    Only regular files inside the tree are listed; a link leading out of it, a folder link,
    a pipe or a device is a problem, and is never opened.
    """
    pages, labs, data, assets = [], [], [], []
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        problems.append(error(os.path.relpath(exc.filename, content).replace(os.sep, "/"), 1,
                              f"cannot be read: {exc.strerror}"))

    for folder, dirs, files in os.walk(content, onerror=unreadable):
        rel_folder = os.path.relpath(folder, content).replace(os.sep, "/")
        prefix = "" if rel_folder == "." else rel_folder + "/"
        links = sorted(d for d in dirs if not d.startswith(".") and os.path.islink(
            os.path.join(folder, d)))
        problems.extend(entry_problem(content, prefix + d) for d in links)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in links)
        for name in sorted(files):
            if name.startswith(".") or name.endswith(IGNORED_SUFFIXES):
                continue
            rel = prefix + name
            if found := entry_problem(content, rel):
                problems.append(found)
                continue
            if name.endswith(".md"):
                pages.append(rel)
            elif rel_folder == "labs" and name.endswith((".yaml", ".yml")):
                labs.append(rel)
            elif rel_folder == "data" and name.endswith((".yaml", ".yml")):
                data.append(rel)
            elif rel != "site.yaml":
                assets.append(rel)
    return ContentTree(tuple(pages), tuple(labs), tuple(data), tuple(assets), tuple(problems))


def page_identity(rel: str, languages: tuple[str, ...]) -> tuple[str, str, bool] | str:
    """(key, lang, is_section) for a page path, or a message saying why the name is wrong."""
    folder, _, name = rel.rpartition("/")
    stem, dot, lang = name[:-3].rpartition(".")
    if not dot or not stem:
        return f"page file name must end in .{languages[0]}.md or .{languages[1]}.md"
    if lang not in languages:
        return (f"language suffix '{lang}' is not a site language "
                f"({', '.join(languages)}){did_you_mean(lang, languages)}")
    if stem == "_index" or (stem == "index" and not folder):
        return folder, lang, True
    return (f"{folder}/{stem}" if folder else stem), lang, False


def _check_value(key: str, value, languages) -> str | None:
    expected = {"title": str, "description": str, "slug": str, "template": str, "figures": str,
                "translated_from": str, "weight": int, "menu": bool, "draft": bool}
    if key in DERIVED or key == "summary":
        return None  # checked with the page: read_dates, read_aliases, summary_problems
    if key == "menu":
        return read_menu(value)[1]
    if key == "only_in":
        return None if value in languages else f"'only_in' must be one of {', '.join(languages)}"
    kind = expected[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = {str: "a text", int: "a whole number",
                 bool: "true or false"}
        return f"'{key}' must be {names[kind]}"
    return None


def parse_page(rel: str, raw: bytes, languages: tuple[str, ...]) -> tuple[Source | None, list]:
    """Read one page: front matter between `---` lines, then the Markdown body."""
    identity = page_identity(rel, languages)
    if isinstance(identity, str):
        return None, [error(rel, 1, identity)]
    text, problems = decode_utf8(raw, rel)
    if text is None:
        return None, problems
    if text.startswith("+++"):
        return None, [error(rel, line, message)
                      for line, message in detect.read_toml_front_matter(text)[1]]
    if not text.startswith("---"):
        return None, [error(rel, 1, "front matter is missing: start the file with a '---' line, "
                                    "then 'title: …', then another '---' line")]
    end = text.find("\n---", 3)
    if end < 0:
        return None, [error(rel, 1, "front matter is not closed: add a '---' line after it")]
    head = text[text.index("\n") + 1 if "\n" in text else 3:end + 1]
    body_start = text.find("\n", end + 4)
    body = text[body_start + 1:] if body_start >= 0 else ""
    body_line = text.count("\n", 0, body_start) + 2 if body_start >= 0 else 1
    meta, problems = parse_yaml(head, rel, first_line=2)
    if problems:
        return None, problems
    meta = meta or {}
    if not isinstance(meta, dict):
        return None, [error(rel, 2, "front matter must be 'key: value' lines")]
    lines = tuple((str(key), key_line(head, str(key), 2)) for key in meta)
    for key, value in meta.items():
        line = dict(lines)[str(key)]
        if key not in FRONT_MATTER_KEYS:
            hint = (f": {FOREIGN_KEYS[key]}" if key in FOREIGN_KEYS
                    else did_you_mean(str(key), FRONT_MATTER_KEYS, cutoff=0.75))
            problems.append(error(rel, line, f"front matter: unknown key '{key}'{hint}"))
        elif message := _check_value(key, value, languages):
            problems.append(error(rel, line, f"front matter: {message}"))
    if not str(meta.get("title") or "").strip():
        problems.append(error(rel, 1, "front matter: 'title' is missing"))
    at = dict(lines)
    dates, found = read_dates(meta, at)
    aliases, more = read_aliases(meta.get("aliases"), at.get("aliases", 1))
    found += more + summary_problems(body, meta.get("summary"), at.get("summary", 1), body_line)
    problems += [error(rel, line, message) for line, message in found]
    if problems:
        return None, problems
    key, lang, is_section = identity
    values = {k: v for k, v in meta.items() if k in FRONT_MATTER_KEYS and k not in DERIVED}
    values["menu"] = read_menu(meta.get("menu"))[0]
    return Source(path=rel, key=key, lang=lang, is_section=is_section, body=body,
                  body_line=body_line, key_lines=lines, dates=dates, aliases=aliases, **values
                  ), body_problems(rel, body, body_line)


def body_problems(rel: str, body: str, body_line: int) -> list[Problem]:
    """What in a page's text would be published wrong: Hugo shortcodes, template code and
    merge marks stop the build; Markdown left raw in HTML and a second h1 are warnings."""
    return [(error if is_error else warning)(rel, line, message)
            for finder, is_error in BODY_FINDERS for line, message in finder(body, body_line)]


def read_pages(content: Path, paths, languages) -> tuple[list[Source], list[Problem]]:
    """Parse every page of the tree, collecting all problems."""
    sources, problems = [], []
    for rel in paths:
        raw, found = read_bytes(content, rel)
        if raw is not None:
            source, found = parse_page(rel, raw, languages)
            sources += [source] if source is not None else []
        problems += found
    return sources, problems
