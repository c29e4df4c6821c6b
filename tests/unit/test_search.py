"""Search: every match kind, ranking, hostile queries, and the index staying correct."""

from __future__ import annotations

import pytest

from kehubao.models import Contact, Interaction
from kehubao.services import customers as svc
from kehubao.services.journal import last_undoable, undo
from kehubao.services.search import check_index, rebuild_index, search
from kehubao.services.search.text import matches_mixed, parse_query


@pytest.fixture
def people(db):
    """A small world: customers, contacts with polyphone surnames, an interaction."""
    with db.session() as s:
        hy = svc.create_customer(s, {"name": "济南华远数控设备有限公司", "short_name": "华远数控",
                                     "phone": "0531-88776655", "email": "sales@huayuan.cn",
                                     "status": "stable", "notes": "老板喜欢喝普洱茶"},
                                 tags=["重点客户"])
        ms = svc.create_customer(s, {"name": "上海盈硕标牌有限公司", "status": "potential"})
        s.add_all([
            Contact(customer_id=hy.id, name="张三丰", mobile="13812345678", title="总经理"),
            Contact(customer_id=hy.id, name="单田芳", mobile="13900001111"),
            Contact(customer_id=ms.id, name="曾国藩", email="zeng@example.com"),
            Contact(customer_id=ms.id, name="张三", mobile="13700002222"),
            Contact(customer_id=ms.id, name="区志强"),
            Contact(customer_id=ms.id, name="仇英"),
            Contact(customer_id=ms.id, name="解缙"),
        ])
        s.add(Interaction(customer_id=hy.id, kind="visit", subject="上门拜访",
                          content="客户认为报价偏高，用算总账的方法回应",
                          occurred_at=__import__("datetime").datetime(2026, 10, 1, 10)))
    return db


def names(results, kind: str) -> list[str]:
    return [h.title for h in results.of_kind(kind)]


def test_one_and_two_chinese_characters(people) -> None:
    with people.session(write=False) as s:
        assert "张三丰" in names(search(s, "丰"), "contact")
        assert names(search(s, "华远"), "customer") == ["济南华远数控设备有限公司"]
        assert names(search(s, "盈"), "customer") == ["上海盈硕标牌有限公司"]


def test_exact_name_comes_before_prefix(people) -> None:
    with people.session(write=False) as s:
        hits = search(s, "张三").of_kind("contact")
    assert [h.title for h in hits][:2] == ["张三", "张三丰"]
    assert [h.match for h in hits][:2] == ["exact", "prefix"]


@pytest.mark.parametrize("query, expected", [
    ("zhangsan", "张三"), ("zhang san", "张三"), ("zs", "张三"), ("zsf", "张三丰"),
    ("张s", "张三"), ("张sf", "张三丰"), ("zh三", "张三"),
    ("shan", "单田芳"), ("stf", "单田芳"), ("zeng", "曾国藩"), ("xie", "解缙"),
    ("ou", "区志强"), ("qiu", "仇英"),
])
def test_pinyin_initials_mixed_and_polyphone_surnames(people, query: str, expected: str) -> None:
    with people.session(write=False) as s:
        assert expected in names(search(s, query), "contact"), query


@pytest.mark.parametrize("query", ["13812345678", "1381234", "5678", "138 1234 5678",
                                   "138-1234-5678", "+86 138 1234 5678", "+8613812345678"])
def test_phone_fragments(people, query: str) -> None:
    with people.session(write=False) as s:
        assert "张三丰" in names(search(s, query), "contact"), query


def test_landline_email_company_tag_and_notes(people) -> None:
    with people.session(write=False) as s:
        assert "济南华远数控设备有限公司" in names(search(s, "88776655"), "customer")
        assert "济南华远数控设备有限公司" in names(search(s, "0531-8877"), "customer")
        assert "曾国藩" in names(search(s, "zeng@example"), "contact")
        assert "济南华远数控设备有限公司" in names(search(s, "huayuan"), "customer")
        assert "济南华远数控设备有限公司" in names(search(s, "重点客户"), "customer")
        assert "济南华远数控设备有限公司" in names(search(s, "普洱"), "customer")
        assert names(search(s, "算总账"), "interaction") == ["上门拜访"]
        assert names(search(s, "报价"), "interaction") == ["上门拜访"]
        assert "你们的价格太高了" in names(search(s, "价格"), "script")


@pytest.mark.parametrize("query", ['"', "*", "%", "_", "'", "NEAR", "OR", "AND", "NOT",
                                   '"张三', "张*", "a OR b", "NEAR(a b)", "^", "{names}: x",
                                   "-", "()", "\\", "'; DROP TABLE customer; --", "   "])
def test_special_characters_never_raise(people, query: str) -> None:
    with people.session(write=False) as s:
        search(s, query)  # must not raise


def test_like_metacharacters_are_literal(people) -> None:
    with people.session(write=False) as s:
        assert search(s, "%").hits == [] and search(s, "_").hits == []


