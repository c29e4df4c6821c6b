"""Moving records to the recycle bin (回收站) and back, the same way for every kind.

Deleting only stamps ``deleted_at`` inside a journaled operation, so Ctrl+Z and the
recycle bin can both bring a record back with everything attached to it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import utcnow
from .journal import operation


def move_to_bin(session: Session, model: type[Any], ids: Iterable[int], noun: str,
                also: Callable[[Any], None] | None = None) -> int:
    """Stamp the live records among ``ids`` as deleted; how many were."""
    rows = _rows(session, model, ids, in_bin=False)
    if rows:
        with operation(session, "delete", _label("删除", noun, rows)):
            now = utcnow()
            for row in rows:
                row.deleted_at = now
                if also:
                    also(row)
    return len(rows)


def restore_from_bin(session: Session, model: type[Any], ids: Iterable[int], noun: str,
                     also: Callable[[Any], None] | None = None) -> int:
    """Bring the records among ``ids`` that are in the bin back; how many were."""
    rows = _rows(session, model, ids, in_bin=True)
    if rows:
        with operation(session, "restore", _label("恢复", noun, rows)):
            for row in rows:
                row.deleted_at = None
                if also:
                    also(row)
    return len(rows)


def _rows(session: Session, model: type[Any], ids: Iterable[int], *, in_bin: bool) -> list[Any]:
    deleted = model.deleted_at.is_not(None) if in_bin else model.deleted_at.is_(None)
    return list(session.scalars(select(model).where(model.id.in_(list(ids)), deleted)))


def _label(verb: str, noun: str, rows: list[Any]) -> str:
    """What the Undo menu shows: the name for one record, the count for several."""
    if len(rows) > 1:
        return f"{verb} {len(rows)} 个{noun}"
    row = rows[0]  # records without a name (interactions, follow-ups) show their title
    return f"{verb}{noun}：{getattr(row, 'name', None) or getattr(row, 'subject', None) or getattr(row, 'title', '')}"
