"""The command line's actions: what each prints and the exit status it returns."""

from __future__ import annotations

import sys

from .build import build_site
from .problems import BuildFailed, summary_line
from .problems import report as report_problems
from .project import Project


def run_build(project: Project, quiet: bool = False, timings: bool = False) -> int:
    """Build and publish; problems one per line, then a summary, exit 1 on errors."""
    try:
        report = build_site(project)
    except BuildFailed as failed:
        report_problems(failed.problems, sys.stderr)
        print(summary_line(failed.problems), file=sys.stderr)
        return 1
    if quiet:
        return 0
    report_problems(report.warnings, sys.stderr)
    print(report.summary())
    if timings:
        print("timings: " + " ".join(f"{k}={v:.3f}" for k, v in report.timings.items()))
    return 0

