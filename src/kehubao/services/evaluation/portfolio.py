"""The portfolio (客户组合): how the customers spread over the four classes and the value
pyramid — counts, volume and value per class, the volume × loyalty scatter binned into
cells (200,000 dots would be one blot), and the pyramid's tiers.

One set-based read (``value.figure_rows``) feeds all of it, so the view is one query.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from .classes import ClassThresholds, all_classes, class_map, classify, load_thresholds
from .value import (
    PyramidTier,
    ValueSettings,
    figure_rows,
    load_value_settings,
    pyramid,
    values_of,
)

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


def portfolio(session: Session, today: date | None = None) -> PortfolioData:
    """Everything the portfolio view draws, from one read of every live customer."""
    thresholds, settings = load_thresholds(session), load_value_settings(session)
    classes = class_map(session)
    rows = list(figure_rows(session, today, classes=classes))  # customers with any figure
    values = values_of(rows, settings)
    xs = edges_with(VOLUME_EDGES, thresholds.volume_fen)
    ys = edges_with(LOYALTY_EDGES, thresholds.loyalty_pct)
    per_class = {c.code: ClassSummary(c.code, c.name, c.colour, c.strategy, 0, 0, 0)
                 for c in all_classes()}
    grid: dict[tuple[int, int], int] = {}
    for code, n in Counter(classes.values()).items():
        if code in per_class:
            per_class[code].customers = n
    unclassified = len(classes) - sum(c.customers for c in per_class.values())
    for r in rows:
        summary = per_class.get(r.value_class or "")
        if summary is not None:
            summary.volume_fen += r.sales_12m_fen
            summary.value_fen += values[r.id].total_fen
        if r.loyalty_pct is not None:
            key = (max(0, bisect_right(xs, r.sales_12m_fen) - 1), min(len(ys) - 1, max(0, bisect_right(ys, r.loyalty_pct) - 1)))
            grid[key] = grid.get(key, 0) + 1
    cells = [Cell(x, y, n, classify(xs[x], ys[y], thresholds)) for (x, y), n in sorted(grid.items())]
    return PortfolioData(thresholds, list(per_class.values()), unclassified, xs, ys, cells,
                         pyramid(values), len(classes), sum(v.total_fen for v in values.values()),
                         settings)


def ids_in_cell(session: Session, volume_range: tuple[int, int | None],
                loyalty_range: tuple[float, float | None], today: date | None = None) -> list[int]:
    """Customers of one scatter cell (lower bounds included, upper excluded; None: open),
    for the click-through to the customer list."""
    (vlo, vhi), (llo, lhi) = volume_range, loyalty_range
    return [r.id for r in figure_rows(session, today)
            if r.loyalty_pct is not None and vlo <= r.sales_12m_fen and (vhi is None or r.sales_12m_fen < vhi)
            and llo <= r.loyalty_pct and (lhi is None or r.loyalty_pct < lhi)]
