"""Chinese public holidays and 调休 (make-up working weekends), from chinese-calendar.

A follow-up due on a public holiday is marked, and the user may move it to the next
working day — which can be a Saturday or Sunday the State Council declared a working day.
The library covers the years the government has announced; beyond them only Saturdays
and Sundays count as days off, and `known` says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import chinese_calendar

HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


@dataclass(frozen=True)
class DayKind:
    working: bool
    holiday: str | None  # Chinese name of the public holiday, if any
    in_lieu: bool  # a weekend declared a working day (调休上班)
    known: bool  # False beyond the years the library has data for


@lru_cache(maxsize=4096)
def day_kind(day: date) -> DayKind:
    """What kind of day `day` is in mainland China (cached: the library validates every
    call against its whole table)."""
    try:
        working = chinese_calendar.is_workday(day)
        off, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return DayKind(day.weekday() < 5, None, False, False)
    holiday = HOLIDAY_NAMES.get(name, name) if off and name else None
    return DayKind(working, holiday, working and day.weekday() >= 5, True)


def holiday_name(day: date) -> str | None:
    """The public holiday `day` falls in, or None (weekends are not named)."""
    return day_kind(day).holiday


def next_working_day(day: date) -> date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not day_kind(day).working:
        day += timedelta(days=1)
    return day


def on_working_day(when: datetime) -> datetime:
    """The same time of day on the next working day (unchanged if already one)."""
    return datetime.combine(next_working_day(when.date()), when.time())
