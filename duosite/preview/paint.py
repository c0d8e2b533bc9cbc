"""Painting the edited pages first: when a burst saved only page sources and what pages show
of one another is unchanged, their pages are written before the rest of the build."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import watchfiles

from .. import build
from ..cache import Cache
from ..content.load import Site
from ..project import Project
from ..publish.folder import write_whole
from .outcome import Outcome


def edited_sources(changes: set[tuple[watchfiles.Change, str]], project: Project
                   ) -> set[str] | None:
    """The page sources a burst saved, relative to content/; None if it touched anything else
    (a template, data, settings, a lab, a deleted file), which only a whole build gets right."""
    content, found = project.content.resolve(), set()
    for _, path in changes:
        file = Path(path)
        if file.suffix != ".md" or content not in file.parents or not file.is_file():
            return None
        found.add(file.relative_to(content).as_posix())
    return found or None


def paint_first(project: Project, memo: Cache, sources: set[str],
                on_painted: Callable[[Outcome], None]) -> Callable[[Site, build.Report], None]:
    """What the build does with the checked site before rendering the rest: write the pages of
    `sources` (and their translations) whole, then tell the browsers."""
    started = time.perf_counter()

    def first(site: Site, report: build.Report) -> None:
        files = build.render_edited(site, project, memo, sources)
        if files is None:  # a title, the menu, a URL changed: other pages show it
            return
        for rel, data in files.items():
            if memo.published.get(rel) != data:
                write_whole(project.output / rel, data)
        memo.published.update(files)  # so the whole build does not count them again
        on_painted(Outcome(tuple(report.warnings), seconds=time.perf_counter() - started,
                           base_path=site.settings.base_path, painted=tuple(sorted(files))))

    return first
