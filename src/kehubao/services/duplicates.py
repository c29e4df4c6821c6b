"""Spotting duplicates while a record is entered: the same normalised phone, the same
e-mail, or a very similar name at the same company. Cheap enough to run on every
keystroke pause (a few indexed lookups)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import Contact, Customer
from ..normalize import name_key, normalize_email, normalize_phone
from ..texts import Text
from .company_names import company_core, same_company
from .search import search


@dataclass(frozen=True)
class Duplicate:
    customer_id: int
    customer_name: str
    contact_id: int | None
    contact_name: str | None
    reason: str  # shown to the user, e.g. "手机号相同：13812345678"


def find_duplicates(
    session: Session,
    *,
    name: str | None = None,
    phones: Iterable[str | None] = (),
    emails: Iterable[str | None] = (),
    company: str | None = None,
    exclude_customer: int | None = None,
    exclude_contact: int | None = None,
    limit: int = 5,
) -> list[Duplicate]:
    """Existing records the entry may duplicate.

    Editing a customer: pass `exclude_customer` (its own contacts are not duplicates of
    it). Editing a contact: pass `exclude_contact`, and `exclude_customer` too so the
    company's own switchboard number does not count against its staff."""
    found: dict[tuple[int, int | None], Duplicate] = {}

    def add(dup: Duplicate) -> None:
        if exclude_contact is not None:
            if dup.contact_id == exclude_contact or (
                    dup.contact_id is None and dup.customer_id == exclude_customer):
                return
        elif dup.customer_id == exclude_customer:
            return
        found.setdefault((dup.customer_id, dup.contact_id), dup)

    stored_phones = {p.display for raw in phones if (p := normalize_phone(raw)) is not None}
    stored_emails = {e for raw in emails if (e := normalize_email(raw))}
    if stored_phones:
        for c in session.execute(
            select(Customer.id, Customer.name, Customer.phone)
            .where(Customer.deleted_at.is_(None), Customer.phone.in_(stored_phones))
        ):
            add(Duplicate(c.id, c.name, None, None, Text("电话相同：{number}", number=c.phone)))
        for row in session.execute(
            select(Contact.id, Contact.name, Contact.mobile, Contact.phone, Customer.id, Customer.name)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(Contact.deleted_at.is_(None), Customer.deleted_at.is_(None),
                   or_(Contact.mobile.in_(stored_phones), Contact.phone.in_(stored_phones)))
        ):
            number = row[2] if row[2] in stored_phones else row[3]
            add(Duplicate(row[4], row[5], row[0], row[1], Text("号码相同：{number}", number=number)))
    if stored_emails:
        for c in session.execute(
            select(Customer.id, Customer.name, Customer.email)
            .where(Customer.deleted_at.is_(None), Customer.email.in_(stored_emails))
        ):
            add(Duplicate(c.id, c.name, None, None, Text("邮箱相同：{email}", email=c.email)))
        for row in session.execute(
            select(Contact.id, Contact.name, Contact.email, Customer.id, Customer.name)
            .join(Customer, Customer.id == Contact.customer_id)
            .where(Contact.deleted_at.is_(None), Customer.deleted_at.is_(None),
                   Contact.email.in_(stored_emails))
        ):
            add(Duplicate(row[3], row[4], row[0], row[1], Text("邮箱相同：{email}", email=row[2])))
    if name:
        _similar_customers(session, name, add)
    if company and name:
        _same_person_at_company(session, name, company, add)
    return list(found.values())[:limit]


def _similar_customers(session: Session, name: str, add) -> None:  # type: ignore[no-untyped-def]
    """Customers whose name is the same or nearly so. Candidates come from the search
    index (names sharing the distinctive core), then are compared precisely."""
    core = company_core(name)
    if len(core) < 2:
        return
    for hit in search(session, core, limit=20, kinds=("customer",)).hits:
        if same_company(name, hit.title):
            add(Duplicate(hit.id, hit.title, None, None, Text("名称相近：{name}", name=hit.title)))


def _same_person_at_company(session: Session, name: str, company: str, add) -> None:  # type: ignore[no-untyped-def]
    key = name_key(name)
    for row in session.execute(
        select(Contact.id, Contact.name, Customer.id, Customer.name)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), Customer.deleted_at.is_(None), Contact.name == name)
        .limit(50)
    ):
        if name_key(row[1]) == key and same_company(company, row[3]):
            add(Duplicate(row[2], row[3], row[0], row[1], Text("同一单位的同名联系人：{name}", name=row[1])))
