"""The portfolio's figures summed in SQL equal the per-customer sums they replaced (every
customer's value worked out in Python, the pyramid cut from the sorted list), on the
small demo with referrals added and with margins that make halves (Python rounds them to
even, SQLite's round would not)."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import astuple

import pytest
from sqlalchemy import select, update

from kehubao.models import Customer
from kehubao.services.evaluation.classes import class_map, classify, load_thresholds
from kehubao.services.evaluation.portfolio import (
    LOYALTY_EDGES,
    VOLUME_EDGES,
    edges_with,
    ids_in_cell,
    ids_in_tier,
    portfolio,
)
from kehubao.services.evaluation.value import (
    ValueSettings,
    figure_rows,
    load_value_settings,
    pyramid,
    save_value_settings,
    values_of,
)


def _per_customer(session):  # type: ignore[no-untyped-def]
    """The portfolio as it was computed before: one Python pass over every customer."""
    thresholds, settings = load_thresholds(session), load_value_settings(session)
    classes = class_map(session)
    rows = list(figure_rows(session, classes=classes))
    values = values_of(rows, settings)
    xs = edges_with(VOLUME_EDGES, thresholds.volume_fen)
    ys = edges_with(LOYALTY_EDGES, thresholds.loyalty_pct)
    per_class = {code: [n, 0, 0] for code, n in Counter(classes.values()).items() if code}
    grid: dict[tuple[int, int], int] = {}
    for r in rows:
        if r.value_class in per_class:
            per_class[r.value_class][1] += r.sales_12m_fen
            per_class[r.value_class][2] += values[r.id].total_fen
        if r.loyalty_pct is not None:
            key = (max(0, bisect_right(xs, r.sales_12m_fen) - 1),
                   min(len(ys) - 1, max(0, bisect_right(ys, r.loyalty_pct) - 1)))
            grid[key] = grid.get(key, 0) + 1
    cells = [(x, y, n, classify(xs[x], ys[y], thresholds)) for (x, y), n in sorted(grid.items())]
    return per_class, cells, pyramid(values), len(classes), sum(v.total_fen for v in values.values())


@pytest.mark.parametrize("settings", [
    ValueSettings(),
    ValueSettings(margin_pct=25.0, referral_pct=50.0),  # fen × 25% and × 50%: many exact halves
    ValueSettings(margin_pct=12.5, remaining_years={"4": 3.5, "3": 2.5, "": 1.5}, referral_pct=30.0),
])
def test_sql_figures_equal_the_per_customer_sums(demo_db, settings: ValueSettings) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session() as s:
        ids = list(s.scalars(select(Customer.id).where(Customer.deleted_at.is_(None)).order_by(Customer.id)))
        for referred, referrer in zip(ids[1:60:3], ids[100:120], strict=False):  # 20 referrals
            s.execute(update(Customer).where(Customer.id == referred).values(referred_by_id=referrer))
        save_value_settings(s, settings)
    with demo_db.session(write=False) as s:
        per_class, cells, tiers, customers, total = _per_customer(s)
        data = portfolio(s)
        assert sum(t.customers for t in tiers) > 100 and len(cells) > 10  # the demo has figures
        assert {c.code: [c.customers, c.volume_fen, c.value_fen] for c in data.classes if c.customers} == per_class
        assert [(c.x, c.y, c.customers, c.value_class) for c in data.cells] == cells
        assert (data.customers, data.total_value_fen) == (customers, total)
        assert data.unclassified == customers - sum(v[0] for v in per_class.values())
        assert [astuple(t)[:6] for t in data.pyramid] == [astuple(t)[:6] for t in tiers]
        for n, tier in enumerate(tiers):  # the click-through finds the same customers, best first
            assert ids_in_tier(s, n) == tier.ids
        cell = data.cells[len(data.cells) // 2]
        volume = (data.volume_edges[cell.x], data.volume_edges[cell.x + 1])
        loyalty = (data.loyalty_edges[cell.y], data.loyalty_edges[cell.y + 1])
        found = ids_in_cell(s, volume, loyalty)
        assert len(found) == cell.customers
        assert found == sorted(r.id for r in figure_rows(s) if r.loyalty_pct is not None
                               and volume[0] <= r.sales_12m_fen < volume[1] and loyalty[0] <= r.loyalty_pct < loyalty[1])


def test_pyramid_cuts_round_half_to_even(db) -> None:  # type: ignore[no-untyped-def]
    """250 valued customers: the top 1% is round(2.5) = 2 customers (SQLite's round gives 3),
    the next cut round(12.5) = 12, then round(50) = 50; values 250, 249 … 1 fen of profit."""
    from datetime import date

    from kehubao.services.evaluation.transactions import record_transaction

    with db.session() as s:
        save_value_settings(s, ValueSettings(margin_pct=100.0, remaining_years={"": 0.0}))
        for i in range(1, 251):
            c = Customer(name=f"客户{i}")
            s.add(c)
            s.flush()
            record_transaction(s, c.id, "sale", date(2020, 1, 1), i)
    with db.session(write=False) as s:
        tiers = portfolio(s).pyramid
        assert [t.customers for t in tiers] == [2, 10, 38, 200]
        assert [t.value_fen for t in tiers] == [250 + 249, sum(range(239, 249)), sum(range(201, 239)),
                                                sum(range(1, 201))]
        assert [t.min_value_fen for t in tiers] == [249, 239, 201, 1]
        assert len(ids_in_tier(s, 3)) == 200
