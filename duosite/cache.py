"""What a build may take from earlier work instead of redoing it, behind one small protocol.

Every entry is keyed by all of its inputs (never by a name alone), so a cache can only
make a build faster: a build with one produces exactly what a build without one does.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

T = TypeVar("T")


class TextCache(Protocol):
    """Markdown converted to HTML, keyed by the text and the engine that converts it."""

    def convert_all(self, texts: Iterable[str]) -> dict[str, str]:
        """HTML for each text."""

    def save(self) -> None:
        """Keep what this build used for the next one."""


class Cache(Protocol):
    """The one interface the stages ask: each value is recomputed unless its inputs are equal."""

    keeps_pages: bool  # a preview: rendered pages stay in memory, only changed files are written
    published: dict  # what the output folder holds (path -> marker), for a preview's next write

    def markdown(self, texts: Iterable[str]) -> dict[str, str]:
        """HTML for each Markdown text."""

    def reuse(self, name: str, inputs: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, or its value from the build before when `inputs` are equal."""

    def each(self, name: str, files: dict[str, Hashable], compute: Callable[[str], T]
             ) -> dict[str, T]:
        """`compute(path)` for each path, or its value from the build before when the path's
        stat is equal; paths no longer given are forgotten."""

    def page(self, key: Hashable, produce: Callable[[], bytes]) -> bytes:
        """A page's bytes from the build before when `key` (all its inputs) is equal."""

    def held(self, name: str) -> Token | None:
        """The token the build before kept under `name` (None if none)."""

    def same(self, name: str, token: Token) -> Token:
        """The build before's equal token if there is one, so later comparisons are `is`."""

    def start_rendering(self, design: Token, shape: Token) -> dict:
        """Pieces of HTML still valid for this design and structure, to share between pages."""

    def save(self) -> None:
        """Keep what lasts beyond this build (the Markdown on disk)."""


class Token:
    """A big value as a dictionary key: hashed once, compared in full only on a hash match."""

    def __init__(self, value):
        self.value, self.hash = value, hash(value)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other) -> bool:
        return isinstance(other, Token) and (self.value is other.value or
                                             self.value == other.value)


def stat_key(file: Path) -> tuple:
    """What changes whenever a file is saved."""
    info = file.stat()
    return info.st_mtime_ns, info.st_size, info.st_ino, info.st_ctime_ns


@dataclass
class Memo:
    """The in-memory implementation of `Cache`: a one-off build's (which keeps no page) and a
    long-running preview's (which keeps everything, so a rebuild redoes only what changed)."""

    texts: TextCache | None = None  # the Markdown cache: `build.new_cache` gives one
    keeps_pages: bool = True  # False for a one-off build, which would never reuse a page
    files: dict = field(default_factory=dict)  # name -> {path: (stat, value)}
    rendered: dict = field(default_factory=dict)  # render key -> HTML
    derived: dict = field(default_factory=dict)  # name -> (inputs, value) of a pure function
    fragments: dict = field(default_factory=dict)  # pieces of HTML shown on many pages
    before: dict = field(default_factory=dict)  # the previous build's pages, while rendering
    published: dict = field(default_factory=dict)  # what the output folder holds: path -> marker

    def markdown(self, texts: Iterable[str]) -> dict[str, str]:
        """HTML for each Markdown text, from the text cache."""
        return self.texts.convert_all(texts)

    def save(self) -> None:
        """Keep the Markdown this build used."""
        self.texts.save()

    def page(self, key: Hashable, produce: Callable[[], bytes]) -> bytes:
        """A page's HTML from the build before when `key` (all its inputs) is equal."""
        if not self.keeps_pages:
            return produce()
        html = self.before.get(key)
        if html is None:
            html = produce()
        self.rendered[key] = html
        return html

    def start_rendering(self, design: Token, shape: Token) -> dict:
        """Forget pages the new build does not ask for; the fragments still valid, to share."""
        self.before, self.rendered = self.rendered, {}
        if self.derived.get("fragments for") != (design, shape):
            self.derived["fragments for"], self.fragments = (design, shape), {}
        return self.fragments if self.keeps_pages else {}

    def held(self, name: str) -> Token | None:
        """The token the last build kept under `name` (None if none)."""
        return self.derived.get(name, (None, None))[1]

    def same(self, name: str, token: Token) -> Token:
        """The last build's equal token if there is one, so that later comparisons are `is`."""
        held = self.derived.get(name)
        if held is not None and held[1] == token:
            return held[1]
        self.derived[name] = (None, token)
        return token

    def each(self, name: str, files: dict[str, Hashable], compute: Callable[[str], T]
             ) -> dict[str, T]:
        """`compute(path)` for each path whose stat changed since the last build."""
        if not self.keeps_pages:
            return {path: compute(path) for path in files}
        held = self.files.get(name, {})
        kept = {path: (stat, held[path][1] if stat is not None and path in held
                       and held[path][0] == stat else compute(path))
                for path, stat in files.items()}
        self.files[name] = kept
        return {path: value for path, (_, value) in kept.items()}

    def reuse(self, name: str, inputs: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, or its value from the last build when `inputs` are equal."""
        if not self.keeps_pages:
            return compute()
        held = self.derived.get(name)
        if held is None or held[0] != inputs:
            held = (inputs, compute())
            self.derived[name] = held
        return held[1]
