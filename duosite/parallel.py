"""Spreading independent work over the machine's cores."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from multiprocessing import get_all_start_methods, get_context

_JOB: tuple[Callable, Sequence] | None = None  # what forked workers inherit; set only during a map


def map_on_cores(func: Callable, items: Sequence, min_items: int = 48) -> list:
    """`[func(x) for x in items]`, split across forked processes when there are many items.

    The workers inherit `func` and `items` when they are forked, so only the results
    travel between processes; `func` must return something picklable.
    """
    global _JOB
    workers = min(usable_cores(), 4)
    if len(items) < min_items or workers < 2 or "fork" not in get_all_start_methods():
        return [func(item) for item in items]
    size = -(-len(items) // (workers * 2))  # few large chunks: each one costs a round trip
    bounds = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _JOB = (func, items)
    try:
        with get_context("fork").Pool(workers) as pool:
            parts = pool.map(_run_chunk, bounds)
    finally:
        _JOB = None
    return [result for part in parts for result in part]


def usable_cores() -> int:
    """The cores this process may run on (all of the machine's where the OS cannot say)."""
    if hasattr(os, "sched_getaffinity"):  # Linux; macOS and Windows have only cpu_count
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _run_chunk(bounds: tuple[int, int]) -> list:
    func, items = _JOB
    return [func(items[i]) for i in range(*bounds)]
