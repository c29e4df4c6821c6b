"""The 今日 (today) page: overdue, due today, the next seven days, birthdays, dormant
important customers and payments, each group with its count and each row with its
context (last interaction, the contact's last mood, the advice the contact card gives).

One key per action on the selected row: Enter opens the customer, L logs the
interaction (completing the reminder with it), E edits the follow-up, S snoozes, D marks
done, W moves a follow-up off a public holiday. Reads and writes go through ``ui/ops.py``; the page
refreshes itself from the event bus.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import Emotion
from ...services.events import Change
from ...services.followups import (
    GROUPS,
    TodayData,
    TodayRow,
    complete,
    generate_if_stale,
    local_now,
    move_to_working_day,
    snooze,
    today_data,
)
from ...services.followups.clock import Clock
from .. import ops
from ..bus import QtBus, touches
from ..i18n import enum_label, label
from .follow_up_dialog import open_follow_up_dialog
from .log_dialog import DateTimeField, open_log_dialog
from .recurrence_text import describe

PAGE = 50
REFRESHING = ("follow_up", "interaction", "contact", "customer")
GENERATE_EVERY_MS = 10 * 60 * 1000  # generate_if_stale itself runs at most hourly
_ROW, _MORE = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#c62828")


class TodayPage(QWidget):
    """Emits ``open_customer(id)``; the section turns it into navigation."""

    open_customer = Signal(int)
    counts_changed = Signal(dict)

    def __init__(self, db: Database, bus: QtBus, *, clock: Clock = local_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.clock = db, clock
        self.data: TodayData | None = None
        self.shown: dict[str, int] = dict.fromkeys(GROUPS, PAGE)
        self.group_names = {
            "overdue": self.tr("已逾期"), "today": self.tr("今天到期"), "week": self.tr("七天内"),
            "birthdays": self.tr("生日"), "dormant": self.tr("久未联系的重要客户"),
            "payments": self.tr("回款"),
        }
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.summary = QLabel()
        self.summary.setStyleSheet("color:#546e7a;")
        self.tree = QTreeWidget()
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels([self.tr("到期"), self.tr("客户 · 联系人"), self.tr("事项"),
                                   self.tr("上次联系"), self.tr("情绪"), self.tr("建议")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(12)
        header = self.tree.header()
        for column, width in enumerate((110, 230, 260, 220, 50)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(self._activated)
        self.tree.currentItemChanged.connect(lambda *_: self._update_actions())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)

        self.act_open = self._action(self.tr("打开客户"), "Return", self.open_selected)
        self.act_log = self._action(self.tr("记录跟进"), "L", self.log_selected)
        self.act_edit = self._action(self.tr("编辑"), "E", self.edit_selected)
        self.act_snooze = self._action(self.tr("推迟"), "S", self.snooze_menu)
        self.act_done = self._action(self.tr("完成"), "D", self.complete_selected)
        self.act_workday = self._action(self.tr("改到工作日"), "W", self.move_selected)
        self.act_refresh = self._action(self.tr("刷新"), "F5", self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        for action in (self.act_open, self.act_log, self.act_edit, self.act_snooze, self.act_done,
                       self.act_workday, self.act_refresh):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        self.hint = QLabel(self.tr("Enter 打开客户　L 记录跟进　E 编辑　S 推迟　D 完成　W 改到工作日"))
        self.hint.setStyleSheet("color:#78909c;")
        layout.addWidget(self.hint)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(150)
        self._refresh_timer.timeout.connect(self.refresh)
        bus.changed.connect(self._on_changed)
        self._generate_timer = QTimer(self)
        self._generate_timer.setInterval(GENERATE_EVERY_MS)
        self._generate_timer.timeout.connect(self.generate)
        self._generate_timer.start()
        self._update_actions()

    def _action(self, text: str, key: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({key})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        clock, shown = self.clock, dict(self.shown)
        ops.query(self, self.db, lambda s: _read(s, clock, shown), self.show_data,
                  key=f"today-page-{id(self)}")

    def generate(self) -> None:
        """Fill in the automatic reminders if due (the bus then refreshes the page)."""
        clock = self.clock
        ops.write(self, self.db, lambda s: generate_if_stale(s, clock=clock), on_error=lambda _e: None)

    def _on_changed(self, changes: list[Change]) -> None:
        if touches(changes, *REFRESHING):
            self._refresh_timer.start()

    def show_data(self, data: TodayData) -> None:
        selected = self.selected_row()
        self.data = data
        now = data.now
        self.title.setText(self.tr("今日"))
        self.summary.setText(self.tr("%1 · 待办 %2 项").replace(
            "%1", now.strftime("%Y-%m-%d %H:%M")).replace("%2", str(data.total)))
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        current = None
        for group in GROUPS:
            count = data.counts[group]
            if not count:
                continue
            head = QTreeWidgetItem([self.tr("%1（%2）").replace("%1", self.group_names[group])
                                    .replace("%2", str(count))])
            head.setFirstColumnSpanned(False)
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(head)
            for row in data.groups[group]:
                item = self._item(row, now)
                head.addChild(item)
                if selected is not None and row.follow_up_id == selected.follow_up_id:
                    current = item
            if count > len(data.groups[group]):
                more = QTreeWidgetItem([self.tr("显示更多（还有 %1 项）……").replace(
                    "%1", str(count - len(data.groups[group])))])
                more.setData(0, _MORE, group)
                more.setForeground(0, QBrush(QColor("#1565c0")))
                head.addChild(more)
            head.setExpanded(True)
            head.setFirstColumnSpanned(True)
        self.tree.setUpdatesEnabled(True)
        if current is None:
            current = self._first_row()
        if current is not None:
            self.tree.setCurrentItem(current)
        self._update_actions()
        self.counts_changed.emit(dict(data.counts))

    def _item(self, row: TodayRow, now: datetime) -> QTreeWidgetItem:
        if row.group in ("overdue", "week") or row.due.date() != now.date():
            due = row.due.strftime("%m-%d %H:%M")
        else:
            due = row.due.strftime("%H:%M")
        if row.holiday:
            due += self.tr("（%1）").replace("%1", label(row.holiday))
        who = row.customer_name + (f" · {row.contact_name}" if row.contact_name else "")
        title = row.title + (self.tr("（已推迟）") if row.snoozed else "") \
            + (f" ⟳ {describe(row.rule)}" if row.rule else "")
        last = ""
        if row.last_interaction_at is not None:
            last = f"{row.last_interaction_at:%m-%d} {row.last_interaction or ''}"
        mood = enum_label(Emotion, row.mood) if row.mood else ""
        item = QTreeWidgetItem([due, who, title, last, mood, row.advice or ""])
        item.setData(0, _ROW, row)
        item.setToolTip(5, row.advice or "")
        item.setToolTip(3, last)
        if row.holiday:
            item.setToolTip(0, self.tr("这天是公众假期（%1）：按 W 改到下一个工作日").replace(
                "%1", label(row.holiday)))
        if row.due < now and row.group in ("overdue", "today"):
            item.setForeground(0, QBrush(OVERDUE))
        if row.priority >= 2:
            font = item.font(2)
            font.setBold(True)
            item.setFont(2, font)
        return item

    def _first_row(self) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head.childCount():
                return head.child(0)
        return None

    # ------------------------------------------------------------------ selection

    def selected_row(self) -> TodayRow | None:
        item = self.tree.currentItem()
        return item.data(0, _ROW) if item is not None else None

    def current_customer(self) -> int | None:
        row = self.selected_row()
        return row.customer_id if row else None

    def current_contact(self) -> int | None:
        row = self.selected_row()
        return row.contact_id if row else None

    def _update_actions(self) -> None:
        row = self.selected_row()
        for action in (self.act_open, self.act_log, self.act_edit, self.act_snooze, self.act_done):
            action.setEnabled(row is not None)
        self.act_workday.setEnabled(row is not None and bool(row.holiday))

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        group = item.data(0, _MORE)
        if group:
            self.shown[group] += PAGE
            self.refresh()
        elif item.data(0, _ROW) is not None:
            self.open_selected()

    # ------------------------------------------------------------------ actions

    def open_selected(self) -> None:
        item = self.tree.currentItem()
        if item is not None and item.data(0, _MORE):
            self._activated(item, 0)
            return
        row = self.selected_row()
        if row is not None:
            self.open_customer.emit(row.customer_id)

    def log_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            open_log_dialog(self, self.db, row.customer_id, contact_id=row.contact_id,
                            follow_up_id=row.follow_up_id, clock=self.clock)

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            open_follow_up_dialog(self, self.db, follow_up_id=row.follow_up_id, clock=self.clock)

    def complete_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            fid, clock = row.follow_up_id, self.clock
            self._select_next()
            ops.write(self, self.db, lambda s: complete(s, fid, clock=clock))

    def snooze_selected(self, choice: str | datetime) -> None:
        row = self.selected_row()
        if row is not None:
            fid, clock = row.follow_up_id, self.clock
            self._select_next()
            ops.write(self, self.db, lambda s: snooze(s, fid, choice, clock=clock))

    def move_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.holiday:
            fid = row.follow_up_id
            ops.write(self, self.db, lambda s: move_to_working_day(s, fid))

    def snooze_menu(self) -> None:
        if self.selected_row() is None:
            return
        menu = self.build_snooze_menu()
        rect = self.tree.visualItemRect(self.tree.currentItem())
        menu.exec(self.tree.viewport().mapToGlobal(rect.bottomLeft()))
        menu.deleteLater()

    def build_snooze_menu(self) -> QMenu:
        menu = QMenu(self)
        for text, choice in ((self.tr("15 分钟后"), "15m"), (self.tr("1 小时后"), "1h"),
                             (self.tr("明天 9:00"), "tomorrow"), (self.tr("下周一 9:00"), "next_monday")):
            menu.addAction(text, lambda c=choice: self.snooze_selected(c))
        menu.addAction(self.tr("选择时间…"), self.snooze_until_chosen)
        return menu

    def snooze_until_chosen(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("推迟到"))
        picker = DateTimeField()
        picker.set_value(self.clock().replace(second=0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(picker)
        layout.addWidget(buttons)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.snooze_selected(picker.value())
        finally:
            dialog.deleteLater()

    def _select_next(self) -> None:
        """Keep the keyboard flowing: after acting on a row, the next one is selected."""
        item = self.tree.currentItem()
        if item is None:
            return
        below = self.tree.itemBelow(item)
        while below is not None and below.data(0, _ROW) is None:
            below = self.tree.itemBelow(below)
        if below is not None:
            self.tree.setCurrentItem(below)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or item.data(0, _ROW) is None:
            return
        self.tree.setCurrentItem(item)
        menu = QMenu(self)
        for action in (self.act_open, self.act_log, self.act_edit, self.act_done):
            menu.addAction(action)
        menu.addMenu(self.build_snooze_menu()).setText(self.tr("推迟"))
        if self.act_workday.isEnabled():
            menu.addAction(self.act_workday)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()


def _read(session, clock: Clock, shown: dict[str, int]) -> TodayData:  # noqa: ANN001
    """The page's data: the first `shown[group]` rows of each group."""
    return today_data(session, clock=clock, limit=max(shown.values()))
