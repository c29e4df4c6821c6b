"""The 今日 page and the log-interaction dialog, driven by the keyboard, clock injected."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import select

from kehubao.models import Contact, Customer, FollowUp, Interaction
from kehubao.services.followups import create_follow_up, log_interaction
from kehubao.ui import ops

NOW = datetime(2026, 12, 2, 10, 0)  # a Wednesday


@pytest.fixture
def data(db):
    with db.session() as s:
        customer = Customer(name="华东商贸", name_sort="huadong", status="stable",
                            value_class="4", last_contact_at=datetime(2026, 11, 1, 9))
        s.add(customer)
        s.flush()
        contact = Contact(customer_id=customer.id, name="李总", last_emotion="anger",
                          birthday=date(1970, 12, 4), is_primary=True)
        s.add(contact)
        s.flush()
        overdue = create_follow_up(s, customer.id, title="回电", due_at="2026-11-30 09:00",
                                   contact_id=contact.id).id
        today = create_follow_up(s, customer.id, title="送样品", due_at="2026-12-02 15:00").id
        return {"customer": customer.id, "contact": contact.id, "overdue": overdue,
                "today": today}


def make_page(qtbot, db, bus, now=NOW, ready=lambda data: data.counts["birthdays"] == 1):
    """The page, once its data is in (the automatic reminders are generated on a writer
    thread beside the first read; the bus brings the second read)."""
    from kehubao.ui.followups.today_page import TodayPage

    page = TodayPage(db, bus, clock=lambda: now)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    page.generate()
    page.refresh()
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.data is not None and ready(page.data))
    return page


def group_texts(page) -> list[str]:
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]


def test_groups_with_counts_and_context(qtbot, db, bus, data) -> None:
    page = make_page(qtbot, db, bus)
    assert group_texts(page) == ["已逾期（1）", "今天到期（1）", "生日（1）", "久未联系的重要客户（1）"]
    first = page.tree.topLevelItem(0).child(0)
    assert first.text(1) == "华东商贸 · 李总" and first.text(2) == "回电"
    assert first.text(4) == "怒" and first.text(5).startswith("上次在气头上")
    assert page.selected_row().follow_up_id == data["overdue"]  # first row selected
    assert page.current_customer() == data["customer"]


def test_one_key_completes_and_the_page_follows_the_bus(qtbot, db, bus, data) -> None:
    page = make_page(qtbot, db, bus)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_D)
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.data.counts["overdue"] == 0)
    with db.session() as s:
        assert s.get(FollowUp, data["overdue"]).status == "done"
    assert "已逾期（1）" not in group_texts(page)


def test_snooze_and_move_off_a_holiday(qtbot, db, bus, data) -> None:
    page = make_page(qtbot, db, bus)
    page.tree.setCurrentItem(page.tree.topLevelItem(1).child(0))  # 送样品, due today
    page.snooze_selected("tomorrow")
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.data.counts["today"] == 0)
    with db.session() as s:
        assert s.get(FollowUp, data["today"]).snoozed_until == datetime(2026, 12, 3, 9, 0)
    with db.session() as s:
        holiday = create_follow_up(s, data["customer"], title="节日拜访",
                                   due_at="2026-10-01 10:00").id
    late = make_page(qtbot, db, bus, now=datetime(2026, 9, 28, 9, 0),
                     ready=lambda data: data.counts["week"] == 1)
    row = next(late.tree.topLevelItem(i).child(j)
               for i in range(late.tree.topLevelItemCount())
               for j in range(late.tree.topLevelItem(i).childCount())
               if late.tree.topLevelItem(i).child(j).text(2) == "节日拜访")
    assert row.text(0) == "10-01 10:00（国庆节）"
    late.tree.setCurrentItem(row)
    assert late.act_workday.isEnabled()
    late.tree.setFocus()
    qtbot.keyClick(late.tree, Qt.Key.Key_W)
    ops.wait_idle()
    with db.session() as s:
        # 1-7 October 2026 are the National Day holiday; Thursday 8 October is worked.
        assert s.get(FollowUp, holiday).due_at == datetime(2026, 10, 8, 10, 0)


def test_log_dialog_from_a_row_prefills_saves_with_ctrl_s_and_completes(qtbot, db, bus, data) -> None:
    from kehubao.ui.followups.log_dialog import LogInteractionDialog

    page = make_page(qtbot, db, bus)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_L)
    dialog = page.findChild(LogInteractionDialog)
    assert dialog is not None
    ops.wait_idle()
    assert dialog.heading.text() == "华东商贸"
    assert dialog.contact.currentData() == data["contact"]
    assert dialog.when.value() == NOW and dialog.kind.value() == "call"
    assert dialog.complete_box.isVisible()
    # Ctrl+S with no summary: the field is marked, nothing is written.
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ops.wait_idle()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.summary.property("invalid") == "true"
    dialog.summary.setText("电话回访，客户消气了")
    dialog.mood.buttons["joy"].click()
    qtbot.keyClicks(dialog.next_step, "Q")  # (QTest types ASCII only)
    assert dialog.due.enabled.isChecked()  # typing a next step offers the reminder
    dialog.next_step.setText("寄报价单")
    dialog.due.when.set_value(datetime(2026, 12, 4, 9, 0))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ops.wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.session() as s:
        logged = s.scalars(select(Interaction)).one()
        assert (logged.subject, logged.mood, logged.kind) == ("电话回访，客户消气了", "joy", "call")
        assert s.get(Contact, data["contact"]).last_emotion == "joy"
        assert s.get(FollowUp, data["overdue"]).status == "done"
        nxt = s.scalars(select(FollowUp).where(FollowUp.interaction_id == logged.id,
                                               FollowUp.status == "open")).one()
        assert (nxt.title, nxt.due_at) == ("寄报价单", datetime(2026, 12, 4, 9, 0))
    qtbot.waitUntil(lambda: page.data.counts["overdue"] == 0 and page.data.counts["dormant"] == 0)


def test_section_badge_and_current_customer(qtbot, db, bus, data) -> None:
    from kehubao.ui.followups.section import FollowUpsSection
    from kehubao.ui.sections import SectionContext

    window = QMainWindow()
    qtbot.addWidget(window)
    section = FollowUpsSection(SectionContext(db, bus, window), clock=lambda: NOW)
    assert section.title() == "跟进" and section.current_customer() is None
    with db.session(write=False) as s:
        assert section.badge(s) == 2  # one overdue, one due today
    assert section.badge_tip(2) == "已逾期和今天到期的跟进：2"  # what the count counts
    page = section.page().today
    qtbot.addWidget(section.page())
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.data is not None)
    assert section.current_customer() == data["customer"]


class FakeTray(QObject):
    """Stands in for QSystemTrayIcon (no system tray on the offscreen platform)."""

    messageClicked = Signal()  # noqa: N815

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def showMessage(self, title: str, message: str, *args) -> None:  # noqa: N802
        self.messages.append((title, message))


def test_a_follow_up_falling_due_raises_a_tray_notification(qtbot, db, bus, data) -> None:
    from kehubao.ui.followups.notifier import ReminderNotifier

    clock = {"now": datetime(2026, 12, 2, 14, 50)}
    tray = FakeTray()
    notifier = ReminderNotifier(db, tray, clock=lambda: clock["now"], interval_ms=60_000)
    caught: list = []
    notifier.caught_up.connect(caught.append)
    notifier.last_check = datetime(2026, 12, 2, 14, 0)
    notifier.start()
    ops.wait_idle()
    assert caught == [[]]  # nothing fell due between 14:00 and 14:50
    notifier.check()
    ops.wait_idle()
    assert tray.messages == []
    clock["now"] = datetime(2026, 12, 2, 15, 0, 30)  # 送样品 is due at 15:00
    notifier.check()
    ops.wait_idle()
    assert tray.messages == [("跟进到期：华东商贸", "送样品（李总）")]  # the primary contact
    opened: list = []
    notifier.open_follow_up.connect(lambda fid, cid: opened.append((fid, cid)))
    tray.messageClicked.emit()
    assert opened == [(data["today"], data["customer"])]
    clock["now"] = datetime(2026, 12, 2, 15, 1)
    notifier.check()
    ops.wait_idle()
    assert len(tray.messages) == 1  # announced once


def test_notifications_are_cut_to_what_windows_shows_and_catch_up_lists_the_missed(
        qtbot, db, bus, data) -> None:
    from kehubao.ui.followups.catch_up import CatchUpDialog
    from kehubao.ui.followups.notifier import BODY_MAX, TITLE_MAX, ReminderNotifier

    with db.session() as s:
        customer = s.get(Customer, data["customer"])
        customer.name = "很长的客户名称" * 12
        create_follow_up(s, data["customer"], title="说明" * 99, due_at="2026-12-02 16:00")
        log_interaction(s, data["customer"], kind="call", summary="情况" * 60,
                        occurred_at="2026-12-01 10:00", clock=lambda: NOW)
    tray = FakeTray()
    notifier = ReminderNotifier(db, tray, clock=lambda: datetime(2026, 12, 2, 16, 1))
    notifier.last_check = datetime(2026, 12, 2, 15, 30)
    notifier.check()
    ops.wait_idle()
    ((title, body),) = tray.messages
    assert len(title) == TITLE_MAX and title.endswith("…")
    assert len(body) <= BODY_MAX and body.endswith("…")
    # Closed since yesterday evening: the catch-up lists both follow-ups due meanwhile.
    late = ReminderNotifier(db, None, clock=lambda: datetime(2026, 12, 2, 16, 5))
    late.last_check = datetime(2026, 12, 1, 18, 0)
    caught: list = []
    late.caught_up.connect(caught.append)
    late.catch_up()
    ops.wait_idle()
    assert [r.follow_up_id for r in caught[0]] == [data["today"], data["today"] + 1]
    dialog = CatchUpDialog(caught[0])
    qtbot.addWidget(dialog)
    opened: list = []
    dialog.open_follow_up.connect(lambda fid, cid: opened.append(fid))
    dialog.show()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert opened == [data["today"]]


def test_edit_a_follow_up_from_the_today_page_with_a_recurrence(qtbot, db, bus, data) -> None:
    from kehubao.ui.followups.follow_up_dialog import FollowUpDialog

    page = make_page(qtbot, db, bus)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_E)  # the overdue 回电 is selected
    dialog = page.findChild(FollowUpDialog)
    ops.wait_idle()
    assert dialog.heading.text() == "华东商贸" and dialog.title.text() == "回电"
    assert dialog.contact.currentData() == data["contact"]
    assert dialog.due.value() == datetime(2026, 11, 30, 9, 0)
    rec = dialog.recurrence
    rec.pattern.setCurrentIndex(rec.pattern.findData("weekly"))
    assert [b.isChecked() for b in rec.days] == [True] + [False] * 6  # the due day, a Monday
    rec.days[2].setChecked(True)
    assert rec.preview.text() == "每周一、三"
    dialog.priority.setCurrentIndex(2)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ops.wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.session() as s:
        fu = s.get(FollowUp, data["overdue"])
        assert (fu.recurrence, fu.priority, fu.title) == ("FREQ=WEEKLY;BYDAY=MO,WE", 2, "回电")


def test_new_follow_up_for_the_customer_on_screen_monthly_on_the_31st(qtbot, db, bus, data) -> None:
    from kehubao.ui.followups.follow_up_dialog import FollowUpDialog
    from kehubao.ui.followups.section import FollowUpsSection
    from kehubao.ui.sections import SectionContext

    class Window(QMainWindow):
        def current_context(self):  # noqa: ANN202
            return data["customer"], data["contact"]

    window = Window()
    qtbot.addWidget(window)
    section = FollowUpsSection(SectionContext(db, bus, window), clock=lambda: NOW)
    action = next(a.action for a in section.actions() if a.name == "plan_follow_up")
    assert action.shortcut().toString() == "Ctrl+Shift+L"
    action.trigger()
    dialog = window.findChild(FollowUpDialog)
    ops.wait_idle()
    assert dialog.windowTitle() == "新建跟进" and dialog.contact.currentData() == data["contact"]
    assert dialog.due.value() == datetime(2026, 12, 3, 9, 0)  # tomorrow morning
    dialog.title.setText("月度对账")
    dialog.due.set_value(datetime(2027, 1, 31, 10, 0))
    rec = dialog.recurrence
    rec.pattern.setCurrentIndex(rec.pattern.findData("monthly"))
    assert rec.month_day.value() == 31
    assert rec.preview.text() == "每月 31 日（没有这天则为月末）"
    dialog.save()
    ops.wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.session() as s:
        fu = s.scalars(select(FollowUp).where(FollowUp.title == "月度对账")).one()
        assert fu.recurrence == "FREQ=MONTHLY;BYMONTHDAY=31,-1;BYSETPOS=1"
        assert (fu.customer_id, fu.contact_id, fu.due_at) == (
            data["customer"], data["contact"], datetime(2027, 1, 31, 10, 0))


def test_log_with_a_script_reply_counts_in_the_script_use(qtbot, db, bus, data, answer) -> None:
    from kehubao.services.scripts import apply_starter_library, script_detail
    from kehubao.services.starter import load_json
    from kehubao.ui.followups.log_dialog import LogInteractionDialog

    with db.session() as s:
        apply_starter_library(s, load_json("objection_scripts.json"))
    answer("discard")  # a failing test must not leave a question waiting at teardown
    dialog = LogInteractionDialog(db, data["customer"], contact_id=data["contact"],
                                  clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    ops.wait_idle()
    picker = dialog.script
    assert picker.script.count() == 1 and not picker.reply.isEnabled()  # nothing typed yet
    qtbot.keyClicks(dialog.objections, "tai gui")
    qtbot.waitUntil(lambda: picker.script.count() > 1, timeout=5000)
    ops.wait_idle()
    picker.script.setCurrentIndex(1)  # the best match
    script_id = picker.script.currentData()
    match = picker.matches[script_id]
    assert match.category == "价格异议"
    shown = f"{match.title}（价格异议）"  # the title and its category, from a translated pattern
    assert picker.script.currentText() == picker.script.itemData(1, Qt.ItemDataRole.ToolTipRole) == shown
    picker.script.setFixedWidth(120)  # too narrow: cut at the end, with "…"
    assert picker.script.shown_text().endswith("…") and len(picker.script.shown_text()) < len(shown)
    picker.script.setFixedWidth(900)
    assert picker.script.shown_text() == shown
    assert picker.reply.isEnabled() and picker.reply.currentData() == match.replies[0].id
    picker.reply.setCurrentIndex(2)  # the second reply
    reply = match.replies[1]
    assert dialog.reply.text() == reply.text  # the free-text field follows the pick
    dialog.worked.setCurrentIndex(dialog.worked.findData(True))
    dialog.summary.setText("客户嫌贵，讲了长期成本")
    with db.session(write=False) as s:
        before = script_detail(s, script_id)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ops.wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.session(write=False) as s:
        logged = s.scalars(select(Interaction)).one()
        assert (logged.script_id, logged.reply_id, logged.reply_worked) == (script_id, reply.id, True)
        assert logged.objections == "tai gui"
        after = script_detail(s, script_id)
    assert after.tally.used == before.tally.used + 1 == 1
    used = {r.id: r.tally for r in after.replies}
    assert (used[reply.id].used, used[reply.id].trials, used[reply.id].worked) == (1, 1, 1)
