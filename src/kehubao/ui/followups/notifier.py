"""Reminders that fire while the app runs — also minimised or closed to the tray — and
a catch-up list at start of what fell due while it was closed.

Every ``interval`` the notifier asks for the follow-ups that fell due since its last
check (``services.followups.due_between``) and shows one tray message for them; clicking
the message emits ``open_follow_up``. Windows cuts a balloon's title at 63 and its text
at 255 characters, so both are cut here first, with an ellipsis. The balloon is a hint:
the reliable path is the catch-up list, built from the time of the last check, which is
remembered across runs. The clock is injectable for tests.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from ...db import Database
from ...services.followups import TodayRow, due_between, local_now
from ...services.followups.clock import Clock
from .. import ops

TITLE_MAX, BODY_MAX = 63, 255
LAST_CHECK_KEY = "followups/last_check"
INTERVAL_MS = 30_000


class Tray(Protocol):
    """What the notifier needs of QSystemTrayIcon (a test passes a stand-in)."""

    messageClicked: Signal

    def showMessage(self, title: str, message: str, *args: object) -> None: ...  # noqa: N802


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


class ReminderNotifier(QObject):
    open_follow_up = Signal(int, int)  # follow-up id, customer id
    caught_up = Signal(list)  # rows that fell due while the app was closed

    def __init__(self, db: Database, tray: Tray | None, *, clock: Clock = local_now,
                 interval_ms: int = INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.tray, self.clock = db, tray, clock
        self.last_check: datetime = self._remembered() or clock()
        self.shown: list[TodayRow] = []
        self.announced: set[int] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        if tray is not None:
            tray.messageClicked.connect(self._clicked)

    def start(self) -> None:
        """Report what fell due while the app was closed, then check periodically."""
        self.catch_up()
        self.timer.start()

    def catch_up(self) -> None:
        since, now = self.last_check, self.clock()
        self.last_check = now
        self._remember(now)
        ops.query(self, self.db, lambda s: due_between(s, since, now, limit=200),
                  self.caught_up.emit)

    def check(self) -> None:
        since, now = self.last_check, self.clock()
        if now <= since:
            return
        self.last_check = now
        self._remember(now)
        ops.query(self, self.db, lambda s: due_between(s, since, now), self.notify)

    def notify(self, rows: list[TodayRow]) -> None:
        rows = [r for r in rows if r.follow_up_id not in self.announced]
        if not rows or self.tray is None:
            return
        self.announced.update(r.follow_up_id for r in rows)
        self.shown = rows
        first = rows[0]
        if len(rows) == 1:
            title = self.tr("跟进到期：%1").replace("%1", first.customer_name)
            body = (self.tr("%1（%2）").replace("%2", first.contact_name).replace("%1", first.title)
                    if first.contact_name else first.title)  # what to do (with whom)
            if first.last_interaction:
                body += "\n" + self.tr("上次：%1").replace("%1", first.last_interaction)
        else:
            title = self.tr("%1 条跟进到期").replace("%1", str(len(rows)))
            line = self.tr("%1：%2")  # customer: what to do
            body = "\n".join(line.replace("%2", r.title).replace("%1", r.customer_name)
                             for r in rows[:5])
        self.tray.showMessage(clip(title, TITLE_MAX), clip(body, BODY_MAX))

    def _clicked(self) -> None:
        if self.shown:
            row = self.shown[0]
            self.open_follow_up.emit(row.follow_up_id, row.customer_id)

    def _remembered(self) -> datetime | None:
        value = QSettings().value(LAST_CHECK_KEY)
        try:
            return datetime.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    def _remember(self, when: datetime) -> None:
        QSettings().setValue(LAST_CHECK_KEY, when.isoformat())
