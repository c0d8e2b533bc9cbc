"""The preview server: the site built into its own folder, served with livereload."""

from __future__ import annotations

import argparse
import asyncio
import html
import ipaddress
import logging
import mimetypes
import os
import sys
import threading
import webbrowser
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado import web

from .pipeline import Project
from .problems import summary_line
from .watch import Outcome, preview_project, report_lines, start_watching

PANEL_TEMPLATE = "_preview.html"  # in the project's templates/
SWAP_WAIT_S, SWAP_TRIES = 0.005, 40  # a request that lands mid-swap waits up to 0.2 s
TEXT = "; charset=utf-8"
CONTENT_TYPES = {  # the site's own types; others as the system knows them
    ".html": "text/html" + TEXT, ".css": "text/css" + TEXT, ".js": "text/javascript" + TEXT,
    ".json": "application/json", ".xml": "application/xml", ".csv": "text/csv" + TEXT,
    ".txt": "text/plain" + TEXT, ".svg": "image/svg+xml", ".webp": "image/webp",
    ".woff2": "font/woff2",
}


class Preview:
    """The preview folder and the outcome of its latest build, as every request sees them."""

    def __init__(self, folder: Path, templates: Path):
        self.folder = folder.resolve()
        self.panels = Environment(loader=FileSystemLoader(templates), autoescape=True,
                                  undefined=StrictUndefined)  # re-read when the file changes
        self.outcome = Outcome()
        self.base_path = ""  # of the build being served, so kept when a build fails
        self.has_build = self.folder.is_dir()  # a good build, maybe from an earlier session

    def update(self, outcome: Outcome) -> None:
        """Take in a finished build (called on the server's thread)."""
        self.outcome = outcome
        if not outcome.failed:
            self.base_path, self.has_build = outcome.base_path, True


@dataclass(frozen=True)
class Answer:
    """What one request gets back."""

    status: int
    body: bytes = b""
    content_type: str = "text/plain" + TEXT
    location: str = ""  # where to go instead (a folder asked for without its '/')


def run_serve(args: argparse.Namespace, root: Path) -> int:
    """`python build.py serve`: build the preview, serve it, rebuild after each burst of saves."""
    project = preview_project(args, root)
    if not project.content.is_dir():
        print(f"{project.content}: content folder not found", file=sys.stderr)
        return 1
    if warning := exposure_warning(args.host):
        print(warning, file=sys.stderr)
    logging.getLogger("tornado.access").setLevel(logging.CRITICAL)  # a 404 is no news here
    try:
        return asyncio.run(serve(project, args.host, args.port, args.open))
    except KeyboardInterrupt:
        print("Stopped.")
        return 0


def exposure_warning(host: str) -> str | None:
    """A warning when the preview (drafts included) is reachable from other machines."""
    try:
        if host == "localhost" or ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:
        pass
    return (f"warning: listening on {host}: other machines can see this preview, drafts "
            "included; leave out --host to keep it on this computer")


def site_address(host: str, port: int) -> str:
    """The address to open in a browser."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


async def serve(project: Project, host: str, port: int, open_browser: bool) -> int:
    """Listen, build in the watcher's thread, and reload the browsers after each build."""
    loop = asyncio.get_running_loop()
    preview = Preview(project.output, project.templates)
    try:
        PreviewServer(preview).application(port, host, live_css=False)
    except OSError as exc:
        print(f"cannot listen on {host}:{port}: {exc.strerror}; try --port {port + 1}",
              file=sys.stderr)
        return 1
    first_build, stopped = asyncio.Event(), loop.create_future()

    def after_build(what: str, outcome: Outcome) -> None:
        print("\n".join(report_lines(what, outcome, preview.outcome)), flush=True)
        preview.update(outcome)
        if what:
            LiveReloadHandler.reload_waiters("*")  # only now: the new build is in place
        first_build.set()

    stop_watching = start_watching(
        project, lambda *built: loop.call_soon_threadsafe(after_build, *built),
        lambda message: loop.call_soon_threadsafe(stopped.set_result, message))
    try:
        await asyncio.wait([loop.create_task(first_build.wait()), stopped],
                           return_when=asyncio.FIRST_COMPLETED)
        if not stopped.done():
            address = site_address(host, port)
            print(f"Serving {address} (preview of {project.content}/ in "
                  f"{os.path.relpath(project.output)}/; Ctrl+C to stop)", flush=True)
            if open_browser:
                threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()
        print(await stopped, file=sys.stderr)
        return 1
    finally:
        stop_watching()


