"""Everything the customer detail screen shows, gathered in one read: the archive, the
contacts, a timeline of interactions and follow-ups, the money, the latest evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    Contact,
    Customer,
    Evaluation,
    FollowUp,
    RiskEvent,
    SalesRep,
    SupportAction,
    Transaction,
)
from .contacts import contacts_of
from .customers import get_customer

TIMELINE_LIMIT = 300


@dataclass
class TimelineItem:
    kind: str  # "interaction" | "follow_up"
    id: int
    when: datetime
    title: str
    detail: str
    code: str  # interaction kind or follow-up status
    contact: str | None = None
    mood: str | None = None


@dataclass
class Money:
    sales_total_fen: int = 0
    sales_12m_fen: int = 0
    payments_fen: int = 0
    receivable_fen: int = 0
    overdue_fen: int = 0
    last_sale: date | None = None
    transactions: int = 0


@dataclass
class Overview:
    customer: Customer
    owner: str | None
    referred_by: str | None
    contacts: list[Contact]
    timeline: list[TimelineItem]
    money: Money
    latest_evaluation: Evaluation | None
    open_follow_ups: int
    support: list[SupportAction] = field(default_factory=list)
    risks: list[RiskEvent] = field(default_factory=list)


def customer_overview(session: Session, customer_id: int, *, today: date | None = None) -> Overview:
    customer = get_customer(session, customer_id)
    owner = session.get(SalesRep, customer.owner_id).name if customer.owner_id else None
    referred = session.get(Customer, customer.referred_by_id) if customer.referred_by_id else None
    contacts = contacts_of(session, customer_id)
    names = {c.id: c.name for c in contacts}
    return Overview(
        customer=customer,
        owner=owner,
        referred_by=referred.name if referred else None,
        contacts=contacts,
        timeline=_timeline(session, customer_id, names),
        money=_money(session, customer_id, today or date.today()),
        latest_evaluation=session.scalars(
            select(Evaluation).where(Evaluation.customer_id == customer_id,
                                     Evaluation.deleted_at.is_(None))
            .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc()).limit(1)
        ).first(),
        open_follow_ups=session.scalar(
            select(func.count()).select_from(FollowUp)
            .where(FollowUp.customer_id == customer_id, FollowUp.status == "open",
                   FollowUp.deleted_at.is_(None))
        ) or 0,
        support=list(session.scalars(
            select(SupportAction).where(SupportAction.customer_id == customer_id,
                                        SupportAction.deleted_at.is_(None))
            .order_by(SupportAction.occurred_on.desc()))),
        risks=list(session.scalars(
            select(RiskEvent).where(RiskEvent.customer_id == customer_id,
                                    RiskEvent.deleted_at.is_(None))
            .order_by(RiskEvent.occurred_on.desc()))),
    )


def _timeline(session: Session, customer_id: int, contacts: dict[int, str]) -> list[TimelineItem]:
    """The newest interactions and follow-ups (services/followups/timeline.py owns the
    timeline; the detail screen shows these two kinds)."""
    from .followups.timeline import timeline

    page = timeline(session, customer_id=customer_id, limit=TIMELINE_LIMIT,
                    kinds=("interaction", "follow_up"))
    return [TimelineItem(e.kind, e.id, e.when, e.title,
                         e.detail, e.code,
                         contacts.get(e.contact_id or 0), e.mood) for e in page.entries]


def _money(session: Session, customer_id: int, today: date) -> Money:
    money = Money()
    year_ago = today - timedelta(days=365)
    rows = session.execute(
        select(Transaction.kind, Transaction.occurred_on, Transaction.amount_fen, Transaction.due_on)
        .where(Transaction.customer_id == customer_id, Transaction.deleted_at.is_(None))
    ).all()
    overdue_sales = 0
    for kind, day, amount, due in rows:
        money.transactions += 1
        if kind == "sale":
            money.sales_total_fen += amount
            if day >= year_ago:
                money.sales_12m_fen += amount
            money.last_sale = max(money.last_sale or day, day)
            if due and due < today:
                overdue_sales += amount
        elif kind == "payment":
            money.payments_fen += amount
        elif kind == "return":
            money.sales_total_fen -= amount
    money.receivable_fen = max(money.sales_total_fen - money.payments_fen, 0)
    # Payments settle the oldest sales first, so what is overdue is what remains of the
    # sales already past due.
    money.overdue_fen = max(min(overdue_sales - money.payments_fen, money.receivable_fen), 0)
    return money
