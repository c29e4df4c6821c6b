"""The recycle bin (回收站): deleted customers and contacts, to restore or purge."""

from __future__ import annotations

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


class RecycleBinPage(QWidget):
    def __init__(self, db: Database, bus: QtBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget()
        self.customers = self._table([self.tr("客户名称"), self.tr("城市"), self.tr("删除时间"), self.tr("说明")])
        self.contacts = self._table([self.tr("姓名"), self.tr("所属客户"), self.tr("手机"), self.tr("删除时间")])
        self.tabs.addTab(self.customers, self.tr("客户"))
        self.tabs.addTab(self.contacts, self.tr("联系人"))
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
        layout.addWidget(QLabel(self.tr("删除的客户和联系人在这里，可以恢复；彻底删除后无法找回。")))
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(lambda changes: touches(changes, "customer", "contact") and self.isVisible() and self.refresh())

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
        when = "%Y-%m-%d %H:%M"
        self._fill(self.customers, [
            (c.id, [c.name, c.detail, c.deleted_at.strftime(when),
                    self.tr("已合并到“%1”").replace("%1", c.merged_into) if c.merged_into is not None else ""])
            for c in contents.customers])
        self._fill(self.contacts, [(p.id, [p.name, p.detail, p.phone, p.deleted_at.strftime(when)])
                                   for p in contents.contacts])
        self.info.setText(self.tr("客户 %1 个 · 联系人 %2 个").replace("%1", str(len(contents.customers)))
                          .replace("%2", str(len(contents.contacts))))
        for table in (self.customers, self.contacts):
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

    def _kind(self) -> str:
        return "customer" if self.tabs.currentIndex() == 0 else "contact"

    def restore(self) -> None:
        kind = self._kind()
        ids = self._selected(self.customers if kind == "customer" else self.contacts)
        if not ids:
            return
        ops.write(self, self.db, lambda session, progress: editing.restore(session, kind, ids, progress),
                  lambda count: self.window().statusBar().showMessage(
                      self.tr("已恢复 %1 条").replace("%1", f"{count:,}"), 5000),
                  progress_title=self.tr("正在恢复…"))

    def purge(self) -> None:
        table = self.customers if self.tabs.currentIndex() == 0 else self.contacts
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
        kind = self._kind()
        ops.write(self, self.db, lambda session, _progress: editing.purge(session, kind, ids),
                  progress_title=self.tr("正在彻底删除…"), cancellable=False)
