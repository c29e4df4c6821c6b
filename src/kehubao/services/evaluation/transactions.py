"""Sales, payments (回款) and returns: recorded by hand or imported, and what follows from
them — sales volume per period, repeat purchases, receivables and their ageing, overdue.

Receivables are settled first-in, first-out: every payment and return pays off the oldest
open sale first, which is how both sides of a dealer relationship count. A sale's due date
is its own ``due_on``, or its date plus the default payment terms (账期) when none was set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import Customer, Setting, Transaction, utcnow
from ...models.enums import TransactionKind
from ..journal import operation
from ..recycle_bin import restore_from_bin
from ..tracking import Progress

TERMS_SETTING = "payment_terms_days"
DEFAULT_TERMS_DAYS = 30
AGEING_BUCKETS = ("0-30", "31-60", "61-90", "90+")
AGEING_LABELS = {"0-30": "0–30 天", "31-60": "31–60 天", "61-90": "61–90 天", "90+": "90 天以上"}


def terms_days(session: Session) -> int:
    """Days allowed to pay a sale that carries no due date of its own (default 30)."""
    setting = session.get(Setting, TERMS_SETTING)
    return int(setting.value) if setting is not None and setting.value is not None else DEFAULT_TERMS_DAYS


def set_terms_days(session: Session, days: int) -> None:
    if not 0 <= days <= 3650:
        raise ValidationError("默认账期须在 0 到 3650 天之间")
    setting = session.get(Setting, TERMS_SETTING)
    if setting is None:
        session.add(Setting(key=TERMS_SETTING, value=days))
    else:
        setting.value = days


def signed_amount():  # type: ignore[no-untyped-def]
    """SQL: a sale counts +amount towards volume, a return −amount, a payment nothing."""
    return case((Transaction.kind == TransactionKind.SALE.value, Transaction.amount_fen),
                (Transaction.kind == TransactionKind.RETURN.value, -Transaction.amount_fen),
                else_=0)


def record_transaction(session: Session, customer_id: int, kind: str, occurred_on: date,
                       amount_fen: int, *, due_on: date | None = None, product: str | None = None,
                       quantity: float | None = None, reference: str | None = None,
                       note: str | None = None) -> Transaction:
    """Record one sale, payment or return by hand, as an undoable operation."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到客户 {customer_id}", customer_id=customer_id)
    row = _checked(session, customer_id, kind, occurred_on, amount_fen, due_on, product,
                   quantity, reference, note)
    with operation(session, "create",
                   f"记录{TransactionKind.label_of(kind)}：{customer.name} {amount_fen / 100:,.2f} 元"):
        session.add(row)
        session.flush()
        _reclassify(session, [customer_id])
    return row


def _checked(session: Session, customer_id: int, kind: str, occurred_on: date, amount_fen: int,
             due_on: date | None, product: str | None, quantity: float | None,
             reference: str | None, note: str | None, terms: int | None = None) -> Transaction:
    if kind not in {k.value for k in TransactionKind}:
        raise ValidationError("交易类型无效：{kind}（应为销售、回款或退货）", kind=kind)
    if not isinstance(amount_fen, int) or amount_fen <= 0:
        raise ValidationError("金额必须大于 0")
    if due_on is not None and due_on < occurred_on:
        raise ValidationError("到期日不能早于交易日期")
    if kind == TransactionKind.SALE and due_on is None:
        due_on = occurred_on + timedelta(days=terms_days(session) if terms is None else terms)
    return Transaction(customer_id=customer_id, kind=kind, occurred_on=occurred_on,
                       amount_fen=amount_fen, due_on=due_on if kind == TransactionKind.SALE else None,
                       product=product or None, quantity=quantity, reference=reference or None,
                       note=note or None)


