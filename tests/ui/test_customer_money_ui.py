"""The customer tab's 交易与评价 page: record a sale typed in 元 (a bad amount marked in
Chinese, Ctrl+S), see it aged and listed, delete it and bring it back with Ctrl+Z, record
support and a risk, and open the 评价 form on the customer."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kehubao.models import Customer
from kehubao.services.evaluation.transactions import record_transaction
from kehubao.ui import ops
from kehubao.ui.customers import money_page

from .conftest import settle


def _open(window, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    with window.db.session() as s:
        c = Customer(name="济南华远数控", credit_limit_fen=1_000_000)
        s.add(c)
        s.flush()
        record_transaction(s, c.id, "sale", date.today() - timedelta(days=40), 500_000)
        cid = c.id
    settle(qtbot, window)
    page = window.page_of("customers")
    page.open_customer(cid)
    settle(qtbot, window)
    detail = page.details[cid]
    detail.tabs.setCurrentWidget(detail.money)
    opened = []

    def keep(dialog):  # type: ignore[no-untyped-def]
        opened.append(dialog)
        dialog.open()  # modal like run_modal's exec(), without blocking the test
        return 0

    monkeypatch.setattr(money_page, "run_modal", keep)
    return cid, detail.money, opened


def test_record_a_sale_delete_and_undo(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cid, money, opened = _open(window, qtbot, monkeypatch)
    assert money.table.rowCount() == 1
    assert "¥5,000.00" in money.summary.toPlainText()  # 40 days old: 31–60 bucket and overdue
    assert money.ledger.receivables.ageing["31-60"] == 500_000
    money.record_buttons["sale"].click()
    dialog = opened[0]
    with warnings.catch_warnings():  # offscreen does not activate a new dialog by itself
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(dialog)
    assert dialog.windowTitle() == "记一笔销售 — 济南华远数控"
    due = dialog.form.fields["due_on"].value()
    assert due == date.today() + timedelta(days=30)  # the default terms
    amount = dialog.form.fields["amount"]
    qtbot.keyClicks(amount, "12x")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    ops.wait_idle()
    assert dialog.isVisible() and dialog.error.text() == "金额“12x”不是数字"
    assert amount.toolTip() == "金额“12x”不是数字"
    amount.setText("1.5万")
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    assert not dialog.isVisible()
    assert money.table.rowCount() == 2
    assert money.table.item(0, 2).text() == "¥15,000.00"
    assert money.ledger.receivables.receivable_fen == 2_000_000
    assert money.ledger.receivables.over_limit_fen == 1_000_000  # 20,000 against 10,000

    money.table.selectRow(0)
    money.delete_button.click()
    settle(qtbot, window)
    assert money.table.rowCount() == 1
    window.undo_last()
    settle(qtbot, window)
    assert money.table.rowCount() == 2 and money.table.item(0, 2).text() == "¥15,000.00"


def test_record_support_and_risk(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _cid, money, opened = _open(window, qtbot, monkeypatch)
    money.record_buttons["support"].click()
    support = opened[-1]
    support.form.fields["kind"].setCurrentIndex(4)  # 促销活动
    support.form.fields["cost"].setText("800")
    support.form.fields["description"].setPlainText("店庆促销")
    support.save()
    settle(qtbot, window)
    money.record_buttons["risk"].click()
    risk = opened[-1]
    risk.save()  # nothing described: marked, nothing written
    ops.wait_idle()
    assert risk.isVisible() and risk.form.fields["description"].toolTip() == "请写明发生了什么"
    risk.form.fields["description"].setPlainText("在华南发现本区货")
    risk.form.fields["evidence"].setPlainText("照片 IMG_0102")
    risk.save()
    settle(qtbot, window)
    text = money.summary.toPlainText()
    assert "【促销活动】店庆促销 · ¥800.00" in text
    assert "【窜货】在华南发现本区货 — 证据：照片 IMG_0102" in text


def test_evaluate_button_opens_the_form_on_the_customer(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cid, _money, _opened = _open(window, qtbot, monkeypatch)
    window.page_of("customers").details[cid].evaluate_button.click()
    settle(qtbot, window)
    assert window.sections[window.nav.currentRow()].key == "evaluation"
    form = window.page_of("evaluation").form
    assert form.data.customer_id == cid and form.data.customer_name == "济南华远数控"
