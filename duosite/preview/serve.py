"""The preview server: the preview folder over HTTP, reloaded in the browser after each build."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import os
import re
import sys
import threading
import webbrowser
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.websocket import WebSocketClosedError

from ..project import Project
from .files import CONTENT_TYPES, Answer, answer, is_build
from .outcome import Outcome
from .watch import preview_project, problems_panel, report_lines, start_watching

SWAP_WAIT_S, SWAP_TRIES = 0.005, 40  # a request that lands mid-swap waits up to 0.2 s
RELOAD = {"command": "reload", "path": "*", "liveCSS": False, "liveImg": False}
LIVE_SCRIPT = (b'<script>(function(){var s=document.createElement("script");s.src="/livereload.'
               b'js?port="+(location.port||(location.protocol==="https:"?443:80));document.head.'
               b"appendChild(s)})();</script>")
HASHED = re.compile(r"(^|/)assets/.+\.[0-9a-f]{10}\.\w+$")  # named by content: never stale
NO_BUILD_YET = (b'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>No preview'
                b" yet</title></head><body><h1>No preview yet</h1></body></html>\n")


class Preview:
    """The preview folder and its latest build, as every request and every browser sees them."""

    def __init__(self, project: Project):
        self.project, self.folder = project, project.output.resolve()
        self.panels = Environment(loader=FileSystemLoader(project.templates), autoescape=True,
                                  undefined=StrictUndefined)  # re-read when the file changes
        self.outcome, self.builds = Outcome(), 0
        self.built = Outcome()  # the last whole build, whose problems the terminal showed
        self.base_path = ""  # of the build being served, so kept when a build fails
        self.has_build = is_build(self.folder)  # a good build, maybe from an earlier session
        self.served: dict[str, int] = {}  # page path -> the build it was last sent from

    def update(self, outcome: Outcome) -> None:
        """Take in a finished build, or its edited pages painted first (on the server's thread)."""
        self.outcome = outcome
        if not outcome.failed:
            self.base_path, self.has_build = outcome.base_path, True


def run_serve(project: Project, root: Path, host: str, port: int, open_browser: bool) -> int:
    """`python build.py serve`: build the preview, serve it, rebuild after each burst of saves."""
    project = preview_project(project, root)
    if warning := exposure_warning(host):
        print(warning, file=sys.stderr)
    logging.getLogger("tornado.access").setLevel(logging.CRITICAL)  # a 404 is no news here
    try:
        return asyncio.run(serve(project, host, port, open_browser))
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


async def serve(project: Project, host: str, port: int, open_browser: bool) -> int:
    """Listen, build in the watcher's thread, and reload the browsers after each build."""
    loop = asyncio.get_running_loop()
    preview = Preview(project)
    try:
        application(preview).listen(port, address=host)
    except OSError as exc:
        print(f"cannot listen on {host}:{port}: {exc.strerror}", file=sys.stderr)
        return 1
    first_build, stopped = asyncio.Event(), loop.create_future()

    def after_build(what: str, outcome: Outcome) -> None:
        if not outcome.painted:
            print("\n".join(report_lines(what, outcome, preview.built)), flush=True)
            preview.built = outcome
        # After the edited pages were painted first, the rest of the build leaves them as they
        # are: their browsers reload again only if the problems shown changed.
        early = preview.outcome.painted if not outcome.painted else ()
        if early and outcome.problems != preview.outcome.problems:
            early = ()
        preview.update(outcome)
        if not (early and not outcome.files):
            preview.builds += 1
            # only now: the new build (or the edited page) is in place
            ReloadSocket.reload_all(skip=page_urls(early, outcome.base_path))
        if not outcome.painted:
            first_build.set()

    stop_watching = start_watching(
        project, lambda *built: loop.call_soon_threadsafe(after_build, *built),
        lambda message: loop.call_soon_threadsafe(stopped.set_result, message))
    try:
        await asyncio.wait([loop.create_task(first_build.wait()), stopped],
                           return_when=asyncio.FIRST_COMPLETED)
        if not stopped.done():
            shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, host)
            address = f"http://{f'[{shown}]' if ':' in shown.strip('[]') else shown}:{port}/"
            print(f"Serving {address} (preview of {project.content}/ in "
                  f"{os.path.relpath(project.output)}/; Ctrl+C to stop)\n"
                  f"Translation and link report: {address}_status/en/ and {address}_status/fr/",
                  flush=True)
            if open_browser:
                threading.Thread(target=webbrowser.open, args=(address,), daemon=True).start()
        print(await stopped, file=sys.stderr)
        return 1
    finally:
        stop_watching()


