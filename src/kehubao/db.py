"""Opening the database: engine, sessions, migrations at start-up.

One unit of work = one Session (`with db.session() as s:`). Sessions never expire objects
on commit, so what a service returns can be handed to the UI after the session closes.

Alembic is imported only when a migration is due: it costs most of a second to import
(Mako, Pygments, every SQLAlchemy dialect) and the window and the CLI open an up-to-date
database on almost every start. The revision chain is read from the `revision` and
`down_revision` lines of the files in migrations/versions, and the database's revision
from the `alembic_version` table, which is all the start-up check needs.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import ArgumentError, DatabaseError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from . import db_sqlite
from .config import DatabaseTarget, resolve_database
from .errors import DatabaseLocationError
from .texts import Text

if TYPE_CHECKING:
    from alembic.config import Config

    from .backups.integrity import Health

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class Database:
    """An open database: the engine plus a session factory bound to it."""

    def __init__(self, target: DatabaseTarget, engine: Engine) -> None:
        self.target = target
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # What the start-up check found (backups/integrity.Health); None if not checked.
        # A "bounded" check asks the window to run the full one in the background.
        self.start_health: Health | None = None
        # The file swap of a restore: sessions wait while it is closed (see `closed`).
        self._gate = threading.Condition()
        self._open_sessions = 0
        self._closed_by: int | None = None  # the thread swapping the file

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        return self.target.path

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any exception.

        `write=False` for pure reads lets SQLite readers run beside a writer."""
        self._enter()
        try:
            with self._unit_of_work(write) as session:
                yield session
        finally:
            self._leave()

    @contextmanager
    def _unit_of_work(self, write: bool) -> Iterator[Session]:
        session = self._sessions()
        if write and self.is_sqlite:
            session.connection(execution_options={"kehubao_write": True})
        try:
            yield session
            session.commit()
        except BaseException:
            _roll_back(session)
            raise
        finally:
            session.close()

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """For one huge transaction (demo data): SQLite's WAL would write every page twice
        (into the log, then into the file), so switch to a rollback journal for the load
        when nothing else has the file open, and back to WAL after. Best effort."""
        if not self.is_sqlite:
            yield
            return
        self.engine.dispose()  # close idle pooled connections so the switch can happen
        switched = db_sqlite.set_journal_mode(self.engine, "DELETE") == "delete"
        try:
            yield
        finally:
            # Does not wait: after Ctrl-C, SQLAlchemy may leave the interrupted connection
            # for the garbage collector to close, and the switch needs the file to itself.
            # Then the next connection switches to WAL instead (install_pragmas).
            if switched:
                self.engine.dispose()
                db_sqlite.set_journal_mode(self.engine, "WAL")

    def schema_revision(self) -> str | None:
        """The revision the database is at (None for an empty one), read without Alembic."""
        with self.engine.connect() as conn:
            return _current_revision(conn)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def closed(self, timeout: float = 30.0) -> Iterator[None]:
        """This process's connections closed and no new session opened while the file is
        replaced (a restore): a session asked for meanwhile waits, then opens the new
        file. Without it, a read starting between the close and the swap would keep the
        old file open, and later writes through that connection would go to a deleted
        file. Waits for open sessions to end first; raises UserError if they do not."""
        me = threading.get_ident()
        with self._gate:
            while self._closed_by is not None:
                self._gate.wait()
            self._closed_by = me
            if not self._gate.wait_for(lambda: self._open_sessions == 0, timeout):
                self._closed_by = None
                self._gate.notify_all()
                raise DatabaseLocationError("数据库正忙，请稍后再试")
        try:
            self.engine.dispose()
            yield
        finally:
            self.engine.dispose()  # nothing opened on the old file stays in the pool
            with self._gate:
                self._closed_by = None
                self._gate.notify_all()

    def _enter(self) -> None:
        with self._gate:
            while self._closed_by not in (None, threading.get_ident()):
                self._gate.wait()
            self._open_sessions += 1

    def _leave(self) -> None:
        with self._gate:
            self._open_sessions -= 1
            self._gate.notify_all()


def _roll_back(session: Session) -> None:
    """Undo the unit of work without masking why it failed.

    After Ctrl-C or a lost lock the rollback itself can fail; the connection is then
    thrown away instead, and SQLite undoes the open transaction when it closes, so the
    caller still sees the original exception (and the user "已取消", not "locked")."""
    try:
        session.rollback()
    except BaseException:  # noqa: BLE001 - the original exception is re-raised by the caller
        log.warning("rollback failed; discarding the connection", exc_info=True)
        try:
            session.invalidate()
        except Exception:  # noqa: BLE001
            log.warning("could not discard the connection", exc_info=True)


