"""The preview server, `python build.py serve`: what it serves and how it follows the sources.

Each server runs in a subprocess on a free 127.0.0.1 port, from a copy of the project's
design (build.py, templates, catalogues, static) so that a test may edit the templates.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, write_tree
from markupsafe import escape
from tornado.websocket import websocket_connect
from watchfiles import Change

from duosite import build
from duosite.cache import Memo
from duosite.preview.files import answer, content_type
from duosite.preview.serve import exposure_warning, live_page
from duosite.preview.watch import (
    Outcome,
    build_preview,
    change_filter,
    describe,
    preview_project,
    problems_panel,
    report_lines,
)
from duosite.problems import BuildFailed, error, warning
from duosite.project import Project
from duosite.publish.folder import MARKER

MINI = ROOT / "tests" / "fixtures" / "mini" / "content"
WAIT = 20  # seconds any one step may take before the test fails
REBUILT = re.compile(r"^\d\d:\d\d:\d\d (.+): (rebuilt|build failed) in \d+ ms, (.+)$")


def save(file: Path, text: str) -> None:
    """Save a file whole, as editors do with a hidden file then a rename: a save is then one
    change even on a busy machine (written in place, a slow save can be seen half done)."""
    file.parent.mkdir(parents=True, exist_ok=True)
    partial = file.with_name(f".{file.name}.saving")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, file)


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def project_copy(tmp: Path, content: Path = MINI) -> Path:
    """A project root of the test's own, running this checkout's engine, with `tmp/content`."""
    root = tmp / "project"
    root.mkdir()
    shutil.copy2(ROOT / "build.py", root)
    (root / "duosite").symlink_to(ROOT / "duosite", target_is_directory=True)
    for name in ("templates", "locales", "static"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(content, tmp / "content")
    return root


class Running:
    """`python build.py serve` in a subprocess, and what it printed, line by line."""

    def __init__(self, tmp: Path, content: Path = MINI, options: tuple[str, ...] = ()):
        self.root, self.content = project_copy(tmp, content), tmp / "content"
        self.port, self.log, self.lines = free_port(), [], queue.Queue()
        self.process = subprocess.Popen(
            [sys.executable, "-u", "build.py", "serve", "--content", str(self.content),
             "--port", str(self.port), *options],
            cwd=self.root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()
        self.wait_for("Serving http://127.0.0.1:")

    def _read(self) -> None:
        for line in self.process.stdout:
            self.log.append(line)
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, pattern: str | re.Pattern, timeout: float = WAIT) -> str:
        """The next printed line matching `pattern` (a substring or a regex)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                printed = "".join(self.log)
                raise AssertionError(f"no line {pattern!r}; printed:\n{printed}") from None
            if (pattern.search(line) if isinstance(pattern, re.Pattern) else pattern in line):
                return line

    def rebuilt(self) -> re.Match:
        """The next rebuild's line, parsed: what changed, the verdict, the problem count."""
        return REBUILT.match(self.wait_for(REBUILT))

    def quiet_for(self, seconds: float) -> list[str]:
        """The lines printed during the next `seconds`."""
        time.sleep(seconds)
        found = []
        while not self.lines.empty():
            found.append(self.lines.get())
        return found

    def get(self, path: str) -> tuple[int, dict, bytes]:
        """GET `path` exactly as written (no normalisation): status, headers, body."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def page(self, path: str) -> str:
        """A page that must be there, as text."""
        status, _, body = self.get(path)
        assert status == 200, (path, status)
        return body.decode()

    def edit(self, file: Path, old: str, new: str) -> None:
        """Replace `old` by `new` in a source file."""
        text = file.read_text(encoding="utf-8")
        assert old in text, (file, old)
        save(file, text.replace(old, new, 1))

    def stop(self) -> None:
        """Stop the server and wait for it."""
        self.process.terminate()
        self.process.wait(WAIT)


@pytest.fixture
def running(tmp_path):
    """A preview server on the mini fixture site."""
    server = Running(tmp_path)
    yield server
    server.stop()


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_as_full_build(server: Running, tmp: Path, name: str) -> None:
    """The preview folder holds exactly what a fresh full build of the same sources writes."""
    fresh = tmp / f"fresh-{name}"
    build.build_site(Project(
        content=server.content, output=fresh, templates=server.root / "templates",
        locales=server.root / "locales", static=server.root / "static", include_drafts=True))
    preview, expected = files_of(server.root / ".preview"), files_of(fresh)
    # the search index is written by the preview's first build only (see docs/preview.md)
    assert "pagefind/pagefind-entry.json" in preview
    preview, expected = ({rel: data for rel, data in files.items()
                          if not rel.startswith("pagefind/")} for files in (preview, expected))
    assert sorted(preview) == sorted(expected), f"after {name}: not the same files"
    stale = [rel for rel in expected if preview[rel] != expected[rel]]
    assert stale == [], f"after {name}: stale files"


# --- HTTP ---------------------------------------------------------------------------------

def test_pages_and_files_are_served_with_their_types(running):
    status, headers, body = running.get("/en/industry/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"/livereload.js?port=" in body and headers["Cache-Control"] == "no-store"
    home = running.page("/en/")
    directory = running.page("/en/laboratories/")
    css = re.search(r'href="(/assets/css/site\.\w+\.css)"', home).group(1)
    script = re.search(r'src="(/assets/js/directory\.\w+\.js)"', directory).group(1)
    icon = re.search(r'href="(/assets/favicon\.\w+\.svg)"', home).group(1)
    expected = {css: "text/css", script: "text/javascript", icon: "image/svg+xml",
                "/sitemap.xml": "application/xml", "/robots.txt": "text/plain",
                "/en/labs.csv": "text/csv", "/fr/labs.json": "application/json"}
    for path, kind in expected.items():
        status, headers, _ = running.get(path)
        assert (status, headers["Content-Type"].split(";")[0]) == (200, kind), path
        assert headers["X-Content-Type-Options"] == "nosniff"
        named_by_content = path.startswith("/assets/")  # a change makes a new name
        assert ("immutable" in headers["Cache-Control"]) == named_by_content, path


def test_folders_and_unknown_paths(running):
    status, headers, _ = running.get("/fr/industrie?x=1")
    assert status == 302 and headers["Location"] == "/fr/industrie/?x=1"
    status, headers, body = running.get("/fr/nulle-part/")
    assert status == 404 and b'<html lang="fr"' in body
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    status, _, body = running.get("/en/nowhere.html")
    assert status == 404 and b'<html lang="en"' in body
    assert b"/livereload.js" in body  # a 404 page reloads too once the page exists


def test_nothing_outside_the_preview_folder_is_served(running):
    secret = running.root / "secret.txt"
    secret.write_text("do not serve me")
    assert (running.root / ".preview" / "index.html").is_file()
    for path in ("/../secret.txt", "/en/../../secret.txt", "/..%2fsecret.txt",
                 "/%2e%2e/secret.txt", "/%2E%2E%2F%2E%2E%2Fsecret.txt", "//etc/passwd",
                 "/en/..%5c..%5csecret.txt", "/.%00./secret.txt", "/../build.py"):
        status, _, body = running.get(path)
        assert status in (400, 404), path
        assert b"do not serve me" not in body and b"root:" not in body, path


def test_a_link_out_of_the_folder_is_not_followed(tmp_path):
    folder = write_tree(tmp_path / "site", {MARKER: "", "index.html": "<p>home</p>",
                                            "404.html": "gone"})
    (tmp_path / "private.txt").write_text("private")
    (folder / "leak.txt").symlink_to(tmp_path / "private.txt")
    assert answer(folder, "leak.txt").status == 404
    assert answer(folder, "").body == b"<p>home</p>"


def test_listens_on_the_loopback_only_and_never_writes_output(running):
    listening = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:] if Path(table).exists() else []:
            local, state = row.split()[1], row.split()[3]
            address, port = local.rsplit(":", 1)
            if state == "0A" and int(port, 16) == running.port:
                listening.add(address)
    assert listening == {"0100007F"}  # 127.0.0.1, and nothing on IPv6 or on all interfaces
    assert (running.root / ".preview" / "sitemap.xml").is_file()
    assert not (running.root / "output").exists()


def test_a_warning_when_the_preview_is_exposed():
    assert exposure_warning("127.0.0.1") is None and exposure_warning("localhost") is None
    assert exposure_warning("::1") is None
    assert "other machines can see this preview" in exposure_warning("0.0.0.0")
    assert "drafts" in exposure_warning("192.168.1.20")


def test_preview_folder_is_never_the_published_output(tmp_path):
    def folder(output: Path) -> Path:
        published = Project(content=Path("content"), output=output, templates=tmp_path,
                                     locales=tmp_path, static=tmp_path)
        return preview_project(published, tmp_path).output

    assert folder(Path("output")) == tmp_path / ".preview"
    assert folder(tmp_path / "output") == tmp_path / ".preview"
    assert folder(tmp_path / "elsewhere") == tmp_path / "elsewhere"


def test_drafts_are_shown_with_a_banner(tmp_path):
    content = shutil.copytree(MINI, tmp_path / "source")
    write_tree(content, {"plan.en.md": "---\ntitle: Plan\ndraft: true\n---\nNext year.\n"})
    server = Running(tmp_path, content)
    try:
        assert 'class="draft-banner"' in server.page("/en/plan/")
        assert 'class="draft-banner"' not in server.page("/en/industry/")
    finally:
        server.stop()


# --- Rebuilds -----------------------------------------------------------------------------

def test_preview_equals_a_full_build_after_every_kind_of_edit(running, tmp_path):
    content, root = running.content, running.root
    edits = [
        ("a page", content / "industry.en.md", "- patents", "- patents and licences"),
        ("a title in every page's navigation", content / "industry.fr.md",
         "title: Industrie", "title: Industrie et entreprises"),
        ("a template", root / "templates" / "base.html", "{% block footer %}{% endblock %}",
         "{% block footer %}{% endblock %}<p>Preview footer</p>"),
        ("a French interface string", root / "locales" / "fr" / "LC_MESSAGES" / "messages.po",
         'msgstr "Aller au contenu"', 'msgstr "Aller directement au contenu"'),
        ("a lab", content / "labs" / "umr-5219.yaml", "en: Toulouse Mathematics Institute",
         "en: Toulouse Institute of Mathematics"),
        ("a data file", content / "data" / "key_figures.yaml", "en: doctoral students",
         "en: PhD students"),
        ("the stylesheet", root / "static" / "css" / "site.css", "", "\n.x-preview { }\n"),
    ]
    for name, file, old, new in edits:
        if old:
            running.edit(file, old, new)
        else:
            save(file, file.read_text(encoding="utf-8") + new)
        assert running.rebuilt().group(2) == "rebuilt", name
        assert_same_as_full_build(running, tmp_path, name)
    assert "Industrie et entreprises" in running.page("/fr/a-propos/histoire/")
    assert "Aller directement au contenu" in running.page("/fr/laboratoires/")

    save(content / "images" / "map.svg", '<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    running.rebuilt()
    save(content / "images" / "map.svg", '<svg xmlns="http://www.w3.org/2000/svg">'
                                         '<circle r="4"/></svg>\n')
    running.rebuilt()
    assert_same_as_full_build(running, tmp_path, "an image")
    assert b"circle" in running.get("/images/map.svg")[2]

    save(content / "grants.en.md", "---\ntitle: Grants\nmenu: true\n---\nMoney.\n")
    running.rebuilt()
    (content / "about" / "history.fr.md").unlink()
    running.rebuilt()
    assert_same_as_full_build(running, tmp_path, "a page added and one deleted")


def test_a_burst_of_saves_is_one_rebuild(running):
    pages = sorted(running.content.rglob("*.md"))[:10]
    for page in pages:
        save(page, page.read_text(encoding="utf-8") + "\nSaved together.\n")
    assert running.rebuilt().group(1) == "10 files changed"
    assert [line for line in running.quiet_for(1.0) if REBUILT.match(line)] == []
    assert "Saved together." in running.page("/en/industry/")


async def reload_message(port: int, url: str, edit=None, wait: float = WAIT) -> dict | None:
    """Connect to the reload socket as livereload.js does, showing page `url`; then make the
    edit and return the first message the server sends (None if none came within `wait`)."""
    socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    await socket.write_message(json.dumps(
        {"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
    assert json.loads(await socket.read_message())["command"] == "hello"
    await socket.write_message(json.dumps({"command": "info", "url": url}))
    if edit:
        await asyncio.sleep(0.2)
        edit()
    try:
        return json.loads(await asyncio.wait_for(socket.read_message(), wait))
    except TimeoutError:
        return None
    finally:
        socket.close()


def test_the_browser_is_told_to_reload_once_the_new_build_is_served(running):
    url = f"http://127.0.0.1:{running.port}/en/industry/"
    running.page("/en/industry/")  # the page is loaded, then connects
    message = asyncio.run(reload_message(running.port, url, lambda: running.edit(
        running.content / "industry.en.md", "joint labs", "joint laboratories")))
    assert message["command"] == "reload"
    assert "joint laboratories" in running.page("/en/industry/")


def test_a_page_that_connects_after_a_newer_build_reloads_at_once(running):
    url = f"http://127.0.0.1:{running.port}/en/industry/"
    running.page("/en/industry/")
    running.edit(running.content / "industry.en.md", "joint labs", "joint laboratories")
    running.rebuilt()  # finished while that page was still "loading"
    assert asyncio.run(reload_message(running.port, url, wait=2))["command"] == "reload"
    running.page("/en/industry/")
    assert asyncio.run(reload_message(running.port, url, wait=0.5)) is None


def test_a_page_from_an_earlier_server_reloads_once(running):
    url = f"http://127.0.0.1:{running.port}/en/industry/#top"  # never sent by this server
    assert asyncio.run(reload_message(running.port, url, wait=2))["command"] == "reload"
    assert asyncio.run(reload_message(running.port, url, wait=0.5)) is None  # not in a loop


def test_an_error_is_shown_over_the_pages_then_cleared(running):
    page = running.content / "industry.en.md"
    running.edit(page, "- joint labs", "- joint ventures")
    running.rebuilt()
    running.edit(page, "title: Industry\n", "title: [Industry\n")
    line = running.rebuilt()
    assert line.group(2) == "build failed"
    assert line.group(3) == "1 error, 2 warnings (shown in the browser)"
    printed = running.wait_for("industry.en.md:")
    html = running.page("/en/industry/")
    assert "joint ventures" in html  # the last good build, still served
    panel = html[html.index("data-preview-problems"):]
    assert 'role="alert"' in panel and "Build failed: 1 error" in panel
    assert str(escape(printed)) in panel  # the line as the build prints it
    assert 'role="alert"' in running.page("/fr/")  # on every page
    running.edit(page, "title: [Industry\n", "title: Industry\n")
    assert running.rebuilt().group(2) == "rebuilt"
    html = running.page("/en/industry/")
    assert 'role="alert"' not in html and "1 warning in this build" in html  # still to translate


def test_the_server_outlives_a_build_that_crashes(running):
    broken = running.content / "broken.en.md"
    broken.symlink_to(running.content / "missing.en.md")  # listed, but cannot be read
    assert running.rebuilt().group(2) == "build failed"
    assert "industry" in running.page("/en/industry/").lower()
    broken.unlink()
    assert running.rebuilt().group(2) == "rebuilt"
    assert 'role="alert"' not in running.page("/en/")


# --- The pieces ---------------------------------------------------------------------------

def test_an_unexpected_exception_becomes_a_problem(monkeypatch, tmp_path):
    def explode(project, memo=None, first=None):
        raise KeyError("oops")

    monkeypatch.setattr(build, "build_site", explode)
    project = Project(tmp_path / "content", tmp_path / "out", tmp_path, tmp_path,
                               tmp_path)
    outcome = build_preview(project, Memo())
    assert outcome.failed and outcome.crashed
    assert "internal error: KeyError: 'oops'" in str(outcome.problems[0])

    def refuse(project, memo=None, first=None):
        raise BuildFailed([error("a.en.md", 2, "bad")])

    monkeypatch.setattr(build, "build_site", refuse)
    outcome = build_preview(project, Memo())
    assert outcome.failed and not outcome.crashed and outcome.errors[0].line == 2


def test_changes_are_described_in_one_line(tmp_path):
    project = Project(tmp_path / "content", tmp_path / "out", tmp_path / "templates",
                               tmp_path / "locales", tmp_path / "static")
    write_tree(tmp_path, {"content/labs/umr-1.yaml": "code: UMR 1", "content/a.en.md": "a"})
    lab, page = str(tmp_path / "content/labs/umr-1.yaml"), str(tmp_path / "content/a.en.md")
    base = str(tmp_path / "templates" / "base.html")  # no longer there
    assert describe({(Change.modified, lab)}, project) == "labs/umr-1.yaml changed"
    assert describe({(Change.added, lab)}, project) == "labs/umr-1.yaml changed"  # renamed over
    assert describe({(Change.deleted, base)}, project) == "templates/base.html deleted"
    assert describe({(Change.added, page), (Change.modified, lab)}, project) == "2 files changed"
    temporary = str(tmp_path / "content" / "sedX1b2c3")  # `sed -i`: write aside, then rename
    assert describe({(Change.added, temporary), (Change.deleted, temporary),
                     (Change.added, lab), (Change.modified, lab)}, project) == \
        "labs/umr-1.yaml changed"


def test_what_is_written_by_the_preview_is_never_watched(tmp_path):
    keep = change_filter(Project(tmp_path / "content", tmp_path / ".preview",
                                          tmp_path / "templates", tmp_path / "locales",
                                          tmp_path / "static"))
    for path in (".preview", ".preview/en/index.html", "..preview.new/x.html",
                 "..preview.previous/sitemap.xml", "content/.industry.en.md.swp",
                 "content/.#industry.en.md", "content/.obsidian/workspace.json",
                 "static/__pycache__/x.pyc", "templates/.base.html.swp"):
        assert not keep(Change.modified, str(tmp_path / path)), path
    for path in ("content/industry.en.md", "templates/base.html", ".previewed/x.md",
                 "static/.well-known/security.txt"):  # published by the build, so watched
        assert keep(Change.modified, str(tmp_path / path)), path


def test_the_rebuild_line():
    failed = Outcome((error("a.en.md", 3, "front matter: 'title' is missing"),), failed=True,
                     seconds=0.0314)
    lines = report_lines("a.en.md changed", failed, Outcome())
    assert re.fullmatch(r"\d\d:\d\d:\d\d a\.en\.md changed: build failed in 31 ms, 1 error "
                        r"\(shown in the browser\)", lines[0])
    assert lines[1:] == ["a.en.md:3: front matter: 'title' is missing"]
    fine = Outcome(seconds=0.084)
    assert report_lines("b.fr.md changed", fine, failed)[0].endswith(
        "b.fr.md changed: rebuilt in 84 ms, 0 problems")
    warned = Outcome((warning("c.fr.md", 1, "fallback"),), seconds=0.01)
    assert report_lines("x changed", warned, fine)[0].endswith(", 1 warning (shown in the browser)")
    assert len(report_lines("x changed", warned, fine)) == 2  # a new warning is printed
    assert len(report_lines("x changed", warned, warned)) == 1  # the same one is not again


def test_the_panel_escapes_what_it_shows(tmp_path):
    from jinja2 import Environment, FileSystemLoader

    panels = Environment(loader=FileSystemLoader(ROOT / "templates"), autoescape=True)
    outcome = Outcome((error("a.en.md", 1, "unsafe <script>alert(1)</script>"),), failed=True)
    panel = problems_panel(outcome, True, panels)
    assert "&lt;script&gt;" in panel and "<script>" not in panel
    assert "still shows the last good build" in panel
    assert problems_panel(Outcome(), True, panels) == ""
    page = live_page(b"<html><head></head><body><p>x</p></body></html>", panel)
    assert page.index(b"data-preview-problems") < page.index(b"</body>")
    broken = Environment(loader=FileSystemLoader(tmp_path), autoescape=True)
    assert 'role="alert"' in problems_panel(outcome, False, broken)  # no template: plain panel


def test_content_types_do_not_depend_on_the_machine():
    assert content_type("index.html") == "text/html; charset=utf-8"
    assert content_type("site.1a2b.css") == "text/css; charset=utf-8"
    assert content_type("directory.1a2b.js").startswith("text/javascript")
    assert content_type("MAP.SVG") == "image/svg+xml"
    assert content_type("photo.jpg") == "image/jpeg"
    assert content_type("unknown.zzz") == "application/octet-stream"


def test_a_site_under_a_base_path(tmp_path):
    folder = write_tree(tmp_path / "site", {MARKER: "", "en/index.html": "<p>en</p>",
                                            "404.html": "gone"})
    assert answer(folder, "partners/en/", "/partners").body == b"<p>en</p>"
    assert answer(folder, "", "/partners").location == "/partners/"
    assert answer(folder, "en/", "/partners").status == 404
    assert answer(folder, "partners/en", "/partners").location == "/partners/en/"
    assert answer(tmp_path / "nothing", "en/") is None


def test_translation_status_report_is_a_page_of_the_preview(running):
    status, headers, body = running.get("/_status/fr/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    page = body.decode()
    assert '<html lang="fr">' in page
    assert "État des traductions" in page
    assert "<code>index.fr.md:1</code>" in page  # the fixture records no translation source
    assert "livereload.js" in page  # it refreshes after each save like every preview page
    assert running.get("/_status/de/")[0] == 404
