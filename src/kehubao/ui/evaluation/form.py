"""The evaluation form: one spin box per indicator, digits and Tab only, the weighted
score and grade live, comments, Ctrl+S to save — and the bulk walk (previous / next
customer of a class or region) so a quarter's evaluations go one after another.

Every read and write goes through ``ui.ops``; the live score uses the scoring service's
pure functions, so the form and the saved evaluation can never disagree."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import ValueClass
from ...services.evaluation.scoring import ScoreInput, evaluate, grade_for, weighted_score
from ...services.evaluation.workflow import EvaluationForm as FormData
from ...services.evaluation.workflow import form_data, walk_ids
from .. import ops
from ..i18n import enum_choices, enum_label, period_label

UNSCORED = -1


class ScoreBox(QSpinBox):
    """A score: digits only; the whole value is selected on focus, so typing replaces it."""

    def __init__(self, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(UNSCORED, maximum)
        self.setSpecialValueText("—")
        self.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setFixedWidth(56)

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().focusInEvent(event)
        self.selectAll()


class EvaluationFormView(QWidget):
    saved = Signal(int, int)  # customer id, evaluation id
    customer_changed = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.data: FormData | None = None
        self.walk: list[int] = []
        self.position = -1
        self.boxes: list[ScoreBox] = []
        self.levels: list[QLabel] = []

        self.walk_class = QComboBox()
        self.walk_class.addItem(self.tr("全部分类"), "")
        for code, text in enum_choices(ValueClass):
            self.walk_class.addItem(text, code)
        self.walk_region = QLineEdit()
        hint = self.tr("区域（可空）")
        self.walk_region.setPlaceholderText(hint)
        # Wide enough for its hint in any language ("Region (optional)" is twice the Chinese).
        fits = self.walk_region.fontMetrics().horizontalAdvance(hint) + 24
        self.walk_region.setMinimumWidth(min(fits, 260))
        self.walk_region.setMaximumWidth(max(140, min(fits, 260)))
        start = QPushButton(self.tr("开始逐个评价"))
        start.clicked.connect(self.start_walk)
        self.previous_button = QPushButton(self.tr("上一个"))
        self.previous_button.clicked.connect(self.previous)
        self.next_button = QPushButton(self.tr("下一个"))
        self.next_button.clicked.connect(self.next)
        self.walk_label = QLabel()
        edit_template = QPushButton(self.tr("编辑评价模板…"))
        edit_template.clicked.connect(self.edit_template)
        bar = QHBoxLayout()
        for w in (QLabel(self.tr("本季评价：")), self.walk_class, self.walk_region, start,
                  self.previous_button, self.next_button, self.walk_label):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(edit_template)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.subtitle = QLabel()
        self.grid = QGridLayout()
        self.grid.setColumnStretch(3, 1)
        holder = QWidget()
        holder.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("评语（可空）"))
        self.notes.setMaximumHeight(70)
        self.save_button = QPushButton(self.tr("保存评价 (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        bottom = QFormLayout()
        bottom.addRow(self.tr("评语："), self.notes)
        footer = QHBoxLayout()
        footer.addWidget(self.total)
        footer.addStretch(1)
        footer.addWidget(self.message)
        footer.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        layout.addLayout(footer)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_walk()
        self._show(None)

    # ------------------------------------------------------------------ loading

    def edit_template(self) -> None:
        from ..widgets.modal import run_modal
        from .template_dialog import TemplateDialog

        dialog = TemplateDialog(self.db, self)
        if run_modal(dialog) and self.data is not None:
            self.load_customer(self.data.customer_id)  # the new version's indicators

    def load_customer(self, customer_id: int) -> None:
        ops.query(self, self.db, lambda s: form_data(s, customer_id), self._show, key=f"eval-form-{id(self)}")

    def start_walk(self) -> None:
        code, region = self.walk_class.currentData(), self.walk_region.text().strip() or None
        ops.query(self, self.db, lambda s: list(walk_ids(s, value_class=code or None, region=region)),
                  self.set_walk)

    def set_walk(self, ids: list[int]) -> None:
        self.walk, self.position = list(ids), 0 if ids else -1
        self._update_walk()
        if ids:
            self.load_customer(ids[0])
        else:
            self.message.setText(self.tr("没有符合条件的客户"))

    def previous(self) -> None:
        self.step(-1)

    def next(self) -> None:
        self.step(1)

    def step(self, delta: int) -> None:
        if not self.walk:
            return
        self.position = max(0, min(len(self.walk) - 1, self.position + delta))
        self._update_walk()
        self.load_customer(self.walk[self.position])

    def _update_walk(self) -> None:
        has = bool(self.walk)
        self.previous_button.setEnabled(has and self.position > 0)
        self.next_button.setEnabled(has and self.position < len(self.walk) - 1)
        self.walk_label.setText(
            self.tr("第 %1 / %2 个").replace("%1", str(self.position + 1)).replace("%2", str(len(self.walk)))
            if has else "")

    def _show(self, data: FormData | None) -> None:
        self.data = data
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.boxes, self.levels = [], []
        self.notes.clear()
        self.message.clear()
        self.save_button.setEnabled(data is not None)
        if data is None:
            self.title.setText(self.tr("选择要评价的客户：按分类或区域开始逐个评价，或在客户页打开评价"))
            self.subtitle.clear()
            self.total.clear()
            return
        self.title.setText(data.customer_name)
        parts = [period_label(data.period_label), data.template_name,
                 enum_label(ValueClass, data.value_class) or self.tr("未分类")]
        if data.last_total is not None:
            parts.append(self.tr("上次 %1 分（%2）").replace("%1", f"{data.last_total:g}")
                         .replace("%2", period_label(data.last_period)))
        if data.evaluated_this_period:
            parts.append(self.tr("本季已评价过"))
        self.subtitle.setText(" · ".join(parts))
        for row, ind in enumerate(data.indicators):
            name = QLabel(f"{ind.name}")
            name.setToolTip("\n".join([ind.description or "", *[f"≥{lo}：{text}" for lo, text in ind.levels]]))
            weight = QLabel(f"{ind.weight_pct:g}%")
            box = ScoreBox(ind.max_score)
            box.setValue(UNSCORED)
            box.setToolTip(self.tr("0–%1 分；上次：%2").replace("%1", str(ind.max_score))
                           .replace("%2", "—" if ind.last_value is None else f"{ind.last_value:g}"))
            box.valueChanged.connect(self._recalculate)
            level = QLabel()
            level.setWordWrap(True)
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(weight, row, 1)
            self.grid.addWidget(box, row, 2)
            self.grid.addWidget(level, row, 3)
            self.boxes.append(box)
            self.levels.append(level)
        self.grid.setRowStretch(self.grid.rowCount(), 1)  # rows at the top, not spread out
        for a, b in zip(self.boxes, self.boxes[1:], strict=False):
            QWidget.setTabOrder(a, b)
        if self.boxes:
            QWidget.setTabOrder(self.boxes[-1], self.notes)
            QTimer.singleShot(0, self.boxes[0].setFocus)  # once the new boxes are shown
        self._recalculate()
        self.customer_changed.emit(data.customer_id)

    # ------------------------------------------------------------------ score

    def scores(self) -> list[float | None]:
        return [None if b.value() == UNSCORED else float(b.value()) for b in self.boxes]

    def _recalculate(self) -> None:
        if self.data is None:
            return
        values = self.scores()
        for ind, level, value in zip(self.data.indicators, self.levels, values, strict=True):
            level.setText(next((text for lo, text in ind.levels if value is not None and value >= lo), ""))
        done = [(i.weight_pct / 100, i.max_score, v)
                for i, v in zip(self.data.indicators, values, strict=True) if v is not None]
        total = weighted_score(done)
        missing = sum(v is None for v in values)
        # No grade before anything is scored: a blank form is not a D.
        grade = grade_for(total, self.data.thresholds) if done else "—"
        text = self.tr("总分 %1 · 等级 %2").replace("%1", f"{total:g}").replace("%2", grade)
        if missing:
            text += " " + self.tr("（还有 %1 项未打分）").replace("%1", str(missing))
        self.total.setText(text)

    def save(self) -> None:
        data = self.data
        if data is None:
            return
        values = self.scores()
        if any(v is None for v in values):
            self.message.setText(self.tr("每一项都要打分后才能保存"))
            self.boxes[[v is None for v in values].index(True)].setFocus()
            return
        notes = self.notes.toPlainText().strip()
        inputs = [ScoreInput(i.id, v) for i, v in zip(data.indicators, values, strict=True)]  # type: ignore[arg-type]

        def change(session):  # type: ignore[no-untyped-def]
            return evaluate(session, data.customer_id, inputs, template_id=data.template_id, notes=notes).id

        self.save_button.setEnabled(False)
        ops.write(self, self.db, change, lambda eid: self._saved(data.customer_id, eid),
                  on_error=self._failed)

    def _saved(self, customer_id: int, evaluation_id: int) -> None:
        self.message.setText(self.tr("已保存"))
        self.save_button.setEnabled(True)
        self.saved.emit(customer_id, evaluation_id)
        if self.walk and self.position < len(self.walk) - 1:
            self.step(1)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(str(exc))
