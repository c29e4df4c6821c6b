"""Personal information (个人信息保护法, PIPL): everything stored about one person, and
erasing a person or a customer for good.

A person's data is not only their row. It is in the history logged with them
(interactions, follow-ups, birthday reminders), in the notes of their company that name
them (an import that merged their row writes "联系人张伟·手机：…"), in the undo journal
(the before and after values of every edit, an import's list of the rows it created,
the labels of the Undo menu), in the search index, and in the database file's free
space and write-ahead log. Export gathers all of it; erasure removes all of it:

- the rows are deleted for good — not moved to the recycle bin, not undoable;
- the free text of the rows that stay (the company's notes, colleagues' visits) has the
  person's name and numbers replaced by ``REDACTED``, and so do the journal's values of
  those rows, the same way, so undoing an older edit still finds what it wrote;
- the journal's records of the erased rows go, ids leave an import's list, operations
  left with nothing to undo go, and the Undo menu's labels lose the name;
- their search documents are taken out, and the full-text index rewritten (FTS5
  'optimize') so no old segment keeps their tokens;
- on SQLite the erasing connection zeroes what it deletes (``PRAGMA secure_delete``);
  after the commit the file is rebuilt from its live rows (VACUUM: older copies left in
  free space by earlier edits go) and the write-ahead log, which holds old page images,
  is folded in and emptied (``wal_checkpoint(TRUNCATE)``) — see `clean_file`.

What is not reached: backups made earlier (the ``backups`` folder beside the database,
files the user saved elsewhere) and other customers' free text that happens to name the
person. Every message about an erasure says the first (`BACKUP_NOTICE`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Text, delete, event, func, or_, select, type_coerce, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import (
    ChangeRecord,
    Contact,
    Customer,
    Evaluation,
    FollowUp,
    Interaction,
    Operation,
    RiskEvent,
    Score,
    SearchDoc,
    SupportAction,
    Transaction,
    customer_tag,
)
from .batch import CHUNK, update_loaded
from .figures import note_customers
from .journal import to_json
from .search.fts_sqlite import backend_for
from .tracking import note_changed, run_pre_commit_hooks

log = logging.getLogger(__name__)

FORMAT = "kehubao.personal-data"
VERSION = 1
REDACTED = "〔已删除〕"
BACKUP_NOTICE = ("较早的备份（数据库旁的 backups 文件夹，包括删除前自动做的一份，以及另存到别处的备份文件）"
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
_MODELS: dict[str, type] = {m.__tablename__: m for m in FREE_TEXT}
# What the rows of each table are called, in the order messages list them.
TABLE_LABELS = {"customer": "客户", "contact": "联系人", "interaction": "跟进记录",
                "follow_up": "跟进提醒", "trade_transaction": "交易记录", "evaluation": "评价",
                "score": "评分", "support_action": "支援记录", "risk_event": "风险事件"}
# Search document kinds, by the table whose rows they describe.
_DOC_KINDS = {"customer": "customer", "contact": "contact", "interaction": "interaction"}

Rows = dict[str, set[int]]  # table name → row ids
# Columns linking a row to another, by the table they point into.
_LINKS = {"customer_id": "customer", "referred_by_id": "customer", "merged_into_id": "customer",
          "contact_id": "contact", "interaction_id": "interaction"}


# ------------------------------------------------------------------------------ export


def export_contact(session: Session, contact_id: int) -> dict[str, Any]:
    """Everything stored about one contact, as JSON-ready data (the recycle bin included):
    their record, their company's name and tags, the interactions and follow-ups logged
    with them, the company's other records whose text names them, the journal's entries
    about them, and their search documents."""
    contact = _contact(session, contact_id)
    customer = session.get(Customer, contact.customer_id)
    own = _rows_of_contact(session, contact.id)
    others = _rows_of_customers(session, {contact.customer_id}, own)
    terms = _terms(session, own, others)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now().replace(microsecond=0).isoformat(),
        "contact": _record(contact),
        # An individual customer's record is this person's too; a company's is not.
        "customer": None if customer is None else _record(customer) if customer.kind == "person"
        else {"id": customer.id, "code": customer.code, "name": customer.name,
              "kind": customer.kind, "deleted_at": to_json(customer.deleted_at)},
        "customer_tags": [] if customer is None else sorted(t.name for t in customer.tags),
        "interactions": [_record(r) for r in _load(session, Interaction, own["interaction"])],
        "follow_ups": [_record(r) for r in _load(session, FollowUp, own["follow_up"])],
        "mentions": list(_mentions(session, others, terms)),
        "journal": _journal_entries(session, own, others, terms),
        "search_documents": _documents(session, own),
        "backups": BACKUP_NOTICE,
    }


def export_format(path: Path) -> str:
    """"json" or "html", by the file's suffix; anything else is refused."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".html", ".htm"):
        return "html"
    raise UserError(f"不支持的导出格式“{path.suffix or path.name}”：文件名请以 .json 或 .html 结尾")


