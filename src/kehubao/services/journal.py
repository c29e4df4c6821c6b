"""The operation journal: every user action that changes data is recorded so it can be
undone as a whole — Ctrl+Z right after an edit, or "undo this import" weeks later.

Inside `with operation(session, kind, label):` every ORM insert and update is journaled
automatically from session events; bulk Core work records itself with `record_inserts`
and `record_updates`. Undo moves inserted rows to the recycle bin (never destroys what
someone may have added to them since) and restores updated columns only where they
still hold the value the operation wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, event, insert, inspect, select, update
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import Base, ChangeRecord, Operation, Tag, utcnow
from .tracking import note_changed

_ACTIVE = "kehubao_operation"
_PENDING = "kehubao_journal_pending"
_UNJOURNALED = frozenset({"search_doc", "operation", "change_record", "setting"})
# Shared reference rows an operation may have created on the way (a new tag name): undo
# leaves them, since later work may use them and an unused tag harms nobody.
_SHARED = frozenset({"tag", "sales_rep", "objection_category"})
# Relationship collections journaled as lists of ids (column name in the record).
_COLLECTIONS = {("customer", "tags"): "_tag_ids"}


@dataclass
class UndoResult:
    label: str
    restored: int
    skipped: int  # columns left alone because they were changed again later


@contextmanager
def operation(
    session: Session, kind: str, label: str, details: dict | None = None
) -> Iterator[Operation]:
    """Journal everything the block changes as one undoable operation."""
    if session.info.get(_ACTIVE) is not None:  # nested: the outer operation owns it
        yield session.info[_ACTIVE]
        return
    op = Operation(kind=kind, label=label, details=details)
    session.add(op)
    session.flush()
    session.info[_ACTIVE] = op
    try:
        yield op
        session.flush()
    finally:
        session.info.pop(_ACTIVE, None)
        session.info.pop(_PENDING, None)


def record_inserts(session: Session, table: str, ids: list[int]) -> None:
    op = _require_active(session)
    if ids:
        session.execute(
            insert(ChangeRecord),
            [{"operation_id": op.id, "table_name": table, "row_id": 0,
              "action": "insert_many", "before": None, "after": {"ids": ids}}],
        )


def record_updates(
    session: Session, table: str, rows: Iterable[tuple[int, dict, dict]]
) -> None:
    """rows: (row_id, before, after) with JSON-ready values of the changed columns."""
    op = _require_active(session)
    payload = [
        {"operation_id": op.id, "table_name": table, "row_id": row_id,
         "action": "update", "before": before, "after": after}
        for row_id, before, after in rows
    ]
    if payload:
        session.execute(insert(ChangeRecord), payload)


def _require_active(session: Session) -> Operation:
    op = session.info.get(_ACTIVE)
    if op is None:
        raise RuntimeError("journal records need an active operation")
    return op


def to_json(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _from_json(column_type: object, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return date.fromisoformat(value)
    return value


# ------------------------------------------------------------------ automatic journaling


@event.listens_for(Session, "before_flush")
def _capture_updates(session: Session, _ctx: object, _instances: object) -> None:
    op = session.info.get(_ACTIVE)
    if op is None:
        return
    pending = session.info.setdefault(_PENDING, [])
    for obj in session.dirty:
        table = getattr(obj, "__tablename__", None)
        if table is None or table in _UNJOURNALED or obj.id is None:
            continue
        state = inspect(obj)
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.has_changes() and attr.key not in ("updated_at",):
                old = hist.deleted[0] if hist.deleted else None
                new = hist.added[0] if hist.added else None
                if to_json(old) != to_json(new):
                    before[attr.key], after[attr.key] = to_json(old), to_json(new)
        for (tbl, rel), name in _COLLECTIONS.items():
            if tbl == table:
                hist = state.attrs[rel].history
                if hist.has_changes():
                    now = [t.id for t in getattr(obj, rel)]
                    was = sorted(set(now) - {t.id for t in hist.added} | {t.id for t in hist.deleted})
                    before[name], after[name] = was, sorted(now)
        if before:
            pending.append((table, obj.id, before, after))


@event.listens_for(Session, "after_flush")
def _write_records(session: Session, _ctx: object) -> None:
    op = session.info.get(_ACTIVE)
    if op is None or op.id is None:
        return
    rows = [
        {"operation_id": op.id, "table_name": table, "row_id": row_id,
         "action": "update", "before": before, "after": after}
        for table, row_id, before, after in session.info.pop(_PENDING, [])
    ]
    for obj in session.new:
        table = getattr(obj, "__tablename__", None)
        if table is None or table in _UNJOURNALED:
            continue
        rows.append({"operation_id": op.id, "table_name": table, "row_id": obj.id,
                     "action": "insert", "before": None, "after": None})
    if rows:
        session.connection().execute(insert(ChangeRecord.__table__), rows)


# ------------------------------------------------------------------------------- undo


UNDOABLE_KINDS = frozenset({"create", "edit", "delete", "restore", "merge", "bulk", "import"})


def last_undoable(session: Session) -> Operation | None:
    return session.scalars(
        select(Operation)
        .where(Operation.undone_at.is_(None), Operation.kind.in_(UNDOABLE_KINDS))
        .order_by(Operation.id.desc())
        .limit(1)
    ).first()


def undo(session: Session, operation_id: int) -> UndoResult:
    op = session.get(Operation, operation_id)
    if op is None:
        raise UserError("找不到要撤销的操作")
    if op.undone_at is not None:
        raise UserError(f"“{op.label}”已经撤销过了")
    tables = {m.local_table.name: m.class_ for m in Base.registry.mappers}
    restored = skipped = 0
    for rec in reversed(op.changes):
        model = tables.get(rec.table_name)
        if model is None:
            continue
        if rec.action in ("insert", "insert_many"):
            if rec.table_name in _SHARED:
                continue
            ids = rec.after["ids"] if rec.action == "insert_many" else [rec.row_id]
            restored += _retract_inserts(session, model, ids)
        elif rec.action == "update":
            r, s = _revert_update(session, model, rec)
            restored, skipped = restored + r, skipped + s
    op.undone_at = utcnow()
    session.flush()
    return UndoResult(label=op.label, restored=restored, skipped=skipped)


def _retract_inserts(session: Session, model: type, ids: list[int]) -> int:
    table = model.__table__
    count = 0
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        if "deleted_at" in table.c:
            result = session.execute(
                update(table)
                .where(table.c.id.in_(chunk), table.c.deleted_at.is_(None))
                .values(deleted_at=utcnow())
            )
        else:
            result = session.execute(table.delete().where(table.c.id.in_(chunk)))
        count += result.rowcount or 0
    session.expire_all()
    note_changed(session, table.name, ids)
    return count


def _revert_update(session: Session, model: type, rec: ChangeRecord) -> tuple[int, int]:
    obj = session.get(model, rec.row_id)
    if obj is None:
        return 0, len(rec.before or {})
    columns = model.__table__.c
    restored = skipped = 0
    for key, old in (rec.before or {}).items():
        new = (rec.after or {}).get(key)
        if key == "_tag_ids":
            if sorted(t.id for t in obj.tags) == new:
                obj.tags = [t for t in (session.get(Tag, i) for i in old) if t is not None]
                restored += 1
            else:
                skipped += 1
            continue
        if to_json(getattr(obj, key)) == new:
            setattr(obj, key, _from_json(columns[key].type, old))
            restored += 1
        else:
            skipped += 1
    return restored, skipped
