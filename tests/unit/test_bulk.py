"""Bulk-load helpers."""

from __future__ import annotations

import gc
import threading

from kehubao.bulk import BULK_GC_THRESHOLD, fewer_collections


def test_fewer_collections_raises_thresholds_and_restores_them_when_the_outermost_ends() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == BULK_GC_THRESHOLD
        with fewer_collections():
            assert gc.get_threshold() == BULK_GC_THRESHOLD
        assert gc.get_threshold() == BULK_GC_THRESHOLD  # the outer load is still running
    assert gc.get_threshold() == before


def test_fewer_collections_restores_after_an_error_and_across_threads() -> None:
    before = gc.get_threshold()
    inside = threading.Event()
    leave = threading.Event()

    def load() -> None:
        with fewer_collections():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=load)
    worker.start()
    inside.wait(5)
    try:
        with fewer_collections():
            raise ValueError
    except ValueError:
        pass
    assert gc.get_threshold() == BULK_GC_THRESHOLD  # the worker's load goes on
    leave.set()
    worker.join(5)
    assert gc.get_threshold() == before
