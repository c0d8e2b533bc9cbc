"""Run one child process and measure its wall time, CPU time and exact peak memory."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TIMINGS = re.compile(r"^timings:((?:\s+[\w.-]+=[0-9.eE+-]+)+)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Run:
    """What one child process cost, and what it said."""

    wall: float  # seconds, fork to reap
    cpu: float  # user + system seconds, the child and its reaped descendants
    peak_kib: int  # ru_maxrss: the largest resident set of the child or any reaped descendant
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool = False
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the child exited 0 within its time limit."""
        return self.returncode == 0 and not self.timed_out


def parse_timings(stdout: str) -> dict[str, float]:
    """Stage seconds from the build's `timings: read=0.1 … total=2.3` line, or {}."""
    found = TIMINGS.findall(stdout)
    if not found:
        return {}
    pairs = (item.split("=", 1) for item in found[-1].split())
    return {key: float(value) for key, value in pairs}


def child_env() -> dict[str, str]:
    """This environment, but letting Python cache bytecode as a default install does."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_child(argv: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> Run:
    """Run argv to completion, reaping it with wait4 for its own resource usage."""
    env = child_env() if env is None else env
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=err, start_new_session=True)
        expired = threading.Event()
        timer = threading.Timer(timeout, _kill_group, (proc.pid, expired))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stdout, stderr = _read(out), _read(err)
    return Run(wall=wall, cpu=usage.ru_utime + usage.ru_stime, peak_kib=usage.ru_maxrss,
               returncode=proc.returncode, stdout=stdout, stderr=stderr,
               timed_out=expired.is_set(), stages=parse_timings(stdout))


def _kill_group(pid: int, expired: threading.Event) -> None:
    """Stop a child that ran past its time limit, with any processes it started."""
    expired.set()
    try:
        os.killpg(pid, 9)
    except ProcessLookupError:
        pass


def _read(handle) -> str:
    """Whole text written to a temporary file."""
    handle.seek(0)
    return handle.read().decode("utf-8", "replace")


def median_stages(runs: list[Run]) -> dict[str, float]:
    """Median of each stage over the runs that reported it, keys in first-seen order."""
    keys: dict[str, None] = {}
    for run in runs:
        keys.update(dict.fromkeys(run.stages))
    return {key: statistics.median(r.stages[key] for r in runs if key in r.stages)
            for key in keys}


def tail(text: str, lines: int = 20) -> str:
    """The last lines of a child's output, indented for a report."""
    kept = text.rstrip().splitlines()[-lines:] or ["(no output)"]
    return "\n".join("    " + line for line in kept)
