"""Deleting, restoring, undoing and changing thousands of customers stays linear: the
number of SQL statements does not grow with the selection (a few per 500 rows), and the
change tracking reads ``session.dirty`` once per flush, however many objects changed."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from kehubao.models import Customer, Operation, SearchDoc
from kehubao.services import customers as svc
from kehubao.services.journal import last_undoable, undo
from kehubao.services.search import search
from kehubao.services.search.documents import live_documents


class Statements:
    """Counts the SQL statements a database runs while active."""

    def __init__(self, db) -> None:  # type: ignore[no-untyped-def]
        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self._one)
        self.db = db

    def _one(self, *_args: object) -> None:
        self.count += 1

    def close(self) -> None:
        event.remove(self.db.engine, "before_cursor_execute", self._one)


def _live_ids(db) -> list[int]:  # type: ignore[no-untyped-def]
    with db.session(write=False) as s:
        return list(s.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))
                              .order_by(Customer.id)))


def _docs(db, ids: list[int]) -> int:  # type: ignore[no-untyped-def]
    """The search documents of these customers that searches can find (a binned
    customer's are kept, hidden, so a restore need not build them again)."""
    with db.session(write=False) as s:
        return s.scalar(select(func.count()).select_from(SearchDoc)
                        .where(SearchDoc.customer_id.in_(ids), live_documents())) or 0


def _statements_for(db, action) -> int:  # type: ignore[no-untyped-def]
    counter = Statements(db)
    try:
        with db.session() as s:
            action(s)
    finally:
        counter.close()
    return counter.count


def test_delete_undo_and_restore_take_as_many_statements_for_280_customers_as_for_10(demo_db) -> None:
    ids = _live_ids(demo_db)
    few, many = ids[:10], ids[10:290]
    assert len(many) == 280
    docs_before = _docs(demo_db, many)
    assert docs_before > 280  # the customers, their contacts and interactions

    counts: dict[str, list[int]] = {"delete": [], "undo": [], "restore": []}
    for chosen in (few, many):
        counts["delete"].append(_statements_for(demo_db, lambda s, c=chosen: svc.delete_customers(s, c)))
        counts["undo"].append(_statements_for(demo_db, lambda s: undo(s, last_undoable(s).id)))
        svc_delete = _statements_for(demo_db, lambda s, c=chosen: svc.delete_customers(s, c))
        assert svc_delete > 0
        counts["restore"].append(
            _statements_for(demo_db, lambda s, c=chosen: svc.restore_customers(s, c)))
    for action, (small, large) in counts.items():
        # Per-row work would add hundreds of statements for the 270 extra customers.
        assert large <= small + 15, (action, small, large)

    assert _docs(demo_db, many) == docs_before  # all back in the search index
    assert set(_live_ids(demo_db)) >= set(many)


def test_delete_then_undo_updates_the_search_index_and_journal(demo_db) -> None:
    ids = _live_ids(demo_db)[:120]
    with demo_db.session(write=False) as s:
        name = s.get(Customer, ids[0]).name
    with demo_db.session() as s:
        assert svc.delete_customers(s, ids + [ids[0]]) == 120
        op = last_undoable(s)
        assert (op.kind, op.label) == ("delete", "删除 120 个客户")
    assert _docs(demo_db, ids) == 0
    with demo_db.session(write=False) as s:
        assert all(h.id != ids[0] for h in search(s, name, limit=50).of_kind("customer"))
        assert s.scalar(select(func.count()).select_from(Customer)
                        .where(Customer.id.in_(ids), Customer.deleted_at.is_not(None))) == 120
    with demo_db.session() as s:
        result = undo(s, last_undoable(s).id)
        assert (result.restored, result.skipped) == (120, 0)
    with demo_db.session(write=False) as s:
        assert any(h.id == ids[0] for h in search(s, name, limit=50).of_kind("customer"))
    # Deleting what is already in the bin is no operation at all.
    with demo_db.session() as s:
        svc.delete_customers(s, ids[:1])
    with demo_db.session() as s:
        before = s.scalar(select(func.count()).select_from(Operation))
        assert svc.delete_customers(s, ids[:1]) == 0
    with demo_db.session(write=False) as s:
        assert s.scalar(select(func.count()).select_from(Operation)) == before
        assert last_undoable(s).label == f"删除客户：{name}"


def test_restore_of_a_merged_customer_clears_the_merge_and_undo_puts_it_back(db) -> None:
    with db.session() as s:
        keep = svc.create_customer(s, {"name": "甲"}).id
        other = svc.create_customer(s, {"name": "乙"}).id
    from kehubao.services.merge import merge_customers

    with db.session() as s:
        merge_customers(s, keep, other)
    with db.session() as s:
        assert svc.restore_customers(s, [other]) == 1
    with db.session(write=False) as s:
        c = s.get(Customer, other)
        assert (c.deleted_at, c.merged_into_id) == (None, None)
    with db.session() as s:
        undo(s, last_undoable(s).id)
    with db.session(write=False) as s:
        c = s.get(Customer, other)
        assert c.deleted_at is not None and c.merged_into_id == keep


def test_progress_goes_to_one_and_raising_from_it_cancels_everything(demo_db) -> None:
    ids = _live_ids(demo_db)[:260]
    seen: list[float] = []
    with demo_db.session() as s:
        svc.set_status(s, ids, "lost", progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == 1.0

    class Cancelled(Exception):
        pass

    def cancel(fraction: float) -> None:
        raise Cancelled

    with pytest.raises(Cancelled), demo_db.session() as s:
        svc.delete_customers(s, ids, progress=cancel)
    assert set(_live_ids(demo_db)) >= set(ids)
    assert _docs(demo_db, ids) > 0


def test_bulk_tags_on_many_customers_and_their_undo(demo_db) -> None:
    ids = _live_ids(demo_db)[:200]
    with demo_db.session() as s:
        assert svc.add_tags(s, ids, ["批量甲", "批量乙"]) == 200
    with demo_db.session() as s:
        assert svc.remove_tags(s, ids[:50], ["批量甲"]) == 200 - 150
    with demo_db.session(write=False) as s:
        first, last = s.get(Customer, ids[0]), s.get(Customer, ids[-1])
        assert "批量甲" not in {t.name for t in first.tags}
        assert {"批量甲", "批量乙"} <= {t.name for t in last.tags}
        hits = search(s, "批量乙", limit=300).of_kind("customer")
        assert {h.id for h in hits} >= set(ids[:20])
    with demo_db.session() as s:
        undo(s, last_undoable(s).id)  # the removal
        undo(s, last_undoable(s).id)  # the addition
    with demo_db.session(write=False) as s:
        names = {t.name for c in s.scalars(select(Customer).where(Customer.id.in_(ids)))
                 for t in c.tags}
        assert not names & {"批量甲", "批量乙"}


def test_change_tracking_reads_session_dirty_once_per_flush(db, monkeypatch) -> None:
    with db.session() as s:
        for i in range(200):
            s.add(Customer(name=f"客户{i}"))
    reads = 0
    original = Session.dirty

    def counted(self: Session):  # type: ignore[no-untyped-def]
        nonlocal reads
        reads += 1
        return original.fget(self)

    monkeypatch.setattr(Session, "dirty", property(counted))
    with db.session() as s:
        for c in s.scalars(select(Customer)):
            c.city = "杭州"
        s.flush()
        assert reads <= 6, reads  # was one read per changed object (200+): quadratic


def test_with_progress_the_index_work_is_reported_and_not_done_twice(demo_db) -> None:
    ids = _live_ids(demo_db)
    first, second = ids[:100], ids[100:200]
    docs = _docs(demo_db, first)
    plain = _statements_for(demo_db, lambda s: svc.delete_customers(s, first))
    seen: list[float] = []
    shown = _statements_for(demo_db, lambda s: svc.delete_customers(s, second, progress=seen.append))
    assert abs(shown - plain) <= 3, (plain, shown)  # the commit did not refresh the index again
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert _docs(demo_db, first + second) == 0
    seen.clear()
    with demo_db.session() as s:
        undo(s, last_undoable(s).id, progress=seen.append)
    with demo_db.session() as s:
        undo(s, last_undoable(s).id)
    assert seen[-1] == 1.0 and seen == sorted(seen)
    assert _docs(demo_db, first) == docs
