"""What one preview build left behind."""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import Problem


@dataclass(frozen=True)
class Outcome:
    """What one preview build left behind: its problems, and whether the folder was replaced."""

    problems: tuple[Problem, ...] = ()
    failed: bool = False
    crashed: bool = False  # an internal error, not a content mistake
    seconds: float = 0.0
    summary: str = ""  # the build's own summary line when it succeeded
    base_path: str = ""  # where the site lives on its host, e.g. '' or '/partnerships'
    painted: tuple[str, ...] = ()  # the edited pages, written ahead of the rest of the build
    files: int = 0  # the files the build wrote or removed

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems that stopped the build."""
        return tuple(p for p in self.problems if p.is_error)
