"""Big imports build their rows in worker processes: the result must be exactly what
building them here gives, search included, and a failing worker must fail the import
cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from kehubao.exchange import parallel, writer
from kehubao.services.search import search

from ..process_helpers import kill_and_wait_for_orphans, linux_only, wait_for_workers
from .helpers import import_rows, table_counts

PEOPLE = [["客户名称", "联系人", "手机", "邮箱", "标签", "备注"]] + [
    [f"{city}{trade}有限公司", name, f"1381234{n:04d}", f"p{n}@example.cn", "重点、华东", f"第{n}行"]
    for n, (city, trade, name) in enumerate(
        (c, t, p) for c in ("北京", "上海", "重庆") for t in ("星辰科技", "明月贸易") for p in ("张伟", "单田芳"))
]
TABLES = ("customer", "contact", "customer_tag", "search_doc")
VOLATILE = {"created_at", "updated_at"}


def contents(db) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    with db.session(write=False) as s:
        out = {}
        for table in TABLES:
            columns = [r[1] for r in s.execute(text(f"PRAGMA table_info({table})")) if r[1] not in VOLATILE]
            out[table] = s.execute(text(f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2")).all()
        return out


def without_segments(counts: dict[str, int]) -> dict[str, int]:
    """Table counts minus FTS5's segment tables: how many segments the index has depends
    on the order worker batches arrive in (an out-of-order rowid flushes a segment)."""
    return {name: n for name, n in counts.items() if not name.endswith(("_data", "_idx"))}


def index_entries(db) -> dict[str, list[tuple]]:  # type: ignore[no-untyped-def]
    """Every (term, row, column, offset) of the full-text tables, whatever the segments."""
    with db.session(write=False) as s:
        out = {}
        for kind in ("customer", "contact"):
            s.execute(text(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_{kind} "
                           f"USING fts5vocab(main, search_fts_{kind}, 'instance')"))
            out[kind] = s.execute(text(f"SELECT * FROM temp.vocab_{kind} ORDER BY 1, 2, 3, 4")).all()
        return out


@pytest.fixture
def started_workers(monkeypatch):  # type: ignore[no-untyped-def]
    """Every import gets workers, started before it begins: a test file is far too small
    to outlast a worker's start-up, and would otherwise be done in this process alone."""
    monkeypatch.setattr(parallel, "BUILD_FROM", 1)
    original = parallel.Workers.__init__

    def start_and_wait(self, size):  # type: ignore[no-untyped-def]
        original(self, size)
        self.ready.result()

    monkeypatch.setattr(parallel.Workers, "__init__", start_and_wait)


def test_rows_built_by_workers_are_the_rows_built_here(db, tmp_path, monkeypatch, started_workers,
                                                       fresh_db):
    monkeypatch.setattr(parallel, "BUILD_FROM", 10**9)
    import_rows(db, tmp_path, PEOPLE)  # all in this process
    here = contents(db)
    monkeypatch.setattr(parallel, "BUILD_FROM", 1)
    monkeypatch.setattr(writer, "BATCH", 2)  # several batches, finishing in any order
    other = fresh_db(tmp_path / "workers.db")  # set up as the db fixture is
    try:
        import_rows(other, tmp_path, PEOPLE)
        assert contents(other) == here
        assert without_segments(table_counts(other)) == without_segments(table_counts(db))
        entries = index_entries(db)
        assert all(entries.values()) and index_entries(other) == entries  # full-text index
        with other.session(write=False) as s:
            assert "单田芳" in [h.title for h in search(s, "shantianfang").hits]
            assert any("星辰" in h.title for h in search(s, "星辰").hits)
    finally:
        other.dispose()


def _explode(task: writer.RowTask) -> writer.RowBatch:
    """Runs in the worker process (pickled by name)."""
    raise RuntimeError("worker failed")


def test_a_failing_worker_fails_the_import_and_leaves_nothing(db, tmp_path, monkeypatch,
                                                             started_workers):
    monkeypatch.setattr(writer, "build_rows", _explode)
    before = table_counts(db)

    with pytest.raises(RuntimeError, match="worker failed"):
        import_rows(db, tmp_path, PEOPLE)

    assert table_counts(db) == before