def test_index_follows_edit_delete_restore_and_undo(people) -> None:
    with people.session() as s:
        cid = svc.create_customer(s, {"name": "新开发的茶叶公司"}).id
    with people.session(write=False) as s:
        assert names(search(s, "茶叶"), "customer") == ["新开发的茶叶公司"]
    with people.session() as s:
        svc.update_customer(s, cid, {"name": "更名后的酒业公司"})
    with people.session(write=False) as s:
        assert names(search(s, "茶叶"), "customer") == []
        assert names(search(s, "酒业"), "customer") == ["更名后的酒业公司"]
    with people.session() as s:
        svc.delete_customers(s, [cid])
    with people.session(write=False) as s:
        assert names(search(s, "酒业"), "customer") == []
    with people.session() as s:
        undo(s, last_undoable(s).id)
    with people.session(write=False) as s:
        assert names(search(s, "酒业"), "customer") == ["更名后的酒业公司"]
        assert check_index(s) == []


def test_deleting_a_customer_hides_its_contacts(people) -> None:
    with people.session(write=False) as s:
        cid = search(s, "张三丰").of_kind("contact")[0].customer_id
    with people.session() as s:
        svc.delete_customers(s, [cid])
    with people.session(write=False) as s:
        assert "张三丰" not in names(search(s, "张三丰"), "contact")
        assert check_index(s) == []


def test_rebuild_gives_the_same_answers(people) -> None:
    with people.session(write=False) as s:
        before = [(h.kind, h.id) for h in search(s, "张").hits]
    with people.session() as s:
        rebuild_index(s)
    with people.session(write=False) as s:
        assert [(h.kind, h.id) for h in search(s, "张").hits] == before
        assert check_index(s) == []


def test_check_index_notices_a_missing_document(people) -> None:
    from sqlalchemy import delete

    from kehubao.models import SearchDoc
    from kehubao.services.search.index import mark_fresh

    with people.session() as s:
        s.execute(delete(SearchDoc).where(SearchDoc.kind == "customer"))
        mark_fresh(s)
    with people.session(write=False) as s:
        assert check_index(s)


def test_recent_and_important_first(db) -> None:
    from datetime import datetime

    from kehubao.models import Customer

    with db.session() as s:
        s.add_all([
            Customer(name="王记老店", status="lost", last_contact_at=datetime(2021, 1, 1)),
            Customer(name="王记新店", status="stable", value_class="4",
                     last_contact_at=datetime(2026, 11, 1)),
        ])
    with db.session(write=False) as s:
        assert names(search(s, "王记"), "customer") == ["王记新店", "王记老店"]


def test_mixed_matcher() -> None:
    chars = [("张", "zhang"), ("三", "san"), ("丰", "feng")]
    assert matches_mixed(["张", "s"], chars)
    assert matches_mixed(["张", "sanf"], chars)
    assert matches_mixed(["张", "sf"], chars)
    assert not matches_mixed(["张", "f"], chars)
    assert not matches_mixed(["李", "s"], chars)


def test_query_understanding() -> None:
    q = parse_query("+86 138-1234")
    assert q.digits == "1381234"
    assert parse_query("Zhang San").latin == "zhangsan"
    assert parse_query("张s").mixed == ["张", "s"]
    assert parse_query('"*%').is_empty


def test_more_results_of_one_kind_continue_the_same_ranking(db) -> None:
    """Issue #11, 5: the box shows 8 hits a kind; a contact whose note matched came after
    them and could not be reached. search_more pages on through the same order."""
    from kehubao.services.search import search_more

    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"})
        s.add_all([Contact(customer_id=firm.id, name=f"德明{n:02d}号") for n in range(12)])
        s.add(Contact(customer_id=firm.id, name="周立", notes="他是德明的老同学"))
    with db.session(write=False) as s:
        shown = search(s, "德明", limit=8).of_kind("contact")
        everything = search(s, "德明", limit=100).of_kind("contact")
        first = search_more(s, "德明", "contact", offset=8, limit=3)
        rest = search_more(s, "德明", "contact", offset=11, limit=10)
        past_the_end = search_more(s, "德明", "contact", offset=13, limit=10)
        no_query = search_more(s, "  ", "contact", offset=0, limit=10)
    assert len(everything) == 13 and everything[-1].title == "周立"
    assert everything[-1].match == "text"
    assert "周立" not in [h.title for h in shown] and shown == everything[:8]
    assert (first.kind, first.offset, first.hits, first.has_more) == (
        "contact", 8, everything[8:11], True)
    assert (rest.hits, rest.has_more) == (everything[11:], False)
    assert (past_the_end.hits, past_the_end.has_more) == ([], False)
    assert (no_query.hits, no_query.has_more) == ([], False)
    with pytest.raises(ValueError):
        search_more(s, "德明", "planet", offset=0, limit=10)


def test_a_full_page_of_live_hits_when_the_best_ranked_are_in_the_recycle_bin(db) -> None:
    """Binned customers keep their (hidden) documents; a search still fills its page
    from the live ones behind them, and a restore shows them again at once."""
    with db.session() as s:
        made = [svc.create_customer(s, {"name": f"星辰贸易{n:02d}号店"}).id for n in range(20)]
    with db.session(write=False) as s:
        best = [h.id for h in search(s, "星辰贸易", limit=12).of_kind("customer")]
    with db.session() as s:
        svc.delete_customers(s, best)  # the twelve best ranked go to the bin
    with db.session(write=False) as s:
        hits = [h.id for h in search(s, "星辰贸易", limit=8).of_kind("customer")]
        assert len(hits) == 8 and not set(hits) & set(best) and set(hits) <= set(made)
        assert check_index(s) == []
    with db.session() as s:
        svc.restore_customers(s, best)
    with db.session(write=False) as s:
        assert {h.id for h in search(s, "星辰贸易", limit=20).of_kind("customer")} == set(made)
