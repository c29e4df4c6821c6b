"""One timeline per customer or per contact: interactions, follow-ups, transactions and
evaluations, newest first, paged by a keyset cursor so page 20 of a customer with
hundreds of records costs what page 1 costs.

The cursor is the last item shown: (time, source rank, id). Each source is read from its
customer index, at most one page past the cursor, and the pages are merged; dated
records (transactions, evaluations) sit at midnight of their day.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, or_, select, true
from sqlalchemy.orm import Session

from ...models import Contact, Evaluation, FollowUp, Interaction, Transaction
from ...models.enums import TransactionKind
from ...normalize import join_clauses
from ...texts import Text

# Ties at the same moment: an interaction before the follow-up it created, etc.
_RANK = {"interaction": 4, "follow_up": 3, "transaction": 2, "evaluation": 1}
KINDS = tuple(_RANK)


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # interaction | follow_up | transaction | evaluation
    id: int
    when: datetime
    title: str
    detail: str
    code: str  # interaction kind, follow-up status, transaction kind, evaluation grade
    contact_id: int | None = None
    contact: str | None = None
    mood: str | None = None
    amount_fen: int | None = None

    @property
    def cursor(self) -> tuple[datetime, int, int]:
        return (self.when, _RANK[self.kind], self.id)


@dataclass(frozen=True)
class TimelinePage:
    entries: list[TimelineEntry]
    next_cursor: tuple[datetime, int, int] | None  # None: nothing older


def timeline(session: Session, *, customer_id: int | None = None, contact_id: int | None = None,
             before: tuple[datetime, int, int] | None = None, limit: int = 50,
             kinds: Collection[str] = KINDS) -> TimelinePage:
    """A page of the timeline of a customer, or of one contact (their interactions and
    follow-ups only: money and evaluations belong to the customer), newest first."""
    if (customer_id is None) == (contact_id is None):
        raise ValueError("give exactly one of customer_id and contact_id")
    names: dict[int, str] = {}
    if customer_id is not None:
        names = dict(session.execute(select(Contact.id, Contact.name)
                                     .where(Contact.customer_id == customer_id)).all())
    else:
        contact = session.get(Contact, contact_id)
        names = {contact_id: contact.name} if contact else {}
    entries: list[TimelineEntry] = []
    if "interaction" in kinds:
        entries += _interactions(session, customer_id, contact_id, before, limit, names)
    if "follow_up" in kinds:
        entries += _follow_ups(session, customer_id, contact_id, before, limit, names)
    if customer_id is not None and "transaction" in kinds:
        entries += _transactions(session, customer_id, before, limit)
    if customer_id is not None and "evaluation" in kinds:
        entries += _evaluations(session, customer_id, before, limit)
    entries.sort(key=lambda e: e.cursor, reverse=True)
    page = entries[:limit]
    more = len(entries) > limit
    return TimelinePage(page, page[-1].cursor if more and page else None)


def _older(column: Any, rank: int, before: tuple[datetime, int, int] | None, id_column: Any) -> Any:
    """SQL condition: rows of a source of `rank` that come after the cursor."""
    if before is None:
        return true()
    when, cursor_rank, cursor_id = before
    if rank < cursor_rank:
        return column <= when
    if rank > cursor_rank:
        return column < when
    return or_(column < when, and_(column == when, id_column < cursor_id))


def _older_day(column: Any, rank: int, before: tuple[datetime, int, int] | None,
               id_column: Any) -> Any:
    """The same for a date column (items at midnight of their day)."""
    if before is None:
        return true()
    when, cursor_rank, cursor_id = before
    day = when.date()
    if when.time() != time(0):
        return column <= day
    if rank < cursor_rank:
        return column <= day
    if rank > cursor_rank:
        return column < day
    return or_(column < day, and_(column == day, id_column < cursor_id))


def _interactions(session: Session, customer_id: int | None, contact_id: int | None,
                  before: Any, limit: int, names: dict[int, str]) -> list[TimelineEntry]:
    owner = Interaction.customer_id == customer_id if customer_id is not None \
        else Interaction.contact_id == contact_id
    out = []
    for i in session.scalars(
            select(Interaction).where(owner, Interaction.deleted_at.is_(None),
                                      _older(Interaction.occurred_at, 4, before, Interaction.id))
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(limit + 1)):
        detail = join_clauses((i.content, i.outcome and Text("结果：{outcome}", outcome=i.outcome),
                               i.next_step and Text("下一步：{step}", step=i.next_step)),
                              Text("；"))
        out.append(TimelineEntry("interaction", i.id, i.occurred_at, i.subject, detail, i.kind,
                                 i.contact_id, names.get(i.contact_id or 0), i.mood))
    return out


def _follow_ups(session: Session, customer_id: int | None, contact_id: int | None,
                before: Any, limit: int, names: dict[int, str]) -> list[TimelineEntry]:
    owner = FollowUp.customer_id == customer_id if customer_id is not None \
        else FollowUp.contact_id == contact_id
    out = []
    for fu in session.scalars(
            select(FollowUp).where(owner, FollowUp.deleted_at.is_(None),
                                   _older(FollowUp.due_at, 3, before, FollowUp.id))
            .order_by(FollowUp.due_at.desc(), FollowUp.id.desc()).limit(limit + 1)):
        out.append(TimelineEntry("follow_up", fu.id, fu.due_at, fu.title,
                                 fu.note or "", fu.status,
                                 fu.contact_id, names.get(fu.contact_id or 0)))
    return out


def _transactions(session: Session, customer_id: int, before: Any, limit: int) -> list[TimelineEntry]:
    out = []
    for t in session.scalars(
            select(Transaction).where(Transaction.customer_id == customer_id,
                                      Transaction.deleted_at.is_(None),
                                      _older_day(Transaction.occurred_on, 2, before, Transaction.id))
            .order_by(Transaction.occurred_on.desc(), Transaction.id.desc()).limit(limit + 1)):
        title = Text("{kind} ¥{amount}", kind=Text(TransactionKind.label_of(t.kind)),
                     amount=f"{t.amount_fen / 100:,.2f}")
        detail = join_clauses((t.product, t.due_on and Text("{day}到期", day=_day(t.due_on)),
                               t.reference, t.note), Text("；"))
        out.append(TimelineEntry("transaction", t.id, _midnight(t.occurred_on), title, detail,
                                 t.kind, amount_fen=t.amount_fen))
    return out


def _evaluations(session: Session, customer_id: int, before: Any, limit: int) -> list[TimelineEntry]:
    out = []
    for e in session.scalars(
            select(Evaluation).where(Evaluation.customer_id == customer_id,
                                     Evaluation.deleted_at.is_(None),
                                     _older_day(Evaluation.evaluated_on, 1, before, Evaluation.id))
            .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc()).limit(limit + 1)):
        title = Text("评价：{period} {score} 分", period=e.period_label,
                     score=f"{e.total_score:.0f}")
        out.append(TimelineEntry("evaluation", e.id, _midnight(e.evaluated_on), title,
                                 e.notes or "", e.grade or ""))
    return out


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0))


def _day(day: date) -> str:
    return Text("{year}年{month}月{day}日", year=day.year, month=day.month, day=day.day)
