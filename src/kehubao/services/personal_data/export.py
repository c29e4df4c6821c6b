"""Everything stored about one contact, as JSON-ready data, written as JSON or as
the readable page of `readable.py`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import UserError
from ...models import (
    ChangeRecord,
    Customer,
    FollowUp,
    Interaction,
    Operation,
    SearchDoc,
)
from ...texts import Text
from ..journal import to_json
from .records import (
    BACKUP_NOTICE,
    DOC_KINDS,
    FORMAT,
    FREE_TEXT,
    MODELS,
    VERSION,
    Rows,
    chunks,
    identifying_terms,
    load_contact,
    mentioning,
    redact,
    rows_of_contact,
    rows_of_customers,
)


def export_contact(session: Session, contact_id: int) -> dict[str, Any]:
    """Everything stored about one contact, as JSON-ready data (the recycle bin included):
    their record, their company's name and tags, the interactions and follow-ups logged
    with them, the company's other records whose text names them, the journal's entries
    about them, and their search documents."""
    contact = load_contact(session, contact_id)
    customer = session.get(Customer, contact.customer_id)
    own = rows_of_contact(session, contact.id)
    others = rows_of_customers(session, {contact.customer_id}, own)
    terms = identifying_terms(session, own, others)
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
        "backups": Text(BACKUP_NOTICE),  # for the person: in the user's language
    }


def export_format(path: Path) -> str:
    """"json" or "html", by the file's suffix; anything else is refused."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix in (".html", ".htm"):
        return "html"
    raise UserError("不支持的导出格式“{suffix}”：文件名请以 .json 或 .html 结尾",
                    suffix=path.suffix or path.name)


def write_export(data: Mapping[str, Any], path: Path) -> Path:
    """Write an export as JSON or as a readable HTML page, by the file's suffix."""
    if export_format(path) == "json":
        content = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    else:
        from .readable import render_html

        content = render_html(data)
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise UserError("无法写入文件 {path}：{problem}", path=path,
                        problem=exc.strerror or str(exc)) from exc
    return path


def export_summary(data: Mapping[str, Any]) -> dict[str, int]:
    """How many records of each part an export holds (the CLI's --json, the UI's note)."""
    return {key: len(data[key]) for key in ("interactions", "follow_ups", "mentions", "journal",
                                             "search_documents")}


def _record(obj: Any) -> dict[str, Any]:
    return {attr.key: to_json(getattr(obj, attr.key))
            for attr in obj.__mapper__.column_attrs}


def _load(session: Session, model: type, ids: Iterable[int]) -> list[Any]:
    found = [obj for chunk in chunks(ids)
             for obj in session.scalars(select(model).where(model.id.in_(chunk)))]
    return sorted(found, key=lambda r: r.id)


def _mentions(session: Session, others: Rows, terms: list[str]) -> Iterator[dict[str, Any]]:
    """The company's other records whose free text names the person."""
    if not terms:
        return
    for table, ids in others.items():
        model = MODELS.get(table)
        if model is None:
            continue
        columns = [model.__table__.c[name] for name in FREE_TEXT[model]]
        for chunk in chunks(ids):
            for row in session.execute(select(model.__table__.c.id, *columns).where(
                    model.__table__.c.id.in_(chunk), mentioning(columns, terms))
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
        for chunk in chunks(ids):
            for rec in session.execute(stmt.where(c.table_name == table, c.row_id.in_(chunk),
                                                  c.action != "insert_many")):
                take(rec)
    for rec in session.execute(stmt.where(c.action == "insert_many",
                                          c.table_name.in_([t for t, ids in own.items() if ids]))):
        if set((rec.after or {}).get("ids", [])) & own[rec.table_name]:
            take(rec)
            entries[rec.id]["after"] = {"ids": sorted(set(rec.after["ids"]) & own[rec.table_name])}
    for table, ids in others.items():
        for chunk in chunks(ids):
            for rec in session.execute(stmt.where(c.table_name == table, c.row_id.in_(chunk))):
                if redact([rec.before, rec.after, rec.label], terms) != [rec.before, rec.after,
                                                                          rec.label]:
                    take(rec)
    return [entries[k] for k in sorted(entries)]


def _documents(session: Session, own: Rows) -> list[dict[str, Any]]:
    out = []
    for table, kind in DOC_KINDS.items():
        for chunk in chunks(own.get(table, ())):
            for doc in session.scalars(select(SearchDoc).where(SearchDoc.kind == kind,
                                                               SearchDoc.ref_id.in_(chunk))):
                out.append({"kind": doc.kind, "ref_id": doc.ref_id, "title": doc.title,
                            "subtitle": doc.subtitle, "names": doc.names, "keys": doc.keys,
                            "body": doc.body})
    return out

