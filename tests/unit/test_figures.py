"""The figures cached on a customer follow their sources at every commit
(services/figures.py), with hand-computed expectations."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from kehubao.models import (
    Customer,
    Evaluation,
    EvaluationTemplate,
    FollowUp,
    Indicator,
    Interaction,
    Score,
    Transaction,
)
from kehubao.services import customers as svc
from kehubao.services.evaluation.classes import classify
from kehubao.services.figures import is_dangerous_class, refresh_all, settle
from kehubao.services.journal import last_undoable, operation, undo
from kehubao.services.merge import merge_customers
from kehubao.services.recycle_bin import move_to_bin


def _customer(db, name: str = "华远数控") -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return svc.create_customer(s, {"name": name}).id


def _figures(db, cid: int) -> Customer:  # type: ignore[no-untyped-def]
    with db.session(write=False) as s:
        return s.get(Customer, cid)


def _add(db, row) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        with operation(s, "create", "新建"):
            s.add(row)
        return row.id


def test_logging_an_interaction_moves_last_contact_and_the_recycle_bin_moves_it_back(db) -> None:
    cid = _customer(db)
    assert _figures(db, cid).last_contact_at is None
    first = _add(db, Interaction(customer_id=cid, kind="call", occurred_at=datetime(2026, 3, 1, 10, 0)))
    assert _figures(db, cid).last_contact_at == datetime(2026, 3, 1, 10, 0)
    later = _add(db, Interaction(customer_id=cid, kind="visit", occurred_at=datetime(2026, 5, 20, 15, 30)))
    # An older one logged afterwards does not move it back.
    _add(db, Interaction(customer_id=cid, kind="call", occurred_at=datetime(2026, 1, 2, 9, 0)))
    assert _figures(db, cid).last_contact_at == datetime(2026, 5, 20, 15, 30)

    with db.session() as s:
        assert move_to_bin(s, Interaction, [later], "联系记录") == 1
    assert _figures(db, cid).last_contact_at == datetime(2026, 3, 1, 10, 0)
    with db.session() as s:
        undo(s, last_undoable(s).id)
    assert _figures(db, cid).last_contact_at == datetime(2026, 5, 20, 15, 30)

    with db.session() as s:  # deleted outright with the ORM: gone at pre-commit, still counted
        s.delete(s.get(Interaction, later))
        s.delete(s.get(Interaction, first))
    assert _figures(db, cid).last_contact_at == datetime(2026, 1, 2, 9, 0)


def test_completing_or_snoozing_a_follow_up_moves_next_follow_up(db) -> None:
    cid = _customer(db)
    a = _add(db, FollowUp(customer_id=cid, title="回访", due_at=datetime(2026, 6, 1, 9, 0)))
    b = _add(db, FollowUp(customer_id=cid, title="送样", due_at=datetime(2026, 6, 10, 14, 0)))
    assert _figures(db, cid).next_follow_up_at == datetime(2026, 6, 1, 9, 0)
    with db.session() as s:  # snoozed past the other one: the other comes first
        s.get(FollowUp, a).snoozed_until = datetime(2026, 6, 15, 8, 30)
    assert _figures(db, cid).next_follow_up_at == datetime(2026, 6, 10, 14, 0)
    with db.session() as s:
        fu = s.get(FollowUp, b)
        fu.status, fu.completed_at = "done", datetime(2026, 6, 9, 17, 0)
    assert _figures(db, cid).next_follow_up_at == datetime(2026, 6, 15, 8, 30)
    with db.session() as s:
        s.get(FollowUp, a).status = "cancelled"
    assert _figures(db, cid).next_follow_up_at is None


def test_payments_change_receivable_and_overdue(db) -> None:
    today = date.today()
    cid = _customer(db)

    def tx(kind: str, days_ago: int, fen: int, due_in: int | None = None) -> int:
        return _add(db, Transaction(
            customer_id=cid, kind=kind, occurred_on=today - timedelta(days=days_ago),
            amount_fen=fen, due_on=None if due_in is None else today + timedelta(days=due_in)))

    tx("sale", 400, 100_000, due_in=-370)  # overdue, older than 12 months
    tx("sale", 30, 300_000, due_in=30)  # within 12 months, not yet due
    tx("return", 20, 20_000)
    c = _figures(db, cid)
    # receivable 100000 + 300000 - 20000; overdue: the late sale, nothing paid yet
    assert (c.sales_12m_fen, c.receivable_fen, c.overdue_fen) == (300_000, 380_000, 100_000)
    tx("payment", 5, 60_000)
    c = _figures(db, cid)
    assert (c.receivable_fen, c.overdue_fen) == (320_000, 40_000)  # oldest sale paid first
    second = tx("payment", 1, 90_000)
    c = _figures(db, cid)
    assert (c.receivable_fen, c.overdue_fen) == (230_000, 0)
    with db.session() as s:
        move_to_bin(s, Transaction, [second], "交易")
    c = _figures(db, cid)
    assert (c.sales_12m_fen, c.receivable_fen, c.overdue_fen) == (300_000, 320_000, 40_000)
    assert c.value_class is None  # never evaluated: no class


def test_grade_and_class_come_from_the_latest_live_evaluation(db) -> None:
    today = date.today()
    cid = _customer(db)
    with db.session() as s:
        template = EvaluationTemplate(family_key="t", name="季度评价", indicators=[
            Indicator(name="合作年限", weight=0.5, max_score=10, dimension="loyalty"),
            Indicator(name="回款及时", weight=0.3, max_score=5, dimension="loyalty"),
            Indicator(name="销量", weight=0.2, max_score=10, dimension="volume")])
        s.add(template)
        s.flush()
        loyalty_a, loyalty_b, volume = (i.id for i in template.indicators)
        tid = template.id

    def evaluate(on: date, grade: str, a: float, b: float) -> int:
        return _add(db, Evaluation(
            customer_id=cid, template_id=tid, period_label="季度", evaluated_on=on,
            total_score=80, grade=grade, scores=[
                Score(indicator_id=loyalty_a, value=a), Score(indicator_id=loyalty_b, value=b),
                Score(indicator_id=volume, value=1)]))

    _add(db, Transaction(customer_id=cid, kind="sale", occurred_on=today - timedelta(days=10),
                         amount_fen=25_000_000, due_on=today + timedelta(days=20)))
    evaluate(today - timedelta(days=100), "C", 2, 1)  # loyalty (0.2 + 0.2) / 2 = 0.2
    c = _figures(db, cid)
    assert (c.grade, c.value_class) == ("C", "2")  # high volume, not loyal
    assert is_dangerous_class(c.value_class)
    newer = evaluate(today - timedelta(days=5), "A", 6, 3)  # (0.6 + 0.6) / 2 = 0.6: loyal
    c = _figures(db, cid)
    assert (c.grade, c.value_class) == ("A", "4")
    assert not is_dangerous_class(c.value_class)
    with db.session() as s:
        move_to_bin(s, Evaluation, [newer], "评价")
    assert (_figures(db, cid).grade, _figures(db, cid).value_class) == ("C", "2")


def test_rules_by_hand() -> None:
    assert settle(100, 0, 0, 100) == (100, 100)
    assert settle(500, 50, 120, 200) == (330, 80)
    assert settle(100, 0, 150, 100) == (0, 0)  # overpaid: nothing owed
    assert classify(20_000_000, 60.0) == "4"  # exactly on both thresholds
    assert classify(19_999_999, 60.0) == "3"
    assert classify(20_000_000, 59.9) == "2"
    assert classify(0, None) is None  # no loyalty to judge: no class


def test_a_merge_moves_the_figures_with_the_rows_and_undo_moves_them_back(db) -> None:
    keep, other = _customer(db, "甲"), _customer(db, "乙")
    _add(db, Interaction(customer_id=keep, kind="call", occurred_at=datetime(2026, 2, 1, 9, 0)))
    _add(db, Interaction(customer_id=other, kind="call", occurred_at=datetime(2026, 4, 1, 9, 0)))
    _add(db, Transaction(customer_id=other, kind="sale", occurred_on=date.today(),
                         amount_fen=70_000))
    with db.session() as s:
        merge_customers(s, keep, other)
    k, o = _figures(db, keep), _figures(db, other)
    assert (k.last_contact_at, k.sales_12m_fen, k.receivable_fen) == (datetime(2026, 4, 1, 9, 0), 70_000, 70_000)
    assert (o.last_contact_at, o.sales_12m_fen) == (None, 0)
    with db.session() as s:
        undo(s, last_undoable(s).id)
    k, o = _figures(db, keep), _figures(db, other)
    assert (k.last_contact_at, k.sales_12m_fen) == (datetime(2026, 2, 1, 9, 0), 0)
    assert (o.last_contact_at, o.receivable_fen) == (datetime(2026, 4, 1, 9, 0), 70_000)


def test_refresh_all_finds_the_demo_generators_figures_already_right(demo_db) -> None:
    with demo_db.session(write=False) as s:
        from sqlalchemy import func, select

        with_money = s.scalar(select(func.count()).select_from(Customer)
                              .where(Customer.receivable_fen > 0))
        classed = s.scalar(select(func.count()).select_from(Customer)
                           .where(Customer.value_class.is_not(None)))
    assert with_money > 0 and classed > 0
    with demo_db.session() as s:
        assert refresh_all(s) == []


def test_an_expired_row_deleted_with_the_orm_still_counts(db) -> None:
    cid = _customer(db)
    iid = _add(db, Interaction(customer_id=cid, kind="call", occurred_at=datetime(2026, 3, 1, 10, 0)))
    with db.session() as s:
        row = s.get(Interaction, iid)
        s.expire_all()
        s.delete(row)
    assert _figures(db, cid).last_contact_at is None


def test_a_new_follow_up_date_does_not_rebuild_the_search_documents(db) -> None:
    """The next follow-up moves no customer's search rank: views hear of it, the search
    index is left alone (generating 25,000 reminders rebuilt 80,000 documents before)."""
    from sqlalchemy import func, select

    from kehubao.models import SearchDoc

    cid = _customer(db)
    with db.session(write=False) as s:
        before = s.scalar(select(func.max(SearchDoc.id)))
    _add(db, FollowUp(customer_id=cid, title="回访", due_at=datetime(2026, 12, 1, 9, 0)))
    with db.session(write=False) as s:
        assert s.get(Customer, cid).next_follow_up_at == datetime(2026, 12, 1, 9, 0)
        assert s.scalar(select(func.max(SearchDoc.id))) == before  # nothing rebuilt
    _add(db, Interaction(customer_id=cid, kind="call", occurred_at=datetime(2026, 11, 2, 9, 0)))
    with db.session(write=False) as s:  # the last contact does move the rank: rebuilt
        assert s.scalar(select(func.max(SearchDoc.id))) > before
