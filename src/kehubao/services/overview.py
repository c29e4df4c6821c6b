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
from .figures import settle

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
    overdue: bool = False  # an open follow-up past its due time (shown in red)


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
    # Customer.next_follow_up_at, the value the customer list shows, and whether it is
    # past: the list paints it red, so the detail must be able to as well.
    next_follow_up_at: datetime | None = None
    next_follow_up_overdue: bool = False
    support: list[SupportAction] = field(default_factory=list)
    risks: list[RiskEvent] = field(default_factory=list)


def follow_up_overdue(due_at: datetime | None, now: datetime | None = None) -> bool:
    """Whether a follow-up due at `due_at` (local wall time) is late: the one rule behind
    the red 下次跟进 of the list and of the detail."""
    return due_at is not None and due_at < (now or datetime.now())


def customer_overview(session: Session, customer_id: int, *, today: date | None = None,
                      now: datetime | None = None) -> Overview:
    """`now` (default: the clock) decides what is overdue; `today` defaults to its date."""
    now = now or datetime.now()
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
        timeline=_timeline(session, customer_id, names, now),
        money=_money(session, customer_id, today or now.date()),
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
        next_follow_up_at=customer.next_follow_up_at,
        next_follow_up_overdue=follow_up_overdue(customer.next_follow_up_at, now),
        support=list(session.scalars(
            select(SupportAction).where(SupportAction.customer_id == customer_id,
                                        SupportAction.deleted_at.is_(None))
            .order_by(SupportAction.occurred_on.desc()))),
        risks=list(session.scalars(
            select(RiskEvent).where(RiskEvent.customer_id == customer_id,
                                    RiskEvent.deleted_at.is_(None))
            .order_by(RiskEvent.occurred_on.desc()))),
    )


def _timeline(session: Session, customer_id: int, contacts: dict[int, str],
              now: datetime) -> list[TimelineItem]:
    """The newest interactions and follow-ups (services/followups/timeline.py owns the
    timeline; the detail screen shows these two kinds)."""
    from .followups.timeline import timeline

    page = timeline(session, customer_id=customer_id, limit=TIMELINE_LIMIT,
                    kinds=("interaction", "follow_up"))
    return [TimelineItem(e.kind, e.id, e.when, e.title, e.detail, e.code,
                         contacts.get(e.contact_id or 0), e.mood,
                         overdue=e.kind == "follow_up" and e.code == "open"
                         and follow_up_overdue(e.when, now))
            for e in page.entries]


def _money(session: Session, customer_id: int, today: date) -> Money:
    money = Money()
    year_ago = today - timedelta(days=365)
    rows = session.execute(
        select(Transaction.kind, Transaction.occurred_on, Transaction.amount_fen, Transaction.due_on)
        .where(Transaction.customer_id == customer_id, Transaction.deleted_at.is_(None))
    ).all()
    overdue_sales = returns = 0
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
            returns += amount
    money.receivable_fen, money.overdue_fen = settle(
        money.sales_total_fen, returns, money.payments_fen, overdue_sales)
    money.sales_total_fen -= returns
    return money
