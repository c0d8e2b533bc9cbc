"""A preview's builds: watching its sources, one rebuild per burst of saves, what came of it."""

from __future__ import annotations

import dataclasses
import functools
import html
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchfiles
from jinja2 import Environment

from .. import build
from ..cache import Cache
from ..content.settings import load_settings
from ..problems import BuildFailed, counted, error, summary_line
from ..project import Project
from .outcome import Outcome
from .paint import edited_sources, paint_first

PANEL_TEMPLATE = "_preview.html"  # in the project's templates/
PREVIEW_FOLDER = ".preview"  # in the project, git-ignored; never the published output/
QUIET_MS = 20  # a burst of saves ends after this long without a change
LONGEST_BURST_MS = 1000  # a burst that goes on is built anyway after this long
READY_MS = 100  # how often the watcher wakes up while nothing changes
IGNORED_DIRS = frozenset({"__pycache__", "node_modules"})


def build_preview(project: Project, memo: Cache, first: Callable | None = None) -> Outcome:
    """Build the preview; a mistake in the content or a bug becomes problems, never an exception.
    `first` is given the checked site before it is rendered (see `paint_first`)."""
    started = time.perf_counter()
    try:
        report = build.build_site(project, memo, first)
    except BuildFailed as failed:
        return Outcome(failed.problems, failed=True, seconds=time.perf_counter() - started)
    except Exception as exc:  # noqa: BLE001 - the preview outlives any bug in a build
        where = project.content.name or str(project.content)
        message = f"the build stopped on an internal error: {type(exc).__name__}: {exc}"
        return Outcome((error(where, 0, message),), failed=True, crashed=True,
                       seconds=time.perf_counter() - started)
    settings, _ = load_settings(project.content, project.include_drafts, project.base_url)
    return Outcome(tuple(report.warnings), seconds=time.perf_counter() - started,
                   summary=report.summary(), base_path=settings.base_path, files=report.files)


def preview_project(project: Project, root: Path) -> Project:
    """The build behind the preview: drafts shown, written to `.preview/`, or to `--output`
    when one other than the published `output/` is given."""
    output = project.output
    if output == Path("output") or output.resolve() == (root / "output").resolve():
        output = root / PREVIEW_FOLDER
    return dataclasses.replace(project, output=output, include_drafts=True)


def watched_folders(project: Project) -> list[Path]:
    """The folders whose files the site is made of: content, templates, catalogues, assets."""
    folders = [project.content, project.templates, project.locales, project.static]
    return [f.resolve() for f in folders if f.is_dir()]


def change_filter(project: Project) -> Callable[[watchfiles.Change, str], bool]:
    """Keep changes to what the build reads: not hidden files (nor, in the content, hidden
    folders such as an editor's `.obsidian/`), nor anything the preview writes."""
    output = project.output.resolve()
    # The build also writes hidden siblings of its folder, `.NAME.new` and `.NAME.previous`.
    written = (str(output) + os.sep, str(output.parent / f".{output.name}."))
    content = str(project.content.resolve()) + os.sep

    def keep(_change: watchfiles.Change, path: str) -> bool:
        if path == str(output) or path.startswith(written):
            return False
        names = (path[len(content):].split(os.sep) if path.startswith(content)
                 else [os.path.basename(path)])
        return not any(name.startswith(".") for name in names) and not IGNORED_DIRS.intersection(
            path.split(os.sep))

    return keep


def describe(changes: set[tuple[watchfiles.Change, str]], project: Project) -> str:
    """`industry.fr.md changed`, `templates/base.html deleted`, `10 files changed`."""
    paths = {path for _, path in changes}
    gone = {path for path in paths if not os.path.exists(path)}
    # An editor's temporary file, made and removed within the burst, is not news. (A file
    # saved by renaming a new one over it is reported added: it is simply "changed" here.)
    made = {path for change, path in changes if change == watchfiles.Change.added}
    shown = (paths - (gone & made)) or paths
    verb = "deleted" if shown <= gone else "changed"
    if len(shown) == 1:
        return f"{short_name(next(iter(shown)), project)} {verb}"
    return f"{len(shown)} files {verb}"


