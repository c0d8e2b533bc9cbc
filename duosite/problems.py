"""Problems found in the content: the build's user-facing error interface."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

ERROR = "error"  # stops the build; fails `check`
WARNING = "warning"  # published anyway; fails `check --strict`
NOTE = "note"  # something deliberate, said so that nobody wonders; never fails
Spot = tuple[int, str]  # a line and what is wrong there, before the caller names the file


@dataclass(frozen=True, order=True)
class Problem:
    """One thing to report about one file, printed as `PATH:LINE[:COL]: [warning: |note: ]message`
    by the build, `check`, the preview and the importer alike."""

    path: str  # relative to the content tree (templates/, locales/: to the project), with /
    line: int = 0  # 1-based; 0 when the whole file is concerned
    col: int = 0  # 1-based; 0 when unknown
    message: str = ""
    severity: str = ERROR
    kind: str = "build"  # which check found it: build, links, missing, stale, …
    lang: str | None = None  # the language site concerned, when one is
    url: str | None = None  # the affected page in that language's site
    diff: tuple[str, ...] = ()  # a stale translation: what changed in the original since

    def __str__(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        prefix = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


class BuildFailed(Exception):
    """Raised when the content has errors; carries every problem found so far."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(problems))
        super().__init__(f"{len(self.errors)} errors")

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def error(path: str, line: int, message: str, col: int = 0) -> Problem:
    """Make an error problem."""
    return Problem(path, line, col, message, ERROR)


def warning(path: str, line: int, message: str, col: int = 0) -> Problem:
    """Make a warning problem."""
    return Problem(path, line, col, message, WARNING)


def report(problems: Iterable[Problem], stream: TextIO) -> None:
    """Print each problem on its own line, in the one format every command uses."""
    for problem in problems:
        print(problem, file=stream)


def raise_if_errors(problems: Iterable[Problem]) -> None:
    """Stop the build when any problem is an error."""
    problems = list(problems)
    if any(p.is_error for p in problems):
        raise BuildFailed(problems)


def did_you_mean(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """Return "; did you mean 'x'?" for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f"; did you mean '{close[0]}'?" if close else ""


def summary_line(problems: Iterable[Problem]) -> str:
    """`Build failed: N errors` (and warnings), for the end of a failed build."""
    problems = list(problems)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    text = f"Build failed: {counted(errors, 'error')}"
    if warnings:
        text += f", {counted(warnings, 'warning')}"
    return text


def counted(n: int, noun: str) -> str:
    """`1 warning`, `2 warnings`: a count and its English noun (interface text goes through
    the catalogues instead)."""
    return f"{n} {noun}{'s' * (n != 1)}"
