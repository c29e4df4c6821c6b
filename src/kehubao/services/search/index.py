"""Keeping the search index true to the data.

Incremental updates run as a pre-commit hook inside the very transaction that changed
the data (services/tracking.py), so the index can never disagree with what was saved,
whichever way a row changed: an edit, a delete, a merge, an import or an undo. A full
rebuild (`kehubao check --reindex`) reconstructs it from the domain tables, for example
after a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ...bulk import bulk_insert, indexes_suspended
from ...models import (
    Contact,
    Customer,
    Interaction,
    ObjectionScript,
    ScriptReply,
    SearchDoc,
)
from ...texts import Text
from ..tracking import Changed, already_indexed, binned_rows, note_changed, register_pre_commit
from .documents import (
    DOC_COLUMNS,
    contact_docs,
    customer_docs,
    interaction_docs,
    live_documents,
    script_docs,
)
from .fts_sqlite import KINDS, backend_for

Progress = Callable[[float], None]
BUILDERS = {"customer": customer_docs, "contact": contact_docs,
            "interaction": interaction_docs, "script": script_docs}
_REBUILT = "kehubao_index_rebuilt"


def rebuild_index(session: Session, progress: Progress | None = None) -> dict[str, int]:
    """Throw the index away and build it again from the data."""
    report = progress or (lambda _f: None)
    mark_fresh(session)
    backend = backend_for(session)
    for kind in KINDS:  # recreated, not cleared: a rebuild must also mend a damaged index
        backend.recreate(session, kind)
    session.execute(delete(SearchDoc))
    conn = session.connection()
    counts: dict[str, int] = {}
    next_id = 1
    with indexes_suspended(conn, [SearchDoc.__table__]):
        for n, kind in enumerate(KINDS):
            counts[kind] = 0
            for docs in _chunks(BUILDERS[kind](session), 5_000):
                rows = [(next_id + i, *doc) for i, doc in enumerate(docs)]
                next_id += len(rows)
                bulk_insert(conn, SearchDoc.__table__, ["id", *DOC_COLUMNS], rows)
                backend.add(conn, kind, [(r[0], r[8], r[9], r[10]) for r in rows])
                counts[kind] += len(rows)
            report((n + 1) / len(KINDS))
    for entity in ("customer", "contact", "interaction", "objection_script"):
        note_changed(session, entity)
    return counts


def _chunks(items: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def mark_fresh(session: Session) -> None:
    """Tell the pre-commit refresh that this transaction kept the index up to date
    itself (a bulk load); views are still told what changed."""
    session.info[_REBUILT] = True


def refresh(session: Session, changed: Changed, progress: Progress | None = None) -> None:
    """Bring the documents of every changed row up to date (the pre-commit hook).

    A tag rename is announced by the tag service as a change of the tagged customers.
    ``progress`` (0..1) follows the changed customers, the bulk of any large refresh."""
    report = progress or (lambda _f: None)
    if session.info.pop(_REBUILT, False):
        return
    done = already_indexed(session)
    changed = {entity: (ids if ids is None else ids - done.get(entity, set()))
               for entity, ids in changed.items()}
    backend = backend_for(session)
    customers = changed.get("customer", set())
    if customers:
        customers = customers - _hide_or_show(session, binned_rows(session).get("customer", {}))
    if customers is None:
        _replace_all(session, backend, ("customer", "contact", "interaction"))
    elif customers:
        ids = sorted(customers)
        _remove_of_customers(session, backend, ids, lambda f: report(0.4 * f))
        _replace(session, backend, "customer", "ref_id", [], customer_docs(session, ids))
        report(0.6)
        _replace(session, backend, "contact", "customer_id", [],
                 contact_docs(session, customer_ids=ids))
        report(0.75)
        _replace(session, backend, "interaction", "customer_id", [],
                 interaction_docs(session, customer_ids=ids))
        report(0.9)
    for kind, builder in (("contact", contact_docs), ("interaction", interaction_docs)):
        ids_of_kind = changed.get(kind, set())
        if ids_of_kind is None:
            _replace_all(session, backend, (kind,))
        elif ids_of_kind:
            ids = sorted(ids_of_kind)
            _replace(session, backend, kind, "ref_id", ids, builder(session, ids=ids))
    scripts = changed.get("objection_script", set())
    if scripts is None or changed.get("script_reply", set()) is None:
        _replace_all(session, backend, ("script",))
    else:
        scripts = set(scripts)
        if replies := changed.get("script_reply"):
            scripts |= set(session.scalars(
                select(ScriptReply.script_id).where(ScriptReply.id.in_(replies))))
        if scripts:
            ids = sorted(scripts)
            _replace(session, backend, "script", "ref_id", ids, script_docs(session, ids))
    report(1.0)


def _hide_or_show(session: Session, binned: dict[int, bool]) -> set[int]:
    """Customers that only went into the recycle bin or came back keep their documents
    (the customer's, its contacts', its interactions'): every search asks for documents
    of live customers only (`engine.LIVE`), so hiding and showing them is the customer's
    own ``deleted_at`` — no document is taken out of the full-text index and built again.
    The ids handled; a customer back from the bin whose documents are gone (merged away,
    reindexed meanwhile) is left to be built."""
    handled = {i for i, binned_now in binned.items() if binned_now}
    back = sorted(i for i, binned_now in binned.items() if not binned_now)
    for start in range(0, len(back), 500):
        handled.update(session.scalars(select(SearchDoc.ref_id).where(
            SearchDoc.kind == "customer", SearchDoc.ref_id.in_(back[start : start + 500]))))
    return handled


def _remove_of_customers(session: Session, backend, ids: list[int],  # type: ignore[no-untyped-def]
                         report: Progress) -> None:
    """Take every document of these customers (their own, their contacts', their
    interactions') out of the index: one read per chunk for all kinds, since the FTS
    index forgets a document only when told its old text."""
    for start in range(0, len(ids), 500):
        old: dict[str, list[tuple]] = {}
        for kind, *row in session.execute(
            select(SearchDoc.kind, SearchDoc.id, SearchDoc.names, SearchDoc.keys, SearchDoc.body)
            .where(SearchDoc.customer_id.in_(ids[start : start + 500]))
        ):
            old.setdefault(kind, []).append(tuple(row))
        for kind, rows in old.items():
            backend.remove(session.connection(), kind, rows)
            session.execute(delete(SearchDoc).where(SearchDoc.id.in_([r[0] for r in rows])))
        report(min(1.0, (start + 500) / len(ids)))


def _replace(session: Session, backend, kind: str, key: str, ids: list[int],  # type: ignore[no-untyped-def]
             docs: Iterable[tuple]) -> None:
    """Remove the documents of ``kind`` whose ``key`` is among ``ids``, then add ``docs``.

    New documents get their ids here (the transaction holds the write lock), so they go
    to the table and to the FTS index in one pass, without reading them back."""
    column = getattr(SearchDoc, key)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        old = session.execute(
            select(SearchDoc.id, SearchDoc.names, SearchDoc.keys, SearchDoc.body)
            .where(SearchDoc.kind == kind, column.in_(chunk))
        ).all()
        if old:
            backend.remove(session.connection(), kind, [tuple(r) for r in old])
            session.execute(delete(SearchDoc).where(SearchDoc.id.in_([r.id for r in old])))
    conn = session.connection()
    next_id = (session.scalar(select(func.max(SearchDoc.id))) or 0) + 1
    for batch in _chunks(docs, 5_000):
        rows = [(next_id + i, *doc) for i, doc in enumerate(batch)]
        next_id += len(rows)
        bulk_insert(conn, SearchDoc.__table__, ["id", *DOC_COLUMNS], rows)
        backend.add(conn, kind, [(r[0], r[8], r[9], r[10]) for r in rows])


def _replace_all(session: Session, backend, kinds: Iterable[str]) -> None:  # type: ignore[no-untyped-def]
    for kind in kinds:
        backend.clear(session, kind)
        session.execute(delete(SearchDoc).where(SearchDoc.kind == kind))
        for docs in _chunks(BUILDERS[kind](session), 5_000):
            session.execute(insert(SearchDoc), [dict(zip(DOC_COLUMNS, d, strict=False)) for d in docs])
        rows = session.execute(
            select(SearchDoc.id, SearchDoc.names, SearchDoc.keys, SearchDoc.body)
            .where(SearchDoc.kind == kind)).all()
        backend.add(session.connection(), kind, [tuple(r) for r in rows])


def check_index(session: Session) -> list[str]:
    """Problems found in the index (empty when it matches the data)."""
    problems = backend_for(session).check(session)
    expected = {
        "customer": select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None)),
        "contact": select(func.count()).select_from(Contact).join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_(None), Customer.deleted_at.is_(None)),
        "interaction": select(func.count()).select_from(Interaction)
        .join(Customer, Customer.id == Interaction.customer_id)
        .where(Interaction.deleted_at.is_(None), Customer.deleted_at.is_(None)),
        "script": select(func.count()).select_from(ObjectionScript)
        .where(ObjectionScript.deleted_at.is_(None)),
    }
    actual = dict(session.execute(select(SearchDoc.kind, func.count())
                                  .where(live_documents()).group_by(SearchDoc.kind)).all())
    for kind, stmt in expected.items():
        want, have = session.scalar(stmt) or 0, actual.get(kind, 0)
        if want != have:
            problems.append(Text("{kind} 应有 {want} 条文档，实际 {have} 条", kind=kind, want=want,
                                 have=have))
    return problems


register_pre_commit(refresh)
