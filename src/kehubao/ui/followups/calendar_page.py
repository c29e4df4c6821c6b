"""The 日历 page of the 跟进 section: follow-ups and visits by week or by month.

Arrows move the selected day (Tab walks its items), Alt+arrows move the selected
follow-up by a day or a week, dragging one onto another day does the same, Enter opens
the customer (on an empty day of the month view: that week), E edits the follow-up,
PageUp/PageDown turn the period, Home comes back to today. Each visible range is read
off the GUI thread (newest request wins); a move is one undoable ``reschedule`` through
``ops.write``, and the page follows the bus like every other view.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ...db import Database
from ...services.events import Change
from ...services.followups import (
    CalendarItem,
    CalendarRange,
    calendar_range,
    local_now,
    month_grid,
    reschedule,
    week_of,
)
from ...services.followups.clock import Clock
from .. import ops
from ..bus import QtBus, touches
from .calendar_grid import CalendarGrid

PER_DAY = {"week": 40, "month": 8}


class CalendarPage(QWidget):
    """Emits ``open_customer(id)`` and ``edit_follow_up(id)``; the section acts on them."""

    open_customer = Signal(int)
    edit_follow_up = Signal(int)
    loaded = Signal()

    def __init__(self, db: Database, bus: QtBus, *, clock: Clock = local_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.clock = db, clock
        self.mode = "month"
        self._pending: tuple[str, int] | None = None  # the item to select once read
        self.grid = CalendarGrid()
        self.grid.weekday_names = [self.tr("周一"), self.tr("周二"), self.tr("周三"), self.tr("周四"),
                                   self.tr("周五"), self.tr("周六"), self.tr("周日")]
        self.grid.more_text = self.tr("还有 %1 项……")
        self.grid.in_lieu_text = self.tr("调休上班")
        self.grid.open_item.connect(lambda item: self.open_customer.emit(item.customer_id))
        self.grid.open_day.connect(self._open_day)
        self.grid.move_item.connect(self.move)
        self.grid.edit_item.connect(lambda item: self.edit_follow_up.emit(item.ref_id))
        self.grid.day_changed.connect(lambda day: self.show_period(self.mode, day))

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setStyleSheet("color:#546e7a;")
        bar = QHBoxLayout()
        self.act_prev = self._action("◀", "PgUp", lambda: self.turn(-1), self.tr("上一周期"))
        self.act_today = self._action(self.tr("今天"), "Home", self.go_today, self.tr("回到今天"))
        self.act_next = self._action("▶", "PgDown", lambda: self.turn(1), self.tr("下一周期"))
        for action in (self.act_prev, self.act_today, self.act_next):
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addSpacing(8)
        bar.addWidget(self.title)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        self.modes = QButtonGroup(self)
        self.week_button = self._mode_button(self.tr("周"), "week", "Ctrl+Shift+W")
        self.month_button = self._mode_button(self.tr("月"), "month", "Ctrl+Shift+M")
        bar.addWidget(self.week_button)
        bar.addWidget(self.month_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        self.hint = QLabel(self.tr("方向键选日期　Tab 选事项　Alt+方向键 改期（或拖到另一天）　"
                                   "Enter 打开客户　E 编辑跟进　PgUp/PgDn 翻页　Home 今天"))
        self.hint.setStyleSheet("color:#78909c;")
        layout.addWidget(self.hint)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh)
        bus.changed.connect(self._on_changed)
        self.setFocusProxy(self.grid)
        self.show_period("month", clock().date())

    def _action(self, text: str, key: str, slot: object, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({key})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _mode_button(self, text: str, mode: str, key: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setChecked(mode == self.mode)
        button.setToolTip(f"{text} ({key})")
        self.modes.addButton(button)
        button.clicked.connect(lambda: self.show_period(mode, self.grid.selected))
        self._action(text, key, lambda: self.show_period(mode, self.grid.selected), text)
        return button

    # ------------------------------------------------------------------ periods

    def show_period(self, mode: str, day: date) -> None:
        """Show the week or the month holding `day`, `day` selected, and read it."""
        self.mode = mode
        (self.week_button if mode == "week" else self.month_button).setChecked(True)
        first = week_of(day)[0] if mode == "week" else month_grid(day.year, day.month)[0]
        self.grid.set_range(mode, first, day.month, self.clock().date())
        self.grid.selected = day
        self.grid.item_index = -1
        if mode == "week":
            end = first + timedelta(days=6)
            self.title.setText(self.tr("%1 至 %2").replace("%1", f"{first:%Y-%m-%d}")
                               .replace("%2", f"{end:%m-%d}"))
        else:
            self.title.setText(self.tr("%1 年 %2 月").replace("%1", str(day.year))
                               .replace("%2", str(day.month)))
        self.summary.setText(self.tr("正在读取……"))
        self.refresh()

    def turn(self, step: int) -> None:
        day = self.grid.selected
        if self.mode == "week":
            self.show_period("week", day + timedelta(days=7 * step))
        else:
            month = day.month - 1 + step
            year, month = day.year + month // 12, month % 12 + 1
            self.show_period("month", date(year, month, 1))

    def go_today(self) -> None:
        self.show_period(self.mode, self.clock().date())

    def _open_day(self, day: date) -> None:
        if self.mode == "month":
            self.show_period("week", day)

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        first, days, per_day = self.grid.first, self.grid.rows * 7, PER_DAY[self.mode]
        ops.query(self, self.db,
                  lambda s: calendar_range(s, first, first + timedelta(days=days), per_day=per_day),
                  self.show_data, key=f"calendar-{id(self)}")

    def _on_changed(self, changes: list[Change]) -> None:
        if touches(changes, "follow_up", "interaction", "customer"):
            self._refresh_timer.start()

    def show_data(self, data: CalendarRange) -> None:
        if data.start != self.grid.first:
            return  # an answer for a period no longer shown
        self.grid.set_data(data)
        if self._pending is not None:
            self.grid.select_item_id(*self._pending)
            self._pending = None
        self.summary.setText(self.tr("共 %1 项").replace("%1", f"{data.total:,}"))
        self.loaded.emit()

    # ------------------------------------------------------------------ actions

    def current_item(self) -> CalendarItem | None:
        return self.grid.selected_item()

    def current_customer(self) -> int | None:
        item = self.current_item()
        return item.customer_id if item else None

    def move(self, item: CalendarItem, day: date) -> None:
        """Reschedule an open follow-up to `day`, same time of day (undoable)."""
        if not item.movable:
            return
        fid, when = item.ref_id, datetime.combine(day, item.when.time())
        self._pending = ("follow_up", fid)
        self.grid.select_day(day)
        ops.write(self, self.db, lambda s: reschedule(s, fid, when))
