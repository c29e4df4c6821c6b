"""What a unit of work changed, collected from SQLAlchemy's session events.

Two consumers need it: code that must run *inside* the same transaction before it commits
(the search index, so it can never disagree with the data), and the event bus, told
*after* the commit so views refresh only what changed. ORM changes are collected
automatically; bulk Core statements call `note_changed` themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import event
from sqlalchemy.orm import Session

from .events import Change, bus

_CHANGED = "kehubao_changed"
_IN_PRE_COMMIT = "kehubao_pre_commit_running"
_INDEXED = "kehubao_indexed"
_BINNED = "kehubao_binned"
_SHOWN = "kehubao_shown_only"  # changes views must hear of and the pre-commit hooks need not
_HANDLED = "kehubao_hooks_ran_for"  # what the pre-commit hooks have already seen

# entity (table name) → ids, or None meaning "too many to list: refresh all"
Changed = dict[str, set[int] | None]
Progress = Callable[[float], None]
# hook(session, changed, progress): progress (0..1) is None unless a caller shows it.
PreCommitHook = Callable[[Session, Changed, Progress | None], None]

_pre_commit_hooks: list[PreCommitHook] = []

# Tables whose changes nobody needs to hear about.
_QUIET_TABLES = frozenset({"search_doc", "operation", "change_record", "setting"})


def register_pre_commit(hook: PreCommitHook, *, first: bool = False) -> None:
    """Run `hook(session, changed, progress)` in the committing transaction, after a
    final flush (or earlier, see run_pre_commit_hooks).

    Hooks run in order, each seeing what the ones before it changed too; ``first`` is for
    a hook whose writes others must see (the cached figures, which the search rank uses)."""
    if hook not in _pre_commit_hooks:
        if first:
            _pre_commit_hooks.insert(0, hook)
        else:
            _pre_commit_hooks.append(hook)


def note_changed(session: Session, entity: str, ids: Iterable[int] | None = None) -> None:
    """Record a change made with Core statements the ORM does not see."""
    changed: Changed = session.info.setdefault(_CHANGED, {})
    if ids is None:
        changed[entity] = None
        return
    current = changed.get(entity, set())
    if current is None:
        return
    current.update(ids)
    changed[entity] = current


def note_shown(session: Session, entity: str, ids: Iterable[int]) -> None:
    """Rows changed in ways only views show (a customer's next follow-up date, its
    receivables): the bus tells the views after the commit; the pre-commit hooks (the
    search index) are not asked to rebuild anything for them."""
    session.info.setdefault(_SHOWN, {}).setdefault(entity, set()).update(ids)


def note_indexed(session: Session, entity: str, ids: Iterable[int]) -> None:
    """Record rows a bulk path inserted *and* indexed itself: views hear about them, the
    pre-commit index refresh leaves them alone."""
    ids = list(ids)
    note_changed(session, entity, ids)
    session.info.setdefault(_INDEXED, {}).setdefault(entity, set()).update(ids)


def already_indexed(session: Session) -> dict[str, set[int]]:
    return session.info.get(_INDEXED, {})


def note_binned(session: Session, entity: str, ids: Iterable[int], binned: bool) -> None:
    """Rows whose only change is going into (or out of) the recycle bin: derived data
    that can be hidden and shown again (the search documents) need not be rebuilt."""
    marks = session.info.setdefault(_BINNED, {}).setdefault(entity, {})
    marks.update(dict.fromkeys(ids, binned))


def binned_rows(session: Session) -> dict[str, dict[int, bool]]:
    """entity → {id: True for "went into the bin", False for "came back"}."""
    return session.info.get(_BINNED, {})



def everything_changed() -> list[Change]:
    """What to tell the views when another program (the command line, a second copy)
    wrote to the database: every table may have changed, refresh all of it."""
    from ..models import Base

    return [Change(table) for table in Base.metadata.tables if table not in _QUIET_TABLES]


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _ctx: object) -> None:
    """Note the ids of the rows this flush wrote.

    Linear in the rows flushed: ``session.dirty`` builds a new set on every access, so it
    is read once (asking ``obj in session.dirty`` per object made deleting 20,000
    customers take minutes), and ``is_modified`` is asked only of the dirty objects."""
    found: dict[str, list[int]] = {}

    def note(obj: object) -> None:
        table = getattr(obj, "__tablename__", None)
        if table is None or table in _QUIET_TABLES:
            return
        row_id = getattr(obj, "id", None)
        if row_id is not None:
            found.setdefault(table, []).append(row_id)

    for obj in session.new:
        note(obj)
    for obj in session.dirty:
        if session.is_modified(obj):
            note(obj)
    for obj in session.deleted:
        note(obj)
    for table, ids in found.items():
        note_changed(session, table, ids)


def run_pre_commit_hooks(session: Session, progress: Progress | None = None) -> None:
    """Run the pre-commit hooks now for what changed so far, telling ``progress`` 0..1
    (it may raise to cancel; the unit of work then rolls back).

    For a long operation whose caller shows progress: the search-index refresh of 20,000
    customers takes longer than the change itself, and at commit it could not report.
    The commit then runs the hooks only for what changed after this call."""
    if session.info.get(_IN_PRE_COMMIT):
        return
    session.flush()
    changed: Changed = session.info.get(_CHANGED, {})
    if not _pre_commit_hooks or not _news(session, changed):
        return
    session.info[_IN_PRE_COMMIT] = True
    try:
        for n, hook in enumerate(list(_pre_commit_hooks)):
            part = None if progress is None else _part(progress, n, len(_pre_commit_hooks))
            hook(session, _news(session, changed), part)
            session.flush()
        session.info[_HANDLED] = {k: (None if v is None else set(v)) for k, v in changed.items()}
    finally:
        session.info.pop(_IN_PRE_COMMIT, None)
    if progress:
        progress(1.0)


def _part(progress: Progress, n: int, of: int) -> Progress:
    return lambda fraction: progress((n + min(max(fraction, 0.0), 1.0)) / of)


def _news(session: Session, changed: Changed) -> Changed:
    """What changed since the hooks last ran."""
    handled: Changed = session.info.get(_HANDLED, {})
    out: Changed = {}
    for entity, ids in changed.items():
        if entity not in handled:
            out[entity] = None if ids is None else set(ids)
        elif handled[entity] is not None:
            if ids is None:
                out[entity] = None
            elif rest := ids - handled[entity]:  # type: ignore[operator]
                out[entity] = rest
    return out


@event.listens_for(Session, "before_commit")
def _run_pre_commit(session: Session) -> None:
    run_pre_commit_hooks(session)


@event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    session.info.pop(_INDEXED, None)
    session.info.pop(_BINNED, None)
    session.info.pop(_HANDLED, None)
    changed: Changed = session.info.pop(_CHANGED, {})
    for entity, ids in session.info.pop(_SHOWN, {}).items():
        if entity not in changed:
            changed[entity] = set(ids)
        elif changed[entity] is not None:
            changed[entity] |= ids
    if changed:
        bus.publish(Change(entity, frozenset(ids or ())) for entity, ids in changed.items())


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_CHANGED, None)
    session.info.pop(_SHOWN, None)
    session.info.pop(_HANDLED, None)
    session.info.pop(_INDEXED, None)
    session.info.pop(_BINNED, None)
