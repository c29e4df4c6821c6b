"""Phones, e-mail, dates and names as salespeople type them."""

from __future__ import annotations

from datetime import date

import pytest

from kehubao.normalize import (
    NO_YEAR,
    name_key,
    normalize_email,
    normalize_phone,
    parse_date,
    phone_digits,
)


@pytest.mark.parametrize("raw, display, kind", [
    ("13812345678", "13812345678", "mobile"),
    ("138 1234 5678", "13812345678", "mobile"),
    ("+86 138-1234-5678", "13812345678", "mobile"),
    ("008613812345678", "13812345678", "mobile"),
    ("8613812345678", "13812345678", "mobile"),
    ("１３８１２３４５６７８", "13812345678", "mobile"),
    ("021-62345678", "021-62345678", "landline"),
    ("(021) 6234 5678", "021-62345678", "landline"),
    ("+86 21 6234 5678", "021-62345678", "landline"),
    ("0755-8888 6666 转 8001", "0755-88886666-8001", "landline"),
    ("010 8888 6666", "010-88886666", "landline"),
    ("0531-1234567", "0531-1234567", "landline"),
    ("400-810-8888", "400-810-8888", "service"),
    ("+1 905-555-1234", "+1 905-555-1234", "international"),
])
def test_phone_forms(raw: str, display: str, kind: str) -> None:
    phone = normalize_phone(raw)
    assert phone is not None and (phone.display, phone.kind) == (display, kind)


def test_unrecognised_phone_is_kept_not_lost() -> None:
    phone = normalize_phone("BusinessPhone")
    assert phone is not None and phone.kind == "other" and phone.display == "BusinessPhone"
    assert normalize_phone("  ") is None


def test_local_number_takes_default_area_code() -> None:
    assert normalize_phone("62345678", default_area_code="021").display == "021-62345678"


def test_phone_query_digits() -> None:
    assert phone_digits("+86 138-1234") == "1381234"
    assert phone_digits("(021) 62") == "02162"


@pytest.mark.parametrize("raw, expected", [
    ("1978/3/5", date(1978, 3, 5)), ("1990-12-01", date(1990, 12, 1)),
    ("1990.12.1", date(1990, 12, 1)), ("1990年12月1日", date(1990, 12, 1)),
    ("19901201", date(1990, 12, 1)), ("28189", date(1977, 3, 5)), (28189, date(1977, 3, 5)),
    ("3/22/1980", date(1980, 3, 22)), ("22/3/1980", date(1980, 3, 22)),
    ("1990-12-01 00:00:00", date(1990, 12, 1)), ("--0203", date(NO_YEAR, 2, 3)),
    ("3月5日", date(NO_YEAR, 3, 5)), ("", None),
])
def test_dates(raw, expected) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", ["明天", "1990-13-01", "2月30日", "abc"])
def test_bad_dates_explain_in_chinese(raw: str) -> None:
    with pytest.raises(ValueError, match="无法识别的日期"):
        parse_date(raw)


def test_email_and_name_keys() -> None:
    assert normalize_email(" <Zhang.Wei@163.COM> ") == "zhang.wei@163.com"
    assert name_key("安娜·卡列尼娜") == name_key("安娜卡列尼娜")
    assert name_key("ＩＢＭ 中国") == "ibm中国"


@pytest.mark.parametrize("raw", ["1990", "1990.12", "1985.6", "1990年12月", 1990, 1990.12])
def test_a_year_or_year_and_month_is_not_read_as_an_excel_serial(raw) -> None:  # type: ignore[no-untyped-def]
    """出生年月 columns: 1990 would otherwise become 1905-06-12."""
    with pytest.raises(ValueError, match="只有年份或年月"):
        parse_date(raw)


@pytest.mark.parametrize("raw", ["500", 7000])
def test_serial_numbers_before_1920_are_not_dates(raw) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="无法识别的日期"):
        parse_date(raw)
