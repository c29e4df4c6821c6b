"""The recycle bin lists, restores and purges interactions, follow-ups, scripts and
transactions as well as customers and contacts (services/customer_editing)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from kehubao.db import Database
from kehubao.errors import UserError
from kehubao.models import Customer, FollowUp, Interaction, ObjectionScript, Transaction
from kehubao.services import customer_editing as editing
from kehubao.services import customers as svc
from kehubao.services import evaluation, followups, scripts
from kehubao.services.evaluation.transactions import delete_transaction
from kehubao.services.scripts.content import ScriptContent


def _fill(db: Database) -> dict[str, int]:
    """One live customer with one deleted row of every kind, and a deleted customer whose
    own deleted interaction must not be listed on its own."""
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"})
        gone = svc.create_customer(s, {"name": "已删除的茶叶公司"})
        talk = followups.log_interaction(s, firm.id, kind="visit", summary="上门谈年度框架",
                                         occurred_at=datetime(2026, 3, 2, 10, 0))
        other = followups.log_interaction(s, gone.id, kind="call", summary="茶叶报价",
                                          occurred_at=datetime(2026, 3, 3, 9, 0))
        plan = followups.create_follow_up(s, firm.id, title="回访报价",
                                          due_at=datetime(2026, 4, 1, 9, 30))
        script = scripts.create_script(s, ScriptContent(title="你们比别家贵"))
        sale = evaluation.record_transaction(s, firm.id, "sale", date(2026, 2, 14), 1234500,
                                             product="数控刀具")
        kept = followups.log_interaction(s, firm.id, kind="call", summary="仍然有效的电话")
        ids = {"customer": firm.id, "gone": gone.id, "interaction": talk.id, "other": other.id,
               "follow_up": plan.id, "script": script.id, "transaction": sale.id, "kept": kept.id}
    with db.session() as s:
        followups.delete_interactions(s, [ids["interaction"], ids["other"]])
        followups.delete_follow_ups(s, [ids["follow_up"]])
        scripts.delete_scripts(s, [ids["script"]])
        delete_transaction(s, ids["transaction"])
        svc.delete_customers(s, [ids["gone"]])
    return ids


def test_every_kind_is_listed_with_its_customer_and_date(db: Database) -> None:
    ids = _fill(db)
    with db.session() as s:
        bin_ = editing.recycle_bin_contents(s)
    assert [(r.id, r.name, r.detail, r.happened) for r in bin_.interactions] == [
        (ids["interaction"], "上门谈年度框架", "明德机电有限公司", datetime(2026, 3, 2, 10, 0))]
    assert [(r.id, r.name, r.detail, r.happened) for r in bin_.follow_ups] == [
        (ids["follow_up"], "回访报价", "明德机电有限公司", datetime(2026, 4, 1, 9, 30))]
    assert [(r.id, r.name) for r in bin_.scripts] == [(ids["script"], "你们比别家贵")]
    assert [(r.id, r.name, r.detail, r.happened) for r in bin_.transactions] == [
        (ids["transaction"], "销售 12,345.00 元 · 数控刀具", "明德机电有限公司", date(2026, 2, 14))]
    assert [r.id for r in bin_.customers] == [ids["gone"]]
    assert all(r.deleted_at is not None for r in bin_.interactions + bin_.scripts)


@pytest.mark.parametrize("kind, model", [("interaction", Interaction), ("follow_up", FollowUp),
                                         ("script", ObjectionScript), ("transaction", Transaction)])
def test_each_kind_is_restored(db: Database, kind: str, model: type) -> None:
    ids = _fill(db)
    with db.session() as s:
        assert editing.restore(s, kind, [ids[kind]]) == 1
    with db.session() as s:
        assert s.get(model, ids[kind]).deleted_at is None
        assert getattr(editing.recycle_bin_contents(s), _field(kind)) == []


def test_a_restored_sale_counts_in_the_volume_again(db: Database) -> None:
    ids = _fill(db)
    with db.session() as s:
        editing.restore(s, "transaction", [ids["transaction"]])
    with db.session() as s:
        live = s.scalars(select(Transaction.amount_fen).where(
            Transaction.customer_id == ids["customer"], Transaction.deleted_at.is_(None))).all()
        assert live == [1234500]


@pytest.mark.parametrize("kind, model", [("interaction", Interaction), ("follow_up", FollowUp),
                                         ("script", ObjectionScript), ("transaction", Transaction)])
def test_each_kind_is_purged(db: Database, kind: str, model: type) -> None:
    ids = _fill(db)
    with db.session() as s:
        assert editing.purge(s, kind, [ids[kind]]) == 1
    with db.session() as s:
        assert s.get(model, ids[kind]) is None
        assert getattr(editing.recycle_bin_contents(s), _field(kind)) == []
        assert s.get(Customer, ids["customer"]) is not None


def test_a_live_row_is_refused_and_nothing_is_purged(db: Database) -> None:
    ids = _fill(db)
    with db.session() as s, pytest.raises(UserError, match="只能彻底删除回收站中的跟进记录"):
        editing.purge(s, "interaction", [ids["interaction"], ids["kept"]])
    with db.session() as s:
        assert s.get(Interaction, ids["interaction"]) is not None
        assert s.get(Interaction, ids["kept"]).deleted_at is None


def test_an_unknown_kind_is_a_user_error(db: Database) -> None:
    with db.session() as s, pytest.raises(UserError):
        editing.purge(s, "evaluation", [1])


def _field(kind: str) -> str:
    return {"interaction": "interactions", "follow_up": "follow_ups", "script": "scripts",
            "transaction": "transactions"}[kind]


def test_restoring_transactions_is_one_undoable_operation(db: Database) -> None:
    from kehubao.services.journal import last_undoable, undo

    ids = _fill(db)
    with db.session() as s:
        editing.restore(s, "transaction", [ids["transaction"]])
    with db.session() as s:
        op = last_undoable(s)
        assert op.label == "恢复 1 条交易记录"
        undo(s, op.id)
    with db.session() as s:
        assert s.get(Transaction, ids["transaction"]).deleted_at is not None
        assert [r.id for r in editing.recycle_bin_contents(s).transactions] == [ids["transaction"]]
