"""Recurrence rules: month ends, 29 February, year end, several weekdays."""

from __future__ import annotations

from datetime import datetime

import pytest

from kehubao.errors import ValidationError
from kehubao.services.followups.recurrence import (
    build_rrule,
    check_rrule,
    describe_rrule,
    next_occurrence,
)


def chain(rule: str, start: datetime, count: int) -> list[datetime]:
    """Occurrences the way completing one after another produces them: each next one is
    computed from the previous occurrence (the follow-up's own due time)."""
    out, current = [], start
    for _ in range(count):
        current = next_occurrence(rule, current, current)
        out.append(current)
    return out


def test_monthly_on_the_31st_falls_on_each_month_end() -> None:
    start = datetime(2026, 1, 31, 10, 0)
    rule = build_rrule("monthly", start)
    assert rule == "FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1"
    assert [d.date().isoformat() for d in chain(rule, start, 5)] == [
        "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"]
    assert all(d.hour == 10 for d in chain(rule, start, 5))


def test_monthly_on_the_30th_in_a_leap_february() -> None:
    start = datetime(2028, 1, 30, 9, 0)
    rule = build_rrule("monthly", start)
    assert [d.date().isoformat() for d in chain(rule, start, 3)] == [
        "2028-02-29", "2028-03-30", "2028-04-30"]


def test_monthly_on_the_last_day() -> None:
    start = datetime(2026, 11, 30, 17, 0)
    rule = build_rrule("monthly_last", start)
    assert [d.date().isoformat() for d in chain(rule, start, 4)] == [
        "2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"]


def test_yearly_on_29_february_falls_on_28_february_in_common_years() -> None:
    start = datetime(2024, 2, 29, 9, 0)
    rule = build_rrule("yearly", start)
    assert [d.date().isoformat() for d in chain(rule, start, 4)] == [
        "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"]


def test_daily_and_every_n_days_cross_the_year_end() -> None:
    start = datetime(2026, 12, 30, 8, 30)
    assert [d.isoformat() for d in chain(build_rrule("daily", start), start, 3)] == [
        "2026-12-31T08:30:00", "2027-01-01T08:30:00", "2027-01-02T08:30:00"]
    rule = build_rrule("every_n_days", start, interval=3)
    assert rule == "FREQ=DAILY;INTERVAL=3"
    assert [d.date().isoformat() for d in chain(rule, start, 2)] == ["2027-01-02", "2027-01-05"]


def test_weekly_on_several_days_across_the_year_end() -> None:
    start = datetime(2026, 12, 28, 9, 0)  # Monday
    rule = build_rrule("weekly", start, weekdays=[4, 0, 2])  # Fri, Mon, Wed
    assert rule == "FREQ=WEEKLY;BYDAY=MO,WE,FR"
    assert [d.date().isoformat() for d in chain(rule, start, 5)] == [
        "2026-12-30", "2027-01-01", "2027-01-04", "2027-01-06", "2027-01-08"]


def test_every_two_weeks_on_two_days_keeps_its_rhythm() -> None:
    start = datetime(2026, 12, 7, 9, 0)  # Monday
    rule = build_rrule("weekly", start, weekdays=[0, 3], interval=2)
    assert [d.date().isoformat() for d in chain(rule, start, 4)] == [
        "2026-12-10", "2026-12-21", "2026-12-24", "2027-01-04"]


def test_weekdays_skip_the_weekend() -> None:
    start = datetime(2026, 12, 4, 9, 0)  # Friday
    assert chain(build_rrule("weekdays", start), start, 1) == [datetime(2026, 12, 7, 9, 0)]


def test_bad_rules_are_refused_in_chinese() -> None:
    with pytest.raises(ValidationError) as err:
        check_rrule("FREQ=SOMETIMES")
    assert "recurrence" in err.value.fields
    with pytest.raises(ValidationError):
        build_rrule("monthly", datetime(2026, 1, 1), month_day=32)
    assert check_rrule("  ") is None
    assert check_rrule("rrule:freq=weekly;byday=mo") == "FREQ=WEEKLY;BYDAY=MO"


def test_descriptions() -> None:
    assert describe_rrule(None) == "不重复"
    assert describe_rrule("FREQ=WEEKLY;BYDAY=MO,WE,FR") == "每周一、三、五"
    assert describe_rrule("FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1") == "每月 31 日（没有这天则为月末）"
    assert describe_rrule("FREQ=DAILY;INTERVAL=3") == "每 3 天"
    assert describe_rrule("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR") == "工作日（周一至周五）"


def test_parse_rrule_reads_back_what_build_rrule_wrote() -> None:
    from datetime import datetime

    from kehubao.services.followups import build_rrule, parse_rrule

    start = datetime(2026, 1, 31, 9)
    cases = [("daily", {}), ("weekdays", {}), ("weekly", {"weekdays": [0, 2], "interval": 2}),
             ("monthly", {"month_day": 31}), ("monthly", {"month_day": 5, "interval": 3}),
             ("monthly_last", {}), ("every_n_days", {"interval": 3}), ("yearly", {})]
    for pattern, options in cases:
        parsed = parse_rrule(build_rrule(pattern, start, **options))
        assert parsed["pattern"] == pattern
        assert parsed["interval"] == options.get("interval", 1)
        assert parsed["weekdays"] == options.get("weekdays", [])
        assert parsed["month_day"] == options.get("month_day")
        again = build_rrule(pattern, start, interval=parsed["interval"],
                            weekdays=parsed["weekdays"], month_day=parsed["month_day"])
        assert again == build_rrule(pattern, start, **options)
    assert parse_rrule(None)["pattern"] == ""
