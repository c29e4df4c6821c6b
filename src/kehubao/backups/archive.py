"""The backup file: a zip holding a compact copy of the database and a manifest.

Why this shape:
- **Compressed**: the 200k-customer demo database is about 1.1 GB; thirty plain copies
  would fill a laptop. Deflate at level 1 brings the data to under a tenth of the file.
- **Without the search index or the secondary indexes**: they are half the database and
  can be rebuilt from the data. Leaving them out makes a backup several times faster and
  smaller; a restore rebuilds them (the index SQL travels in the manifest), which is the
  rare and slower path. Measured figures are in benchmarks/backups.py's output.
- **A zip**: any computer can open it (Windows Explorer included) to get the database
  back by hand, and the manifest is read without inflating the database.
- **Written under a temporary name** and renamed only once complete and verified, so a
  killed backup never leaves a file that looks good (its debris is swept later).

Only the standard library and `db_sqlite` are used: `db.py` makes the backup before a
migration through this module, below the services layer.
"""

from __future__ import annotations

import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..db_sqlite import file_uri
from ..errors import UserError
from .integrity import quick_check

MANIFEST = "manifest.json"
DATABASE_ENTRY = "kehubao.db"
ARCHIVE_SUFFIX = ".zip"
PARTIAL_SUFFIX = ".partial"
FORMAT = 1
COMPRESS_LEVEL = 1  # deflate level 1: ~4× smaller than the data, fast enough to run often

# Rebuildable from the data: not copied, rebuilt by a restore.
SEARCH_TABLE_PREFIX = "search_"
# Counts shown in the list of backups.
COUNTED = {"customer": "customer", "contact": "contact"}

Progress = Callable[[float], None]


@dataclass(frozen=True)
class Manifest:
    """What a backup says about itself (read without inflating the database)."""

    created_at: datetime
    reason: str
    revision: str | None
    counts: dict[str, int]
    data_bytes: int
    index_sql: tuple[str, ...]
    app_version: str
    verified: bool

    def to_json(self) -> dict:
        return {"format": FORMAT, "created_at": self.created_at.isoformat(timespec="seconds"),
                "reason": self.reason, "revision": self.revision, "counts": self.counts,
                "data_bytes": self.data_bytes, "index_sql": list(self.index_sql),
                "app_version": self.app_version, "verified": self.verified,
                "search_index": "rebuilt on restore"}

    @classmethod
    def from_json(cls, data: dict) -> Manifest:
        return cls(created_at=datetime.fromisoformat(data["created_at"]),
                   reason=str(data.get("reason", "")), revision=data.get("revision"),
                   counts={k: int(v) for k, v in (data.get("counts") or {}).items()},
                   data_bytes=int(data.get("data_bytes", 0)),
                   index_sql=tuple(data.get("index_sql") or ()),
                   app_version=str(data.get("app_version", "")),
                   verified=bool(data.get("verified", False)))


def write_backup(source: Path, target: Path, *, reason: str, app_version: str,
                 progress: Progress | None = None) -> Manifest:
    """Copy the database at `source` into the zip `target`, verified, atomically.

    The data is copied table by table inside one read transaction (a consistent
    snapshot that never blocks the window's writes), checked with `PRAGMA quick_check`,
    deflated into `target + .partial`, its directory read back, flushed to disk and only
    then renamed to `target`. Raises UserError when the database cannot be
    read (damaged: it must never be backed up as good)."""
    report = progress or (lambda _f: None)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy = target.with_name(target.name + ".db" + PARTIAL_SUFFIX)
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        revision, counts, index_sql = _copy_data(source, copy)
        report(0.35)
        manifest = Manifest(created_at=datetime.now().replace(microsecond=0), reason=reason,
                            revision=revision, counts=counts, data_bytes=copy.stat().st_size,
                            index_sql=tuple(index_sql), app_version=app_version, verified=True)
        # The check of the copy and its compression both run outside the GIL: side by side
        # they take the time of the longer one. The archive counts only if the check passed.
        with ThreadPoolExecutor(max_workers=1) as pool:
            checking = pool.submit(quick_check, copy)
            _deflate(copy, partial, manifest, lambda f: report(0.35 + 0.55 * f))
            problems = checking.result()
        if problems:
            raise UserError("数据库已损坏，不能备份：{path}（{problem}）", path=source,
                            problem=problems[0])
        _verify_zip(partial, manifest.data_bytes)
        copy.unlink()
        report(0.95)
        fsync(partial)
        os.replace(partial, target)
        fsync_dir(target.parent)
    except sqlite3.DatabaseError as exc:
        raise UserError("数据库已损坏或无法读取，不能备份：{path}（{problem}）", path=source,
                        problem=str(exc)) from exc
    except OSError as exc:
        raise UserError("无法写入备份 {path}：{problem}", path=target, problem=str(exc)) from exc
    finally:
        copy.unlink(missing_ok=True)
        partial.unlink(missing_ok=True)
    report(1.0)
    return manifest


