"""The recycle bin (回收站): deleted customers, contacts, interactions, follow-ups, objection
scripts and transactions, to restore or purge."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...services import customer_editing as editing
from .. import ops
from ..bus import QtBus, touches
from ..icons import icon
from ..sections import Section


class RecycleBinSection(Section):
    key, icon_name = "recycle", "recycle"

    def title(self) -> str:
        return self.tr("回收站")

    def build_page(self) -> RecycleBinPage:
        return RecycleBinPage(self.ctx.db, self.ctx.bus, self.ctx.window)


LIMIT = 5000
# What the bin holds, as the services name the entities on the bus.
ENTITIES = ("customer", "contact", "interaction", "follow_up", "objection_script",
            "trade_transaction")
WHEN = "%Y-%m-%d %H:%M"


class RecycleBinPage(QWidget):
    """One tab per kind of record; 恢复 and 彻底删除 act on the rows selected in the tab
    shown. Rows of a customer that is itself in the bin are not listed: they come back
    with the customer (services/customer_editing.recycle_bin_contents)."""

    def __init__(self, db: Database, bus: QtBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget()
        self.customers = self._table([self.tr("客户名称"), self.tr("城市"), self.tr("删除时间"), self.tr("说明")])
        self.contacts = self._table([self.tr("姓名"), self.tr("所属客户"), self.tr("手机"), self.tr("删除时间")])
        self.interactions = self._table([self.tr("摘要"), self.tr("所属客户"), self.tr("跟进时间"), self.tr("删除时间")])
        self.follow_ups = self._table([self.tr("提醒事项"), self.tr("所属客户"), self.tr("到期时间"), self.tr("删除时间")])
        self.scripts = self._table([self.tr("异议"), self.tr("分类"), self.tr("删除时间")])
        self.transactions = self._table([self.tr("交易"), self.tr("所属客户"), self.tr("交易日期"), self.tr("删除时间")])
        # (kind as the services name it, table), in tab order
        self.kinds: list[tuple[str, QTableWidget]] = [
            ("customer", self.customers), ("contact", self.contacts),
            ("interaction", self.interactions), ("follow_up", self.follow_ups),
            ("script", self.scripts), ("transaction", self.transactions)]
        for table, label in zip((t for _, t in self.kinds),
                                (self.tr("客户"), self.tr("联系人"), self.tr("跟进记录"),
                                 self.tr("跟进提醒"), self.tr("话术"), self.tr("交易")), strict=True):
            self.tabs.addTab(table, label)
        restore = QPushButton(icon("restore"), self.tr("恢复"))
        restore.clicked.connect(self.restore)
        purge = QPushButton(icon("delete"), self.tr("彻底删除"))
        purge.clicked.connect(self.purge)
        self.info = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(restore)
        buttons.addWidget(purge)
        buttons.addStretch(1)
        buttons.addWidget(self.info)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("删除的记录在这里，可以恢复；彻底删除后无法找回。"
                                        "已删除客户的联系人和历史随客户一起恢复。")))
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(lambda changes: touches(changes, *ENTITIES) and self.isVisible() and self.refresh())

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        ops.query(self, self.db, lambda session: editing.recycle_bin_contents(session, LIMIT),
                  self._show, key=f"recycle-bin:{id(self)}")

    def _show(self, contents: editing.BinContents) -> None:
        self._fill(self.customers, [
            (c.id, [c.name, c.detail, c.deleted_at.strftime(WHEN),
                    self.tr("已合并到“%1”").replace("%1", c.merged_into) if c.merged_into is not None else ""])
            for c in contents.customers])
        self._fill(self.contacts, [(p.id, [p.name, p.detail, p.phone, p.deleted_at.strftime(WHEN)])
                                   for p in contents.contacts])
        for table, rows in ((self.interactions, contents.interactions),
                            (self.follow_ups, contents.follow_ups),
                            (self.transactions, contents.transactions)):
            self._fill(table, [(r.id, [r.name, r.detail, _when(r.happened), r.deleted_at.strftime(WHEN)])
                               for r in rows])
        self._fill(self.scripts, [(r.id, [r.name, r.detail, r.deleted_at.strftime(WHEN)])
                                  for r in contents.scripts])
        counts = [len(rows) for rows in (contents.customers, contents.contacts, contents.interactions,
                                         contents.follow_ups, contents.scripts, contents.transactions)]
        self.info.setText(self.tr("客户 %1 个 · 联系人 %2 个 · 跟进记录 %3 条 · 提醒 %4 条 · 话术 %5 条 · 交易 %6 条")
                          .replace("%1", str(counts[0])).replace("%2", str(counts[1]))
                          .replace("%3", str(counts[2])).replace("%4", str(counts[3]))
                          .replace("%5", str(counts[4])).replace("%6", str(counts[5])))
        for _kind, table in self.kinds:
            table.resizeColumnsToContents()  # at most LIMIT rows; the name column stretches
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[int, list[str]]]) -> None:
        table.setRowCount(len(rows))
        for r, (row_id, values) in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row_id)
                table.setItem(r, c, item)

    def _selected(self, table: QTableWidget) -> list[int]:
        return sorted({table.item(i.row(), 0).data(Qt.ItemDataRole.UserRole)
                       for i in table.selectionModel().selectedRows()})

    def _current(self) -> tuple[str, QTableWidget]:
        """The kind and table of the tab shown: the buttons act on it."""
        return self.kinds[self.tabs.currentIndex()]

    def restore(self) -> None:
        kind, table = self._current()
        ids = self._selected(table)
        if not ids:
            return
        ops.write(self, self.db, lambda session, progress: editing.restore(session, kind, ids, progress),
                  lambda count: self.window().statusBar().showMessage(
                      self.tr("已恢复 %1 条").replace("%1", f"{count:,}"), 5000),
                  progress_title=self.tr("正在恢复…"))

    def purge(self) -> None:
        kind, table = self._current()
        ids = self._selected(table)
        if not ids:
            return
        answer = QMessageBox.warning(
            self, self.tr("彻底删除"),
            self.tr("彻底删除选中的 %1 条记录？连同它们的全部历史，无法恢复，也不能撤销。").replace("%1", str(len(ids))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.write(self, self.db, lambda session, _progress: editing.purge(session, kind, ids),
                  progress_title=self.tr("正在彻底删除…"), cancellable=False)


def _when(value: date | datetime | None) -> str:
    """A follow-up's or interaction's time to the minute, a transaction's day."""
    if isinstance(value, datetime):
        return value.strftime(WHEN)
    return value.isoformat() if value is not None else ""
