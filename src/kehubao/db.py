"""Opening the database: engine, sessions, migrations at start-up.

One unit of work = one Session (`with db.session() as s:`). Sessions never expire objects
on commit, so what a service returns can be handed to the UI after the session closes.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from . import db_sqlite
from .config import DatabaseTarget, resolve_database
from .errors import DatabaseLocationError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class Database:
    """An open database: the engine plus a session factory bound to it."""

    def __init__(self, target: DatabaseTarget, engine: Engine) -> None:
        self.target = target
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

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
        session = self._sessions()
        if write and self.is_sqlite:
            session.connection(execution_options={"kehubao_write": True})
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
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
            if switched:
                self.engine.dispose()
                db_sqlite.set_journal_mode(self.engine, "WAL")

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def dispose(self) -> None:
        self.engine.dispose()


def include_in_migrations(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """What Alembic's autogenerate may touch: not the FTS5 tables of the search index
    (created by hand in the first revision), which have no model."""
    return not (type_ == "table" and name and name.startswith("search_fts_"))


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def open_database(
    target: DatabaseTarget | str | None = None, *, migrate: bool = True
) -> Database:
    """Open (creating if needed) and migrate the database.

    Raises DatabaseLocationError, with a one-line Chinese message, for anything the user
    pointed us at that is not usable; nothing is written to such a location."""
    if target is None or isinstance(target, str):
        target = resolve_database(target)
    if target.path is not None:
        db_sqlite.check_file_location(target.path, may_create_dirs=target.is_default)
        if target.path.exists() and target.path.stat().st_size > 0:
            _identify_file(target)
        engine = create_engine(target.url, connect_args={"check_same_thread": False})
        db_sqlite.install_pragmas(engine)
    else:
        engine = create_engine(target.url, pool_pre_ping=True)
    db = Database(target, engine)
    try:
        _check_and_migrate(db, migrate=migrate)
    except DatabaseLocationError:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        raise DatabaseLocationError(_describe_open_error(target, exc)) from exc
    return db


def _identify_file(target: DatabaseTarget) -> None:
    """Refuse, before connecting for real, a file that is not a 客户宝 database."""
    assert target.path is not None
    try:
        tables, revision = db_sqlite.inspect_file(target.path)
    except sqlite3.DatabaseError as exc:
        raise DatabaseLocationError(_describe_open_error(target, exc)) from exc
    if tables and revision is None:
        raise DatabaseLocationError(
            f"这个 SQLite 文件属于其他程序，不是客户宝数据库，未做任何改动：{target.display}"
        )
    if revision is not None:
        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(revision)
        except Exception as exc:
            raise DatabaseLocationError(
                f"这个数据库由更新版本的客户宝创建，请先升级客户宝：{target.display}"
            ) from exc


def _describe_open_error(target: DatabaseTarget, exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc))
    if "not a database" in text or "malformed" in text:
        return f"数据库文件已损坏或不是 SQLite 文件，未做任何改动：{target.display}"
    if "readonly" in text or "read-only" in text:
        return f"数据库是只读的，无法写入：{target.display}"
    if "unable to open" in text:
        return f"无法打开数据库：{target.display}"
    return f"无法打开数据库 {target.display}：{text}"


def _check_and_migrate(db: Database, *, migrate: bool) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        current = MigrationContext.configure(conn).get_current_revision()
    if tables and "alembic_version" not in tables:
        raise DatabaseLocationError(
            f"这个 SQLite 文件属于其他程序，不是客户宝数据库，未做任何改动：{db.target.display}"
        )
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise DatabaseLocationError(
                f"这个数据库由更新版本的客户宝创建，请先升级客户宝：{db.target.display}"
            ) from exc
    if current == head or not migrate:
        return
    if current is not None and db.is_sqlite and db.path is not None:
        _backup_before_migration(db.path, current)
    upgrade(db)


def _backup_before_migration(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.parent / "backups" / f"{path.stem}-before-{revision}-{stamp}.db"
    log.info("backing up %s to %s before migrating", path, backup)
    db_sqlite.backup_file(path, backup)
    return backup


def upgrade(db: Database, revision: str = "head") -> None:
    cfg = alembic_config()
    with db.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()
