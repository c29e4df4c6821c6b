"""The .ics export read back with icalendar and recurring-ical-events."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from kehubao.services.followups import complete, create_follow_up, follow_ups_to_ics

from ..english_helpers import chinese, chinese_in, english, english_qm  # noqa: F401 (fixtures)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_round_trip_with_recurrence_alarm_and_time_zone(db, clock, make_customer) -> None:
    cid = make_customer("华南电器")
    with db.session() as s:
        monthly = create_follow_up(s, cid, title="月底对账", due_at="2027-01-31 10:00",
                                   recurrence="FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1",
                                   note="带上对账单").id
        once = create_follow_up(s, cid, title="送样品", due_at="2026-12-03 14:30", priority=2).id
        done = create_follow_up(s, cid, title="已办", due_at="2026-12-01 09:00").id
        complete(s, done, clock=clock)
    with db.session() as s:
        data = follow_ups_to_ics(s, clock=clock)
    calendar = Calendar.from_ical(data)
    events = {e["UID"]: e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"followup-{monthly}@kehubao", f"followup-{once}@kehubao"}
    first = events[f"followup-{once}@kehubao"]
    assert str(first["SUMMARY"]) == "华南电器：送样品"
    assert first.decoded("DTSTART") == datetime(2026, 12, 3, 14, 30, tzinfo=SHANGHAI)
    assert first.decoded("DTSTART").utcoffset() == timedelta(hours=8)
    assert first.decoded("DTEND") - first.decoded("DTSTART") == timedelta(minutes=30)
    assert int(first["PRIORITY"]) == 1
    (alarm,) = first.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-15) and str(alarm["ACTION"]) == "DISPLAY"
    assert "Asia/Shanghai" in [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")]
    monthly_event = events[f"followup-{monthly}@kehubao"]
    assert monthly_event["RRULE"].to_ical() == b"FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1"
    assert "带上对账单" in str(monthly_event["DESCRIPTION"])
    # Expanded by another library: the month ends as a person expects.
    occurrences = recurring_ical_events.of(calendar).between(date(2027, 1, 1), date(2027, 5, 1))
    starts = sorted(e.decoded("DTSTART") for e in occurrences if "对账" in str(e["SUMMARY"]))
    assert starts == [datetime(2027, m, d, 10, 0, tzinfo=SHANGHAI)
                      for m, d in ((1, 31), (2, 28), (3, 31), (4, 30))]


def test_days_limits_the_export(db, clock, make_customer) -> None:
    cid = make_customer()
    with db.session() as s:
        create_follow_up(s, cid, title="近的", due_at="2026-12-04 10:00")
        create_follow_up(s, cid, title="远的", due_at="2027-03-01 10:00")
        calendar = Calendar.from_ical(follow_ups_to_ics(s, days=7, clock=clock))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["华东商贸有限公司：近的"]


def _calendar_of(db, clock, make_customer) -> Calendar:  # type: ignore[no-untyped-def]
    cid = make_customer("Acme Machinery Ltd")
    with db.session() as s:
        create_follow_up(s, cid, title="Send the price list", due_at="2026-12-03 14:30",
                         kind="visit", note="With the new catalogue")
        create_follow_up(s, cid, title="Call about the order", due_at="2026-12-04 09:00")
    with db.session() as s:
        return Calendar.from_ical(follow_ups_to_ics(s, clock=clock))


@pytest.mark.usefixtures("english")
def test_the_calendar_in_english_has_no_chinese(db, clock, make_customer) -> None:
    """From an English window: the calendar's name, the event's captions and the kind
    in English (the user's own words ASCII here); only the PRODID names the program."""
    calendar = _calendar_of(db, clock, make_customer)
    shown = calendar.to_ical().decode("utf-8").replace("-//kehubao//客户宝//ZH", "")
    assert chinese_in(shown) == ""
    assert str(calendar["X-WR-CALNAME"]) == "Kehubao follow-ups"
    visit = next(e for e in calendar.walk("VEVENT") if "price list" in str(e["SUMMARY"]))
    assert str(visit["SUMMARY"]) == "Acme Machinery Ltd: Send the price list"
    assert str(visit["DESCRIPTION"]) == "Type: Visit\nWith the new catalogue"
    assert visit["CATEGORIES"].cats == ["Visit"]


@pytest.mark.usefixtures("chinese")
def test_the_calendar_without_a_translator_is_chinese(db, clock, make_customer) -> None:
    calendar = _calendar_of(db, clock, make_customer)
    assert str(calendar["X-WR-CALNAME"]) == "客户宝跟进"
    visit = next(e for e in calendar.walk("VEVENT") if "price list" in str(e["SUMMARY"]))
    assert str(visit["SUMMARY"]) == "Acme Machinery Ltd：Send the price list"
    assert str(visit["DESCRIPTION"]) == "方式：拜访\nWith the new catalogue"
