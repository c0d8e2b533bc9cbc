"""Printing the build benchmark's figures and judging them against the targets."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from hugo_project import find_hugo

ROOT = Path(__file__).resolve().parent.parent
TARGET_PAIRS = 1000
COLD_FACTOR = 2.0
REBUILD_FACTOR = 0.3


def seconds(summary: dict | None) -> str:
    """Median seconds of a measurement, or a dash."""
    return f"{summary['median_s']:.3f} s" if summary else "–"


def ratio(top: dict | None, bottom: dict | None) -> str:
    """Ratio of two medians, or a dash."""
    if not top or not bottom:
        return "–"
    return f"{top['median_s'] / bottom['median_s']:.2f}×"


def stages_text(stages: dict[str, float]) -> str:
    """`read=0.12 parse=0.05 …` from stage seconds."""
    return " ".join(f"{key}={value:.3f}" for key, value in stages.items()) or "(no timings line)"


def print_table(results: list[dict]) -> None:
    """The comparison table, then each size's stage breakdown and failures."""
    columns = ["pairs", "pages", "ours cold", "hugo cold", "ratio", "ours rebuild(1 edit)",
               "ratio vs hugo cold", "hugo rebuild(1 edit)", "ratio of rebuilds",
               "peak MiB ours/hugo", "stages (ours cold)"]
    rows = [columns]
    for r in results:
        cold, hugo, rebuild = r.get("ours_cold"), r.get("hugo_cold"), r.get("ours_rebuild")
        hugo_rebuild = r.get("hugo_rebuild")
        peaks = "/".join(f"{s['peak_mib']:.0f}" if s else "–" for s in (cold, hugo))
        rows.append([str(r["pairs"]), str(r["pages"]), seconds(cold), seconds(hugo),
                     ratio(cold, hugo), seconds(rebuild), ratio(rebuild, hugo),
                     seconds(hugo_rebuild), ratio(rebuild, hugo_rebuild), peaks,
                     stages_text(cold["stages"]) if cold else "–"])
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns) - 1)]
    for row in rows:
        cells = [cell.rjust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]))
    print()
    for r in results:
        print_details(r)


def print_details(result: dict) -> None:
    """Stage breakdown, pages written and any failure for one corpus size."""
    pairs = result["pairs"]
    cold = result.get("ours_cold")
    if cold:
        print(f"{pairs} pairs, ours cold stages (median s): {stages_text(cold['stages'])}")
    rebuild = result.get("ours_rebuild")
    if rebuild:
        print(f"{pairs} pairs, ours rebuild stages (median s): {stages_text(rebuild['stages'])}")
    hugo = result.get("hugo_cold")
    if cold and hugo:
        print(f"{pairs} pairs, cold CPU s (median, user+sys, all processes): "
              f"ours {cold['cpu_s']:.3f}, hugo {hugo['cpu_s']:.3f}, "
              f"ratio {cold['cpu_s'] / hugo['cpu_s']:.2f}×; fastest cold run: "
              f"ours {cold['fastest_s']:.3f} s, hugo {hugo['fastest_s']:.3f} s")
    written = [f"{name} {result[key]['pages_written']}"
               for name, key in (("ours", "ours_cold"), ("hugo", "hugo_cold")) if result.get(key)]
    if written:
        print(f"{pairs} pairs, index.html files written: {', '.join(written)}")
    for error in result["errors"]:
        print(f"{pairs} pairs, {error}")


def evaluate_targets(results: list[dict]) -> list[dict]:
    """PASS/FAIL of the spec's targets on the 1,000-pair corpus."""
    found = [r for r in results if r["pairs"] == TARGET_PAIRS]
    hugo = found[0].get("hugo_cold") if found else None
    targets = []
    for name, key, factor in (("cold build", "ours_cold", COLD_FACTOR),
                              ("rebuild after one edit", "ours_rebuild", REBUILD_FACTOR)):
        ours = found[0].get(key) if found else None
        target = {"name": f"{name} <= {factor} x Hugo cold ({TARGET_PAIRS} pairs)"}
        if ours and hugo:
            limit = factor * hugo["median_s"]
            target.update(ours_s=ours["median_s"], limit_s=limit,
                          passed=ours["median_s"] <= limit)
        targets.append(target)
    return targets


def print_targets(targets: list[dict]) -> None:
    """One line per target with the figures behind the verdict."""
    print("\ntargets:")
    for t in targets:
        if "passed" not in t:
            print(f"  {t['name']}: not measured")
            continue
        verdict = "PASS" if t["passed"] else "FAIL"
        print(f"  {t['name']}: {t['ours_s']:.3f} s vs limit {t['limit_s']:.3f} s  {verdict}")


def engine_version() -> str:
    """Commit of the project being measured, flagged when its engine has uncommitted changes."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True, check=False).stdout.strip()
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "build.py", "duosite",
                            "templates"], capture_output=True, text=True, check=False).stdout
    return f"{head or 'unknown'}{' + uncommitted changes' if dirty.strip() else ''}"


def machine() -> dict:
    """Date and machine facts saved beside the figures."""
    hugo = find_hugo()
    version = ""
    if hugo:
        done = subprocess.run([hugo, "version"], capture_output=True, text=True, check=False)
        version = done.stdout.strip()
    return {"date": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
            "load_average_end": os.getloadavg()[0], "platform": platform.platform(),
            "python": platform.python_version(), "hugo": version, "engine": engine_version()}
