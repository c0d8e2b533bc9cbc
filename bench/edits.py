"""Timing a rebuild after one page's body is edited, for either tool."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from measure import Run, run_child, tail


@dataclass(frozen=True)
class EditJob:
    """A tool's rebuild after an edit: the command, the page edited and how it is labelled."""

    label: str
    command: list[str]
    target: Path
    cwd: Path


def edited(original: str, n: int) -> str:
    """The page with one more sentence in its body, different on every run."""
    return original + f"\nOne more sentence, edit number {n + 1}, changes the body.\n"


def time_edits(job: EditJob, runs: int, timeout: float, note) -> tuple[list[Run], str | None]:
    """Build once untimed, then time `runs` builds, each after editing the page; restore it."""
    prime = run_child(job.command, job.cwd, timeout)
    if not prime.ok:
        return [], failure(f"{job.label} (build before the edit)", prime)
    original = job.target.read_text(encoding="utf-8")
    done: list[Run] = []
    try:
        for n in range(runs):
            job.target.write_text(edited(original, n), encoding="utf-8")
            run = run_child(job.command, job.cwd, timeout)
            if not run.ok:
                return done, failure(f"{job.label} (rebuild after one edit)", run)
            note(f"  {job.label} rebuild run {n + 1}/{runs}: {run.wall:.3f} s")
            done.append(run)
    finally:
        job.target.write_text(original, encoding="utf-8")
    return done, None


def failure(label: str, run: Run) -> str:
    """Report of a failed build: exit status and the tail of its stderr (or stdout)."""
    why = "timed out" if run.timed_out else f"exit {run.returncode}"
    return f"{label}: build failed ({why}); last lines of its output:\n" + tail(
        run.stderr or run.stdout)
