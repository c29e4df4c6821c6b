"""The today page's groups and context; the keyset-paged timeline."""

from __future__ import annotations

from datetime import date, datetime

from kehubao.models import Evaluation, EvaluationTemplate, FollowUp, Transaction
from kehubao.services.followups import (
    create_follow_up,
    generate_reminders,
    log_interaction,
    timeline,
    today_counts,
    today_data,
)


def test_groups_counts_and_context(db, clock, make_customer, make_contact) -> None:
    cid = make_customer("甲公司", value_class="4", last_contact_at=datetime(2026, 10, 1, 9))
    person = make_contact(cid, "李总", emotion="anger", birthday=date(1970, 12, 4))
    other = make_customer("乙公司")
    with db.session() as s:
        log_interaction(s, cid, kind="call", summary="催报价", occurred_at="2026-11-20 10:00",
                        contact_id=person, mood="怒", clock=clock)
        overdue = create_follow_up(s, cid, title="回电", due_at="2026-11-30 09:00",
                                   contact_id=person).id
        high = create_follow_up(s, other, title="签合同", due_at="2026-12-02 15:00", priority="高").id
        low = create_follow_up(s, other, title="寄发票", due_at="2026-12-02 15:00", priority="低").id
        week = create_follow_up(s, other, title="月度拜访", due_at="2026-12-08 10:00").id
        create_follow_up(s, other, title="明年计划", due_at="2026-12-20 10:00")  # beyond the week
    with db.session() as s:
        generate_reminders(s, clock=clock)  # 李总's birthday on 4 December; 甲公司 dormant? no
    with db.session() as s:
        data = today_data(s, clock=clock)
    assert data.counts == {"overdue": 1, "today": 2, "week": 1, "birthdays": 1, "dormant": 0,
                           "payments": 0}
    assert [r.follow_up_id for r in data.groups["today"]] == [high, low]
    assert [r.follow_up_id for r in data.groups["week"]] == [week]
    row = data.groups["overdue"][0]
    assert row.follow_up_id == overdue and row.customer_name == "甲公司"
    assert (row.contact_name, row.mood, row.mood_label) == ("李总", "anger", "怒")
    assert (row.last_interaction_at, row.last_interaction) == (datetime(2026, 11, 20, 10, 0), "催报价")
    assert row.advice.startswith("上次在气头上")
    assert data.groups["birthdays"][0].title == "李总生日（12月4日）"
    with db.session() as s:
        assert today_counts(s, clock=clock)["today"] == 2
        paged = today_data(s, clock=clock, limit=1, offsets={"today": 1})
        assert [r.follow_up_id for r in paged.groups["today"]] == [low]


def test_timeline_pages_through_every_kind_newest_first(db, clock, make_customer,
                                                        make_contact) -> None:
    cid = make_customer()
    person = make_contact(cid, "赵经理")
    with db.session() as s:
        for day in range(1, 8):
            log_interaction(s, cid, kind="call", summary=f"第{day}次电话",
                            occurred_at=datetime(2026, 11, day, 10, 0),
                            contact_id=person if day % 2 else None, clock=clock)
        s.add(Transaction(customer_id=cid, kind="sale", occurred_on=date(2026, 11, 3),
                          amount_fen=123_400))
        template = s.query(EvaluationTemplate).first()
        s.add(Evaluation(customer_id=cid, template_id=template.id, period_label="2026年第三季度",
                         evaluated_on=date(2026, 11, 5), total_score=82))
        create_follow_up(s, cid, title="年底回访", due_at="2026-12-28 10:00")
        create_follow_up(s, cid, title="同一时刻", due_at="2026-11-04 10:00")
    seen, cursor = [], None
    with db.session() as s:
        while True:
            page = timeline(s, customer_id=cid, before=cursor, limit=3)
            assert len(page.entries) <= 3
            seen += page.entries
            cursor = page.next_cursor
            if cursor is None:
                break
        assert len(seen) == 11
        assert [e.when for e in seen] == sorted((e.when for e in seen), reverse=True)
        assert len({(e.kind, e.id) for e in seen}) == 11
        assert [e.title for e in seen[:2]] == ["年底回访", "第7次电话"]
        same = [e for e in seen if e.when == datetime(2026, 11, 4, 10, 0)]
        assert [e.kind for e in same] == ["interaction", "follow_up"]
        assert {e.kind for e in seen} == {"interaction", "follow_up", "transaction", "evaluation"}
        money = next(e for e in seen if e.kind == "transaction")
        assert money.title == "销售 ¥1,234.00" and money.amount_fen == 123_400
        mine = timeline(s, contact_id=person, limit=50).entries
        assert [e.title for e in mine] == ["第7次电话", "第5次电话", "第3次电话", "第1次电话"]


def test_overview_timeline_uses_the_same_owner(db, clock, make_customer) -> None:
    from kehubao.services.overview import customer_overview

    cid = make_customer()
    with db.session() as s:
        log_interaction(s, cid, kind="visit", summary="拜访", outcome="满意", clock=clock)
        s.add(FollowUp(customer_id=cid, title="回访", due_at=datetime(2026, 12, 9, 9)))
    with db.session() as s:
        items = customer_overview(s, cid, today=date(2026, 12, 2)).timeline
    assert [(i.kind, i.title) for i in items] == [("follow_up", "回访"), ("interaction", "拜访")]
    assert items[1].detail == "结果：满意"


def test_the_holidays_setting_switches_the_holiday_mark(db, make_customer) -> None:
    from datetime import datetime

    from kehubao.services.followups import create_follow_up, save_reminder_settings, today_data

    cid = make_customer()
    with db.session() as s:
        create_follow_up(s, cid, title="节日拜访", due_at="2026-10-01 10:00")
    clock = lambda: datetime(2026, 9, 28, 9, 0)  # noqa: E731
    with db.session(write=False) as s:
        assert today_data(s, clock=clock).groups["week"][0].holiday == "国庆节"
    with db.session() as s:
        save_reminder_settings(s, {"holidays": False})
    with db.session(write=False) as s:
        assert today_data(s, clock=clock).groups["week"][0].holiday is None
