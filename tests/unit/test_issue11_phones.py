"""Issue #11, defect 1: a mobile typed with a stray leading 0 (013912340000) became the
landline 0139-12340000 (0139 is no area code) and left 手机 empty."""

from __future__ import annotations

import pytest

from kehubao.models import Contact
from kehubao.normalize import normalize_phone
from kehubao.services.contacts import create_contact
from kehubao.services.customers import create_customer

from .exchange.helpers import H, all_contacts, import_rows, row


@pytest.mark.parametrize("raw", ["013912340000", "0139 1234 0000", "0139-1234-0000",
                                 "+86 013912340000"])
def test_a_leading_zero_before_a_mobile_number_is_a_typo(raw: str) -> None:
    phone = normalize_phone(raw)
    assert phone is not None
    assert (phone.display, phone.digits, phone.kind) == ("13912340000", "13912340000", "mobile")


@pytest.mark.parametrize("raw, display", [
    ("010-12345678", "010-12345678"),     # Beijing: 3-digit code, local starting with 1
    ("01012345678", "010-12345678"),
    ("021-62345678", "021-62345678"),
    ("02162345678", "021-62345678"),
    ("0755-88886666", "0755-88886666"),
    ("075588886666", "0755-88886666"),
    ("0531-1234567", "0531-1234567"),
    ("0991-1234567", "0991-1234567"),
])
def test_real_landlines_keep_their_area_codes(raw: str, display: str) -> None:
    phone = normalize_phone(raw)
    assert phone is not None and (phone.display, phone.kind) == (display, "landline")


def test_the_importer_puts_such_a_number_in_the_mobile_column(db, tmp_path) -> None:
    summary = import_rows(db, tmp_path, [H, row("甲公司", "张三", mobile="013912340000")])

    assert summary.warnings == []
    [(_company, zhang)] = all_contacts(db)
    assert (zhang.mobile, zhang.phone) == ("13912340000", None)


def test_the_contact_form_stores_such_a_number_as_the_mobile(db) -> None:
    with db.session() as s:
        customer = create_customer(s, {"name": "乙公司"})
        contact_id = create_contact(s, customer.id, {"name": "李四", "mobile": "013912340000"}).id
    with db.session(write=False) as s:
        assert s.get(Contact, contact_id).mobile == "13912340000"


def test_searching_with_the_stray_zero_finds_the_mobile(db) -> None:
    from kehubao.normalize import phone_digits
    from kehubao.services.search import search

    assert phone_digits("0139 1234 0000") == "13912340000"
    assert phone_digits("010-1234") == "0101234"  # a fragment of a Beijing number stays
    with db.session() as s:
        customer = create_customer(s, {"name": "乙公司"})
        create_contact(s, customer.id, {"name": "李四", "mobile": "13912340000"})
    with db.session(write=False) as s:
        assert [h.title for h in search(s, "013912340000").of_kind("contact")] == ["李四"]
