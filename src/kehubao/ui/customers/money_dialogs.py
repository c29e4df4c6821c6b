"""The small dialogs of a customer's money page: a sale, payment or return (amount in 元,
a sale's due date from the terms), a support action, a risk record. Each is a
RecordDialog (Ctrl+S, every bad field marked, no silent loss); the services parse and
check what was typed and write it as one undoable operation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from ...db import Database
from ...models.enums import RiskKind, SupportKind, TransactionKind
from ...services.evaluation import ledger
from ..i18n import enum_choices, enum_label
from ..widgets.forms import DateField, Form
from ..widgets.record_dialog import RecordDialog


class _SmallDialog(RecordDialog):
    """One form, a caption naming the customer, today's date filled in."""

    def __init__(self, db: Database, customer_id: int, customer_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.customer_id, self.customer_name = customer_id, customer_name
        self.form = Form()

    def set_title(self, title: str) -> None:
        self.setWindowTitle(f"{title} — {self.customer_name}")

    def forms(self) -> list[Form]:
        return [self.form]

    def done_building(self, hint: str = "") -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet("color:#607d8b;")
            layout.addWidget(note)
        layout.addStretch(1)
        self.finish(body, [])
        self.form.fields["occurred_on"].set_value(date.today())
        self.form.mark_clean()
        self.resize(max(460, self.sizeHint().width()), self.sizeHint().height())


class TransactionDialog(_SmallDialog):
    """记一笔销售 / 回款 / 退货."""

    def __init__(self, db: Database, customer_id: int, customer_name: str, kind: str,
                 terms_days: int, parent: QWidget | None = None) -> None:
        super().__init__(db, customer_id, customer_name, parent)
        titles = {TransactionKind.SALE.value: self.tr("记一笔销售"),
                  TransactionKind.PAYMENT.value: self.tr("记一笔回款"),
                  TransactionKind.RETURN.value: self.tr("记一笔退货")}
        self.set_title(titles[kind])
        self.kind, self.terms_days = kind, terms_days
        f = self.form
        day = f.add("occurred_on", self.tr("日期"), DateField(), required=True)
        f.text("amount", self.tr("金额（元）"), required=True, max_length=30,
               hint=self.tr("如 12800 或 1.28万"))
        hint = ""
        if kind == TransactionKind.SALE:
            due = f.date("due_on", self.tr("到期日"))
            due.changed.connect(self._due_edited)
            day.changed.connect(self._follow_day)
            hint = self.tr("到期日默认按账期 %1 天计算；留空也按账期。").replace("%1", str(terms_days))
        f.text("product", self.tr("产品"), max_length=120)
        f.text("reference", self.tr("单号"), max_length=60, hint=self.tr("发票或订单号"))
        f.long_text("note", self.tr("备注"), lines=2)
        self._due_by_hand = False
        self._setting_due = False
        self.done_building(hint)
        self.form.fields["amount"].setFocus()

    def _follow_day(self) -> None:
        """Until the user picks a due date, it stays the day plus the terms."""
        day = self.form.fields["occurred_on"].value()
        if day is not None and not self._due_by_hand:
            self._setting_due = True
            self.form.fields["due_on"].set_value(day + timedelta(days=self.terms_days))
            self._setting_due = False

    def _due_edited(self) -> None:
        if not self._setting_due:
            self._due_by_hand = True

    def writer(self) -> Callable[[Session], int]:
        values, customer_id, kind = self.form.values(), self.customer_id, self.kind
        return lambda session: ledger.save_transaction_form(session, customer_id, kind, values)


class SupportDialog(_SmallDialog):
    """记录支援: one of the six kinds, when, at what cost."""

    def __init__(self, db: Database, customer_id: int, customer_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, customer_id, customer_name, parent)
        self.set_title(self.tr("记录支援"))
        f = self.form
        kinds = QComboBox()
        for code, text in enum_choices(SupportKind):
            kinds.addItem(text, code)
        f.add("kind", self.tr("支援类型"), kinds, required=True)
        f.add("occurred_on", self.tr("日期"), DateField(), required=True)
        f.text("cost", self.tr("费用（元）"), max_length=30, hint=self.tr("可不填"))
        f.long_text("description", self.tr("内容"), lines=3,
                    hint=self.tr("做了什么，效果如何"))
        self.done_building()

    def writer(self) -> Callable[[Session], int]:
        values, customer_id = self.form.values(), self.customer_id
        return lambda session: ledger.save_support_form(session, customer_id, values)


class RiskDialog(_SmallDialog):
    """记录风险: 窜货, 低价抛售 or other, with what proves it."""

    def __init__(self, db: Database, customer_id: int, customer_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, customer_id, customer_name, parent)
        self.set_title(self.tr("记录风险"))
        f = self.form
        kinds = QComboBox()
        for code in ledger.recordable_risk_kinds():
            kinds.addItem(enum_label(RiskKind, code), code)
        f.add("kind", self.tr("风险类型"), kinds, required=True)
        f.add("occurred_on", self.tr("发生日期"), DateField(), required=True)
        f.long_text("description", self.tr("经过"), lines=3,
                    hint=self.tr("在哪里发现、涉及什么产品、价格多少"))
        f.long_text("evidence", self.tr("证据"), lines=2,
                    hint=self.tr("发票号、照片文件名、证人等"))
        self.done_building()

    def writer(self) -> Callable[[Session], int]:
        values, customer_id = self.form.values(), self.customer_id
        return lambda session: ledger.save_risk_form(session, customer_id, values)