def delete_transaction(session: Session, transaction_id: int) -> None:
    """Move one transaction to the recycle bin (undoable)."""
    row = session.get(Transaction, transaction_id)
    if row is None or row.deleted_at is not None:
        raise UserError("这条交易记录不存在或已删除")
    with operation(session, "delete", f"删除{TransactionKind.label_of(row.kind)}记录 {row.amount_fen / 100:,.2f} 元"):
        row.deleted_at = utcnow()
        session.flush()
        _reclassify(session, [row.customer_id])


def restore_transactions(session: Session, ids: Iterable[int], progress: Progress | None = None) -> int:
    """Bring transactions back from the recycle bin (undoable); the customers' sales
    volume changes with them, so their class is worked out again in the same operation."""
    ids = sorted(set(ids))
    customer_ids = sorted(set(session.scalars(select(Transaction.customer_id).where(
        Transaction.id.in_(ids), Transaction.deleted_at.is_not(None)))))
    if not customer_ids:
        return 0
    with operation(session, "restore", f"恢复 {len(ids)} 条交易记录"):
        restored = restore_from_bin(session, Transaction, ids, "交易记录", progress=progress)
        _reclassify(session, customer_ids)
    return restored


def _reclassify(session: Session, customer_ids: list[int]) -> None:
    """The volume changed: the class may have too (the class rule is in classes.py)."""
    from .classes import reclassify_customers

    reclassify_customers(session, customer_ids)


def list_transactions(session: Session, customer_id: int, limit: int = 200) -> list[Transaction]:
    return list(session.scalars(
        select(Transaction).where(Transaction.customer_id == customer_id,
                                  Transaction.deleted_at.is_(None))
        .order_by(Transaction.occurred_on.desc(), Transaction.id.desc()).limit(limit)))


# ------------------------------------------------------------------------------ volume


def sales_volume(session: Session, customer_id: int, start: date, end: date) -> int:
    """Net sales (sales − returns) in fen between two days, both included."""
    return int(session.scalar(
        select(func.coalesce(func.sum(signed_amount()), 0))
        .where(Transaction.customer_id == customer_id, Transaction.deleted_at.is_(None),
               Transaction.occurred_on >= start, Transaction.occurred_on <= end)) or 0)


def twelve_months(today: date) -> tuple[date, date]:
    """The 12 months up to ``today``: the period the four classes measure volume over."""
    return date.fromordinal(today.toordinal() - 364), today


def volume_by_customer(start: date, end: date, ids: list[int] | None = None):  # type: ignore[no-untyped-def]
    """SQL subquery (customer_id, volume_fen) of net sales in a period, for set-based work
    (reclassifying 200,000 customers, the portfolio, figures.py's sales_12m_fen)."""
    stmt = (select(Transaction.customer_id.label("customer_id"),
                   func.sum(signed_amount()).label("volume_fen"))
            .where(Transaction.deleted_at.is_(None), Transaction.occurred_on >= start,
                   Transaction.occurred_on <= end))
    if ids is not None:
        stmt = stmt.where(Transaction.customer_id.in_(ids))
    return stmt.group_by(Transaction.customer_id).subquery("volume")


def volume_by_quarter(session: Session, customer_id: int, quarters: int = 8,
                      today: date | None = None) -> list[tuple[str, int]]:
    """(label "2026Q3", net sales in fen) for the last ``quarters`` calendar quarters, oldest first."""
    today = today or date.today()
    q = (today.month - 1) // 3
    periods = []
    for back in range(quarters - 1, -1, -1):
        year, quarter = divmod(today.year * 4 + q - back, 4)
        start = date(year, quarter * 3 + 1, 1)
        end = date(year + (quarter == 3), (quarter * 3 + 3) % 12 + 1, 1) - timedelta(days=1)
        periods.append((f"{year}Q{quarter + 1}", sales_volume(session, customer_id, start, end)))
    return periods


