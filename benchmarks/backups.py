"""Backup, start-up check and restore on the 200k demo database, against the floor.

Prints JSON: a plain file copy of the database (the floor a backup compares with: target
≤ 3× its time, ≤ 40 % of its size), the verified compressed backup, the start-up check
(bounded on a file this size; target ≤ 300 ms) next to SQLite's full quick_check, and a
restore (inflate, indexes, search index rebuilt, check, swap).

    python benchmarks/backups.py [--db PATH]
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

from common import demo_database, emit, parser

import kehubao.services  # noqa: F401
from kehubao.backups import integrity
from kehubao.backups.restore import restore_backup
from kehubao.backups.store import make_backup


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return result, round(time.perf_counter() - started, 3)


def warm_cache(path: Path) -> None:
    """Read the file once so every measurement starts from the same (warm) page cache."""
    with path.open("rb") as fh:
        while fh.read(16 << 20):
            pass


def main() -> None:
    args = parser(__doc__.splitlines()[0]).parse_args()
    source = demo_database(args.db, args.customers)
    work = Path(tempfile.mkdtemp(prefix="kehubao-backup-bench-"))
    try:
        db = work / "kehubao.db"
        shutil.copyfile(source, db)
        for suffix in ("-wal",):
            if Path(str(source) + suffix).exists():
                shutil.copyfile(str(source) + suffix, str(db) + suffix)
        from kehubao.db import open_database  # migrate an older demo file first

        open_database(str(db), check=False).dispose()
        size = db.stat().st_size
        warm_cache(db)
        _, copy_s = timed(lambda: shutil.copyfile(db, work / "plain-copy.db"))
        os.remove(work / "plain-copy.db")
        entry, backup_s = timed(lambda: make_backup(db, "manual"))
        start, start_s = timed(lambda: integrity.start_check(db, had_data=True))
        full, full_s = timed(lambda: integrity.full_check(db))
        result, restore_s = timed(lambda: restore_backup(entry.path, db))
        emit({
            "database_bytes": size,
            "customers": entry.counts.get("customer"),
            "file_copy_s": copy_s,
            "backup_s": backup_s,
            "backup_vs_copy_time": round(backup_s / copy_s, 2) if copy_s else None,
            "backup_bytes": entry.size,
            "backup_vs_database_size": round(entry.size / size, 3),
            "start_check_s": start_s,
            "start_check_scope": start.scope,
            "start_check_ok": start.ok,
            "full_quick_check_s": full_s,
            "restore_s": restore_s,
            "restored_customers": result.counts.get("customer"),
        })
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
