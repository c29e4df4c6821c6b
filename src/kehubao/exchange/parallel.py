"""Worker processes for big imports: building database rows (pinyin keys, search
documents) while the importing process inserts them.

Threads would not help (the GIL serialises pure-Python work), so a big import gets a small
pool of processes, started with "spawn" (the same on Windows and Linux). The importing
process never just waits on them: when no worker has a result ready it takes a piece of
work itself, so on a two-core laptop both cores are busy from the first second (a worker
needs about a second to start). A worker that cannot start or dies only costs speed;
an error raised by the work itself fails the import as it would here. Leaving early (an
error, a cancelled import) drops the workers' results without waiting for them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TypeVar

from ..bulk import start_worker

__all__ = ["BUILD_FROM", "Workers", "shared_map", "worker_pool"]

BUILD_FROM = 20_000  # rows of an import; below this, starting worker processes does not pay
MAX_WORKERS = 3

_T = TypeVar("_T")
_R = TypeVar("_R")


class Workers:
    """A process pool that says when it is up: until then this process does the work
    alone, so a job smaller than a worker's start-up never waits for one."""

    def __init__(self, size: int) -> None:
        self.in_flight = size + 2  # a few queued, so no worker idles between items
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(size, mp_context=context,
                                        initializer=start_worker)
        self.ready = self.pool.submit(_started)  # also makes the pool start its processes
        self.broken = False  # a worker died: the pool takes no more work

    def usable(self) -> bool:
        """Started, and not broken: until then (or ever after) work stays here."""
        return self.ready.done() and self.ready.exception() is None and not self.broken

    def submit(self, fn: Callable[[_T], _R], item: _T) -> Future[_R] | None:
        try:
            return self.pool.submit(fn, item)
        except BrokenProcessPool:
            self.broken = True
            return None

    def close(self) -> None:
        """Does not wait for workers still starting or busy: their results are dropped."""
        self.pool.shutdown(wait=False, cancel_futures=True)


def _started() -> bool:
    return True


@contextmanager
def worker_pool(enabled: bool) -> Iterator[Workers | None]:
    """Workers for one big import, or None: work then runs in this process."""
    if not enabled:
        yield None
        return
    workers = Workers(min(MAX_WORKERS, max(1, (os.cpu_count() or 2) - 1)))
    try:
        yield workers
    finally:
        workers.close()


def shared_map(workers: Workers | None, fn: Callable[[_T], _R],
               items: Sequence[_T]) -> Iterator[tuple[int, _R]]:
    """(index, fn(item)) for every item, in the order they are finished.

    Only a few items are with the workers at a time, so results never pile up in memory
    faster than the caller uses them. When none is ready, this process computes one
    itself, from the far end of the queue. Workers that cannot start or die (an
    antivirus, a frozen build without multiprocessing support) only cost speed: their
    items are computed here. `fn` must be a module-level function (pickled by name)."""
    if workers is None:
        yield from enumerate(map(fn, items))
        return
    waiting = deque(enumerate(items))
    running: dict[Future[_R], tuple[int, _T]] = {}
    while running or waiting:
        while workers.usable() and waiting and len(running) < workers.in_flight:
            future = workers.submit(fn, waiting[0][1])
            if future is not None:
                running[future] = waiting.popleft()
        done = [future for future in running if future.done()]
        if not done and waiting:
            index, item = waiting.pop()
            yield index, fn(item)
            continue
        if not done:
            done = list(wait(running, return_when=FIRST_COMPLETED)[0])
        for future in done:
            index, item = running.pop(future)
            try:
                result = future.result()
            except BrokenProcessPool:
                workers.broken = True
                result = fn(item)
            yield index, result
