"""The preview paints an edited page before the rest of the build, and never shows a stale one."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from watchfiles import Change

from duosite import build
from duosite.preview.paint import edited_sources, paint_first
from duosite.preview.watch import build_preview, preview_project
from duosite.project import Project

MINI = ROOT / "tests" / "fixtures" / "mini" / "content"


def preview_of_mini(tmp: Path) -> tuple[Project, build.Memo]:
    """The mini site's preview, built once, and the memo its next builds share."""
    shutil.copytree(MINI, tmp / "content")
    project = preview_project(Project(tmp / "content", tmp / "out", ROOT / "templates",
                                      ROOT / "locales", ROOT / "static"), tmp)
    memo = build.new_cache(project, keeps_pages=True)
    assert not build_preview(project, memo).failed
    return project, memo


def saved(project: Project, name: str, old: str, new: str):
    """Edit one source and return the burst the watcher would report."""
    file = project.content / name
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return {(Change.modified, str(file.resolve()))}


def rebuild(project: Project, memo, changes) -> tuple[list[dict], object]:
    """Rebuild as the watcher does; what the folder served when the early reload was sent."""
    seen = []

    def painted(outcome) -> None:
        seen.append({rel: (project.output / rel).read_text(encoding="utf-8")
                     for rel in ("en/industry/index.html", "fr/industrie/index.html",
                                 "en/contact/index.html")} | {"painted": outcome.painted})

    sources = edited_sources(changes, project)
    return seen, build_preview(project, memo, sources and paint_first(
        project, memo, sources, painted))


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (the search index aside: only a first build writes it)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and "pagefind" not in p.parts}


def assert_same_as_cold_build(project: Project, tmp: Path) -> None:
    """The preview folder holds byte for byte what a cold build of the same sources writes."""
    cold = tmp / "cold"
    build.build_site(Project(project.content, cold, project.templates, project.locales,
                             project.static, include_drafts=True))
    assert files_of(project.output) == files_of(cold)


def test_a_body_edit_is_painted_first_then_the_rest_matches_a_cold_build(tmp_path):
    project, memo = preview_of_mini(tmp_path)
    seen, outcome = rebuild(project, memo, saved(project, "industry.en.md", "- patents",
                                                 "- patents and licences"))
    assert not outcome.failed
    assert len(seen) == 1 and "patents and licences" in seen[0]["en/industry/index.html"]
    assert "en/industry/index.html" in seen[0]["painted"]
    assert "fr/industrie/index.html" in seen[0]["painted"]  # its translation too
    assert_same_as_cold_build(project, tmp_path)


def test_a_title_change_is_not_painted_early_and_reaches_every_page(tmp_path):
    project, memo = preview_of_mini(tmp_path)
    seen, outcome = rebuild(project, memo, saved(project, "industry.en.md", "title: Industry",
                                                 "title: Industry and companies"))
    assert not outcome.failed and seen == []  # the whole build ran before any reload
    assert "Industry and companies" in (project.output / "en/contact/index.html").read_text(
        encoding="utf-8")
    assert_same_as_cold_build(project, tmp_path)


def test_a_mistake_in_an_edited_page_still_fails_the_build_without_painting(tmp_path):
    project, memo = preview_of_mini(tmp_path)
    seen, outcome = rebuild(project, memo, saved(project, "industry.en.md", "- patents",
                                                 "- [broken](missing.md)"))
    assert outcome.failed and seen == []
    assert "missing.md" in str(outcome.errors[0])


def test_only_page_sources_take_the_early_path(tmp_path):
    project, _ = preview_of_mini(tmp_path)
    page = str((project.content / "industry.en.md").resolve())
    data = str((project.content / "data" / "key_figures.yaml").resolve())
    gone = str((project.content / "gone.en.md").resolve())
    assert edited_sources({(Change.modified, page)}, project) == {"industry.en.md"}
    assert edited_sources({(Change.modified, page), (Change.modified, data)}, project) is None
    assert edited_sources({(Change.deleted, gone)}, project) is None
    assert edited_sources({(Change.modified, str(project.templates / "base.html"))},
                          project) is None
