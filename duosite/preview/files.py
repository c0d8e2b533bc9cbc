"""What a request for a path of the preview folder gets: a file the build wrote, its type,
or the 404 page of its language."""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..publish.folder import MARKER

TEXT = "; charset=utf-8"
CONTENT_TYPES = {  # the site's own types; others as the system knows them
    ".html": "text/html" + TEXT, ".css": "text/css" + TEXT, ".js": "text/javascript" + TEXT,
    ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv" + TEXT,
    ".txt": "text/plain" + TEXT, ".svg": "image/svg+xml", ".webp": "image/webp",
    ".woff2": "font/woff2",
}

@dataclass(frozen=True)
class Answer:
    """What one request gets back."""

    status: int
    body: bytes = b""
    content_type: str = "text/plain" + TEXT
    location: str = ""  # where to go instead (a folder asked for without its '/')


def answer(folder: Path, url_path: str, base_path: str = "") -> Answer | None:
    """The file a decoded URL path names inside `folder`; None while there is no build there.

    Only what a build wrote is served: never a folder without the build's marker, never
    a hidden file (the marker, an editor's backup, a file being written), nothing outside.
    """
    if not is_build(folder):
        return None
    prefix = base_path.strip("/")
    if prefix and not (url_path + "/").startswith(prefix + "/"):
        return Answer(302, location=f"/{quote(prefix)}/") if not url_path else not_found(folder)
    parts = [p for p in url_path[len(prefix):].split("/") if p]
    if any(p.startswith(".") or "\\" in p or "\0" in p for p in parts):
        return not_found(folder)
    target = folder.joinpath(*parts)
    if parts and not os.path.realpath(target).startswith(os.path.realpath(folder) + os.sep):
        return not_found(folder)  # a link leading out of the folder
    if target.is_dir():
        if url_path and not url_path.endswith("/"):  # '//host' must not become '//host/'
            return Answer(302, location="/" + "".join(quote(p) + "/" for p in
                                                      url_path.split("/") if p))
        target = target / "index.html"
    try:
        return Answer(200, target.read_bytes(), content_type(target.name))
    except OSError:  # missing, or removed by a swap since the lines above
        return not_found(folder, parts[0] if parts else "") if folder.is_dir() else None


def is_build(folder: Path) -> bool:
    """Whether `folder` holds a site the build wrote (its marker is there)."""
    return (folder / MARKER).is_file()


def not_found(folder: Path, first: str = "") -> Answer | None:
    """The 404 page of the language the path starts with (`fr/…`), else the site's own."""
    for page in ([folder / first / "404.html"] if first else []) + [folder / "404.html"]:
        try:
            return Answer(404, page.read_bytes(), CONTENT_TYPES[".html"])
        except OSError:
            continue
    return Answer(404, b"Not found\n") if folder.is_dir() else None


def content_type(name: str) -> str:
    """The Content-Type of a file, by its extension."""
    extension = os.path.splitext(name)[1].lower()
    if extension in CONTENT_TYPES:
        return CONTENT_TYPES[extension]
    guessed = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return guessed + TEXT if guessed.startswith("text/") else guessed