def write_export(data: Mapping[str, Any], path: Path) -> Path:
    """Write an export as JSON or as a readable HTML page, by the file's suffix."""
    if export_format(path) == "json":
        content = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        from .personal_data_html import render_html

        content = render_html(data)
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"无法写入文件 {path}：{exc.strerror or exc}") from exc
    return path


def export_summary(data: Mapping[str, Any]) -> dict[str, int]:
    """How many records of each part an export holds (the CLI's --json, the UI's note)."""
    return {key: len(data[key]) for key in ("interactions", "follow_ups", "mentions", "journal",
                                             "search_documents")}


# ------------------------------------------------------------------------------- erase


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
        contact = _contact(session, record_id)
        customer = session.get(Customer, contact.customer_id)
        rows = _rows_of_contact(session, contact.id)
        return ErasurePreview(kind, contact.id, contact.name, customer.name if customer else "",
                              _counts(rows), customer is not None and customer.kind == "person")
    if kind == "customer":
        customer = _customer(session, record_id)
        rows = _rows_of_customer(session, customer.id)
        return ErasurePreview(kind, customer.id, customer.name, customer.name, _counts(rows))
    raise UserError(f"不能彻底删除“{kind}”这类记录")


def describe_rows(rows: Mapping[str, int]) -> str:
    """"联系人 1 条、跟进记录 3 条" for table → count (the CLI's messages)."""
    return "、".join(f"{label} {rows[t]:,} 条" for t, label in TABLE_LABELS.items() if rows.get(t))


def _counts(rows: Rows) -> dict[str, int]:
    return {t: len(rows[t]) for t in TABLE_LABELS if rows.get(t)}


def erase_contact(session: Session, contact_id: int) -> Erasure:
    """Delete a contact for good with everything logged with them (see the module
    docstring); the company stays, its text no longer naming them."""
    contact = _contact(session, contact_id)
    result = Erasure("contact", contact.name)
    customer_id = contact.customer_id
    rows = _rows_of_contact(session, contact.id)
    others = _rows_of_customers(session, {customer_id}, rows)
    _erase(session, result, rows, others, _terms(session, rows, others))
    _finish(session, result, f"彻底删除联系人（编号 {contact_id}）")
    return result


def erase_customer(session: Session, customer_id: int) -> Erasure:
    """Delete a customer for good: its contacts, all its history, and the records merged
    into it (the same company, waiting in the recycle bin)."""
    customer = _customer(session, customer_id)
    result = Erasure("customer", customer.name)
    rows = _rows_of_customer(session, customer.id)
    _erase(session, result, rows, {}, _terms(session, rows, {}))
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
    kinds |= {_DOC_KINDS[t] for t in redacted if t in _DOC_KINDS}
    # The figures of the customers that stay follow from what is left of their history
    # (last contact, next follow-up); noted now, while the rows can still be read.
    note_customers(session, _customers_of(session, rows) - rows.get("customer", set()))
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
    for table, kind in _DOC_KINDS.items():
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
        for chunk in _chunks(ids):
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
        for chunk in _chunks(ids):
            for rec_id, op_id, before, after in session.execute(
                    select(c.id, c.operation_id, c.before, c.after)
                    .where(c.table_name == table, c.row_id.in_(chunk))):
                ops.add(op_id)
                new_before, new_after = _redact(before, terms), _redact(after, terms)
                if (new_before, new_after) != (before, after):
                    session.execute(update(ChangeRecord).where(c.id == rec_id)
                                    .values(before=new_before, after=new_after))
                    changed += 1
    ops |= set(gone.values())
    changed += _unlink(session, rows, ops, gone)
    ids = sorted(gone)
    for chunk in _chunks(ids):
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
    keys = [key for key, table in _LINKS.items() if rows.get(table)]
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
        drop = [key for key in keys if key in before and before[key] in rows[_LINKS[key]]]
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
    for chunk in _chunks(op_ids):
        for op_id, label, details in session.execute(select(o.id, o.label, o.details)
                                                     .where(o.id.in_(chunk))):
            new_label, new_details = _redact(label, terms), _redact(details, terms)
            if (new_label, new_details) != (label, details):
                session.execute(update(Operation).where(o.id == op_id)
                                .values(label=new_label, details=new_details))
    for chunk in _chunks(emptied):
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
        model = _MODELS.get(table)
        if model is None or not ids:
            continue
        columns = [model.__table__.c[name] for name in FREE_TEXT[model]]
        new_values: dict[int, dict[str, Any]] = {}
        for chunk in _chunks(ids):
            for row in session.execute(select(model.__table__.c.id, *columns).where(
                    model.__table__.c.id.in_(chunk), _mentioning(columns, terms))):
                values = {col.name: _redact(value, terms) for col, value in zip(columns, row[1:], strict=True)
                          if value is not None and _redact(value, terms) != value}
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
    for chunk in _chunks(customers):
        session.execute(delete(customer_tag).where(customer_tag.c.customer_id.in_(chunk)))
        for column in (Customer.referred_by_id, Customer.merged_into_id):
            session.execute(update(Customer).where(column.in_(chunk), Customer.id.not_in(customers))
                            .values({column.key: None}))
    models = {**_MODELS}
    for table in order:
        ids = sorted(rows.get(table, ()))
        if not ids:
            continue
        model = models[table]
        count = 0
        for chunk in _chunks(ids):
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


