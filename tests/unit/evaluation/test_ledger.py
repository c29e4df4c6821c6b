"""The customer's money page read (receivables aged, overdue against the limit, value,
support, risk) and the forms it records from: amounts typed in 元, a sale's due date from
the terms, every bad field named, and each record undoable."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kehubao.errors import ValidationError
from kehubao.models import RiskEvent, SupportAction, Transaction
from kehubao.services.evaluation.ledger import (
    customer_ledger,
    save_risk_form,
    save_support_form,
    save_transaction_form,
)
from kehubao.services.evaluation.transactions import record_transaction, set_terms_days
from kehubao.services.journal import last_undoable, undo

from .helpers import customer

TODAY = date.today()


def _ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def test_ledger_ages_fifo_and_values_by_hand(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        cid = customer(s, credit_limit_fen=800_000).id  # 8,000 元
        record_transaction(s, cid, "sale", _ago(100), 500_000)  # due 70 days ago
        record_transaction(s, cid, "sale", _ago(45), 300_000)  # due 15 days ago
        record_transaction(s, cid, "sale", _ago(10), 400_000)  # not yet due
        record_transaction(s, cid, "payment", _ago(5), 200_000)  # pays the oldest first
        record_support(s, cid)
    with db.session(write=False) as s:
        ledger = customer_ledger(s, cid, TODAY)
    r = ledger.receivables
    # 5,000 − 2,000 = 3,000 open of the oldest (100 days: 90+), 3,000 (45 days), 4,000 (10 days)
    assert r.ageing == {"0-30": 400_000, "31-60": 300_000, "61-90": 0, "90+": 300_000}
    assert (r.receivable_fen, r.overdue_fen, r.max_days_overdue) == (1_000_000, 600_000, 70)
    assert r.over_limit_fen == 200_000  # 10,000 owed against a limit of 8,000
    # 20% margin; unclassified: 2 more years. Realised 12,000 × 20% = 2,400;
    # potential 12,000 × 20% × 2 = 4,800; no referrals.
    v = ledger.value
    assert (v.realised_fen, v.potential_fen, v.influence_fen, v.total_fen) == (240_000, 480_000, 0, 720_000)
    assert [t.kind for t in ledger.transactions] == ["payment", "sale", "sale", "sale"]  # newest first
    assert ledger.support_cost_fen == 150_000 and ledger.terms_days == 30
    assert {f.kind for f in ledger.flags} == {"overdue", "credit"}


def record_support(session, cid: int) -> None:  # type: ignore[no-untyped-def]
    save_support_form(session, cid, {"kind": "promotion", "occurred_on": _ago(3), "cost": "1,500",
                                     "description": "店庆促销"})


def test_sale_form_parses_yuan_defaults_due_from_terms_and_undoes(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        cid = customer(s).id
        set_terms_days(s, 45)
    with db.session() as s:
        tid = save_transaction_form(s, cid, "sale", {"occurred_on": _ago(2), "amount": "1.28万",
                                                      "due_on": None, "product": " 数控车床 ",
                                                      "reference": "FP-001", "note": ""})
    with db.session() as s:
        row = s.get(Transaction, tid)
        assert (row.amount_fen, row.due_on, row.product, row.reference, row.note) == (
            1_280_000, _ago(2) + timedelta(days=45), "数控车床", "FP-001", None)
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert s.query(Transaction).filter(Transaction.deleted_at.is_(None)).count() == 0


def test_payment_keeps_no_due_date(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        cid = customer(s).id
        tid = save_transaction_form(s, cid, "payment", {"occurred_on": TODAY, "amount": "¥3,000.50",
                                                         "due_on": _ago(-30)})
        row = s.get(Transaction, tid)
        assert (row.amount_fen, row.due_on) == (300_050, None)


@pytest.mark.parametrize(("values", "fields"), [
    ({"occurred_on": TODAY, "amount": "abc"}, {"amount": "金额“abc”不是数字"}),
    ({"occurred_on": TODAY, "amount": "0"}, {"amount": "金额“0”必须大于 0"}),
    ({"occurred_on": TODAY, "amount": "12.345"}, {"amount": "金额“12.345”精确到分即可（最多两位小数）"}),
    ({"occurred_on": None, "amount": ""}, {"occurred_on": "请填写日期", "amount": "请填写金额（元）"}),
    ({"occurred_on": TODAY + timedelta(days=1), "amount": "5"}, {"occurred_on": "日期不能晚于今天"}),
    ({"occurred_on": TODAY, "amount": "5", "due_on": _ago(1)}, {"due_on": "到期日不能早于交易日期"}),
])
def test_bad_transaction_input_names_every_field_and_writes_nothing(db, values, fields) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        cid = customer(s).id
    with pytest.raises(ValidationError) as caught, db.session() as s:
        save_transaction_form(s, cid, "sale", values)
    assert caught.value.fields == fields
    assert str(caught.value) == next(iter(fields.values()))
    with db.session() as s:
        assert s.query(Transaction).count() == 0


def test_support_and_risk_forms(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        cid = customer(s).id
    with pytest.raises(ValidationError) as caught, db.session() as s:
        save_support_form(s, cid, {"kind": "sales", "occurred_on": TODAY, "cost": "-5"})
    assert "cost" in caught.value.fields
    with pytest.raises(ValidationError) as caught, db.session() as s:
        save_risk_form(s, cid, {"kind": "overdue", "occurred_on": TODAY, "description": " "})
    assert set(caught.value.fields) == {"kind", "description"}
    with db.session() as s:
        sid = save_support_form(s, cid, {"kind": "display", "occurred_on": TODAY, "cost": ""})
        rid = save_risk_form(s, cid, {"kind": "cross_region", "occurred_on": _ago(1),
                                      "description": "在华南市场发现本区货", "evidence": "照片 IMG_0102"})
    with db.session() as s:
        support, event = s.get(SupportAction, sid), s.get(RiskEvent, rid)
        assert (support.kind, support.cost_fen) == ("display", None)
        assert (event.kind, event.description, event.evidence) == ("cross_region", "在华南市场发现本区货", "照片 IMG_0102")
    with db.session(write=False) as s:
        ledger = customer_ledger(s, cid)
    assert [e.kind for e in ledger.risk_events] == ["cross_region"]
    assert [f.kind for f in ledger.flags] == ["cross_region"]


def test_assumptions_drive_value_and_due_dates_and_save_all_or_nothing(db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.value import (
        Assumptions,
        customer_value,
        load_assumptions,
        save_assumptions,
    )

    with db.session() as s:
        cid = customer(s).id  # not classified (never evaluated)
        record_transaction(s, cid, "sale", _ago(10), 1_000_000)  # 10,000 元
        a = load_assumptions(s)
        assert (a.value.margin_pct, a.value.years_for(None), a.terms_days) == (20.0, 2.0, 30)
        a.value.margin_pct, a.value.remaining_years[""], a.terms_days = 25.0, 8.0, 60
        save_assumptions(s, a)
    with db.session() as s:
        v = customer_value(s, cid)
        # realised 10,000 × 25% = 2,500; potential 10,000 × 25% × 8 = 20,000
        assert (v.realised_fen, v.potential_fen) == (250_000, 2_000_000)
        tid = save_transaction_form(s, cid, "sale", {"occurred_on": TODAY, "amount": "100"})
        assert s.get(Transaction, tid).due_on == TODAY + timedelta(days=60)
    with pytest.raises(ValidationError), db.session() as s:
        save_assumptions(s, Assumptions(load_assumptions(s).value, 5000))  # terms out of range
    with db.session() as s:
        a = load_assumptions(s)
    assert (a.value.margin_pct, a.terms_days) == (25.0, 60)
