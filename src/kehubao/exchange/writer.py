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
from typing import ClassVar, Self

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..bulk import bulk_insert, db_date, db_datetime, without_empty_columns
from ..models import Contact, Customer, SearchDoc, customer_tag, utcnow
from ..normalize import name_key
from ..pinyin_keys import sort_key
from ..services.contacts import CONTACT_FIELDS
from ..services.customers import (
    CUSTOMER_FIELDS,
    code_number,
    customer_code,
    get_or_create_rep,
    get_or_create_tags,
    next_customer_number,
)
from ..services.journal import record_inserts
from ..services.record_merge import merge_record, note_entry, with_note
from ..services.search.documents import DOC_COLUMNS, contact_doc, customer_doc
from ..services.search.fts_sqlite import backend_for, fts_row
from ..services.tracking import note_indexed
from .parallel import Workers, shared_map
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
    """A customer the import creates, with the contacts, tags and owner its rows give."""

    IDENTITY: ClassVar[tuple[str, ...]] = ("name", "kind")  # never changed nor noted by later rows

    customer: dict
    contacts: list[dict] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    owner: str | None = None

    @classmethod
    def from_row(cls, row: PreparedRow, **more: object) -> Self:
        new = cls(customer=dict(row.customer), tags=list(row.tags), owner=row.owner, **more)
        if row.contact is not None:
            new.contacts.append(dict(row.contact))
        return new

    def fold(self, row: PreparedRow, *, repeat: bool) -> None:
        """A later row naming this customer, merged by the one merge policy
        (services/record_merge): empty fields filled, differing values noted under the
        row's line number. `repeat`: the row repeats a person already here (merged the
        same way); otherwise its person is one more contact of the customer."""
        merged = merge_record(self.customer, row.customer, CUSTOMER_FIELDS,
                              identity=self.IDENTITY)
        self.customer.update(merged.fill)
        differing = merged.differing
        if row.contact is not None:
            key = name_key(row.contact["name"])
            same = next((c for c in self.contacts if name_key(c["name"]) == key), None) \
                if repeat else None
            if same is None:
                self.contacts.append(dict(row.contact))
            else:
                person = merge_record(same, row.contact, CONTACT_FIELDS, identity=("name",),
                                      prefix=f"联系人{same['name']}·")
                same.update(person.fill)
                differing += person.differing
        self.keep_note(note_entry(f"第 {row.line} 行", differing))
        self.tags += [t for t in row.tags if t not in self.tags]
        self.owner = self.owner or row.owner

    def keep_note(self, entry: str | None) -> None:
        self.customer["notes"] = with_note(self.customer.get("notes"), entry)


@dataclass
class NewContact(NewCustomer):
    """People from the file for a customer that already exists. What the rows say about
    the customer is merged into the database record when they are attached
    (importer._attach_contact); what later rows say differently waits in `entries`, so
    it reaches the customer's notes as its own entry instead of inside the first row's."""

    IDENTITY: ClassVar[tuple[str, ...]] = ("name", "kind", "code")  # the database's own

    customer_id: int = 0
    entries: list[str] = field(default_factory=list)

    def keep_note(self, entry: str | None) -> None:
        if entry:
            self.entries.append(entry)


@dataclass
class Written:
    customers: int = 0
    contacts: int = 0


@dataclass
class RowContext:
    """What building rows needs besides the customers: ids of owners and tags by name,
    the insert time, and whether the full-text index wants split rows."""

    reps: dict[str, int]
    tags: dict[str, int]
    now: str
    split_for_fts: bool


@dataclass
class RowTask:
    """One batch of customers and the first ids its rows take."""

    customers: list[NewCustomer]
    customer_id: int
    contact_id: int
    doc_id: int
    context: RowContext


@dataclass
class RowBatch:
    """A batch as database rows, ready for bulk inserts."""

    size: int
    customers: list[tuple] = field(default_factory=list)
    contacts: list[tuple] = field(default_factory=list)
    customer_columns: list[str] = field(default_factory=lambda: list(CUSTOMER_COLUMNS))
    contact_columns: list[str] = field(default_factory=lambda: list(CONTACT_COLUMNS))
    links: list[tuple] = field(default_factory=list)
    docs: list[tuple] = field(default_factory=list)
    fts: dict[str, list[tuple]] = field(default_factory=dict)


