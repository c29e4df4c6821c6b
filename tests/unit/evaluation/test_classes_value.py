"""The four classes (exactly on a threshold), reclassifying everyone, the value formulas
and the pyramid — expected numbers computed by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kehubao.models import Customer, SearchDoc
from kehubao.services.evaluation.classes import (
    ClassThresholds,
    class_info,
    classify,
    reclassify_all,
    save_thresholds,
)
from kehubao.services.evaluation.portfolio import ids_in_cell, portfolio
from kehubao.services.evaluation.transactions import record_transaction
from kehubao.services.evaluation.value import (
    CustomerValue,
    ValueSettings,
    customer_value,
    pyramid,
    save_value_settings,
    value_of,
)

from .helpers import customer, evaluate_all

T = ClassThresholds(volume_fen=20_000_000, loyalty_pct=60.0)


@pytest.mark.parametrize(("volume", "loyalty", "code"), [
    (20_000_000, 60.0, "4"),  # exactly on both thresholds: high and loyal
    (19_999_999, 60.0, "3"),
    (20_000_000, 59.99, "2"),
    (0, 0.0, "1"),
    (50_000_000, None, None),  # no evaluation: no loyalty to judge
])
def test_class_boundaries(volume: int, loyalty: float | None, code: str | None) -> None:
    assert classify(volume, loyalty, T) == code


def test_class_names_colours_and_strategies_come_from_their_owners() -> None:
    from kehubao.models.enums import ValueClass
    from kehubao.services.advice import CLASS_STRATEGY

    info = class_info("2")
    assert info.name == ValueClass.DANGEROUS.label and info.strategy == CLASS_STRATEGY["2"]
    assert info.high_volume and not info.loyal and info.colour.startswith("#")
    assert class_info(None) is None


def test_evaluation_sets_the_class_from_volume_and_loyalty(db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as s:
        c = customer(s)
        record_transaction(s, c.id, "sale", today - timedelta(days=10), 20_500_000)
        record_transaction(s, c.id, "return", today - timedelta(days=5), 500_000)  # net 20万 exactly
        record_transaction(s, c.id, "sale", today - timedelta(days=400), 90_000_000)  # too old
        # loyalty indicators 与本公司的关系/满意度/忠诚度/依存度 all 6 → 60% exactly
        e = evaluate_all(s, c.id, 9, 与本公司的关系=6, 满意度=6, 忠诚度=6, 依存度=6)
        assert e.value_class == "4" and s.get(Customer, c.id).value_class == "4"
        e = evaluate_all(s, c.id, 9, 与本公司的关系=6, 满意度=6, 忠诚度=5, 依存度=6)
        # (0.1×.6 + 0.1×.6 + 0.15×.5 + 0.05×.6) / 0.4 = 0.225 / 0.4 = 56.25% → not loyal
        assert e.value_class == "2"


def test_reclassify_all_after_new_thresholds(db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as s:
        big, small, none = customer(s, "大户"), customer(s, "小户"), customer(s, "未评价")
        record_transaction(s, big.id, "sale", today, 30_000_000)
        record_transaction(s, small.id, "sale", today, 5_000_000)
        record_transaction(s, none.id, "sale", today, 99_000_000)
        evaluate_all(s, big.id, 7)  # loyalty 70%
        evaluate_all(s, small.id, 7)
        assert reclassify_all(s).changed == 0
    with db.session() as s:
        rank = s.query(SearchDoc).filter_by(kind="customer", ref_id=small.id).one().rank
        save_thresholds(s, ClassThresholds(volume_fen=5_000_000, loyalty_pct=75))
        summary = reclassify_all(s)
        assert summary.customers == 3 and summary.changed == 2
        assert summary.counts == {"2": 2, "": 1}
        s.expire_all()
        assert [s.get(Customer, i).value_class for i in (big.id, small.id, none.id)] == ["2", "2", None]
        # class 3 (25 points) → 2 (30 points): the search rank moves by 5 × 10 days
        assert s.query(SearchDoc).filter_by(kind="customer", ref_id=small.id).one().rank == rank + 50


def test_value_formulas_by_hand() -> None:
    settings = ValueSettings(margin_pct=20, remaining_years={"4": 5, "": 2}, referral_pct=10)
    v = value_of(100_000_000, 30_000_000, "4", 50_000_000, settings)
    assert v.realised_fen == 20_000_000  # 100万 × 20% = 20万
    assert v.potential_fen == 30_000_000  # 30万 × 20% × 5 年 = 30万
    assert v.influence_fen == 1_000_000  # 50万 × 20% × 10% = 1万
    assert v.total_fen == 51_000_000
    assert value_of(100_000_000, 30_000_000, None, 0, settings).potential_fen == 12_000_000  # 2 年


def test_customer_value_counts_referrals(db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as s:
        save_value_settings(s, ValueSettings(margin_pct=10, referral_pct=50))
        a = customer(s, "推荐人")
        b = customer(s, "被推荐甲", referred_by_id=a.id)
        customer(s, "被推荐乙", referred_by_id=a.id)
        record_transaction(s, a.id, "sale", today - timedelta(days=500), 10_000_000)
        record_transaction(s, b.id, "sale", today, 4_000_000)
        v = customer_value(s, a.id)
        assert (v.lifetime_sales_fen, v.sales_12m_fen, v.referrals) == (10_000_000, 0, 2)
        assert v.realised_fen == 1_000_000  # 10万 × 10%
        assert v.potential_fen == 0  # nothing in the last 12 months
        assert v.influence_fen == 200_000  # 4万 × 10% × 50%


def test_pyramid_tiers() -> None:
    values = {i: CustomerValue(i, 0, 0, 0, 0, i * 100, 0, 0, 0, i * 100) for i in range(1, 101)}
    values[0] = CustomerValue(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)  # no value: not in the pyramid
    tiers = pyramid(values)
    assert [t.customers for t in tiers] == [1, 4, 15, 80]
    assert tiers[0].ids == [100] and tiers[0].value_fen == 10_000
    assert tiers[1].value_fen == (99 + 98 + 97 + 96) * 100
    assert round(sum(t.value_share for t in tiers), 6) == 1.0


def test_portfolio_counts_cells_and_click_through(db) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    with db.session() as s:
        big, small = customer(s, "大户"), customer(s, "小户")
        customer(s, "未评价")
        record_transaction(s, big.id, "sale", today, 30_000_000)
        record_transaction(s, small.id, "sale", today, 5_000_000)
        evaluate_all(s, big.id, 7)
        evaluate_all(s, small.id, 3)
        data = portfolio(s)
        by_code = {c.code: c for c in data.classes}
        assert by_code["4"].customers == 1 and by_code["4"].volume_fen == 30_000_000
        assert by_code["1"].customers == 1 and data.unclassified == 1
        # 30万 × 20% + 30万 × 20% × 5 years = 6万 + 30万
        assert by_code["4"].value_fen == 36_000_000
        assert {(c.value_class, c.customers) for c in data.cells} == {("4", 1), ("1", 1)}
        cell = next(c for c in data.cells if c.value_class == "4")
        assert ids_in_cell(s, (data.volume_edges[cell.x], None), (data.loyalty_edges[cell.y], None)) == [big.id]


def test_a_recorded_sale_moves_the_class(db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.transactions import delete_transaction

    today = date.today()
    with db.session() as s:
        c = customer(s)
        evaluate_all(s, c.id, 7)  # loyal (70%), no sales yet → class 3
        assert s.get(Customer, c.id).value_class == "3"
        sale = record_transaction(s, c.id, "sale", today, 20_000_000)  # exactly 20 万 → high
        s.expire_all()
        assert s.get(Customer, c.id).value_class == "4"
        delete_transaction(s, sale.id)
        s.expire_all()
        assert s.get(Customer, c.id).value_class == "3"
