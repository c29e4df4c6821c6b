"""The window's backups: the schedule, the backups dialog and its restore, the damaged
file at start, and the backup before a risky change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from kehubao.backups import store
from kehubao.db import Database
from kehubao.ui import ops
from kehubao.ui.backups.dialog import BackupsDialog

from .conftest import make_window, settle


def _list_total(window) -> str:  # type: ignore[no-untyped-def]
    return window.page_of("customers").list.count_label.text()


def test_backups_dialog_lists_backs_up_and_restores(qtbot, demo_db: Database, answer) -> None:
    path = demo_db.path
    assert path is not None
    window = make_window(qtbot, demo_db)
    dialog = BackupsDialog(demo_db, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    assert dialog.table.rowCount() == 0
    dialog.back_up_now()
    settle(qtbot, window)
    ops.wait_idle()
    assert dialog.table.rowCount() == 1
    assert "300" in dialog.table.item(0, 2).text()
    assert "1" in dialog.summary.text()

    from kehubao.services.customers import delete_customers

    with demo_db.session() as session:  # a change after the backup, which the list shows
        delete_customers(session, list(range(1, 11)))
    qtbot.waitUntil(lambda: "290" in _list_total(window), timeout=5000)

    asked = answer("yes")
    dialog.table.selectRow(0)
    dialog.restore_selected()
    # The restore waits for the window's reads to end before it starts: wait for it.
    qtbot.waitUntil(lambda: dialog.restored is not None, timeout=20_000)
    settle(qtbot, window)
    assert dialog.restored is not None and dialog.restored.counts["customer"] == 300
    assert any("300" in text for text in asked)  # the question names the count
    assert dialog.table.rowCount() == 2  # the backup made before the restore is listed
    with demo_db.session(write=False) as session:  # the window reads the restored file
        from sqlalchemy import text
        assert session.scalar(text("SELECT count(*) FROM customer WHERE deleted_at IS NULL")) == 300
    qtbot.waitUntil(lambda: "300" in _list_total(window), timeout=5000)  # views refreshed


def test_schedule_backs_up_only_after_changes_and_at_exit(qtbot, demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    window = make_window(qtbot, demo_db)
    schedule = window.backups
    schedule.periodic()
    ops.wait_idle()
    assert store.list_backups(path) == []  # nothing changed yet
    from kehubao.services.customers import create_customer

    with demo_db.session() as session:
        create_customer(session, {"name": "定时备份测试公司"})
    qtbot.waitUntil(lambda: schedule.changed, timeout=5000)
    schedule.periodic()
    ops.wait_idle()
    assert [e.reason for e in store.list_backups(path)] == ["auto"]
    assert not schedule.changed
    schedule.at_exit()
    assert len(store.list_backups(path)) == 1  # no change since: no exit backup
    schedule.changed = True
    schedule.at_exit()
    assert sorted(e.reason for e in store.list_backups(path)) == ["auto", "exit"]


def test_a_change_marked_risky_is_backed_up_first(qtbot, demo_db: Database) -> None:
    path = demo_db.path
    assert path is not None
    window = make_window(qtbot, demo_db)
    from kehubao.services.customers import create_customer

    ops.write(window, demo_db, lambda s: create_customer(s, {"name": "导入前备份测试"}),
              backup_before="before-import")
    ops.wait_idle()
    entries = store.list_backups(path)
    assert [e.reason for e in entries] == ["before-import"]
    assert entries[0].counts["customer"] == 300  # the state before the change


def test_a_damaged_database_at_start_offers_the_newest_backup(
        qtbot, demo_db: Database, monkeypatch, damage_middle) -> None:
    from kehubao.ui.application import open_database_for_gui

    path = demo_db.path
    assert path is not None
    store.make_backup(path, "manual")
    demo_db.dispose()
    damage_middle(path)
    shown: list[str] = []

    def click_restore(box: QMessageBox) -> int:  # the first button: 从最新备份恢复
        shown.append(box.text() + box.informativeText())
        restore = next(b for b in box.buttons()
                       if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
        restore.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    db = open_database_for_gui(str(path))
    assert db is not None
    try:
        assert shown and "损坏" in shown[0] and "300" in shown[0]
        with db.session(write=False) as session:
            from sqlalchemy import text
            assert session.scalar(text("SELECT count(*) FROM customer")) > 0
    finally:
        db.dispose()
    assert any("damaged" in p.name for p in Path(store.backup_dir(path)).iterdir())


def test_the_window_sweeps_what_killed_backups_and_restores_left(qtbot, demo_db: Database) -> None:
    import os
    import time

    path = demo_db.path
    assert path is not None
    folder = store.backup_dir(path)
    folder.mkdir()
    debris = [folder / "demo-20261128-120000-auto.zip.partial",
              folder / "demo-20261128-120000-auto.zip.db.partial",
              path.with_name(path.name + ".restoring.partial")]
    fresh = folder / "demo-20261128-130000-auto.zip.partial"  # a backup being written now
    for leftover in [*debris, fresh]:
        leftover.write_bytes(b"half")
    for leftover in debris:
        os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    window = make_window(qtbot, demo_db)
    window.backups.at_start()
    ops.wait_idle()
    assert not any(p.exists() for p in debris)
    assert fresh.exists()
