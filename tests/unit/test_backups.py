"""Backups: the archive is verified and atomic, rotation keeps what it says, a restore is
all or nothing, and a damaged database is never written to nor backed up as good."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kehubao.backups import archive, integrity, rotation, store
from kehubao.backups.restore import restore_backup
from kehubao.db import Database, open_database
from kehubao.errors import UserError
from kehubao.services.search import search


def _customers(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, name, phone FROM customer ORDER BY id").fetchall()
    finally:
        conn.close()


def _rename_first_customer(path: Path, name: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE customer SET name = ? WHERE id = (SELECT min(id) FROM customer)",
                     (name,))
    finally:
        conn.close()


# --- making a backup ----------------------------------------------------------------------

def test_backup_is_a_verified_compressed_zip_without_the_search_index(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    entry = store.make_backup(path, "manual")
    assert entry.verified and entry.counts["customer"] == 300
    assert entry.path.name.endswith("-manual.zip")
    assert entry.size < 0.4 * path.stat().st_size
    with zipfile.ZipFile(entry.path) as zf:
        assert zf.testzip() is None
        assert set(zf.namelist()) == {archive.MANIFEST, archive.DATABASE_ENTRY}
    manifest = archive.read_manifest(entry.path)
    assert manifest.index_sql and manifest.revision == demo_db.schema_revision()
    assert [e.path for e in store.list_backups(path)] == [entry.path]
    assert not list(entry.path.parent.glob("*.partial"))


def test_backup_never_changes_the_database(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    demo_db.dispose()
    before = path.read_bytes()
    store.make_backup(path, "manual")
    assert path.read_bytes() == before


def test_a_damaged_database_is_not_backed_up(demo_db: Database, damage_middle) -> None:
    path = demo_db.path
    assert path is not None
    demo_db.dispose()
    damage_middle(path)
    with pytest.raises(UserError, match="损坏"):
        store.make_backup(path, "manual")
    assert not store.list_backups(path)
    assert not list(store.backup_dir(path).glob("*.partial"))


def test_a_failed_backup_leaves_no_file_that_looks_good(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    path = demo_db.path
    assert path is not None

    def broken(_path: Path, _size: int) -> None:
        raise UserError("校验失败")

    monkeypatch.setattr(archive, "_verify_zip", broken)
    with pytest.raises(UserError):
        store.make_backup(path, "manual")
    assert list(store.backup_dir(path).iterdir()) == []


def _kill_during(args: list[str], path_watch: Path, pattern: str, *, env: dict) -> int:
    """Start `kehubao ARGS`, SIGKILL it as soon as a file matching `pattern` appears in
    `path_watch` (the work is under way), and return how long it had run (ms)."""
    proc = subprocess.Popen([sys.executable, "-m", "kehubao", *args], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    try:
        while proc.poll() is None and time.monotonic() - started < 60:
            if path_watch.is_dir() and any(path_watch.glob(pattern)):
                break
            time.sleep(0.002)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    return int((time.monotonic() - started) * 1000)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_backup_leaves_only_debris_that_is_swept(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    demo_db.dispose()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    _kill_during(["--db", str(path), "backup"], store.backup_dir(path), "*.partial", env=env)
    folder = store.backup_dir(path)
    # Whatever the kill left, nothing in the folder passes for a backup…
    assert all(e.verified is False or zipfile.ZipFile(e.path).testzip() is None
               for e in store.list_backups(path))
    # …and the sweep removes the partial files once they are old enough.
    for leftover in folder.glob("*.partial*"):
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    store.sweep_debris(folder)
    assert not list(folder.glob("*.partial*"))
    assert integrity.full_check(path).ok


# --- rotation -----------------------------------------------------------------------------

def _dated(days_ago: float, reason: str = "auto", now: datetime | None = None) -> rotation.Dated:
    now = now or datetime(2026, 11, 28, 12, 0)
    when = now - timedelta(days=days_ago)
    return rotation.Dated(f"{when:%Y%m%d-%H%M%S}-{reason}", when, reason)


def test_rotation_keeps_recent_daily_weekly_monthly() -> None:
    now = datetime(2026, 11, 28, 12, 0)
    backups = [_dated(h / 48, now=now) for h in range(0, 48 * 400, 12)]  # 4 a day, 400 days
    kept = rotation.backups_to_keep(backups, now)
    newest_first = sorted(backups, key=lambda b: b.created_at, reverse=True)
    assert {b.key for b in newest_first[:rotation.RECENT]} <= kept
    kept_dates = sorted({b.created_at.date() for b in backups if b.key in kept}, reverse=True)
    assert kept_dates[:rotation.DAILY] == [(now - timedelta(days=d)).date() for d in range(12)]
    months = {(b.created_at.year, b.created_at.month) for b in backups if b.key in kept}
    assert len(months) == rotation.MONTHLY
    assert len(kept) <= rotation.RECENT + rotation.DAILY + rotation.WEEKLY + rotation.MONTHLY
    # one per day, not four
    assert sum(b.created_at.date() == (now - timedelta(days=5)).date() and b.key in kept
               for b in backups) == 1


def test_rotation_keeps_before_action_backups_for_a_week_only() -> None:
    now = datetime(2026, 11, 28, 12, 0)
    regular = [_dated(d, now=now) for d in range(10)]
    fresh = _dated(2.5, "before-import", now)
    stale = _dated(8.5, "before-merge", now)
    kept = rotation.backups_to_keep([*regular, fresh, stale], now)
    assert fresh.key in kept and stale.key not in kept


def test_rotate_backups_deletes_files_the_rule_drops(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    path = demo_db.path
    assert path is not None
    before_import = store.make_backup(path, "before-import", rotate=False)
    regular = store.make_backup(path, "auto", rotate=False)
    monkeypatch.setattr(rotation, "RECENT", 0)
    removed = store.rotate_backups(path, now=datetime.now() + timedelta(days=8))
    assert removed == [before_import.path]  # past its week; the day's regular one stays
    assert [e.path for e in store.list_backups(path)] == [regular.path]
    assert store.total_size(path) == regular.size


# --- restore ------------------------------------------------------------------------------

def test_restore_brings_the_data_back_and_keeps_the_current_state(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    backup = store.make_backup(path, "manual")
    original = _customers(path)
    demo_db.dispose()
    _rename_first_customer(path, "改错了的名字")
    result = restore_backup(backup.path, path)
    assert _customers(path) == original
    assert result.safety is not None and result.counts["customer"] == 300
    reopened = open_database(str(path))
    try:
        with reopened.session(write=False) as session:  # the search index was rebuilt
            assert search(session, original[0][1]).hits
    finally:
        reopened.dispose()
    assert integrity.full_check(path).ok
    # the state before the restore is itself a backup that restores
    restore_backup(result.safety, path)
    assert _customers(path)[0][1] == "改错了的名字"


def test_restore_refuses_a_damaged_backup_and_leaves_the_database(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    backup = store.make_backup(path, "manual")
    demo_db.dispose()
    data = bytearray(backup.path.read_bytes())
    data[len(data) // 2:len(data) // 2 + 4000] = b"\x00" * 4000
    backup.path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(UserError, match="损坏"):
        restore_backup(backup.path, path)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.partial*"))


def test_restore_refuses_while_another_connection_uses_the_database(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    backup = store.make_backup(path, "manual")
    with demo_db.session(write=False) as session:  # the window's reader
        session.connection()
        with pytest.raises(UserError, match="正被其他程序使用"):
            restore_backup(backup.path, path)
    assert integrity.full_check(path).ok


def test_reads_during_a_restore_see_the_restored_file_afterwards(demo_db: Database) -> None:
    """The window keeps reading while it restores: a read that starts during the swap
    waits and then opens the new file; no connection to the old file survives it (a
    write through one would go to a deleted file)."""
    import threading

    from sqlalchemy import text

    path = demo_db.path
    assert path is not None
    backup = store.make_backup(path, "manual")
    with demo_db.session() as session:
        session.execute(text("UPDATE customer SET deleted_at = CURRENT_TIMESTAMP WHERE id <= 10"))
    count = text("SELECT count(*) FROM customer WHERE deleted_at IS NULL")
    stop = threading.Event()

    def keep_reading() -> None:
        while not stop.is_set():
            with demo_db.session(write=False) as session:
                session.scalar(count)

    readers = [threading.Thread(target=keep_reading) for _ in range(3)]
    for reader in readers:
        reader.start()
    try:
        restore_backup(backup.path, path, closed=demo_db.closed)
    finally:
        stop.set()
        for reader in readers:
            reader.join()
    for _ in range(5):  # every pooled connection sees the restored data
        with demo_db.session(write=False) as session:
            assert session.scalar(count) == 300


def test_closed_database_makes_sessions_wait_and_refuses_while_one_stays_open(
        demo_db: Database) -> None:
    import threading

    opened = threading.Event()

    def read() -> None:
        with demo_db.session(write=False):
            opened.set()

    with demo_db.closed():
        with demo_db.session(write=False):  # the swapping thread itself may read
            pass
        reader = threading.Thread(target=read)
        reader.start()
        assert not opened.wait(0.3)  # waits for the swap
    assert opened.wait(5)
    reader.join()
    with demo_db.session(write=False), pytest.raises(UserError, match="正忙"):
        with demo_db.closed(timeout=0.2):
            pass


def test_restore_replaces_a_damaged_database_and_keeps_the_damaged_file_aside(
        demo_db: Database, damage_middle) -> None:
    path = demo_db.path
    assert path is not None
    backup = store.make_backup(path, "manual")
    original = _customers(path)
    demo_db.dispose()
    damage_middle(path)
    result = restore_backup(backup.path, path)
    assert _customers(path) == original
    assert result.safety is not None and "damaged" in result.safety.name


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_killed_restore_leaves_the_old_or_the_new_database(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    backup = store.make_backup(path, "manual")
    original = _customers(path)
    demo_db.dispose()
    _rename_first_customer(path, "恢复前的名字")
    changed = _customers(path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    _kill_during(["--db", str(path), "restore", str(backup.path)], path.parent,
                 "*.restoring.partial", env=env)
    assert integrity.full_check(path).ok
    assert _customers(path) in (original, changed)


# --- damage -------------------------------------------------------------------------------

def test_an_empty_file_where_a_database_was_is_damage(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    store.make_backup(path, "manual")
    demo_db.dispose()
    path.write_bytes(b"")
    Path(f"{path}-wal").unlink(missing_ok=True)
    with pytest.raises(integrity.DatabaseDamagedError, match="0 字节") as raised:
        open_database(str(path))
    assert "kehubao restore" in str(raised.value)
    assert path.stat().st_size == 0  # nothing was written into it


def test_an_empty_file_without_backups_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    path.write_bytes(b"")
    open_database(str(path)).dispose()
    assert path.stat().st_size > 0


def test_damage_in_the_middle_refuses_to_open_and_names_the_newest_backup(
        demo_db: Database, damage_middle) -> None:
    path = demo_db.path
    assert path is not None
    good = store.make_backup(path, "manual")
    demo_db.dispose()
    damage_middle(path)
    before = path.read_bytes()
    with pytest.raises(integrity.DatabaseDamagedError) as raised:
        open_database(str(path))
    assert str(good.path) in str(raised.value)
    assert path.read_bytes() == before
    assert store.newest_good_backup(path) == store.list_backups(path)[0]


def test_a_zeroed_header_is_damage_not_another_programs_file(demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    demo_db.dispose()
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))
    with pytest.raises(integrity.DatabaseDamagedError, match="文件头"):
        open_database(str(path))


def test_the_start_check_is_bounded_on_large_files(demo_db: Database,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = demo_db.path
    assert path is not None
    monkeypatch.setattr(integrity, "FULL_CHECK_BYTES", 1024)
    health = integrity.start_check(path, had_data=True)
    assert health.ok and health.scope == "bounded"
    # a cut-off file is found without reading every page
    demo_db.dispose()
    Path(f"{path}-wal").unlink(missing_ok=True)
    with path.open("r+b") as fh:
        fh.truncate(path.stat().st_size // 2)
    assert not integrity.start_check(path, had_data=True).ok


def test_damage_summary_is_one_line() -> None:
    text = integrity.summary(["*** in database main ***\nPage 5: bad\nPage 6: bad"])
    assert "\n" not in text and "2 处" in text
