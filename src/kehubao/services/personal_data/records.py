"""What is whose: the rows that belong to a person or a customer, the words that name
them, and the tables and fields an export and an erasure look at."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...errors import UserError
from ...models import (
    ChangeRecord,
    Contact,
    Customer,
    Evaluation,
    FollowUp,
    Interaction,
    RiskEvent,
    Score,
    SupportAction,
    Transaction,
)
from ...texts import noop
from ..batch import CHUNK

FORMAT = "kehubao.personal-data"
VERSION = 1
# Written in place of a name in the rows that stay: stored, so always this Chinese mark
# (the export's page shows it in its own language).
REDACTED = noop("〔已删除〕")
# Said with every export and erasure; ``Text(BACKUP_NOTICE)`` where it is shown.
BACKUP_NOTICE = noop("较早的备份（数据库旁的 backups 文件夹，包括删除前自动做的一份，以及另存到别处的备份文件）"
                     "中仍保存着这些信息，直到这些备份按轮换规则删除为止（删除前的备份保留一周，"
                     "定时备份最长约 9 个月）。")

# Rows that hang off a customer by `customer_id`, deleted before the customer.
HISTORY: tuple[type, ...] = (Interaction, FollowUp, Transaction, Evaluation, SupportAction,
                             RiskEvent)
# Fields that name or reach a person or company: their values (today's and those the
# journal remembers) are what erasure looks for in free text, the journal and labels.
CONTACT_IDENTIFIERS = ("name", "mobile", "phone", "email", "wechat", "qq")
CUSTOMER_IDENTIFIERS = ("name", "short_name", "phone", "email")
# Free text that may mention a person, per model: redacted in rows that stay.
FREE_TEXT: dict[type, tuple[str, ...]] = {
    Customer: ("notes", "licences", "sales_network"),
    Contact: ("notes", "personality", "communication_style", "needs", "preferences"),
    Interaction: ("subject", "content", "location", "needs_found", "objections", "reply_used",
                  "outcome", "next_step"),
    FollowUp: ("title", "note"),
    Transaction: ("note",),
    Evaluation: ("notes",),
    Score: ("comment",),
    SupportAction: ("description",),
    RiskEvent: ("description", "evidence"),
}
MODELS: dict[str, type] = {m.__tablename__: m for m in FREE_TEXT}
# What the rows of each table are called, in the order messages list them
# (``Text(label)`` where shown in the user's language).
TABLE_LABELS = {"customer": noop("客户"), "contact": noop("联系人"),
                "interaction": noop("跟进记录"), "follow_up": noop("跟进提醒"),
                "trade_transaction": noop("交易记录"), "evaluation": noop("评价"),
                "score": noop("评分"), "support_action": noop("支援记录"),
                "risk_event": noop("风险事件")}
# Search document kinds, by the table whose rows they describe.
DOC_KINDS = {"customer": "customer", "contact": "contact", "interaction": "interaction"}

Rows = dict[str, set[int]]  # table name → row ids
# Columns linking a row to another, by the table they point into.
LINKS = {"customer_id": "customer", "referred_by_id": "customer", "merged_into_id": "customer",
          "contact_id": "contact", "interaction_id": "interaction"}



def load_contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise UserError("找不到编号为 {contact_id} 的联系人", contact_id=contact_id)
    return contact


def load_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise UserError("找不到编号为 {customer_id} 的客户", customer_id=customer_id)
    return customer


def rows_of_contact(session: Session, contact_id: int) -> Rows:
    """The contact and what was logged with them (reminders for their birthday too)."""
    return {
        "contact": {contact_id},
        "interaction": set(session.scalars(select(Interaction.id).where(
            Interaction.contact_id == contact_id))),
        "follow_up": set(session.scalars(select(FollowUp.id).where(
            FollowUp.contact_id == contact_id))),
    }


def rows_of_customer(session: Session, customer_id: int) -> Rows:
    """The customer, the records merged into it (in the bin, merged_into_id) and,
    for all of them, every row that hangs off them."""
    customers = {customer_id}
    frontier = {customer_id}
    while frontier:
        frontier = set(session.scalars(select(Customer.id).where(
            Customer.merged_into_id.in_(sorted(frontier))))) - customers
        customers |= frontier
    return rows_of_customers(session, customers, {})


def rows_of_customers(session: Session, customer_ids: set[int], besides: Rows) -> Rows:
    """Every row of these customers (the customers included), less ``besides``."""
    ids = sorted(customer_ids)
    rows: Rows = {"customer": set(ids)}
    for model in (Contact, *HISTORY):
        rows[model.__tablename__] = {
            i for chunk in chunks(ids)
            for i in session.scalars(select(model.id).where(model.customer_id.in_(chunk)))}
    rows["score"] = {i for chunk in chunks(rows["evaluation"])
                     for i in session.scalars(select(Score.id).where(Score.evaluation_id.in_(chunk)))}
    return {table: found - besides.get(table, set()) for table, found in rows.items()}


def customers_of(session: Session, rows: Rows) -> set[int]:
    """The customers the rows belong to."""
    found = set(rows.get("customer", ()))
    for table, ids in rows.items():
        model = MODELS.get(table)
        if model is None or not hasattr(model, "customer_id"):
            continue
        for chunk in chunks(ids):
            found.update(session.scalars(select(model.customer_id).where(model.id.in_(chunk))))
    return found


def identifying_terms(session: Session, rows: Rows, others: Rows) -> list[str]:
    """The names and numbers of the erased people and companies: their values now, and
    those the journal remembers (an old mobile number, the name before a correction).
    A value that a record which stays still holds (a switchboard number the company
    shares, a colleague's name) is not theirs alone and is left; so are values too short
    to find safely (one character, a three-digit extension)."""
    wanted: set[str] = set()
    for table, fields in (("contact", CONTACT_IDENTIFIERS), ("customer", CUSTOMER_IDENTIFIERS)):
        model = MODELS[table]
        for chunk in chunks(rows.get(table, ())):
            for row in session.execute(select(*(getattr(model, f) for f in fields))
                                       .where(model.id.in_(chunk))):
                wanted.update(v for v in row if isinstance(v, str))
            c = ChangeRecord.__table__.c
            for before, after in session.execute(select(c.before, c.after).where(
                    c.table_name == table, c.row_id.in_(chunk), c.action == "update")):
                for values in (before or {}, after or {}):
                    wanted.update(v for k, v in values.items() if k in fields and isinstance(v, str))
    kept: set[str] = set()
    for table, fields in (("contact", CONTACT_IDENTIFIERS), ("customer", CUSTOMER_IDENTIFIERS)):
        model = MODELS[table]
        for chunk in chunks(others.get(table, ())):
            for row in session.execute(select(*(getattr(model, f) for f in fields))
                                       .where(model.id.in_(chunk))):
                kept.update(v for v in row if isinstance(v, str))
    terms = {t.strip() for t in wanted - kept if t and t.strip()}
    return sorted((t for t in terms if len(t) >= (4 if t.isascii() else 2)),
                  key=lambda t: (-len(t), t))


def mentioning(columns: list, terms: list[str]):  # type: ignore[no-untyped-def]
    return or_(*(col.contains(term, autoescape=True) for col in columns for term in terms))


def redact(value: Any, terms: list[str]) -> Any:
    """``value`` (text, or JSON-ready data) with every term replaced by REDACTED."""
    if isinstance(value, str):
        for term in terms:
            if term in value:
                value = value.replace(term, REDACTED)
        return value
    if isinstance(value, dict):
        return {k: redact(v, terms) for k, v in value.items()}
    if isinstance(value, list):
        return [redact(v, terms) for v in value]
    return value



def chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]