def _where_am_i(item: int) -> tuple[int, bool]:
    """Runs where shared_map puts it: which process, and whether it ignores Ctrl-C."""
    import os
    import signal

    return os.getpid(), signal.getsignal(signal.SIGINT) == signal.SIG_IGN


def test_workers_leave_ctrl_c_to_the_importing_process(started_workers):
    with parallel.worker_pool(True) as workers:
        results = [result for _index, result in parallel.shared_map(workers, _where_am_i, [1, 2])]
    assert results and all(pid != os.getpid() and ignores for pid, ignores in results)


def test_work_is_shared_with_this_process_and_every_item_done_once():
    with parallel.worker_pool(True) as workers:  # not started yet: this process begins
        results = dict(parallel.shared_map(workers, _where_am_i, list(range(40))))
    assert sorted(results) == list(range(40))
    assert os.getpid() in {pid for pid, _ignores in results.values()}


def test_leaving_does_not_wait_for_busy_workers():
    with parallel.worker_pool(True) as workers:
        workers.ready.result()
        busy = workers.pool.submit(time.sleep, 3)  # a result nobody needs any more
        while not busy.running():
            time.sleep(0.01)
        time.sleep(0.3)  # taken by the worker
        left = time.perf_counter()
    assert time.perf_counter() - left < 1.5


def _die_outside_tests(item: int) -> int:
    """Squares here; in a worker process it dies instead, as after an antivirus or a crash."""
    if os.getpid() != int(os.environ["KEHUBAO_TEST_PID"]):
        os._exit(3)
    return item * item


def test_workers_that_die_only_cost_speed(started_workers, monkeypatch):
    monkeypatch.setenv("KEHUBAO_TEST_PID", str(os.getpid()))  # inherited by the workers
    with parallel.worker_pool(True) as workers:
        results = dict(parallel.shared_map(workers, _die_outside_tests, list(range(12))))
        assert workers.broken
    assert results == {n: n * n for n in range(12)}


def test_a_big_import_starts_its_workers_before_planning_and_only_once(db, tmp_path,
                                                                      monkeypatch):
    """Workers take seconds to start: started while the rows are planned, they are up
    when writing begins; a dry run (nothing to write) starts none."""
    from kehubao.exchange import importer

    monkeypatch.setattr(parallel, "BUILD_FROM", 1)
    events: list[str] = []
    original_init, original_plan = parallel.Workers.__init__, importer.plan

    def counted(self, size):  # type: ignore[no-untyped-def]
        events.append("workers")
        original_init(self, size)

    def planning(*args, **kwargs):  # type: ignore[no-untyped-def]
        events.append("plan")
        return original_plan(*args, **kwargs)

    monkeypatch.setattr(parallel.Workers, "__init__", counted)
    monkeypatch.setattr(importer, "plan", planning)
    summary = import_rows(db, tmp_path, PEOPLE)
    assert summary.created == 6 and events == ["workers", "plan"]

    events.clear()
    import_rows(db, tmp_path, PEOPLE, dry_run=True)
    assert events == ["plan"]


BUSY_POOL = """
import sys, time
from kehubao.exchange import parallel
with parallel.worker_pool(True) as workers:
    workers.ready.result()
    for _ in range(workers.in_flight):  # every worker busy, more work queued
        workers.submit(time.sleep, 300)
    print("busy", flush=True)
    time.sleep(300)
"""


@linux_only
def test_workers_exit_when_the_importing_process_is_killed():
    """A killed import (SIGKILL, a crash) cannot stop its workers: they must notice."""
    process = subprocess.Popen([sys.executable, "-c", BUSY_POOL], stdout=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert process.stdout.readline().strip() == "busy"
        workers = wait_for_workers(process, 1)
        assert kill_and_wait_for_orphans(process, workers) == set()
    finally:
        if process.poll() is None:
            process.kill()
