"""The 日历 tab: a month and a week of follow-ups and visits, moved by keyboard and by
drag (each move one undoable reschedule), Enter opening the customer; clock injected."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from kehubao.models import Customer, FollowUp
from kehubao.services.followups import create_follow_up, log_interaction
from kehubao.services.journal import undo
from kehubao.services.workspace import workspace_status
from kehubao.ui import ops

NOW = datetime(2026, 9, 30, 10, 0)  # a Wednesday, the day before National Day


@pytest.fixture
def data(db):
    with db.session() as s:
        customer = Customer(name="华东商贸", name_sort="huadong", status="stable")
        s.add(customer)
        s.flush()
        call = create_follow_up(s, customer.id, title="回电", due_at="2026-09-30 14:00").id
        later = create_follow_up(s, customer.id, title="送样品", due_at="2026-09-30 16:00").id
        log_interaction(s, customer.id, kind="visit", summary="上门拜访",
                        occurred_at="2026-09-29 10:00", clock=lambda: NOW)
        return {"customer": customer.id, "call": call, "later": later}


def make_page(qtbot, db, bus):
    from kehubao.ui.followups.calendar_page import CalendarPage

    page = CalendarPage(db, bus, clock=lambda: NOW)
    qtbot.addWidget(page)
    page.resize(1200, 640)
    page.show()
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.grid.data is not None)
    page.grid.setFocus()
    return page


def reload(qtbot, page) -> None:
    ops.wait_idle()
    qtbot.wait(200)  # the bus, then the debounced read
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.grid.data is not None)


def due_of(db, fid) -> datetime:
    with db.session(write=False) as s:
        return s.get(FollowUp, fid).due_at


def test_month_view_marks_today_and_holidays_and_lists_items(qtbot, db, bus, data) -> None:
    page = make_page(qtbot, db, bus)
    grid = page.grid
    assert page.title.text() == "2026 年 9 月" and grid.first == date(2026, 8, 31)
    assert grid.selected == date(2026, 9, 30) and grid.today == date(2026, 9, 30)
    assert grid.cell(date(2026, 10, 1)).holiday == "国庆节"
    assert [i.title for i in grid.items_of(date(2026, 9, 30))] == ["回电", "送样品"]
    assert [(i.kind, i.title) for i in grid.items_of(date(2026, 9, 29))] == [("visit", "上门拜访")]
    assert grid.selected_item().ref_id == data["call"]  # the day's first item
    assert page.summary.text() == "共 3 项"
    image = grid.grab()  # paints without error, the 30th is today's colour
    rect = grid.cell_rect(grid.days().index(date(2026, 9, 30)))
    assert image.toImage().pixelColor(rect.right() - 4, rect.bottom() - 4).name() == "#e3f2fd"


def test_keys_move_the_selection_and_the_follow_up_and_undo_restores(qtbot, db, bus, data) -> None:
    page = make_page(qtbot, db, bus)
    grid = page.grid
    qtbot.keyClick(grid, Qt.Key.Key_Tab)  # the second item of the day
    assert grid.selected_item().title == "送样品"
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    reload(qtbot, page)
    assert due_of(db, data["later"]) == datetime(2026, 10, 1, 16, 0)
    assert grid.selected == date(2026, 10, 1) and grid.selected_item().ref_id == data["later"]
    # The move is one undoable operation.
    with db.session() as s:
        status = workspace_status(s)
        assert status.undo_label.startswith("修改跟进提醒")
        undo(s, status.undo_id)
    assert due_of(db, data["later"]) == datetime(2026, 9, 30, 16, 0)
    # Arrows move the day; Down a week; past the month's end the next month is read.
    grid.select_day(date(2026, 9, 30))  # back in September: read again
    reload(qtbot, page)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert grid.selected == date(2026, 9, 29) and grid.selected_item().kind == "visit"
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # a visit stays
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    reload(qtbot, page)
    assert grid.selected == date(2026, 10, 6) and page.title.text() == "2026 年 10 月"
    qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    reload(qtbot, page)
    assert page.title.text() == "2026 年 9 月"


def test_enter_opens_the_customer_and_week_view(qtbot, db, bus, data) -> None:
    page = make_page(qtbot, db, bus)
    opened: list[int] = []
    page.open_customer.connect(opened.append)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert opened == [data["customer"]]
    page.grid.select_day(date(2026, 9, 28))  # an empty day: Enter shows its week
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    reload(qtbot, page)
    assert page.mode == "week" and page.grid.first == date(2026, 9, 28)
    assert page.title.text() == "2026-09-28 至 10-04"
    assert [i.title for i in page.grid.items_of(date(2026, 9, 30))] == ["回电", "送样品"]


def _mouse(widget, kind, pos, buttons) -> None:
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)),
                        Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_drag_a_follow_up_to_another_day(qtbot, db, bus, data) -> None:
    page = make_page(qtbot, db, bus)
    grid = page.grid
    source = grid.cell_rect(grid.days().index(date(2026, 9, 30)))
    start = source.topLeft() + type(source.topLeft())(20, grid.line_height() + 6 + grid.line_height() // 2)
    target = grid.cell_rect(grid.days().index(date(2026, 9, 17))).center()
    held = Qt.MouseButton.LeftButton
    _mouse(grid, QEvent.Type.MouseButtonPress, start, held)
    assert grid.selected_item().ref_id == data["call"]
    _mouse(grid, QEvent.Type.MouseMove, (start + target) / 2, held)
    _mouse(grid, QEvent.Type.MouseMove, target, held)
    assert grid._drop_day == date(2026, 9, 17)
    _mouse(grid, QEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    reload(qtbot, page)
    assert due_of(db, data["call"]) == datetime(2026, 9, 17, 14, 0)
    assert [i.title for i in grid.items_of(date(2026, 9, 17))] == ["回电"]


def test_the_ui_describes_a_rule_as_the_service_does() -> None:
    from kehubao.services.followups import build_rrule, describe_rrule
    from kehubao.ui.followups.recurrence_text import describe

    start = datetime(2028, 2, 29, 9, 0)
    rules = [None, "FREQ=WEEKLY;INTERVAL=2", "FREQ=HOURLY"]
    for pattern, options in [("daily", {}), ("daily", {"interval": 2}), ("weekdays", {}),
                             ("weekly", {"weekdays": [0, 2, 4]}), ("weekly", {"interval": 3}),
                             ("monthly", {"month_day": 15}), ("monthly", {"month_day": 31}),
                             ("monthly", {"month_day": 5, "interval": 2}), ("monthly_last", {}),
                             ("monthly_last", {"interval": 3}), ("every_n_days", {"interval": 10}),
                             ("yearly", {}), ("yearly", {"interval": 2})]:
        rules.append(build_rrule(pattern, start, **options))
    for rule in rules:
        assert describe(rule) == describe_rrule(rule), rule  # no translator: the same Chinese


def test_the_section_shows_the_calendar_tab_and_e_edits_the_follow_up(qtbot, db, bus, data) -> None:
    from PySide6.QtWidgets import QMainWindow

    from kehubao.ui.followups.follow_up_dialog import FollowUpDialog
    from kehubao.ui.followups.section import FollowUpsSection
    from kehubao.ui.sections import SectionContext

    window = QMainWindow()
    qtbot.addWidget(window)
    section = FollowUpsSection(SectionContext(db, bus, window), clock=lambda: NOW)
    page = section.page()
    window.setCentralWidget(page)
    window.show()
    assert [page.tabText(i) for i in range(page.count())] == ["今日", "日历"]
    page.setCurrentWidget(page.calendar)
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.calendar.grid.data is not None)
    assert section.current_customer() == data["customer"]  # the calendar's selected item
    page.calendar.grid.setFocus()
    qtbot.keyClick(page.calendar.grid, Qt.Key.Key_E)
    dialog = window.findChild(FollowUpDialog)
    ops.wait_idle()
    assert dialog.windowTitle() == "编辑跟进" and dialog.title.text() == "回电"
    dialog.due.set_value(datetime(2026, 10, 9, 11, 0))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ops.wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert due_of(db, data["call"]) == datetime(2026, 10, 9, 11, 0)
