"""One customer's money page (交易与评价): what the salesperson sees on the customer's own
tab and the forms it records from — a sale, a payment or a return typed in 元, a support
action, a 窜货 / 低价抛售 record.

The page reads everything in one go (``customer_ledger``); the forms hand their typed
text here (``save_*_form``), so parsing an amount, defaulting a due date from the terms
and refusing bad input happen once, in the service, with each bad field named for the
dialog. The writes themselves are the undoable services of this package.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import Customer, RiskEvent, SupportAction
from ...models.enums import RiskKind, TransactionKind
from ...texts import Text
from .risk import RECORDED_KINDS, RiskFlag, record_risk, risk_flags
from .support import record_support
from .transaction_import import parse_amount_fen
from .transactions import (
    Receivables,
    list_transactions,
    receivables,
    record_transaction,
    terms_days,
)
from .value import CustomerValue, customer_value

T = TypeVar("T")
LEDGER_LIMIT = 500  # transactions listed on the page, newest first


@dataclass(frozen=True)
class LedgerRow:
    """One transaction as the page lists it (plain values: it crosses to the GUI thread)."""

    id: int
    kind: str
    occurred_on: date
    amount_fen: int
    due_on: date | None
    product: str | None
    reference: str | None
    note: str | None


@dataclass(frozen=True)
class SupportRow:
    id: int
    kind: str
    occurred_on: date
    cost_fen: int | None
    description: str | None


@dataclass(frozen=True)
class RiskRow:
    id: int
    kind: str
    occurred_on: date
    description: str | None
    evidence: str | None
    resolved_on: date | None


@dataclass
class CustomerLedger:
    customer_id: int
    name: str
    receivables: Receivables
    value: CustomerValue
    terms_days: int
    transactions: list[LedgerRow] = field(default_factory=list)
    support: list[SupportRow] = field(default_factory=list)
    risk_events: list[RiskRow] = field(default_factory=list)
    flags: list[RiskFlag] = field(default_factory=list)  # what is wrong now (overdue, limit, events)

    @property
    def support_cost_fen(self) -> int:
        return sum(s.cost_fen or 0 for s in self.support)


def customer_ledger(session: Session, customer_id: int, today: date | None = None) -> CustomerLedger:
    """Receivables with their ageing, value, support, risk and the latest transactions of
    one customer: indexed reads of one customer's rows only."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到客户 {customer_id}", customer_id=customer_id)
    today = today or date.today()
    rows = [LedgerRow(t.id, t.kind, t.occurred_on, t.amount_fen, t.due_on, t.product, t.reference, t.note)
            for t in list_transactions(session, customer_id, LEDGER_LIMIT)]
    support = [SupportRow(s.id, s.kind, s.occurred_on, s.cost_fen, s.description)
               for s in session.scalars(select(SupportAction).where(
                   SupportAction.customer_id == customer_id, SupportAction.deleted_at.is_(None))
                   .order_by(SupportAction.occurred_on.desc(), SupportAction.id.desc()))]
    events = [RiskRow(e.id, e.kind, e.occurred_on, e.description, e.evidence, e.resolved_on)
              for e in session.scalars(select(RiskEvent).where(
                  RiskEvent.customer_id == customer_id, RiskEvent.deleted_at.is_(None))
                  .order_by(RiskEvent.occurred_on.desc(), RiskEvent.id.desc()))]
    return CustomerLedger(customer_id, customer.name, receivables(session, customer_id, today),
                          customer_value(session, customer_id, today), terms_days(session),
                          rows, support, events, risk_flags(session, customer_id, today))


# ------------------------------------------------------------------------------ forms


def _text(values: dict[str, Any], name: str) -> str:
    return str(values.get(name) or "").strip()