def include_in_migrations(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """What Alembic's autogenerate may touch: not the FTS5 tables of the search index
    (created by hand in the first revision), which have no model."""
    return not (type_ == "table" and name and name.startswith("search_fts_"))


def alembic_config() -> Config:
    """Alembic's configuration for our migrations folder (imports Alembic: only for
    migrating and for developer tools)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The newest revision this release knows, from the migration files' names and
    headers (no Alembic import)."""
    return _revisions().head


def is_known_revision(revision: str) -> bool:
    """Whether `revision` is one of this release's migrations; a database at an unknown
    one was written by a newer release."""
    return revision in _revisions().revisions


class _RevisionChain:
    def __init__(self, down: dict[str, tuple[str, ...]]) -> None:
        self.revisions = frozenset(down)
        parents = {parent for parents in down.values() for parent in parents}
        heads = sorted(self.revisions - parents)
        if len(heads) != 1:
            raise RuntimeError(f"migrations must have exactly one head, found {heads}")
        self.head = heads[0]


_REVISION_LINE = re.compile(r"^(down_revision|revision)\b[^=\n]*=[ \t]*(\([^)]*\)|[^\n]*)",
                            re.MULTILINE)


def _revisions() -> _RevisionChain:
    """The chain of this release's migrations, read again only when a file was added to
    or removed from the folder (its modification time changes)."""
    versions = MIGRATIONS_DIR / "versions"
    return _revision_chain(versions, versions.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _revision_chain(versions: Path, _mtime_ns: int) -> _RevisionChain:
    """Each migration file's `revision` and `down_revision` assignments, as Alembic reads
    them (a plain string, None, or a tuple of strings for a merge)."""
    down: dict[str, tuple[str, ...]] = {}
    for path in sorted(versions.glob("*.py")):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        (revision,) = re.findall(r"[\"']([^\"']+)[\"']", found["revision"])
        down[revision] = tuple(re.findall(r"[\"']([^\"']+)[\"']", found.get("down_revision", "")))
    return _RevisionChain(down)


def _current_revision(conn: Connection) -> str | None:
    """The row Alembic keeps in `alembic_version`; None when there is no such table."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def open_database(
    target: DatabaseTarget | str | None = None, *, migrate: bool = True, check: bool = True,
    backup_before_migration: bool = True,
) -> Database:
    """Open (creating if needed) and migrate the database.

    Raises DatabaseLocationError, with a one-line Chinese message, for anything the user
    pointed us at that is not usable; nothing is written to such a location. With
    `check`, a damaged file raises DatabaseDamagedError before anything is written to it
    (`kehubao check` and a restore open without it, to examine or replace the file)."""
    if target is None or isinstance(target, str):
        target = resolve_database(target)
    health = None
    if target.path is not None:
        if check:
            health = _refuse_damaged(target.path)
        db_sqlite.check_file_location(target.path, may_create_dirs=target.is_default)
        if target.path.exists() and target.path.stat().st_size > 0:
            _identify_file(target)
        # The path as it is, not parsed out of target.url: a URL would cut a folder
        # named "a?b" and decode one named "50%20".
        engine = create_engine(URL.create("sqlite", database=str(target.path)),
                               connect_args={"check_same_thread": False})
        db_sqlite.install_pragmas(engine)
    else:
        engine = _server_engine(target)
    db = Database(target, engine)
    db.start_health = health
    try:
        _check_and_migrate(db, migrate=migrate, backup=backup_before_migration)
    except DatabaseLocationError:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise DatabaseLocationError(_describe_open_error(target, exc)) from exc
    return db


def _server_engine(target: DatabaseTarget) -> Engine:
    """An engine for a `KEHUBAO_DATABASE_URL`; a mistyped URL or a missing driver is the
    user's to fix (a setting, a package), not a bug."""
    try:
        return create_engine(target.url, pool_pre_ping=True)
    except NoSuchModuleError as exc:
        raise DatabaseLocationError(
            "不支持这种数据库（KEHUBAO_DATABASE_URL）：{database}", database=target.display) from exc
    except ArgumentError as exc:
        raise DatabaseLocationError(
            "KEHUBAO_DATABASE_URL 不是有效的数据库地址：{database}", database=target.display) from exc
    except ImportError as exc:
        raise DatabaseLocationError(
            "缺少连接该数据库所需的驱动程序（{driver}），请先安装：{database}",
            driver=exc.name or str(exc), database=target.display) from exc


def _identify_file(target: DatabaseTarget) -> None:
    """Refuse, before connecting for real, a file that is not a 客户宝 database."""
    assert target.path is not None
    try:
        tables, revision = db_sqlite.inspect_file(target.path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseLocationError(_describe_open_error(target, exc)) from exc
    if tables and revision is None:
        raise DatabaseLocationError(
            "这个 SQLite 文件属于其他程序，不是客户宝数据库，未做任何改动：{database}",
            database=target.display)
    if revision is not None and not is_known_revision(revision):
        raise DatabaseLocationError(
            "这个数据库由更新版本的客户宝创建，请先升级客户宝：{database}", database=target.display)


def _describe_open_error(target: DatabaseTarget, exc: Exception) -> Text:
    text = str(getattr(exc, "orig", exc))
    database = target.display
    if "not a database" in text:
        return Text("数据库文件已损坏或不是 SQLite 文件，未做任何改动：{database}", database=database)
    if described := describe_database_error(exc, database):
        return described
    if "readonly" in text or "read-only" in text:
        return Text("数据库是只读的，无法写入：{database}", database=database)
    if "unable to open" in text:
        return Text("无法打开数据库：{database}", database=database)
    return Text("无法打开数据库 {database}：{problem}", database=database,
                problem=_first_line(text))


def describe_database_error(exc: BaseException, display: str) -> Text | None:
    """One line in Chinese for a database failure the user can act on: the file is locked
    by another program, damaged, read-only, or the disk is full. None for anything else,
    which is a bug and must be reported as one."""
    orig = getattr(exc, "orig", None) or exc
    if not isinstance(orig, sqlite3.Error):
        return None
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig)
    if db_sqlite.is_busy(orig):
        return Text("数据库正被其他程序使用（例如打开着的客户宝窗口或另一条命令），请稍后再试：{database}",
                    database=display)
    if _is_search_index_error(exc, name, text):
        return Text("搜索索引已损坏，请运行 kehubao check --reindex 重建：{database}",
                    database=display)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or (not name and "malformed" in text):
        return Text("数据库文件已损坏：{database}。请运行 kehubao check 检查，"
                    "或用 kehubao restore 从备份恢复", database=display)
    if name.startswith("SQLITE_READONLY"):
        return Text("数据库是只读的，无法写入：{database}", database=display)
    if name == "SQLITE_FULL":
        return Text("磁盘已满，无法写入数据库：{database}", database=display)
    if name.startswith("SQLITE_IOERR"):
        return Text("读写数据库文件时出错（磁盘或网络故障？）：{database}", database=display)
    return None


def _is_search_index_error(exc: BaseException, name: str, text: str) -> bool:
    """A damaged FTS5 table says so in its own words, or fails a statement on it."""
    statement = str(getattr(exc, "statement", "") or "")
    damage = ("vtable constructor failed", "invalid fts5 file format", "fts5: corrupt",
              "no such table: search_fts_")
    if name == "SQLITE_CORRUPT_VTAB" or any(words in text for words in damage):
        return True
    return name.startswith("SQLITE_CORRUPT") and "search_fts_" in statement


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else text


def _refuse_damaged(path: Path) -> Health | None:
    """The start-up check (bounded on a large file): a damaged database is said plainly
    and never opened for writing. A 0-byte file, or a file whose header is gone, where
    backups show a database with data was, is damage rather than a new database."""
    from .backups import integrity, store

    if not path.is_file() or not os.access(path, os.R_OK):
        return None  # not a file we can read: check_file_location says why
    had_data = store.has_backups(path)
    size = path.stat().st_size
    if size == 0 and not had_data:
        return None
    if size and not had_data and not db_sqlite.looks_like_sqlite(path):
        return None  # not ours at all: check_file_location says so
    health = integrity.start_check(path, had_data=had_data)
    if health.ok:
        return health
    newest = store.newest_good_backup(path)
    raise integrity.DatabaseDamagedError(
        integrity.damage_message(path, health.problems, str(newest.path) if newest else None),
        path, health.problems)


def _check_and_migrate(db: Database, *, migrate: bool, backup: bool = True) -> None:
    head = head_revision()
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = _current_revision(conn) if "alembic_version" in tables else None
    if tables and "alembic_version" not in tables:
        raise DatabaseLocationError(
            "这个 SQLite 文件属于其他程序，不是客户宝数据库，未做任何改动：{database}",
            database=db.target.display)
    if current is not None and not is_known_revision(current):
        raise DatabaseLocationError(
            "这个数据库由更新版本的客户宝创建，请先升级客户宝：{database}",
            database=db.target.display)
    if current == head or not migrate:
        return
    if backup and current is not None and db.is_sqlite and db.path is not None:
        _backup_before_migration(db.path)
    upgrade(db)


def _backup_before_migration(path: Path) -> Path:
    from .backups.store import make_backup

    log.info("backing up %s before migrating", path)
    return make_backup(path, "before-migration").path


def upgrade(db: Database, revision: str = "head") -> None:
    """Run Alembic's upgrade on the open database (the only place Alembic is imported at
    run time)."""
    from alembic import command

    cfg = alembic_config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
