"""Risk control (风险控制): overdue receivables over the credit limit or the days allowed,
and recorded cross-region selling (窜货) and dumping below price (低价抛售) with their
date and evidence — on the customer, and in one list sorted by exposure.

A customer's own flags are computed live from its transactions; the list over all
customers reads the money figures cached on ``customer`` (``receivable_fen``,
``overdue_fen``, kept by services/figures.py), so it answers at once for 200,000.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import Customer, RiskEvent
from ...models.enums import RiskKind
from ...texts import Text
from ..journal import operation
from .transactions import receivables

RECORDED_KINDS = (RiskKind.CROSS_REGION.value, RiskKind.DUMPING.value, RiskKind.OTHER.value)


def record_risk(session: Session, customer_id: int, kind: str, occurred_on: date,
                description: str, evidence: str | None = None) -> RiskEvent:
    """Record an observed 窜货 / 低价抛售 (or other risk) with what proves it; undoable."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到客户 {customer_id}", customer_id=customer_id)
    if kind not in {k.value for k in RiskKind}:
        raise ValidationError("风险类型无效：{kind}", kind=kind)
    if not description.strip():
        raise ValidationError("请写明发生了什么")
    if occurred_on > date.today():
        raise ValidationError("发生日期不能晚于今天")
    with operation(session, "create", f"记录风险：{customer.name} {RiskKind.label_of(kind)}"):
        event = RiskEvent(customer_id=customer_id, kind=kind, occurred_on=occurred_on,
                          description=description.strip(), evidence=(evidence or "").strip() or None)
        session.add(event)
        session.flush()
    return event


def resolve_risk(session: Session, event_id: int, resolved_on: date | None = None) -> None:
    event = session.get(RiskEvent, event_id)
    if event is None or event.deleted_at is not None:
        raise UserError("这条风险记录不存在或已删除")
    with operation(session, "edit", f"风险已处理：{RiskKind.label_of(event.kind)}"):
        event.resolved_on = resolved_on or date.today()


@dataclass
class RiskFlag:
    kind: str  # RiskKind code
    label: str
    detail: str
    amount_fen: int = 0
    event_id: int | None = None


def risk_flags(session: Session, customer_id: int, today: date | None = None) -> list[RiskFlag]:
    """What is wrong with this customer now: overdue, over the limit, open recorded events."""
    today = today or date.today()
    money = receivables(session, customer_id, today)
    flags = []
    if money.overdue_fen > 0:
        flags.append(RiskFlag(RiskKind.OVERDUE.value, RiskKind.OVERDUE.label,
                              Text("逾期 {amount} 元，最长逾期 {days} 天",
                                   amount=f"{money.overdue_fen / 100:,.2f}",
                                   days=money.max_days_overdue),
                              money.overdue_fen))
    if money.over_limit_fen > 0:
        flags.append(RiskFlag(RiskKind.CREDIT.value, RiskKind.CREDIT.label,
                              Text("应收 {balance} 元，超出信用额度 {over} 元",
                                   balance=f"{money.balance_fen / 100:,.2f}",
                                   over=f"{money.over_limit_fen / 100:,.2f}"),
                              money.over_limit_fen))
    for event in session.scalars(select(RiskEvent).where(
            RiskEvent.customer_id == customer_id, RiskEvent.deleted_at.is_(None),
            RiskEvent.resolved_on.is_(None)).order_by(RiskEvent.occurred_on.desc())):
        detail = f"{event.occurred_on.isoformat()} {event.description or ''}".strip()
        if event.evidence:
            detail = Text("{detail}（证据：{evidence}）", detail=detail, evidence=event.evidence)
        flags.append(RiskFlag(event.kind, RiskKind.label_of(event.kind), detail, 0, event.id))
    return flags


@dataclass
class RiskRow:
    customer_id: int
    name: str
    value_class: str | None
    receivable_fen: int
    overdue_fen: int
    credit_limit_fen: int | None
    over_limit_fen: int
    open_events: int
    exposure_fen: int


def _over_limit():  # type: ignore[no-untyped-def]
    c = Customer
    return case((and_(c.credit_limit_fen > 0, c.receivable_fen > c.credit_limit_fen),
                 c.receivable_fen - c.credit_limit_fen), else_=0)


def exposure_expression():  # type: ignore[no-untyped-def]
    """Money at stake: the larger of the overdue amount and the excess over the credit
    limit; for a customer flagged only by a recorded event, what it owes us."""
    over = _over_limit()
    money = case((Customer.overdue_fen > over, Customer.overdue_fen), else_=over)
    return case((money > 0, money), else_=Customer.receivable_fen)


def risk_list(session: Session, limit: int = 500) -> list[RiskRow]:
    """Customers with overdue money, a balance over the limit or an open 窜货/dumping
    record, the largest exposure first."""
    open_events = (select(RiskEvent.customer_id, func.count().label("n"))
                   .where(RiskEvent.deleted_at.is_(None), RiskEvent.resolved_on.is_(None),
                          RiskEvent.kind.in_(RECORDED_KINDS))
                   .group_by(RiskEvent.customer_id).subquery("open_events"))
    over, exposure = _over_limit(), exposure_expression()
    n = func.coalesce(open_events.c.n, 0)
    stmt = (select(Customer.id, Customer.name, Customer.value_class, Customer.receivable_fen,
                   Customer.overdue_fen, Customer.credit_limit_fen, over, n, exposure)
            .outerjoin(open_events, open_events.c.customer_id == Customer.id)
            .where(Customer.deleted_at.is_(None),
                   or_(Customer.overdue_fen > 0, over > 0, open_events.c.n > 0))
            .order_by(exposure.desc(), n.desc(), Customer.id).limit(limit))
    return [RiskRow(*row) for row in session.execute(stmt)]


def has_open_events(session: Session, customer_id: int) -> bool:
    return bool(session.scalar(select(exists().where(
        RiskEvent.customer_id == customer_id, RiskEvent.deleted_at.is_(None),
        RiskEvent.resolved_on.is_(None)))))
