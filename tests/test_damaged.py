"""Damage no content folder in git can hold (links, pipes, devices, odd output folders):
each is one `path:line: message`, exit 1 within seconds, and the site as it was."""

from __future__ import annotations

import faulthandler
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import TinySite, run_cli, write_tree

from duosite.publish.folder import MARKER

HOME = {"index.en.md": "---\ntitle: Home\n---\nHome.\n",
        "index.fr.md": "---\ntitle: Accueil\n---\nAccueil.\n"}
GUARD_S = 60  # a build that hangs fails here instead of blocking the suite


def snapshot(output: Path) -> dict:
    """The output folder and its hidden working siblings, file by file."""
    found = {}
    for sibling in sorted(output.parent.glob(f"*{output.name}*")):
        found[sibling.name] = None
        for path in sorted(sibling.rglob("*")) if sibling.is_dir() else ():
            found[path.relative_to(output.parent).as_posix()] = (
                path.read_bytes() if path.is_file() else None)
    return found


def run(content: Path, output: Path, *options: str) -> subprocess.CompletedProcess:
    """`python build.py` on a content tree, as an editor runs it (in this process; a build
    that hangs ends the test run with every thread's stack instead of blocking it)."""
    faulthandler.dump_traceback_later(GUARD_S, exit=True)
    try:
        return run_cli("--content", str(content), "--output", str(output), "--no-cache",
                       *options, cwd=content.parent)
    finally:
        faulthandler.cancel_dump_traceback_later()


def errors(result: subprocess.CompletedProcess) -> list[str]:
    """The error lines printed, without warnings and the summary."""
    return [line for line in result.stderr.splitlines()
            if ": warning: " not in line and not line.startswith("Build failed")]


@pytest.fixture
def tree(tmp_path) -> tuple[Path, Path, dict]:
    """A content tree, and a site built from it that a failing build must leave alone."""
    content = write_tree(tmp_path / "content", HOME)
    output = tmp_path / "output"
    assert run(content, output).returncode == 0
    return content, output, snapshot(output)


def fails_with(tree, expected: list[str], *options: str) -> None:
    content, output, before = tree
    result = run(content, output, *options)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert errors(result) == expected
    assert snapshot(output) == before


def test_a_link_to_a_file_outside_the_content_is_refused(tree, tmp_path):
    (tmp_path / "secret.txt").write_text("root:x:0:0\n")
    (tree[0] / "photo.png").symlink_to(tmp_path / "secret.txt")
    (tree[0] / "passwd.txt").symlink_to("/etc/passwd")
    outside = ("is a symbolic link leading outside the content folder; the build publishes only "
               "what is inside it (copy the file in instead)")
    fails_with(tree, [f"passwd.txt:1: {outside}", f"photo.png:1: {outside}"])


