"""The registry of published paths: one writer per path, no file where a folder must be."""

from pathlib import Path

from duosite.publish.output import Output, Writer


def test_a_second_writer_of_a_path_is_refused_and_both_are_named():
    out = Output()
    out.add("robots.txt", b"User-agent: *\n", Writer("the build's own robots.txt"))
    out.add("robots.txt", Path("content/robots.txt"), Writer("the file robots.txt", "robots.txt"))
    assert out.files == {"robots.txt": b"User-agent: *\n"} and out.copies == {}
    assert [str(p) for p in out.check()] == [
        "robots.txt:1: robots.txt would be published by both the build's own robots.txt and "
        "the file robots.txt; rename or move one of them"]


def test_a_file_where_another_writer_needs_a_folder_is_refused():
    out = Output()
    out.add("en/labs.csv", b"code\n", Writer("the build's own en/labs.csv"))
    out.add("en/labs.csv/index.html", b"<p>", Writer("the page csv.en.md", "csv.en.md", 3))
    out.add("en/index.html", b"<p>", Writer("the page index.en.md", "index.en.md"))
    assert [str(p) for p in out.check()] == [
        "csv.en.md:3: en/labs.csv would be published by both the build's own en/labs.csv and "
        "the page csv.en.md (a folder holding en/labs.csv/index.html); rename or move one of them"]


def test_distinct_paths_are_all_kept():
    out = Output()
    for rel in ("index.html", "en/index.html", "en/a/index.html", "en/a.png"):
        out.add(rel, b"x", Writer(f"the page {rel}", rel))
    assert out.check() == [] and sorted(out.files) == sorted(
        ["index.html", "en/index.html", "en/a/index.html", "en/a.png"])