# ------------------------------------------------------------------------ what is whose


def _contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise UserError(f"找不到编号为 {contact_id} 的联系人")
    return contact


def _customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise UserError(f"找不到编号为 {customer_id} 的客户")
    return customer


def _rows_of_contact(session: Session, contact_id: int) -> Rows:
    """The contact and what was logged with them (reminders for their birthday too)."""
    return {
        "contact": {contact_id},
        "interaction": set(session.scalars(select(Interaction.id).where(
            Interaction.contact_id == contact_id))),
        "follow_up": set(session.scalars(select(FollowUp.id).where(
            FollowUp.contact_id == contact_id))),
    }


def _rows_of_customer(session: Session, customer_id: int) -> Rows:
    """The customer, the records merged into it (in the bin, merged_into_id) and,
    for all of them, every row that hangs off them."""
    customers = {customer_id}
    frontier = {customer_id}
    while frontier:
        frontier = set(session.scalars(select(Customer.id).where(
            Customer.merged_into_id.in_(sorted(frontier))))) - customers
        customers |= frontier
    return _rows_of_customers(session, customers, {})


def _rows_of_customers(session: Session, customer_ids: set[int], besides: Rows) -> Rows:
    """Every row of these customers (the customers included), less ``besides``."""
    ids = sorted(customer_ids)
    rows: Rows = {"customer": set(ids)}
    for model in (Contact, *HISTORY):
        rows[model.__tablename__] = {
            i for chunk in _chunks(ids)
            for i in session.scalars(select(model.id).where(model.customer_id.in_(chunk)))}
    rows["score"] = {i for chunk in _chunks(rows["evaluation"])
                     for i in session.scalars(select(Score.id).where(Score.evaluation_id.in_(chunk)))}
    return {table: found - besides.get(table, set()) for table, found in rows.items()}


def _customers_of(session: Session, rows: Rows) -> set[int]:
    """The customers the rows belong to."""
    found = set(rows.get("customer", ()))
    for table, ids in rows.items():
        model = _MODELS.get(table)
        if model is None or not hasattr(model, "customer_id"):
            continue
        for chunk in _chunks(ids):
            found.update(session.scalars(select(model.customer_id).where(model.id.in_(chunk))))
    return found


def _terms(session: Session, rows: Rows, others: Rows) -> list[str]:
    """The names and numbers of the erased people and companies: their values now, and
    those the journal remembers (an old mobile number, the name before a correction).
    A value that a record which stays still holds (a switchboard number the company
    shares, a colleague's name) is not theirs alone and is left; so are values too short
    to find safely (one character, a three-digit extension)."""
    wanted: set[str] = set()
    for table, fields in (("contact", CONTACT_IDENTIFIERS), ("customer", CUSTOMER_IDENTIFIERS)):
        model = _MODELS[table]
        for chunk in _chunks(rows.get(table, ())):
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
        model = _MODELS[table]
        for chunk in _chunks(others.get(table, ())):
            for row in session.execute(select(*(getattr(model, f) for f in fields))
                                       .where(model.id.in_(chunk))):
                kept.update(v for v in row if isinstance(v, str))
    terms = {t.strip() for t in wanted - kept if t and t.strip()}
    return sorted((t for t in terms if len(t) >= (4 if t.isascii() else 2)),
                  key=lambda t: (-len(t), t))


