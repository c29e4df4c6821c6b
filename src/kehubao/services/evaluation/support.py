"""The dealer support log (支援与辅导): which of the six kinds of help was given to whom,
when, at what cost — per customer, and totalled per class, so one can see whether the
rising stars (class 3) really get the support the strategy calls for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import Customer, SupportAction
from ...models.enums import SupportKind
from ..journal import operation


def record_support(session: Session, customer_id: int, kind: str, occurred_on: date,
                   description: str | None = None, cost_fen: int | None = None) -> SupportAction:
    """Log one support action (undoable)."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到客户 {customer_id}", customer_id=customer_id)
    if kind not in {k.value for k in SupportKind}:
        raise ValidationError("支援类型无效：{kind}", kind=kind)
    if cost_fen is not None and cost_fen < 0:
        raise ValidationError("费用不能为负数")
    with operation(session, "create", f"记录支援：{customer.name} {SupportKind.label_of(kind)}"):
        action = SupportAction(customer_id=customer_id, kind=kind, occurred_on=occurred_on,
                               description=(description or "").strip() or None, cost_fen=cost_fen)
        session.add(action)
        session.flush()
    return action


def support_of(session: Session, customer_id: int) -> list[SupportAction]:
    return list(session.scalars(select(SupportAction).where(
        SupportAction.customer_id == customer_id, SupportAction.deleted_at.is_(None))
        .order_by(SupportAction.occurred_on.desc(), SupportAction.id.desc())))


@dataclass
class SupportTotal:
    value_class: str | None
    kind: str
    actions: int
    cost_fen: int


def totals_per_class(session: Session, start: date | None = None,
                     end: date | None = None) -> list[SupportTotal]:
    """Count and cost of support per (class, kind), ordered by class then kind."""
    stmt = (select(Customer.value_class, SupportAction.kind, func.count(),
                   func.coalesce(func.sum(SupportAction.cost_fen), 0))
            .join(Customer, Customer.id == SupportAction.customer_id)
            .where(SupportAction.deleted_at.is_(None), Customer.deleted_at.is_(None))
            .group_by(Customer.value_class, SupportAction.kind))
    if start is not None:
        stmt = stmt.where(SupportAction.occurred_on >= start)
    if end is not None:
        stmt = stmt.where(SupportAction.occurred_on <= end)
    order = {k.value: n for n, k in enumerate(SupportKind)}
    rows = [SupportTotal(c, k, int(n), int(cost)) for c, k, n, cost in session.execute(stmt)]
    return sorted(rows, key=lambda r: (r.value_class or "9", order.get(r.kind, 99)))
