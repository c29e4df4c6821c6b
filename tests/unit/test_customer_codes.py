"""Issue #11, defect 4: customers made by hand or by an import get a 客户编号 in the
demo's form (KH + 7 digits), the next free number, from one owner of that rule."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kehubao.models import Customer
from kehubao.services import customers as svc
from kehubao.services.recycle_bin import move_to_bin

from .exchange.helpers import H, import_rows, row


def _code(db, customer_id: int) -> str | None:
    with db.session(write=False) as s:
        return s.get(Customer, customer_id).code


def test_a_customer_created_without_a_code_gets_the_next_one(db) -> None:
    with db.session() as s:
        first = svc.create_customer(s, {"name": "甲公司"}).id
        second = svc.create_customer(s, {"name": "乙公司", "code": "  "}).id
    assert (_code(db, first), _code(db, second)) == ("KH0000001", "KH0000002")


def test_a_typed_code_is_kept_and_the_numbers_go_on_after_the_highest(db) -> None:
    with db.session() as s:
        svc.create_customer(s, {"name": "甲公司", "code": "KH0000120"})
        svc.create_customer(s, {"name": "乙公司", "code": "A-9"})          # not our form
        svc.create_customer(s, {"name": "丙公司", "code": "KH0000999-B"})  # nor this
        svc.create_customer(s, {"name": "丁公司", "code": "KH00009999"})   # 8 digits: nor this
        new = svc.create_customer(s, {"name": "戊公司"}).id
    assert _code(db, new) == "KH0000121"


def test_codes_of_customers_in_the_recycle_bin_are_not_reused(db) -> None:
    with db.session() as s:
        gone = svc.create_customer(s, {"name": "甲公司"}).id
    with db.session() as s:
        move_to_bin(s, Customer, [gone], "客户")
    with db.session() as s:
        new = svc.create_customer(s, {"name": "乙公司"}).id
    assert _code(db, new) == "KH0000002"


def test_next_number_ignores_codes_that_only_look_alike(db) -> None:
    with db.session() as s:
        for n in range(70):  # more than one page of the backwards index walk
            svc.create_customer(s, {"name": f"客户{n}", "code": f"KH9999999-{n:02d}"})
        svc.create_customer(s, {"name": "甲公司", "code": "KH0000042"})
        assert svc.next_customer_number(s) == 43


def test_the_importer_numbers_created_customers_after_codes_in_the_file(db, tmp_path) -> None:
    with db.session() as s:
        svc.create_customer(s, {"name": "老客户"})                     # KH0000001
    header = ["客户编号", *H]
    import_rows(db, tmp_path, [header,
                               ["", *row("甲公司", "张三", mobile="13812345678")],
                               ["KH0000005", *row("乙公司", "李四", mobile="13912345678")],
                               ["", *row("丙公司", "王五", mobile="13712345678")],
                               ["", *row(person="赵六", mobile="13612345678")]])
    with db.session(write=False) as s:
        codes = dict(s.execute(select(Customer.name, Customer.code)).all())
    assert codes == {"老客户": "KH0000001", "甲公司": "KH0000006", "乙公司": "KH0000005",
                     "丙公司": "KH0000007", "赵六": "KH0000008"}


def test_code_form() -> None:
    assert svc.customer_code(123) == "KH0000123"
    with pytest.raises(ValueError):
        svc.customer_code(0)
