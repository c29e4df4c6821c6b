"""Exporting customers to CSV, XLSX and vCard, and round trips back through import."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import update

from kehubao.db import Database
from kehubao.errors import UserError
from kehubao.exchange.exporter import HEADERS, export, neutralise
from kehubao.exchange.importer import ImportOptions, plan
from kehubao.exchange.records import read_source
from kehubao.models import Customer
from kehubao.services.contacts import create_contact
from kehubao.services.customer_list import CustomerFilter
from kehubao.services.customers import create_customer

from .helpers import (
    H,
    all_contacts,
    by_name,
    import_file,
    index_problems,
    row,
    stored_customers,
    table_counts,
    write_csv,
)

# ---------------------------------------------------------------------------- 11. export


def exported_csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_csv_export_has_bom_and_chinese_headers(tricky_db, tmp_path):
    path = tmp_path / "导出.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv")

    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    header = data[3:].decode("utf-8").splitlines()[0].split(",")
    assert header == HEADERS and header[:2] == ["客户编号", "客户名称"]
    assert (summary.customers, summary.rows) == (4, 5)  # one row per contact, or per customer


def test_csv_export_neutralises_formulas(tricky_db, tmp_path):
    path = tmp_path / "导出.csv"
    with tricky_db.session(write=False) as s:
        export(s, path, "csv")

    rows = exported_csv_rows(path)
    zhang = next(r for r in rows if r["联系人"] == "张伟")
    assert zhang["客户名称"] == "'=HYPERLINK(\"http://evil.example\",\"点我\")"
    assert zhang["备注"] == "'+86 客户说下周回电"
    assert zhang["职务"] == "'-总经理"
    assert zhang["联系人备注"] == "'@王总 跟进"
    assert zhang["手机"] == "13812345678" and zhang["生日"] == "1978-03-05"
    mingyue = next(r for r in rows if r["客户名称"] == "上海明月贸易有限公司")
    assert mingyue["备注"] == "'-尽快报价\n第二行"
    li = next(r for r in rows if r["联系人"] == "李娜")
    assert li["生日"] == "2月29日"  # a birthday without a year
    for r in rows:  # nothing that a spreadsheet would evaluate
        assert not any(v[:1] in ("=", "+", "-", "@") for v in r.values() if v), r


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_values_come_back_unchanged_on_reimport(tricky_db, make_db, tmp_path, fmt):
    path = tmp_path / f"导出.{fmt}"
    with tricky_db.session(write=False) as s:
        export(s, path, fmt)
    target = make_db("target.db")

    summary = import_file(target, path)

    assert summary.errors == [] and summary.warnings == []
    customers = by_name(target)
    evil = customers['=HYPERLINK("http://evil.example","点我")']
    assert evil.customer.notes == "+86 客户说下周回电"
    assert evil.contact("张伟").title == "-总经理"
    assert evil.contact("张伟").notes == "@王总 跟进"
    assert evil.contact("李娜").birthday == date(1604, 2, 29)
    assert customers["上海明月贸易有限公司"].customer.notes == "-尽快报价\n第二行"
    assert customers["上海明月贸易有限公司"].customer.code == "KH-001"
    assert customers["欧阳娜娜"].customer.kind == "person"


def test_xlsx_export_drops_control_characters_xml_cannot_hold(db, tmp_path):
    """A stray control character (an imported CSV may carry one) made openpyxl refuse the
    whole export; XLSX (XML 1.0) cannot store them, so they are left out."""
    with db.session() as s:
        customer = create_customer(s, {"name": "星辰\x01科技", "notes": "第一行\x0b第二行\x1f"})
        create_contact(s, customer.id, {"name": "张\x08伟", "notes": "第一行\n第二行"})
    path = tmp_path / "导出.xlsx"
    with db.session(write=False) as s:
        export(s, path, "xlsx")
    ws = openpyxl.load_workbook(path).active
    cells = {h: c.value for h, c in zip(HEADERS, ws[2], strict=False)}
    assert (cells["客户名称"], cells["备注"], cells["联系人"]) == ("星辰科技", "第一行第二行", "张伟")
    assert cells["联系人备注"] == "第一行\n第二行"  # a line feed is allowed


# Leading blanks and control characters do not stop a spreadsheet from running a formula.
HIDDEN_FORMULAS = {"name": '\n=HYPERLINK("http://evil.example","点我")', "notes": " +86 回电",
                   "address": "\u3000-1+1", "industry": "\x01@SUM(1)", "region": "\r\n=1+1"}


@pytest.fixture
def hidden_formulas_db(db) -> Database:  # type: ignore[no-untyped-def]
    """Values as older versions or other programs may have stored them (saving through
    the services strips the blanks, so they are written directly)."""
    with db.session() as s:
        customer = create_customer(s, {"name": "临时", "status": "stable"})
        s.execute(update(Customer).where(Customer.id == customer.id).values(**HIDDEN_FORMULAS))
    return db


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("\n=1+1", "'\n=1+1"), ("\r\n+86", "'\r\n+86"), (" -3", "' -3"),
    ("\u3000@x", "'\u3000@x"), ("\x00\x1f=1", "'\x00\x1f=1"), ("\tabc", "'\tabc"),
    ("\rabc", "'\rabc"), ("\nabc", "\nabc"), ("a=b", "a=b"), ("", ""), ("张伟", "张伟"),
])
def test_neutralise_sees_formulas_behind_blanks_and_control_characters(value, expected):
    assert neutralise(value) == expected


def test_csv_export_neutralises_formulas_behind_blanks(hidden_formulas_db, make_db, tmp_path):
    path = tmp_path / "导出.csv"
    with hidden_formulas_db.session(write=False) as s:
        export(s, path, "csv")
    [exported] = exported_csv_rows(path)
    columns = {"name": "客户名称", "notes": "备注", "address": "地址", "industry": "行业",
               "region": "区域"}
    for field, header in columns.items():
        assert exported[header] == "'" + HIDDEN_FORMULAS[field], header

    target = make_db("target.db")
    import_file(target, path)  # our own protection comes off again
    [back] = stored_customers(target)
    assert back.customer.name == '=HYPERLINK("http://evil.example","点我")'
    assert back.customer.notes.startswith("+86 回电")


def test_xlsx_export_keeps_formulas_behind_blanks_as_text(hidden_formulas_db, tmp_path):
    path = tmp_path / "导出.xlsx"
    with hidden_formulas_db.session(write=False) as s:
        export(s, path, "xlsx")
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")  # no formula at all
    ws = openpyxl.load_workbook(path).active
    cells = {h: c for h, c in zip(HEADERS, ws[2], strict=False)}
    assert cells["客户名称"].data_type == "s"
    assert cells["客户名称"].value.lstrip() == '=HYPERLINK("http://evil.example","点我")'


def test_xlsx_export_layout_and_cell_types(tricky_db, tmp_path):
    path = tmp_path / "导出.xlsx"
    with tricky_db.session(write=False) as s:
        export(s, path, "xlsx")

    ws = openpyxl.load_workbook(path).active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(HEADERS))}6"
    assert [c.value for c in ws[1]] == HEADERS
    assert all(c.font.b for c in ws[1])
    col = {h: i for i, h in enumerate(HEADERS)}
    zhang = next(r for r in ws.iter_rows(min_row=2) if r[col["联系人"]].value == "张伟")
    name = zhang[col["客户名称"]]
    assert name.value == '=HYPERLINK("http://evil.example","点我")' and name.data_type == "s"
    birthday = zhang[col["生日"]]
    assert birthday.is_date and birthday.value.date() == date(1978, 3, 5)
    mobile = zhang[col["手机"]]
    assert mobile.value == "13812345678" and mobile.data_type == "s"
    li = next(r for r in ws.iter_rows(min_row=2) if r[col["联系人"]].value == "李娜")
    assert li[col["电话"]].value == "010-62345678" and li[col["电话"]].data_type == "s"
    assert li[col["生日"]].value == "2月29日"
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


@pytest.mark.parametrize("version", ["3.0", "2.1"])
def test_vcard_export_reimports_with_equal_names_phones_and_companies(tricky_db, make_db,
                                                                      tmp_path, version):
    path = tmp_path / f"名片{version}.vcf"
    with tricky_db.session(write=False) as s:
        export(s, path, "vcf", vcard_version=version)
    if version == "2.1":
        path.read_bytes().decode("ascii")  # 2.1 phones want plain ASCII + quoted-printable
    target = make_db("target.db")

    summary = import_file(target, path)

    assert summary.errors == []
    def people(database: Database) -> set[tuple[str, str, str | None, str | None]]:
        return {(company, c.name, c.mobile, c.phone) for company, c in all_contacts(database)}
    # (an individual customer without contacts comes back with a contact of its own name)
    assert people(target) - people(tricky_db) <= {("欧阳娜娜", "欧阳娜娜", None, None)}
    assert people(tricky_db) <= people(target)
    assert {c.customer.name for c in stored_customers(target)} == \
        {c.customer.name for c in stored_customers(tricky_db)}
    assert by_name(target)["广州南方电子厂"].customer.email == "info@nanfang.cn"


def test_export_of_a_status_filter_contains_exactly_the_matching_customers(tricky_db, tmp_path):
    path = tmp_path / "稳定客户.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv", filt=CustomerFilter(statuses=("stable",)))

    names = {r["客户名称"] or r["联系人"] for r in exported_csv_rows(path)}
    assert names == {"'=HYPERLINK(\"http://evil.example\",\"点我\")", "欧阳娜娜"}
    assert summary.customers == 2


def test_export_of_an_industry_filter_contains_exactly_the_matching_customers(tricky_db, tmp_path):
    path = tmp_path / "电子行业.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv", filt=CustomerFilter(industry="电子"))

    assert {r["客户名称"] for r in exported_csv_rows(path)} == {"上海明月贸易有限公司", "广州南方电子厂"}
    assert summary.customers == 2


def test_export_of_a_tag_filter_contains_exactly_the_tagged_customers(tricky_db, tmp_path):
    evil = next(c for c in stored_customers(tricky_db) if c.tags == {"VIP"})
    tag_id = evil.customer.tags[0].id
    path = tmp_path / "VIP.csv"
    with tricky_db.session(write=False) as s:
        export(s, path, "csv", filt=CustomerFilter(tag_id=tag_id))

    rows = exported_csv_rows(path)
    assert sorted(r["联系人"] for r in rows) == ["张伟", "李娜"]
    assert {r["标签"] for r in rows} == {"VIP"}


def test_export_of_selected_ids_keeps_their_order_and_nothing_else(tricky_db, tmp_path):
    ids = {c.customer.name: c.customer.id for c in stored_customers(tricky_db)}
    chosen = [ids["广州南方电子厂"], ids["上海明月贸易有限公司"]]
    path = tmp_path / "选中.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv", ids=chosen)

    assert [r["客户名称"] for r in exported_csv_rows(path)] == ["广州南方电子厂", "上海明月贸易有限公司"]
    assert (summary.customers, summary.rows) == (2, 2)


def test_export_leaves_out_deleted_contacts_and_recycle_bin(tricky_db, tmp_path):
    from kehubao.services.contacts import delete_contacts
    from kehubao.services.customers import delete_customers
    by = by_name(tricky_db)
    with tricky_db.session() as s:
        delete_contacts(s, [by["上海明月贸易有限公司"].contact("王芳").id])
        delete_customers(s, [by["广州南方电子厂"].customer.id])
    path = tmp_path / "导出.csv"
    with tricky_db.session(write=False) as s:
        export(s, path, "csv")

    rows = exported_csv_rows(path)
    assert "王芳" not in {r["联系人"] for r in rows}
    assert "广州南方电子厂" not in {r["客户名称"] for r in rows}
    assert any(r["客户名称"] == "上海明月贸易有限公司" and r["联系人"] == "" for r in rows)


def test_export_to_a_binary_stream(tricky_db):
    buf = io.BytesIO()
    with tricky_db.session(write=False) as s:
        summary = export(s, buf, "csv")
    assert summary.path == "-"
    assert buf.getvalue().startswith(codecs.BOM_UTF8)
    assert "上海明月贸易有限公司" in buf.getvalue().decode("utf-8-sig")


def test_export_rejects_unknown_format_and_unwritable_target(tricky_db, tmp_path):
    with tricky_db.session(write=False) as s:
        with pytest.raises(UserError, match="不支持的导出格式"):
            export(s, tmp_path / "a.pdf", "pdf")
        with pytest.raises(UserError, match="无法写入文件"):
            export(s, tmp_path / "没有这个文件夹" / "a.csv", "csv")


# ------------------------------------------------------------------------ 12. round trip


def customer_facts(database: Database) -> set[tuple]:
    return {(c.customer.name, c.customer.code, c.customer.kind, c.customer.customer_type,
             c.customer.status, c.customer.industry, c.customer.province, c.customer.city,
             c.customer.district, c.customer.address, c.customer.region, c.customer.source,
             c.customer.phone, c.customer.email, c.customer.notes,
             c.customer.owner.name if c.customer.owner else None, frozenset(c.tags))
            for c in stored_customers(database)}


def contact_facts(database: Database) -> set[tuple]:
    return {(company, p.name, p.mobile, p.phone, p.email, p.title, p.department, p.gender,
             p.wechat, p.qq, p.birthday, p.notes)
            for company, p in all_contacts(database)}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_demo_database_round_trips_through_every_format(demo_db, make_db, tmp_path, fmt):
    path = tmp_path / f"全部.{fmt}"
    with demo_db.session(write=False) as s:
        exported = export(s, path, fmt)
    target = make_db(f"from_{fmt}.db")

    summary = import_file(target, path)

    assert summary.errors == [] and summary.warnings == []
    assert summary.created == exported.customers
    source_customers = customer_facts(demo_db)
    assert len(source_customers) == exported.customers  # the comparison is not degenerate
    assert customer_facts(target) == source_customers
    assert contact_facts(target) == contact_facts(demo_db)
    assert index_problems(target) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_individual_customer_with_two_contacts_round_trips(db, make_db, tmp_path, fmt):
    with db.session() as s:
        nana = create_customer(s, {"name": "欧阳娜娜", "kind": "person"})
        create_contact(s, nana.id, {"name": "欧阳娜娜", "mobile": "15012345678"})
        create_contact(s, nana.id, {"name": "小李（助理）", "mobile": "15012345679"})
    path = tmp_path / f"个人.{fmt}"
    with db.session(write=False) as s:
        export(s, path, fmt)
    target = make_db("target.db")

    import_file(target, path)

    assert set(by_name(target)) == {"欧阳娜娜"}
    assert [c.name for c in by_name(target)["欧阳娜娜"].contacts] == ["欧阳娜娜", "小李（助理）"]


def test_round_trip_import_of_own_export_into_same_database_skips_everything(demo_db, tmp_path):
    path = tmp_path / "全部.csv"
    with demo_db.session(write=False) as s:
        exported = export(s, path, "csv")
    before = table_counts(demo_db)

    summary = import_file(demo_db, path)

    assert summary.skipped == exported.rows
    after = table_counts(demo_db)
    assert (after["customer"], after["contact"]) == (before["customer"], before["contact"])


# -------------------------------------------------------------------------- 13. dry run


def test_plan_reads_only_and_says_what_each_row_will_do(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678"),
            row("北京星辰科技有限公司", "李娜"),
            row("广州南方电子厂", "王芳"),
            row(mobile="13600003333")]
    path = write_csv(tmp_path / "预览.csv", rows)
    before = table_counts(seeded)

    with seeded.session() as s:
        planned = plan(s, read_source(path, session=s), ImportOptions(on_duplicate="merge"))

    assert table_counts(seeded) == before
    assert [(r.line, r.action) for r in planned] == [(2, "merge"), (3, "create"), (4, "create"),
                                                    (5, "error")]
    assert planned[0].match_reason == "号码相同" and planned[0].match_contact is not None
    assert planned[1].match_customer == planned[0].match_customer  # added to the same company


def test_dry_run_counts_like_a_real_import_but_writes_nothing(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678", email="zw@new.cn"),
            row("北京星辰科技有限公司", "李娜"),
            row("广州南方电子厂", "王芳", tags="新客户"),
            row("广州南方电子厂", "赵强")]
    path = write_csv(tmp_path / "预览.csv", rows)
    before = table_counts(seeded)

    dry = import_file(seeded, path, on_duplicate="merge", dry_run=True)

    assert table_counts(seeded) == before
    assert dry.dry_run is True and dry.operation_id is None
    real = import_file(seeded, path, on_duplicate="merge")
    assert (dry.created, dry.contacts_added, dry.merged, dry.skipped) == \
        (real.created, real.contacts_added, real.merged, real.skipped) == (1, 3, 1, 0)


def test_export_never_overwrites_a_database_file(tricky_db, tmp_path):
    target = tmp_path / "kehubao.db"
    target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84)
    before = target.read_bytes()
    with tricky_db.session(write=False) as s:
        with pytest.raises(UserError, match="数据库文件"):
            export(s, target, "csv")
    assert target.read_bytes() == before
