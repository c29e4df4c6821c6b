"""Follow-ups on the 200,000-customer demo database: generating the automatic reminders
for all contacts, the today page's data, logging an interaction until it is visible on
the timeline, and `kehubao reminders --due --json` as a whole process.

    python benchmarks/followups.py [--db PATH]

The database given is copied to a temporary file first (the run writes to it) and the
copy is deleted at the end. Targets (issue 12): today page ready ≤ 300 ms (query +
paint; the paint is measured with the UI page when it exists), logging ≤ 50 ms,
generating the reminders for ~290k contacts ≤ 2 s.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, Timer, demo_database, emit, ms, parser, percentiles, remove_database  # noqa: E402


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--now", default="2026-11-28 10:00",
                   help="the clock of the run (the demo's data is dated around its build)")
    p.add_argument("--paint", action="store_true",
                   help="also build and paint the 今日 page and the busiest month of the calendar")
    args = p.parse_args()
    source = demo_database(args.db, args.customers)
    work = Path(tempfile.mkdtemp(prefix="followups-bench-")) / "demo.db"
    shutil.copyfile(source, work)
    try:
        emit(run(work, datetime.fromisoformat(args.now), args.paint))
    finally:
        remove_database(work)
        shutil.rmtree(work.parent, ignore_errors=True)


def run(path: Path, now: datetime, paint: bool) -> dict:
    from sqlalchemy import func, select

    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.models import Contact, Customer
    from kehubao.services.followups import generate_reminders, log_interaction, timeline, today_data

    out: dict = {"database": str(path), "now": now.isoformat(timespec="minutes")}
    db = open_database(str(path))  # migrates the copy
    clock = lambda: now  # noqa: E731
    with db.session(write=False) as s:
        out["contacts"] = s.scalar(select(func.count()).select_from(Contact))
    with Timer() as first, db.session() as s:
        made = generate_reminders(s, clock=clock)
    with Timer() as again, db.session() as s:
        generate_reminders(s, clock=clock)
    out["generate_reminders"] = {"first_run_ms": ms(first.seconds), "created": made.created,
                                 "second_run_ms": ms(again.seconds)}

    samples = []
    for _ in range(10):
        with Timer() as t, db.session(write=False) as s:
            data = today_data(s, clock=clock)
        samples.append(t.seconds * 1000)
    out["today_query"] = {**percentiles(samples), "counts": data.counts}

    with db.session(write=False) as s:
        ids = list(s.scalars(select(Customer.id).where(Customer.deleted_at.is_(None))
                             .order_by(Customer.id).limit(5000)))
    rng = random.Random(12)
    saves, visible = [], []
    for n in range(30):
        cid = rng.choice(ids)
        when = now + timedelta(minutes=n)
        with Timer() as t, db.session() as s:
            log_interaction(s, cid, kind="call", summary="电话回访", mood="joy",
                            next_step="寄送报价", next_due=when + timedelta(days=2),
                            occurred_at=when, clock=clock)
        saves.append(t.seconds * 1000)
        with Timer() as shown, db.session(write=False) as s:
            page = timeline(s, customer_id=cid, limit=50)
        assert page.entries[0].when >= when  # the new follow-up or the interaction
        visible.append((t.seconds + shown.seconds) * 1000)
    out["log_interaction"] = {"save": percentiles(saves), "save_to_timeline": percentiles(visible)}
    db.dispose()

    runs = []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for _ in range(3):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "kehubao", "--db", str(path), "reminders", "--due", "--json",
             "--at", now.strftime("%Y-%m-%d %H:%M")], capture_output=True, env=env)
        runs.append((time.perf_counter() - started) * 1000)
        assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    # The first run fills in the automatic reminders (none stamped yet); the next ones
    # within the hour only read.
    out["cli_reminders_due_json"] = {"first_run_ms": round(runs[0], 2),
                                     "later_runs": percentiles(runs[1:]),
                                     "bytes": len(result.stdout)}
    if paint:
        out["today_page"] = paint_today(path, clock)
        out["calendar"] = paint_calendar(path, clock)
    return out


def busiest_month(db) -> tuple[int, int]:  # noqa: ANN001
    """The (year, month) holding the most follow-ups."""
    from sqlalchemy import func, select

    from kehubao.models import FollowUp

    month = func.substr(FollowUp.due_at, 1, 7)
    with db.session(write=False) as s:
        text = s.execute(select(month).group_by(month).order_by(func.count().desc()).limit(1)).scalar()
    return int(text[:4]), int(text[5:7])


def paint_calendar(path: Path, clock) -> dict:  # noqa: ANN001
    """The 日历 tab at 1366×768 on the busiest month (query + paint), and its week view."""
    from datetime import date

    from kehubao.ui.application import create_application, open_database_for_gui
    from kehubao.ui.bus import QtBus
    from kehubao.ui.followups.calendar_page import CalendarPage
    from kehubao.ui.ops import wait_idle

    app = create_application([])
    db = open_database_for_gui(str(path))
    year, month = busiest_month(db)
    page = CalendarPage(db, QtBus(), clock=clock)
    page.resize(1240, 680)
    page.show()
    wait_idle()
    app.processEvents()
    out: dict = {"month": f"{year}-{month:02d}"}
    for mode in ("month", "week"):
        samples, paints = [], []
        for n in range(5):
            with Timer() as t:
                page.show_period(mode, date(year, month, 10 + n))
                wait_idle()
                app.processEvents()
                with Timer() as painted:
                    page.grid.repaint()
            samples.append(t.seconds * 1000)
            paints.append(painted.seconds * 1000)
        out[mode] = {"query_and_paint": percentiles(samples), "paint": percentiles(paints),
                     "items": page.grid.data.total}
    page.close()
    page.deleteLater()
    app.processEvents()
    db.dispose()
    return out


def paint_today(path: Path, clock) -> dict:  # noqa: ANN001
    """The 今日 page built, filled and painted at 1366×768 (query + paint)."""
    from kehubao.ui.application import create_application, open_database_for_gui
    from kehubao.ui.bus import QtBus
    from kehubao.ui.followups.today_page import TodayPage
    from kehubao.ui.ops import wait_idle

    app = create_application([])
    db = open_database_for_gui(str(path))
    samples = []
    for _ in range(5):
        with Timer() as t:
            page = TodayPage(db, QtBus(), clock=clock)
            page.resize(1366, 700)
            page.show()
            page.refresh()
            wait_idle()
            app.processEvents()
            page.repaint()
        samples.append(t.seconds * 1000)
        page.close()
        page.deleteLater()
        app.processEvents()
    db.dispose()
    return percentiles(samples)


if __name__ == "__main__":
    main()
