"""Editing the evaluation template: indicators with weight, scale and dimension, the grade
thresholds; the weights' sum is shown while typing and saving waits until it is 100%.
A template that already has evaluations is saved as a new version (the service decides),
so past evaluations keep theirs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...services.evaluation.templates import (
    GRADES,
    IndicatorDraft,
    TemplateDraft,
    active_template,
    draft_of,
    save_template,
    weight_problem,
    weight_total_pct,
)
from .. import ops


class TemplateDialog(QDialog):
    COLUMNS = 5  # name, weight, max score, dimension, description

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.template_id: int | None = None
        self.levels: dict[str, list[tuple[int, str]]] = {}
        self.setWindowTitle(self.tr("评价模板"))
        self.resize(900, 560)
        self.name = QLineEdit()
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels([self.tr("指标"), self.tr("权重 %"), self.tr("满分"),
                                              self.tr("用于分类"), self.tr("说明")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 160)
        add, remove = QPushButton(self.tr("添加指标")), QPushButton(self.tr("删除指标"))
        add.clicked.connect(self._add_empty_row)
        remove.clicked.connect(self._remove_row)
        self.sum_label = QLabel()
        self.grade_boxes = {g: QDoubleSpinBox() for g in GRADES}
        grades = QHBoxLayout()
        grades.addWidget(QLabel(self.tr("等级分数线：")))
        for grade, box in self.grade_boxes.items():
            box.setRange(0, 100)
            box.setDecimals(1)
            grades.addWidget(QLabel(grade + " ≥"))
            grades.addWidget(box)
        grades.addWidget(QLabel(self.tr("，其余为 D")))
        grades.addStretch(1)
        tools = QHBoxLayout()
        tools.addWidget(add)
        tools.addWidget(remove)
        tools.addStretch(1)
        tools.addWidget(self.sum_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("模板名称：")))
        name_row.addWidget(self.name, 1)
        layout.addLayout(name_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addLayout(grades)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        ops.query(self, db, lambda s: (active_template(s).id, draft_of(active_template(s))), self._load)

    def _load(self, loaded: tuple[int, TemplateDraft]) -> None:
        self.template_id, draft = loaded
        self.name.setText(draft.name)
        self.levels = {i.name: i.levels for i in draft.indicators}
        for indicator in draft.indicators:
            self._add_row(indicator)
        for grade, box in self.grade_boxes.items():
            box.setValue(float(draft.grade_thresholds.get(grade, 0)))
        self._update_sum()

    def _add_row(self, ind: IndicatorDraft) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(ind.name))
        weight = QDoubleSpinBox()
        weight.setRange(0, 100)
        weight.setDecimals(2)
        weight.setValue(ind.weight_pct)
        weight.valueChanged.connect(self._update_sum)
        self.table.setCellWidget(row, 1, weight)
        scale = QSpinBox()
        scale.setRange(1, 100)
        scale.setValue(ind.max_score)
        self.table.setCellWidget(row, 2, scale)
        dimension = QComboBox()
        for text, code in ((self.tr("—"), None), (self.tr("忠诚度"), "loyalty"), (self.tr("销量"), "volume")):
            dimension.addItem(text, code)
        dimension.setCurrentIndex(max(0, dimension.findData(ind.dimension)))
        self.table.setCellWidget(row, 3, dimension)
        self.table.setItem(row, 4, QTableWidgetItem(ind.description or ""))
        self._update_sum()

    def _add_empty_row(self) -> None:
        self._add_row(IndicatorDraft("", 0))

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._update_sum()

    def draft(self) -> TemplateDraft:
        indicators = []
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            indicators.append(IndicatorDraft(
                name, self.table.cellWidget(row, 1).value(), self.table.cellWidget(row, 2).value(),
                (self.table.item(row, 4).text() if self.table.item(row, 4) else "") or None,
                self.table.cellWidget(row, 3).currentData(), list(self.levels.get(name, []))))
        return TemplateDraft(self.name.text(), indicators,
                             {g: box.value() for g, box in self.grade_boxes.items()})

    def _update_sum(self) -> None:
        indicators = self.draft().indicators
        problem = weight_problem(indicators)
        self.sum_label.setText(problem or self.tr("权重合计 %1%").replace("%1", f"{weight_total_pct(indicators):g}"))
        self.sum_label.setStyleSheet("color: #c0392b;" if problem else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(problem is None)

    def save(self) -> None:
        draft, template_id = self.draft(), self.template_id
        self.buttons.setEnabled(False)
        ops.write(self, self.db, lambda s: save_template(s, draft, template_id).id, self._saved,
                  on_error=self._failed)

    def _saved(self, _template_id: int) -> None:
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(str(exc))
