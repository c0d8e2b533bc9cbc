"""Time the preview from a save to the browser showing it: pages, lab files, templates.

    python bench/bench_preview.py                     # content/, 20 edits of each kind
    python bench/bench_preview.py --edits 5 --kinds page lab
    python bench/bench_preview.py --content tests/fixtures/mini/content --page industry.en.md

The content and the design (templates, catalogues, static files) are copied to a temporary
folder and the server runs from there, so nothing in the repository is edited. Debian's
Chromium is driven by Playwright (never `playwright install`); nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
REBUILT = re.compile(r"^\d\d:\d\d:\d\d .+: (rebuilt|build failed) in (\d+) ms")
SHOWS = "m => (document.querySelector('main') || document.body).textContent.includes(m)"
# When the page now open was first painted with its text, in ms since the epoch: its first
# contentful paint, or the end of parsing if that came later (a long page paints early).
PAINTED = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return performance.timeOrigin + Math.max(paint ? paint.startTime : 0, nav.domInteractive);
}"""
IN_FOOTER = "m => (document.querySelector('footer') || document.body).textContent.includes(m)"


def main(argv: list[str]) -> int:
    """Run the server on a copy of the site, edit, and print median and p95 per kind."""
    options = parse(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-preview-"))
    try:
        root, content = copy_project(work, options.content)
        server = Server(root, content, options.timeout)
        try:
            results = measure(server, root, content, options)
        finally:
            server.stop()
    finally:
        if options.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print_table(results, options)
    if options.json:
        Path(options.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--edits", type=int, default=20, help="measured edits of each kind")
    parser.add_argument("--kinds", nargs="+", default=["page", "lab", "template"],
                        choices=["page", "lab", "template"])
    parser.add_argument("--page", default="industry.en.md", help="the page file to edit")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between edits")
    parser.add_argument("--timeout", type=float, default=30, help="seconds one edit may take")
    parser.add_argument("--json", help="also write every measurement to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args(argv)


def copy_project(work: Path, content: Path) -> tuple[Path, Path]:
    """A project root running this checkout's engine on copies of the content and design."""
    root = work / "project"
    root.mkdir()
    shutil.copy2(ROOT / "build.py", root)
    (root / "duosite").symlink_to(ROOT / "duosite", target_is_directory=True)
    for name in ("templates", "locales", "static"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copytree(content, work / "content")
    return root, work / "content"


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`python build.py serve` in a subprocess, its build times read from what it prints."""

    def __init__(self, root: Path, content: Path, timeout: float):
        self.port, self.lines, self.timeout = free_port(), queue.Queue(), timeout
        self.process = subprocess.Popen(
            [sys.executable, "-u", "build.py", "serve", "--content", str(content), "--port",
             str(self.port)], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True)
        threading.Thread(target=self._read, daemon=True).start()
        started = time.perf_counter()
        self.wait_for("Serving http://")
        print(f"server up, first build in {time.perf_counter() - started:.1f} s", file=sys.stderr)

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str) -> str:
        """The next printed line containing `text`."""
        deadline = time.monotonic() + max(self.timeout, 120)
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if text in line:
                return line
        raise RuntimeError(f"the server never printed {text!r}")

    def build_times(self) -> list[int]:
        """The build times (ms) printed since the last call."""
        found = []
        while not self.lines.empty():
            if match := REBUILT.match(self.lines.get()):
                found.append(int(match.group(2)))
        return found

    def stop(self) -> None:
        """Stop the server."""
        self.process.terminate()
        self.process.wait(10)


def edits_of(kind: str, root: Path, content: Path, page_file: str):
    """(file, URL path, check, function making the edited text from the original and a mark)."""
    if kind == "page":
        file = content / page_file
        url = "/" + page_file.rsplit(".", 2)[1] + "/" + page_file.split(".")[0] + "/"
        return file, url, SHOWS, lambda text, mark: text.rstrip("\n") + f"\n\n{mark}\n"
    if kind == "template":
        file = root / "templates" / "base.html"
        url = "/" + page_file.rsplit(".", 2)[1] + "/" + page_file.split(".")[0] + "/"
        return file, url, IN_FOOTER, lambda text, mark: text.replace(
            "</footer>", f"<p>{mark}</p>\n</footer>", 1)
    lab = next(p for p in sorted((content / "labs").glob("*.yaml"))
               if re.search(r"^name:\n  fr: ", p.read_text(encoding="utf-8"), re.M))
    url = lab_url(root / ".preview" / "fr", lab.stem)
    return lab, url, SHOWS, lambda text, mark: re.sub(
        r"^(name:\n  fr: )(.*)$", lambda m: f"{m.group(1)}{m.group(2)} {mark}", text, count=1,
        flags=re.M)


def lab_url(folder: Path, stem: str) -> str:
    """The URL path of a lab's page, found in the built preview."""
    page = next(folder.rglob(f"{stem}/index.html"))
    return "/" + page.parent.relative_to(folder.parent).as_posix() + "/"


def measure(server: Server, root: Path, content: Path, options) -> dict:
    """Edit each kind of file `options.edits` times, after one warm-up edit; times in ms."""
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        connections = Connections(page)
        for kind in options.kinds:
            results[kind] = measure_kind(kind, page, connections, server, root, content, options)
        browser.close()
    return results


def measure_kind(kind: str, page, connections, server, root: Path, content: Path,
                 options) -> dict:
    """Open the page showing the file, then save and wait for the new text, again and again."""
    file, url, check, edited = edits_of(kind, root, content, options.page)
    original = file.read_text(encoding="utf-8")
    connections.after(partial(page.goto, f"http://127.0.0.1:{server.port}{url}"),
                      options.timeout)
    times: list[dict[str, float]] = []
    try:
        for n in range(options.edits + 1):
            mark = f"Bench edit {kind} {n} {time.time_ns()}"
            text = edited(original, mark)
            assert mark in text, f"cannot edit {file}"
            time.sleep(options.pause)
            server.build_times()
            times.append(connections.after(partial(
                connections.save_and_see, file, text, check, mark, options.timeout),
                options.timeout))
            print(f"{kind} {n}: " + ", ".join(f"{k} {v:.0f}" for k, v in times[-1].items())
                  + f" ms; build {server.build_times()} ms", file=sys.stderr)
    finally:  # put the file back, and let the open page reload before the next kind
        connections.after(partial(file.write_text, original, encoding="utf-8"), options.timeout)
        server.wait_for("rebuilt in")
    return {"url": url, "file": file.name, "warm_up": times[0],
            **{key: [t[key] for t in times[1:]] for key in times[0]}}


class Connections:
    """Counts the pages that completed livereload's handshake, as the browser sends it."""

    def __init__(self, page):
        self.page, self.count, self.reloaded = page, 0, 0.0
        page.on("websocket", self._opened)

    def _opened(self, socket) -> None:
        if socket.url.endswith("/livereload"):  # listen before any frame can be missed
            socket.on("framesent", self._sent)
            socket.on("framereceived", self._received)

    def _sent(self, data) -> None:
        self.count += '"info"' in str(data)

    def _received(self, data) -> None:
        if '"reload"' in str(data):
            self.reloaded = time.perf_counter()

    def after(self, action, timeout: float):
        """Do `action`, wait until the page it leads to is connected, return what it returned."""
        before, deadline = self.count, time.monotonic() + timeout
        result = action()
        while self.count == before:
            if time.monotonic() > deadline:
                raise TimeoutError("the page never connected to the reload socket")
            self.page.wait_for_timeout(5)
        return result

    def save_and_see(self, file: Path, text: str, check: str, mark: str,
                     timeout: float) -> dict[str, float]:
        """Save `text` into `file`, wait until the page shows `mark`; the times it took (ms)."""
        saved, started = time.time() * 1000, time.perf_counter()
        self.reloaded = started
        file.write_text(text, encoding="utf-8")
        self.page.wait_for_function(check, arg=mark, timeout=timeout * 1000, polling="raf")
        seen = (time.perf_counter() - started) * 1000
        painted = self.page.evaluate(PAINTED) - saved
        return {"painted": painted, "seen": seen, "told": (self.reloaded - started) * 1000}


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def print_table(results: dict, options) -> None:
    """Median and p95 per kind of edit."""
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"From a save to Chromium painting the new text; {options.edits} edits of each kind;"
          f" content {options.content}; engine {commit()}; load average {load}")
    print(f"{'edit':<9} {'page':<38} {'median ms':>9} {'p95 ms':>7} {'max':>6}   "
          f"{'median: reload sent':>19} {'seen by Playwright':>18}")
    for kind, found in results.items():
        ms, told, seen = found["painted"], found["told"], found["seen"]
        print(f"{kind:<9} {found['url'][:38]:<38} {statistics.median(ms):>9.0f} "
              f"{percentile(ms, 0.95):>7.0f} {max(ms):>6.0f}   "
              f"{statistics.median(told):>19.0f} {statistics.median(seen):>18.0f}")


def commit() -> str:
    """The checked-out commit of the engine, marked when it has local changes."""
    run = partial(subprocess.run, cwd=ROOT, capture_output=True, text=True)
    head = run(["git", "rev-parse", "--short", "HEAD"]).stdout.strip() or "unknown"
    dirty = run(["git", "status", "--porcelain", "--", "duosite"]).stdout.strip()
    return head + ("+changes" if dirty else "")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
