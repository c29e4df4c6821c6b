"""Everything SQLite-specific about the database file, in one marked module.

The rest of the code speaks portable SQLAlchemy so that a team can later use PostgreSQL
through `KEHUBAO_DATABASE_URL`. (The search index has its own SQLite module with a
portable fallback: services/search/fts_sqlite.py.)
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path, PurePath

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from .errors import DatabaseLocationError
from .texts import Text

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def file_uri(path: PurePath, mode: str | None = None) -> str:
    """SQLite's URI for the file at ``path`` (``mode``: "ro" read-only, "rw" only if it
    exists). Percent-encoded from the path, so a folder named ``张 三``, ``项目#2``,
    ``a?b`` or ``50%20`` is that folder: a plain ``file:{path}`` is cut at ``#`` and ``?``
    and has its ``%20`` decoded, and opens (or creates) another file. A Windows share's
    ``file://server/share`` gets the empty authority SQLite wants: ``file:////server/share``."""
    uri = (path if path.is_absolute() else Path(os.path.abspath(path))).as_uri()
    if uri.startswith("file://") and not uri.startswith("file:///"):
        uri = "file:////" + uri.removeprefix("file://")
    return f"{uri}?mode={mode}" if mode else uri


def check_file_location(path: Path, *, may_create_dirs: bool) -> None:
    """Refuse paths we must not touch, *before* SQLite creates or opens anything there,
    so that a mistyped path never leaves a damaged file or a stray database behind."""
    if path.is_dir():
        raise DatabaseLocationError("数据库路径是一个文件夹，不是文件：{path}", path=path)
    parent = path.parent
    if not parent.exists():
        if may_create_dirs:
            parent.mkdir(parents=True, exist_ok=True)
        else:
            raise DatabaseLocationError("数据库所在的文件夹不存在：{parent}", parent=parent)
    if not parent.is_dir():
        raise DatabaseLocationError("数据库所在的位置不是文件夹：{parent}", parent=parent)
    if path.exists():
        if not os.access(path, os.R_OK):
            raise DatabaseLocationError("没有读取数据库文件的权限：{path}", path=path)
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
        if head and head != SQLITE_HEADER:
            raise DatabaseLocationError(
                "这个文件不是客户宝数据库（不是 SQLite 文件），未做任何改动：{path}", path=path)
        if not os.access(path, os.W_OK):
            raise DatabaseLocationError("数据库文件是只读的，无法写入：{path}", path=path)
    # SQLite writes its journal (-wal, -shm) next to the database file.
    if not os.access(parent, os.W_OK | os.X_OK):
        raise DatabaseLocationError("没有在该文件夹中写入的权限：{parent}", parent=parent)


def looks_like_sqlite(path: Path) -> bool:
    """Whether the file starts as SQLite files do, or has had that start zeroed (which is
    damage to a database, not a file of another program)."""
    with path.open("rb") as fh:
        head = fh.read(100)
    return head.startswith(SQLITE_HEADER) or (len(head) == 100 and not any(head))