def _amount(text: str, name: str, *, required: bool) -> int | None:
    """元 as typed ("1,234.50", "1.2万", "¥3000") → fen, or a field error saying why not."""
    if not text:
        if required:
            raise ValidationError("请填写金额（元）", {name: Text("请填写金额（元）")})
        return None
    try:
        return parse_amount_fen(text, return_hint=False)
    except ValueError as exc:
        message = exc.args[0]
        raise ValidationError(message, {name: message}) from None


def _noted(errors: dict[str, str], read: Callable[[], T]) -> T | None:
    """``read()``, or None with its field messages added to ``errors``: a form reports
    every bad field at once, not the first."""
    try:
        return read()
    except ValidationError as exc:
        errors.update(exc.fields)
        return None


def _day(values: dict[str, Any], name: str, today: date) -> date:
    day = values.get(name)
    if not isinstance(day, date):
        raise ValidationError("请填写日期", {name: Text("请填写日期")})
    if day > today:
        raise ValidationError("日期不能晚于今天", {name: Text("日期不能晚于今天")})
    return day


def save_transaction_form(session: Session, customer_id: int, kind: str, values: dict[str, Any],
                          today: date | None = None) -> int:
    """Record the transaction typed in the dialog (``occurred_on``, ``amount`` as text in
    元, ``due_on``, ``product``, ``reference``, ``note``); its id. Undoable."""
    if kind not in {k.value for k in TransactionKind}:
        raise ValidationError("交易类型无效：{kind}（应为销售、回款或退货）", kind=kind)
    errors: dict[str, str] = {}
    day = _noted(errors, lambda: _day(values, "occurred_on", today or date.today()))
    amount = _noted(errors, lambda: _amount(_text(values, "amount"), "amount", required=True))
    due = values.get("due_on") if kind == TransactionKind.SALE else None
    if day is not None and isinstance(due, date) and due < day:
        errors["due_on"] = Text("到期日不能早于交易日期")
    if errors or day is None or amount is None:
        raise ValidationError(next(iter(errors.values())), errors)
    row = record_transaction(session, customer_id, kind, day, amount,
                             due_on=due if isinstance(due, date) else None,
                             product=_text(values, "product") or None,
                             reference=_text(values, "reference") or None,
                             note=_text(values, "note") or None)
    return row.id


def save_support_form(session: Session, customer_id: int, values: dict[str, Any],
                      today: date | None = None) -> int:
    """Record a support action from the dialog (``kind``, ``occurred_on``, ``cost`` in 元,
    ``description``); its id. Undoable."""
    errors: dict[str, str] = {}
    if not values.get("kind"):
        errors["kind"] = Text("请选择支援类型")
    day = _noted(errors, lambda: _day(values, "occurred_on", today or date.today()))
    cost = _noted(errors, lambda: _amount(_text(values, "cost"), "cost", required=False))
    if errors or day is None:
        raise ValidationError(next(iter(errors.values())), errors)
    return record_support(session, customer_id, values["kind"], day,
                          _text(values, "description") or None, cost).id


def save_risk_form(session: Session, customer_id: int, values: dict[str, Any],
                   today: date | None = None) -> int:
    """Record a 窜货 / 低价抛售 / other risk from the dialog (``kind``, ``occurred_on``,
    ``description``, ``evidence``); its id. Undoable."""
    errors: dict[str, str] = {}
    if values.get("kind") not in RECORDED_KINDS:
        errors["kind"] = Text("请选择风险类型（窜货、低价抛售或其他）")
    day = _noted(errors, lambda: _day(values, "occurred_on", today or date.today()))
    if not _text(values, "description"):
        errors["description"] = Text("请写明发生了什么")
    if errors or day is None:
        raise ValidationError(next(iter(errors.values())), errors)
    return record_risk(session, customer_id, values["kind"], day, _text(values, "description"),
                       _text(values, "evidence") or None).id


def recordable_risk_kinds() -> list[str]:
    """The risks recorded by hand; overdue and over-limit are computed, never typed."""
    return [k.value for k in RiskKind if k.value in RECORDED_KINDS]
