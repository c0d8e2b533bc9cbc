"""The command line's actions: what each prints and the exit status it returns."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .pipeline import Project, Report, build
from .problems import BuildFailed, summary_line


def project_for(args: argparse.Namespace, root: Path) -> Project:
    """Paths of a build: content and output from the command line, the design from `root`."""
    return Project(content=args.content, output=args.output, templates=root / "templates",
                   locales=root / "locales", static=root / "static",
                   cache=None if args.no_cache else root / ".cache",
                   include_drafts=args.drafts, force=getattr(args, "force", False))


def summary(report: Report) -> str:
    """`Built 24 en + 24 fr pages (1 fallback), 3 warnings in 0.84 s`."""
    pages = " + ".join(f"{n} {lang}" for lang, n in sorted(report.pages.items()))
    warnings = len(report.warnings)
    return (f"Built {pages} pages ({report.fallbacks} fallback{'s' * (report.fallbacks != 1)}),"
            f" {warnings} warning{'s' * (warnings != 1)} in {report.timings['total']:.2f} s")


def run_build(args: argparse.Namespace, root: Path) -> int:
    """Build and publish; problems one per line, then a summary, exit 1 on errors."""
    project = project_for(args, root)
    if not project.content.is_dir():
        print(f"{project.content}: content folder not found", file=sys.stderr)
        return 1
    try:
        report = build(project)
    except BuildFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        print(summary_line(failed.problems), file=sys.stderr)
        return 1
    for problem in report.warnings:
        print(problem, file=sys.stderr)
    print(summary(report))
    if args.timings:
        print("timings: " + " ".join(f"{k}={v:.3f}" for k, v in report.timings.items()))
    return 0


def run(args: argparse.Namespace, root: Path) -> int:
    """Dispatch to the command asked for."""
    if args.command == "serve":
        from .serve import run_serve
        return run_serve(args, root)
    if args.command in ("check", "mark-translated"):
        from .check import run_check, run_mark_translated
        return run_check(args, root) if args.command == "check" else run_mark_translated(args,
                                                                                         root)
    return run_build(args, root)
