"""Is the database file whole? A check cheap enough for every start, and what damage is.

SQLite's `quick_check` reads every page: about 1 s on the 1.1 GB demo database, too
slow for every start of the window and of each CLI command. So the start-up check is
bounded: the whole `quick_check` on files up to `FULL_CHECK_BYTES`, and on larger ones
the header, the schema, the small tables and the right edge of the big ones (which
catches a cut-off file, a zeroed header and a broken schema), with the full check left
to the window's background task and to `kehubao check`.
"""

from __future__ import annotations

import sqlite3
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import db_sqlite
from ..errors import DatabaseLocationError
from ..texts import Text

FULL_CHECK_BYTES = 64 * 1024 * 1024
HEADER_BYTES = 100
# Tables small enough to check whole on any database (the app's settings and catalogues).
SMALL_TABLES = ("alembic_version", "setting", "sales_rep", "tag", "evaluation_template",
                "indicator", "objection_category", "objection_script", "script_reply")


class DatabaseDamagedError(DatabaseLocationError):
    """The database file is damaged: it is never opened for writing. `problems` lists
    what was found; the message says what to do (restore the newest good backup)."""

    def __init__(self, message: str, path: Path, problems: list[str]) -> None:
        super().__init__(message)
        self.path = path
        self.problems = problems


@dataclass
class Health:
    """What a check found: `problems` empty means whole (as far as `scope` looked)."""

    problems: list[str] = field(default_factory=list)
    scope: str = "full"  # "full" or "bounded"
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems


def start_check(path: Path, *, had_data: bool) -> Health:
    """The check run before a database is opened. `had_data`: a database with data was
    known to be here (backups of it exist), so a 0-byte file is damage, not a new one."""
    started = time.perf_counter()
    health = Health(problems=file_problems(path, had_data=had_data))
    size = path.stat().st_size if path.exists() else 0
    if not health.problems and size:
        if size <= FULL_CHECK_BYTES:
            health.problems += quick_check(path)
        else:
            health.scope = "bounded"
            health.problems += _bounded(path)
    health.seconds = time.perf_counter() - started
    return health


def file_problems(path: Path, *, had_data: bool) -> list[str]:
    """What is wrong with the file as a whole, without reading its pages: emptied where a
    database was, a header gone, a length that cannot be."""
    size = path.stat().st_size if path.exists() else 0
    if size == 0:
        return [Text("数据库文件是空的（0 字节），原来的数据不在了")] if had_data and path.exists() else []
    return _header_problems(path, size)


def full_check(path: Path) -> Health:
    """The whole `quick_check` (every page), for the background task and `check`."""
    started = time.perf_counter()
    health = Health(problems=quick_check(path))
    health.seconds = time.perf_counter() - started
    return health


def quick_check(path: Path) -> list[str]:
    """SQLite's structural check of every page of a file, read-only; [] when healthy."""
    return _run(path, "PRAGMA quick_check")


def _header_problems(path: Path, size: int) -> list[str]:
    """The 100-byte header SQLite starts every database with, and the file's length."""
    with path.open("rb") as fh:
        header = fh.read(HEADER_BYTES)
    if len(header) < HEADER_BYTES:
        return [Text("数据库文件不完整（比文件头还短）")]
    if header[:16] != db_sqlite.SQLITE_HEADER:
        if header.count(0) == len(header):
            return [Text("数据库文件头被清零")]
        return [Text("数据库文件头已损坏")]
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return [Text("数据库文件头已损坏（页大小无效）")]
    change_counter, pages = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if size % page_size:
        return [Text("数据库文件长度不对（{size} 字节不是整页），文件可能被截断", size=size)]
    if valid_for == change_counter and pages and size < pages * page_size:
        return [Text("数据库文件被截断（应有 {expected} 字节，只有 {size} 字节）",
                     expected=f"{pages * page_size:,}", size=f"{size:,}")]
    return []


def _bounded(path: Path) -> list[str]:
    problems = _run(path, "SELECT count(*) FROM sqlite_master")
    if problems:
        return problems
    tables = {row[0] for row in _rows(path, "SELECT name FROM sqlite_master WHERE type='table'")}
    for table in SMALL_TABLES:
        if table in tables:
            problems += _run(path, f"PRAGMA quick_check({table})")
    for table in ("customer", "contact", "interaction"):
        if table in tables:  # walks the right edge of the table's b-tree
            problems += _run(path, f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1")
    return problems


def _run(path: Path, sql: str) -> list[str]:
    try:
        return [str(r[0]) for r in _rows(path, sql)
                if sql.startswith("PRAGMA") and r and r[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def _rows(path: Path, sql: str) -> list[tuple]:
    """Read-only, unless a killed writer's journal must first be rolled back (which is
    what any SQLite program does on opening such a file: not damage)."""
    try:
        return _query(db_sqlite.file_uri(path, "ro"), sql)
    except sqlite3.OperationalError as exc:
        if not db_sqlite.needs_recovery(exc):
            raise
    return _query(db_sqlite.file_uri(path, "rw"), sql)


def _query(uri: str, sql: str) -> list[tuple]:
    conn = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def damage_message(path: Path, problems: list[str], newest_backup: str | None) -> Text:
    """One paragraph for the user: what is wrong, that nothing was written, what to do."""
    if newest_backup:
        return Text("数据库文件已损坏：{path}（{summary}）。为保护数据，客户宝没有写入任何内容。"
                    "运行 kehubao check 可查看详情；最新的完好备份：{backup}，"
                    "可用 kehubao restore 恢复它。",
                    path=path, summary=summary(problems), backup=newest_backup)
    return Text("数据库文件已损坏：{path}（{summary}）。为保护数据，客户宝没有写入任何内容。"
                "运行 kehubao check 可查看详情。没有找到可以 restore 的备份；"
                "请先复制这个文件留底，再交给技术人员抢救。",
                path=path, summary=summary(problems))


def summary(problems: list[str]) -> str:
    """SQLite's findings in one short line: our own sentences (a ``Text``, or Chinese)
    as they are, its English page-by-page report as a count."""
    if problems and isinstance(problems[0], Text):
        return problems[0]
    lines = [line.strip() for p in problems for line in p.splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("***")]
    if not lines:
        return Text("数据库文件已损坏")
    first = lines[0]
    if any("\u4e00" <= ch <= "\u9fff" for ch in first):
        return first
    if len(lines) == 1 and "malformed" in first:
        return Text("数据页已损坏（SQLite：{report}）", report=first)
    return Text("SQLite 发现 {count} 处损坏，例如：{report}", count=len(lines), report=first[:80])