class PreviewServer(Server):
    """livereload's server (its script in every page, its websocket) with our routes."""

    def __init__(self, preview: Preview):
        super().__init__(watcher=Watcher())  # never started: watchfiles drives the rebuilds
        self.preview = preview

    def get_web_handlers(self, script: bytes) -> list:
        """Tornado routes; livereload adds its own (/livereload, /livereload.js) before them."""
        return routes(self.preview)


def routes(preview: Preview) -> list:
    """The preview's routes: add a handler above the catch-all to serve one more page."""
    return [(r"/(.*)", PreviewHandler, {"preview": preview})]


class PreviewHandler(web.RequestHandler):
    """The current preview folder's files; pages carry the last build's problems."""

    def initialize(self, preview: Preview) -> None:
        """Tornado's constructor hook."""
        self.preview = preview

    def set_default_headers(self) -> None:
        """A preview is never cached, and its types are never guessed."""
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    def compute_etag(self) -> None:
        """No ETag: every reload reads the file afresh."""
        return None

    async def get(self, path: str) -> None:
        """Send a file of the folder as it is now (it is swapped whole by each build)."""
        preview = self.preview
        found = answer(preview.folder, path, preview.base_path)
        for _ in range(SWAP_TRIES if preview.has_build else 0):
            if found is not None:
                break
            await asyncio.sleep(SWAP_WAIT_S)
            found = answer(preview.folder, path, preview.base_path)
        found = found or Answer(503, NO_BUILD_YET, CONTENT_TYPES[".html"])
        if found.location:
            query = f"?{self.request.query}" if self.request.query else ""
            self.redirect(found.location + query)
            return
        body = found.body
        if found.content_type.startswith("text/html"):
            body = with_panel(body, problems_panel(preview.outcome, preview.has_build,
                                                  preview.panels))
        self.set_status(found.status)
        self.set_header("Content-Type", found.content_type)
        self.finish(body)

    head = get


def answer(folder: Path, url_path: str, base_path: str = "") -> Answer | None:
    """The file a decoded URL path names inside `folder`; None while there is no folder."""
    if not folder.is_dir():
        return None
    prefix = base_path.strip("/")
    if prefix and not (url_path + "/").startswith(prefix + "/"):
        return Answer(302, location=f"/{quote(prefix)}/") if not url_path else not_found(folder)
    parts = [p for p in url_path[len(prefix):].split("/") if p]
    if any(p in (".", "..") or "\\" in p or "\0" in p for p in parts):
        return not_found(folder)
    target = folder.joinpath(*parts)
    if parts and not os.path.realpath(target).startswith(os.path.realpath(folder) + os.sep):
        return not_found(folder)  # a link leading out of the folder
    if target.is_dir():
        if url_path and not url_path.endswith("/"):
            return Answer(302, location=quote(f"/{url_path}/"))
        target = target / "index.html"
    try:
        return Answer(200, target.read_bytes(), content_type(target.name))
    except OSError:  # missing, or removed by a swap since the lines above
        return not_found(folder, parts[0] if parts else "") if folder.is_dir() else None


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


NO_BUILD_YET = (b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>No preview'
                b" yet</title></head><body><h1>No preview yet</h1></body></html>\n")


def problems_panel(outcome: Outcome, has_build: bool, panels: Environment) -> str:
    """The last build's problems, to show over the page ('' when there are none)."""
    if not outcome.problems:
        return ""
    count, lines = len(outcome.problems), [str(p) for p in outcome.problems]
    heading = (summary_line(outcome.problems) if outcome.failed
               else f"{count} warning{'s' * (count != 1)} in this build")
    try:
        return panels.get_template(PANEL_TEMPLATE).render(
            failed=outcome.failed, heading=heading, problems=lines, has_build=has_build)
    except Exception:  # noqa: BLE001 - a broken panel template must not hide the problems
        text = html.escape("\n".join([heading, *lines]))
        return f'<pre data-preview-problems role="alert">{text}</pre>'


def with_panel(page: bytes, panel: str) -> bytes:
    """The page with the panel as the last thing in its body."""
    if not panel:
        return page
    end = page.rfind(b"</body>")
    end = len(page) if end < 0 else end
    return page[:end] + panel.encode() + b"\n" + page[end:]
