"""When a backup is made: the one owner of the rule, for the window and the CLI.

- at start, when the newest backup is older than a day (`due_at_start`);
- every 30 minutes while changes were made, and at exit after changes (the window's
  schedule, ui/backups/schedule.py, applies `PERIOD`);
- always before a migration (db.py), a restore (restore.py), and before an import, a
  merge, a bulk delete or an erase (`before_change`) — unless a backup was made in the
  last `THROTTLE`, so that merging ten duplicates in a row does not copy the database
  ten times: what could be lost is then at most two minutes of work, which undo covers.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path

from . import archive
from .store import BackupEntry, last_backup_time, make_backup

log = logging.getLogger(__name__)

BACKING_UP = "正在备份数据库…"  # the progress step a backup before a change shows (a label)
PERIOD = timedelta(minutes=30)
START_AGE = timedelta(days=1)
THROTTLE = timedelta(minutes=2)


def due_at_start(db_path: Path | None) -> bool:
    if db_path is None or not db_path.is_file():
        return False
    last = last_backup_time(db_path)
    return last is None or datetime.now() - last > START_AGE


def before_change(db_path: Path | None, reason: str,
                  progress: archive.Progress | None = None) -> BackupEntry | None:
    """The backup made before a risky change; None when not needed (a server database,
    a new empty file, or a backup younger than `THROTTLE`)."""
    if db_path is None or not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    last = last_backup_time(db_path)
    if last is not None and datetime.now() - last < THROTTLE:
        return None
    log.info("backing up %s (%s)", db_path, reason)
    return make_backup(db_path, reason, progress=progress)
