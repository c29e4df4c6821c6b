"""Fast bulk inserts and key lookups for the demo generator and the importer.

SQLAlchemy's executemany converts every value through its type system (~10 µs a row),
five times the cost of the insert itself. Here the INSERT is compiled once for whatever
dialect is in use and the rows go to the driver as plain tuples, with dates already in
the text form SQLAlchemy itself stores on SQLite (so comparisons in SQL stay correct).
Portable: the statement comes from SQLAlchemy, only the parameter passing is direct.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.process
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime

from sqlalchemy import Column, Index, Integer, MetaData, Select, String, Table, select
from sqlalchemy.engine import Connection


def db_datetime(value: datetime | None) -> str | None:
    """A datetime in exactly the format SQLAlchemy's SQLite DateTime type stores."""
    if value is None:
        return None
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d} "
        f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}.{value.microsecond:06d}"
    )


def db_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def insert_sql(conn: Connection, table: Table, columns: Sequence[str]) -> str:
    """INSERT text for these columns only, in the dialect's quoting and paramstyle.

    (SQLAlchemy's compiled insert would add every column that has a Python-side default;
    here columns left out take their server defaults, which is what a bulk load wants.)"""
    quote = conn.dialect.identifier_preparer.quote
    style = conn.dialect.paramstyle
    if style == "qmark":
        marks = ["?"] * len(columns)
    elif style == "format":
        marks = ["%s"] * len(columns)
    elif style == "numeric":
        marks = [f":{i + 1}" for i in range(len(columns))]
    elif style == "named":
        marks = [f":{c}" for c in columns]
    else:  # pyformat
        marks = [f"%({c})s" for c in columns]
    names = ", ".join(quote(c) for c in columns)
    return f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join(marks)})"


def without_empty_columns(table: Table, columns: Sequence[str],
                          rows: list[tuple]) -> tuple[list[str], list[tuple]]:
    """The columns (and rows cut to them) minus those that are None in every row and
    whose default is NULL anyway, so leaving them out stores the same thing.

    Binding a NULL costs as much as binding a value, and most columns of an imported list
    are empty: dropping them makes inserting customers three times faster."""
    if not rows:
        return list(columns), rows
    values = list(zip(*rows, strict=False))
    keep = [i for i, name in enumerate(columns)
            if values[i].count(None) < len(rows)
            or table.c[name].server_default is not None or table.c[name].default is not None]
    if len(keep) == len(columns):
        return list(columns), rows
    return [columns[i] for i in keep], list(zip(*(values[i] for i in keep), strict=False))


def bulk_insert(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    chunk: int = 50_000,
) -> int:
    """Insert rows (tuples in `columns` order, DB-ready values) and return the count."""
    sql = insert_sql(conn, table, columns)
    named = conn.dialect.paramstyle in ("named", "pyformat")
    total = 0
    batch: list = []
    for row in rows:
        batch.append(dict(zip(columns, row, strict=False)) if named else tuple(row))
        if len(batch) >= chunk:
            conn.exec_driver_sql(sql, batch)
            total += len(batch)
            batch = []
    if batch:
        conn.exec_driver_sql(sql, batch)
        total += len(batch)
    return total


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_saved: tuple[int, int, int] = gc.get_threshold()
BULK_GC_THRESHOLD = (50_000, 20, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run Python's cycle collector less often during a bulk load.

    Reading and preparing 100,000 rows creates millions of objects that all live until
    the end; at the default thresholds the collector scans them again and again, about
    12% of an import. Collections still happen (memory stays bounded), just rarer.
    Nestable and thread-safe: the thresholds come back when the outermost load ends."""
    global _gc_depth, _gc_saved
    with _gc_lock:
        if _gc_depth == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(*BULK_GC_THRESHOLD)
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0:
                gc.set_threshold(*_gc_saved)


def start_worker() -> None:
    """Start of every worker process (import rows, demo data): Ctrl-C is the parent's to
    handle — it rolls back, says "已取消" and stops its workers. A worker reacting too
    would only print its own traceback over that message. And a worker never outlives
    the process it works for (see exit_with_parent)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def exit_with_parent() -> None:
    """End this worker process as soon as the process that started it is gone.

    A killed import or demo (SIGKILL, a crash, the task manager) cannot stop its workers:
    left alone they compute on, or wait forever for work or for room in a queue, holding
    memory and a core. Everywhere, a daemon thread waits on multiprocessing's parent
    sentinel (a pipe the parent holds open on POSIX, the parent's process handle on
    Windows) and ends the process when it fires. On Linux the kernel also kills the
    worker at once (PR_SET_PDEATHSIG), even one busy in C code that holds the GIL; note
    that this fires when the *thread* that started the worker ends, which is why a pool
    is created and used on one thread (parallel.worker_pool, the demo's producer)."""
    parent = multiprocessing.parent_process()
    if parent is None:  # not started by multiprocessing: there is nothing to follow
        return
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watching thread still does it
        if os.getppid() != parent.pid:  # the parent died before prctl took effect
            os._exit(1)
    threading.Thread(target=_exit_when_gone, args=(parent,), name="kehubao-parent-watch",
                     daemon=True).start()


def _exit_when_gone(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent process has ended, however it ended
    os._exit(1)  # no cleanup owed: the work is for a process that no longer exists


@contextmanager
def indexes_suspended(conn: Connection, tables: Iterable[Table]) -> Iterator[None]:
    """Drop the non-unique indexes of `tables` for a bulk load and build them again after.

    Building an index from sorted data at the end is several times faster than growing it
    one random insert at a time. Must run inside a transaction: if the load fails, the
    rollback brings the indexes back with everything else."""
    dropped: list[Index] = []
    for table in tables:
        for index in list(table.indexes):
            if not index.unique:
                index.drop(conn)
                dropped.append(index)
    yield
    for index in dropped:
        index.create(conn)


_KEYS = Table(
    "bulk_keys", MetaData(),
    Column("kind", String(8), nullable=False),
    Column("text", String),
    Column("number", Integer),
    prefixes=["TEMPORARY"],
)


@contextmanager
def temporary_keys(conn: Connection, texts: Mapping[str, Iterable[str]] | None = None,
                   numbers: Mapping[str, Iterable[int]] | None = None,
                   ) -> Iterator[Callable[[str], Select]]:
    """Look up many keys at once: ``column.in_(keys("phone"))`` instead of thousands of
    ``IN (?, ?, …)`` chunks. The keys go into a temporary table in one bulk insert; the
    database then probes the column's index once per key. Yields ``keys(kind)``, a
    subquery of the keys of one kind. Its kinds are removed afterwards, and only they: calls
    nest as long as their kinds differ."""
    own = [*(texts or {}), *(numbers or {})]
    _KEYS.create(conn, checkfirst=True)
    conn.execute(_KEYS.delete().where(_KEYS.c.kind.in_(own)))  # left by an interrupted call
    rows = [(kind, value, None) for kind, values in (texts or {}).items() for value in values]
    rows += [(kind, None, value) for kind, values in (numbers or {}).items() for value in values]
    bulk_insert(conn, _KEYS, ["kind", "text", "number"], rows)
    kinds_of_numbers = set(numbers or {})

    def keys(kind: str) -> Select:
        column = _KEYS.c.number if kind in kinds_of_numbers else _KEYS.c.text
        return select(column).where(_KEYS.c.kind == kind)

    try:
        yield keys
    finally:
        conn.execute(_KEYS.delete().where(_KEYS.c.kind.in_(own)))
