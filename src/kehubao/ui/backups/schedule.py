"""The window's backup schedule: at start when the newest backup is older than a day,
every 30 minutes while changes were made, at exit after changes (`backups.policy`);
and the full integrity check in the background when the start-up one was bounded."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from ...backups import integrity, policy
from ...backups.store import backup_dir, make_backup, sweep_debris
from ...db import Database
from .. import ops
from ..bus import QtBus

log = logging.getLogger(__name__)
START_DELAY_MS = 8_000  # after the window has settled and the first screens are read


class BackupSchedule(QObject):
    backed_up = Signal(object)  # BackupEntry
    damaged = Signal(object)  # list[str]: the background check found damage

    def __init__(self, db: Database, bus: QtBus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.changed = False  # since the last backup
        self.running = False
        bus.changed.connect(self._note_change)
        self.timer = QTimer(self)
        self.timer.setInterval(int(policy.PERIOD.total_seconds() * 1000))
        self.timer.timeout.connect(self.periodic)
        if db.path is not None:
            self.timer.start()
            QTimer.singleShot(START_DELAY_MS, self.at_start)

    def _note_change(self, _changes: object) -> None:
        self.changed = True

    def at_start(self) -> None:
        path = self.db.path
        assert path is not None
        ops.background(self, lambda: [sweep_debris(path.parent), sweep_debris(backup_dir(path))])
        health = self.db.start_health
        if health is not None and health.scope == "bounded":
            self._full_check()
        elif policy.due_at_start(self.db.path):
            self._backup("start")

    def _full_check(self) -> None:
        path = self.db.path
        assert path is not None

        def checked(health: integrity.Health) -> None:
            if not health.ok:
                self.damaged.emit(health.problems)
            elif policy.due_at_start(path):
                self._backup("start")

        ops.background(self, lambda: integrity.full_check(path), checked,
                       on_error=lambda exc: log.warning("full check failed: %s", exc))

    def periodic(self) -> None:
        if self.changed:
            self._backup("auto")

    def _backup(self, reason: str) -> None:
        if self.running or self.db.path is None:
            return
        self.running, self.changed = True, False
        path = self.db.path

        def done(entry: object) -> None:
            self.running = False
            self.backed_up.emit(entry)

        def failed(exc: BaseException) -> None:
            self.running, self.changed = False, True  # try again next period
            log.warning("automatic backup failed: %s", exc)

        ops.background(self, lambda: make_backup(path, reason), done, on_error=failed)

    def at_exit(self) -> None:
        """Called by the window as it closes, after every op has ended: a last backup
        when something changed since the previous one."""
        self.timer.stop()
        if self.changed and self.db.path is not None and self.db.path.is_file():
            try:
                make_backup(self.db.path, "exit")
            except Exception:  # noqa: BLE001 - closing must not fail over a backup
                log.warning("backup at exit failed", exc_info=True)
