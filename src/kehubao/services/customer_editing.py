"""Use cases behind the customer screens that combine several records: what the edit
dialog loads and saves (customer + first contact + owner as ONE undoable operation), what
the delete question says, and what the recycle bin lists. The CLI and tests call them
too, so the UI holds no SQL of its own."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..models import Customer, Interaction, Transaction
from . import contacts as contact_svc
from . import customers as svc
from .customer_list import distinct_values
from .journal import operation
from .tracking import Progress


@dataclass(frozen=True)
class CustomerForm:
    """What the edit dialog shows: the values, the owner's name, and the choices."""

    values: dict[str, Any]
    tags: list[str]
    owner_name: str
    reps: list[tuple[int, str]]
    regions: list[str]


def load_customer_form(session: Session, customer_id: int | None, fields: Sequence[str]) -> CustomerForm:
    reps = [(r.id, r.name) for r in svc.sales_reps(session)]
    regions = distinct_values(session, "region")
    if customer_id is None:
        return CustomerForm({"kind": "company", "status": "potential"}, [], "", reps, regions)
    customer = svc.get_customer(session, customer_id)
    values = {name: getattr(customer, name) for name in fields}
    if customer.credit_limit_fen is not None:
        values["credit_limit_fen"] = f"{customer.credit_limit_fen / 100:g}"
    return CustomerForm(values, [t.name for t in customer.tags],
                        customer.owner.name if customer.owner else "", reps, regions)


def save_customer_form(session: Session, customer_id: int | None, data: Mapping[str, Any], *,
                       tags: Sequence[str], owner_name: str,
                       first_contact: Mapping[str, Any] | None = None) -> int:
    """Create or update a customer, its owner (a new name becomes a new rep) and, for a
    new customer, its first contact — one operation, so one Ctrl+Z takes it all back."""
    values = dict(data)
    if customer_id is None:
        label_name = str(values.get("name") or "").strip()
        with operation(session, "create", f"新建客户：{label_name}"):
            values["owner_id"] = svc.get_or_create_rep(session, owner_name).id if owner_name else None
            customer = svc.create_customer(session, values, tags=tags)
            if first_contact and str(first_contact.get("name") or "").strip():
                try:
                    contact_svc.create_contact(session, customer.id, {**first_contact, "is_primary": True})
                except ValidationError as exc:  # say which form the bad fields are on
                    raise ValidationError(str(exc), {f"contact.{k}": v for k, v in exc.fields.items()}) from exc
            return customer.id
    customer = svc.get_customer(session, customer_id)
    with operation(session, "edit", f"修改客户：{customer.name}"):
        values["owner_id"] = svc.get_or_create_rep(session, owner_name).id if owner_name else None
        svc.update_customer(session, customer_id, values, tags=tags)
    return customer_id


@dataclass(frozen=True)
class DeletionSummary:
    """What the delete question names: up to three names and the history that goes along."""

    names: list[str]
    history: int


def deletion_summary(session: Session, ids: Sequence[int]) -> DeletionSummary:
    names = list(session.scalars(select(Customer.name).where(Customer.id.in_(list(ids)[:3]))))
    history = 0
    for model in (Interaction, Transaction):
        for start in range(0, len(ids), 5000):
            chunk = list(ids[start:start + 5000])
            history += session.scalar(select(func.count()).select_from(model).where(
                model.customer_id.in_(chunk), model.deleted_at.is_(None))) or 0
    return DeletionSummary(names, history)


@dataclass(frozen=True)
class BinRow:
    id: int
    name: str
    detail: str  # city (customers) or company (contacts)
    phone: str
    deleted_at: datetime
    merged_into: str | None = None


@dataclass
class BinContents:
    customers: list[BinRow] = field(default_factory=list)
    contacts: list[BinRow] = field(default_factory=list)


def recycle_bin_contents(session: Session, limit: int = 5000) -> BinContents:
    """The newest deleted customers (with the customer a merged one went into) and contacts."""
    customers = session.scalars(
        select(Customer).where(Customer.deleted_at.is_not(None))
        .order_by(Customer.deleted_at.desc()).limit(limit)).all()
    merged = {c.id: c.merged_into_id for c in customers if c.merged_into_id}
    targets = dict(session.execute(select(Customer.id, Customer.name).where(
        Customer.id.in_(set(merged.values())))).all()) if merged else {}
    contents = BinContents()
    for c in customers:
        contents.customers.append(BinRow(c.id, c.name, c.city or "", c.phone or "", c.deleted_at,
                                         targets.get(merged[c.id], "") if c.id in merged else None))
    for person, company in contact_svc.deleted_contacts(session, limit):
        contents.contacts.append(BinRow(person.id, person.name, company, person.mobile or "",
                                        person.deleted_at))
    return contents


def restore(session: Session, kind: str, ids: Sequence[int],
            progress: Progress | None = None) -> int:
    """Restore customers or contacts from the recycle bin (undoable)."""
    if kind == "customer":
        return svc.restore_customers(session, ids, progress=progress)
    return contact_svc.restore_contacts(session, ids, progress=progress)


def purge(session: Session, kind: str, ids: Sequence[int]) -> int:
    """Delete for ever (not undoable; the UI asks first)."""
    if kind == "customer":
        return svc.purge_customers(session, ids)
    return contact_svc.purge_contacts(session, ids)


def assign_owner(session: Session, ids: Sequence[int], owner_name: str,
                 progress: Progress | None = None) -> int:
    """Give the customers an owner by name (a new name becomes a new rep), or none for
    "" — one undoable operation with the rep it may create."""
    with operation(session, "bulk", f"批量指定负责人为“{owner_name or '（无）'}”"):
        owner_id = svc.get_or_create_rep(session, owner_name).id if owner_name else None
        return svc.set_owner(session, ids, owner_id, progress=progress)
