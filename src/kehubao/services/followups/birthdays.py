"""When a contact celebrates their birthday, solar (公历) or lunar (农历).

`Contact.birthday` is the date of birth; `birthday_lunar` says the person celebrates on
the lunar anniversary of that date, as many Chinese customers do. The rules a person
expects:
- born on 29 February: 28 February in common years;
- lunar day 30 in a year whose month has only 29 days: the 29th (the month's last day);
- born in a leap lunar month (闰月): the leap month when the year has that leap month,
  otherwise the ordinary month of the same number.

To find who celebrates in a window without converting every contact's birth date, the
window is turned around: the lunar birth dates (month, day, leap) celebrated inside it
are few, and each maps to one solar birth date per possible birth year, which SQL looks
up with an IN list.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta

from borax.calendars.lunardate import LCalendars, LunarDate

from ...texts import Text, noop

LunarKey = tuple[int, int, bool]  # month, day, leap month

# Each name a label of its own, so that English can say "month 8, day 15".
LUNAR_MONTHS = (noop("正月"), noop("二月"), noop("三月"), noop("四月"), noop("五月"),
                noop("六月"), noop("七月"), noop("八月"), noop("九月"), noop("十月"),
                noop("冬月"), noop("腊月"))
LUNAR_DAYS = (noop("初一"), noop("初二"), noop("初三"), noop("初四"), noop("初五"),
              noop("初六"), noop("初七"), noop("初八"), noop("初九"), noop("初十"),
              noop("十一"), noop("十二"), noop("十三"), noop("十四"), noop("十五"),
              noop("十六"), noop("十七"), noop("十八"), noop("十九"), noop("二十"),
              noop("廿一"), noop("廿二"), noop("廿三"), noop("廿四"), noop("廿五"),
              noop("廿六"), noop("廿七"), noop("廿八"), noop("廿九"), noop("三十"))


def solar_birthday_in(birth: date, year: int) -> date:
    """The solar birthday in `year` (29 February → 28 February in common years)."""
    if birth.month == 2 and birth.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, birth.month, birth.day)


def lunar_of(birth: date) -> LunarKey:
    lunar = LunarDate.from_solar_date(birth.year, birth.month, birth.day)
    return lunar.month, lunar.day, bool(lunar.leap)


def _month_length(lunar_year: int, month: int, leap: bool) -> int:
    """29 or 30; ValueError for a leap month the year does not have."""
    return LCalendars.ndays(lunar_year, month, leap)


def lunar_birthday_in(key: LunarKey, lunar_year: int) -> date | None:
    """The solar date on which a person with lunar birth date `key` celebrates in the
    lunar year `lunar_year`; None outside the library's range."""
    month, day, leap = key
    try:
        leap = leap and LCalendars.leap_month(lunar_year) == month
        day = min(day, _month_length(lunar_year, month, leap))
        return LunarDate(lunar_year, month, day, int(leap)).to_solar_date()
    except ValueError:
        return None


def next_birthday(birth: date, lunar: bool, on_or_after: date) -> date | None:
    """The first celebration on or after `on_or_after`."""
    if not lunar:
        this_year = solar_birthday_in(birth, on_or_after.year)
        return this_year if this_year >= on_or_after else solar_birthday_in(birth, on_or_after.year + 1)
    key = lunar_of(birth)
    for lunar_year in (on_or_after.year - 1, on_or_after.year, on_or_after.year + 1):
        day = lunar_birthday_in(key, lunar_year)
        if day is not None and day >= on_or_after:
            return day
    return None


def solar_month_days(first: date, last: date) -> list[str]:
    """'MM-DD' strings that a solar birth date may carry to be celebrated in [first, last]
    (29 February counts for 28 February in common years)."""
    out: list[str] = []
    day = first
    while day <= last:
        out.append(day.strftime("%m-%d"))
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            out.append("02-29")
        day += timedelta(days=1)
    return out


def lunar_keys_celebrated(first: date, last: date) -> dict[LunarKey, date]:
    """Every lunar birth date (month, day, leap) celebrated in [first, last], with the day."""
    found: dict[LunarKey, date] = {}
    for lunar_year in range(first.year - 1, last.year + 1):
        for month in range(1, 13):
            for leap in (False, True):
                for day in range(1, 31):
                    key = (month, day, leap)
                    when = lunar_birthday_in(key, lunar_year)
                    if when is not None and first <= when <= last:
                        found[key] = when
    return found


def solar_births_for(keys: Iterable[LunarKey], years: range) -> dict[date, LunarKey]:
    """The solar birth dates (in `years`) whose lunar date is one of `keys`."""
    out: dict[date, LunarKey] = {}
    for month, day, leap in keys:
        for year in years:
            if leap and LCalendars.leap_month(year) != month:
                continue
            try:
                out[LunarDate(year, month, day, int(leap)).to_solar_date()] = (month, day, leap)
            except ValueError:
                continue
    return out


def lunar_label(key: LunarKey) -> str:
    """农历 text of a lunar birth date: 闰四月初三, 腊月廿九 (a ``Text``)."""
    month, day, leap = key
    return Text(noop("闰{month}{day}") if leap else noop("{month}{day}"),
                month=Text(LUNAR_MONTHS[month - 1]), day=Text(LUNAR_DAYS[day - 1]))
