"""The portfolio view: the four-quadrant scatter of sales volume × loyalty and the customer
pyramid, drawn with QPainter, plus counts, volume and value per class.

200,000 dots would be one blot, so the scatter is drawn as cells (the service bins the
customers), each a disc whose area grows with its count, in its class's colour. Clicking a
cell, a quadrant's label or a pyramid tier emits ``customers_requested`` with the ids (or
the class) so the customer list can show exactly those customers."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import ValueClass
from ...services.evaluation.portfolio import PortfolioData, ids_in_cell, ids_in_tier, portfolio
from .. import ops
from ..bus import QtBus, touches
from ..i18n import enum_label, label
from .settings_bar import ThresholdBar

REFRESHING = ("customer", "evaluation", "trade_transaction")


def _wan(fen: int, digits: int = 1) -> str:
    """Money in 万元 (ten thousand yuan), the unit a Chinese salesperson reads at a glance."""
    return f"{fen / 1_000_000:,.{digits}f}"


class QuadrantChart(QWidget):
    cell_clicked = Signal(int, int)  # x, y of the cell
    class_clicked = Signal(str)

    MARGIN_L, MARGIN_B, MARGIN_T, MARGIN_R = 56, 40, 16, 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: PortfolioData | None = None
        self.setMinimumSize(420, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._hits: list[tuple[QPointF, float, int, int]] = []
        self._labels: list[tuple[QRectF, str]] = []

    def set_data(self, data: PortfolioData | None) -> None:
        self.data = data
        self.update()

    def _plot(self) -> QRectF:
        return QRectF(self.MARGIN_L, self.MARGIN_T, self.width() - self.MARGIN_L - self.MARGIN_R,
                      self.height() - self.MARGIN_T - self.MARGIN_B)

    def _x(self, index: float) -> float:
        assert self.data is not None
        plot = self._plot()
        return plot.left() + plot.width() * index / len(self.data.volume_edges)

    def _y(self, index: float) -> float:
        assert self.data is not None
        plot = self._plot()
        return plot.bottom() - plot.height() * index / len(self.data.loyalty_edges)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot()
        painter.fillRect(self.rect(), self.palette().base())
        self._hits, self._labels = [], []
        if self.data is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("正在计算客户组合…"))
            return
        data = self.data
        xs, ys = data.volume_edges, data.loyalty_edges
        tx = xs.index(data.thresholds.volume_fen) if data.thresholds.volume_fen in xs else 0
        ty = ys.index(data.thresholds.loyalty_pct) if data.thresholds.loyalty_pct in ys else 0
        colours = {c.code: QColor(c.colour) for c in data.classes}
        quadrants = (("1", 0, 0, tx, ty), ("2", tx, 0, len(xs), ty), ("3", 0, ty, tx, len(ys)),
                     ("4", tx, ty, len(xs), len(ys)))
        for code, x0, y0, x1, y1 in quadrants:
            rect = QRectF(QPointF(self._x(x0), self._y(y1)), QPointF(self._x(x1), self._y(y0)))
            tint = QColor(colours[code])
            tint.setAlpha(28)
            painter.fillRect(rect, tint)
            self._labels.append((QRectF(rect), code))
        painter.setPen(QPen(self.palette().text().color(), 1))
        painter.drawRect(plot)
        painter.setPen(QPen(QColor("#555555"), 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(self._x(tx), plot.top()), QPointF(self._x(tx), plot.bottom()))
        painter.drawLine(QPointF(plot.left(), self._y(ty)), QPointF(plot.right(), self._y(ty)))
        biggest = max((c.customers for c in data.cells), default=1)
        cell_w = plot.width() / len(xs)
        cell_h = plot.height() / len(ys)
        top = min(cell_w, cell_h) / 2 - 1
        for cell in data.cells:
            centre = QPointF(self._x(cell.x + 0.5), self._y(cell.y + 0.5))
            radius = max(2.5, top * math.sqrt(cell.customers / biggest))
            colour = QColor(colours.get(cell.value_class or "", QColor("#999999")))
            colour.setAlpha(200)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(centre, radius, radius)
            self._hits.append((centre, max(radius, 6), cell.x, cell.y))
        for rect, code in self._labels:  # names on a light plate, above any disc
            text = enum_label(ValueClass, code)
            width = painter.fontMetrics().horizontalAdvance(text) + 10
            plate = QRectF(rect.left() + 3, rect.top() + 3, min(width, rect.width() - 6), 18)
            painter.fillRect(plate, QColor(255, 255, 255, 215))
            painter.setPen(colours[code].darker(140))
            painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(self.palette().text().color())
        right = -1.0
        for n, edge in enumerate(xs):  # tick labels in 万元, skipping any that would overlap
            text = f"{edge / 1_000_000:g}"
            width = painter.fontMetrics().horizontalAdvance(text) + 6
            if self._x(n) - width / 2 > right:
                painter.drawText(QRectF(self._x(n) - width / 2, plot.bottom() + 2, width, 16),
                                 Qt.AlignmentFlag.AlignHCenter, text)
                right = self._x(n) + width / 2
        for n, edge in enumerate(ys):
            painter.drawText(QRectF(0, self._y(n) - 8, self.MARGIN_L - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{edge:g}%")
        painter.drawText(QRectF(plot.left(), self.height() - 18, plot.width(), 16),
                         Qt.AlignmentFlag.AlignHCenter, self.tr("近 12 个月销量（万元）→"))
        painter.save()
        painter.translate(12, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-80, -10, 160, 16), Qt.AlignmentFlag.AlignCenter, self.tr("忠诚度 →"))
        painter.restore()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        point = event.position()
        for centre, radius, x, y in self._hits:
            if (centre - point).manhattanLength() <= radius * 1.5:
                self.cell_clicked.emit(x, y)
                return
        for rect, code in self._labels:
            if rect.contains(point):
                self.class_clicked.emit(code)
                return


class PyramidChart(QWidget):
    tier_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: PortfolioData | None = None
        self.setMinimumSize(260, 240)
        self._bands: list[QPolygonF] = []

    def set_data(self, data: PortfolioData | None) -> None:
        self.data = data
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        self._bands = []
        if self.data is None:
            return
        tiers = self.data.pyramid
        w, h = self.width() * 0.42, self.height() - 16
        band = h / len(tiers)
        colours = ("#2e9d5b", "#3a7bd5", "#e0a526", "#9e9e9e")
        names = {"top": self.tr("顶层客户"), "major": self.tr("大客户"), "medium": self.tr("中等客户"),
                 "small": self.tr("小客户")}
        for n, tier in enumerate(tiers):
            top, bottom = 8 + n * band, 8 + (n + 1) * band
            half_top, half_bottom = w / 2 * n / len(tiers), w / 2 * (n + 1) / len(tiers)
            cx = 8 + w / 2
            polygon = QPolygonF([QPointF(cx - half_top, top), QPointF(cx + half_top, top),
                                 QPointF(cx + half_bottom, bottom - 2), QPointF(cx - half_bottom, bottom - 2)])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours[n % len(colours)]))
            painter.drawPolygon(polygon)
            self._bands.append(polygon)
            text = (self.tr("%1：%2 个\n价值 %3 万元，占 %4%").replace("%1", names.get(tier.key, tier.label))
                    .replace("%2", f"{tier.customers:,}").replace("%3", _wan(tier.value_fen, 0))
                    .replace("%4", f"{tier.value_share * 100:.0f}"))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(w + 20, top, self.width() - w - 24, band),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for n, polygon in enumerate(self._bands):
            if polygon.containsPoint(event.position(), Qt.FillRule.OddEvenFill):
                self.tier_clicked.emit(n)
                return


class PortfolioView(QWidget):
    """The portfolio page; ``customers_requested`` carries {"ids": [...]} or
    {"value_class": code} for the customer list."""

    customers_requested = Signal(object)

    def __init__(self, db: Database, bus: QtBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data: PortfolioData | None = None
        self.quadrants = QuadrantChart()
        self.pyramid = PyramidChart()
        self.summary = QTableWidget(0, 5)
        self.summary.setHorizontalHeaderLabels([self.tr("分类"), self.tr("客户数"), self.tr("近 12 个月销量（万元）"),
                                                self.tr("客户价值（万元）"), self.tr("策略")])
        for column, width in enumerate((170, 80, 170, 150)):
            self.summary.setColumnWidth(column, width)
        self.summary.verticalHeader().hide()
        self.summary.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.summary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary.setMaximumHeight(170)
        self.summary.cellDoubleClicked.connect(self._summary_clicked)
        self.status = QLabel()
        self.thresholds = ThresholdBar(db)
        self.thresholds.reclassified.connect(self._reclassified)
        charts = QHBoxLayout()
        charts.addWidget(self.quadrants, 3)
        charts.addWidget(self.pyramid, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.thresholds)
        layout.addLayout(charts, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        self.quadrants.cell_clicked.connect(self._cell_clicked)
        self.quadrants.class_clicked.connect(self._class_clicked)
        self.pyramid.tier_clicked.connect(self._tier_clicked)
        bus.changed.connect(self._on_changed)  # a bound slot: disconnected when the view goes

    def _on_changed(self, changes: list) -> None:  # type: ignore[type-arg]
        if touches(changes, *REFRESHING) and self.isVisible():
            self.reload()

    def reload(self) -> None:
        ops.query(self, self.db, portfolio, self._show, key=f"portfolio-{id(self)}")

    def _show(self, data: PortfolioData) -> None:
        self.data = data
        self.quadrants.set_data(data)
        self.pyramid.set_data(data)
        self.summary.setRowCount(len(data.classes))
        for row, c in enumerate(data.classes):
            cells = [enum_label(ValueClass, c.code), f"{c.customers:,}", _wan(c.volume_fen), _wan(c.value_fen),
                     label(c.strategy)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setForeground(QColor(c.colour))
                if col in (1, 2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.summary.setItem(row, col, item)
        self.status.setText(self.tr("共 %1 个客户，未分类（无评价）%2 个；点击图中的圆点、象限名称或金字塔的一层查看对应客户")
                            .replace("%1", f"{data.customers:,}").replace("%2", f"{data.unclassified:,}"))

    def _summary_clicked(self, row: int, _col: int) -> None:
        if self.data is not None and row < len(self.data.classes):
            self.customers_requested.emit({"value_class": self.data.classes[row].code})

    def _cell_clicked(self, x: int, y: int) -> None:
        data = self.data
        if data is None:
            return
        xs, ys = data.volume_edges, data.loyalty_edges
        volume = (xs[x], xs[x + 1] if x + 1 < len(xs) else None)
        loyalty = (ys[y], ys[y + 1] if y + 1 < len(ys) else None)
        ops.query(self, self.db, lambda s: ids_in_cell(s, volume, loyalty), self._ids_found)

    def _ids_found(self, ids: list[int]) -> None:
        self.customers_requested.emit({"ids": ids})

    def _class_clicked(self, code: str) -> None:
        self.customers_requested.emit({"value_class": code})

    def _reclassified(self, _summary: object) -> None:
        self.reload()

    def _tier_clicked(self, n: int) -> None:
        if self.data is not None and n < len(self.data.pyramid):  # the ids asked for on click
            ops.query(self, self.db, lambda s: ids_in_tier(s, n), self._ids_found)
