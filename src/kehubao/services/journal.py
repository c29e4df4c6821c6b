"""The operation journal: every user action that changes data is recorded so it can be
undone as a whole — Ctrl+Z right after an edit, or "undo this import" weeks later.

Inside `with operation(session, kind, label):` every ORM insert and update is journaled
automatically from session events; bulk Core work records itself with `record_inserts`
and `record_updates`. Undo moves inserted rows to the recycle bin (never destroys what
someone may have added to them since) and restores updated columns only where they
still hold the value the operation wrote.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, bindparam, event, insert, inspect, select, update
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import Base, ChangeRecord, Operation, Tag, utcnow
from .batch import CHUNK, WORK_SHARE, finish, scaled, update_loaded
from .tracking import Progress, note_binned, note_changed

# Columns a trip to the recycle bin sets (and its undo puts back).
_BIN_COLUMNS = {"deleted_at", "merged_into_id", "is_primary"}

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


def active_operation(session: Session) -> Operation | None:
    """The operation the session is journaling into, if any."""
    return session.info.get(_ACTIVE)


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


def set_columns(session: Session, model: type, ids: Sequence[int], values: Mapping[str, Any],
                *, where: Any = None, progress: Progress | None = None) -> list[int]:
    """Set ``values`` on the rows ``ids`` with a few statements per `CHUNK` rows, journaled
    like an ORM edit (only rows and columns that really change) and announced to the
    change tracking; the ids of the rows that changed.

    The set-based twin of loading objects and assigning attributes: that costs a query,
    an object and a history walk per row, far too slow for 20,000 selected customers."""
    _require_active(session)
    table = model.__table__
    columns = [table.c[name] for name in values]
    wanted = [to_json(v) for v in values.values()]
    written = dict(values)
    if "updated_at" in table.c:  # stated, not left to onupdate, so loaded objects get it
        written["updated_at"] = utcnow()
    changed: list[int] = []
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        records = []
        stmt = select(table.c.id, *columns).where(table.c.id.in_(chunk))
        for row in session.execute(stmt if where is None else stmt.where(where)):
            before, after = {}, {}
            for name, old, new in zip(values, row[1:], wanted, strict=True):
                if to_json(old) != new:
                    before[name], after[name] = to_json(old), new
            if before:
                records.append((row[0], before, after))
        if records:
            row_ids = [r[0] for r in records]
            session.execute(update(table).where(table.c.id.in_(row_ids)).values(written))
            record_updates(session, table.name, records)
            changed.extend(row_ids)
        if progress:
            progress(min(1.0, (start + len(chunk)) / len(ids)))
    update_loaded(session, model, lambda _id: written, changed)
    note_changed(session, table.name, changed)
    return changed


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


def undo(session: Session, operation_id: int, progress: Progress | None = None) -> UndoResult:
    """Undo an operation as a whole, newest change first; ``progress`` is told 0..1 and
    may raise to cancel (the unit of work then rolls back)."""
    result = _undo(session, operation_id, scaled(progress, 0, WORK_SHARE))
    finish(session, progress)
    return result


def _undo(session: Session, operation_id: int, progress: Progress | None) -> UndoResult:
    """Set-based: the records are read with one query, and consecutive updates of one table
    are reverted a chunk at a time (one read of the current values, one statement per
    set of columns), so undoing a 20,000-customer delete takes seconds, not minutes."""
    op = session.get(Operation, operation_id)
    if op is None:
        raise UserError("找不到要撤销的操作")
    if op.undone_at is not None:
        raise UserError("“{label}”已经撤销过了", label=op.label)
    session.flush()
    tables = {m.local_table.name: m.class_ for m in Base.registry.mappers}
    c = ChangeRecord.__table__.c
    records = session.execute(
        select(c.table_name, c.row_id, c.action, c.before, c.after)
        .where(c.operation_id == operation_id).order_by(c.id.desc())).all()
    restored = skipped = done = 0
    for model, action, run in _runs(records, tables):
        if action in ("insert", "insert_many"):
            if model.__tablename__ not in _SHARED:
                for rec in run:
                    ids = rec.after["ids"] if action == "insert_many" else [rec.row_id]
                    restored += _retract_inserts(session, model, ids)
        else:
            r, s = _revert_updates(session, model, run)
            restored, skipped = restored + r, skipped + s
        done += len(run)
        if progress:
            progress(done / len(records))
    op.undone_at = utcnow()
    session.flush()
    return UndoResult(label=op.label, restored=restored, skipped=skipped)


def _runs(records: Sequence[Any], tables: dict[str, type]) -> Iterator[tuple[type, str, list]]:
    """Consecutive records of one table and kind, at most `CHUNK` and each row at most
    once, so reverting a run at once gives what reverting them one by one would."""
    run: list = []
    seen: set[int] = set()
    key: tuple[str, str] | None = None
    for rec in records:
        model = tables.get(rec.table_name)
        if model is None:
            continue
        kind = "update" if rec.action == "update" else "insert"
        if run and ((rec.table_name, kind) != key or rec.row_id in seen or len(run) >= CHUNK
                    or kind == "insert"):
            yield tables[key[0]], run[0].action, run
            run, seen = [], set()
        key = (rec.table_name, kind)
        run.append(rec)
        seen.add(rec.row_id)
    if run and key is not None:
        yield tables[key[0]], run[0].action, run


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


def _revert_updates(session: Session, model: type, recs: list) -> tuple[int, int]:
    """Put back the columns of ``recs`` (distinct rows of one table) that still hold the
    value the operation wrote; later changes are left alone and counted as skipped."""
    table = model.__table__
    columns = table.c
    names = sorted({k for rec in recs for k in (rec.before or {}) if k != "_tag_ids"})
    ids = [rec.row_id for rec in recs]
    current = {row[0]: row for row in session.execute(
        select(columns.id, *(columns[n] for n in names)).where(columns.id.in_(ids)))}
    restored = skipped = 0
    batches: dict[tuple[str, ...], list[dict]] = {}
    tagged = [rec for rec in recs if "_tag_ids" in (rec.before or {}) and rec.row_id in current]
    if tagged:
        restored, skipped = _revert_tags(session, tagged)
    for rec in recs:
        before, after = rec.before or {}, rec.after or {}
        row = current.get(rec.row_id)
        if row is None:
            skipped += len(before)
            continue
        values: dict[str, Any] = {}
        for key, old in before.items():
            if key == "_tag_ids":
                continue
            if to_json(row[1 + names.index(key)]) == after.get(key):
                values[key] = _from_json(columns[key].type, old)
                restored += 1
            else:
                skipped += 1
        if values:
            batches.setdefault(tuple(sorted(values)), []).append(
                {"row_id": rec.row_id, **{f"v_{k}": v for k, v in values.items()}})
    if "customer_id" in names:  # rows going back to another customer: both need figures
        from .figures import note_customers

        note_customers(session, (row[1 + names.index("customer_id")] for row in current.values()))
    for keys, params in batches.items():
        session.execute(
            update(table).where(columns.id == bindparam("row_id"))
            .values({k: bindparam(f"v_{k}") for k in keys}), params)
        if "deleted_at" in keys and set(keys) <= _BIN_COLUMNS:  # undoing a delete or a restore
            for binned in (True, False):
                note_binned(session, table.name, [p["row_id"] for p in params
                                                  if (p["v_deleted_at"] is not None) == binned],
                            binned)
    now = {p["row_id"]: {k[2:]: v for k, v in p.items() if k.startswith("v_")}
           for params in batches.values() for p in params}
    update_loaded(session, model, now)
    changed = list(now)
    note_changed(session, table.name, changed)
    return restored, skipped


def _revert_tags(session: Session, recs: list) -> tuple[int, int]:
    """Give customers back the tags they had, where they still have the ones the
    operation gave them; (restored, skipped)."""
    from ..models import Customer, customer_tag

    link = customer_tag.c
    have: dict[int, list[int]] = {rec.row_id: [] for rec in recs}
    for cid, tid in session.execute(select(link.customer_id, link.tag_id)
                                    .where(link.customer_id.in_(list(have)))):
        have[cid].append(tid)
    back = [rec for rec in recs if sorted(have[rec.row_id]) == rec.after["_tag_ids"]]
    if back:
        ids = [rec.row_id for rec in back]
        session.execute(customer_tag.delete().where(link.customer_id.in_(ids)))
        links = [{"c": rec.row_id, "t": t} for rec in back for t in rec.before["_tag_ids"]]
        if links:
            # Tags deleted since are left out rather than brought back.
            live = set(session.scalars(select(Tag.id).where(Tag.id.in_({x["t"] for x in links}))))
            links = [x for x in links if x["t"] in live]
        if links:
            session.execute(customer_tag.insert().values(
                customer_id=bindparam("c"), tag_id=bindparam("t")), links)
        tags = {t.id: t for t in session.scalars(select(Tag).where(Tag.id.in_({x["t"] for x in links})))}
        update_loaded(session, Customer, {rec.row_id: {"tags": [tags[t] for t in rec.before["_tag_ids"] if t in tags]}
                                          for rec in back})
        note_changed(session, "customer", ids)
    return len(back), len(recs) - len(back)
