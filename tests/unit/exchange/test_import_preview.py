"""What the import preview shows and how it is reused: rows prepared once and planned
again under each policy, values as they will be stored, choices written in full, and
what a merged repeat keeps."""

from __future__ import annotations

from kehubao.exchange.importer import ImportOptions, run_import
from kehubao.exchange.records import read_source

from .helpers import by_name, import_rows, write_csv


def test_rows_prepared_once_plan_again_like_fresh_ones(seeded, tmp_path):
    """The import dialog prepares a file once and plans it again for each policy and for
    the import: the result must be what preparing afresh gives, and the kept rows must
    not pick up anything from a plan (a dropped code, a warning given twice)."""
    from kehubao.exchange.importer import plan, prepare_rows

    path = write_csv(tmp_path / "客户.csv", [
        ["客户编号", "客户名称", "联系人", "手机"],
        ["KH-777", "甲公司", "张三", "13900001111"],
        ["KH-777", "乙公司", "李四", "13900002222"],  # code already used above: dropped
        ["", "北京星辰科技有限公司", "张伟", "13812345678"],  # in the database
        ["", "甲公司", "张三", "13900001111"],  # repeat of the first row
    ])

    def outcome(rows):
        return [(r.line, r.action, r.customer, r.contact, r.warnings, r.match_customer,
                 r.same_as_line) for r in rows]

    with seeded.session(write=False) as s:
        source = read_source(path, session=s)
        prepared = prepare_rows(source)
        kept = outcome(prepared)
        for policy in ("skip", "merge", "new", "skip"):
            options = ImportOptions(on_duplicate=policy)
            assert outcome(plan(s, source, options, prepared=prepared)) == \
                outcome(plan(s, source, options))
            assert outcome(prepared) == kept
        merged = plan(s, source, ImportOptions(on_duplicate="merge"), prepared=prepared)
    assert [r.action for r in merged] == ["create", "create", "merge", "merge"]
    assert "code" not in merged[1].customer and prepared[1].customer["code"] == "KH-777"
    assert len(merged[1].warnings) == 1

    with seeded.session() as s:
        summary = run_import(s, source, ImportOptions(on_duplicate="merge"), prepared=prepared)
    assert (summary.created, summary.merged) == (2, 2)
    assert by_name(seeded)["甲公司"].customer.code == "KH-777"


def test_choices_written_in_full_are_understood(db, tmp_path):
    """Sheets say 意向客户, not 意向; 女士 and 男性, not 女 and 男; 个人客户 and 公司."""
    summary = import_rows(db, tmp_path, [
        ["客户名称", "客户性质", "客户状态", "联系人", "性别"],
        ["星辰科技", "公司", "意向客户", "王芳", "女士"],
        ["李强", "个人客户", "老客户", "李强", "男性"],
    ])
    assert summary.warnings == []
    stored = by_name(db)
    star, li = stored["星辰科技"], stored["李强"]
    assert (star.customer.kind, star.customer.status, star.contacts[0].gender) == \
        ("company", "intent", "female")
    assert (li.customer.kind, li.customer.status, li.contacts[0].gender) == \
        ("person", "stable", "male")
    assert star.customer.notes is None  # nothing fell back into the notes


def test_preview_shows_each_value_as_it_will_be_stored():
    from kehubao.exchange.fields import ImportField as F
    from kehubao.exchange.prepare import PREVIEW_FIELDS, prepare_row, preview_values
    from kehubao.exchange.records import SourceRow

    row = prepare_row(SourceRow(2, {
        F.CUSTOMER_NAME: ["北京星辰科技"], F.CONTACT_NAME: ["张伟"],
        F.MOBILE: ["138 1234 5678/13900001111"], F.BIRTHDAY: ["1978/3/5"],
        F.STATUS: ["意向客户"], F.TAGS: ["重点，华东"], F.CUSTOMER_PHONE: ["010 6234 5678"]}))
    assert preview_values(row) == {
        F.CUSTOMER_KIND: "单位", F.MOBILE: "13812345678", F.PHONE: "13900001111",
        F.BIRTHDAY: "1978-03-05", F.STATUS: "意向", F.TAGS: "重点、华东",
        F.CUSTOMER_PHONE: "010-62345678"}
    odd = prepare_row(SourceRow(4, {F.CONTACT_NAME: ["王芳"], F.BIRTHDAY: ["3月5日"],
                                     F.INDUSTRY: ["other"], F.SOURCE: ["good"]}))
    assert preview_values(odd)[F.BIRTHDAY] == "3月5日"  # no year known: none invented
    assert (preview_values(odd)[F.INDUSTRY], preview_values(odd)[F.SOURCE]) == ("other", "good")
    person = prepare_row(SourceRow(3, {F.CONTACT_NAME: ["李娜"], F.MOBILE: ["13812345678"]}))
    assert preview_values(person) == {F.CUSTOMER_KIND: "个人", F.MOBILE: "13812345678"}
    assert set(preview_values(row)) <= set(PREVIEW_FIELDS)


def test_a_merged_repeat_keeps_a_value_that_is_only_part_of_the_first(db, tmp_path):
    """0755-1234567 is not 0755-12345678: only notes may be skipped for being contained."""
    summary = import_rows(db, tmp_path, [
        ["客户名称", "单位电话", "地址", "备注"],
        ["甲公司", "0755-12345678", "深圳南山区科技园1号", "老客户"],
        ["甲公司", "0755-1234567", "深圳南山区科技园1号", "老客户"],
    ], on_duplicate="merge")
    assert summary.merged == 1
    notes = by_name(db)["甲公司"].customer.notes
    assert "0755-1234567" in notes and notes.count("老客户") == 1
