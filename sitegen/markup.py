"""Markdown to HTML, converted once per text, checked for unsafe markup."""

from __future__ import annotations

import hashlib
import html
import marshal
import os
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import markdown

from .fastinline import use_skipping_inline
from .parallel import map_on_cores
from .problems import Problem, error
from .urls import line_of

EXTENSIONS = ["tables", "attr_list", "md_in_html", "fenced_code", "footnotes", "def_list",
              "abbr", "toc"]
ENGINE = f"python-markdown {markdown.__version__} {' '.join(EXTENSIONS)}"

UNSAFE_TAG = re.compile(r"<(script|iframe|object|embed|frame|frameset)\b", re.IGNORECASE)
EVENT_ATTRIBUTE = re.compile(r"<[a-zA-Z][^>]*?\s(on[a-z]+)\s*=", re.IGNORECASE)
EVENT_HINT = re.compile(r"\son[a-zA-Z]+\s*=")
URL_ATTRIBUTE = re.compile(r"""\s(href|src|action|formaction|xlink:href)\s*=\s*["']([^"']*)""",
                           re.IGNORECASE)


def _new_engine(escape_html: bool = False) -> markdown.Markdown:
    engine = use_skipping_inline(markdown.Markdown(extensions=EXTENSIONS, output_format="html"))
    if escape_html:  # registry text: raw HTML is shown as text, never as markup
        engine.preprocessors.deregister("html_block")
        engine.inlinePatterns.deregister("html")
    return engine


_ENGINE: markdown.Markdown | None = None


def convert(text: str) -> str:
    """Markdown text to HTML with the site's extensions."""
    global _ENGINE  # one engine per process: building it costs more than a page
    if _ENGINE is None:
        _ENGINE = _new_engine()
    return _ENGINE.reset().convert(text)


def convert_untrusted(text: str) -> str:
    """Markdown from untrusted data: raw HTML escaped, links kept only if http(s) or mailto."""
    rendered = _new_engine(escape_html=True).convert(text)
    return URL_ATTRIBUTE.sub(lambda m: m.group(0) if _safe_scheme(m.group(2)) else ' href="#"',
                             rendered)


def _safe_scheme(url: str) -> bool:
    scheme = re.sub(r"[\x00-\x20]", "", html.unescape(url)).partition(":")
    return not scheme[1] or scheme[0].lower() in ("http", "https", "mailto")


def text_key(text: str) -> str:
    """Cache key: the text and the engine's version and settings."""
    return hashlib.blake2b(f"{ENGINE}\0{text}".encode(), digest_size=16).hexdigest()


class MarkdownCache:
    """HTML by text key; a pure function of its key, so it can never serve stale output."""

    def __init__(self, file: Path | None):
        self.file, self.entries, self.used, self.dirty = file, {}, set(), False
        if file and file.is_file():
            try:
                self.entries = marshal.loads(file.read_bytes())
            except (ValueError, EOFError, TypeError):
                self.entries = {}

    def convert_all(self, texts: Iterable[str]) -> dict[str, str]:
        """HTML for each text, converting only what the cache lacks, on every core if many."""
        keys = {text: text_key(text) for text in texts}
        missing = sorted({t for t, k in keys.items() if k not in self.entries})
        if missing:
            self.dirty = True
            for text, rendered in zip(missing, _convert_many(missing), strict=True):
                self.entries[keys[text]] = rendered
        self.used.update(keys.values())
        return {text: self.entries[key] for text, key in keys.items()}

    def save(self) -> None:
        """Keep the entries this build used, dropping the others."""
        if not self.file or (not self.dirty and len(self.used) == len(self.entries)):
            return
        kept = {k: v for k, v in self.entries.items() if k in self.used}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f"{self.file.name}.{os.getpid()}.{threading.get_ident()}")
        tmp.write_bytes(marshal.dumps(kept))
        os.replace(tmp, self.file)


def _convert_many(texts: list[str]) -> list[str]:
    return map_on_cores(convert, texts)


def check_safety(rendered: str, body: str, path: str, first_line: int) -> list[Problem]:
    """Scripts, frames, event handlers and javascript: URLs in content are errors."""
    problems = []
    for match in UNSAFE_TAG.finditer(rendered):
        tag = match.group(1).lower()
        problems.append(error(path, line_of(body, f"<{tag}", first_line),
                              f"<{tag}> is not allowed in content; ask the web team to add it to "
                              "a template"))
    maybe_events = EVENT_HINT.search(rendered) is not None  # cheap test before the exact one
    for match in EVENT_ATTRIBUTE.finditer(rendered) if maybe_events else ():
        name = match.group(1).lower()
        problems.append(error(path, line_of(body, name, first_line),
                              f"'{name}' attributes (scripts) are not allowed in content"))
    for match in URL_ATTRIBUTE.finditer(rendered):
        if not _safe_scheme(match.group(2)) and "javascript" in match.group(2).lower():
            problems.append(error(path, line_of(body, "javascript:", first_line),
                                  "javascript: links are not allowed in content"))
    return problems
