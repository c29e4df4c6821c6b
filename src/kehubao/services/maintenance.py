"""Keeping the database healthy: getting an opened database ready for use, integrity
check, search reindex, backup and the checks a backup file must pass before it may
replace the live database."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .. import db_sqlite
from ..backups.integrity import quick_check
from ..backups.store import make_backup
from ..db import Database
from ..errors import UserError
from ..texts import Text
from .search import check_index, rebuild_index
from .search.fts_sqlite import backend_for
from .starter import ensure_starter_data, has_starter_data


def prepare_database(db: Database, language: str = "zh") -> bool:
    """Make a just-opened database ready for use: load the starter data (objection
    scripts, evaluation template) the first time. The window and the CLI both call this
    after `open_database`, so neither commits a session of its own for it.

    ``language`` is the starter set's language for a database that gets its first one
    (the window passes the UI's language, the CLI its --language); a database keeps the
    language it first got, whatever is passed later.

    Looks first in a read transaction, so that opening a database another program is
    writing to (an import in the CLI while the window is open) never waits for, or fails
    on, the write lock; writes only the first time. True if the starter data was loaded."""
    with db.session(write=False) as session:
        if has_starter_data(session):
            return False
    with db.session() as session:
        return ensure_starter_data(session, language)


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
        problems += [Text("搜索索引：{problem}（请运行 kehubao check --reindex）", problem=p)
                     for p in check_index(session)]
    return problems


def backup(db: Database, target: Path | None, *, reason: str = "manual",
           progress: Callable[[float], None] | None = None) -> Path:
    """A backup of the open database: a rotated, verified, compressed one in the backups
    folder, or, with `target`, a plain database copy at the place the user chose."""
    if not db.is_sqlite or db.path is None:
        raise UserError("只能备份本地数据库文件；服务器数据库请用服务器自己的备份工具")
    if target is None:
        return make_backup(db.path, reason, progress=progress).path
    target = target.expanduser().absolute()
    if target.exists() and target.is_dir():
        raise UserError("备份位置是一个文件夹：{path}", path=target)
    if target == db.path:
        raise UserError("备份文件不能就是数据库本身")
    problems = quick_check(db.path)
    if problems:
        raise UserError("数据库已损坏，不能备份：{path}（{problem}）", path=db.path,
                        problem=problems[0])
    try:
        db_sqlite.backup_file(db.path, target)
    except (OSError, sqlite3.Error) as exc:
        raise UserError("无法写入备份文件 {path}：{problem}", path=target, problem=str(exc)) from exc
    return target
