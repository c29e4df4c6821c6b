"""The backups of one database: where they live, making one, listing, rotating, sweeping.

Backups of `…/kehubao.db` live in `…/backups/` beside it, named
`kehubao-YYYYmmdd-HHMMSS-REASON.zip`. Plain `.db` copies left there by older releases
(before a migration, before a restore) are listed and rotated too.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from .. import __version__
from ..errors import UserError
from . import archive
from .rotation import Dated, backups_to_keep

# Why a backup was made: the code in its file name, and the words the CLI and the list
# show (translated by the UI as labels).
REASON_LABELS = {
    "auto": "定时", "start": "启动时", "exit": "退出时", "manual": "手动",
    "before-import": "导入前", "before-merge": "合并前", "before-bulk-delete": "批量删除前",
    "before-restore": "恢复前", "before-migration": "升级前", "before-erase": "彻底删除前",
}
REASONS = tuple(REASON_LABELS)
DEBRIS_AGE = timedelta(minutes=10)  # a partial file this old belongs to a killed backup
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?-(?P<reason>[a-z0-9-]+)\.zip$")
_LEGACY = re.compile(r"^(?P<stem>.+?)-(?P<reason>before-[0-9a-z]+|before-restore|manual)"
                     r"-(?P<stamp>\d{8}-\d{6})\.db$")


@dataclass(frozen=True)
class BackupEntry:
    """One backup as the list shows it."""

    path: Path
    created_at: datetime
    reason: str
    size: int
    counts: dict[str, int]
    verified: bool
    revision: str | None

    def to_json(self) -> dict:
        return {"file": str(self.path), "created_at": self.created_at.isoformat(timespec="seconds"),
                "reason": self.reason, "size_bytes": self.size, "counts": self.counts,
                "verified": self.verified, "revision": self.revision}


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def make_backup(db_path: Path, reason: str, *, progress: archive.Progress | None = None,
                rotate: bool = True) -> BackupEntry:
    """A verified, compressed backup of the database at `db_path`, then rotation."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    if not db_path.is_file() or db_path.stat().st_size == 0:
        raise UserError("没有可备份的数据库：{path}", path=db_path)
    folder = backup_dir(db_path)
    sweep_debris(folder)
    target = _free_name(folder, db_path.stem, reason)
    manifest = archive.write_backup(db_path, target, reason=reason, app_version=__version__,
                                    progress=progress)
    entry = BackupEntry(path=target, created_at=manifest.created_at, reason=reason,
                        size=target.stat().st_size, counts=manifest.counts,
                        verified=manifest.verified, revision=manifest.revision)
    if rotate:
        rotate_backups(db_path)
    return entry


def _free_name(folder: Path, stem: str, reason: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stem}-{stamp}-{reason}.zip"
    n = 2
    while target.exists():
        target = folder / f"{stem}-{stamp}-{n}-{reason}.zip"
        n += 1
    return target


def list_backups(db_path: Path) -> list[BackupEntry]:
    """The backups of this database, newest first. A file that is not a readable backup
    is listed as unverified rather than hidden, so the user sees everything we keep."""
    entries = [_entry(path, when, reason) for path, when, reason in _named(db_path)]
    return sorted(entries, key=lambda e: (e.created_at, e.path.name), reverse=True)


def _named(db_path: Path) -> list[tuple[Path, datetime, str]]:
    """(file, time, reason) of this database's backups, from their names alone: cheap
    enough for every start (nothing is opened)."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        if (m := _NAME.match(path.name)) and m["stem"] == db_path.stem:
            found.append((path, _stamp(m["stamp"]), m["reason"]))
        elif (m := _LEGACY.match(path.name)) and m["stem"] == db_path.stem:
            reason = m["reason"] if m["reason"] in ("manual", "before-restore") else "before-migration"
            found.append((path, _stamp(m["stamp"]), reason))
    return found


def _entry(path: Path, when: datetime, reason: str) -> BackupEntry:
    """The list's row: an archive's manifest, or a plain copy's counts read from it."""
    size = path.stat().st_size
    if path.suffix != archive.ARCHIVE_SUFFIX:
        return BackupEntry(path, when, reason, size, archive.file_counts(path), False, None)
    try:
        manifest = archive.read_manifest(path)
    except UserError:
        return BackupEntry(path, when, reason, size, {}, False, None)
    return BackupEntry(path, manifest.created_at, manifest.reason, size, manifest.counts,
                       manifest.verified, manifest.revision)


def _stamp(text: str) -> datetime:
    return datetime.strptime(text, "%Y%m%d-%H%M%S")


def rotate_backups(db_path: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups the rotation rule does not keep; returns what was deleted."""
    entries = list_backups(db_path)
    keep = backups_to_keep([Dated(str(e.path), e.created_at, e.reason) for e in entries],
                           now or datetime.now())
    removed = []
    for entry in entries:
        if str(entry.path) not in keep:
            try:
                entry.path.unlink()
                removed.append(entry.path)
            except OSError:
                pass  # in use (being restored from, open in Explorer): next time
    return removed


def total_size(db_path: Path) -> int:
    return sum(e.size for e in list_backups(db_path))


def newest_good_backup(db_path: Path) -> BackupEntry | None:
    """The newest backup a restore would accept (verified archives first choice)."""
    for entry in list_backups(db_path):
        if entry.verified or (entry.path.suffix == ".db" and entry.counts):
            return entry
    return None


def has_backups(db_path: Path) -> bool:
    """Whether any backup of this database exists (by name only: runs at every start)."""
    return bool(_named(db_path))


def last_backup_time(db_path: Path) -> datetime | None:
    """When the newest backup was made, by name only (the window asks on its thread)."""
    return max((when for _path, when, _reason in _named(db_path)), default=None)


def sweep_debris(folder: Path, min_age: timedelta = DEBRIS_AGE) -> list[Path]:
    """Remove what killed backups and restores left (`*.partial`), once old enough that
    no running backup can still be writing it."""
    if not folder.is_dir():
        return []
    removed = []
    cutoff = time.time() - min_age.total_seconds()
    for path in folder.iterdir():
        if path.name.endswith((archive.PARTIAL_SUFFIX, archive.PARTIAL_SUFFIX + "-journal")):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path)
            except OSError:
                pass
    return removed


def size_text(n: float) -> str:
    """A file size as people read it: 812 KB, 91.3 MB."""
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"
