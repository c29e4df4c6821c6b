"""Erasing a contact or a customer for good, step by step (what is reached and what
is not: the package's docstring)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, delete, event, func, or_, select, type_coerce, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ...errors import UserError
from ...models import (
    ChangeRecord,
    Customer,
    Operation,
    SearchDoc,
    customer_tag,
)
from ..batch import CHUNK, update_loaded
from ..figures import note_customers
from ..search.fts_sqlite import backend_for
from ..tracking import note_changed, run_pre_commit_hooks
from .records import (
    BACKUP_NOTICE,
    DOC_KINDS,
    FREE_TEXT,
    HISTORY,
    LINKS,
    MODELS,
    TABLE_LABELS,
    Rows,
    chunks,
    customers_of,
    identifying_terms,
    load_contact,
    load_customer,
    mentioning,
    redact,
    rows_of_contact,
    rows_of_customer,
    rows_of_customers,
)

log = logging.getLogger(__name__)


@dataclass
class Erasure:
    """What an erasure removed. ``file_cleaned`` is set after the commit: True when the
    database file was rebuilt and its write-ahead log emptied (`clean_file`), False when
    that failed (a reader kept the log busy, the disk was full)."""

    kind: str  # "contact" | "customer"
    name: str
    rows: dict[str, int] = field(default_factory=dict)  # table → rows deleted
    redacted: int = 0  # rows that stay whose text named them
    journal: int = 0  # journal records removed or scrubbed
    file_cleaned: bool | None = None
    notice: str = BACKUP_NOTICE


@dataclass(frozen=True)
class ErasurePreview:
    """What the confirmation names: the record and how much goes with it.
    ``individual``: a contact of an individual customer (个人客户), whose own record
    holds the same person's name and numbers — erasing the customer removes both."""

    kind: str
    id: int
    name: str
    customer_name: str
    rows: dict[str, int]
    individual: bool = False


def erasure_preview(session: Session, kind: str, record_id: int) -> ErasurePreview:
    if kind == "contact":
        contact = load_contact(session, record_id)
        customer = session.get(Customer, contact.customer_id)
        rows = rows_of_contact(session, contact.id)
        return ErasurePreview(kind, contact.id, contact.name, customer.name if customer else "",
                              _counts(rows), customer is not None and customer.kind == "person")
    if kind == "customer":
        customer = load_customer(session, record_id)
        rows = rows_of_customer(session, customer.id)
        return ErasurePreview(kind, customer.id, customer.name, customer.name, _counts(rows))
    raise UserError("不能彻底删除“{kind}”这类记录", kind=kind)


def describe_rows(rows: Mapping[str, int]) -> str:
    """"联系人 1 条、跟进记录 3 条" for table → count (the CLI's messages)."""
    return "、".join(f"{label} {rows[t]:,} 条" for t, label in TABLE_LABELS.items() if rows.get(t))


def _counts(rows: Rows) -> dict[str, int]:
    return {t: len(rows[t]) for t in TABLE_LABELS if rows.get(t)}


def erase_contact(session: Session, contact_id: int) -> Erasure:
    """Delete a contact for good with everything logged with them (see the module
    docstring); the company stays, its text no longer naming them."""
    contact = load_contact(session, contact_id)
    result = Erasure("contact", contact.name)
    customer_id = contact.customer_id
    rows = rows_of_contact(session, contact.id)
    others = rows_of_customers(session, {customer_id}, rows)
    _erase(session, result, rows, others, identifying_terms(session, rows, others))
    _finish(session, result, f"彻底删除联系人（编号 {contact_id}）")
    return result


def erase_customer(session: Session, customer_id: int) -> Erasure:
    """Delete a customer for good: its contacts, all its history, and the records merged
    into it (the same company, waiting in the recycle bin)."""
    customer = load_customer(session, customer_id)
    result = Erasure("customer", customer.name)
    rows = rows_of_customer(session, customer.id)
    _erase(session, result, rows, {}, identifying_terms(session, rows, {}))
    _finish(session, result, f"彻底删除客户（编号 {customer_id}）")
    return result


