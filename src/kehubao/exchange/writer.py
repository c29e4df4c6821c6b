"""Writing the new customers and contacts of an import, fast.

A 100,000-row list must import in seconds, so new rows go in as bulk inserts with
explicit ids, their search documents are built by the same builders a reindex uses and
inserted alongside, and the journal records the inserted ids so the whole import can be
undone later. Contacts added to customers that already existed are few and go through the ORM
(importer._attach_contact): journaled and indexed by the ordinary hooks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..bulk import bulk_insert, db_date, db_datetime
from ..models import Contact, Customer, SearchDoc, customer_tag, utcnow
from ..pinyin_keys import sort_key
from ..services.customers import get_or_create_rep, get_or_create_tags
from ..services.journal import record_inserts
from ..services.search.documents import DOC_COLUMNS, contact_doc, customer_doc
from ..services.search.fts_sqlite import backend_for
from ..services.tracking import note_indexed
from .prepare import PreparedRow

CUSTOMER_COLUMNS = ["id", "name", "name_sort", "kind", "code", "customer_type", "status",
                    "industry", "province", "city", "district", "address", "region", "phone",
                    "email", "website", "source", "owner_id", "notes", "created_at", "updated_at"]
CONTACT_COLUMNS = ["id", "customer_id", "name", "name_sort", "gender", "title", "department",
                   "is_primary", "mobile", "phone", "email", "wechat", "qq", "birthday", "notes",
                   "created_at", "updated_at"]
BATCH = 5_000


@dataclass
class NewCustomer:
    customer: dict
    contacts: list[dict] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    owner: str | None = None

    @classmethod
    def from_row(cls, row: PreparedRow) -> NewCustomer:
        new = cls(customer=dict(row.customer), tags=list(row.tags), owner=row.owner)
        if row.contact is not None:
            new.contacts.append(dict(row.contact))
        return new

    def add_contact(self, row: PreparedRow) -> None:
        """Another row of the same company: one more contact, and any company details
        this row adds (its notes are appended, never dropped)."""
        for key, value in row.customer.items():
            if key == "notes":
                notes = self.customer.get("notes")
                if value and value not in (notes or ""):
                    self.customer["notes"] = f"{notes}\n{value}" if notes else value
            else:
                self.customer.setdefault(key, value)
        if row.contact is not None:
            self.contacts.append(dict(row.contact))
        self.tags += [t for t in row.tags if t not in self.tags]
        self.owner = self.owner or row.owner

    def absorb(self, row: PreparedRow) -> None:
        """A repeat of an earlier row of the file, merged: fill what is empty, keep what
        differs in the notes."""
        history = []
        for key, value in row.customer.items():
            if key not in self.customer or self.customer[key] in (None, ""):
                self.customer[key] = value
            elif key not in ("name", "kind", "notes") and self.customer[key] != value:
                history.append(f"{key}={value}")
        if row.contact is not None:
            same = next((c for c in self.contacts if c["name"] == row.contact["name"]), None)
            if same is None:
                self.contacts.append(dict(row.contact))
            else:
                for key, value in row.contact.items():
                    if same.get(key) in (None, ""):
                        same[key] = value
                    elif same[key] != value:
                        history.append(f"{row.contact['name']}·{key}={value}")
        if history:
            entry = f"【第 {row.line} 行的不同值】" + "；".join(history)
            notes = self.customer.get("notes")
            self.customer["notes"] = f"{notes}\n{entry}" if notes else entry
        self.tags += [t for t in row.tags if t not in self.tags]


@dataclass
class NewContact:
    """A person from the file for a customer that already exists."""

    customer_id: int
    row: PreparedRow

    def __post_init__(self) -> None:
        self.contact = dict(self.row.contact or {})
        self.customer = dict(self.row.customer)
        self.tags = list(self.row.tags)
        self.owner = self.row.owner

    def absorb(self, row: PreparedRow) -> None:
        """A repeat of this person later in the file: fill what is still empty."""
        for key, value in (row.contact or {}).items():
            if self.contact.get(key) in (None, ""):
                self.contact[key] = value
        for key, value in row.customer.items():
            if key == "notes" and value and value not in (self.customer.get("notes") or ""):
                notes = self.customer.get("notes")
                self.customer["notes"] = f"{notes}\n{value}" if notes else value
            else:
                self.customer.setdefault(key, value)
        self.tags += [t for t in row.tags if t not in self.tags]


@dataclass
class Written:
    customers: int = 0
    contacts: int = 0


def write_new_customers(session: Session, new: list[NewCustomer],
                        progress: Callable[[float], None] | None = None) -> Written:
    report = progress or (lambda _f: None)
    conn = session.connection()
    reps = {name: get_or_create_rep(session, name).id
            for name in sorted({c.owner for c in new if c.owner})}
    tags = {t.name: t.id for t in get_or_create_tags(session, sorted({t for c in new for t in c.tags}))}
    next_customer = _next_id(session, Customer)
    next_contact = _next_id(session, Contact)
    next_doc = _next_id(session, SearchDoc)
    now = db_datetime(utcnow())
    backend = backend_for(session)
    written = Written()
    customer_ids: list[int] = []
    contact_ids: list[int] = []
    for start in range(0, len(new), BATCH):
        customers, contacts, links, docs = [], [], [], []
        for item in new[start : start + BATCH]:
            cid = next_customer
            next_customer += 1
            customer_ids.append(cid)
            c = item.customer
            person = c.get("kind") == "person"
            row = (cid, c["name"], sort_key(c["name"], person=person), c.get("kind", "company"),
                   c.get("code"), c.get("customer_type"), c.get("status") or "potential",
                   c.get("industry"), c.get("province"), c.get("city"), c.get("district"),
                   c.get("address"), c.get("region"), c.get("phone"), c.get("email"),
                   c.get("website"), c.get("source"), reps.get(item.owner or ""), c.get("notes"),
                   now, now)
            customers.append(row)
            tag_text = " ".join(item.tags)
            docs.append((next_doc, *customer_doc(
                cid, c["name"], None, c.get("code"), row[3], row[6], None, None, None, now,
                c.get("customer_type"), c.get("industry"), c.get("province"), c.get("city"),
                c.get("district"), c.get("address"), c.get("region"), c.get("phone"),
                c.get("email"), c.get("website"), c.get("source"), c.get("notes"), None, None,
                tags=tag_text)))
            next_doc += 1
            links.extend((cid, tags[t]) for t in item.tags if t in tags)
            for n, p in enumerate(item.contacts):
                contacts.append(_contact_row(next_contact, cid, p, n == 0, now))
                docs.append((next_doc, *contact_doc(
                    next_contact, cid, p["name"], p.get("title"), p.get("department"),
                    p.get("mobile"), p.get("phone"), p.get("email"), p.get("wechat"),
                    p.get("qq"), None, None, None, None, None, None, p.get("notes"), n == 0,
                    c["name"], row[6], None, None, None, now)))
                contact_ids.append(next_contact)
                next_contact += 1
                next_doc += 1
        bulk_insert(conn, Customer.__table__, CUSTOMER_COLUMNS, customers)
        bulk_insert(conn, Contact.__table__, CONTACT_COLUMNS, contacts)
        bulk_insert(conn, customer_tag, ["customer_id", "tag_id"], links)
        bulk_insert(conn, SearchDoc.__table__, ["id", *DOC_COLUMNS], docs)
        for kind in ("customer", "contact"):
            backend.add(conn, kind, [(d[0], d[8], d[9], d[10]) for d in docs if d[1] == kind])
        report(min(1.0, (start + BATCH) / max(len(new), 1)))
    written.customers = len(customer_ids)
    record_inserts(session, "customer", customer_ids)
    record_inserts(session, "contact", contact_ids)
    note_indexed(session, "customer", customer_ids)
    note_indexed(session, "contact", contact_ids)
    written.contacts = len(contact_ids)
    return written


def _contact_row(contact_id: int, customer_id: int, p: dict, primary: bool, now: str) -> tuple:
    birthday = p.get("birthday")
    return (contact_id, customer_id, p["name"], sort_key(p["name"], person=True), p.get("gender"),
            p.get("title"), p.get("department"), primary, p.get("mobile"), p.get("phone"),
            p.get("email"), p.get("wechat"), p.get("qq"),
            db_date(birthday) if isinstance(birthday, date) else None, p.get("notes"), now, now)


def _next_id(session: Session, model: type) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1