def test_a_link_inside_the_content_is_published_as_its_file(tree):
    content, output, _ = tree
    (content / "files").mkdir()
    (content / "files" / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (content / "report.pdf").symlink_to(content / "files" / "report.pdf")
    assert run(content, output).returncode == 0
    assert (output / "report.pdf").read_bytes() == b"%PDF-1.4\n"


def test_dangling_links_loops_and_folder_links_are_one_line_each(tree, tmp_path):
    content = tree[0]
    (content / "gone.png").symlink_to(content / "nowhere.png")
    (content / "a.txt").symlink_to(content / "b.txt")
    (content / "b.txt").symlink_to(content / "a.txt")
    (content / "here").symlink_to(content)
    fails_with(tree, [
        "a.txt:1: is a symbolic link that leads back to itself (a loop)",
        "b.txt:1: is a symbolic link that leads back to itself (a loop)",
        "gone.png:1: is a symbolic link to a file that does not exist",
        "here:1: is a symbolic link to a folder; the build does not follow folder links "
        "(move or copy the folder instead)"])


def test_a_pipe_is_refused_without_being_opened(tree):
    os.mkfifo(tree[0] / "notes.md")  # reading it would wait for a writer for ever
    os.mkfifo(tree[0] / "data.csv")
    special = "is not a regular file (a pipe, a device or a socket); remove it"
    fails_with(tree, [f"data.csv:1: {special}", f"notes.md:1: {special}"])


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_device_is_refused_without_being_opened(tree):
    os.mknod(tree[0] / "zero.bin", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero
    fails_with(tree, ["zero.bin:1: is not a regular file (a pipe, a device or a socket); "
                      "remove it"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_page_is_one_line(tree):
    page = tree[0] / "about.en.md"
    page.write_text("---\ntitle: About\n---\n")
    page.chmod(0)
    fails_with(tree, ["about.en.md:1: cannot be read: Permission denied"])


def test_an_output_that_is_a_file_is_refused(tmp_path):
    content = write_tree(tmp_path / "content", HOME)
    (tmp_path / "site.zip").write_bytes(b"PK")
    result = run(content, tmp_path / "site.zip")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert errors(result) == [f"{tmp_path / 'site.zip'}: is a file, not a folder; give "
                              "--output a folder"]
    assert (tmp_path / "site.zip").read_bytes() == b"PK"


def test_an_output_whose_parent_is_missing_or_a_file_is_refused(tmp_path):
    content = write_tree(tmp_path / "content", HOME)
    (tmp_path / "file").write_text("x")
    for output in (tmp_path / "missing" / "output", tmp_path / "file" / "output"):
        result = run(content, output)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert errors(result) == [f"{output}: the folder it goes in, {output.parent}, does not "
                                  "exist; create it first"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "file"]


def test_a_folder_the_build_did_not_write_is_never_replaced_without_force(tmp_path):
    content = write_tree(tmp_path / "content", HOME)
    mine = write_tree(tmp_path / "www", {"thesis.pdf": b"%PDF", "notes/a.txt": "notes"})
    before = snapshot(mine)
    result = run(content, mine)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert errors(result) == [
        f"{mine}: exists and was not written by this build (no {MARKER} in it); refusing to "
        "replace it: choose another --output, or add --force to replace it and lose its files"]
    assert snapshot(mine) == before
    assert run(content, mine, "--force").returncode == 0
    assert (mine / MARKER).is_file() and not (mine / "thesis.pdf").exists()


def test_a_hidden_working_folder_the_build_did_not_write_is_left_alone(tree, tmp_path):
    content, output, _ = tree
    foreign = write_tree(tmp_path / ".output.new", {"keep.txt": "mine"})
    result = run(content, output)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert errors(result)[0].startswith(f"{foreign}: exists and was not written by this build")
    assert (foreign / "keep.txt").read_text() == "mine"


def test_an_empty_folder_or_a_previous_build_may_be_replaced(tmp_path):
    content = write_tree(tmp_path / "content", HOME)
    (tmp_path / "empty").mkdir()
    assert run(content, tmp_path / "empty").returncode == 0
    assert run(content, tmp_path / "empty").returncode == 0
    assert (tmp_path / "empty" / "en" / "index.html").is_file()
    shutil.rmtree(tmp_path / "empty")


def test_a_cache_that_cannot_be_kept_does_not_stop_the_build(tmp_path):
    (tmp_path / "cache").write_text("a file where the cache folder goes")
    site = TinySite(tmp_path).write(HOME)
    site.build(cache=tmp_path / "cache")
    assert "Home." in site.page("/en/")


def test_coordinates_that_are_not_a_number_are_an_error(tmp_path):
    content = write_tree(tmp_path / "content", {**HOME, "labs/umr-1.yaml": (
        "code: UMR 1\nname: {fr: Un}\ncoordinates: {lat: .nan, lng: 2}\n")})
    result = run(content, tmp_path / "output")
    assert result.returncode == 1
    assert errors(result) == ["labs/umr-1.yaml:3:20: 'coordinates.lat' must be a number from "
                              "-90 to 90"]