def clean_file(engine: Engine) -> bool:
    """Rebuild the database file from its live content and empty the write-ahead log:
    True when both happened.

    Deleting, even with ``secure_delete``, zeroes only what this connection deletes. Older
    copies of a row stay in the file's free space — an edit, a page split or a rebuilt
    search document made by a connection without ``secure_delete`` (the default of many
    SQLite builds) leaves the previous bytes where they were — and the write-ahead log
    holds whole pages as they were before. VACUUM writes a new file of the live rows
    only; its scratch copy goes to a temporary file rather than memory (the database may
    be a gigabyte), and the log is then folded in and truncated to nothing."""
    if engine.dialect.name != "sqlite":
        return True
    raw = engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("PRAGMA temp_store = FILE")
        try:
            conn.execute("VACUUM")
        finally:
            conn.execute("PRAGMA temp_store = MEMORY")
        row = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        raw.close()
    return row is None or row[0] == 0


# ------------------------------------------------------------------- erasure, the steps


def _erase(session: Session, result: Erasure, rows: Rows, others: Rows, terms: list[str]) -> None:
    if session.get_bind().dialect.name == "sqlite":
        # Deleted cells and freed pages are overwritten with zeros (left on afterwards:
        # the pooled connection then zeroes whatever it deletes, which costs little).
        session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
    session.flush()
    kinds = _remove_documents(session, rows)
    result.journal = _scrub_journal(session, rows, others, terms)
    redacted = _redact_rows(session, others, terms)
    result.redacted = sum(len(ids) for ids in redacted.values())
    kinds |= {DOC_KINDS[t] for t in redacted if t in DOC_KINDS}
    # The figures of the customers that stay follow from what is left of their history
    # (last contact, next follow-up); noted now, while the rows can still be read.
    note_customers(session, customers_of(session, rows) - rows.get("customer", set()))
    deleted = _delete_rows(session, rows)
    result.rows = {t: deleted[t] for t in TABLE_LABELS if deleted.get(t)}
    run_pre_commit_hooks(session)  # documents of redacted rows rebuilt, figures refreshed
    backend = backend_for(session)
    backend.optimize(session, sorted(kinds))


def _finish(session: Session, result: Erasure, label: str) -> None:
    """Leave a trace that an erasure happened (no name: that is what went), and clean the
    database file once the erasure is committed (`clean_file`)."""
    session.add(Operation(kind="erase", label=label,
                          details={"rows": result.rows, "redacted": result.redacted}))
    session.flush()
    engine = session.get_bind()

    def after_commit(_session: Session) -> None:
        try:
            result.file_cleaned = clean_file(engine)
        except Exception:  # noqa: BLE001 - the erasure itself is committed; say so, not fail
            log.warning("could not clean the database file after an erasure", exc_info=True)
            result.file_cleaned = False

    event.listen(session, "after_commit", after_commit, once=True)


def _remove_documents(session: Session, rows: Rows) -> set[str]:
    """Take the erased rows' search documents out of the full-text index and the document
    table; the kinds touched."""
    conditions = [SearchDoc.customer_id.in_(sorted(rows.get("customer", ())))] if rows.get("customer") else []
    for table, kind in DOC_KINDS.items():
        ids = sorted(rows.get(table, ()))
        for start in range(0, len(ids), CHUNK):
            conditions.append((SearchDoc.kind == kind) & SearchDoc.ref_id.in_(ids[start:start + CHUNK]))
    if not conditions:
        return set()
    backend = backend_for(session)
    found: dict[str, list[tuple]] = {}
    for condition in conditions:
        for doc_id, kind, names, keys, body in session.execute(
                select(SearchDoc.id, SearchDoc.kind, SearchDoc.names, SearchDoc.keys,
                       SearchDoc.body).where(condition)):
            found.setdefault(kind, []).append((doc_id, names, keys, body))
    for kind, docs in found.items():
        unique = list({d[0]: d for d in docs}.values())
        backend.remove(session.connection(), kind, unique)
        ids = [d[0] for d in unique]
        for start in range(0, len(ids), CHUNK):
            session.execute(delete(SearchDoc).where(SearchDoc.id.in_(ids[start:start + CHUNK])))
    return set(found)


