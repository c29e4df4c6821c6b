"""Noticing other writers: a `kehubao import` or `restore` in a terminal does not speak on
our bus, so every two seconds the window asks whether someone else committed
(`services/external_changes.py`), and if so every view refreshes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ..db import Database
from ..services import events
from ..services.external_changes import ExternalChanges
from ..services.tracking import everything_changed
from . import ops

CHECK_MS = 2000


class OtherWriters(QObject):
    def __init__(self, db: Database, on_noticed: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self.db = db
        self.on_noticed = on_noticed
        self.watcher = ExternalChanges(db)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        watcher = self.watcher
        ops.query(self, self.db, lambda _session: watcher.check(), self._checked,
                  key="other-writers", on_error=lambda _exc: None)

    def _checked(self, changed: bool) -> None:
        if changed:
            events.bus.publish(everything_changed())
            self.on_noticed()

    def stop(self) -> None:
        """Before the window closes: no more checks (call `close` after the ops end)."""
        self.timer.stop()

    def close(self) -> None:
        self.watcher.close()
