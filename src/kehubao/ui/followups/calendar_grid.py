"""The painted grid of the follow-up calendar: one row of seven days (week) or six
(month), each day with its follow-ups and visits, today and holidays marked.

Painted by hand rather than built of widgets, so a month of the demo's busiest days
paints in a few milliseconds. The grid only shows and selects; what a key or a drag
asks for (open, move by a day, move to another day, another period) goes out as a
signal for the page to do through ``ui/ops.py``.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

from ...services.followups import CalendarDay, CalendarItem, CalendarRange
from ..i18n import label

HEADER = 26
TODAY_FILL, TODAY_EDGE = QColor("#e3f2fd"), QColor("#1e88e5")
SELECTED_EDGE, SELECTED_ITEM = QColor("#1565c0"), QColor("#bbdefb")
OFF_DAY, OTHER_MONTH = QColor("#f5f5f5"), QColor("#9e9e9e")
HOLIDAY, IN_LIEU = QColor("#c62828"), QColor("#6d4c41")
DONE, VISIT, HIGH = QColor("#9e9e9e"), QColor("#2e7d32"), QColor("#bf360c")
DROP = QColor("#fff3e0")


class CalendarGrid(QWidget):
    """Signals: ``open_item(item)``, ``open_day(day)`` (Enter on a day with nothing
    selected), ``move_item(item, new_day)`` (Alt+arrows, drag and drop), ``edit_item(item)``,
    ``day_changed(day)`` (the selection left the visible range: the page reads the next)."""

    open_item = Signal(object)
    open_day = Signal(object)
    move_item = Signal(object, object)
    edit_item = Signal(object)
    day_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumSize(560, 320)
        self.mode = "month"
        self.first = date.today()  # the first day shown
        self.month = self.first.month  # the month a month view is about (others greyed)
        self.today = date.today()
        self.selected = self.today
        self.item_index = -1  # the selected item of the selected day; -1 none
        self.data: CalendarRange | None = None
        self.weekday_names: list[str] = []
        self.more_text = "+%1"
        self.in_lieu_text = ""  # the page gives it, translated
        self._press: tuple[QPoint, CalendarItem] | None = None
        self._dragging: CalendarItem | None = None
        self._drop_day: date | None = None

    # ------------------------------------------------------------------ state

    def set_range(self, mode: str, first: date, month: int, today: date) -> None:
        self.mode, self.first, self.month, self.today = mode, first, month, today
        self.data = None
        self.update()

    def set_data(self, data: CalendarRange) -> None:
        self.data = data
        items = self.items_of(self.selected)
        self.item_index = min(self.item_index, len(items) - 1)
        if self.item_index < 0 and items:
            self.item_index = 0
        self.update()

    @property
    def rows(self) -> int:
        return 1 if self.mode == "week" else 6

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range(self.rows * 7)]

    def cell(self, day: date) -> CalendarDay | None:
        return self.data.days.get(day) if self.data is not None else None

    def items_of(self, day: date) -> list[CalendarItem]:
        cell = self.cell(day)
        return cell.items if cell is not None else []

    def selected_item(self) -> CalendarItem | None:
        items = self.items_of(self.selected)
        return items[self.item_index] if 0 <= self.item_index < len(items) else None

    def select_day(self, day: date, item_index: int = -1) -> None:
        """Select a day (and an item of it); outside the view the page turns the period."""
        self.selected, self.item_index = day, item_index
        if not self.first <= day < self.first + timedelta(days=self.rows * 7) or \
                (self.mode == "month" and day.month != self.month):
            self.day_changed.emit(day)
        if self.item_index < 0 and self.items_of(day):
            self.item_index = 0
        self.update()

    def select_item_id(self, kind: str, ref_id: int) -> None:
        for index, item in enumerate(self.items_of(self.selected)):
            if (item.kind, item.ref_id) == (kind, ref_id):
                self.item_index = index
                self.update()
                return

    # ------------------------------------------------------------------ geometry

    def cell_rect(self, index: int) -> QRect:
        width, height = self.width() - 1, self.height() - HEADER - 1
        row, col = divmod(index, 7)
        x0, x1 = col * width // 7, (col + 1) * width // 7
        y0, y1 = HEADER + row * height // self.rows, HEADER + (row + 1) * height // self.rows
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def line_height(self) -> int:
        return self.fontMetrics().height() + 3

    def capacity(self) -> int:
        """How many item lines fit in a day (below its date line)."""
        return max(1, (self.cell_rect(0).height() - self.line_height() - 6) // self.line_height())

    def day_at(self, pos: QPoint) -> date | None:
        for index, day in enumerate(self.days()):
            if self.cell_rect(index).contains(pos):
                return day
        return None

    def item_at(self, pos: QPoint) -> tuple[date, int] | None:
        day = self.day_at(pos)
        if day is None:
            return None
        rect = self.cell_rect(self.days().index(day))
        line = (pos.y() - rect.top() - self.line_height() - 4) // self.line_height()
        shown = self._shown(day)
        return (day, line) if 0 <= line < len(shown) else (day, -1)

    def _shown(self, day: date) -> list[CalendarItem]:
        """The items that fit; the last line says how many more there are."""
        items = self.items_of(day)
        cell = self.cell(day)
        total = cell.total if cell is not None else 0
        room = self.capacity()
        if total > room:
            room -= 1
        return items[:max(room, 0)]

    # ------------------------------------------------------------------ painting

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        metrics = self.fontMetrics()
        line = self.line_height()
        bold = QFont(self.font())
        bold.setBold(True)
        for col, name in enumerate(self.weekday_names[:7]):
            rect = self.cell_rect(col)
            painter.setPen(OTHER_MONTH if col >= 5 else self.palette().text().color())
            painter.drawText(QRect(rect.left(), 0, rect.width(), HEADER),
                             Qt.AlignmentFlag.AlignCenter, name)
        grid = QPen(self.palette().mid().color())
        for index, day in enumerate(self.days()):
            rect = self.cell_rect(index)
            cell = self.cell(day)
            working = cell.working if cell is not None else day.weekday() < 5
            if day == self._drop_day:
                painter.fillRect(rect, DROP)
            elif day == self.today:
                painter.fillRect(rect, TODAY_FILL)
            elif not working:
                painter.fillRect(rect, OFF_DAY)
            painter.setPen(grid)
            painter.drawRect(rect)
            inner = rect.adjusted(5, 2, -5, -2)
            faded = self.mode == "month" and day.month != self.month
            painter.setFont(bold if day == self.today else self.font())
            painter.setPen(OTHER_MONTH if faded else
                           HOLIDAY if cell is not None and cell.holiday else self.palette().text().color())
            head = f"{day.month}-{day.day}" if self.mode == "week" or day.day == 1 else str(day.day)
            painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, head)
            painter.setFont(self.font())
            note = ""
            if cell is not None and cell.holiday:
                note = label(cell.holiday)
            elif cell is not None and cell.in_lieu:
                note = self.in_lieu_text
            if note:
                painter.setPen(IN_LIEU if cell is not None and cell.in_lieu else HOLIDAY)
                painter.drawText(QRect(inner.left() + metrics.horizontalAdvance(head) + 6, inner.top(),
                                       inner.width(), line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, note)
            if cell is not None and cell.total:
                painter.setPen(OTHER_MONTH)
                painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 str(cell.total))
            shown = self._shown(day)
            top = inner.top() + line + 2
            for n, item in enumerate(shown):
                row = QRect(inner.left(), top + n * line, inner.width(), line)
                if day == self.selected and n == self.item_index and self.hasFocus():
                    painter.fillRect(row, SELECTED_ITEM)
                elif day == self.selected and n == self.item_index:
                    painter.fillRect(row, SELECTED_ITEM.lighter(110))
                self._paint_item(painter, row, item)
            if cell is not None and cell.total > len(shown):
                painter.setPen(SELECTED_EDGE)
                painter.drawText(QRect(inner.left(), top + len(shown) * line, inner.width(), line),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                                 self.more_text.replace("%1", f"{cell.total - len(shown):,}"))
            if day == self.selected:
                painter.setPen(QPen(SELECTED_EDGE if self.hasFocus() else TODAY_EDGE, 2))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
            elif day == self.today:
                painter.setPen(QPen(TODAY_EDGE, 1))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
        painter.end()

    def _paint_item(self, painter: QPainter, row: QRect, item: CalendarItem) -> None:
        font = QFont(self.font())
        font.setStrikeOut(item.done and item.kind == "follow_up")
        painter.setFont(font)
        mark = "●" if item.kind == "visit" else ("✓" if item.done else "○")
        color = VISIT if item.kind == "visit" else DONE if item.done else \
            HIGH if item.priority >= 2 else self.palette().text().color()
        painter.setPen(color)
        text = f"{mark} {item.when:%H:%M} {item.customer_name} · {item.title}"
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, row.width() - 2)
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.setFont(self.font())

    # ------------------------------------------------------------------ keyboard

    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab walk the items of the day instead of leaving the grid."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self._step_item(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        return super().event(event)

    def _step_item(self, step: int) -> None:
        shown = self._shown(self.selected) if self.isVisible() else self.items_of(self.selected)
        if shown:
            self.item_index = (self.item_index + step) % len(shown)
            self.update()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key, mods = event.key(), event.modifiers()
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
        if key in steps and mods & Qt.KeyboardModifier.AltModifier:
            item = self.selected_item()
            if item is not None and item.movable:
                self.move_item.emit(item, item.when.date() + timedelta(days=steps[key]))
            return
        if key in steps:
            self.select_day(self.selected + timedelta(days=steps[key]))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            item = self.selected_item()
            if item is not None:
                self.open_item.emit(item)
            else:
                self.open_day.emit(self.selected)
            return
        if key == Qt.Key.Key_E:
            item = self.selected_item()
            if item is not None and item.kind == "follow_up":
                self.edit_item.emit(item)
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ mouse

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        hit = self.item_at(event.position().toPoint())
        if hit is None:
            return
        day, index = hit
        self.select_day(day, index)
        item = self.selected_item() if index >= 0 else None
        if event.button() == Qt.MouseButton.LeftButton and item is not None and item.movable:
            self._press = (event.position().toPoint(), item)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._press is None:
            return
        start, item = self._press
        pos = event.position().toPoint()
        if self._dragging is None and \
                (pos - start).manhattanLength() >= QApplication.startDragDistance():
            self._dragging = item
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._dragging is not None:
            self._drop_day = self.day_at(pos)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        item, target = self._dragging, self.day_at(event.position().toPoint())
        self._press, self._dragging, self._drop_day = None, None, None
        self.unsetCursor()
        self.update()
        if item is not None and target is not None and target != item.when.date():
            self.move_item.emit(item, target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        hit = self.item_at(event.position().toPoint())
        if hit is None:
            return
        item = self.selected_item()
        if item is not None and hit[1] >= 0:
            self.open_item.emit(item)
        else:
            self.open_day.emit(hit[0])
