"""Logging an interaction: one undoable operation with all its consequences."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from kehubao.errors import ValidationError
from kehubao.models import Contact, Customer, FollowUp, Interaction
from kehubao.services.followups import (
    delete_interactions,
    log_interaction,
    update_interaction,
)
from kehubao.services.journal import last_undoable, undo


def test_log_with_mood_and_next_step_then_one_undo_takes_it_all_back(
        db, clock, make_customer, make_contact) -> None:
    old_contact = datetime(2026, 11, 1, 15, 0)
    cid = make_customer(last_contact_at=old_contact)
    person = make_contact(cid, emotion="anger")
    with db.session() as s:
        logged = log_interaction(
            s, cid, kind="拜访", summary="上门演示新品", contact_id=person, mood="喜",
            needs="想要更短的交货期", objections="价格偏高", reply_used="讲清楚总成本",
            reply_worked=True, outcome="同意试单", next_step="送样品",
            next_due="2026-12-05 14:30", clock=clock)
        interaction_id = logged.id
    with db.session() as s:
        i = s.get(Interaction, interaction_id)
        assert (i.kind, i.subject, i.mood, i.occurred_at) == (
            "visit", "上门演示新品", "joy", datetime(2026, 12, 2, 10, 0))
        assert (i.needs_found, i.objections, i.reply_worked) == ("想要更短的交货期", "价格偏高", True)
        fu = s.scalars(select(FollowUp).where(FollowUp.interaction_id == interaction_id)).one()
        assert (fu.title, fu.due_at, fu.kind, fu.contact_id, fu.status) == (
            "送样品", datetime(2026, 12, 5, 14, 30), "visit", person, "open")
        contact = s.get(Contact, person)
        assert (contact.last_emotion, contact.last_emotion_at) == ("joy", datetime(2026, 12, 2, 10, 0))
        assert s.get(Customer, cid).last_contact_at == datetime(2026, 12, 2, 10, 0)
        op = last_undoable(s)
        assert op.label == "记录跟进：华东商贸有限公司（拜访）"
        undo(s, op.id)
    with db.session() as s:
        assert s.get(Interaction, interaction_id).deleted_at is not None
        assert s.scalar(select(func.count()).select_from(FollowUp)
                        .where(FollowUp.deleted_at.is_(None))) == 0
        assert s.get(Contact, person).last_emotion == "anger"
        assert s.get(Customer, cid).last_contact_at == old_contact


def test_an_older_interaction_does_not_overwrite_the_newer_mood(
        db, clock, make_customer, make_contact) -> None:
    cid = make_customer()
    person = make_contact(cid)
    with db.session() as s:
        log_interaction(s, cid, kind="call", summary="电话", contact_id=person, mood="fear",
                        clock=clock)
    with db.session() as s:
        log_interaction(s, cid, kind="visit", summary="补记上周拜访", contact_id=person,
                        mood="joy", occurred_at="2026-11-25 10:00", clock=clock)
    with db.session() as s:
        contact = s.get(Contact, person)
        assert contact.last_emotion == "fear"
        assert s.get(Customer, cid).last_contact_at == datetime(2026, 12, 2, 10, 0)


def test_bad_input_names_the_fields_and_writes_nothing(db, clock, make_customer,
                                                       make_contact) -> None:
    cid = make_customer()
    other = make_contact(make_customer("别家公司"))
    with db.session() as s, pytest.raises(ValidationError) as err:
        log_interaction(s, cid, kind="飞鸽传书", summary="", contact_id=other, clock=clock)
    assert {"kind", "subject"} <= set(err.value.fields)
    with db.session() as s, pytest.raises(ValidationError) as err:
        log_interaction(s, cid, kind="call", summary="电话", contact_id=other, clock=clock)
    assert set(err.value.fields) == {"contact_id"}
    with db.session() as s, pytest.raises(ValidationError) as err:
        log_interaction(s, cid, kind="call", summary="电话", next_due="2026-12-09", clock=clock)
    assert set(err.value.fields) == {"next_step"}
    with db.session() as s, pytest.raises(ValidationError) as err:
        log_interaction(s, cid, kind="call", summary="电话", script_id=99999, clock=clock)
    assert "话术" in str(err.value)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 0


def test_edit_and_delete_to_the_recycle_bin_are_undoable(db, clock, make_customer) -> None:
    cid = make_customer()
    with db.session() as s:
        iid = log_interaction(s, cid, kind="wechat", summary="发资料", clock=clock).id
    with db.session() as s:
        update_interaction(s, iid, {"subject": "发报价单", "outcome": "客户已读"}, clock=clock)
    with db.session() as s:
        assert s.get(Interaction, iid).subject == "发报价单"
        assert delete_interactions(s, [iid]) == 1
        assert last_undoable(s).label == "删除跟进记录：发报价单"
    with db.session() as s:
        assert s.get(Interaction, iid).deleted_at is not None
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert s.get(Interaction, iid).deleted_at is None
        undo(s, last_undoable(s).id)  # the edit
    with db.session() as s:
        assert s.get(Interaction, iid).subject == "发资料"


def test_script_and_reply_ids_are_kept_for_the_script_library(db, clock, make_customer) -> None:
    from kehubao.models import ScriptReply

    cid = make_customer()
    with db.session() as s:
        reply = s.scalars(select(ScriptReply).limit(1)).one()  # from the starter library
        iid = log_interaction(s, cid, kind="visit", summary="谈价格", reply_id=reply.id,
                              reply_worked=False, clock=clock).id
        script_id = reply.script_id
    with db.session() as s:
        i = s.get(Interaction, iid)
        assert (i.script_id, i.reply_id, i.reply_worked) == (script_id, reply.id, False)


def test_logging_from_a_reminder_completes_it_in_the_same_operation(db, clock, make_customer) -> None:
    from kehubao.services.followups import create_follow_up

    cid = make_customer()
    with db.session() as s:
        fid = create_follow_up(s, cid, title="每周电话", due_at="2026-12-02 09:00",
                               recurrence="FREQ=WEEKLY;BYDAY=WE").id
    with db.session() as s:
        iid = log_interaction(s, cid, kind="call", summary="问了到货情况", outcome="下周补货",
                              completes=fid, clock=clock).id
    with db.session() as s:
        done = s.get(FollowUp, fid)
        assert (done.status, done.interaction_id, done.note) == ("done", iid, "结果：下周补货")
        nxt = s.scalars(select(FollowUp).where(FollowUp.status == "open")).one()
        assert nxt.due_at == datetime(2026, 12, 9, 9, 0)
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert s.get(FollowUp, fid).status == "open"
        assert s.scalars(select(FollowUp).where(FollowUp.status == "open",
                                                FollowUp.deleted_at.is_(None))).one().id == fid
