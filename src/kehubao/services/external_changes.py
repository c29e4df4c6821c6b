"""Noticing that another program wrote to the database, so the open window can refresh.

Our own commits announce what they changed on the event bus; a `kehubao import` or
`restore` in a terminal, or any other connection, does not. SQLite's
``PRAGMA data_version`` tells: on one connection, its value changes whenever *another*
connection has committed since the last time it was asked. So a dedicated connection is
asked every few seconds (a cheap read of the file header or the WAL index, never blocked:
its busy timeout is zero) — a pooled connection would not do, the value is per connection.

Our own writes go through other connections of this process and change the value too;
they must not make every view reload 200,000 customers after each edit. Each local write
is bracketed: just before it commits (it holds the write lock, so nobody else can commit
in between) the value is read — if it moved, someone else committed since the last look
— and just after, the value is taken as the new baseline.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event
from sqlalchemy.orm import Session

from ..db_sqlite import file_uri

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from ..db import Database

log = logging.getLogger(__name__)


class ExternalChanges:
    """``check()`` → True when another connection committed since the last check."""

    def __init__(self, db: Database) -> None:
        self._engine = db.engine
        self._path = db.path if db.is_sqlite else None
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self._last: int | None = None
        self._seen_other = False  # noticed at one of our commits, reported at the next check
        self._writing: set[int] = set()  # threads whose write is committing
        self._closed = False
        if self._path is None:
            return  # a server database: not watched
        me = weakref.ref(self)

        def before_commit(conn: Connection) -> None:
            if (watcher := me()) is not None:
                watcher._before_local_commit(conn)

        def after_commit(session: Session) -> None:
            if (watcher := me()) is not None:
                watcher._after_local_commit(session)

        def after_rollback(_session: Session) -> None:  # the commit failed: not ours to absorb
            if (watcher := me()) is not None:
                watcher._writing.discard(threading.get_ident())

        def disposed(_engine: object) -> None:
            if (watcher := me()) is not None:
                watcher._let_go()

        self._listeners = ((self._engine, "commit", before_commit), (Session, "after_commit", after_commit),
                           (Session, "after_rollback", after_rollback),
                           (self._engine, "engine_disposed", disposed))
        for target, name, fn in self._listeners:
            event.listen(target, name, fn)
        with self._lock:
            self._last = self._read()

    def check(self) -> bool:
        """Whether someone else committed since the last check (cheap; never waits)."""
        if self._path is None:
            return False
        with self._lock:
            value = self._read()
            changed = self._seen_other or (value is not None and self._last is not None
                                           and value != self._last)
            self._seen_other = False
            if value is not None:
                self._last = value
            return changed

    def close(self) -> None:
        if self._path is None or self._closed:
            return
        self._closed = True
        for target, name, fn in self._listeners:
            if event.contains(target, name, fn):
                event.remove(target, name, fn)
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    # ------------------------------------------------------------------ our own writes

    def _before_local_commit(self, conn: Connection) -> None:
        if not conn.get_execution_options().get("kehubao_write"):
            return  # a read's commit changes nothing
        with self._lock:
            value = self._read()
            if value is not None and self._last is not None and value != self._last:
                self._seen_other = True
            self._writing.add(threading.get_ident())

    def _after_local_commit(self, session: Session) -> None:
        ident = threading.get_ident()
        if ident not in self._writing or session.bind is not self._engine:
            return
        with self._lock:
            self._writing.discard(ident)
            if (value := self._read()) is not None:
                self._last = value

    def _let_go(self) -> None:
        """The engine let go of the file (``Database.bulk_load`` is about to leave WAL
        mode, which needs every other connection closed): so does this one. The next
        check opens a new connection and starts from its value."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._last = None

    # ------------------------------------------------------------------ the pragma

    def _read(self) -> int | None:
        """The dedicated connection's data_version; None if it cannot be read right now
        (a bulk load holds the file in rollback-journal mode; the file went away)."""
        if self._closed:
            return None
        try:
            if self._conn is None:
                assert self._path is not None
                self._conn = sqlite3.connect(_read_write_uri(self._path), uri=True, timeout=0,
                                             check_same_thread=False, isolation_level=None)
            row = self._conn.execute("PRAGMA data_version").fetchone()
            return int(row[0])
        except sqlite3.Error as exc:
            log.debug("data_version not readable: %s", exc)
            if self._conn is not None and "locked" not in str(exc) and "busy" not in str(exc):
                self._conn.close()  # try a new connection next time
                self._conn = None
            return None


def _read_write_uri(path: Path) -> str:
    """A URI that opens the existing file only (``mode=rw`` never creates one, should the
    database have been moved away)."""
    return file_uri(path, "rw")
