"""The lunar calendar tables the birthdays rely on."""

from __future__ import annotations

from datetime import date

from kehubao.services.followups.birthdays import lunar_birthday_in, lunar_of


def test_lunar_dates_of_the_disputed_months_follow_the_astronomical_reckoning() -> None:
    """The calendar tables in use (borax, MIT) give, for the months where published
    tables disagree, the dates an astronomical computation gives (checked against
    lunar_python): 1978-09-02 is 七月三十, 1954-11-25 is 十一月初一, 1933-07-22 is 闰五月三十."""
    assert lunar_of(date(1978, 9, 2)) == (7, 30, False)
    assert lunar_of(date(1954, 11, 25)) == (11, 1, False)
    assert lunar_of(date(1933, 7, 22)) == (5, 30, True)


def test_outside_the_tables_there_is_no_lunar_birthday() -> None:
    assert lunar_birthday_in((5, 30, True), 2101) is None
    assert lunar_birthday_in((4, 10, True), 2020) == date(2020, 6, 1)
