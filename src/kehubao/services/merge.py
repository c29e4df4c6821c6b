"""Merging two customer records that turned out to be the same customer.

Everything attached to the duplicate moves over (contacts, history, follow-ups,
transactions, evaluations, support, risk events, tags, referrals); the surviving record
keeps its own values and takes the other's where its own are empty, unless the user chose
otherwise field by field; the other's values it does not take, and the other's notes, are
kept in its notes by the one merge policy (record_merge.py). The duplicate goes to the recycle bin,
marked as merged, and the whole merge is one undoable operation. The figures cached on
both records follow from the rows that moved (services/figures.py, when the merge commits).
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import (
    Contact,
    Customer,
    Evaluation,
    FollowUp,
    Interaction,
    RiskEvent,
    SalesRep,
    SupportAction,
    Transaction,
    utcnow,
)
from ..models.enums import (
    CreditRating,
    CustomerKind,
    CustomerStatus,
    CustomerType,
    Ownership,
    Scale,
)
from ..texts import Text
from .customers import CUSTOMER_FIELDS, get_customer
from .journal import operation
from .record_merge import merge_record, note_entry, values_of, with_note

CHILDREN = (Contact, Interaction, FollowUp, Transaction, Evaluation, SupportAction, RiskEvent)
MERGEABLE_FIELDS = [name for name in CUSTOMER_FIELDS if name not in ("notes", "code")]


_CHOICES = {"kind": CustomerKind, "customer_type": CustomerType, "status": CustomerStatus,
            "ownership": Ownership, "scale": Scale, "credit_rating": CreditRating}


def merge_preview(session: Session, keep_id: int, other_id: int) -> list[tuple[str, str, str, str]]:
    """(field, label, kept value, other value) for fields where the two differ, the
    values as the user reads them: a choice's label, the sales rep's name, an amount."""
    keep, other = get_customer(session, keep_id), get_customer(session, other_id)
    out = []
    for name in MERGEABLE_FIELDS:
        a, b = getattr(keep, name), getattr(other, name)
        if b not in (None, "") and a != b:
            out.append((name, CUSTOMER_FIELDS[name].label, _shown(session, name, a),
                        _shown(session, name, b)))
    return out


def _shown(session: Session, name: str, value: object) -> str:
    if value in (None, ""):
        return ""
    if name in _CHOICES and isinstance(value, str):
        return Text(_CHOICES[name].label_of(value, value))
    if name == "owner_id":
        rep = session.get(SalesRep, value)
        return rep.name if rep is not None else str(value)
    if name == "referred_by_id":
        customer = session.get(Customer, value)
        return customer.name if customer is not None else str(value)
    if name == "credit_limit_fen" and isinstance(value, int):
        return f"¥{value / 100:,.2f}"
    return str(value)


def merge_customers(
    session: Session, keep_id: int, other_id: int, take_other: Mapping[str, bool] | None = None
) -> Customer:
    if keep_id == other_id:
        raise UserError("不能把客户与它自己合并")
    keep, other = get_customer(session, keep_id), get_customer(session, other_id)
    take_other = take_other or {}
    with operation(session, "merge", f"合并客户：{other.name} → {keep.name}",
                   details={"kept": keep_id, "merged": other_id}):
        fields = [*MERGEABLE_FIELDS, "notes"]
        merged = merge_record(values_of(keep, fields), values_of(other, fields), CUSTOMER_FIELDS,
                              identity=("name",), take=[k for k, v in take_other.items() if v])
        for name, value in merged.fill.items():
            setattr(keep, name, value)
        keep.notes = with_note(keep.notes, note_entry(f"合并自“{other.name}”", merged.differing))
        if not keep.code and other.code:  # unique: freed on the other before it is taken
            code, other.code = other.code, None
            session.flush()
            keep.code = code
        keep.name_sort = other.name_sort if take_other.get("name") else keep.name_sort
        known = {t.id for t in keep.tags}
        keep.tags = keep.tags + [t for t in other.tags if t.id not in known]
        for model in CHILDREN:
            for row in session.scalars(select(model).where(model.customer_id == other_id)):
                row.customer_id = keep_id
                if model is Contact and row.is_primary and _has_primary(session, keep_id, row.id):
                    row.is_primary = False
        for referred in session.scalars(select(Customer).where(Customer.referred_by_id == other_id)):
            referred.referred_by_id = keep_id
        other.deleted_at = utcnow()
        other.merged_into_id = keep_id
        session.flush()
    return keep


def _has_primary(session: Session, customer_id: int, besides: int) -> bool:
    return session.scalar(
        select(Contact.id).where(Contact.customer_id == customer_id, Contact.is_primary.is_(True),
                                 Contact.deleted_at.is_(None), Contact.id != besides).limit(1)
    ) is not None
