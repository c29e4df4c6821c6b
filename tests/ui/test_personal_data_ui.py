"""导出个人信息… and 彻底删除… in a customer's tab: the export's file, and the erasure's
confirmation — nothing goes until the name is typed back, and the message afterwards says
that older backups still hold the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from kehubao.models import Contact, Customer, Interaction
from kehubao.services import contacts as contact_svc
from kehubao.services import customers as svc
from kehubao.services import followups
from kehubao.ui import ops
from kehubao.ui.customers import personal_data as personal_ui
from kehubao.ui.customers.erase_dialog import EraseDialog

from .conftest import settle
from .test_english_screens import CJK
from .test_i18n import english  # noqa: F401 (the fixture: the English .qm installed)

NAME = "薛定谔猫"


def _open(window, qtbot):  # type: ignore[no-untyped-def]
    with window.db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"}).id
        colleague = contact_svc.create_contact(s, firm, {"name": "王建国"}).id
        person = contact_svc.create_contact(s, firm, {"name": NAME, "mobile": "13987654321"}).id
        followups.log_interaction(s, firm, kind="call", summary=f"致电{NAME}", contact_id=person)
    page = window.page_of("customers")
    page.open_customer(firm, contact_id=person)
    settle(qtbot, window)
    detail = page.details[firm]
    assert detail.current_contact_id() == person
    return page, detail, firm, person, colleague


def _dialogs(monkeypatch, answer_with):  # type: ignore[no-untyped-def]
    """Run the erase question with ``answer_with(dialog)`` instead of a user; the
    explanations the dialogs gave (a dialog goes with the tab it was asked from)."""
    seen: list[str] = []

    def fake_run_modal(dialog):  # type: ignore[no-untyped-def]
        seen.append(dialog.explanation.text())
        answer_with(dialog)
        return dialog.result()

    monkeypatch.setattr(personal_ui, "run_modal", fake_run_modal)
    return seen


def test_erasing_a_contact_needs_the_name_typed(window, qtbot, monkeypatch, answer) -> None:
    page, detail, firm, person, colleague = _open(window, qtbot)

    def type_the_name(dialog: EraseDialog) -> None:
        assert not dialog.erase_button.isEnabled()
        dialog.accept()  # Enter without the name: nothing
        assert dialog.result() == 0
        dialog.name_edit.insert("薛定谔")
        assert not dialog.erase_button.isEnabled()
        dialog.name_edit.insert("猫")
        assert dialog.erase_button.isEnabled()
        dialog.erase_button.click()

    seen = _dialogs(monkeypatch, type_the_name)
    told = answer("yes")
    detail.erase_contact_action.trigger()
    ops.wait_idle()
    settle(qtbot, window)

    [text] = seen
    assert NAME in text and "明德机电有限公司" in text and "跟进记录 1 条" in text
    assert "不能撤销" in text and "backups" in text
    with window.db.session(write=False) as s:
        assert s.get(Contact, person) is None
        assert s.scalars(select(Interaction)).all() == []
        assert s.get(Contact, colleague) is not None
    assert told and NAME in told[-1] and "backups" in told[-1]
    shown = [detail.contacts.item(r).text() for r in range(detail.contacts.count())]
    assert shown == ["★ 王建国"]  # the bus refreshed the tab


def test_cancelling_the_question_erases_nothing(window, qtbot, monkeypatch) -> None:
    page, detail, firm, person, _colleague = _open(window, qtbot)

    def type_and_cancel(dialog: EraseDialog) -> None:
        dialog.name_edit.insert(NAME)
        dialog.reject()

    seen = _dialogs(monkeypatch, type_and_cancel)
    detail.erase_contact_action.trigger()
    ops.wait_idle()
    settle(qtbot, window)
    assert len(seen) == 1
    with window.db.session(write=False) as s:
        assert s.get(Contact, person) is not None


def test_erasing_the_customer_closes_its_tab(window, qtbot, monkeypatch, answer) -> None:
    page, detail, firm, person, colleague = _open(window, qtbot)
    seen = _dialogs(monkeypatch, lambda dialog: (dialog.name_edit.insert("明德机电有限公司"),
                                                 dialog.accept()))
    told = answer("yes")
    detail.erase_customer_action.trigger()
    ops.wait_idle()
    settle(qtbot, window)
    assert "联系人 2 个" in seen[0]
    with window.db.session(write=False) as s:
        assert s.get(Customer, firm) is None
        assert s.get(Contact, colleague) is None
    assert firm not in page.details
    assert told and "backups" in told[-1]


def test_exporting_a_contact_writes_the_file_chosen(window, qtbot, monkeypatch, tmp_path: Path) -> None:
    page, detail, firm, person, _colleague = _open(window, qtbot)
    for chosen, kind, expected in (("人.html", "HTML (*.html)", "人.html"),
                                   ("人", "JSON (*.json)", "人.json")):
        target = tmp_path / chosen
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            staticmethod(lambda *a, target=target, kind=kind, **k: (str(target), kind)))
        detail.export_contact_action.trigger()
        ops.wait_idle()
        written = tmp_path / expected
        assert written.exists(), expected
        assert str(written) in window.statusBar().currentMessage()
    data = json.loads((tmp_path / "人.json").read_text(encoding="utf-8"))
    assert data["contact"]["name"] == NAME and len(data["interactions"]) == 1
    assert NAME in (tmp_path / "人.html").read_text(encoding="utf-8")


@pytest.mark.usefixtures("english")
def test_the_export_from_an_english_window_is_english(window, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                      tmp_path: Path) -> None:
    """The page is made on a reader thread: in the window's language all the same."""
    with window.db.session() as s:
        firm = svc.create_customer(s, {"name": "Acme Machinery Ltd"}).id
        person = contact_svc.create_contact(s, firm, {"name": "John Smith", "gender": "male"}).id
        followups.log_interaction(s, firm, kind="call", summary="Called John", contact_id=person)
    page = window.page_of("customers")
    page.open_customer(firm, contact_id=person)
    settle(qtbot, window)
    target = tmp_path / "john.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "HTML (*.html)")))
    page.details[firm].export_contact_action.trigger()
    ops.wait_idle()
    shown = target.read_text(encoding="utf-8")
    assert "<h1>Personal data export: John Smith</h1>" in shown
    assert "<th>Gender</th><td><pre>Male</pre>" in shown
    assert CJK.findall(shown) == []
