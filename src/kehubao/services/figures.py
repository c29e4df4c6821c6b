"""The figures cached on a customer, and their only owner.

`Customer` caches seven figures so that 200,000-row lists sort and filter without
touching the history tables: ``last_contact_at``, ``next_follow_up_at``,
``sales_12m_fen``, ``receivable_fen``, ``overdue_fen``, ``grade`` and ``value_class``.
This module computes them from their sources and is the only code that writes them:

- registered as a pre-commit hook, it recomputes them for every customer whose
  interactions, follow-ups, transactions or evaluations changed in the unit of work
  (ORM edits, soft deletes, Core statements announced through tracking, undo);
- `refresh_all` recomputes every customer set-based (after a bulk load, or daily, since
  "last 12 months" and "overdue" move with the calendar even when nothing is edited).

The rules, each in one place:

- last contact: the latest ``occurred_at`` of the customer's live interactions;
- next follow-up: the earliest open, live follow-up, counted at its due time or at its
  snoozed-until time when that is later;
- money (`settle`): from the live transactions, amounts in positive fen. Sales of the
  last 365 days (``occurred_on >= today - 365 days``) are ``sales_12m``. The receivable
  is everything sold, less returns and payments, never below zero. Payments settle the
  oldest sales first, so what is overdue is what the payments leave of the sales already
  past due (``due_on < today``), never more than the receivable;
- grade: the grade of the latest live evaluation (by ``evaluated_on``, then id);
- value class: only for an evaluated customer, by the one class rule
  (`services/evaluation/classes.classify`: net sales of the last 12 months × the weighted
  loyalty share of the latest evaluation, against the thresholds the user set).
  A customer with no live evaluation keeps the grade and class it has (imported from
  another system, or left by an evaluation since deleted), so a refresh never erases a
  class it has nothing to compute from.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    DateTime,
    and_,
    bindparam,
    case,
    event,
    func,
    inspect,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from ..models import Customer, Evaluation, FollowUp, Indicator, Interaction, Score, Transaction
from ..models.enums import FollowUpStatus, ValueClass
from .evaluation.classes import classify, load_thresholds
from .tracking import Changed, Progress, note_changed, note_shown, register_pre_commit

FIGURES = ("last_contact_at", "next_follow_up_at", "sales_12m_fen", "receivable_fen",
           "overdue_fen", "grade", "value_class")
# The tables the figures are computed from, by table name.
SOURCES: dict[str, type] = {"interaction": Interaction, "follow_up": FollowUp,
                            "trade_transaction": Transaction, "evaluation": Evaluation}
_CHUNK = 5_000  # ids per IN (...): SQLite takes 32,766 parameters
_NOTED = "kehubao_figures_customers"
_KEEP = ("keep-grade", "keep-class")
# Which source each figure follows from: a unit of work that changed only follow-ups
# recomputes only the next follow-up (generating 25,000 reminders reads nothing else).
_PART_OF = {"last_contact_at": "contact", "next_follow_up_at": "follow_up",
            "sales_12m_fen": "money", "receivable_fen": "money", "overdue_fen": "money",
            "grade": "money", "value_class": "money"}
PARTS = frozenset(_PART_OF.values())
_PARTS_OF_TABLE = {"interaction": "contact", "follow_up": "follow_up",
                   "trade_transaction": "money", "evaluation": "money"}  # (grade, class) of a customer with no evaluation
_TODAY = "kehubao_figures_today"
# The next follow-up: the earliest open, live one, at its due time or at its snoozed-until
# time when that is later. `status || ''` keeps the planner on the customer index for a
# chunk of customers (without statistics SQLite takes the status index, every open one).
_FOLLOW_UP_WHEN = type_coerce(
    case((FollowUp.snoozed_until > FollowUp.due_at, FollowUp.snoozed_until), else_=FollowUp.due_at),
    DateTime())
_OPEN_FOLLOW_UP = and_(FollowUp.deleted_at.is_(None),
                       (FollowUp.status + "") == FollowUpStatus.OPEN.value)
_EMPTY = (None, None, 0, 0, 0, *_KEEP)


def settle(sales_fen: int, returns_fen: int, payments_fen: int,
           overdue_sales_fen: int) -> tuple[int, int]:
    """(receivable, overdue) in fen from the sums of a customer's live transactions:
    payments settle the oldest sales first (see the module docstring)."""
    receivable = max(sales_fen - returns_fen - payments_fen, 0)
    overdue = max(min(overdue_sales_fen - payments_fen, receivable), 0)
    return receivable, overdue


def is_dangerous_class(value_class: str | None) -> bool:
    """Whether lists should flag the customer: high volume but not loyal (二类·高危), the
    class to watch for cross-region selling and defection."""
    return value_class == ValueClass.DANGEROUS.value


def figures_as_of(session: Session, today: date) -> None:
    """Compute this unit of work's figures for ``today`` instead of the real date (the
    demo generator builds data "as of" a given day)."""
    session.info[_TODAY] = today


def refresh_customer_figures(session: Session, customer_ids: Iterable[int], *,
                             today: date | None = None,
                             parts: frozenset[str] = PARTS) -> list[int]:
    """Recompute the figures of these customers from their sources (``parts``: only
    those that follow from the sources that changed); the ids whose figures changed
    (announced to tracking, so views and the search rank follow)."""
    ids = sorted(set(customer_ids))
    changed: list[int] = []
    ranked: set[int] = set()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        part, part_ranked = _refresh(session, chunk, _today(session, today), parts)
        changed += part
        ranked |= part_ranked
    return _announce(session, (changed, ranked))


def refresh_all(session: Session, *, today: date | None = None) -> list[int]:
    """Recompute the figures of every customer, set-based: one grouped read per source
    table, one read of the cached figures, one executemany for the rows that differ."""
    return _announce(session, _refresh(session, None, _today(session, today)))


def _today(session: Session, today: date | None) -> date:
    return today or session.info.get(_TODAY) or date.today()


# The figures a customer's search documents are ranked by (search/documents.py
# customer_rank): a change in these rebuilds them; the others only concern views.
_RANKED = tuple(FIGURES.index(name) for name in ("last_contact_at", "grade", "value_class"))


def _refresh(session: Session, ids: list[int] | None, today: date,
             parts: frozenset[str] = PARTS) -> tuple[list[int], set[int]]:
    """The customers whose figures changed, and those among them whose ranked figures did."""
    moved: list[int] = []
    if ids is not None and "follow_up" in parts:
        # The next follow-up is a plain minimum: written in SQL, only where it moved
        # (generating 25,000 reminders no longer reads and compares 20,000 rows in Python).
        moved = _refresh_next_follow_up(session, ids)
        parts = parts - {"follow_up"}
        if not parts:
            return moved, set()
    changed, ranked = _refresh_in_python(session, ids, today, parts)
    return sorted(set(changed) | set(moved)), ranked


def _refresh_next_follow_up(session: Session, ids: list[int]) -> list[int]:
    """Set ``next_follow_up_at`` of these customers from their follow-ups with one
    UPDATE that skips the rows already right; the ids it changed."""
    c = Customer.__table__.c
    upcoming = (select(func.min(_FOLLOW_UP_WHEN)).where(FollowUp.customer_id == c.id, _OPEN_FOLLOW_UP)
                .scalar_subquery())
    return list(session.connection().scalars(
        update(Customer.__table__)
        .where(c.id.in_(ids), c.next_follow_up_at.is_distinct_from(upcoming))
        .values(next_follow_up_at=upcoming, updated_at=c.updated_at)
        .returning(c.id)))


def _refresh_in_python(session: Session, ids: list[int] | None, today: date,
                       parts: frozenset[str]) -> tuple[list[int], set[int]]:
    fresh = _compute(session, ids, today, parts)
    kept = [n for n, name in enumerate(FIGURES) if _PART_OF[name] not in parts]
    ranked: set[int] = set()
    c = Customer.__table__.c
    stmt = select(c.id, *(c[name] for name in FIGURES))
    if ids is not None:
        stmt = stmt.where(c.id.in_(ids))
    params = []
    for row in session.execute(stmt):
        new = fresh.get(row[0], _EMPTY)
        if new[-2:] == _KEEP:  # not evaluated: grade and class stay as they are
            new = (*new[:-2], *row[-2:])
        if kept:  # figures of sources that did not change stay as they are
            new = tuple(row[1 + n] if n in kept else value for n, value in enumerate(new))
        if tuple(row[1:]) != new:
            params.append({"cid": row[0], **{f"v_{n}": v for n, v in zip(FIGURES, new, strict=True)}})
            if any(row[1 + i] != new[i] for i in _RANKED):
                ranked.add(row[0])
    if params:
        session.execute(
            update(Customer.__table__).where(c.id == bindparam("cid"))
            # only the columns that can have changed: each indexed one costs its index
            .values({**{n: bindparam(f"v_{n}") for i, n in enumerate(FIGURES) if i not in kept},
                     "updated_at": c.updated_at}),
            params)
    return [p["cid"] for p in params], ranked


def _announce(session: Session, result: tuple[list[int], set[int]]) -> list[int]:
    """Expire the loaded customers' figures; tell views of every change, and the search
    index only of those that move a customer's rank (20,000 new follow-up dates must not
    rebuild 80,000 search documents)."""
    changed, ranked = result
    if changed:
        wanted = set(changed)
        for obj in list(session.identity_map.values()):
            if isinstance(obj, Customer) and obj.id in wanted:
                session.expire(obj, list(FIGURES))
        note_changed(session, "customer", sorted(ranked))
        note_shown(session, "customer", [i for i in changed if i not in ranked])
    return changed


def _compute(session: Session, ids: list[int] | None, today: date,
             parts: frozenset[str] = PARTS) -> dict[int, tuple]:
    """customer id → figures (in `FIGURES` order) for the customers with any source row;
    only the figures of ``parts`` are read (the others are None, taken from the row)."""
    def among(stmt: Any, column: Any) -> Any:
        return stmt if ids is None else stmt.where(column.in_(ids))

    i, f, t = Interaction, FollowUp, Transaction
    last: dict[int, Any] = {}
    upcoming: dict[int, Any] = {}
    money: dict[int, tuple[int, int, int]] = {}
    volume: dict[int, int] = {}
    grades: dict[int, tuple] = {}
    if "contact" in parts:
        last = dict(session.execute(among(
            select(i.customer_id, func.max(i.occurred_at)).where(i.deleted_at.is_(None))
            .group_by(i.customer_id), i.customer_id)).all())
    if "follow_up" in parts:
        upcoming = dict(session.execute(among(
            select(f.customer_id, func.min(_FOLLOW_UP_WHEN)).where(_OPEN_FOLLOW_UP)
            .group_by(f.customer_id), f.customer_id)).all())

    def total(condition: Any) -> Any:
        return func.coalesce(func.sum(case((condition, t.amount_fen), else_=0)), 0)

    sale = t.kind == "sale"
    year_ago = t.occurred_on >= today - timedelta(days=365)
    if "money" in parts:
        for cid, sales, sales_12m, returns_12m, returns, payments, overdue_sales in session.execute(among(
            select(t.customer_id, total(sale), total(and_(sale, year_ago)),
                   total(and_(t.kind == "return", year_ago)),
                   total(t.kind == "return"), total(t.kind == "payment"),
                   total(and_(sale, t.due_on < today)))
            .where(t.deleted_at.is_(None)).group_by(t.customer_id), t.customer_id)):
            money[cid] = (sales_12m, *settle(sales, returns, payments, overdue_sales))
            volume[cid] = sales_12m - returns_12m
        grades = _latest_evaluations(session, ids)
    thresholds = load_thresholds(session) if grades else None

    out = {}
    for cid in set(last) | set(upcoming) | set(money) | set(grades):
        sales_12m, receivable, overdue = money.get(cid, (0, 0, 0))
        grade, value_class = _KEEP
        if cid in grades:
            grade, loyalty = grades[cid]
            value_class = classify(volume.get(cid, 0), loyalty, thresholds)
        out[cid] = (_naive(last.get(cid)), _naive(upcoming.get(cid)), sales_12m, receivable,
                    overdue, grade, value_class)
    return out


def _latest_evaluations(session: Session, ids: list[int] | None) -> dict[int, tuple]:
    """customer id → (grade, loyalty) of the latest live evaluation; loyalty is the
    weighted share (percent) of the maximum over its loyalty indicators, None without any."""
    e = Evaluation
    stmt = (select(e.customer_id, e.id, e.grade).where(e.deleted_at.is_(None))
            .order_by(e.customer_id, e.evaluated_on.desc(), e.id.desc()))
    latest: dict[int, tuple[int, str | None]] = {}
    for cid, eid, grade in session.execute(stmt if ids is None else stmt.where(e.customer_id.in_(ids))):
        latest.setdefault(cid, (eid, grade))
    shares: dict[int, list[tuple[float, float]]] = {}
    eval_ids = sorted(eid for eid, _grade in latest.values())
    for start in range(0, len(eval_ids), 5_000 if ids is None else _CHUNK):
        chunk = eval_ids[start : start + (5_000 if ids is None else _CHUNK)]
        for eid, value, max_score, weight in session.execute(
            select(Score.evaluation_id, Score.value, Indicator.max_score, Indicator.weight)
            .join(Indicator, Indicator.id == Score.indicator_id)
            .where(Indicator.dimension == "loyalty", Score.evaluation_id.in_(chunk))
            .order_by(Score.evaluation_id, Indicator.sort_order, Indicator.id)):
            shares.setdefault(eid, []).append((weight * value / max_score, weight))
    return {cid: (grade, _weighted_percent(shares.get(eid))) for cid, (eid, grade) in latest.items()}


def _weighted_percent(parts: list[tuple[float, float]] | None) -> float | None:
    """The same share as `evaluation.classes.latest_loyalty` computes in SQL."""
    if not parts or not sum(w for _v, w in parts):
        return None
    return sum(v for v, _w in parts) / sum(w for _v, w in parts) * 100


def _naive(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


# ---------------------------------------------------------------- the pre-commit hook


def note_customers(session: Session, customer_ids: Iterable[int]) -> None:
    """Have the pre-commit hook refresh these customers too: for Core statements that
    move source rows away from a customer (the rows' ids lead only to the new one)."""
    session.info.setdefault(_NOTED, set()).update(i for i in customer_ids if i is not None)


@event.listens_for(Session, "before_flush")
def _note_customers(session: Session, _ctx: object, _instances: object) -> None:
    """Note the customers of source rows the ORM is about to write, deleted ones included
    (they are gone by pre-commit) and the old customer of a row moved to another (a
    merge). Before the flush, so a deleted row can still be read if it was expired."""
    noted: set[int] = session.info.setdefault(_NOTED, set())
    for group in (session.new, session.dirty, session.deleted):
        for obj in group:
            if getattr(obj, "__tablename__", None) not in SOURCES:
                continue
            if obj.customer_id is not None:
                noted.add(obj.customer_id)
            noted.update(v for v in inspect(obj).attrs.customer_id.history.deleted if v is not None)


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_NOTED, None)
    session.info.pop(_TODAY, None)


def refresh_changed(session: Session, changed: Changed, progress: Progress | None = None) -> None:
    """The pre-commit hook: recompute the figures of the customers whose source rows
    changed in this unit of work (everything when a source table changed wholesale)."""
    customers: set[int] = session.info.pop(_NOTED, set())
    # Customers noted by hand (rows deleted, moved between customers) get everything.
    parts = PARTS if customers else frozenset(
        _PARTS_OF_TABLE[table] for table in SOURCES if table in changed)
    for table, model in SOURCES.items():
        if table not in changed:
            continue
        rows = changed[table]
        if rows is None:
            refresh_all(session)
            return
        ordered = sorted(rows)
        for start in range(0, len(ordered), _CHUNK):
            customers.update(session.scalars(
                select(model.customer_id).where(model.id.in_(ordered[start : start + _CHUNK]))))
    if customers:
        refresh_customer_figures(session, customers, parts=parts)


register_pre_commit(refresh_changed, first=True)
