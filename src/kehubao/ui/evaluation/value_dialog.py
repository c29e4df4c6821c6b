"""The assumptions behind customer value and receivables, editable from the 评价 page:
gross margin, expected remaining years per class, the referral share, and the default
payment terms (账期). Stored as settings (services/evaluation/value.py); the value
formulas read them at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QSpinBox, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from ...db import Database
from ...models.enums import ValueClass
from ...services.evaluation.value import (
    Assumptions,
    ValueSettings,
    load_assumptions,
    save_assumptions,
)
from ..i18n import enum_label
from ..widgets.forms import Form
from ..widgets.record_dialog import RecordDialog

CLASSES = ("4", "3", "2", "1", "")  # best first; "" = not classified yet


def _spin(maximum: float, suffix: str, decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(decimals)
    box.setSuffix(suffix)
    return box


class ValueAssumptionsDialog(RecordDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.setWindowTitle(self.tr("价值与账期假设"))
        self.form = f = Form()
        f.add("margin_pct", self.tr("毛利率"), _spin(100, " %"),
              hint=self.tr("净销售额中的毛利比例：既成价值 = 累计净销售 × 毛利率"))
        for code in CLASSES:
            label = enum_label(ValueClass, code) if code else self.tr("未分类")
            f.add(f"years_{code or 'none'}", self.tr("%1 预计剩余年限").replace("%1", label),
                  _spin(50, self.tr(" 年")),
                  hint=self.tr("潜在价值 = 近 12 个月净销售 × 毛利率 × 预计剩余年限"))
        f.add("referral_pct", self.tr("推荐分成"), _spin(100, " %"),
              hint=self.tr("影响价值 = 所推荐客户的既成价值 × 推荐分成"))
        terms = QSpinBox()
        terms.setRange(0, 3650)
        terms.setSuffix(self.tr(" 天"))
        f.add("terms_days", self.tr("默认账期"), terms,
              hint=self.tr("销售没有填写到期日时，按交易日期加账期计算是否逾期"))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(f)
        note = QLabel(self.tr("这些是估算用的假设，不是会计数字；保存后客户价值和客户金字塔立即按新假设计算。"))
        note.setWordWrap(True)
        note.setStyleSheet("color:#607d8b;")
        layout.addWidget(note)
        self.finish(body, [])
        self.resize(max(480, self.sizeHint().width()), self.sizeHint().height())
        self.load(load_assumptions, self._apply)

    def forms(self) -> list[Form]:
        return [self.form]

    def _apply(self, assumptions: Assumptions) -> None:
        fields, value = self.form.fields, assumptions.value
        fields["margin_pct"].setValue(value.margin_pct)
        fields["referral_pct"].setValue(value.referral_pct)
        for code in CLASSES:
            fields[f"years_{code or 'none'}"].setValue(value.years_for(code or None))
        fields["terms_days"].setValue(assumptions.terms_days)

    def assumptions(self) -> Assumptions:
        values = self.form.values()
        years = {code: float(values[f"years_{code or 'none'}"]) for code in CLASSES}
        return Assumptions(ValueSettings(float(values["margin_pct"]), years, float(values["referral_pct"])),
                           int(values["terms_days"]))

    def writer(self) -> Callable[[Session], int]:
        assumptions = self.assumptions()

        def write(session: Session) -> int:
            save_assumptions(session, assumptions)
            return 0

        return write
