"""The risk list: customers with overdue money, a balance over their credit limit, or an
open record of cross-region selling or dumping — the largest exposure first. A double
click asks for that customer (``customer_requested``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import ValueClass
from ...services.evaluation.risk import RiskRow, risk_list
from .. import ops
from ..bus import QtBus, touches
from ..i18n import enum_label

REFRESHING = ("customer", "risk_event", "trade_transaction")


class RiskListView(QWidget):
    customer_requested = Signal(int)

    def __init__(self, db: Database, bus: QtBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[RiskRow] = []
        self.loaded = False
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([
            self.tr("客户"), self.tr("分类"), self.tr("应收（元）"), self.tr("逾期（元）"),
            self.tr("超出信用额度（元）"), self.tr("未处理的窜货/抛售"), self.tr("风险敞口（元）")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Wide enough for the header and, for the class, its longest name, in either language.
        header = self.table.horizontalHeader()
        widest_class = max(self.fontMetrics().horizontalAdvance(enum_label(ValueClass, code))
                           for code, _text in ValueClass.choices())
        for column in range(1, 7):
            self.table.setColumnWidth(column, max(130, header.sectionSizeHint(column) + 8,
                                                  widest_class + 16 if column == 1 else 0))
        self.table.cellDoubleClicked.connect(self._open)
        self.note = QLabel(self.tr("按风险敞口排序：逾期金额与超出信用额度部分中较大者；只有窜货/抛售记录时为应收余额。双击打开客户。"))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        bus.changed.connect(self._on_changed)  # a bound slot: disconnected when the view goes

    def _on_changed(self, changes: list) -> None:  # type: ignore[type-arg]
        if self.loaded and touches(changes, *REFRESHING):
            self.reload()

    def reload(self) -> None:
        self.loaded = True
        ops.query(self, self.db, risk_list, self._show, key=f"risk-list-{id(self)}")

    def _show(self, rows: list[RiskRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            cells = [r.name, enum_label(ValueClass, r.value_class), _money(r.receivable_fen),
                     _money(r.overdue_fen), _money(r.over_limit_fen), str(r.open_events or ""),
                     _money(r.exposure_fen)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(n, column, item)

    def _open(self, row: int, _column: int) -> None:
        if row < len(self.rows):
            self.customer_requested.emit(self.rows[row].customer_id)


def _money(fen: int | None) -> str:
    return "" if not fen else f"{fen / 100:,.2f}"
