"""Snooze, roll-over, completion (recurring too), reschedule, holidays."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from kehubao.errors import UserError, ValidationError
from kehubao.models import FollowUp
from kehubao.services.followups import (
    complete,
    create_follow_up,
    move_to_working_day,
    reschedule,
    snooze,
    snooze_time,
    today_data,
)
from kehubao.services.journal import last_undoable, undo

WEDNESDAY = datetime(2026, 12, 2, 10, 0)


def test_snooze_times() -> None:
    assert snooze_time("15m", WEDNESDAY) == datetime(2026, 12, 2, 10, 15)
    assert snooze_time("1h", WEDNESDAY) == datetime(2026, 12, 2, 11, 0)
    assert snooze_time("tomorrow", WEDNESDAY) == datetime(2026, 12, 3, 9, 0)
    assert snooze_time("next_monday", WEDNESDAY) == datetime(2026, 12, 7, 9, 0)
    monday = datetime(2026, 12, 7, 8, 0)
    assert snooze_time("next_monday", monday) == datetime(2026, 12, 14, 9, 0)
    assert snooze_time("tomorrow", datetime(2026, 12, 31, 23, 50)) == datetime(2027, 1, 1, 9, 0)


def test_a_snoozed_follow_up_leaves_today_until_the_snooze_ends(db, clock, make_customer) -> None:
    cid = make_customer()
    with db.session() as s:
        fid = create_follow_up(s, cid, title="电话确认订单", due_at="2026-12-02 09:00").id
    with db.session() as s:
        assert [r.follow_up_id for r in today_data(s, clock=clock).groups["today"]] == [fid]
        snooze(s, fid, "tomorrow", clock=clock)
    with db.session() as s:
        data = today_data(s, clock=clock)
        assert data.counts["today"] == 0 and data.counts["week"] == 1
        row = data.groups["week"][0]
        assert row.snoozed and row.due == datetime(2026, 12, 3, 9, 0)
        with pytest.raises(ValidationError):
            snooze(s, fid, datetime(2026, 12, 1, 9, 0), clock=clock)  # the past
        snooze(s, fid, "2026-12-02 16:00", clock=clock)  # a chosen time
    with db.session() as s:
        assert s.get(FollowUp, fid).snoozed_until == datetime(2026, 12, 2, 16, 0)
        assert today_data(s, clock=clock).counts["today"] == 1


def test_missed_follow_ups_roll_over_as_overdue_until_dealt_with(db, clock, make_customer) -> None:
    cid = make_customer()
    with db.session() as s:
        fid = create_follow_up(s, cid, title="回访", due_at="2026-12-02 15:00").id
    for now, group in ((datetime(2026, 12, 2, 18, 0), "today"),
                       (datetime(2026, 12, 3, 8, 0), "overdue"),
                       (datetime(2027, 1, 1, 10, 0), "overdue")):
        clock.now = now
        with db.session() as s:
            data = today_data(s, clock=clock)
            assert [r.follow_up_id for r in data.groups[group]] == [fid], now
            assert data.total == 1
    with db.session() as s:
        complete(s, fid, "已回访", clock=clock)
    with db.session() as s:
        assert today_data(s, clock=clock).total == 0
        fu = s.get(FollowUp, fid)
        assert (fu.status, fu.completed_at, fu.note) == ("done", datetime(2027, 1, 1, 10, 0), "结果：已回访")
        with pytest.raises(UserError):
            complete(s, fid, clock=clock)


def test_completing_a_recurring_follow_up_creates_the_next_occurrence(db, clock, make_customer) -> None:
    cid = make_customer()
    with db.session() as s:
        fid = create_follow_up(s, cid, title="月底对账", due_at="2026-11-30 16:00",
                               recurrence="FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1").id
    with db.session() as s:
        done, nxt = complete(s, fid, clock=clock)
        assert nxt is not None
        assert (nxt.due_at, nxt.title, nxt.recurrence, nxt.status) == (
            datetime(2026, 12, 31, 16, 0), "月底对账", done.recurrence, "open")
        next_id = nxt.id
    with db.session() as s:
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert s.get(FollowUp, fid).status == "open"
        assert s.get(FollowUp, next_id).deleted_at is not None


def test_a_weekly_call_missed_for_weeks_comes_back_once(db, clock, make_customer) -> None:
    cid = make_customer()
    with db.session() as s:
        fid = create_follow_up(s, cid, title="周一电话", due_at="2026-11-09 09:00",
                               recurrence="FREQ=WEEKLY;BYDAY=MO").id
    with db.session() as s:
        _, nxt = complete(s, fid, clock=clock)  # Wednesday 2 December
        assert nxt.due_at == datetime(2026, 12, 7, 9, 0)
        open_ones = s.scalars(select(FollowUp).where(FollowUp.status == "open")).all()
        assert [f.id for f in open_ones] == [nxt.id]


def test_reschedule_clears_the_snooze_and_holidays_move_to_a_working_day(
        db, clock, make_customer) -> None:
    cid = make_customer()
    with db.session() as s:
        fid = create_follow_up(s, cid, title="节后拜访", due_at="2026-12-05 10:00").id
        snooze(s, fid, "1h", clock=clock)
    with db.session() as s:
        fu = reschedule(s, fid, "2026-01-03 10:00")  # 元旦 holiday, Saturday
        assert fu.snoozed_until is None
    with db.session() as s:
        today = today_data(s, clock=lambda: datetime(2026, 1, 1, 8, 0))
        assert today.groups["week"][0].holiday == "元旦"
        moved = move_to_working_day(s, fid)
        assert moved.due_at == datetime(2026, 1, 4, 10, 0)  # a 调休 working Sunday
