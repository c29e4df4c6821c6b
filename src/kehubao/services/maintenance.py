"""Keeping the database healthy: getting an opened database ready for use, integrity
check, search reindex, backup and the checks a backup file must pass before it may
replace the live database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .. import db_sqlite
from ..db import Database, is_known_revision
from ..errors import UserError
from .search import check_index, rebuild_index
from .search.fts_sqlite import backend_for
from .starter import ensure_starter_data, has_starter_data


def prepare_database(db: Database) -> bool:
    """Make a just-opened database ready for use: load the starter data (objection
    scripts, evaluation template) the first time. The window and the CLI both call this
    after `open_database`, so neither commits a session of its own for it.

    Looks first in a read transaction, so that opening a database another program is
    writing to (an import in the CLI while the window is open) never waits for, or fails
    on, the write lock; writes only the first time. True if the starter data was loaded."""
    with db.session(write=False) as session:
        if has_starter_data(session):
            return False
    with db.session() as session:
        return ensure_starter_data(session)


def reindex(db: Database, progress: Callable[[float], None] | None = None) -> dict[str, int]:
    with db.session() as session:
        counts = rebuild_index(session, progress=progress)
        backend_for(session).optimize(session)
    return counts


def check_database(db: Database) -> list[str]:
    problems: list[str] = []
    if db.is_sqlite:
        with db.engine.connect() as conn:
            problems += db_sqlite.integrity_problems(conn.connection.driver_connection)
    with db.session(write=False) as session:
        problems += [f"搜索索引：{p}（请运行 kehubao check --reindex）" for p in check_index(session)]
    return problems


def default_backup_dir(db: Database) -> Path:
    assert db.path is not None
    return db.path.parent / "backups"


def backup(db: Database, target: Path | None, *, label: str = "manual") -> Path:
    """A consistent copy made with SQLite's online backup API (safe while in use)."""
    if not db.is_sqlite or db.path is None:
        raise UserError("只能备份本地数据库文件；服务器数据库请用服务器自己的备份工具")
    if target is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = default_backup_dir(db) / f"{db.path.stem}-{label}-{stamp}.db"
    target = target.expanduser().absolute()
    if target.exists() and target.is_dir():
        raise UserError(f"备份位置是一个文件夹：{target}")
    if target == db.path:
        raise UserError("备份文件不能就是数据库本身")
    try:
        db_sqlite.backup_file(db.path, target)
    except (OSError, sqlite3.Error) as exc:
        raise UserError(f"无法写入备份文件 {target}：{exc}") from exc
    return target


def validate_backup_file(path: Path) -> str:
    """Refuse anything that is not a 客户宝 database this version can open."""
    if not path.is_file():
        raise UserError(f"找不到备份文件：{path}")
    with path.open("rb") as fh:
        if fh.read(len(db_sqlite.SQLITE_HEADER)) != db_sqlite.SQLITE_HEADER:
            raise UserError(f"这个文件不是客户宝的备份（不是 SQLite 数据库）：{path}")
    try:
        revision = db_sqlite.read_revision(path)
    except sqlite3.DatabaseError as exc:
        raise UserError(f"备份文件已损坏：{path}（{exc}）") from exc
    if revision is None:
        raise UserError(f"这个 SQLite 文件不是客户宝的备份：{path}")
    try:  # a damaged backup must never replace a good database
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            damaged = [r[0] for r in conn.execute("PRAGMA quick_check") if r[0] != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        damaged = [str(exc)]
    if damaged:
        raise UserError(f"备份文件已损坏，不能用来恢复：{path}（{damaged[0]}）")
    if not is_known_revision(revision):
        raise UserError("这个备份由更新版本的客户宝创建，请先升级客户宝")
    return revision
