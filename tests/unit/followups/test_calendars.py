"""Public holidays with 调休, and solar and lunar birthdays (pure rules)."""

from __future__ import annotations

from datetime import date, datetime

from kehubao.services.followups.birthdays import (
    lunar_keys_celebrated,
    lunar_label,
    lunar_of,
    next_birthday,
    solar_births_for,
    solar_month_days,
)
from kehubao.services.followups.holidays import day_kind, next_working_day, on_working_day


def test_national_day_is_a_named_holiday() -> None:
    kind = day_kind(date(2026, 10, 1))
    assert not kind.working and kind.holiday == "国庆节" and kind.known


def test_a_make_up_weekend_is_a_working_day() -> None:
    # 2026: New Year's Day holiday 1-3 January; Sunday 4 January is worked (调休).
    assert day_kind(date(2026, 1, 3)).holiday == "元旦"
    sunday = day_kind(date(2026, 1, 4))
    assert sunday.working and sunday.in_lieu and sunday.holiday is None
    assert next_working_day(date(2026, 1, 3)) == date(2026, 1, 4)
    # Spring Festival 2026: 15-23 February off, Saturday 28 February worked.
    assert next_working_day(date(2026, 2, 16)) == date(2026, 2, 24)
    assert day_kind(date(2026, 2, 28)).working


def test_an_ordinary_weekend_moves_to_monday_keeping_the_time() -> None:
    assert on_working_day(datetime(2026, 3, 7, 14, 30)) == datetime(2026, 3, 9, 14, 30)
    assert on_working_day(datetime(2026, 3, 9, 14, 30)) == datetime(2026, 3, 9, 14, 30)


def test_years_without_data_fall_back_to_weekends() -> None:
    saturday = day_kind(date(2031, 1, 4))
    assert not saturday.working and not saturday.known
    assert next_working_day(date(2031, 1, 4)) == date(2031, 1, 6)


def test_solar_birthday_of_29_february() -> None:
    born = date(1988, 2, 29)
    assert next_birthday(born, False, date(2027, 2, 1)) == date(2027, 2, 28)
    assert next_birthday(born, False, date(2028, 2, 1)) == date(2028, 2, 29)
    assert next_birthday(born, False, date(2027, 3, 1)) == date(2028, 2, 29)
    # In a common year, 28 February's window includes the 29 February-born.
    assert "02-29" in solar_month_days(date(2027, 2, 27), date(2027, 3, 1))
    assert "02-29" not in solar_month_days(date(2028, 2, 27), date(2028, 2, 28))


def test_lunar_birthday_of_an_ordinary_month() -> None:
    # Born 1976-05-01 = 农历四月初三 1976; in 2026 四月初三 is 19 May.
    born = date(1976, 5, 1)
    assert lunar_of(born) == (4, 3, False)
    assert lunar_label((4, 3, False)) == "四月初三"
    assert next_birthday(born, True, date(2026, 5, 1)) == date(2026, 5, 19)


def test_lunar_birthday_of_a_leap_month() -> None:
    # Born 2020-06-01 = 农历闰四月初十 2020. 2026 has no leap month: the ordinary 四月初十
    # (26 May 2026). 2025 has a leap sixth month, not a leap fourth: also the ordinary one.
    born = date(2020, 6, 1)
    assert lunar_of(born) == (4, 10, True)
    assert lunar_label((4, 10, True)) == "闰四月初十"
    assert next_birthday(born, True, date(2026, 1, 1)) == date(2026, 5, 26)
    # Born 2025-08-03 = 闰六月初十 2025: celebrated in the leap month that year.
    assert lunar_of(date(2025, 8, 3)) == (6, 10, True)
    assert next_birthday(date(2025, 8, 3), True, date(2025, 8, 1)) == date(2025, 8, 3)


def test_the_window_turned_around_finds_the_lunar_birth_dates() -> None:
    keys = lunar_keys_celebrated(date(2026, 5, 25), date(2026, 5, 27))
    assert keys[(4, 10, False)] == date(2026, 5, 26)
    assert keys[(4, 10, True)] == date(2026, 5, 26)  # leap-month born, no leap 4 in 2026
    births = solar_births_for([(4, 10, True)], range(2019, 2022))
    assert births == {date(2020, 6, 1): (4, 10, True)}


def test_lunar_day_30_falls_on_the_months_last_day() -> None:
    # Born 1990-01-26 = 腊月三十 (New Year's Eve). The lunar year 2025 has no 腊月三十
    # ("no 年三十" in 2026): the birthday is 腊月廿九, 16 February 2026.
    born = date(1990, 1, 26)
    assert lunar_of(born) == (12, 30, False)
    assert lunar_label((12, 30, False)) == "腊月三十"
    assert next_birthday(born, True, date(2026, 1, 1)) == date(2026, 2, 16)
