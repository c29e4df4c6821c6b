"""How imported rows become customers and contacts: companies and people, duplicates
of the database and within the file, and all-or-nothing writing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kehubao.errors import UserError
from kehubao.exchange.importer import ImportOptions, ImportRejected, run_import
from kehubao.exchange.records import read_source
from kehubao.models import Contact, Customer
from kehubao.services.customers import create_customer

from .helpers import (
    CJK,
    SEED,
    H,
    all_contacts,
    by_name,
    customer_names,
    hit_titles,
    import_file,
    import_rows,
    index_problems,
    row,
    table_counts,
    write_csv,
)

# --------------------------------------------------------------------------- 4. rows


def test_company_with_contact_becomes_company_customer_with_primary_contact(db, tmp_path):
    import_rows(db, tmp_path, [H, row("北京星辰科技有限公司", "张伟", "总经理", "13812345678")])

    star = by_name(db)["北京星辰科技有限公司"]
    assert star.customer.kind == "company"
    assert star.customer.status == "potential"
    assert [c.name for c in star.contacts] == ["张伟"]
    assert star.contacts[0].is_primary is True
    assert star.contacts[0].title == "总经理"


def test_contact_without_company_becomes_individual_customer(db, tmp_path):
    import_rows(db, tmp_path, [H, row(person="欧阳娜娜", mobile="15012345678")])

    nana = by_name(db)["欧阳娜娜"]
    assert nana.customer.kind == "person"
    assert nana.contact("欧阳娜娜").mobile == "15012345678"


def test_rows_of_the_same_company_become_one_customer_with_several_contacts(db, tmp_path):
    rows = [H,
            row("北京星辰科技有限公司", "张伟", "总经理", "13812345678", tags="VIP"),
            row("北京星辰科技有限公司", "李娜", "采购", "13900001111", tags="北京"),
            row("北京星辰科技有限公司 ", "王芳", "财务", "13700002222"),  # trailing space
            row("上海明月贸易有限公司", "赵强", mobile="13600003333")]

    summary = import_rows(db, tmp_path, rows)

    assert (summary.created, summary.contacts_added) == (2, 4)
    star = by_name(db)["北京星辰科技有限公司"]
    assert [c.name for c in star.contacts] == ["张伟", "李娜", "王芳"]
    assert [c.is_primary for c in star.contacts] == [True, False, False]
    assert star.tags == {"VIP", "北京"}


def test_notes_of_every_row_of_one_company_are_kept(db, tmp_path):
    rows = [H,
            row("北京星辰科技有限公司", "张伟", mobile="13812345678", notes="张总：老客户"),
            row("北京星辰科技有限公司", "李娜", mobile="13900001111", email="bad@@mail",
                notes="李娜：管采购")]

    summary = import_rows(db, tmp_path, rows)

    assert summary.warnings == [(3, "邮箱“bad@@mail”格式不对，已放入备注")]  # says: kept in notes
    notes = by_name(db)["北京星辰科技有限公司"].customer.notes
    assert "张总：老客户" in notes
    assert "李娜：管采购" in notes
    assert "bad@@mail" in notes


@pytest.mark.parametrize(
    "bad_row",
    [
        pytest.param(row(mobile="13812345678", email="x@y.cn", notes="只有号码"), id="no-name"),
        pytest.param(row("公司" * 101, "张伟"), id="company-name-too-long"),
        pytest.param(row("北京星辰科技有限公司", "张" * 61), id="contact-name-too-long"),
    ],
)
def test_invalid_row_is_reported_with_its_line_number(db, tmp_path, bad_row):
    rows = [H, row("上海明月贸易有限公司", "李娜"), bad_row]

    with pytest.raises(ImportRejected) as caught:
        import_rows(db, tmp_path, rows)

    errors = caught.value.summary.errors
    assert [line for line, _ in errors] == [3]
    assert CJK.search(errors[0][1])
    assert "第 3 行" in str(caught.value)


# ------------------------------------------------------------------------ 5. duplicates

DUPLICATES = {
    "same-mobile": ["", "星辰科技", "张总", "", "138-1234-5678", "", "", ""],
    "same-email": ["", "", "张伟", "", "", "ZhangWei@XingChen.cn", "", ""],
    "same-person-same-company": ["", "北京星辰科技有限公司", "张伟", "", "", "", "", ""],
    "same-customer-code": ["KH-001", "明月贸易", "", "", "", "", "", ""],
    "same-company-name": ["", "上海明月贸易有限公司", "", "", "", "", "", ""],
    "same-switchboard": ["", "明月", "", "", "", "", "(021) 6234-5678", ""],
}


def test_a_shared_number_or_mailbox_under_another_name_is_another_person(seeded, tmp_path):
    """Colleagues share the office line and info@ mailboxes; a different name with the
    same number is someone else (kept, with a warning when not a colleague)."""
    office = ["客户名称", "联系人", "手机", "电话", "邮箱"]
    rows = [office,
            ["甲公司", "张三", "13812345601", "010-12345678", "info@jia.com"],
            ["甲公司", "李四", "13812345602", "010-12345678", "info@jia.com"],
            ["乙公司", "赵六", "", "010-12345678", ""],
            ["丙公司", "王五", "13812345678", "", ""]]  # the seeded 张伟's mobile

    summary = import_rows(seeded, tmp_path, rows, name="同事.csv")

    assert (summary.created, summary.contacts_added, summary.skipped) == (3, 4, 0)
    warned = {line for line, _w in summary.warnings}
    assert warned == {4, 5}  # 赵六 (another company's row 2 line) and 王五 (张伟's mobile)
    with seeded.session(write=False) as s:
        names = set(s.scalars(select(Contact.name).where(Contact.deleted_at.is_(None))))
    assert {"张三", "李四", "赵六", "王五", "张伟"} <= names


def test_a_title_for_a_name_with_the_same_number_is_the_same_person(seeded, tmp_path):
    rows = [SEED[0], ["", "星辰", "张经理", "", "13812345678", "", "", ""],
            ["", "星辰", "老张", "", "", "zhangwei@xingchen.cn", "", ""]]

    summary = import_rows(seeded, tmp_path, rows, name="称呼.csv")

    assert (summary.skipped, summary.created) == (2, 0)


@pytest.mark.parametrize("duplicate", DUPLICATES.values(), ids=DUPLICATES.keys())
def test_duplicate_of_database_record_is_skipped(seeded, tmp_path, duplicate):
    before = table_counts(seeded)

    summary = import_rows(seeded, tmp_path, [SEED[0], duplicate], name="第二批.csv")

    counts = (summary.skipped, summary.created, summary.contacts_added, summary.merged)
    assert counts == (1, 0, 0, 0)
    assert summary.outcomes[0][1] == "跳过" and summary.outcomes[0][3]  # with a reason
    after = table_counts(seeded)
    for table in ("customer", "contact", "customer_tag", "search_doc"):
        assert after[table] == before[table], table


def test_importing_the_same_file_twice_changes_nothing_the_second_time(db, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678"),
            row("北京星辰科技有限公司", "李娜", email="lina@xingchen.cn"),
            row(person="欧阳娜娜"), row("广州南方电子厂")]
    import_rows(db, tmp_path, rows)
    before = table_counts(db)

    summary = import_rows(db, tmp_path, rows)

    assert (summary.skipped, summary.created, summary.contacts_added) == (4, 0, 0)
    after = table_counts(db)
    assert {t: after[t] for t in ("customer", "contact", "search_doc")} == \
        {t: before[t] for t in ("customer", "contact", "search_doc")}


def test_new_person_at_existing_company_is_added_to_that_customer(seeded, tmp_path):
    summary = import_rows(seeded, tmp_path,
                          [H, row("北京星辰科技有限公司", "李娜", "采购", "13900001111")])

    assert (summary.created, summary.contacts_added) == (0, 1)
    assert summary.outcomes[0][3] == "单位已存在，添加为新联系人"
    star = by_name(seeded)["北京星辰科技有限公司"]
    assert [c.name for c in star.contacts] == ["张伟", "李娜"]
    assert star.contact("李娜").mobile == "13900001111"
    assert index_problems(seeded) == []
    assert "李娜" in hit_titles(seeded, "李娜")


def test_new_person_at_existing_company_keeps_notes_and_tags_of_the_row(seeded, tmp_path):
    summary = import_rows(seeded, tmp_path,
                          [H, row("北京星辰科技有限公司", "李娜", phone="BusinessPhone",
                                  tags="VIP", notes="展会认识")])

    assert summary.warnings == [(2, "号码“BusinessPhone”无法识别，已放入备注")]
    star = by_name(seeded)["北京星辰科技有限公司"]
    everything = " ".join(filter(None, [star.customer.notes, star.contact("李娜").notes]))
    assert "BusinessPhone" in everything
    assert "展会认识" in everything
    assert "VIP" in star.tags


def test_merge_fills_empty_fields_and_keeps_differing_values_as_history(seeded, tmp_path):
    rows = [["客户名称", "联系人", "职务", "手机", "微信", "生日", "标签", "备注"],
            ["北京星辰科技有限公司", "张伟", "销售总监", "138 1234 5678", "zw_wechat", "1978-03-05",
             "VIP", "年底回访"]]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert (summary.merged, summary.created, summary.contacts_added) == (1, 0, 0)
    star = by_name(seeded)["北京星辰科技有限公司"]
    assert len(star.contacts) == 1
    zhang = star.contact("张伟")
    assert zhang.wechat == "zw_wechat"  # empty before: filled
    assert zhang.birthday == date(1978, 3, 5)
    assert zhang.title == "总经理"  # differing: the database value stays ...
    notes = star.customer.notes
    assert notes.startswith("老客户\n")
    assert "不同的值" in notes and "销售总监" in notes  # ... and the file's is history
    assert "年底回访" in notes
    assert star.tags == {"VIP"}


def test_merge_of_company_only_row_fills_the_company(seeded, tmp_path):
    rows = [["客户编号", "客户名称", "城市", "单位邮箱"],
            ["KH-001", "明月贸易", "上海", "info@mingyue.com"]]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert summary.merged == 1
    mingyue = by_name(seeded)["上海明月贸易有限公司"]  # the name in the database stays
    assert (mingyue.customer.city, mingyue.customer.email) == ("上海", "info@mingyue.com")
    assert mingyue.customer.code == "KH-001"


def test_on_duplicate_new_creates_a_second_contact_record(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", "销售总监", "13812345678")]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="new")

    assert summary.contacts_added == 1 and summary.skipped == summary.merged == 0
    zhangs = [(company, c.title) for company, c in all_contacts(seeded) if c.name == "张伟"]
    assert sorted(zhangs) == [("北京星辰科技有限公司", "总经理"), ("北京星辰科技有限公司", "销售总监")]


def test_on_duplicate_new_does_not_copy_the_existing_company(seeded, tmp_path):
    import_rows(seeded, tmp_path, [H, row("北京星辰科技有限公司", "张伟", "销售总监", "13812345678")],
                on_duplicate="new")

    assert customer_names(seeded)["北京星辰科技有限公司"] == 1
    assert len(by_name(seeded)["北京星辰科技有限公司"].contacts) == 2


@pytest.mark.parametrize(
    ("policy", "override", "expected"),
    [
        ("skip", "merge", "merged"),
        ("skip", "create", "created"),
        ("merge", "skip", "skipped"),
        ("new", "skip", "skipped"),
    ],
)
def test_per_row_override_wins_over_the_policy(seeded, tmp_path, policy, override, expected):
    rows = [H, row("北京星辰科技有限公司", "李娜", mobile="13900001111"),  # line 2: new contact
            row("北京星辰科技有限公司", "张伟", mobile="13812345678", email="zw@new.cn")]  # line 3
    before = table_counts(seeded)

    summary = import_rows(seeded, tmp_path, rows, on_duplicate=policy, overrides={3: override})

    outcome = {line: action for line, action, *_ in summary.outcomes}
    assert outcome == {2: "新建", 3: {"merged": "合并", "created": "新建", "skipped": "跳过"}[expected]}
    zhangs = [c for _company, c in all_contacts(seeded) if c.name == "张伟"]
    if expected == "merged":
        assert summary.merged == 1
        assert [c.email for c in zhangs] == ["zhangwei@xingchen.cn"]  # kept; new one is history
        assert "zw@new.cn" in by_name(seeded)["北京星辰科技有限公司"].customer.notes
    elif expected == "created":
        assert len(zhangs) == 2
    else:
        assert summary.skipped == 1
        assert len(zhangs) == 1
        assert table_counts(seeded)["contact"] == before["contact"] + 1  # only 李娜


def test_override_can_skip_a_row_that_is_not_a_duplicate(db, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟"), row("上海明月贸易有限公司", "李娜")]

    summary = import_rows(db, tmp_path, rows, overrides={3: "skip"})

    assert summary.skipped == 1
    assert set(by_name(db)) == {"北京星辰科技有限公司"}


@pytest.mark.parametrize(
    ("policy", "contacts", "skipped", "merged"),
    [("skip", 1, 1, 0), ("merge", 1, 0, 1), ("new", 2, 0, 0)],
)
def test_duplicate_rows_within_one_file(db, tmp_path, policy, contacts, skipped, merged):
    rows = [H,
            row("北京星辰科技有限公司", "张伟", "总经理", "13812345678"),
            row("北京星辰科技有限公司", "张伟", "销售总监", "138 1234 5678", email="zw@xingchen.cn")]

    summary = import_rows(db, tmp_path, rows, on_duplicate=policy)

    assert (summary.skipped, summary.merged) == (skipped, merged)
    assert summary.outcomes[1][3] == "与第 2 行重复"
    zhangs = [c for _company, c in all_contacts(db) if c.name == "张伟"]
    assert len(zhangs) == contacts
    if policy == "merge":
        assert zhangs[0].email == "zw@xingchen.cn"  # filled from the repeat
        assert zhangs[0].title == "总经理"
        assert "销售总监" in by_name(db)["北京星辰科技有限公司"].customer.notes


def test_merged_repeat_within_a_file_keeps_its_notes_in_words_the_user_reads(db, tmp_path):
    rows = [["客户名称", "联系人", "职务", "手机", "邮箱", "备注"],
            ["甲公司", "张伟", "经理", "13812345678", "zw@example.com", "第一次"],
            ["甲公司", "张 伟", "总监", "", "ZW@EXAMPLE.COM", "第二次"]]

    summary = import_rows(db, tmp_path, rows, on_duplicate="merge")

    assert summary.merged == 1
    [(_name, zhang)] = all_contacts(db)
    assert zhang.name == "张伟" and zhang.title == "经理"
    notes = by_name(db)["甲公司"].customer.notes
    assert "第一次" in notes and "第二次" in notes
    assert "职务：总监" in notes
    assert "title" not in notes


def test_repeat_within_file_of_a_database_record_is_matched_to_that_record(seeded, tmp_path):
    rows = [H, row("星辰", "张总", mobile="13812345678"),
            row("星辰", "张总", mobile="13812345678", email="other@x.cn")]
    before = table_counts(seeded)

    summary = import_rows(seeded, tmp_path, rows)

    assert summary.skipped == 2
    after = table_counts(seeded)
    assert (after["customer"], after["contact"]) == (before["customer"], before["contact"])


def test_override_merge_on_a_new_contact_of_an_existing_company(seeded, tmp_path):
    summary = import_rows(seeded, tmp_path,
                          [H, row("北京星辰科技有限公司", "李娜", mobile="13900001111", tags="VIP")],
                          overrides={2: "merge"})

    assert summary.merged == 1
    star = by_name(seeded)["北京星辰科技有限公司"]
    assert [c.name for c in star.contacts] == ["张伟", "李娜"]
    assert star.tags == {"VIP"}
    assert index_problems(seeded) == []
    assert "李娜" in hit_titles(seeded, "13900001111")


def test_repeat_within_file_of_a_new_contact_for_existing_company_is_merged_once(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "李娜", mobile="13900001111"),
            row("北京星辰科技有限公司", "李娜", "采购", "139 0000 1111", email="lina@xingchen.cn")]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert summary.outcomes[1][3] == "与第 2 行重复"
    lis = [c for _company, c in all_contacts(seeded) if c.name == "李娜"]
    assert len(lis) == 1
    assert (lis[0].mobile, lis[0].email) == ("13900001111", "lina@xingchen.cn")


def test_code_of_a_customer_in_the_recycle_bin_does_not_crash_the_import(db, tmp_path):
    from kehubao.services.customers import delete_customers
    with db.session() as s:
        old = create_customer(s, {"name": "旧客户", "code": "KH-009"})
    with db.session() as s:
        delete_customers(s, [old.id])
    before = table_counts(db)

    try:
        import_rows(db, tmp_path, [["客户编号", "客户名称", "联系人"], ["KH-009", "新客户公司", "张伟"]])
    except UserError as exc:  # refusing with a clear message would be fine too
        assert "KH-009" in str(exc)
        assert table_counts(db) == before
    else:
        assert "新客户公司" in by_name(db)


def test_duplicate_by_email_matches_only_live_records(seeded, tmp_path):
    with seeded.session() as s:
        star = s.scalar(select(Customer).where(Customer.name == "北京星辰科技有限公司"))
        from kehubao.services.customers import delete_customers
        delete_customers(s, [star.id])

    summary = import_rows(seeded, tmp_path, [H, row("星辰", "张伟", email="zhangwei@xingchen.cn")])

    assert summary.created == 1 and summary.skipped == 0  # the recycle bin is not a duplicate


def test_unknown_duplicate_policy_is_a_user_error(db, tmp_path):
    path = write_csv(tmp_path / "a.csv", [H, row("北京星辰科技有限公司")])
    with db.session() as s, pytest.raises(UserError, match="重复处理方式"):
        run_import(s, read_source(path), ImportOptions(on_duplicate="replace"))


# ------------------------------------------------------------------ 6. all or nothing


def test_one_invalid_row_rejects_the_whole_import_and_changes_nothing(seeded, tmp_path):
    rows = [H, row("广州南方电子厂", "王芳", mobile="13700002222"),
            row("北京星辰科技有限公司", "张伟", email="zw@new.cn"),
            row(mobile="13600003333"),  # line 4: neither company nor person
            row("深圳鹏城五金经营部", "赵强")]
    before = table_counts(seeded)

    with pytest.raises(ImportRejected) as caught:
        import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert table_counts(seeded) == before
    assert caught.value.summary.errors == [(4, "缺少客户名称或联系人姓名")]
    assert "第 4 行" in str(caught.value) and "没有任何改动" in str(caught.value)
    assert isinstance(caught.value, UserError)


def test_skip_invalid_imports_valid_rows_and_lists_errors_by_line(db, tmp_path):
    rows = [H, row("广州南方电子厂", "王芳", mobile="13700002222"),
            row(mobile="13600003333"),
            row("深圳鹏城五金经营部", "赵强"),
            row(notes="只有备注")]

    summary = import_rows(db, tmp_path, rows, skip_invalid=True)

    assert [line for line, _ in summary.errors] == [3, 5]
    assert summary.created == 2
    assert set(by_name(db)) == {"广州南方电子厂", "深圳鹏城五金经营部"}
    assert {line: action for line, action, *_ in summary.outcomes} == \
        {2: "新建", 3: "有误", 4: "新建", 5: "有误"}


def test_summary_to_json_lists_counts_errors_and_warnings(db, tmp_path):
    rows = [H, row("广州南方电子厂", "王芳", phone="BusinessPhone"), row(mobile="13600003333")]

    summary = import_rows(db, tmp_path, rows, skip_invalid=True)

    data = summary.to_json()
    assert data["created"] == 1 and data["rows"] == 2
    assert data["errors"] == [{"line": 3, "message": "缺少客户名称或联系人姓名"}]
    assert data["warnings"] == [{"line": 2, "message": "号码“BusinessPhone”无法识别，已放入备注"}]
    assert data["operation"] == summary.operation_id is not None


def test_numbers_of_the_wrong_length_are_kept_with_a_warning(db, tmp_path):
    summary = import_rows(db, tmp_path, [H, row("甲公司", "张三", mobile="1381234567")])

    assert [line for line, _w in summary.warnings] == [2]
    assert "1381234567" in summary.warnings[0][1]
    [(_company, zhang)] = all_contacts(db)
    assert zhang.mobile == "1381234567"


def test_birthday_with_only_a_year_goes_to_the_notes_not_to_1905(db, tmp_path):
    summary = import_rows(db, tmp_path, [H, row("甲公司", "张三", birthday="1990")])

    [(_company, zhang)] = all_contacts(db)
    assert zhang.birthday is None
    assert "1990" in by_name(db)["甲公司"].customer.notes
    assert "只有年份" in summary.warnings[0][1]


@pytest.mark.parametrize("cell", ["13812345678/13987654321", "138 1234 5678  139 8765 4321",
                                  "13812345678，13987654321", "13812345678或13987654321"])
def test_two_numbers_in_one_cell_become_two_numbers(db, tmp_path, cell):
    summary = import_rows(db, tmp_path, [H, row("甲公司", "张三", mobile=cell)])

    assert summary.warnings == []
    [(_company, zhang)] = all_contacts(db)
    assert (zhang.mobile, zhang.phone) == ("13812345678", "13987654321")


def test_a_third_number_and_a_shared_area_code_are_kept(db, tmp_path):
    import_rows(db, tmp_path, [H, row("甲公司", "张三", mobile="13812345678",
                                      phone="0755-12345678/87654321")])

    [(_company, zhang)] = all_contacts(db)
    assert (zhang.mobile, zhang.phone) == ("13812345678", "0755-12345678")
    assert "其他电话：0755-87654321" in by_name(db)["甲公司"].customer.notes


def test_a_cell_with_one_odd_number_is_not_cut_into_pieces(db, tmp_path):
    summary = import_rows(db, tmp_path, [H, row("甲公司", "张三", mobile="138 1234 567")])

    [(_company, zhang)] = all_contacts(db)
    assert zhang.mobile == "138 1234 567"
    assert len(summary.warnings) == 1


def test_two_addresses_in_one_email_cell(db, tmp_path):
    import_rows(db, tmp_path, [H, row("甲公司", "张三", email="zs@jia.cn; zhangsan@qq.com")])

    [(_company, zhang)] = all_contacts(db)
    assert zhang.email == "zs@jia.cn"
    assert "其他邮箱：zhangsan@qq.com" in by_name(db)["甲公司"].customer.notes


def test_customer_column_of_people_imports_individual_customers(db, tmp_path):
    rows = [["客户名称", "手机"], ["张伟", "13812345678"], ["王芳", "13900001111"],
            ["李娜", "13700002222"]]
    import_file(db, write_csv(tmp_path / "个人客户.csv", rows))

    stored = by_name(db)
    assert {name: s.customer.kind for name, s in stored.items()} == {
        "张伟": "person", "王芳": "person", "李娜": "person"}
    assert stored["张伟"].contact("张伟").mobile == "13812345678"

