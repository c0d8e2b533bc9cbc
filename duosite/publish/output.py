"""The one registry of published paths: each path has one writer, or the build says who clash."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..content.pages import Page
from ..problems import Problem, error


@dataclass(frozen=True)
class Writer:
    """Who puts a file in the output: a content file (at a line) or the build itself."""

    label: str  # how a message names it: "the page about.en.md", "the build's sitemap.xml"
    path: str = ""  # the content file to blame, relative to the content tree ('' if none)
    line: int = 1


class Output:
    """Every file of the new site and its writer; a second writer of a path is refused."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.copies: dict[str, Path] = {}  # content files published as they are
        self.writers: dict[str, Writer] = {}
        self.problems: list[Problem] = []

    def add(self, rel: str, data: bytes | Path, writer: Writer) -> None:
        """Publish `data` (bytes, or a file to copy) at `rel`, unless another writer has it."""
        first = self.writers.get(rel)
        if first is not None:
            self.problems.append(clash(rel, first, writer))
            return
        self.writers[rel] = writer
        if isinstance(data, Path):
            self.copies[rel] = data
        else:
            self.files[rel] = data

    def check(self) -> list[Problem]:
        """Every clash: two writers of one path, or a file where another needs a folder."""
        problems = list(self.problems)
        for rel, writer in self.writers.items():
            parts = rel.split("/")
            for depth in range(1, len(parts)):
                folder = "/".join(parts[:depth])
                if folder in self.writers:
                    problems.append(clash(folder, self.writers[folder], writer,
                                          f"a folder holding {rel}"))
        return problems


def clash(rel: str, first: Writer, second: Writer, second_needs: str = "") -> Problem:
    """One error naming both writers, on the line of the content file involved."""
    blamed = second if second.path else first
    needs = f" ({second_needs})" if second_needs else ""
    return error(blamed.path or rel, blamed.line if blamed.path else 0,
                 f"{rel} would be published by both {first.label} and {second.label}{needs}; "
                 "rename or move one of them")


def page_writer(page: Page) -> Writer:
    """A page as the writer of its file: its source (at its slug), or the lab file it shows."""
    if page.source is not None:
        line = page.source.line_of("slug") if page.source.slug else 1
        return Writer(f"the page {page.source.path}", page.source.path, line)
    if page.kind == "lab":
        return Writer(f"the lab page of {page.data[0].path}", page.data[0].path)
    return Writer(f"the directory's page {page.url}")