def _scrub_journal(session: Session, rows: Rows, others: Rows, terms: list[str]) -> int:
    """Remove the erased rows from the journal and their values from what stays; the
    number of records removed or changed."""
    c = ChangeRecord.__table__.c
    gone: dict[int, int] = {}  # record id → operation id
    ops: set[int] = set()
    for table, ids in rows.items():
        for chunk in chunks(ids):
            for rec_id, op_id in session.execute(select(c.id, c.operation_id).where(
                    c.table_name == table, c.row_id.in_(chunk), c.action != "insert_many")):
                gone[rec_id] = op_id
    changed = 0
    # An import's (or the demo's) list of created rows: the erased ids leave it.
    for rec_id, op_id, table, after in session.execute(select(c.id, c.operation_id, c.table_name,
                                                              c.after).where(
            c.action == "insert_many", c.table_name.in_([t for t, ids in rows.items() if ids]))):
        listed = (after or {}).get("ids", [])
        kept = [i for i in listed if i not in rows[table]]
        if len(kept) == len(listed):
            continue
        ops.add(op_id)
        if kept:
            session.execute(update(ChangeRecord).where(c.id == rec_id)
                            .values(after={**after, "ids": kept}))
            changed += 1
        else:
            gone[rec_id] = op_id
    # Records of rows that stay: their values lose the name, as the rows themselves do.
    for table, ids in others.items():
        for chunk in chunks(ids):
            for rec_id, op_id, before, after in session.execute(
                    select(c.id, c.operation_id, c.before, c.after)
                    .where(c.table_name == table, c.row_id.in_(chunk))):
                ops.add(op_id)
                new_before, new_after = redact(before, terms), redact(after, terms)
                if (new_before, new_after) != (before, after):
                    session.execute(update(ChangeRecord).where(c.id == rec_id)
                                    .values(before=new_before, after=new_after))
                    changed += 1
    ops |= set(gone.values())
    changed += _unlink(session, rows, ops, gone)
    ids = sorted(gone)
    for chunk in chunks(ids):
        session.execute(delete(ChangeRecord).where(c.id.in_(chunk)))
    _scrub_operations(session, ops, terms, emptied=set(gone.values()))
    return changed + len(gone)


def _unlink(session: Session, rows: Rows, ops: set[int], gone: dict[int, int]) -> int:
    """Undo must never point a row that stays at an erased one: undoing a merge would
    move the contacts back to the merged-away customer, undoing a change of referral
    would name the erased customer again. Such links leave the journal (the rows stay
    where they are now); a record with nothing left goes (added to ``gone``), its
    operation joins ``ops``. The number of records changed."""
    c = ChangeRecord.__table__.c
    keys = [key for key, table in LINKS.items() if rows.get(table)]
    if not keys:
        return 0
    # Every record that changed such a link (a referral changed away from the customer
    # years ago is undoable too): one pass over the journal, the values checked here.
    before_text = type_coerce(c.before, Text)
    changed = 0
    for rec_id, op_id, before, after in session.execute(
            select(c.id, c.operation_id, c.before, c.after).where(
                c.action == "update", or_(*(func.instr(before_text, f'"{key}"') > 0
                                            for key in keys)))):
        if rec_id in gone or not before:
            continue
        drop = [key for key in keys if key in before and before[key] in rows[LINKS[key]]]
        if not drop:
            continue
        ops.add(op_id)
        before = {k: v for k, v in before.items() if k not in drop}
        after = {k: v for k, v in (after or {}).items() if k not in drop}
        if before:
            session.execute(update(ChangeRecord).where(c.id == rec_id)
                            .values(before=before, after=after))
            changed += 1
        else:
            gone[rec_id] = op_id
    return changed


