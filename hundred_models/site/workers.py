"""Run independent jobs at once on every core: the one worker pool the site layer uses.

Exports, page execution and reruns all fan the same way out over a list of jobs; threads suit
work that waits on a kernel subprocess, processes suit drawing charts (matplotlib holds the GIL).
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from multiprocessing import get_context
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def worker_count(jobs: int | None, tasks: int) -> int:
    """At most one worker a task, at most ``jobs`` (default: the number of cores), at least one."""
    return max(1, min(jobs or os.cpu_count() or 1, tasks))


def parallel_map(fn: Callable[[T], R], items: Iterable[T], jobs: int | None = None, processes: bool = False) -> list[R]:
    """``[fn(x) for x in items]``, in order, on several workers (processes are started fresh, not forked)."""
    items = list(items)
    if not items:
        return []
    workers = worker_count(jobs, len(items))
    if workers == 1:
        return [fn(item) for item in items]
    if processes:
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            return list(pool.map(fn, items))
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(fn, items))
