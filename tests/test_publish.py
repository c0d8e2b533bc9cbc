"""Publishing: the site is swapped in whole, never missing, one build at a time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT, write_tree

from duosite.publish import swap
from duosite.publish.folder import MARKER

VERSION = re.compile(rb"Version (\d+)")


def content_of(folder: Path, version: int) -> Path:
    """A two-language site whose pages both say which version they are."""
    return write_tree(folder, {
        "index.en.md": f"---\ntitle: Home\n---\nVersion {version} in English.\n",
        "index.fr.md": f"---\ntitle: Accueil\n---\nVersion {version} en français.\n"})


def build(content: Path, output: Path) -> subprocess.Popen:
    """`python build.py` started in the background."""
    return subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--content", str(content),
                             "--output", str(output), "--no-cache", "--quiet"],
                            cwd=content.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def finished(process: subprocess.Popen) -> tuple[int, str]:
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr


def versions(folder_fd: int) -> tuple[bytes, ...]:
    """The version each language's home page shows, read through one open folder."""
    found = []
    for lang in ("en", "fr"):
        with open(f"/proc/self/fd/{folder_fd}/{lang}/index.html", "rb") as page:
            found.append(VERSION.search(page.read()).group(1))
    return tuple(found)


class Reader(threading.Thread):
    """Opens the published folder again and again, as a web server does for each request."""

    def __init__(self, output: Path):
        super().__init__(daemon=True)
        self.output, self.stop = output, threading.Event()
        self.reads, self.missing, self.mixed, self.seen = 0, 0, [], set()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                folder = os.open(self.output, os.O_RDONLY | os.O_DIRECTORY)
            except FileNotFoundError:
                self.missing += 1
                continue
            try:
                found = versions(folder)
            finally:
                os.close(folder)
            self.reads += 1
            self.seen.add(found[0])
            if found[0] != found[1]:
                self.mixed.append(found)


@pytest.mark.gate
def test_a_reader_never_finds_the_site_missing_or_mixed_during_ten_builds(tmp_path):
    output = tmp_path / "output"
    assert finished(build(content_of(tmp_path / "content", 0), output))[0] == 0
    reader = Reader(output)
    reader.start()
    try:
        for version in range(1, 11):
            assert finished(build(content_of(tmp_path / "content", version), output)) == (0, "")
    finally:
        reader.stop.set()
        reader.join()
    assert reader.missing == 0 and reader.mixed == []
    assert reader.reads > 10 and len(reader.seen) > 2
    assert versions(os.open(output, os.O_RDONLY)) == (b"10", b"10")


@pytest.mark.gate
def test_two_builds_at_once_neither_crash_nor_mix(tmp_path):
    output = tmp_path / "output"
    first, second = content_of(tmp_path / "a", 1), content_of(tmp_path / "b", 2)
    for _ in range(10):
        results = [finished(p) for p in (build(first, output), build(second, output))]
        for code, stderr in results:
            assert code == 0 and "Traceback" not in stderr, stderr
        folder = os.open(output, os.O_RDONLY)
        try:
            assert versions(folder) in ((b"1", b"1"), (b"2", b"2"))
        finally:
            os.close(folder)
        assert (output / MARKER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.previous", "a", "b", "output"]


def test_exchange_swaps_two_folders_in_one_step(tmp_path):
    old = write_tree(tmp_path / "old", {"page.html": "old"})
    new = write_tree(tmp_path / "new", {"page.html": "new"})
    assert swap.exchange(new, old)  # Linux's renameat2 on this file system
    assert (old / "page.html").read_text() == "new" and (new / "page.html").read_text() == "old"


def test_the_swap_falls_back_to_two_renames_where_exchange_is_missing(tmp_path, monkeypatch):
    monkeypatch.setattr(swap, "exchange", lambda first, second: False)
    output = write_tree(tmp_path / "output", {"page.html": "old"})
    new = write_tree(tmp_path / ".output.new", {"page.html": "new"})
    swap.swap_in(new, output, tmp_path / ".output.previous")
    assert (output / "page.html").read_text() == "new"
    assert (tmp_path / ".output.previous" / "page.html").read_text() == "old"
    assert not new.exists()
