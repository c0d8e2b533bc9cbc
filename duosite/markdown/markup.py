"""Markdown to HTML, converted once per text (sanitised afterwards: see sanitize.py)."""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import threading
from collections.abc import Iterable
from pathlib import Path

import markdown

from ..parallel import map_on_cores
from .fastinline import use_skipping_inline
from .mdlists import EXTENSIONS, new_engine

# the engine's own code that shapes the HTML: a change to it is a new engine for the cache
OWN_CODE = hashlib.blake2b(b"".join(Path(__file__).with_name(name).read_bytes()
                                    for name in ("markup.py", "fastinline.py", "mdlists.py")),
                           digest_size=8).hexdigest()
ENGINE = f"python-markdown {markdown.__version__} {' '.join(EXTENSIONS)} {OWN_CODE}"

def _new_engine(escape_html: bool = False) -> markdown.Markdown:
    engine = use_skipping_inline(new_engine(EXTENSIONS, html_blocks=not escape_html))
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


_UNTRUSTED: markdown.Markdown | None = None


def convert_untrusted(text: str) -> str:
    """Markdown from registry data: raw HTML is shown as text (sanitise the result too)."""
    global _UNTRUSTED
    if _UNTRUSTED is None:
        _UNTRUSTED = _new_engine(escape_html=True)
    return _UNTRUSTED.reset().convert(text)


def text_key(text: str) -> str:
    """Cache key: the text, and the engine's version, extensions and own code."""
    return hashlib.blake2b(f"{ENGINE}\0{text}".encode(), digest_size=16).hexdigest()


class MarkdownCache:
    """HTML by text key; a pure function of its key, so it can never serve stale output."""

    def __init__(self, file: Path | None):
        self.file, self.entries, self.used, self.dirty = file, {}, set(), False
        if file and file.is_file():
            try:
                self.entries = marshal.loads(file.read_bytes())
            except (ValueError, EOFError, TypeError, OSError):
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
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return
        tmp = self.file.with_name(f"{self.file.name}.{os.getpid()}.{threading.get_ident()}")
        try:
            tmp.write_bytes(marshal.dumps(kept))
            os.replace(tmp, self.file)
        except OSError:  # a cache that cannot be kept only makes the next build slower
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


def _convert_many(texts: list[str]) -> list[str]:
    return map_on_cores(convert, texts)
