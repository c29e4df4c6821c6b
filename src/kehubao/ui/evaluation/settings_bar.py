"""The class thresholds, edited where their effect is seen: above the portfolio. Saving
stores them and reclassifies every customer in the background (a task with progress)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ...db import Database
from ...services.evaluation.classes import (
    ClassThresholds,
    load_thresholds,
    reclassify_all,
    save_thresholds,
)
from .. import ops


class ThresholdBar(QWidget):
    reclassified = Signal(object)  # ReclassifySummary

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.volume = QDoubleSpinBox()
        self.volume.setRange(0, 1_000_000)
        self.volume.setDecimals(1)
        self.volume.setSuffix(self.tr(" 万元"))
        self.loyalty = QDoubleSpinBox()
        self.loyalty.setRange(0, 100)
        self.loyalty.setDecimals(1)
        self.loyalty.setSuffix(" %")
        self.apply = QPushButton(self.tr("保存并重新分类"))
        self.apply.clicked.connect(self.save)
        self.result = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (QLabel(self.tr("大客户：近 12 个月销量 ≥")), self.volume,
                       QLabel(self.tr("忠诚：忠诚度指标得分 ≥")), self.loyalty, self.apply, self.result):
            layout.addWidget(widget)
        layout.addStretch(1)
        ops.query(self, db, load_thresholds, self._show)

    def _show(self, thresholds: ClassThresholds) -> None:
        self.volume.setValue(thresholds.volume_fen / 1_000_000)
        self.loyalty.setValue(thresholds.loyalty_pct)

    def thresholds(self) -> ClassThresholds:
        return ClassThresholds(round(self.volume.value() * 1_000_000), round(self.loyalty.value(), 1))

    def save(self) -> None:
        thresholds = self.thresholds()

        def change(session, progress):  # type: ignore[no-untyped-def]
            save_thresholds(session, thresholds)
            return reclassify_all(session, lambda f: progress(f, ""))

        self.apply.setEnabled(False)
        ops.write(self, self.db, change, self._done, on_error=self._failed,
                  progress_title=self.tr("正在重新分类…"))

    def _done(self, summary) -> None:  # type: ignore[no-untyped-def]
        self.apply.setEnabled(True)
        self.result.setText(self.tr("已重新分类，%1 个客户的分类有变化").replace("%1", f"{summary.changed:,}"))
        self.reclassified.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self.apply.setEnabled(True)
        self.result.setText(str(exc))