def _mentioning(columns: list, terms: list[str]):  # type: ignore[no-untyped-def]
    return or_(*(col.contains(term, autoescape=True) for col in columns for term in terms))


def _redact(value: Any, terms: list[str]) -> Any:
    """``value`` (text, or JSON-ready data) with every term replaced by REDACTED."""
    if isinstance(value, str):
        for term in terms:
            if term in value:
                value = value.replace(term, REDACTED)
        return value
    if isinstance(value, dict):
        return {k: _redact(v, terms) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v, terms) for v in value]
    return value


# ---------------------------------------------------------------------- export, parts


def _record(obj: Any) -> dict[str, Any]:
    return {attr.key: to_json(getattr(obj, attr.key))
            for attr in obj.__mapper__.column_attrs}


def _load(session: Session, model: type, ids: Iterable[int]) -> list[Any]:
    found = [obj for chunk in _chunks(ids)
             for obj in session.scalars(select(model).where(model.id.in_(chunk)))]
    return sorted(found, key=lambda r: r.id)


def _mentions(session: Session, others: Rows, terms: list[str]) -> Iterator[dict[str, Any]]:
    """The company's other records whose free text names the person."""
    if not terms:
        return
    for table, ids in others.items():
        model = _MODELS.get(table)
        if model is None:
            continue
        columns = [model.__table__.c[name] for name in FREE_TEXT[model]]
        for chunk in _chunks(ids):
            for row in session.execute(select(model.__table__.c.id, *columns).where(
                    model.__table__.c.id.in_(chunk), _mentioning(columns, terms))
                    .order_by(model.__table__.c.id)):
                for col, value in zip(columns, row[1:], strict=True):
                    if isinstance(value, str) and any(t in value for t in terms):
                        yield {"table": table, "id": row[0], "field": col.name, "text": value}


def _journal_entries(session: Session, own: Rows, others: Rows,
                     terms: list[str]) -> list[dict[str, Any]]:
    """The journal's records of the person's rows, and those of the company's rows whose
    values name them, with the operation each belongs to, oldest first."""
    c, o = ChangeRecord.__table__.c, Operation.__table__.c
    entries: dict[int, dict[str, Any]] = {}

    def take(rec: Any) -> None:
        entries[rec.id] = {
            "operation_id": rec.operation_id, "operation": rec.kind, "label": rec.label,
            "at": to_json(rec.created_at), "undone_at": to_json(rec.undone_at),
            "table": rec.table_name, "row_id": rec.row_id, "action": rec.action,
            "before": rec.before, "after": rec.after}

    stmt = (select(c.id, c.operation_id, c.table_name, c.row_id, c.action, c.before, c.after,
                   o.kind, o.label, o.created_at, o.undone_at)
            .join(Operation.__table__, o.id == c.operation_id))
    for table, ids in own.items():
        for chunk in _chunks(ids):
            for rec in session.execute(stmt.where(c.table_name == table, c.row_id.in_(chunk),
                                                  c.action != "insert_many")):
                take(rec)
    for rec in session.execute(stmt.where(c.action == "insert_many",
                                          c.table_name.in_([t for t, ids in own.items() if ids]))):
        if set((rec.after or {}).get("ids", [])) & own[rec.table_name]:
            take(rec)
            entries[rec.id]["after"] = {"ids": sorted(set(rec.after["ids"]) & own[rec.table_name])}
    for table, ids in others.items():
        for chunk in _chunks(ids):
            for rec in session.execute(stmt.where(c.table_name == table, c.row_id.in_(chunk))):
                if _redact([rec.before, rec.after, rec.label], terms) != [rec.before, rec.after,
                                                                          rec.label]:
                    take(rec)
    return [entries[k] for k in sorted(entries)]


def _documents(session: Session, own: Rows) -> list[dict[str, Any]]:
    out = []
    for table, kind in _DOC_KINDS.items():
        for chunk in _chunks(own.get(table, ())):
            for doc in session.scalars(select(SearchDoc).where(SearchDoc.kind == kind,
                                                               SearchDoc.ref_id.in_(chunk))):
                out.append({"kind": doc.kind, "ref_id": doc.ref_id, "title": doc.title,
                            "subtitle": doc.subtitle, "names": doc.names, "keys": doc.keys,
                            "body": doc.body})
    return out


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]

