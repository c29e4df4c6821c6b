"""The one merge policy as the import applies it: whichever way a second row reaches a
customer (a repeat of a person, another person at the same company, a database match),
empty fields are filled and differing values are kept in the notes, in one wording."""

from __future__ import annotations

from sqlalchemy import text

from kehubao.services.search.index import rebuild_index

from .helpers import by_name, import_rows

COLS = ["客户名称", "联系人", "职务", "手机", "单位电话", "城市"]


def test_a_repeated_new_person_at_an_existing_customer_keeps_the_differing_company_phone(
        seeded, tmp_path):
    """The bug: the second row of a person new to an existing customer was merged by
    filling only, so its different company phone was dropped."""
    summary = import_rows(seeded, tmp_path, [
        COLS,
        ["北京星辰科技有限公司", "李娜", "采购", "13900001111", "010-62345678", ""],
        ["北京星辰科技有限公司", "李娜", "采购经理", "13900001111", "010-88889999", "北京"],
    ], on_duplicate="merge")

    assert (summary.merged, summary.contacts_added) == (1, 1)
    star = by_name(seeded)["北京星辰科技有限公司"]
    assert star.customer.phone == "010-62345678"  # empty in the database: the first row's
    assert star.customer.city == "北京"  # empty everywhere before: the second row fills it
    assert star.contact("李娜").title == "采购"
    notes = star.customer.notes.splitlines()
    assert notes[0] == "老客户"
    assert notes[1] == ("【第 3 行】不同的值：电话：010-88889999（原为 010-62345678）；"
                        "联系人李娜·职务：采购经理（原为 采购）")


def test_another_person_at_a_new_company_notes_the_company_values_that_differ(db, tmp_path):
    """Several people of one company in one file: one customer, and a second company
    phone is kept, not dropped."""
    import_rows(db, tmp_path, [
        COLS,
        ["甲公司", "张三", "经理", "13800000001", "0755-11111111", ""],
        ["甲公司", "李四", "会计", "13800000002", "0755-22222222", "深圳"],
    ])

    jia = by_name(db)["甲公司"]
    assert [c.name for c in jia.contacts] == ["张三", "李四"]
    assert (jia.customer.phone, jia.customer.city) == ("0755-11111111", "深圳")
    assert jia.customer.notes == "【第 3 行】不同的值：电话：0755-22222222（原为 0755-11111111）"


def test_a_repeat_merged_into_the_database_uses_the_same_wording(seeded, tmp_path):
    import_rows(seeded, tmp_path, [
        ["客户名称", "联系人", "职务", "手机"],
        ["北京星辰科技有限公司", "张伟", "销售总监", "13812345678"],
    ], name="第二批.csv", on_duplicate="merge")

    notes = by_name(seeded)["北京星辰科技有限公司"].customer.notes.splitlines()
    assert notes[1].startswith("【导入 第二批.csv · ")
    assert notes[1].endswith("】不同的值：联系人张伟·职务：销售总监（原为 总经理）")


def test_a_repeat_within_the_file_fills_and_notes_like_a_merge(db, tmp_path):
    import_rows(db, tmp_path, [
        COLS,
        ["乙公司", "王五", "", "13800000003", "", "广州"],
        ["乙公司", "王五", "厂长", "13800000003", "020-33333333", "佛山"],
    ], on_duplicate="merge")

    yi = by_name(db)["乙公司"]
    assert len(yi.contacts) == 1
    assert yi.contact("王五").title == "厂长"
    assert yi.customer.phone == "020-33333333"
    assert yi.customer.notes == "【第 3 行】不同的值：城市：佛山（原为 广州）"


def test_the_bulk_writer_builds_the_documents_a_reindex_builds(db, tmp_path):
    """Both feed the one declaration of each document kind (search/documents.py)."""
    import_rows(db, tmp_path, [
        ["客户名称", "联系人", "职务", "手机", "单位电话", "邮箱", "微信", "城市", "地址", "标签", "备注"],
        ["甲贸易有限公司", "张三", "经理", "13800000001", "0755-11111111", "a@x.cn", "wx1", "深圳",
         "南山区", "VIP", "老客户"],
        ["", "李四", "", "13800000002", "", "", "", "北京", "", "", ""],
    ])

    def documents() -> list[tuple]:
        with db.session(write=False) as s:
            return [tuple(r) for r in s.execute(text(
                "select kind, ref_id, customer_id, rank, title, subtitle, name_key, names, keys,"
                " body from search_doc where kind in ('customer', 'contact') order by kind, ref_id"))]

    written = documents()
    with db.session() as s:
        rebuild_index(s)
    assert documents() == written
    assert len(written) == 4 and "a@x.cn" in written[0][8] and "南山区" in written[2][9]
