"""The portfolio (客户组合): how the customers spread over the four classes and the value
pyramid — counts, volume and value per class, the volume × loyalty scatter binned into
cells (200,000 dots would be one blot), and the pyramid's tiers.

The binning and summing run in SQLite, in one statement: every customer's volumes,
loyalty and value are computed once (a materialised CTE) and three small GROUP BYs come
back — per class, per scatter cell, per pyramid tier (ranked with window functions) —
about a hundred rows instead of 100,000 read into Python. Nothing is cached: the view
asks again whenever the bus says the data changed. The value formulas are
``value.value_of``'s, rounded the same way (half to even, as Python's ``round``), so the
figures equal the per-customer sums (``value.values_of`` + ``value.pyramid``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    Integer,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.orm import Session

from ...models import Customer
from .classes import ClassThresholds, all_classes, classify, latest_loyalty, load_thresholds
from .reads import raw_rows
from .value import PYRAMID, PyramidTier, ValueSettings, _volumes, load_value_settings

# Volume cell edges in fen (0, 1万, 2万, 5万 … 500万元); the class threshold is added.
VOLUME_EDGES = (0, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000, 50_000_000,
                100_000_000, 200_000_000, 500_000_000)
LOYALTY_EDGES = (0, 10, 20, 30, 40, 50, 60, 70, 80, 90)


@dataclass
class ClassSummary:
    code: str
    name: str
    colour: str
    strategy: str
    customers: int
    volume_fen: int  # net sales of the last 12 months
    value_fen: int  # total customer value


@dataclass
class Cell:
    x: int  # index into volume_edges
    y: int  # index into loyalty_edges
    customers: int
    value_class: str | None


@dataclass
class PortfolioData:
    thresholds: ClassThresholds
    classes: list[ClassSummary]
    unclassified: int
    volume_edges: list[int]
    loyalty_edges: list[float]
    cells: list[Cell]
    pyramid: list[PyramidTier]
    customers: int
    total_value_fen: int = 0
    settings: ValueSettings = field(default_factory=ValueSettings)


def edges_with(base: tuple, threshold: float) -> list:  # type: ignore[type-arg]
    """The cell edges with the class threshold among them, so no cell straddles two classes."""
    return sorted({*base, threshold})


def _round_half_even(x):  # type: ignore[no-untyped-def]
    """SQL for Python's ``round(x)`` of a non-negative number: SQLite's ``round`` sends
    halves away from zero, Python to the even neighbour (2.5 → 2), and the pyramid's cuts
    and the values must be the very numbers ``value_of`` gives."""
    whole = cast(x, Integer)  # x ≥ 0: truncation is the floor
    return case((x - whole == 0.5, whole + whole % 2), else_=cast(func.round(x), Integer))


def _bucket(expr, edges: list) -> object:  # type: ignore[no-untyped-def,type-arg]
    """SQL: the index of the last edge ≤ expr (0 below the first), as ``bisect_right - 1``."""
    return case(*((expr >= edge, n) for n, edge in reversed(list(enumerate(edges))) if n > 0), else_=0)


def _valued(settings: ValueSettings, today: date):  # type: ignore[no-untyped-def]
    """CTE (id, value_class, sales_12m_fen, loyalty_pct, total_fen) of the live customers
    with any figure (sales, an evaluation's loyalty, referrals): the others have no value
    and no dot. The volumes are summed once, the value formulas of ``value.value_of`` run
    in SQL on plain columns (one layer in, so no expression is worked out twice)."""
    volumes = _volumes(today).element.cte("volumes").prefix_with("MATERIALIZED")
    loyalty = latest_loyalty()
    referred = Customer.__table__.alias("referred")
    referrals = (select(referred.c.referred_by_id.label("referrer_id"),
                        func.sum(func.coalesce(volumes.c.lifetime_fen, 0)).label("lifetime_fen"))
                 .select_from(referred.outerjoin(volumes, volumes.c.customer_id == referred.c.id))
                 # deleted_at || '': walk the small partial index of referred customers,
                 # not the (deleted_at, class) index, which visits every customer row
                 .where(referred.c.referred_by_id.is_not(None),
                        (type_coerce(referred.c.deleted_at, String) + "").is_(None))
                 .group_by(referred.c.referred_by_id).subquery("referrals"))
    margin = literal(settings.margin_pct / 100)
    years = case(*((Customer.value_class == code, literal(float(y)))
                   for code, y in settings.remaining_years.items() if code),
                 else_=literal(settings.years_for(None)))
    inputs = (select(Customer.id.label("id"), Customer.value_class.label("value_class"),
                     func.coalesce(volumes.c.sales_12m_fen, 0).label("sales_12m_fen"),
                     func.round(loyalty.c.loyalty_pct, 2).label("loyalty_pct"),
                     (func.max(func.coalesce(volumes.c.lifetime_fen, 0), 0) * margin).label("realised"),
                     (func.max(func.coalesce(volumes.c.sales_12m_fen, 0), 0) * margin * years).label("potential"),
                     (func.max(func.coalesce(referrals.c.lifetime_fen, 0), 0) * margin).label("referred"))
              .select_from(Customer.__table__
                           .outerjoin(volumes, volumes.c.customer_id == Customer.id)
                           .outerjoin(loyalty, loyalty.c.customer_id == Customer.id)
                           .outerjoin(referrals, referrals.c.referrer_id == Customer.id))
              .where(Customer.deleted_at.is_(None),
                     or_(volumes.c.customer_id.is_not(None), loyalty.c.customer_id.is_not(None),
                         referrals.c.referrer_id.is_not(None)))
              .subquery("inputs"))
    referred_realised = _round_half_even(inputs.c.referred)
    total = (_round_half_even(inputs.c.realised) + _round_half_even(inputs.c.potential)
             + _round_half_even(referred_realised * literal(float(settings.referral_pct)) / 100.0))
    return (select(inputs.c.id, inputs.c.value_class, inputs.c.sales_12m_fen, inputs.c.loyalty_pct,
                   total.label("total_fen"))
            .cte("valued").prefix_with("MATERIALIZED"))


def _cuts(valued):  # type: ignore[no-untyped-def]
    """(stats, cuts): a one-row CTE (n, value_fen, lowest_fen) of the customers with any
    value, and SQL for the pyramid's cuts in that ranking — ``value.pyramid``'s
    round(n × 1%) (at least one), round(n × 5%), round(n × 20%); the small tier is the rest."""
    stats = (select(func.count().label("n"), func.sum(valued.c.total_fen).label("value_fen"),
                    func.min(valued.c.total_fen).label("lowest_fen"))
             .where(valued.c.total_fen > 0).cte("stats"))
    cuts, share_so_far = [], 0.0
    for _key, _label, share in PYRAMID[:-1]:
        share_so_far += share
        cut = _round_half_even(stats.c.n * literal(share_so_far))
        cuts.append(func.max(cut, 1) if not cuts else func.max(cuts[-1], cut))
    return stats, cuts


def _best(valued, stats, limit, offset=None):  # type: ignore[no-untyped-def]
    """The customers with any value, best first (ties by id, as the stable sort of the
    per-customer pyramid), ``offset`` skipped and ``limit`` kept: only the top fifth is
    ever sorted for the figures (the bounded sort is far cheaper than ranking 100,000)."""
    stmt = (select(valued.c.id, valued.c.total_fen).where(valued.c.total_fen > 0)
            .order_by(valued.c.total_fen.desc(), valued.c.id)
            .limit(select(limit).select_from(stats).scalar_subquery()))
    if offset is not None:
        stmt = stmt.offset(select(offset).select_from(stats).scalar_subquery())
    return stmt


def portfolio(session: Session, today: date | None = None) -> PortfolioData:
    """Everything the portfolio view draws, from one statement over every live customer."""
    thresholds, settings = load_thresholds(session), load_value_settings(session)
    xs = edges_with(VOLUME_EDGES, thresholds.volume_fen)
    ys = edges_with(LOYALTY_EDGES, thresholds.loyalty_pct)
    valued = _valued(settings, today or date.today())
    stats, cuts = _cuts(valued)
    best = _best(valued, stats, cuts[-1]).subquery("best")
    rank = func.row_number().over(order_by=[best.c.total_fen.desc(), best.c.id])
    ranked = select(best.c.total_fen, rank.label("rn")).subquery("ranked")
    tier = case(*((ranked.c.rn <= cut, n) for n, cut in enumerate(cuts[:-1])), else_=len(cuts) - 1)
    x, y = _bucket(valued.c.sales_12m_fen, xs), _bucket(valued.c.loyalty_pct, ys)
    # One GROUP BY (class, volume cell, loyalty cell) gives both the class sums and the
    # scatter's cells (y is NULL for a customer without loyalty: no dot); about a hundred rows.
    y_or_none = case((valued.c.loyalty_pct.is_not(None), y), else_=None)
    per_group = select(literal(0), valued.c.value_class, x, y_or_none, func.count(),
                       func.sum(valued.c.sales_12m_fen), func.sum(valued.c.total_fen)) \
        .group_by(valued.c.value_class, x, y_or_none)
    per_tier = select(literal(1), literal(None), tier, literal(None), func.count(), func.sum(ranked.c.total_fen),
                      func.min(ranked.c.total_fen)).select_from(ranked, stats).group_by(tier)
    totals = select(literal(3), literal(None), literal(None), literal(None), stats.c.n, stats.c.value_fen,
                    stats.c.lowest_fen)
    counts = select(literal(2), Customer.value_class, literal(None), literal(None), func.count(), literal(None),
                    literal(None)).where(Customer.deleted_at.is_(None)).group_by(Customer.value_class)
    per_class_summary = {c.code: ClassSummary(c.code, c.name, c.colour, c.strategy, 0, 0, 0)
                         for c in all_classes()}
    grid: dict[tuple[int, int], int] = {}
    tiers: dict[int, tuple[int, int, int]] = {}
    customers = total_value = valued_n = lowest = 0
    for kind, code, a, b, n, c, d in raw_rows(session, union_all(per_group, per_tier, counts, totals)):
        summary = per_class_summary.get(code or "")
        if kind == 0:
            total_value += int(d or 0)
            if summary is not None:
                summary.volume_fen += int(c or 0)
                summary.value_fen += int(d or 0)
            if b is not None:
                grid[a, b] = grid.get((a, b), 0) + n
        elif kind == 1:
            tiers[a] = (n, int(c or 0), int(d or 0))
        elif kind == 3:
            valued_n, lowest = n, int(d or 0)
        else:
            customers += n
            if summary is not None:
                summary.customers = n
    cells = [Cell(x, y, n, classify(xs[x], ys[y], thresholds)) for (x, y), n in sorted(grid.items())]
    # The small tier is everyone below the top fifth: counted and summed by difference.
    rest = valued_n - sum(t[0] for t in tiers.values())
    tiers[len(PYRAMID) - 1] = (rest, total_value - sum(t[1] for t in tiers.values()), lowest if rest else 0)
    classified = sum(s.customers for s in per_class_summary.values())
    grand = total_value or 1
    pyramid = [PyramidTier(key, label, n, value, value / grand, lowest)
               for (key, label, _share), (n, value, lowest)
               in ((tier_spec, tiers.get(i, (0, 0, 0))) for i, tier_spec in enumerate(PYRAMID))]
    return PortfolioData(thresholds, list(per_class_summary.values()), customers - classified, xs, ys,
                         cells, pyramid, customers,
                         total_value, settings)


def ids_in_tier(session: Session, tier: int, today: date | None = None) -> list[int]:
    """Customers of one pyramid tier (0 = top … 3 = small), best first, for the click-through."""
    valued = _valued(load_value_settings(session), today or date.today())
    stats, cuts = _cuts(valued)
    start = literal(0) if tier == 0 else cuts[tier - 1]
    end = cuts[tier] if tier < len(cuts) else stats.c.n
    return [cid for cid, _total in raw_rows(session, _best(valued, stats, end - start, start))]


def ids_in_cell(session: Session, volume_range: tuple[int, int | None],
                loyalty_range: tuple[float, float | None], today: date | None = None) -> list[int]:
    """Customers of one scatter cell (lower bounds included, upper excluded; None: open),
    for the click-through to the customer list."""
    (vlo, vhi), (llo, lhi) = volume_range, loyalty_range
    valued = _valued(load_value_settings(session), today or date.today())
    conditions = [valued.c.loyalty_pct.is_not(None), valued.c.sales_12m_fen >= vlo, valued.c.loyalty_pct >= llo]
    if vhi is not None:
        conditions.append(valued.c.sales_12m_fen < vhi)
    if lhi is not None:
        conditions.append(valued.c.loyalty_pct < lhi)
    return [cid for (cid,) in raw_rows(session, select(valued.c.id).where(and_(*conditions)).order_by(valued.c.id))]