def write_new_customers(session: Session, new: list[NewCustomer],
                        progress: Callable[[float], None] | None = None,
                        workers: Workers | None = None) -> Written:
    """Insert the new customers, their contacts, tags and search documents.

    Rows are built (pinyin sort keys, search documents: about half the work) in batches
    with ids fixed in advance, so for a big list worker processes build them while this
    one inserts (see parallel.py); the order batches arrive in does not matter. `workers`:
    the pool the caller started for a big import (None: everything built here)."""
    report = progress or (lambda _f: None)
    conn = session.connection()
    backend = backend_for(session)
    context = RowContext(
        reps={name: get_or_create_rep(session, name).id
              for name in sorted({c.owner for c in new if c.owner})},
        tags={t.name: t.id for t in get_or_create_tags(session, sorted({t for c in new for t in c.tags}))},
        now=db_datetime(utcnow()),
        split_for_fts=backend.indexes_documents,
    )
    _give_codes(session, new)
    first_customer = _next_id(session, Customer)
    first_contact = _next_id(session, Contact)
    tasks = _tasks(new, first_customer, first_contact, _next_id(session, SearchDoc), context)
    done = 0
    for _index, batch in shared_map(workers, build_rows, tasks):
        bulk_insert(conn, Customer.__table__, batch.customer_columns, batch.customers)
        bulk_insert(conn, Contact.__table__, batch.contact_columns, batch.contacts)
        bulk_insert(conn, customer_tag, ["customer_id", "tag_id"], batch.links)
        bulk_insert(conn, SearchDoc.__table__, ["id", *DOC_COLUMNS], batch.docs)
        for kind, rows in batch.fts.items():
            backend.add_split(conn, kind, rows)
        done += batch.size
        report(done / max(len(new), 1))
    contacts = sum(len(c.contacts) for c in new)
    customer_ids = list(range(first_customer, first_customer + len(new)))
    contact_ids = list(range(first_contact, first_contact + contacts))
    record_inserts(session, "customer", customer_ids)
    record_inserts(session, "contact", contact_ids)
    note_indexed(session, "customer", customer_ids)
    note_indexed(session, "contact", contact_ids)
    return Written(customers=len(customer_ids), contacts=len(contact_ids))


def _tasks(new: list[NewCustomer], customer_id: int, contact_id: int, doc_id: int,
           context: RowContext) -> list[RowTask]:
    """Batches in order, ids consecutive across them: a customer, then its contacts."""
    tasks = []
    for start in range(0, len(new), BATCH):
        chunk = new[start : start + BATCH]
        tasks.append(RowTask(chunk, customer_id, contact_id, doc_id, context))
        contacts = sum(len(c.contacts) for c in chunk)
        customer_id += len(chunk)
        contact_id += contacts
        doc_id += len(chunk) + contacts
    return tasks


def build_rows(task: RowTask) -> RowBatch:
    """Database rows of one batch. Pure: runs in a worker process for big imports."""
    ctx = task.context
    now = ctx.now
    batch = RowBatch(size=len(task.customers))
    customer_id, contact_id, doc_id = task.customer_id, task.contact_id, task.doc_id
    for item in task.customers:
        cid = customer_id
        customer_id += 1
        c = item.customer
        person = c.get("kind") == "person"
        row = (cid, c["name"], sort_key(c["name"], person=person), c.get("kind", "company"),
               c.get("code"), c.get("customer_type"), c.get("status") or "potential",
               c.get("industry"), c.get("province"), c.get("city"), c.get("district"),
               c.get("address"), c.get("region"), c.get("phone"), c.get("email"),
               c.get("website"), c.get("source"), ctx.reps.get(item.owner or ""), c.get("notes"),
               now, now)
        batch.customers.append(row)
        stored = dict(zip(CUSTOMER_COLUMNS, row, strict=True))
        batch.docs.append((doc_id, *customer_doc({**stored, "tags": " ".join(item.tags)})))
        doc_id += 1
        batch.links.extend((cid, ctx.tags[t]) for t in item.tags if t in ctx.tags)
        for n, p in enumerate(item.contacts):
            contact = _contact_row(contact_id, cid, p, n == 0, now)
            batch.contacts.append(contact)
            batch.docs.append((doc_id, *contact_doc(dict(zip(CONTACT_COLUMNS, contact, strict=True)),
                                                    stored)))
            contact_id += 1
            doc_id += 1
    batch.customer_columns, batch.customers = without_empty_columns(
        Customer.__table__, CUSTOMER_COLUMNS, batch.customers)
    batch.contact_columns, batch.contacts = without_empty_columns(
        Contact.__table__, CONTACT_COLUMNS, batch.contacts)
    if ctx.split_for_fts:
        for kind in ("customer", "contact"):
            batch.fts[kind] = [fts_row(d[0], d[8], d[9], d[10]) for d in batch.docs if d[1] == kind]
    return batch


def _contact_row(contact_id: int, customer_id: int, p: dict, primary: bool, now: str) -> tuple:
    birthday = p.get("birthday")
    return (contact_id, customer_id, p["name"], sort_key(p["name"], person=True), p.get("gender"),
            p.get("title"), p.get("department"), primary, p.get("mobile"), p.get("phone"),
            p.get("email"), p.get("wechat"), p.get("qq"),
            db_date(birthday) if isinstance(birthday, date) else None, p.get("notes"), now, now)


def _give_codes(session: Session, new: list[NewCustomer]) -> None:
    """Customers of the file without a 客户编号 get the next free ones, numbered after the
    database's codes and after those the file itself brings (customer_code's form)."""
    if all(item.customer.get("code") for item in new):
        return
    in_file = [n for item in new if (n := code_number(item.customer.get("code"))) is not None]
    number = max(next_customer_number(session), max(in_file, default=0) + 1)
    for item in new:
        if not item.customer.get("code"):
            item.customer["code"] = customer_code(number)
            number += 1


def _next_id(session: Session, model: type) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1
