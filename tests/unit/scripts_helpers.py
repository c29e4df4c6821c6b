"""Shared helpers of the script tests: people to log interactions on."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kehubao.models import Contact, Customer, Interaction, ObjectionScript


def script_by_key(session: Session, key: str) -> ObjectionScript:
    return session.scalars(select(ObjectionScript).where(ObjectionScript.builtin_key == key)).one()


def person(session: Session, name: str, *, age_band: str | None = None,
           home_region: str | None = None) -> Contact:
    customer = Customer(name=f"{name}的公司", kind="company", status="intent")
    session.add(customer)
    session.flush()
    contact = Contact(customer_id=customer.id, name=name, age_band=age_band,
                      home_region=home_region)
    session.add(contact)
    session.flush()
    return contact


def log(session: Session, contact: Contact, script_id: int, reply_id: int | None,
        worked: bool | None, *, times: int = 1, mood: str | None = None,
        deleted: bool = False) -> None:
    for _ in range(times):
        session.add(Interaction(
            customer_id=contact.customer_id, contact_id=contact.id, kind="call",
            occurred_at=datetime(2026, 11, 1, 10), subject="电话", mood=mood,
            script_id=script_id, reply_id=reply_id, reply_worked=worked,
            deleted_at=datetime(2026, 11, 2) if deleted else None))
    session.flush()
