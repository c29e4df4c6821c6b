"""The defects a first day with the app found (issue #11), each reproduced through the
window: keys, focus, marks, the search box's 显示更多, the recycle bin's columns, and
quitting while a reader is still at work."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from sqlalchemy import select

from kehubao.models import Customer, FollowUp
from kehubao.services import customers as svc
from kehubao.ui import ops
from kehubao.ui.customers.edit_dialog import CustomerDialog
from kehubao.ui.search_box import PER_KIND

from .conftest import settle


def new_customer(window, name: str = "济南华远数控设备有限公司") -> int:  # type: ignore[no-untyped-def]
    with window.db.session() as s:
        return svc.create_customer(s, {"name": name}).id


def test_f2_in_a_customer_tab_opens_the_edit_dialog(window, qtbot, monkeypatch) -> None:
    cid = new_customer(window)
    settle(qtbot, window)
    opened = []
    monkeypatch.setattr(CustomerDialog, "exec", lambda self: opened.append(self.customer_id) or 0)
    page = window.page_of("customers")
    page.open_customer(cid)
    ops.wait_idle()
    detail = page.details[cid]
    detail.tabs.setFocus()
    qtbot.keyClick(detail.tabs, Qt.Key.Key_F2)
    assert opened == [cid]


def test_ctrl_n_puts_the_cursor_in_the_customer_name(window, qtbot, monkeypatch) -> None:
    seen = []

    def fake_exec(dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        seen.append(QApplication.focusWidget() is dialog.basic.fields["name"])
        return 0

    monkeypatch.setattr(CustomerDialog, "exec", fake_exec)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == [True]


def test_an_empty_name_marks_only_the_customer_name_and_typing_clears_it(window, qtbot) -> None:
    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    dialog.save()
    ops.wait_idle()
    name, contact_name = dialog.basic.fields["name"], dialog.contact_form.fields["name"]
    assert name.property("invalid") == "true"
    assert contact_name.property("invalid") != "true"
    assert dialog.error.isVisibleTo(dialog)
    name.setText("济南华远")
    assert name.property("invalid") == "false" and not dialog.error.isVisibleTo(dialog)


def test_a_bad_first_contact_marks_the_contact_field(window, qtbot) -> None:
    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    dialog.basic.fields["name"].setText("济南华远")
    dialog.contact_form.fields["name"].setText("王")
    dialog.contact_form.fields["mobile"].setText("12345")
    dialog.save()
    ops.wait_idle()
    assert dialog.contact_form.fields["mobile"].property("invalid") == "true"
    assert dialog.basic.fields["name"].property("invalid") != "true"


def test_the_new_customer_dialog_is_not_cramped(window, qtbot) -> None:
    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ops.wait_idle()
    for field in ("name", "phone", "tags"):
        widget = dialog.basic.fields[field]
        assert widget.height() >= widget.sizeHint().height()
    notes = dialog.basic.fields["notes"]
    assert notes.height() >= 3 * notes.fontMetrics().lineSpacing()


def test_an_overdue_next_follow_up_is_red_in_the_detail_too(window, qtbot) -> None:
    cid = new_customer(window)
    with window.db.session() as s:
        s.add(FollowUp(customer_id=cid, title="回访", due_at=datetime.now() - timedelta(days=2)))
        s.get(Customer, cid).next_follow_up_at = datetime.now() - timedelta(days=2)
    page = window.page_of("customers")
    page.open_customer(cid)
    ops.wait_idle()
    html = page.details[cid].summary.toHtml()
    assert "#c62828" in html


def test_search_shows_more_than_eight_of_a_kind_on_request(window, qtbot) -> None:
    with window.db.session() as s:
        for n in range(PER_KIND + 5):
            svc.create_customer(s, {"name": f"星辰贸易{n:02d}号店"})
    box = window.search_box
    box.setText("星辰贸易")
    box.run_now()
    ops.wait_idle()
    tree = box.popup.tree
    items = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    more = [i for i in items if (i.data(0, Qt.ItemDataRole.UserRole) or ("",))[0] == "more"]
    assert len(more) == 1
    box.popup.choose(more[0])
    ops.wait_idle()
    assert box.popup.shown_of_kind("customer") == PER_KIND + 5
    texts = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "显示更多…" not in texts  # all shown: the row is gone


def test_the_recycle_bin_shows_the_whole_deletion_time(demo_window, qtbot) -> None:
    with demo_window.db.session() as s:
        ids = list(s.scalars(select(Customer.id).limit(3)))
        svc.delete_customers(s, ids)
    demo_window.go_to("recycle")
    page = demo_window.page_of("recycle")
    settle(qtbot, demo_window)
    table = page.customers
    column = 2  # 删除时间
    needed = table.fontMetrics().horizontalAdvance(table.item(0, column).text())
    assert table.columnWidth(column) >= needed


def test_demo_generation_from_the_window_can_be_cancelled(window, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from kehubao.ui.tasks import _running

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *_a, **_k: (2000, True)))
    window.load_demo()
    qtbot.waitUntil(lambda: bool(_running), timeout=5000)
    task = _running[0]
    assert task.dialog.findChild(QPushButton) is not None  # the 取消 button is there
    task.progress.cancel()  # as the 取消 button does
    settle(qtbot, window)
    with window.db.session(write=False) as s:
        assert s.query(Customer).count() == 0


def test_closing_the_window_while_readers_work_is_safe(window, qtbot) -> None:
    """Quitting during background work: no callback may reach a freed widget."""
    page = window.page_of("customers")
    for _ in range(20):
        page.list.model.reload()
        window.search_box.setText("张")
        window.search_box.run_now()
    window.close()
    assert ops.wait_idle(10_000)
    assert not ops.busy()


def test_a_new_customer_with_its_contact_is_one_undo_step(window, qtbot) -> None:
    from kehubao.models import Contact, SalesRep

    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    dialog.basic.fields["name"].setText("济南华远数控设备有限公司")
    dialog.owner.setCurrentText("新来的业务员")
    dialog.contact_form.fields["name"].setText("张三丰")
    dialog.save()
    ops.wait_idle()
    with window.db.session(write=False) as s:
        assert s.scalar(select(SalesRep.id).where(SalesRep.name == "新来的业务员")) is not None
    settle(qtbot, window)
    window.actions_by_name["undo"].trigger()  # one Ctrl+Z
    settle(qtbot, window)
    with window.db.session(write=False) as s:
        assert s.scalar(select(Customer.deleted_at).where(Customer.name == "济南华远数控设备有限公司"))
        assert s.scalar(select(Contact.deleted_at).where(Contact.name == "张三丰"))
    assert window.status.undo_id is None  # nothing left of it to undo


def test_the_undo_question_holds_no_write_lock(window, qtbot, monkeypatch, db_path) -> None:
    """While the window asks about undoing an import, another program can still write."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from kehubao.services.journal import operation

    with window.db.session() as s:
        with operation(s, "import", "导入：名单.csv"):
            svc.create_customer(s, {"name": "导入的客户"})
    settle(qtbot, window)
    wrote = []

    def while_asking(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        other = sqlite3.connect(str(db_path), timeout=0.5)
        try:
            other.execute("UPDATE customer SET notes = '别的程序写的' WHERE name = '导入的客户'")
            other.commit()
            wrote.append(True)
        finally:
            other.close()
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(while_asking))
    window.undo_last()
    ops.wait_idle()
    assert wrote == [True]


WINDOW_MODULES = r"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import kehubao.services
from kehubao.db import open_database
from kehubao.ui.application import create_application
from kehubao.ui.main_window import MainWindow
app = create_application([])
window = MainWindow(open_database(sys.argv[1]))
print(",".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_the_first_screen_loads_no_report_or_calendar_library(db, db_path) -> None:
    """Start-up builds the customer list only: the PDF, calendar and PDF-rendering
    libraries load when a section or a print action first needs them."""
    import subprocess
    import sys

    db.dispose()
    result = subprocess.run([sys.executable, "-c", WINDOW_MODULES, str(db_path)],
                            capture_output=True, text=True, check=True, timeout=120)
    loaded = set(result.stdout.strip().splitlines()[-1].split(","))
    assert not loaded & {"reportlab", "icalendar", "pypdfium2", "openpyxl", "alembic"}


def test_check_and_reindex_from_the_tools_menu(window, qtbot, answer) -> None:
    """Tools → 检查数据库 says the file is fine; 重建搜索索引 says when it is done."""
    asked = answer("yes")
    window.actions_by_name["check"].trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == ["检查通过，没有发现问题。"]
    window.actions_by_name["reindex"].trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "搜索索引已重建", timeout=10_000)