def repeat_purchase_rate(session: Session, start: date, end: date,
                         customer_ids: list[int] | None = None) -> float | None:
    """Of the customers who bought in the period, the share who bought at least twice
    (0…1); None when nobody bought."""
    stmt = (select(Transaction.customer_id, func.count().label("n"))
            .where(Transaction.kind == TransactionKind.SALE.value, Transaction.deleted_at.is_(None),
                   Transaction.occurred_on >= start, Transaction.occurred_on <= end)
            .group_by(Transaction.customer_id))
    if customer_ids is not None:
        stmt = stmt.where(Transaction.customer_id.in_(customer_ids))
    sub = stmt.subquery()
    buyers, repeat = session.execute(
        select(func.count(), func.coalesce(func.sum(case((sub.c.n >= 2, 1), else_=0)), 0))).one()
    return None if not buyers else repeat / buyers


# ------------------------------------------------------------------------- receivables


@dataclass
class OpenItem:
    transaction_id: int
    occurred_on: date
    due_on: date
    amount_fen: int
    open_fen: int
    age_days: int  # since the sale
    days_overdue: int  # 0 when not yet due


@dataclass
class Receivables:
    """What the customer owes today, aged, and how it stands against credit limit and terms."""

    balance_fen: int  # sales − payments − returns (negative: paid in advance)
    open_items: list[OpenItem]
    ageing: dict[str, int]  # AGEING_BUCKETS → open fen, by days since the sale
    overdue_fen: int  # open fen past its due date
    max_days_overdue: int
    credit_limit_fen: int | None
    over_limit_fen: int  # balance above the credit limit (0 without a limit)
    terms_days: int = DEFAULT_TERMS_DAYS
    overdue_items: list[OpenItem] = field(default_factory=list)

    @property
    def receivable_fen(self) -> int:
        return max(self.balance_fen, 0)


def bucket_of(age_days: int) -> str:
    """0–30 / 31–60 / 61–90 / over 90 days (a sale made today is 0 days old)."""
    if age_days <= 30:
        return "0-30"
    if age_days <= 60:
        return "31-60"
    if age_days <= 90:
        return "61-90"
    return "90+"


def receivables(session: Session, customer_id: int, today: date | None = None) -> Receivables:
    """Open sales after first-in-first-out settlement, aged on ``today``."""
    today = today or date.today()
    rows = session.execute(
        select(Transaction.id, Transaction.kind, Transaction.occurred_on, Transaction.due_on,
               Transaction.amount_fen)
        .where(Transaction.customer_id == customer_id, Transaction.deleted_at.is_(None),
               Transaction.occurred_on <= today)
        .order_by(Transaction.occurred_on, Transaction.id)).all()
    terms = terms_days(session)
    return settle(rows, today, terms, session.scalar(
        select(Customer.credit_limit_fen).where(Customer.id == customer_id)))


def settle(rows: list, today: date, terms: int, credit_limit_fen: int | None) -> Receivables:  # type: ignore[type-arg]
    """FIFO settlement of (id, kind, occurred_on, due_on, amount_fen) rows, oldest first."""
    sales = [r for r in rows if r.kind == TransactionKind.SALE]
    credit = sum(r.amount_fen for r in rows if r.kind != TransactionKind.SALE)
    balance = sum(r.amount_fen for r in sales) - credit
    items, ageing = [], dict.fromkeys(AGEING_BUCKETS, 0)
    for r in sales:
        used = min(credit, r.amount_fen)
        credit -= used
        open_fen = r.amount_fen - used
        if not open_fen:
            continue
        due = r.due_on or r.occurred_on + timedelta(days=terms)
        item = OpenItem(r.id, r.occurred_on, due, r.amount_fen, open_fen,
                        (today - r.occurred_on).days, max(0, (today - due).days))
        items.append(item)
        ageing[bucket_of(item.age_days)] += open_fen
    overdue = [i for i in items if i.days_overdue > 0]
    limit_excess = max(0, balance - credit_limit_fen) if credit_limit_fen else 0
    return Receivables(balance, items, ageing, sum(i.open_fen for i in overdue),
                       max((i.days_overdue for i in overdue), default=0), credit_limit_fen,
                       limit_excess, terms, overdue)