def install_pragmas(engine: Engine) -> None:
    """Set the connection pragmas on every new connection and take over BEGIN.

    pysqlite's own transaction handling defers BEGIN and breaks SAVEPOINTs, so we turn it
    off and emit BEGIN ourselves; write units of work use BEGIN IMMEDIATE so that a second
    writer (the UI while an import runs) waits for the lock instead of failing on a stale
    snapshot."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        _prefer_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA temp_store = MEMORY")
        cur.execute("PRAGMA cache_size = -32000")  # 32 MB page cache
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        immediate = conn.get_execution_options().get("kehubao_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _prefer_wal(cur: sqlite3.Cursor) -> None:
    """Switch to WAL, unless another connection has the file open in rollback-journal
    mode (a bulk load running, or one interrupted by Ctrl-C whose connection is not
    closed yet): then this connection works in that mode at once, rather than wait out
    the busy timeout or fail, and a later one switches. WAL is kept in the file, so the
    usual case is a cheap check."""
    _switch_without_waiting(cur, "WAL")


def _switch_without_waiting(cur: sqlite3.Cursor, mode: str) -> str:
    """PRAGMA journal_mode = mode, giving up at once if another connection is in the way
    (a switch needs the file to itself; even reading the mode waits while a rollback-
    journal writer holds the file); returns the mode in force, "" if unknown."""
    cur.execute("PRAGMA busy_timeout = 0")
    try:
        row = cur.execute("PRAGMA journal_mode").fetchone()
        if row and str(row[0]).lower() == mode.lower():
            return mode.lower()
        row = cur.execute(f"PRAGMA journal_mode = {mode}").fetchone()
        return str(row[0]).lower() if row else ""
    except sqlite3.OperationalError as exc:
        if not is_busy(exc):
            raise
        return ""
    finally:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def is_busy(exc: BaseException) -> bool:
    """Whether SQLite gave up waiting for another connection's lock."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc)


def backup_file(source: Path, target: Path) -> None:
    """Copy a live database consistently with SQLite's online backup API, under a
    temporary name renamed only when complete: a killed copy never leaves a file that
    looks like a database (only `*.partial`, which the backup sweep removes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(partial))
        try:
            dst.execute("PRAGMA journal_mode = OFF")  # nothing to roll back in a new copy
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, target)
    finally:
        src.close()
        partial.unlink(missing_ok=True)


def integrity_problems(dbapi_conn: sqlite3.Connection) -> list[str]:
    """SQLite's own structural check plus dangling foreign keys; [] when healthy."""
    problems = [row[0] for row in dbapi_conn.execute("PRAGMA quick_check") if row[0] != "ok"]
    for table, rowid, parent, _fk in dbapi_conn.execute("PRAGMA foreign_key_check"):
        problems.append(Text("{table} 第 {row} 行引用了不存在的 {parent} 记录", table=table,
                             row=rowid, parent=parent))
    return problems[:50]


def inspect_file(path: Path) -> tuple[set[str], str | None]:
    """(table names, schema revision) of a database file, opened read-only so that a file
    we end up refusing is not touched at all (not even switched to WAL). Raises
    sqlite3.DatabaseError if the file is not a database.

    A process killed mid-transaction (a big `demo` in rollback-journal mode) leaves a hot
    journal that a read-only connection may not roll back; SQLite then says "read-only"
    although the file is writable. In that case the file is opened read-write once, which
    rolls the unfinished transaction back exactly as any SQLite program would."""
    try:
        return _inspect(sqlite3.connect(file_uri(path, "ro"), uri=True))
    except sqlite3.OperationalError as exc:
        if not (needs_recovery(exc) and os.access(path, os.W_OK)):
            raise
    return _inspect(sqlite3.connect(file_uri(path, "rw"), uri=True))


def needs_recovery(exc: sqlite3.Error) -> bool:
    """Whether a read-only open failed only because a journal needs rolling back."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name in ("SQLITE_READONLY_ROLLBACK", "SQLITE_READONLY_RECOVERY") or (
        not name and "readonly" in str(exc))


def _inspect(conn: sqlite3.Connection) -> tuple[set[str], str | None]:
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return names, revision
    finally:
        conn.close()


def read_revision(path: Path) -> str | None:
    return inspect_file(path)[1]


def set_journal_mode(engine: Engine, mode: str) -> str:
    """Switch the journal mode outside any transaction; returns the mode now in force
    (unchanged when another connection holds the file, which SQLite requires for it)."""
    try:  # connecting runs the pragmas, which can meet a lock too
        raw = engine.raw_connection()
    except (OperationalError, sqlite3.OperationalError):
        return ""
    try:
        return _switch_without_waiting(raw.driver_connection.cursor(), mode)
    except sqlite3.OperationalError:
        return ""
    finally:
        raw.close()
