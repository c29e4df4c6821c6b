"""The quick panel's matcher: Chinese, pinyin, initials and paraphrases; price scripts
first for every way of typing "too expensive"."""

from __future__ import annotations

import pytest

from kehubao.models import ObjectionScript
from kehubao.services.scripts import build_index, library_index, update_script
from kehubao.services.scripts.content import content_of


def elements(db, query: str, n: int = 3) -> list[str]:
    with db.session(write=False) as s:
        return [m.element for m in build_index(s).search(query)[:n]]


@pytest.mark.parametrize(("query", "first"), [
    ("tai gui", "你们的价格太高了"), ("taigui", "你们的价格太高了"), ("太贵", "你们的价格太高了"),
    ("tg", "你们的价格太高了"), ("价格高", "你们的价格太高了"), ("太贵了", "你们的价格太高了"),
    ("便宜点", "再便宜点我就要"), ("jiage", None), ("价钱", None)])
def test_price_queries_find_price_scripts_first(db, query: str, first: str | None) -> None:
    with db.session(write=False) as s:
        matches = build_index(s).search(query)
    assert [m.element for m in matches[:3]] == ["price"] * 3
    if first:
        assert matches[0].title == first


def test_paraphrase_without_shared_words_uses_concepts(db) -> None:
    with db.session(write=False) as s:
        index = build_index(s)
        # "价位" appears in no script at all: found through the price concept
        first = index.search("价位")[0]
        assert first.element == "price" and first.match == "concept"
        assert index.search("什么时候付钱方便")[0].title == "要先给货，过几个月再付款"


@pytest.mark.parametrize(("query", "title"), [
    ("资料", "你把资料发过来，我们看看再说"),
    ("zhangqi", "要先给货，过几个月再付款"),
    ("kaolv", "我再考虑考虑"),
    ("老板", "我不是负责人／做不了主"),
    ("窜货", "别的地方有人卖得比我便宜"),
    ("没时间", "我现在很忙，没时间"),
    ("库存 压货", "库存压力大，不想再压货"),
])
def test_other_objections(db, query: str, title: str) -> None:
    with db.session(write=False) as s:
        assert build_index(s).search(query)[0].title == title


def test_empty_query_lists_everything_and_nonsense_nothing(db) -> None:
    with db.session(write=False) as s:
        index = build_index(s)
        assert len(index.search("", limit=100)) == len(index) >= 25
        assert index.search("xyzzyq") == []
        assert index.search("价格", category="经销合作异议")[0].category == "经销合作异议"


def test_library_index_is_rebuilt_only_after_a_change(db) -> None:
    with db.session() as s:
        first = library_index(s)
        assert library_index(s) is first
        script = s.get(ObjectionScript, first.entries[0].id)
        content = content_of(script)
        content.phrasings.append("贵得离谱")
        update_script(s, script.id, content)
    with db.session(write=False) as s:
        second = library_index(s)
        assert second is not first
        assert second.search("离谱")[0].script_id == script.id


def test_one_letter_matches_texts_that_start_with_it(db) -> None:
    with db.session(write=False) as s:
        index = build_index(s)
        found = index.search("z", limit=100)
        assert found
        for match in found:
            if match.match == "initials":
                inits = index.by_id[match.script_id].initials.split("|")
                assert any(i.startswith("z") for i in inits)
        assert "你把资料发过来，我们看看再说" in {m.title for m in found}  # its tag 资料
