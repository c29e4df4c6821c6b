"""Moving records to the recycle bin (回收站) and back, the same way for every kind.

Deleting only stamps ``deleted_at`` inside a journaled operation, so Ctrl+Z and the
recycle bin can both bring a record back with everything attached to it. Both directions
are set-based (a few statements per 500 records, see `journal.set_columns`), because a
user may select 20,000 customers at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import utcnow
from .batch import WORK_SHARE, finish, scaled
from .journal import active_operation, operation, set_columns
from .tracking import Progress, note_binned, note_changed


def move_to_bin(session: Session, model: type[Any], ids: Iterable[int], noun: str,
                also: Mapping[str, Any] | None = None,
                progress: Progress | None = None) -> int:
    """Stamp the live records among ``ids`` as deleted; how many were.

    ``also``: further columns to set on the way in (journaled, so undo restores them).
    ``progress`` is told 0..1 and may raise to cancel (the caller's rollback undoes all)."""
    return _move(session, model, ids, noun, "delete", "删除",
                 {"deleted_at": utcnow(), **(also or {})}, model.deleted_at.is_(None), progress)


def restore_from_bin(session: Session, model: type[Any], ids: Iterable[int], noun: str,
                     also: Mapping[str, Any] | None = None,
                     progress: Progress | None = None) -> int:
    """Bring the records among ``ids`` that are in the bin back; how many were."""
    return _move(session, model, ids, noun, "restore", "恢复",
                 {"deleted_at": None, **(also or {})}, model.deleted_at.is_not(None), progress)


def purge_from_bin(session: Session, model: type[Any], ids: Iterable[int], refusal: str) -> int:
    """Delete for ever the records among ``ids`` (not undoable: the UI asks first).

    Only what is already in the bin may go: one live record among ``ids`` raises
    ``UserError(refusal)`` before anything is deleted, so a stale selection or a script
    can never destroy a record the user still sees. Rows hanging off the purged ones
    follow the foreign keys (CASCADE / SET NULL)."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        if session.scalar(select(model.id).where(model.id.in_(chunk), model.deleted_at.is_(None)).limit(1)):
            raise UserError(refusal)
    purged = 0
    for start in range(0, len(ids), 500):
        result = session.execute(delete(model).where(model.id.in_(ids[start:start + 500]),
                                                     model.deleted_at.is_not(None)))
        purged += result.rowcount or 0
    note_changed(session, model.__tablename__, ids)
    return purged


def _move(session: Session, model: type[Any], ids: Iterable[int], noun: str, kind: str,
          verb: str, values: dict[str, Any], where: Any, progress: Progress | None) -> int:
    """One journaled operation that sets ``values`` on the records among ``ids`` meeting
    ``where``. The rows are read once, by set_columns; the Undo menu's label is known
    only then, and an operation that found nothing to do is dropped."""
    outer = active_operation(session)
    with operation(session, kind, f"{verb}{noun}") as op:
        changed = set_columns(session, model, sorted(set(ids)), values, where=where,
                              progress=scaled(progress, 0, WORK_SHARE))
        note_binned(session, model.__tablename__, changed, binned=kind == "delete")
        # one record: its name (records without one — interactions, follow-ups — their title)
        columns = model.__table__.c
        named = next((columns[c] for c in ("name", "subject", "title") if c in columns), None)
        if outer is None and len(changed) == 1 and named is not None:
            name = session.scalar(select(named).where(model.id == changed[0]))
            op.label = f"{verb}{noun}：{name}"
        elif outer is None and changed:
            op.label = f"{verb} {len(changed)} 个{noun}"
    if outer is None and not changed:
        session.delete(op)
        session.flush()
    if outer is None:
        finish(session, progress)
    return len(changed)
