"""The command line's actions: what each prints and the exit status it returns."""

from __future__ import annotations

import sys

from .build import Project, Report, build
from .problems import BuildFailed, summary_line


def summary(report: Report) -> str:
    """`Built 24 en + 24 fr pages (1 fallback), 3 warnings in 0.84 s`."""
    pages = " + ".join(f"{n} {lang}" for lang, n in sorted(report.pages.items()))
    warnings = len(report.warnings)
    return (f"Built {pages} pages ({report.fallbacks} fallback{'s' * (report.fallbacks != 1)}),"
            f" {warnings} warning{'s' * (warnings != 1)} in {report.timings['total']:.2f} s")


def run_build(project: Project, quiet: bool = False, timings: bool = False) -> int:
    """Build and publish; problems one per line, then a summary, exit 1 on errors."""
    try:
        report = build(project)
    except BuildFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        print(summary_line(failed.problems), file=sys.stderr)
        return 1
    if quiet:
        return 0
    for problem in report.warnings:
        print(problem, file=sys.stderr)
    print(summary(report))
    if timings:
        print("timings: " + " ".join(f"{k}={v:.3f}" for k, v in report.timings.items()))
    return 0