def short_name(path: str, project: Project) -> str:
    """A changed file as the editor knows it: relative to content/, else `templates/base.html`."""
    for folder, prefix in ((project.content, ""), (project.templates, "templates/"),
                           (project.locales, "locales/"), (project.static, "static/")):
        base = str(folder.resolve())
        if path.startswith(base + os.sep):
            return prefix + os.path.relpath(path, base).replace(os.sep, "/")
    return path


def report_lines(what: str, outcome: Outcome, before: Outcome) -> list[str]:
    """What the terminal shows after a build: one line, then the problems worth reading again."""
    news = outcome.failed or outcome.problems != before.problems
    details = [str(p) for p in outcome.problems] if news else []
    if not what:  # the first build reads like `python build.py`
        last = (f"{summary_line(outcome.problems)} (shown in the browser)" if outcome.failed
                else outcome.summary)
        return [*details, last]
    errors = len(outcome.errors)
    counts = [counted(n, noun) for n, noun in
              ((errors, "error"), (len(outcome.problems) - errors, "warning")) if n]
    found = ", ".join(counts) + " (shown in the browser)" if counts else "0 problems"
    done = "build failed" if outcome.failed else "rebuilt"
    return [f"{time.strftime('%H:%M:%S')} {what}: {done} in {outcome.seconds * 1000:.0f} ms, "
            f"{found}", *details]


def problems_panel(outcome: Outcome, has_build: bool, panels: Environment) -> str:
    """The last build's problems, to show over the page ('' when there are none)."""
    if not outcome.problems:
        return ""
    count, lines = len(outcome.problems), [str(p) for p in outcome.problems]
    heading = (summary_line(outcome.problems) if outcome.failed
               else f"{counted(count, 'warning')} in this build")
    try:
        return panels.get_template(PANEL_TEMPLATE).render(
            failed=outcome.failed, heading=heading, problems=lines, has_build=has_build)
    except Exception:  # noqa: BLE001 - a broken panel template must not hide the problems
        text = html.escape("\n".join([heading, *lines]))
        return f'<pre data-preview-problems role="alert">{text}</pre>'


def watch_and_build(project: Project, on_built: Callable[[str, Outcome], None],
                    stop: threading.Event) -> None:
    """Build once, then again after each burst of changes, until `stop` is set.

    The watcher is running before the first build starts, so a save made during it is seen.
    `on_built` receives what changed ('' for the first build) and the outcome; when only page
    sources changed, it first receives the outcome that painted their pages (`painted`).
    """
    memo, first, last = build.new_cache(project, keeps_pages=True), True, Outcome(failed=True)
    for changes in watchfiles.watch(*watched_folders(project), watch_filter=change_filter(
            project), debounce=LONGEST_BURST_MS, step=QUIET_MS, stop_event=stop,
            rust_timeout=READY_MS, yield_on_timeout=True, raise_interrupt=False):
        if not changes and not first:
            continue
        what = describe(changes, project) if changes else ""
        first = False
        sources = None if last.failed else edited_sources(changes, project)
        outcome = build_preview(project, memo, sources and paint_first(
            project, memo, sources, functools.partial(on_built, what)))
        last = outcome
        if outcome.crashed:  # what the memo holds may be half updated: start afresh
            memo = build.new_cache(project, keeps_pages=True)
        on_built(what, outcome)


def start_watching(project: Project, on_built: Callable[[str, Outcome], None],
                   on_failure: Callable[[str], None]) -> Callable[[], None]:
    """Run `watch_and_build` in a thread of its own; returns what stops it."""
    stop = threading.Event()

    def run() -> None:
        try:
            watch_and_build(project, on_built, stop)
        except Exception as exc:  # noqa: BLE001 - said once, then the server stops
            on_failure(f"watching stopped: {type(exc).__name__}: {exc}")

    thread = threading.Thread(target=run, name="preview-watcher", daemon=True)
    thread.start()

    def stop_watching() -> None:
        stop.set()
        thread.join(timeout=10)  # let a build in progress finish its swap

    return stop_watching
