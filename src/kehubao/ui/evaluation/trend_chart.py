"""The customer's score trend: the total of each evaluation, oldest on the left, joined
by a line, with the grade thresholds (A, B, C) as dashed lines across — so a salesperson
sees at a glance whether the customer is sliding towards the next grade down.

Drawn with QPainter from the history the view already holds (no read of its own). The
thresholds are those of the newest evaluation's template version: the line the customer
is measured against now. Evaluations are spaced evenly (they are made once a period)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...services.evaluation.scoring import EvaluationSheet, trend
from ...services.evaluation.templates import GRADES
from ..i18n import period_label

GRADE_COLOURS = {"A": "#2e9d5b", "B": "#3a7bd5", "C": "#e0a526"}


class TrendChart(QWidget):
    """Total score (0–100) per evaluation; ``points`` holds the drawn points, oldest first."""

    MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 34, 28, 10, 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.totals: list[tuple[str, float, str | None]] = []
        self.thresholds: dict[str, float] = {}
        self.points: list[QPointF] = []
        self.setMinimumHeight(140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setToolTip(self.tr("总分趋势；虚线为等级分界线（A / B / C）"))

    def set_sheets(self, sheets: list[EvaluationSheet]) -> None:
        """The history, newest first (as ``scoring.history`` gives it)."""
        self.totals = trend(sheets)
        self.thresholds = dict(sheets[0].thresholds) if sheets else {}
        self.points = []
        self.update()

    def _plot(self) -> QRectF:
        return QRectF(self.MARGIN_L, self.MARGIN_T, max(1, self.width() - self.MARGIN_L - self.MARGIN_R),
                      max(1, self.height() - self.MARGIN_T - self.MARGIN_B))

    def _y(self, score: float) -> float:
        plot = self._plot()
        return plot.bottom() - plot.height() * max(0.0, min(100.0, score)) / 100

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().base())
        plot = self._plot()
        text_colour = self.palette().text().color()
        self.points = []
        if not self.totals:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("还没有评价，无法显示趋势"))
            return
        painter.setPen(QPen(QColor("#cccccc"), 1))
        painter.drawRect(plot)
        painter.setPen(text_colour)
        for score in (0, 50, 100):
            painter.drawText(QRectF(0, self._y(score) - 8, self.MARGIN_L - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{score}")
        for grade in GRADES:  # the thresholds, labelled at the right edge
            if grade not in self.thresholds:
                continue
            y = self._y(float(self.thresholds[grade]))
            colour = QColor(GRADE_COLOURS.get(grade, "#888888"))
            painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.drawText(QRectF(plot.right() + 3, y - 8, self.MARGIN_R - 3, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, grade)
        step = plot.width() / len(self.totals)
        self.points = [QPointF(plot.left() + step * (n + 0.5), self._y(total))
                       for n, (_period, total, _grade) in enumerate(self.totals)]
        painter.setPen(QPen(text_colour, 2))
        if len(self.points) > 1:
            painter.drawPolyline(QPolygonF(self.points))
        right = -1.0
        for point, (stored, _total, grade) in zip(self.points, self.totals, strict=True):
            period = period_label(stored)
            painter.setPen(QPen(text_colour, 1))
            painter.setBrush(QColor(GRADE_COLOURS.get(grade or "", "#9e9e9e")))
            painter.drawEllipse(point, 4, 4)
            width = painter.fontMetrics().horizontalAdvance(period) + 6
            if point.x() - width / 2 > right:  # period labels, skipping any that would overlap
                painter.drawText(QRectF(point.x() - width / 2, plot.bottom() + 3, width, 16),
                                 Qt.AlignmentFlag.AlignHCenter, period)
                right = point.x() + width / 2
