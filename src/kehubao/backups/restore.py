"""Restoring a backup: all or nothing.

Everything slow happens on a scratch file beside the database: inflate, put the indexes
back, migrate an older backup, rebuild the search index, check. Only then is the current
database backed up (or, when it is too damaged for a backup, kept aside as it is) and
replaced by one rename. A process killed at any moment leaves either the old database or
the restored one, never a mix, and at most a `*.partial` scratch file that is swept later.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import db_sqlite
from ..errors import UserError
from . import archive
from .integrity import quick_check
from .store import BackupEntry, backup_dir, make_backup, sweep_debris

SCRATCH_SUFFIX = ".restoring" + archive.PARTIAL_SUFFIX


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    safety: Path | None  # the backup of the database as it was before the restore
    counts: dict[str, int]


def restore_backup(source: Path, db_path: Path, progress: archive.Progress | None = None,
                   closed: Callable[[], AbstractContextManager[object]] | None = None,
                   ) -> RestoreResult:
    """Replace the database at `db_path` with the backup `source` (a backup archive or a
    plain database copy). Raises UserError, with the database untouched, when `source`
    is not a usable backup or the database is in use by another program.

    `closed`: keeps this process's own connections (the window's) closed through the
    swap, which needs the file to itself (``Database.closed``)."""
    report = progress or (lambda _f: None)
    source = source.expanduser().absolute()
    if db_path.exists() and _same_file(source, db_path):
        raise UserError("要恢复的文件就是当前数据库本身，请选择一个备份文件：{source}", source=source)
    scratch = db_path.with_name(db_path.name + SCRATCH_SUFFIX)
    sweep_debris(db_path.parent)
    try:
        _prepare(source, scratch, lambda f: report(0.8 * f))
        counts = archive.file_counts(scratch)
        safety = _keep_current(db_path, lambda f: report(0.8 + 0.15 * f))
        with closed() if closed is not None else nullcontext():
            _swap(scratch, db_path)
    finally:
        scratch.unlink(missing_ok=True)
        for suffix in ("-journal", "-wal", "-shm"):
            Path(str(scratch) + suffix).unlink(missing_ok=True)
    report(1.0)
    return RestoreResult(source=source, safety=safety, counts=counts)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _prepare(source: Path, scratch: Path, report: archive.Progress) -> None:
    """The restored database, complete and checked, at `scratch`."""
    scratch.unlink(missing_ok=True)
    if not source.is_file():
        raise UserError("找不到备份文件：{source}", source=source)
    if _is_zip(source):
        archive.extract_database(source, scratch, lambda f: report(0.3 * f))
    else:
        _validate_plain(source)
        try:
            db_sqlite.backup_file(source, scratch)
        except sqlite3.Error as exc:
            raise UserError("备份文件已损坏，不能用来恢复：{path}（{problem}）", path=source, problem=str(exc)) from exc
    report(0.35)
    _finish(scratch, report)
    problems = quick_check(scratch)
    if problems:
        raise UserError("备份文件已损坏，不能用来恢复：{path}（{problem}）", path=source,
                        problem=problems[0])
    report(1.0)


def _is_zip(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def _validate_plain(path: Path) -> None:
    with path.open("rb") as fh:
        if fh.read(len(db_sqlite.SQLITE_HEADER)) != db_sqlite.SQLITE_HEADER:
            raise UserError("这个文件不是客户宝的备份：{path}", path=path)
    problems = quick_check(path)
    if problems:
        raise UserError("备份文件已损坏，不能用来恢复：{path}（{problem}）", path=path,
                        problem=problems[0])
    try:
        revision = db_sqlite.read_revision(path)
    except sqlite3.DatabaseError as exc:
        raise UserError("备份文件已损坏，不能用来恢复：{path}（{problem}）", path=path,
                        problem=str(exc)) from exc
    if revision is None:
        raise UserError("这个 SQLite 文件不是客户宝的备份：{path}", path=path)


def _finish(scratch: Path, report: archive.Progress) -> None:
    """Migrate an older backup and rebuild the search index, on the scratch file."""
    import kehubao.services  # noqa: F401  (session hooks)

    from ..db import open_database
    from ..services.maintenance import reindex

    try:
        db = open_database(str(scratch), backup_before_migration=False, check=False)
    except UserError as exc:
        raise UserError("这个备份不能恢复：{reason}", reason=str(exc)) from exc
    try:
        reindex(db, progress=lambda f: report(0.35 + 0.6 * f))
        with db.engine.connect() as conn:  # the file's lasting mode, as the app opens it
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.dispose()


def _keep_current(db_path: Path, report: archive.Progress) -> Path | None:
    """Back the current database up before it is replaced; a file too damaged to back
    up is kept aside as it is (with its journal), for whoever may still rescue it."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        entry: BackupEntry = make_backup(db_path, "before-restore", progress=report,
                                         rotate=False)
        return entry.path
    except UserError:
        aside = backup_dir(db_path) / (
            f"{db_path.stem}-damaged-{datetime.now():%Y%m%d-%H%M%S}{db_path.suffix}")
        aside.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, aside)
        for suffix in ("-wal", "-journal"):
            if (journal := Path(str(db_path) + suffix)).exists():
                shutil.copyfile(journal, Path(str(aside) + suffix))
        return aside


def _swap(scratch: Path, db_path: Path) -> None:
    """One rename puts the restored database in place. First the current file is made
    self-contained (its WAL folded in and removed), which SQLite allows only when no
    other connection has it open: a program still using it makes the restore refuse."""
    if db_path.exists():
        _release(db_path)
    archive.fsync(scratch)
    try:
        os.replace(scratch, db_path)
    except OSError as exc:
        raise UserError("数据库正被其他程序使用，无法恢复，原数据库未做改动：{path}（{problem}）",
                        path=db_path, problem=str(exc)) from exc
    archive.fsync_dir(db_path.parent)


def _release(db_path: Path) -> None:
    try:
        conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=2)
        try:
            mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if db_sqlite.is_busy(exc):
            raise UserError("数据库正被其他程序使用，请先关闭它再恢复：{path}", path=db_path) from exc
        mode = None  # too damaged to open: its journal is dropped below, it was kept aside
    except sqlite3.DatabaseError:
        mode = None  # too damaged to open: its journal is dropped below, it was kept aside
    if mode is not None and str(mode).lower() != "delete":
        raise UserError("数据库正被其他程序使用（例如打开着的客户宝窗口），请先关闭它再恢复：{path}",
                        path=db_path)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
