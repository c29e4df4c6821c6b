"""The calendar's range read: per-day counts in full, items listed a few deep, open
before done, snoozed ones on the day their snooze ends, visits beside follow-ups."""

from __future__ import annotations

from datetime import date, datetime

from kehubao.services.followups import (
    calendar_range,
    cancel,
    complete,
    create_follow_up,
    log_interaction,
    month_grid,
    snooze,
    week_of,
)


def test_days_count_in_full_and_list_open_then_done(db, make_customer, clock) -> None:
    cid = make_customer()
    with db.session() as s:
        ids = [create_follow_up(s, cid, title=f"电话{n}", due_at=f"2026-12-03 {9 + n}:00").id
               for n in range(5)]
        complete(s, ids[0], clock=clock)  # done: listed after the open ones
        cancel(s, ids[1])  # cancelled: not on the calendar at all
        snoozed = create_follow_up(s, cid, title="推迟的", due_at="2026-12-01 09:00").id
        snooze(s, snoozed, datetime(2026, 12, 3, 8, 0), clock=clock)  # now sits on the 3rd
        log_interaction(s, cid, kind="visit", summary="上门拜访", occurred_at="2026-12-03 16:30",
                        clock=clock)
        log_interaction(s, cid, kind="call", summary="电话", occurred_at="2026-12-03 17:00",
                        clock=clock)  # a call is not a visit
    with db.session(write=False) as s:
        week = calendar_range(s, *week_of(date(2026, 12, 3)), per_day=4)
    assert week.start == date(2026, 11, 30) and len(week.days) == 7
    day = week.days[date(2026, 12, 3)]
    # 4 live follow-ups on the 3rd (ids 2,3,4 open + id 0 done) + the snoozed one + 1 visit.
    assert day.total == 6 and day.hidden == 2
    assert [(i.title, i.done) for i in day.items] == [
        ("推迟的", False), ("电话2", False), ("电话3", False), ("电话4", False)]
    assert day.items[0].snoozed and day.items[0].movable
    assert week.days[date(2026, 12, 1)].total == 0  # the snoozed one left its due day
    with db.session(write=False) as s:
        full = calendar_range(s, date(2026, 12, 3), date(2026, 12, 4), per_day=10)
    items = full.days[date(2026, 12, 3)].items
    assert [(i.kind, i.title, i.done) for i in items][-2:] == [("visit", "上门拜访", True),
                                                                ("follow_up", "电话0", True)]
    assert not items[-1].movable and not items[-2].movable
    assert full.total == 6


def test_month_grid_and_holidays() -> None:
    assert month_grid(2026, 10) == (date(2026, 9, 28), date(2026, 11, 9))  # 1 Oct is a Thursday
    assert month_grid(2026, 6) == (date(2026, 6, 1), date(2026, 7, 13))  # starts on a Monday


def test_holidays_and_in_lieu_days_are_marked(db) -> None:
    with db.session(write=False) as s:
        month = calendar_range(s, *month_grid(2026, 10), per_day=0)
    assert month.days[date(2026, 10, 1)].holiday == "国庆节"
    assert not month.days[date(2026, 10, 1)].working
    # Saturday 10 October 2026 is worked in lieu of the National Day holiday.
    sat = month.days[date(2026, 10, 10)]
    assert sat.working and sat.in_lieu and sat.holiday is None
    assert month.days[date(2026, 10, 12)].working and not month.days[date(2026, 10, 12)].in_lieu
