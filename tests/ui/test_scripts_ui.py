"""The 话术 section: the quick panel opened by its shortcut finds the price scripts for
"tai gui", "太贵" and "tg" and copies a reply with Enter; the library page edits,
archives and deletes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from kehubao.models import Interaction, ObjectionScript
from kehubao.services.scripts import library_index
from kehubao.ui import ops
from kehubao.ui.bus import QtBus
from kehubao.ui.sections import SectionContext


@pytest.fixture
def section(qtbot, db):  # type: ignore[no-untyped-def]
    from kehubao.ui.scripts.section import ScriptsSection

    window = QMainWindow()
    qtbot.addWidget(window)
    bus = QtBus()
    section = ScriptsSection(SectionContext(db, bus, window))
    for contributed in section.actions():
        window.addAction(contributed.action)  # as the main window installs them
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    ops.wait_idle()
    yield section
    if section._panel is not None:
        section._panel.hide()
    ops.wait_idle()
    bus.close()


def open_panel(qtbot, section):  # type: ignore[no-untyped-def]
    window = section.ctx.window
    qtbot.keyClick(window, Qt.Key.Key_Space,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: section._panel is not None and section._panel.isVisible(),
                    timeout=5000)
    panel = section._panel
    ops.wait_idle()
    qtbot.waitUntil(lambda: panel.index is not None, timeout=5000)
    return panel


@pytest.mark.parametrize("typed", ["tai gui", "太贵", "tg"])
def test_quick_panel_finds_price_scripts_and_enter_copies(qtbot, section, typed: str) -> None:
    panel = open_panel(qtbot, section)
    QGuiApplication.clipboard().clear()
    if typed.isascii():
        qtbot.keyClicks(panel.query, typed)
    else:
        panel.query.setText(typed)  # an input method commits the characters at once
    ops.wait_idle()
    qtbot.waitUntil(lambda: bool(panel.matches) and panel.matches[0].element == "price")
    assert [m.element for m in panel.matches[:3]] == ["price"] * 3
    assert panel.results.count() == len(panel.matches)
    assert panel.matches[0].title == "你们的价格太高了"
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    best = panel.matches[0].best_reply.text
    assert QGuiApplication.clipboard().text() == best
    # arrows choose another script, a digit copies that script's variant
    qtbot.keyClick(panel.query, Qt.Key.Key_Down)
    assert panel.results.currentRow() == 1
    qtbot.keyClick(panel.query, Qt.Key.Key_2)
    assert QGuiApplication.clipboard().text() == panel.matches[1].replies[1].text
    assert panel.query.text() == panel.query.text().rstrip("2")  # the digit was not typed
    qtbot.keyClick(panel.query, Qt.Key.Key_Escape)
    assert not panel.isVisible()


def test_quick_panel_logs_use_on_the_open_customer(qtbot, section, db) -> None:
    from tests.unit.scripts_helpers import person

    with db.session() as s:
        contact = person(s, "周经理", age_band="middle")
        contact.last_emotion = "anger"
        customer_id, contact_id = contact.customer_id, contact.id
    section._customer_in_view = lambda: (customer_id, contact_id)  # a customer is open
    panel = open_panel(qtbot, section)
    panel.current_customer = section._customer_in_view
    panel.refresh()
    ops.wait_idle()
    qtbot.waitUntil(lambda: panel.person is not None)
    assert "周经理" in panel.contact.toolTip() and "怒" in panel.contact.toolTip()
    assert panel.segment is None and "成功率" not in panel.contact.toolTip()  # no data yet
    qtbot.keyClicks(panel.query, "tg")
    ops.wait_idle()
    qtbot.keyClick(panel.query, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    ops.wait_idle()
    with db.session(write=False) as s:
        used = s.query(Interaction).filter(Interaction.customer_id == customer_id).one()
        assert used.script_id == panel.matches[0].script_id
        assert used.reply_used == QGuiApplication.clipboard().text()


def test_library_page_ranks_edits_archives_and_deletes(qtbot, section, db, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    page = section.page()
    page.resize(1366, 700)
    page.show()
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.table.rowCount() >= 25)
    # a search hit opens the script in the page
    with db.session(write=False) as s:
        target = s.query(ObjectionScript).filter_by(builtin_key="payment-terms").one().id
    assert section.open_hit("script", target, None)
    ops.wait_idle()
    qtbot.waitUntil(lambda: page.detail is not None and page.detail.id == target)
    assert "账期" in page.view.toPlainText()
    page.copy_text()
    assert QGuiApplication.clipboard().text().startswith("【要先给货，过几个月再付款】\n1. ")
    # archive: leaves the list and the quick panel's index
    page.toggle_archive()
    ops.wait_idle()
    qtbot.waitUntil(lambda: all(page.table.item(r, 0).data(Qt.ItemDataRole.UserRole) != target
                                for r in range(page.table.rowCount())))
    with db.session(write=False) as s:
        assert target not in library_index(s).by_id
    # the category filter and the pinyin filter
    page.filter.setText("kucun")
    assert page.table.item(0, 0).text() == "库存压力大，不想再压货"
    page.filter.clear()
    # delete to the recycle bin
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    page.select_row(0)
    first = page.current_id()
    assert page.selected_ids() == [first]
    warnings: list = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: warnings.append(a)))
    page.delete()
    ops.wait_idle()
    qtbot.wait(100)  # the bus event, the reload
    ops.wait_idle()
    with db.session(write=False) as s:
        assert s.get(ObjectionScript, first).deleted_at is not None, warnings
    assert first not in [page.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
                         for r in range(page.table.rowCount())]
    assert warnings == []  # the vanished script's detail read does not alarm anyone


def test_editor_saves_through_the_service(qtbot, section, db) -> None:
    from kehubao.services.scripts import create_script
    from kehubao.ui.scripts.editor import ScriptDialog

    dialog = ScriptDialog(db, None, ["价格异议"], lambda s, data: create_script(s, data).id)
    qtbot.addWidget(dialog)
    dialog.title.setText("运费谁出")
    dialog.category.setCurrentText("价格异议")
    dialog.element.setCurrentIndex(dialog.element.findData("price"))
    dialog.replies.item(0, 0).setText("满五千包邮")
    dialog._add_reply("量大我们出运费", "用订量换")
    dialog._save()
    ops.wait_idle()
    assert dialog.result() == dialog.DialogCode.Accepted
    with db.session(write=False) as s:
        script = s.query(ObjectionScript).filter_by(title="运费谁出").one()
        assert script.element == "price" and len(script.live_replies) == 2


def test_quick_panel_says_when_it_ranks_for_this_person(qtbot, section, db) -> None:
    from tests.unit.scripts_helpers import log, person, script_by_key

    with db.session() as s:
        price = script_by_key(s, "price-too-high")
        third = price.live_replies[2].id
        other = person(s, "钱总")
        log(s, other, price.id, third, True, times=9, mood="anger")
        log(s, other, price.id, third, False, times=1, mood="anger")
        contact = person(s, "孙经理")
        contact.last_emotion = "anger"
        ids = (contact.customer_id, contact.id)
    section._customer_in_view = lambda: ids
    panel = open_panel(qtbot, section)
    panel.current_customer = section._customer_in_view
    panel.refresh()
    ops.wait_idle()
    qtbot.waitUntil(lambda: panel.segment is not None)
    assert "按情绪同为“怒”时的成功率排序" in panel.contact.toolTip()
    panel.query.setText("太贵")
    # 9 of 10 among angry contacts: the third reply is now the best one
    assert panel.matches[0].best_reply.id == third
