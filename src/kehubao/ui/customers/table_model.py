"""The customer list model: 200,000 rows that open in a blink and scroll smoothly.

The model holds only the ordered ids of the current filter (loaded on a reader thread,
so a slow sort or a broad text filter never freezes the window) and a small cache of
pages of displayed values, fetched fifty rows at a time as rows come into view and
prefetched around the screen while the user pauses.
No ORM objects, no loading everything.
"""

from __future__ import annotations

import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from sqlalchemy.orm import Session

from ...db import Database
from ...models.enums import CustomerStatus, CustomerType, LabelledEnum, ValueClass
from ...services.customer_list import CustomerFilter, CustomerRow, count, fetch_rows, query_ids
from ...services.figures import is_dangerous_class
from ...services.overview import follow_up_overdue
from .. import ops
from ..i18n import enum_label

PAGE = 50
MAX_PAGES = 40  # 2,000 rows: many screens back and forth, little memory
FIRST_SCREEN = 200  # ids shown before the full list has arrived
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
USER = int(Qt.ItemDataRole.UserRole)
_ANSWERED = frozenset({DISPLAY, TOOLTIP, ALIGN, FOREGROUND, USER})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int
    visible: bool = True
    sortable: bool = True
    align_right: bool = False
    choices: type[LabelledEnum] | None = None  # its cells are these labels: sized to fit


def _money(fen: int | None) -> str:
    return "" if not fen else f"¥{fen / 100:,.0f}"


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


class CustomerTableModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    reloaded = Signal(int)  # number of rows
    load_failed = Signal(str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.columns = self._columns()
        self._ids = array("q")
        self._total = 0  # rows shown; more than len(_ids) while only the first screen is in
        self._pages: OrderedDict[int, dict[int, tuple]] = OrderedDict()
        self.filter = CustomerFilter()
        self.sort_key, self.descending = "name", False
        self._generation = 0
        self.loading = False
        self.last_load_seconds = 0.0
        self._requested: set[int] = set()  # pages asked of a reader, not yet arrived
        self._cache_generation = 0  # bumped whenever cached pages stop being valid

    def _columns(self) -> list[Column]:
        return [
            Column("name", self.tr("客户名称"), 260),
            Column("contact", self.tr("联系人"), 90, sortable=False),
            Column("mobile", self.tr("联系电话"), 120, sortable=False),
            Column("status", self.tr("状态"), 60, choices=CustomerStatus),
            Column("value_class", self.tr("分类"), 110, choices=ValueClass),
            Column("grade", self.tr("评级"), 50),
            Column("customer_type", self.tr("类型"), 80, choices=CustomerType),
            Column("city", self.tr("城市"), 80),
            Column("region", self.tr("区域"), 70),
            Column("industry", self.tr("行业"), 90),
            Column("owner", self.tr("负责人"), 70),
            Column("last_contact_at", self.tr("最近联系"), 95),
            Column("next_follow_up_at", self.tr("下次跟进"), 95),
            Column("sales_12m", self.tr("近12月销售"), 100, align_right=True),
            Column("receivable", self.tr("应收款"), 90, visible=False, align_right=True),
            Column("tags", self.tr("标签"), 160, sortable=False),
            Column("phone", self.tr("单位电话"), 120, visible=False),
            Column("created_at", self.tr("建档日期"), 95, visible=False),
            Column("deleted_at", self.tr("删除时间"), 95, visible=False),
        ]

    # ------------------------------------------------------------------ loading

    def set_filter(self, filt: CustomerFilter) -> None:
        self.filter = filt
        self.reload()

    def reload(self) -> None:
        """Fetch the ordered ids for the current filter and sort (off the GUI thread).
        Without a text filter the first screenful and the count come first, so a
        200,000-row list shows at once while the rest of the ids arrive."""
        self._generation += 1
        generation = self._generation
        self._set_loading(True)
        filt, sort, desc = self.filter, self.sort_key, self.descending
        started = time.perf_counter()

        def read(session: Session, send: Callable[[object], None]) -> array:
            if not filt.text.strip():  # counting a text match costs as much as finding it
                first = query_ids(session, filt, sort, desc, limit=FIRST_SCREEN)
                if len(first) == FIRST_SCREEN:
                    send((first, count(session, filt)))
            return query_ids(session, filt, sort, desc)

        ops.query(self, self.db, read,
                  lambda ids: self._on_loaded(generation, ids, time.perf_counter() - started),
                  on_partial=lambda first: self._on_first(generation, *first),
                  on_error=lambda exc: self._on_failed(generation, str(exc)),
                  key=f"customer-ids:{id(self)}")

    def wait_loaded(self, timeout_ms: int = 10_000) -> bool:
        """For tests and benchmarks: wait until the latest load (and the pages asked
        for meanwhile) have been applied."""
        from PySide6.QtCore import QCoreApplication, QElapsedTimer

        timer = QElapsedTimer()
        timer.start()
        while (self.loading or self._requested) and timer.elapsed() < timeout_ms:
            ops.wait_idle(20)
            QCoreApplication.processEvents()
        return not self.loading

    def _set_loading(self, value: bool) -> None:
        if self.loading != value:
            self.loading = value
            self.loading_changed.emit(value)

    def _on_first(self, generation: int, ids: array, total: int) -> None:
        """The first screenful and the count: enough to show the list at once."""
        if generation != self._generation:
            return
        self.beginResetModel()
        self._ids, self._total = ids, total
        self._forget_pages()
        self.endResetModel()
        self.first_shown_seconds = time.perf_counter()

    def _on_loaded(self, generation: int, ids: array, seconds: float) -> None:
        if generation != self._generation:
            return  # a newer request is on its way; this answer is stale
        shown = len(self._ids)
        if self._total == len(ids) and shown < len(ids) and ids[:shown] == self._ids:
            # The rest of what is already on screen: fill in, keep selection and scroll.
            self._ids = ids
            self.dataChanged.emit(self.index(shown, 0), self.index(len(ids) - 1, len(self.columns) - 1))
        else:
            self.beginResetModel()
            self._ids, self._total = ids, len(ids)
            self._forget_pages()
            self.endResetModel()
        self.last_load_seconds = seconds
        self._set_loading(False)
        self.reloaded.emit(len(ids))

    def _on_failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._set_loading(False)
            self.load_failed.emit(message)

    def invalidate(self, customer_ids: Iterable[int] | None = None) -> None:
        """Forget cached rows (all of them, or those of these customers) and repaint."""
        if customer_ids is None:
            self._forget_pages()
        else:
            wanted = set(customer_ids)
            for page in list(self._pages):
                if wanted & self._pages[page].keys():
                    del self._pages[page]
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(self.columns) - 1))

    # ------------------------------------------------------------------ access

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def id_at(self, row: int) -> int | None:
        """The customer at a row; None beyond the first screen while the rest loads."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return -1

    def ids(self) -> array:
        return self._ids

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._requested.clear()
        self._cache_generation += 1

    def row_values(self, row: int) -> CustomerRow | None:
        cells = self._cells(row)
        return cells[0] if cells else None

    def _cells(self, row: int) -> tuple | None:
        """(row values, display texts, colours) of a row, from its cached page."""
        customer_id = self.id_at(row)
        if customer_id is None:
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            self._request_page(page_no)  # painted when it arrives
            return None
        self._pages.move_to_end(page_no)
        return page.get(customer_id)

    def prefetch(self, first_row: int, last_row: int) -> None:
        """Load the pages around the rows on screen while the user pauses, so the next
        page-down or wheel step paints from memory instead of waiting for the database."""
        if not self._ids:
            return
        last_page = (len(self._ids) - 1) // PAGE
        first = max(0, (first_row - PAGE) // PAGE)
        last = min(last_page, (last_row + PAGE) // PAGE)
        for page_no in range(first, last + 1):
            if page_no not in self._pages:
                self._request_page(page_no)

    def _request_page(self, page_no: int) -> None:
        """Ask a reader for a page of rows; its cells are painted when it arrives."""
        if page_no in self._requested:
            return
        self._requested.add(page_no)
        ids = self._ids[page_no * PAGE:(page_no + 1) * PAGE]
        generation = self._cache_generation
        ops.query(self, self.db, lambda session: fetch_rows(session, ids),
                  lambda rows: self._page_arrived(page_no, generation, rows),
                  on_error=lambda _exc: self._requested.discard(page_no))

    def _page_arrived(self, page_no: int, generation: int, rows: dict[int, CustomerRow]) -> None:
        """Render the page's cells once (painting asks for each cell several times per
        frame, so that must be a lookup, not formatting) and repaint its rows."""
        if generation != self._cache_generation:
            return  # the ids or the data changed meanwhile; a fresh request follows a repaint
        self._requested.discard(page_no)
        keys = [c.key for c in self.columns]
        self._pages[page_no] = {
            cid: (row, [self._text(k, row) for k in keys], [self._colour(k, row) for k in keys])
            for cid, row in rows.items()}
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = page_no * PAGE
        last = min(len(self._ids), first + PAGE) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        row = index.row()
        if role == USER:
            return self.id_at(row)
        column = index.column()
        if role == ALIGN:
            return _RIGHT if self.columns[column].align_right else None
        cells = self._cells(row)
        if cells is None:
            return None
        if role == DISPLAY:
            return cells[1][column]
        if role == FOREGROUND:
            return cells[2][column]
        text = cells[1][column]
        return text if text and len(text) > 12 else None

    def _text(self, key: str, row: CustomerRow) -> str:
        if key == "name":
            return row.name
        if key == "contact":
            return row.primary_contact or ""
        if key == "mobile":
            return row.contact_mobile or ""
        if key == "status":
            return enum_label(CustomerStatus, row.status)
        if key == "value_class":
            return enum_label(ValueClass, row.value_class)
        if key == "customer_type":
            return enum_label(CustomerType, row.customer_type)
        if key == "city":
            return row.city or row.province or ""
        if key in ("last_contact_at", "next_follow_up_at", "created_at", "deleted_at"):
            return _day(getattr(row, key))
        if key == "sales_12m":
            return _money(row.sales_12m_fen)
        if key == "receivable":
            return _money(row.receivable_fen)
        if key == "tags":
            return "、".join(row.tags)
        value = getattr(row, key, "")
        return "" if value is None else str(value)

    @staticmethod
    def _colour(key: str, row: CustomerRow) -> QBrush | None:
        if key == "status" and row.status in ("lost", "dropped"):
            return QBrush(QColor("#9e9e9e"))
        if key == "value_class" and is_dangerous_class(row.value_class):
            return QBrush(QColor("#c62828"))  # high volume, not loyal: watch closely
        if key == "next_follow_up_at" and follow_up_overdue(row.next_follow_up_at):
            return QBrush(QColor("#c62828"))  # overdue follow-up
        return None

    # ------------------------------------------------------------------ sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        spec = self.columns[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if not spec.sortable or (spec.key, descending) == (self.sort_key, self.descending):
            return  # the view re-applies its sort indicator often; reload only on change
        self.sort_key = spec.key
        self.descending = descending
        self.reload()

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)