def application(preview: Preview) -> web.Application:
    """livereload's websocket and client script, then the preview's own routes."""
    return web.Application([(r"/livereload", ReloadSocket, {"preview": preview}),
                            (r"/livereload\.js", LiveReloadJSHandler), *routes(preview)])


def routes(preview: Preview) -> list:
    """The preview's pages: add a handler above the catch-all to serve one more route (it gets
    `preview.project`, and `live_page()` gives its HTML the reload script and the problems)."""
    return [(r"/_status/(en|fr)/", StatusHandler, {"preview": preview}),
            (r"/(.*)", PreviewHandler, {"preview": preview})]


class StatusHandler(web.RequestHandler):
    """The check's report on the content being edited: translation status and links."""

    def initialize(self, preview: Preview) -> None:
        """Tornado's constructor hook."""
        self.preview = preview

    async def get(self, lang: str) -> None:
        """Run the check (a few seconds on the real site) away from the server's thread."""
        from ..check.command import status_page  # only the preview's report page needs it
        page = await asyncio.get_running_loop().run_in_executor(
            None, status_page, self.preview.project, lang)
        self.set_header("Cache-Control", "no-store")
        self.set_header("Content-Type", CONTENT_TYPES[".html"])
        self.finish(live_page(page.encode(), ""))


class ReloadSocket(LiveReloadHandler):
    """livereload's websocket; a page that connects after a newer build reloads at once."""

    def initialize(self, preview: Preview) -> None:
        """Tornado's constructor hook."""
        self.preview = preview

    def on_message(self, message: str) -> None:
        """livereload's handshake, then the check that closes the gap between load and connect."""
        super().on_message(message)
        url, preview = json.loads(message).get("url"), self.preview
        if url is None or self not in self.waiters:
            return
        self.page = page = urlsplit(url).path
        sent = preview.served.get(page, -1)  # -1: sent by an earlier server, maybe stale
        if sent < preview.builds:  # a build came after the page was sent
            preview.served[page] = preview.builds  # so a page it cannot match reloads once
            self.send_message(RELOAD)

    @classmethod
    def reload_all(cls, skip: frozenset[str] = frozenset()) -> None:
        """Tell every connected page to reload, but those showing the URL paths in `skip`."""
        for waiter in list(cls.waiters):
            if getattr(waiter, "page", None) in skip:
                continue
            try:
                waiter.write_message(RELOAD)
            except WebSocketClosedError:
                cls.waiters.discard(waiter)


class PreviewHandler(web.RequestHandler):
    """The preview folder's files as they are now; pages also carry the last build's problems."""

    def initialize(self, preview: Preview) -> None:
        """Tornado's constructor hook."""
        self.preview = preview

    def set_default_headers(self) -> None:
        """A preview is never cached, and its types are never guessed."""
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Content-Type-Options", "nosniff")

    async def get(self, path: str) -> None:
        """Send a file (the folder is swapped whole by each build, so look it up each time)."""
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
            preview.served[self.request.path] = preview.builds
            body = live_page(body, problems_panel(preview.outcome, preview.has_build,
                                                  preview.panels))
        self.set_status(found.status)
        if found.status == 200 and HASHED.search(path):
            self.set_header("Cache-Control", "max-age=31536000, immutable")
        self.set_header("Content-Type", found.content_type)
        self.finish(body)

    head = get


def page_urls(files: tuple[str, ...], base_path: str) -> frozenset[str]:
    """The URL paths of pages written in the output folder (`en/industry/index.html`)."""
    return frozenset(f"{base_path}/{rel.removesuffix('index.html')}" for rel in files
                     if rel.endswith("index.html"))


def live_page(page: bytes, panel: str) -> bytes:
    """The page with livereload's client at the end of its head and the panel in its body."""
    head, end = page.find(b"</head>"), page.rfind(b"</body>")
    end = len(page) if end < 0 else end
    page = page[:end] + panel.encode() + b"\n" + page[end:] if panel else page
    return page[:head] + LIVE_SCRIPT + page[head:] if head >= 0 else LIVE_SCRIPT + page