def _copy_data(source: Path, copy: Path) -> tuple[str | None, dict[str, int], list[str]]:
    """The tables' rows (not the search index, not secondary indexes) into a new file.

    The source is attached read-only, so a backup can never change the database."""
    copy.unlink(missing_ok=True)
    conn = sqlite3.connect(file_uri(copy), uri=True, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: no journal needed
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("ATTACH DATABASE ? AS src", (file_uri(source, "ro"),))
        conn.execute("BEGIN")  # one snapshot for every table and count
        schema = conn.execute(
            "SELECT type, name, tbl_name, sql FROM src.sqlite_master WHERE sql IS NOT NULL"
        ).fetchall()
        index_sql = []
        for kind, name, table, sql in schema:
            if name.startswith("sqlite_"):
                continue
            if kind == "table" and (not table.startswith(SEARCH_TABLE_PREFIX)
                                    or name == "search_doc"):
                conn.execute(sql)
                if name != "search_doc":  # the index's own table travels empty
                    conn.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
            elif kind != "table" and not table.startswith(SEARCH_TABLE_PREFIX):
                index_sql.append(sql)  # index, trigger, view: recreated by a restore
            elif kind == "index" and table == "search_doc":
                index_sql.append(sql)
        tables = {name for kind, name, _t, _s in schema if kind == "table"}
        if "sqlite_sequence" in tables:  # AUTOINCREMENT counters, if a table has them
            conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM src.sqlite_sequence")
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM src.alembic_version").fetchone()
            revision = row[0] if row else None
        counts = live_counts(conn, "src")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    finally:
        conn.close()
    return revision, counts, index_sql


def live_counts(conn: sqlite3.Connection, schema: str = "main") -> dict[str, int]:
    """Live customers and contacts (not in the recycle bin) of the database attached as
    `schema`: the counts a list of backups shows."""
    counts = {}
    for key, table in COUNTED.items():
        columns = {row[1] for row in conn.execute(f'PRAGMA {schema}.table_info("{table}")')}
        if columns:
            where = " WHERE deleted_at IS NULL" if "deleted_at" in columns else ""
            counts[key] = int(conn.execute(
                f'SELECT count(*) FROM {schema}."{table}"{where}').fetchone()[0])
    return counts


def file_counts(path: Path) -> dict[str, int]:
    """`live_counts` of a database file, read-only; {} when it cannot be read."""
    try:
        conn = sqlite3.connect(file_uri(path, "ro"), uri=True)
        try:
            return live_counts(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return {}


def _deflate(copy: Path, partial: Path, manifest: Manifest, progress: Progress) -> None:
    total = max(copy.stat().st_size, 1)
    done = 0
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED,
                         compresslevel=COMPRESS_LEVEL, allowZip64=True) as zf:
        zf.writestr(MANIFEST, json.dumps(manifest.to_json(), ensure_ascii=False, indent=1))
        with copy.open("rb") as src, zf.open(DATABASE_ENTRY, "w", force_zip64=True) as dst:
            while chunk := src.read(4 << 20):
                dst.write(chunk)
                done += len(chunk)
                progress(done / total)


def _verify_zip(path: Path, data_bytes: int) -> None:
    """The written archive reads back: its directory, the manifest, and a database entry
    of the checked copy's size. (Inflating it all again would read the page cache, not
    the disk, so it would prove little for its cost; every byte's checksum is verified
    when a restore inflates it, before anything is replaced.)"""
    try:
        with zipfile.ZipFile(path) as zf:
            json.loads(zf.read(MANIFEST).decode("utf-8"))
            if zf.getinfo(DATABASE_ENTRY).file_size != data_bytes:
                raise UserError("备份写入后校验失败（大小不符）：{path}", path=path)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UserError("备份写入后校验失败：{path}（{problem}）", path=path, problem=str(exc)) from exc


def read_manifest(path: Path) -> Manifest:
    """The manifest of a backup archive; UserError if it is not one."""
    try:
        with zipfile.ZipFile(path) as zf:
            data = json.loads(zf.read(MANIFEST).decode("utf-8"))
            if DATABASE_ENTRY not in zf.namelist():
                raise KeyError(DATABASE_ENTRY)
        return Manifest.from_json(data)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise UserError("这个文件不是客户宝的备份，或已损坏：{path}", path=path) from exc


def extract_database(path: Path, target: Path, progress: Progress | None = None) -> Manifest:
    """Inflate the database of archive `path` into `target` (a scratch file) and put
    back the secondary indexes; the search index is left for the caller to rebuild."""
    manifest = read_manifest(path)
    report = progress or (lambda _f: None)
    try:
        with zipfile.ZipFile(path) as zf, zf.open(DATABASE_ENTRY) as src, target.open("wb") as dst:
            total = max(zf.getinfo(DATABASE_ENTRY).file_size, 1)
            done = 0
            while chunk := src.read(4 << 20):
                dst.write(chunk)
                done += len(chunk)
                report(0.5 * done / total)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:  # CRC mismatch included
        raise UserError("备份文件已损坏，不能用来恢复：{path}（{problem}）", path=path,
                        problem=str(exc)) from exc
    conn = sqlite3.connect(str(target), isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("BEGIN")
        for n, sql in enumerate(manifest.index_sql):
            conn.execute(sql)
            report(0.5 + 0.5 * (n + 1) / max(len(manifest.index_sql), 1))
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise UserError("备份文件已损坏，不能用来恢复：{path}（{problem}）", path=path,
                        problem=str(exc)) from exc
    finally:
        conn.close()
    return manifest


def fsync(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to flush."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
