"""The rules with one owner each: the merge policy, the tag splitter and "same company"."""

from __future__ import annotations

from datetime import date

import pytest

from kehubao.exchange.fields import ImportField as F
from kehubao.exchange.matching import match_within_file
from kehubao.exchange.prepare import prepare_row
from kehubao.exchange.records import SourceRow
from kehubao.normalize import split_tags
from kehubao.services.company_names import company_name, same_company
from kehubao.services.contacts import CONTACT_FIELDS
from kehubao.services.customers import (
    CUSTOMER_FIELDS,
    add_tags,
    create_customer,
    get_customer,
    remove_tags,
    tag_names,
)
from kehubao.services.duplicates import find_duplicates
from kehubao.services.merge import merge_customers
from kehubao.services.record_merge import merge_record, note_entry, with_note

# ------------------------------------------------------------------------- merge policy


def test_merge_record_fills_empty_fields_and_notes_the_differing_ones():
    merged = merge_record(
        {"name": "甲公司", "phone": "0755-1", "city": None, "status": "potential", "notes": "老客户"},
        {"name": "甲公司（深圳）", "phone": "0755-2", "city": "深圳", "status": "deal",
         "industry": "", "notes": "老客户"},
        CUSTOMER_FIELDS, identity=("name",))

    assert merged.fill == {"city": "深圳"}
    assert merged.differing == ["电话：0755-2（原为 0755-1）", "客户状态：成交（原为 潜在）"]


def test_merge_record_notes_new_notes_and_keeps_contained_ones_quiet():
    assert merge_record({"notes": "老客户，年底回访"}, {"notes": "年底回访"},
                        CUSTOMER_FIELDS).differing == []
    assert merge_record({"notes": "老客户"}, {"notes": "管采购"},
                        CUSTOMER_FIELDS).differing == ["备注：管采购"]
    assert merge_record({"notes": None}, {"notes": "管采购"}, CUSTOMER_FIELDS).fill == {
        "notes": "管采购"}


def test_merge_record_takes_what_the_user_chose_and_prefixes_contact_lines():
    merged = merge_record({"title": "经理", "birthday": None, "mobile": "138"},
                          {"title": "总监", "birthday": date(1980, 1, 2), "mobile": "139"},
                          CONTACT_FIELDS, take=("mobile",), prefix="联系人张伟·")

    assert merged.fill == {"birthday": date(1980, 1, 2), "mobile": "139"}
    assert merged.differing == ["联系人张伟·职务：总监（原为 经理）"]


def test_note_entry_has_one_wording_and_is_appended_on_its_own_line():
    entry = note_entry("第 3 行", ["电话：2（原为 1）", "备注：新"])
    assert entry == "【第 3 行】不同的值：电话：2（原为 1）；备注：新"
    assert note_entry("第 3 行", []) is None
    assert with_note("老客户", entry) == "老客户\n" + entry
    assert with_note(None, entry) == entry
    assert with_note("老客户", None) == "老客户"


def test_merging_two_customers_keeps_the_values_not_taken_in_the_notes(db):
    with db.session() as s:
        keep = create_customer(s, {"name": "星辰科技", "phone": "010-62345678", "city": "北京",
                                   "notes": "老客户"}, tags=["VIP"])
        keep.code = None  # a record from before codes were given out automatically
        other = create_customer(s, {"name": "北京星辰科技有限公司", "phone": "010-88889999",
                                    "city": "上海", "industry": "电子", "notes": "展会认识",
                                    "code": "KH-9"}, tags=["北京"])
        keep_id, other_id = keep.id, other.id
    with db.session() as s:
        merge_customers(s, keep_id, other_id, {"city": True, "phone": False})
    with db.session(write=False) as s:
        kept = get_customer(s, keep_id)
        assert (kept.phone, kept.city, kept.industry, kept.code) == (
            "010-62345678", "上海", "电子", "KH-9")
        assert kept.notes == ("老客户\n【合并自“北京星辰科技有限公司”】不同的值："
                              "电话：010-88889999（原为 010-62345678）；备注：展会认识")
        assert {t.name for t in kept.tags} == {"VIP", "北京"}
        assert get_customer(s, other_id, include_deleted=True).merged_into_id == keep_id


