"""Automatic reminders: birthdays, dormant customers, payments; idempotent."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from kehubao.models import FollowUp, Transaction
from kehubao.services.followups import (
    generate_reminders,
    log_interaction,
    reminder_settings,
    save_reminder_settings,
)


def reminders(db, origin: str) -> list[FollowUp]:
    with db.session() as s:
        return list(s.scalars(select(FollowUp).where(FollowUp.origin == origin)
                              .order_by(FollowUp.id)))


def test_birthdays_solar_lunar_29_february_and_idempotence(db, make_customer, make_contact) -> None:
    cid = make_customer()
    leap_born = make_contact(cid, "闰年生", birthday=date(1988, 2, 29))
    make_contact(cid, "三月生", birthday=date(1990, 3, 5))  # outside the window
    lunar = make_contact(cid, "农历生", birthday=date(2020, 6, 1), lunar=True)  # 闰四月初十
    make_contact(cid, "公历同日", birthday=date(2020, 6, 1))  # solar: 1 June, not in window
    at = lambda now: (lambda: now)  # noqa: E731
    with db.session() as s:
        made = generate_reminders(s, clock=at(datetime(2027, 2, 25, 8, 0)))
    assert made.created == {"birthday": 1}
    (fu,) = reminders(db, "birthday")
    assert (fu.contact_id, fu.due_at, fu.auto_key) == (
        leap_born, datetime(2027, 2, 25, 9, 0), f"birthday:{leap_born}:2027-02-28")
    assert fu.title == "闰年生生日（2月28日）" and fu.kind == "birthday"
    with db.session() as s:
        assert generate_reminders(s, clock=at(datetime(2027, 2, 26, 8, 0))).total == 0
    # 2026 has no leap fourth month: 闰四月初十 is celebrated on 四月初十 = 26 May 2026.
    with db.session() as s:
        assert generate_reminders(s, clock=at(datetime(2026, 5, 24, 8, 0))).created == {"birthday": 1}
    fu = reminders(db, "birthday")[-1]
    assert fu.contact_id == lunar and fu.auto_key == f"birthday:{lunar}:2026-05-26"
    assert fu.title == "农历生生日（5月26日，农历闰四月初十）"
    assert fu.due_at == datetime(2026, 5, 24, 9, 0)


def test_birthday_switch_and_days_before(db, make_customer, make_contact) -> None:
    make_contact(make_customer(), birthday=date(1980, 12, 20))
    with db.session() as s:
        save_reminder_settings(s, {"birthdays": False})
    with db.session() as s:
        assert generate_reminders(s, clock=lambda: datetime(2026, 12, 19)).total == 0
        assert reminder_settings(s)["birthday_days_before"] == 3
        save_reminder_settings(s, {"birthdays": True, "birthday_days_before": 10})
    with db.session() as s:
        made = generate_reminders(s, clock=lambda: datetime(2026, 12, 10))
        assert made.created == {"birthday": 1}


def test_dormant_rules_by_class_and_reset_by_a_logged_interaction(db, make_customer, clock) -> None:
    now = clock.now  # 2026-12-02 10:00
    precious_15 = make_customer("四类十五天", value_class="4", last_contact_at=datetime(2026, 11, 17, 9))
    make_customer("四类十三天", value_class="4", last_contact_at=datetime(2026, 11, 19, 9))
    dangerous_22 = make_customer("二类廿二天", value_class="2", last_contact_at=datetime(2026, 11, 10, 9))
    make_customer("三类廿九天", value_class="3", last_contact_at=datetime(2026, 11, 3, 11))
    make_customer("一类五十九天", value_class="1", last_contact_at=datetime(2026, 10, 4, 11))
    plain_61 = make_customer("一类六十一天", value_class="1", last_contact_at=datetime(2026, 10, 2, 9))
    make_customer("流失的", value_class="4", last_contact_at=datetime(2026, 1, 1), status="lost")
    make_customer("未分类", last_contact_at=datetime(2026, 1, 1))
    with db.session() as s:
        made = generate_reminders(s, clock=clock)
    assert made.created == {"dormant": 3}
    by_customer = {f.customer_id: f for f in reminders(db, "dormant")}
    assert set(by_customer) == {precious_15, dangerous_22, plain_61}
    assert by_customer[precious_15].title == "久未联系：上次联系11月17日，已超过 14 天"
    assert by_customer[precious_15].due_at == datetime(2026, 12, 2, 9, 0)
    assert by_customer[precious_15].auto_key == f"dormant:{precious_15}:2026-11-17"
    # A logged call resets the clock at once: the reminder is closed, none comes back.
    with db.session() as s:
        log_interaction(s, precious_15, kind="call", summary="问候", clock=clock)
    with db.session() as s:
        fu = s.get(FollowUp, by_customer[precious_15].id)
        assert fu.status == "done" and fu.interaction_id is not None
        assert generate_reminders(s, clock=clock).total == 0
    # Contact recorded another way (an import): the next run closes the stale reminder.
    with db.session() as s:
        from kehubao.models import Customer

        s.get(Customer, dangerous_22).last_contact_at = datetime(2026, 12, 1, 9)
    with db.session() as s:
        made = generate_reminders(s, clock=clock)
        assert made.total == 0 and made.resolved == 1
        assert s.get(FollowUp, by_customer[dangerous_22].id).status == "done"
    # Fifteen days later: the precious customer is dormant again (new key), and so are
    # the three that were inside their allowance on 2 December; the one contacted on
    # 1 December (class 2, 21 days) is not.
    clock.now = datetime(2026, 12, 17, 8, 0)
    with db.session() as s:
        assert generate_reminders(s, clock=clock).created == {"dormant": 4}
    keys = {f.auto_key for f in reminders(db, "dormant") if f.status == "open"}
    assert f"dormant:{precious_15}:2026-12-02" in keys
    assert not any(k.startswith(f"dormant:{dangerous_22}:") for k in keys)
    assert len(keys) == 5 and now < clock.now


def test_payments_falling_due_and_overdue(db, make_customer) -> None:
    owes = make_customer("欠款客户", receivable_fen=500_000, overdue_fen=200_000)
    paid = make_customer("已结清", receivable_fen=0)
    with db.session() as s:
        s.add_all([
            Transaction(customer_id=owes, kind="sale", occurred_on=date(2026, 11, 1),
                        amount_fen=300_000, due_on=date(2026, 12, 4)),
            Transaction(customer_id=owes, kind="sale", occurred_on=date(2026, 10, 1),
                        amount_fen=200_000, due_on=date(2026, 11, 20)),
            Transaction(customer_id=owes, kind="sale", occurred_on=date(2026, 1, 1),
                        amount_fen=100_000, due_on=date(2026, 3, 1)),  # before the look-back
            Transaction(customer_id=paid, kind="sale", occurred_on=date(2026, 11, 1),
                        amount_fen=300_000, due_on=date(2026, 12, 3)),
            Transaction(customer_id=paid, kind="payment", occurred_on=date(2026, 11, 15),
                        amount_fen=300_000),
        ])
    with db.session() as s:
        made = generate_reminders(s, clock=lambda: datetime(2026, 12, 2, 10, 0))
    assert made.created == {"payment": 2}
    overdue, due = sorted(reminders(db, "payment"), key=lambda f: f.auto_key)
    assert overdue.auto_key.startswith("overdue:") and due.auto_key.startswith("payment:")
    assert due.title == "回款到期：欠款客户（¥3,000.00，12月4日到期）"
    assert due.due_at == datetime(2026, 12, 2, 9, 0)
    assert overdue.title == "回款逾期：欠款客户（¥2,000.00，11月20日到期）"
    assert overdue.due_at == datetime(2026, 11, 21, 9, 0)


def test_birthday_window_across_the_new_year(db, make_customer, make_contact) -> None:
    new_year = make_contact(make_customer(), "元旦生", birthday=date(1985, 1, 1))
    make_contact(make_customer("乙公司"), "一月五日生", birthday=date(1985, 1, 5))  # outside
    with db.session() as s:
        made = generate_reminders(s, clock=lambda: datetime(2026, 12, 30, 8, 0))
    assert made.created == {"birthday": 1}
    (fu,) = reminders(db, "birthday")
    assert (fu.contact_id, fu.auto_key, fu.due_at, fu.title) == (
        new_year, f"birthday:{new_year}:2027-01-01", datetime(2026, 12, 30, 9, 0),
        "元旦生生日（1月1日）")


def test_dormant_threshold_edge_and_never_contacted(db, make_customer, clock) -> None:
    # Exactly 14 days of silence is still within the allowance; a minute more is not.
    make_customer("四类整十四天", value_class="4", last_contact_at=datetime(2026, 11, 18, 10, 0))
    late = make_customer("四类多一分", value_class="4", last_contact_at=datetime(2026, 11, 18, 9, 59))
    never = make_customer("从未联系的")
    with db.session() as s:
        save_reminder_settings(s, {"dormant_unclassified": True})
    with db.session() as s:
        assert generate_reminders(s, clock=clock).created == {"dormant": 2}
    by_customer = {f.customer_id: f for f in reminders(db, "dormant")}
    assert set(by_customer) == {late, never}
    assert by_customer[late].title == "久未联系：上次联系11月18日，已超过 14 天"
    assert by_customer[never].title == "久未联系：从未联系"
    assert by_customer[never].auto_key == f"dormant:{never}:never"
    assert {f.due_at for f in by_customer.values()} == {datetime(2026, 12, 2, 9, 0)}
    assert {f.priority for f in by_customer.values()} == {2}


def test_generated_reminders_move_only_their_customers_next_follow_up(db, make_customer, clock) -> None:
    from kehubao.models import Customer

    dormant = make_customer("久未联系", value_class="4", last_contact_at=datetime(2026, 10, 1, 9))
    busy = make_customer("已有安排", value_class="4", last_contact_at=datetime(2026, 10, 1, 9))
    quiet = make_customer("最近联系", value_class="4", last_contact_at=datetime(2026, 12, 1, 9))
    with db.session() as s:
        s.add(FollowUp(customer_id=busy, title="早已约好", due_at=datetime(2026, 11, 30, 15, 0)))
    with db.session() as s:
        assert generate_reminders(s, clock=clock).created == {"dormant": 2}
    with db.session() as s:
        figures = {c.id: c.next_follow_up_at for c in s.scalars(select(Customer))}
    assert figures == {dormant: datetime(2026, 12, 2, 9, 0), busy: datetime(2026, 11, 30, 15, 0),
                       quiet: None}


def test_titles_follow_the_language_they_are_shown_in(db, make_customer, clock) -> None:
    """Reminders made in Chinese are renamed, not duplicated, when the next run is in
    another language (the window reopened in English), and back again; a closed one and
    one whose title the user edited keep their titles; a process that cannot show the
    other language (the CLI) leaves its titles alone."""
    from kehubao import texts
    from kehubao.services.followups import generate_if_stale
    from kehubao.services.followups.birthdays import lunar_label

    english = {"久未联系：从未联系": "Not contacted: never contacted",
               "{month}{day}": "{month}, {day}", "五月": "month 5", "初十": "day 10"}

    def to_english(template: str) -> str:
        return english.get(template, template)

    never = make_customer("从没联系过", value_class="4")
    closed = make_customer("也没联系过", value_class="4")
    edited = make_customer("改过标题的", value_class="4")
    with db.session() as s:
        assert generate_if_stale(s, clock=clock).created == {"dormant": 3}
    with db.session() as s:
        s.scalar(select(FollowUp).where(FollowUp.customer_id == closed)).status = "done"
        s.scalar(select(FollowUp).where(FollowUp.customer_id == edited)).title = "先问王总要报价"

    def titles() -> dict[int, str]:
        return {f.customer_id: f.title for f in reminders(db, "dormant")}

    before, known = texts._translate, dict(texts._known)
    texts._known.clear()  # as in the CLI: no other language known
    try:
        texts.install(to_english, "en")
        with db.session() as s:
            made = generate_if_stale(s, clock=clock)  # not skipped: the language changed
        assert made is not None and made.total == 0
        with db.session() as s:
            assert generate_if_stale(s, clock=clock) is None  # the same language: skipped
        assert lunar_label((5, 10, False)) == "month 5, day 10"
        assert titles() == {never: "Not contacted: never contacted",
                            closed: "久未联系：从未联系", edited: "先问王总要报价"}
        texts.install(None)  # a process without English (the CLI): English titles stay
        with db.session() as s:
            generate_if_stale(s, clock=clock)
        assert titles()[never] == "Not contacted: never contacted"
        texts.install(to_english, "en")
        with db.session() as s:
            generate_if_stale(s, clock=clock)
        texts.install(None)
        texts.know("en", to_english)  # the window back in Chinese, English shipped
        with db.session() as s:
            generate_if_stale(s, clock=clock)
        assert titles() == {never: "久未联系：从未联系", closed: "久未联系：从未联系",
                            edited: "先问王总要报价"}
    finally:
        texts.install(before)
        texts._known.clear()
        texts._known.update(known)
