"""Run independent jobs at once on every core: the one worker pool the site layer uses.

Exports, page execution and reruns all fan the same way out over a list of jobs; threads suit
work that waits on a kernel subprocess, processes suit drawing charts (matplotlib holds the GIL).
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from multiprocessing import get_context
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def worker_count(jobs: int | None, tasks: int) -> int:
    """At most one worker a task, at most ``jobs`` (default: the number of cores), at least one."""
    return max(1, min(jobs or os.cpu_count() or 1, tasks))


def parallel_map(fn: Callable[[T], R], items: Iterable[T], jobs: int | None = None, processes: bool = False,
                 on_result: Callable[[T, R], None] | None = None) -> list[R]:
    """``[fn(x) for x in items]``, in order, on several workers (processes are started fresh, not forked).

    Workers take the items in order. ``on_result(item, result)`` runs in the caller's thread as each item finishes
    (in the order they finish), so the caller can act on a result while the rest still run.
    """
    items = list(items)
    if not items:
        return []
    workers = worker_count(jobs, len(items))
    if workers == 1:
        results = []
        for item in items:
            results.append(fn(item))
            if on_result is not None:
                on_result(item, results[-1])
        return results
    pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn")) if processes else ThreadPoolExecutor(workers)
    with pool:
        futures = {pool.submit(fn, item): i for i, item in enumerate(items)}
        results: list = [None] * len(items)
        for future in as_completed(futures):
            i = futures[future]
            results[i] = future.result()
            if on_result is not None:
                on_result(items[i], results[i])
    return results