# ---------------------------------------------------------------------------- tags


@pytest.mark.parametrize(("text", "tags"), [
    ("VIP，北京、重点", ["VIP", "北京", "重点"]),
    ("VIP,北京;重点；老客户/经销商|华东\n展会", ["VIP", "北京", "重点", "老客户", "经销商", "华东", "展会"]),
    (" VIP ,, VIP ，、北京 ", ["VIP", "北京"]),
    ("朋友 ::: 同事", ["朋友", "同事"]),
    ("", []),
    (None, []),
])
def test_split_tags(text, tags):
    assert split_tags(text) == tags


def test_services_split_tags_given_as_text(db):
    assert tag_names(["VIP，北京", "北京；重点", None]) == ["VIP", "北京", "重点"]
    with db.session() as s:
        customer = create_customer(s, {"name": "甲公司"}, tags="VIP，北京/重点")
        cid = customer.id
        assert sorted(t.name for t in customer.tags) == ["VIP", "北京", "重点"]
    with db.session() as s:
        add_tags(s, [cid], "华东、VIP")
        remove_tags(s, [cid], "北京;重点")
    with db.session(write=False) as s:
        assert sorted(t.name for t in get_customer(s, cid).tags) == ["VIP", "华东"]


def test_the_importer_splits_tags_by_the_same_rule():
    row = prepare_row(SourceRow(2, {F.CUSTOMER_NAME: ["甲公司"], F.TAGS: ["*VIP/北京；VIP", "myContacts"]}))
    assert row.tags == ["VIP", "北京"]


# -------------------------------------------------------------------- same company


@pytest.mark.parametrize(("a", "b", "same"), [
    # legal forms and trades at the end say nothing about which company it is
    ("星辰科技有限责任公司", "星辰科技有限公司", True),
    ("星辰科技股份有限公司", "星辰科技有限公司", True),
    ("华为", "华为技术有限公司", True),
    # a city stated by one name only; in brackets too
    ("上海明月贸易有限公司", "明月贸易", True),
    ("上海市明月贸易有限公司", "明月", True),
    ("明月贸易（上海）有限公司", "上海明月贸易有限公司", True),
    ("广州南方电子厂", "南方电子", True),
    # two different cities are two companies
    ("北京星辰科技有限公司", "上海星辰科技有限公司", False),
    ("联想（北京）有限公司", "联想（上海）有限公司", False),
    # a short core inside a longer one is not enough; a long one is
    ("华为", "华为终端有限公司", False),
    ("王", "王记烧烤", False),
    ("张伟", "张伟伟", False),
    ("华远数控", "华远数控设备", True),
    # a typo in a long name
    ("深圳市华远精密数控机械有限公司", "华远精密数空机械", True),
    ("甲公司", "乙公司", False),
    ("", "甲公司", False),
])
def test_same_company(a, b, same):
    assert same_company(a, b) is same
    assert same_company(b, a) is same


def test_company_name_reads_place_and_core():
    assert company_name("广东省深圳市华远数控有限公司").core == "华远数控"
    assert company_name("广东省深圳市华远数控有限公司").place == "深圳"


def test_the_import_and_the_duplicate_hint_agree_on_same_company(db):
    """A legal form written two ways: one customer for both callers."""
    rows = [prepare_row(SourceRow(n, {F.CUSTOMER_NAME: [name], F.CUSTOMER_PHONE: ["010-62345678"]}))
            for n, name in ((2, "星辰科技有限责任公司"), (3, "北京星辰科技有限公司"))]
    match_within_file(rows)
    assert rows[1].same_as_line == 2
    with db.session() as s:
        create_customer(s, {"name": "星辰科技有限责任公司"})
    with db.session(write=False) as s:
        found = find_duplicates(s, name="北京星辰科技有限公司")
    assert [d.customer_name for d in found] == ["星辰科技有限责任公司"]
