"""The starter library, its upgrade next to the user's edits, and editing scripts."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import select

from kehubao.errors import ValidationError
from kehubao.models import ObjectionScript, ScriptReply
from kehubao.services.journal import last_undoable, undo
from kehubao.services.scripts import (
    adopt_builtin_offer,
    apply_starter_library,
    build_index,
    content_of,
    create_script,
    delete_scripts,
    dismiss_builtin_offer,
    duplicate_script,
    parse_item,
    plain_text,
    restore_scripts,
    set_archived,
    update_script,
)
from kehubao.services.starter import STARTER_VERSION, load_json

from .scripts_helpers import script_by_key

CLASSICS = ["price-too-high", "already-have-it", "not-in-charge", "send-material"]
DEALER_SEVEN = ["dealer-no-profit", "dealer-strong-supplier", "dealer-unfamiliar-product",
                "dealer-price-in-high", "dealer-narrow-range", "dealer-bad-experience",
                "dealer-unknown-brand"]


def starter() -> dict:
    return load_json("objection_scripts.json")


def test_starter_library_is_complete(db) -> None:
    data = starter()
    assert data["starter_version"] == STARTER_VERSION
    with db.session() as s:
        scripts = list(s.scalars(select(ObjectionScript)))
        assert len(scripts) == len(data["scripts"]) >= 25
        assert all(len(x.live_replies) >= 2 for x in scripts)
        keys = {x.builtin_key for x in scripts}
        assert set(CLASSICS + DEALER_SEVEN) <= keys
        assert {"bad-timing", "payment-terms", "think-about-it", "dealer-bad-experience",
                "dealer-unknown-brand", "dealer-narrow-range"} <= keys
        # every built-in script remembers the hash of the text it was loaded with
        assert all(x.builtin_hash == content_of(x).digest() for x in scripts)


def test_first_edition_scripts_hash_to_their_previous_hashes() -> None:
    """A v1 database holds the first edition's text (no follow-up, no tags) of the
    scripts that had all their replies then; its hash must be the one the file lists,
    or an upgrade would take those untouched scripts for edited ones."""
    item = next(i for i in starter()["scripts"] if i["key"] == "price-too-high")
    v1 = {**item, "follow_up": "", "tags": []}
    assert parse_item(v1).digest() == item["previous_hashes"][0]


def test_v1_database_upgrades_untouched_scripts(db) -> None:
    item = next(i for i in starter()["scripts"] if i["key"] == "price-too-high")
    with db.session() as s:
        script = script_by_key(s, "price-too-high")
        script.follow_up, script.tags, script.builtin_hash = None, None, None  # as in v1
        s.flush()
        result = apply_starter_library(s, starter())
        assert (result.added, result.updated, result.offered) == (0, 1, 0)
        assert script.follow_up == item["follow_up"]
        assert script.builtin_hash == content_of(script).digest()


def test_upgrade_keeps_user_edits_and_offers_the_new_text(db) -> None:
    with db.session() as s:
        edited = script_by_key(s, "think-about-it")
        edited_id = edited.id
        mine = content_of(edited)
        mine.replies[0].text = "我自己的说法：您再想想，我周五再来。"
        update_script(s, edited_id, mine)
        delete_scripts(s, [script_by_key(s, "too-busy").id])

    v3 = copy.deepcopy(starter())
    items = {i["key"]: i for i in v3["scripts"]}
    items["think-about-it"]["tips"] = "第三版的技巧。"
    items["bad-timing"]["tips"] = "第三版：问清楚什么时候合适。"
    items["too-busy"]["tips"] = "第三版的忙。"
    v3["scripts"].append({"key": "new-one", "category": "价格异议", "title": "第三版新增的异议",
                          "replies": ["回复一", "回复二"]})
    with db.session() as s:
        result = apply_starter_library(s, v3)
        # new-one added; bad-timing updated; think-about-it offered; too-busy left deleted
        assert (result.added, result.updated, result.offered) == (1, 1, 1)
        edited = s.get(ObjectionScript, edited_id)
        assert edited.live_replies[0].text == "我自己的说法：您再想想，我周五再来。"
        assert edited.tips != "第三版的技巧。"
        assert edited.builtin_offer["tips"] == "第三版的技巧。"
        assert script_by_key(s, "bad-timing").tips == "第三版：问清楚什么时候合适。"
        assert script_by_key(s, "too-busy").deleted_at is not None  # stays deleted
        # running the same starter set again changes nothing
        again = apply_starter_library(s, v3)
        assert (again.added, again.updated, again.offered) == (0, 0, 1)

    with db.session() as s:
        adopt_builtin_offer(s, edited_id)
    with db.session() as s:
        edited = s.get(ObjectionScript, edited_id)
        assert edited.tips == "第三版的技巧。" and edited.builtin_offer is None
        assert edited.live_replies[0].text != "我自己的说法：您再想想，我周五再来。"
        # adopted: the next starter set may update it again
        items["think-about-it"]["tips"] = "第四版的技巧。"
        assert apply_starter_library(s, v3).updated == 1
        assert edited.tips == "第四版的技巧。"


def test_dismissed_offer_is_not_offered_again(db) -> None:
    with db.session() as s:
        script = script_by_key(s, "quality-worry")
        content = content_of(script)
        content.tips = "我的技巧"
        update_script(s, script.id, content)
        v3 = copy.deepcopy(starter())
        next(i for i in v3["scripts"] if i["key"] == "quality-worry")["tips"] = "新技巧"
        assert apply_starter_library(s, v3).offered == 1
        dismiss_builtin_offer(s, script.id)
        assert apply_starter_library(s, v3).offered == 0
        assert script.tips == "我的技巧"


def test_create_edit_undo_and_duplicate(db) -> None:
    with db.session() as s:
        script = create_script(s, {"title": "样品要收费吗", "category": "新分类",
                                   "element": "价格", "tags": "样品 费用",
                                   "replies": [{"text": "第一次样品免费", "reasoning": "降低门槛"},
                                               "运费我们出"]})
        sid = script.id
        assert script.category.name == "新分类" and script.element == "price"
        with pytest.raises(ValidationError):
            create_script(s, {"title": "样品要收费吗", "replies": ["x"]})
        with pytest.raises(ValidationError):
            create_script(s, {"title": "没有回复", "replies": []})
    with db.session() as s:
        content = content_of(s.get(ObjectionScript, sid))
        first_reply_id = s.get(ObjectionScript, sid).live_replies[0].id
        content.replies = content.replies[:1]
        content.replies[0].text = "第一次样品免费，量产后抵货款"
        update_script(s, sid, content)
    with db.session() as s:
        script = s.get(ObjectionScript, sid)
        assert [r.text for r in script.live_replies] == ["第一次样品免费，量产后抵货款"]
        assert script.live_replies[0].id == first_reply_id  # reworded in place
        undo(s, last_undoable(s).id)
    with db.session() as s:
        script = s.get(ObjectionScript, sid)
        assert [r.text for r in script.live_replies] == ["第一次样品免费", "运费我们出"]
        copy_ = duplicate_script(s, sid)
        assert copy_.title == "样品要收费吗（副本）" and copy_.builtin_key is None
        assert duplicate_script(s, sid).title == "样品要收费吗（副本2）"
        assert "1. 第一次样品免费" in plain_text(content_of(script))


def test_archive_and_delete_leave_the_index(db) -> None:
    with db.session() as s:
        price = script_by_key(s, "price-too-high").id
        set_archived(s, price, True)
        assert price not in build_index(s).by_id
        set_archived(s, price, False)
        assert price in build_index(s).by_id
        assert delete_scripts(s, [price]) == 1
        assert price not in build_index(s).by_id
        assert s.scalar(select(ScriptReply.id).where(ScriptReply.script_id == price)) is not None
        assert restore_scripts(s, [price]) == 1
        assert price in build_index(s).by_id
