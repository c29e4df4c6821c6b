"""A customer's evaluation history: every evaluation with its total, grade and class, the
trend from one to the next (in the table, and as a chart against the grade thresholds),
and — for the selected one — why the grade changed: which indicators moved and by how
many points."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import ValueClass
from ...services.evaluation.scoring import EvaluationSheet, GradeChange, change_since_last, history
from ...services.report_requests import ReportRequest
from .. import ops
from ..i18n import enum_label, period_label
from ..icons import icon
from ..reports.preview import PreviewDialog, ReportActions
from .trend_chart import TrendChart


class EvaluationHistory(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.customer_id: int | None = None
        self.sheets: list[EvaluationSheet] = []
        self.heading = QLabel(self.tr("评价历史"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("期间"), self.tr("评价日期"), self.tr("总分"),
                                              self.tr("变化"), self.tr("等级 / 分类")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(4):  # a handful of rows: fitting them costs nothing
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.why = QTextBrowser()
        # The evaluation sheet of the selected evaluation, not only of the latest one.
        self.reports = ReportActions(self, db)
        self.preview_button = QPushButton(icon("search"), self.tr("预览评价表"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.print_button = QPushButton(icon("reports"), self.tr("打印评价表…"))
        self.print_button.clicked.connect(self.print_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        for button in (self.preview_button, self.print_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        self.trend = TrendChart()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.trend)
        splitter.addWidget(self.why)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

    def show_customer(self, customer_id: int) -> None:
        self.customer_id = customer_id
        ops.query(self, self.db, lambda s: history(s, customer_id), self._show, key=f"eval-history-{id(self)}")

    def refresh(self) -> None:
        if self.customer_id is not None:
            self.show_customer(self.customer_id)

    def _show(self, sheets: list[EvaluationSheet]) -> None:
        self.sheets = sheets
        self.trend.set_sheets(sheets)
        self.table.setRowCount(len(sheets))
        name = sheets[0].customer_name if sheets else ""
        self.heading.setText(self.tr("评价历史：%1").replace("%1", name) if name else self.tr("评价历史"))
        unclassified = self.tr("未分类")
        for row, sheet in enumerate(sheets):
            older = sheets[row + 1].total if row + 1 < len(sheets) else None
            delta = "" if older is None else f"{sheet.total - older:+.2f}".rstrip("0").rstrip(".")
            cells = [period_label(sheet.period_label), sheet.evaluated_on.isoformat(), f"{sheet.total:g}", delta,
                     f"{sheet.grade or '—'} · {enum_label(ValueClass, sheet.value_class) or unclassified}"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        if sheets:
            self.table.selectRow(0)
        else:
            for button in (self.preview_button, self.print_button):
                button.setEnabled(False)
            self.why.setHtml(escape(self.tr("这个客户还没有评价。")))

    def selected_sheet(self) -> EvaluationSheet | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.sheets):
            return None
        return self.sheets[rows[0].row()]

    def sheet_request(self) -> ReportRequest | None:
        """The printed evaluation sheet of the selected evaluation."""
        sheet = self.selected_sheet()
        if sheet is None:
            return None
        return ReportRequest("evaluation", customer_id=sheet.customer_id, evaluation_id=sheet.id)

    def preview_selected(self) -> PreviewDialog | None:
        request = self.sheet_request()
        return self.reports.preview(request) if request is not None else None

    def print_selected(self) -> None:
        if (request := self.sheet_request()) is not None:
            self.reports.print(request)

    def _selected(self) -> None:
        sheet = self.selected_sheet()
        for button in (self.preview_button, self.print_button):
            button.setEnabled(sheet is not None)
        if sheet is None:
            return
        ops.query(self, self.db, lambda s: change_since_last(s, sheet.id),
                  lambda change: self._explain(sheet, change), key=f"eval-why-{id(self)}")

    def _explain(self, sheet: EvaluationSheet, change: GradeChange | None) -> None:
        lines = []
        if change is None:
            lines.append(escape(self.tr("这是第一次评价，没有可比较的上次评价。")))
        else:
            head = (self.tr("与上次（%1，%2 分，%3）相比：总分 %4")
                    .replace("%1", period_label(change.previous_period)).replace("%2", f"{change.previous_total:g}")
                    .replace("%3", change.previous_grade or "—").replace("%4", f"{change.total_delta:+g}"))
            if change.grade_changed:
                head += " " + self.tr("，等级 %1 → %2").replace("%1", change.previous_grade or "—") \
                    .replace("%2", change.grade or "—")
            lines.append(f"<p><b>{escape(head)}</b></p>")
            if change.moves:
                items = []
                for m in change.moves:
                    before = "—" if m.before is None else f"{m.before:g}"
                    after = "—" if m.after is None else f"{m.after:g}"
                    text = (self.tr("%1：%2 → %3，对总分 %4 分").replace("%1", m.name).replace("%2", before)
                            .replace("%3", after).replace("%4", f"{m.points_delta:+g}"))
                    items.append(f"<li>{escape(text)}</li>")
                lines.append("<ul>" + "".join(items) + "</ul>")
            else:
                lines.append(escape(self.tr("各项分数都没有变化。")))
        rows = "".join(
            f"<tr><td>{escape(i.name)}</td><td align='right'>{i.value:g}/{i.max_score}</td>"
            f"<td align='right'>{i.weight_pct:g}%</td><td align='right'>{i.points:g}</td>"
            f"<td>{escape(i.level)}</td></tr>" for i in sheet.indicators)
        header = "".join(f"<th>{escape(t)}</th>" for t in (
            self.tr("指标"), self.tr("得分"), self.tr("权重"), self.tr("折合分"), self.tr("等级描述")))
        lines.append(f"<table cellspacing='4'><tr>{header}</tr>{rows}</table>")
        if sheet.notes:
            comment = self.tr("评语：%1").replace("%1", sheet.notes)
            lines.append(f"<p>{escape(comment)}</p>")
        self.why.setHtml("".join(lines))
