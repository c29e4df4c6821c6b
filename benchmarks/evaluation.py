"""Evaluation and classification on the 200,000-customer demo database: the portfolio's
data (and, once the UI exists, the drawn view), reclassifying every customer, and the next
customer's evaluation form in the bulk "evaluate this quarter" walk.

    python benchmarks/evaluation.py --db /tmp/copy-of-demo-200k.db

The database is changed (migrated, reclassified): run it on a copy.
Targets (issue 14): portfolio view drawn ≤ 1 s, reclassify all ≤ 5 s, next form ≤ 100 ms.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Timer, demo_database, emit, ms, parser, peak_rss_mb, percentiles  # noqa: E402


def main() -> None:
    args = parser(__doc__).parse_args()
    path = demo_database(args.db, args.customers)
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.services.evaluation.classes import ClassThresholds, reclassify_all, save_thresholds
    from kehubao.services.evaluation.portfolio import portfolio
    from kehubao.services.evaluation.risk import risk_list
    from kehubao.services.evaluation.workflow import form_data, walk_ids

    db = open_database(str(path))
    out: dict = {"database": str(path)}
    with db.session() as s, Timer() as first:
        summary = reclassify_all(s)
    out["reclassify_first_ms"] = ms(first.seconds)
    out["reclassify_first"] = summary.to_json()
    with db.session() as s, Timer() as again:
        summary = reclassify_all(s)
    out["reclassify_unchanged_ms"] = ms(again.seconds)
    start_cpu = time.process_time()
    with db.session() as s, Timer() as moved:
        save_thresholds(s, ClassThresholds(volume_fen=10_000_000, loyalty_pct=50))
        summary = reclassify_all(s)
    out["reclassify_new_thresholds_ms"] = ms(moved.seconds)
    out["reclassify_new_thresholds_cpu_ms"] = ms(time.process_time() - start_cpu)
    out["reclassify_new_thresholds_changed"] = summary.changed
    with db.session() as s:
        save_thresholds(s, ClassThresholds())
        reclassify_all(s)

    samples, cpu = [], []
    for _ in range(3):
        start_cpu = time.process_time()
        with db.session(write=False) as s, Timer() as t:
            data = portfolio(s)
        samples.append(t.seconds * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    out["portfolio_data"] = percentiles(samples)
    out["portfolio_data_cpu"] = percentiles(cpu)  # this process's CPU: less sensitive to a busy machine
    out["portfolio_cells"] = len(data.cells)
    out["portfolio_counts"] = {c.code: c.customers for c in data.classes} | {"none": data.unclassified}

    with db.session(write=False) as s, Timer() as t:
        rows = risk_list(s)
    out["risk_list_ms"] = ms(t.seconds)
    out["risk_list_rows"] = len(rows)

    with db.session(write=False) as s, Timer() as t:
        ids = walk_ids(s, value_class="4")
    out["walk_ids_ms"] = ms(t.seconds)
    out["walk_customers"] = len(ids)
    samples = []
    for cid in list(ids)[:100]:
        start = time.perf_counter()
        with db.session(write=False) as s:
            form_data(s, cid)
        samples.append((time.perf_counter() - start) * 1000)
    out["next_form"] = percentiles(samples)

    drawn = draw_portfolio(db)
    if drawn is not None:
        out["portfolio_drawn"] = drawn
    out["peak_rss_mb"] = peak_rss_mb()
    db.dispose()
    emit(out)


def draw_portfolio(db) -> dict | None:  # type: ignore[no-untyped-def]
    """From asking for the data to the painted view, as the user waits for it."""
    try:
        from kehubao.ui.evaluation.portfolio_view import PortfolioView
    except ImportError:
        return None
    from kehubao.ui import ops
    from kehubao.ui.application import create_application
    from kehubao.ui.bus import QtBus

    app = create_application([])
    bus = QtBus()
    samples, cpu = [], []
    for _ in range(3):
        start_cpu = time.process_time()
        with Timer() as t:
            view = PortfolioView(db, bus)
            view.resize(1366, 700)
            view.show()
            view.reload()
            ops.wait_idle()
            view.repaint()
            app.processEvents()
        samples.append(t.seconds * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        view.close()
        view.deleteLater()
    bus.close()
    return {**percentiles(samples), "cpu": percentiles(cpu)}


if __name__ == "__main__":
    main()
