"""One way to run a user's action off the GUI thread, after Anki's ``QueryOp`` and
``CollectionOp``.

- ``query(...)`` reads: one read-only unit of work on a reader thread, the result handed
  to ``on_done`` on the GUI thread. With ``key``, only the newest request of that key is
  delivered (typing in a search box, scrolling a list), so a slow old answer never
  overwrites a fresh one.
- ``write(...)`` changes data: one unit of work (commit or roll back as a whole) on the
  single writer thread of ``ui/tasks.py``, so writes never wait on each other's locks. The
  commit announces what changed on the bus; views refresh from the bus, never by hand.
  ``progress_title`` runs it as a task with a progress dialog and Cancel (anything that
  may take over half a second: bulk deletes, undo of an import).

Errors come back translated: a ``UserError`` as its own sentence, anything else as "an
unexpected error, nothing was changed" with the details. A widget that goes away before
its op ends is simply not called back. ``wait_idle()`` lets tests and shutdown wait until
every op has delivered.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from ..db import Database
from .tasks import Progress, run_task, show_error, worker_pool

log = logging.getLogger(__name__)
T = TypeVar("T")

_readers: QThreadPool | None = None
_newest: dict[str, int] = {}
_in_flight = 0
_lock = threading.Lock()
_accepting = True


def reader_pool() -> QThreadPool:
    """Two readers: SQLite in WAL mode reads beside the writer without waiting."""
    global _readers
    if _readers is None:
        _readers = QThreadPool()
        _readers.setMaxThreadCount(2)
    return _readers


_holder: QObject | None = None


def gui_owner() -> QObject:
    """The C++ parent of the small objects that carry results across threads.

    A worker thread may drop the last Python reference to such an object after the GUI
    thread has delivered its result; a Python-owned QObject would then be deleted on the
    worker thread — the crash at quit ("bool_dealloc", a segfault) that issue #11 saw.
    Owned by this parent instead, the object is deleted by ``deleteLater`` on the GUI
    thread, and a wrapper dropped anywhere deletes nothing."""
    global _holder
    if _holder is None:
        _holder = QObject()
    return _holder


class _Relay(QObject):
    """Lives on the GUI thread; carries results across from worker threads."""

    partial = Signal(object)
    done = Signal(object)
    failed = Signal(object, str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Callable[[Any], None]], Any], relay: _Relay) -> None:
        super().__init__()
        self.work, self.relay = work, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(self.relay.partial.emit)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.relay.failed.emit(exc, traceback.format_exc())
        else:
            self.relay.done.emit(result)


class _Op(QObject):
    """One request in flight: holds its callbacks and drops them if ``owner`` dies."""

    def __init__(self, owner: QObject | None, key: str | None, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None,
                 on_partial: Callable[[Any], None] | None) -> None:
        super().__init__()
        global _in_flight
        self.owner_alive = True
        self.ended = False
        self.owner = owner
        # Undone by its handle: PySide6 6.12's ``signal.disconnect(slot)`` drops a reference
        # to Python's True on each call, and after a few hundred ops the interpreter aborts
        # ("bool_dealloc: deallocating True or False"); ``QObject.disconnect(handle)`` does not.
        self._orphan_link = owner.destroyed.connect(self._orphan) if owner is not None else None
        self.key = key
        self.generation = 0
        if key is not None:
            self.generation = _newest[key] = _newest.get(key, 0) + 1
        self.on_done, self.on_error, self.on_partial = on_done, on_error, on_partial
        self.relay = _Relay(gui_owner())
        self.relay.partial.connect(self._partial, Qt.ConnectionType.QueuedConnection)
        self.relay.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        with _lock:
            _in_flight += 1
        _live.add(self)  # kept alive until delivered

    def _orphan(self) -> None:
        self.owner_alive = False
        self.owner = None

    def _wanted(self) -> bool:
        if not self.owner_alive:
            return False
        return self.key is None or _newest.get(self.key) == self.generation

    def _partial(self, value: Any) -> None:
        if self.on_partial is not None and self._wanted():
            self.on_partial(value)

    def _end(self) -> None:
        global _in_flight
        if self.ended:
            return
        self.ended = True
        _live.discard(self)
        self.relay.deleteLater()  # on the GUI thread, whoever drops the last reference
        with _lock:
            _in_flight -= 1
        if self.owner is not None and self._orphan_link is not None:
            try:
                QObject.disconnect(self._orphan_link)
            except (RuntimeError, TypeError):  # the owner is already being destroyed
                pass

    def _done(self, result: Any) -> None:
        self._end()
        if self.on_done is not None and self._wanted():
            self.on_done(result)

    def _failed(self, exc: BaseException, details: str) -> None:
        self._end()
        if not self._wanted():
            return
        if self.on_error is not None:
            self.on_error(exc)
        else:
            show_error(self.owner if isinstance(self.owner, QWidget) else None, exc, details)


_live: set[_Op] = set()


def query(owner: QObject | None, db: Database, read: Callable[[Session], T],
          on_done: Callable[[T], None] | None = None, *,
          on_error: Callable[[BaseException], None] | None = None,
          key: str | None = None,
          on_partial: Callable[[Any], None] | None = None,
          progress_title: str | None = None) -> None:
    """Read in the background; ``on_done(result)`` on the GUI thread.

    ``key``: newest request wins. ``on_partial``: ``read`` is called as
    ``read(session, send)`` and may ``send(value)`` early results (a first screen).
    ``progress_title``: a long read (an export) with a progress dialog and Cancel;
    ``read`` is called as ``read(session, progress)``.
    """
    if not _accepting:
        return
    if progress_title is not None:
        _as_task(owner, db, read, on_done, on_error, progress_title, True, write=False)
        return
    op = _Op(owner, key, on_done, on_error, on_partial)

    def work(send: Callable[[Any], None]) -> Any:
        if key is not None and _newest.get(key) != op.generation:
            return None  # superseded before it started: skip the read
        with db.session(write=False) as session:
            return read(session, send) if on_partial is not None else read(session)  # type: ignore[call-arg]

    reader_pool().start(_Job(work, op.relay))


def write(owner: QWidget | None, db: Database, change: Callable[..., T],
          on_done: Callable[[T], None] | None = None, *,
          on_error: Callable[[BaseException], None] | None = None,
          progress_title: str | None = None, cancellable: bool = True,
          backup_before: str | None = None) -> None:
    """Change data in one unit of work on the writer thread; ``on_done(result)`` after
    the commit, on the GUI thread.

    With ``progress_title`` it runs as a task (progress dialog after half a second, Cancel
    rolls everything back) and ``change`` is called as ``change(session, progress)``.
    ``backup_before`` ("before-import", "before-merge"…): the database is backed up
    first, on the same thread, as `backups.policy.before_change` decides.
    """
    if not _accepting:
        return
    if progress_title is not None:
        _as_task(owner, db, change, on_done, on_error, progress_title, cancellable, write=True,
                 backup_before=backup_before)
        return
    op = _Op(owner, None, on_done, on_error, None)

    def work(_send: Callable[[Any], None]) -> Any:
        _back_up(db, backup_before)
        with db.session() as session:
            return change(session)

    worker_pool().start(_Job(work, op.relay))


def _back_up(db: Database, reason: str | None, progress: Progress | None = None) -> None:
    """The backup a risky change asks for, with its own step in the change's progress
    dialog (seconds on a large database)."""
    if reason is not None:
        from ..backups.policy import BACKING_UP, before_change

        report = None if progress is None else (lambda f: progress(f, BACKING_UP))
        before_change(db.path, reason, progress=report)


def task(owner: QObject | None, work: Callable[[Progress], T],
         on_done: Callable[[T], None] | None = None, *, progress_title: str,
         on_error: Callable[[BaseException], None] | None = None,
         cancellable: bool = False) -> None:
    """``work(progress)`` through ``ui/tasks.py`` on the writer thread, so no write of
    ours runs beside it: a progress dialog after half a second (Cancel when
    ``cancellable``), counted by ``wait_idle``. Called as is for work on the database
    file as a whole (a backup, a restore), and by ``write``/``query`` with a
    ``progress_title``, which wrap ``work`` in a unit of work."""
    if not _accepting:
        return
    op = _Op(owner, None, on_done, on_error, None)
    parent = owner if isinstance(owner, QWidget) else None
    running = run_task(parent, progress_title, work, on_done=op._done,
                       on_error=lambda exc: op._failed(exc, ""), cancellable=cancellable)
    running.finished.connect(op._end)  # also when cancelled, which calls neither back


def background(owner: QObject | None, work: Callable[[], T],
               on_done: Callable[[T], None] | None = None, *,
               on_error: Callable[[BaseException], None] | None = None) -> None:
    """Quiet work on the file with its own connection (a timed backup, the full
    integrity check): on a reader thread, beside the user's writes; counted by
    ``wait_idle``."""
    if not _accepting:
        return
    op = _Op(owner, None, on_done, on_error, None)
    reader_pool().start(_Job(lambda _send: work(), op.relay))


def _as_task(owner: QObject | None, db: Database, fn: Callable[..., Any],
             on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None,
             title: str, cancellable: bool, *, write: bool, backup_before: str | None = None) -> None:
    """Long work through ``ui/tasks.py`` (progress after half a second, Cancel rolls
    back), still one unit of work and still counted by ``wait_idle``."""
    def long_work(progress: Progress) -> Any:
        _back_up(db, backup_before, progress)
        with db.session(write=write) as session:
            return fn(session, progress)

    task(owner, long_work, on_done, progress_title=title, on_error=on_error,
         cancellable=cancellable)


def busy() -> bool:
    with _lock:
        return _in_flight > 0


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Block (processing events) until every op has been delivered: for tests, and for
    shutdown so no worker outlives the application."""
    import time

    deadline = time.monotonic() + timeout_ms / 1000
    app = QCoreApplication.instance()
    while busy():
        if time.monotonic() > deadline:
            return False
        reader_pool().waitForDone(20)
        worker_pool().waitForDone(20)
        if app is not None:
            app.processEvents()
    return True


def shutdown(timeout_ms: int = 10_000) -> None:
    """Stop taking new ops and let the running ones finish before the database closes."""
    global _accepting
    _accepting = False
    reader_pool().waitForDone(timeout_ms)
    worker_pool().waitForDone(timeout_ms)