def _scrub_operations(session: Session, op_ids: set[int], terms: list[str],
                      emptied: set[int]) -> None:
    """Labels and details lose the name; an operation whose every record went (creating
    or editing the erased contact) goes too, since it has nothing left to undo."""
    o, c = Operation.__table__.c, ChangeRecord.__table__.c
    for chunk in chunks(op_ids):
        for op_id, label, details in session.execute(select(o.id, o.label, o.details)
                                                     .where(o.id.in_(chunk))):
            new_label, new_details = redact(label, terms), redact(details, terms)
            if (new_label, new_details) != (label, details):
                session.execute(update(Operation).where(o.id == op_id)
                                .values(label=new_label, details=new_details))
    for chunk in chunks(emptied):
        left = set(session.scalars(select(c.operation_id).where(c.operation_id.in_(chunk))))
        empty = [i for i in chunk if i not in left]
        if empty:
            session.execute(delete(Operation).where(o.id.in_(empty)))
    _forget_loaded(session, {"operation": emptied, "change_record": set()})


def _redact_rows(session: Session, others: Rows, terms: list[str]) -> dict[str, list[int]]:
    """Replace the terms in the free text of the rows that stay; table → ids changed."""
    changed: dict[str, list[int]] = {}
    if not terms:
        return changed
    for table, ids in others.items():
        model = MODELS.get(table)
        if model is None or not ids:
            continue
        columns = [model.__table__.c[name] for name in FREE_TEXT[model]]
        new_values: dict[int, dict[str, Any]] = {}
        for chunk in chunks(ids):
            for row in session.execute(select(model.__table__.c.id, *columns).where(
                    model.__table__.c.id.in_(chunk), mentioning(columns, terms))):
                values = {col.name: redact(value, terms) for col, value in zip(columns, row[1:], strict=True)
                          if value is not None and redact(value, terms) != value}
                if values:
                    new_values[row[0]] = values
        for row_id, values in new_values.items():
            session.execute(update(model.__table__).where(model.__table__.c.id == row_id).values(values))
        if new_values:
            update_loaded(session, model, new_values)
            note_changed(session, table, new_values)
            changed[table] = sorted(new_values)
    return changed


def _delete_rows(session: Session, rows: Rows) -> dict[str, int]:
    """Delete the rows, children first; table → how many went."""
    counts: dict[str, int] = {}
    order = ["score", *(m.__tablename__ for m in HISTORY), "contact", "customer"]
    customers = sorted(rows.get("customer", ()))
    for chunk in chunks(customers):
        session.execute(delete(customer_tag).where(customer_tag.c.customer_id.in_(chunk)))
        for column in (Customer.referred_by_id, Customer.merged_into_id):
            session.execute(update(Customer).where(column.in_(chunk), Customer.id.not_in(customers))
                            .values({column.key: None}))
    models = {**MODELS}
    for table in order:
        ids = sorted(rows.get(table, ()))
        if not ids:
            continue
        model = models[table]
        count = 0
        for chunk in chunks(ids):
            count += session.execute(delete(model.__table__).where(
                model.__table__.c.id.in_(chunk))).rowcount or 0
        counts[table] = count
        note_changed(session, table, ids)
    _forget_loaded(session, rows)
    return counts


def _forget_loaded(session: Session, rows: Mapping[str, Iterable[int]]) -> None:
    """Drop loaded objects of deleted rows, so no later flush writes to them."""
    wanted = {(table, i) for table, ids in rows.items() for i in ids}
    for obj in list(session.identity_map.values()):
        if (getattr(obj, "__tablename__", None), getattr(obj, "id", None)) in wanted:
            session.expunge(obj)
