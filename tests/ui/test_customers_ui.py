"""The everyday screens, driven through their widgets, with the database checked after
each step: create, edit, search, tag, merge, delete, restore, undo, contacts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from kehubao.models import Contact, Customer
from kehubao.services import customers as svc
from kehubao.services.contacts import create_contact
from kehubao.ui import ops
from kehubao.ui.customers.contact_dialog import ContactDialog
from kehubao.ui.customers.edit_dialog import CustomerDialog
from kehubao.ui.customers.merge_dialog import MergeDialog

from .conftest import settle


def all_rows(model):  # type: ignore[no-untyped-def]
    """Every row's values, once a reader has fetched their pages."""
    model.prefetch(0, model.rowCount() - 1)
    model.wait_loaded()
    return [model.row_values(r) for r in range(model.rowCount())]


def save_button(dialog):  # type: ignore[no-untyped-def]
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ASCII key by key; Chinese goes in as an input method would commit it (QTest
    can only synthesise keys that exist on a keyboard)."""
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def customers_named(db, name: str) -> list[Customer]:  # type: ignore[no-untyped-def]
    with db.session(write=False) as s:
        return list(s.scalars(select(Customer).where(Customer.name == name)))


def test_empty_database_shows_the_first_run_screen(window, qtbot) -> None:
    assert window.page_of("customers").currentWidget() is window.page_of("customers").welcome
    with window.db.session() as s:
        svc.create_customer(s, {"name": "第一个客户"})
    settle(qtbot, window)
    assert window.page_of("customers").currentWidget() is window.page_of("customers").tabs
    assert window.page_of("customers").list.model.rowCount() == 1


def test_create_customer_with_contact_through_the_dialog(window, qtbot) -> None:
    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    type_into(qtbot, dialog.basic.fields["name"], "济南华远数控设备有限公司")
    type_into(qtbot, dialog.basic.fields["phone"], "0531 8877 6655")
    type_into(qtbot, dialog.basic.fields["email"], "Sales@HuaYuan.cn")
    type_into(qtbot, dialog.basic.fields["tags"], "重点客户，老客户")
    dialog.basic.fields["status"].set_value("stable")
    type_into(qtbot, dialog.contact_form.fields["name"], "张三丰")
    type_into(qtbot, dialog.contact_form.fields["mobile"], "138-1234-5678")
    qtbot.mouseClick(save_button(dialog), Qt.MouseButton.LeftButton)
    ops.wait_idle()
    assert dialog.result() == dialog.DialogCode.Accepted
    [customer] = customers_named(window.db, "济南华远数控设备有限公司")
    with window.db.session(write=False) as s:
        customer = s.get(Customer, customer.id)
        assert (customer.phone, customer.email, customer.status) == ("0531-88776655", "sales@huayuan.cn", "stable")
        assert sorted(t.name for t in customer.tags) == ["老客户", "重点客户"]
        [contact] = customer.contacts
        assert (contact.name, contact.mobile, contact.is_primary) == ("张三丰", "13812345678", True)
    settle(qtbot, window)
    assert window.page_of("customers").list.model.rowCount() == 1


def test_invalid_input_is_marked_and_nothing_is_saved(window, qtbot) -> None:
    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    type_into(qtbot, dialog.basic.fields["phone"], "12ab")
    type_into(qtbot, dialog.basic.fields["email"], "no-at-sign")
    dialog.save()
    ops.wait_idle()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and "客户名称不能为空" in dialog.error.text()
    for name in ("name", "phone", "email"):
        assert dialog.basic.fields[name].property("invalid") == "true"
    with window.db.session(write=False) as s:
        assert s.scalar(select(Customer.id)) is None


def test_unsaved_changes_are_not_lost_silently(window, qtbot, answer) -> None:
    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    dialog.show()
    type_into(qtbot, dialog.basic.fields["name"], "还没保存的客户")
    asked = answer("cancel")
    dialog.reject()
    assert asked and dialog.isVisible()  # asked, and stayed open
    answer("discard")
    dialog.reject()
    assert not dialog.isVisible()
    assert customers_named(window.db, "还没保存的客户") == []


def test_edit_in_dialog_then_undo_from_the_window(window, qtbot) -> None:
    with window.db.session() as s:
        cid = svc.create_customer(s, {"name": "华远", "city": "济南"}).id
    dialog = CustomerDialog(window.db, cid, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    assert dialog.place.fields["city"].text() == "济南"
    type_into(qtbot, dialog.place.fields["city"], "青岛")
    dialog.save()
    ops.wait_idle()
    with window.db.session(write=False) as s:
        assert s.get(Customer, cid).city == "青岛"
    settle(qtbot, window)
    assert "修改客户" in window.actions_by_name["undo"].text()
    window.actions_by_name["undo"].trigger()
    ops.wait_idle()
    with window.db.session(write=False) as s:
        assert s.get(Customer, cid).city == "济南"


def test_duplicate_warning_offers_the_existing_record(window, qtbot, answer) -> None:
    with window.db.session() as s:
        existing = svc.create_customer(s, {"name": "上海盈硕标牌有限公司", "phone": "021-62345678"}).id
    dialog = CustomerDialog(window.db, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    type_into(qtbot, dialog.basic.fields["phone"], "(021) 6234 5678")
    dialog.check_duplicates()
    ops.wait_idle()
    assert dialog.duplicates.isVisibleTo(dialog)
    assert "上海盈硕标牌有限公司" in dialog.duplicates.text() and f"href='{existing}'" in dialog.duplicates.text()
    opened = []
    dialog.open_existing.connect(opened.append)
    asked = answer("cancel")  # typed something: leaving asks first; Cancel stays
    dialog.duplicates.linkActivated.emit(str(existing))
    assert asked and opened == []
    type_into(qtbot, dialog.basic.fields["name"], "上海盈硕标牌")  # similar name
    type_into(qtbot, dialog.basic.fields["phone"], "")
    dialog.check_duplicates()
    ops.wait_idle()
    assert "名称相近" in dialog.duplicates.text()
    asked = answer("discard")  # Discard: asked once more, then the existing record opens
    questions_before = len(asked)
    dialog.duplicates.linkActivated.emit(str(existing))
    assert len(asked) == questions_before + 1 and opened == [existing] and not dialog.isVisible()


def test_contact_dialog_warns_of_the_same_mobile_and_marks_bad_fields(window, qtbot) -> None:
    with window.db.session() as s:
        first = svc.create_customer(s, {"name": "北京星辰科技有限公司"}).id
        create_contact(s, first, {"name": "张伟", "mobile": "13812345678"})
        second = svc.create_customer(s, {"name": "上海明月贸易有限公司"}).id
    dialog = ContactDialog(window.db, second, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    type_into(qtbot, dialog.reach.fields["name"], "张总")
    type_into(qtbot, dialog.reach.fields["mobile"], "138-1234-5678")
    qtbot.waitUntil(lambda: dialog.duplicates.isVisibleTo(dialog), timeout=3000)  # debounced
    assert "北京星辰科技有限公司" in dialog.duplicates.text() and "张伟" in dialog.duplicates.text()
    type_into(qtbot, dialog.reach.fields["email"], "不是邮箱")
    dialog.save()
    ops.wait_idle()
    assert dialog.error.isVisibleTo(dialog) and dialog.saved_id is None
    with window.db.session(write=False) as s:
        assert s.scalars(select(Contact).where(Contact.customer_id == second)).all() == []


def test_list_filters_sort_and_open(demo_window, qtbot) -> None:
    page = demo_window.page_of("customers").list
    model = page.model
    total = model.rowCount()
    assert total == 300
    page.status.setCurrentIndex(page.status.findData("stable"))
    settle(qtbot, demo_window)
    with demo_window.db.session(write=False) as s:
        stable = len(s.scalars(select(Customer.id).where(Customer.status == "stable",
                                                         Customer.deleted_at.is_(None))).all())
    assert model.rowCount() == stable
    assert "筛选出" in page.count_label.text()
    page.clear_filters()
    settle(qtbot, demo_window)
    name = all_rows(model)[5].name
    page.text.setText(name[2:6])
    page.apply_filters()
    settle(qtbot, demo_window)
    assert any(row.name == name for row in all_rows(model))
    page.view.sortByColumn(model.column_index("last_contact_at"), Qt.SortOrder.DescendingOrder)
    settle(qtbot, demo_window)
    dates = [row.last_contact_at for row in all_rows(model)]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=True)
    page.view.selectRow(0)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    ops.wait_idle()
    assert demo_window.page_of("customers").tabs.count() == 2
    assert demo_window.page_of("customers").details[model.id_at(0)].title.text() == all_rows(model)[0].name


def test_bulk_tag_owner_and_status(demo_window, qtbot, monkeypatch) -> None:
    from kehubao.ui.customers import bulk

    page = demo_window.page_of("customers").list
    page.view.selectRow(0)
    page.view.selectionModel().select(page.model.index(1, 0), page.view.selectionModel().SelectionFlag.Select
                                      | page.view.selectionModel().SelectionFlag.Rows)
    ids = page.selected_ids()
    assert len(ids) == 2
    monkeypatch.setattr(bulk, "ask_tags", lambda *_a: ["年底冲量"])
    monkeypatch.setattr(bulk, "ask_status", lambda *_a: "stable")
    monkeypatch.setattr(bulk, "ask_owner", lambda *_a: 0)
    page.bulk_add_tags()
    page.bulk_status()
    page.bulk_owner()
    settle(qtbot, demo_window)
    with demo_window.db.session(write=False) as s:
        for cid in ids:
            c = s.get(Customer, cid)
            assert "年底冲量" in {t.name for t in c.tags}
            assert c.status == "stable" and c.owner_id is None


def test_delete_restore_and_purge_through_the_recycle_bin(demo_window, qtbot, answer) -> None:
    page = demo_window.page_of("customers").list
    page.view.selectRow(0)
    cid = page.selected_ids()[0]
    asked = answer("yes")
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    ops.wait_idle()
    assert asked and "回收站" in asked[0]
    settle(qtbot, demo_window)
    with demo_window.db.session(write=False) as s:
        assert s.get(Customer, cid).deleted_at is not None
    assert page.model.row_of(cid) == -1
    bin_page = demo_window.page_of("recycle")
    demo_window.nav.setCurrentRow(5)
    bin_page.refresh()
    ops.wait_idle()
    rows = [bin_page.customers.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(bin_page.customers.rowCount())]
    assert cid in rows
    bin_page.customers.selectRow(rows.index(cid))
    bin_page.restore()
    ops.wait_idle()
    with demo_window.db.session(write=False) as s:
        assert s.get(Customer, cid).deleted_at is None
    settle(qtbot, demo_window)
    assert page.model.row_of(cid) >= 0
    with demo_window.db.session() as s:  # purge only from the bin
        svc.delete_customers(s, [cid])
    bin_page.refresh()
    bin_page.customers.selectRow(0)
    bin_page.purge()
    ops.wait_idle()
    with demo_window.db.session(write=False) as s:
        assert s.get(Customer, cid) is None


def test_merge_two_customers(window, qtbot) -> None:
    with window.db.session() as s:
        a = svc.create_customer(s, {"name": "华远数控", "city": "济南"}, tags=["老客户"]).id
        b = svc.create_customer(s, {"name": "济南华远数控有限公司", "phone": "0531-88776655",
                                    "city": "青岛", "status": "intent"}, tags=["VIP"]).id
        s.add(Contact(customer_id=b, name="李四", mobile="13900001111"))
    dialog = MergeDialog(window.db, a, b, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    assert "city" in dialog.choices  # the two cities differ
    # Values as the user reads them: a status is its label, not its code.
    assert dialog.choices["status"].text() == "意向"  # a choice's label, not its code
    dialog.choices["city"].setChecked(True)  # take the other's city
    dialog.merge()
    ops.wait_idle()
    with window.db.session(write=False) as s:
        kept, gone = s.get(Customer, a), s.get(Customer, b)
        assert (kept.city, kept.phone) == ("青岛", "0531-88776655")
        assert {t.name for t in kept.tags} == {"老客户", "VIP"}
        assert [c.name for c in kept.contacts] == ["李四"]
        assert gone.deleted_at is not None and gone.merged_into_id == a


def test_contacts_card_shows_advice_for_the_recorded_emotion(window, qtbot) -> None:
    with window.db.session() as s:
        cid = svc.create_customer(s, {"name": "测试客户"}).id
    dialog = ContactDialog(window.db, cid, None, window)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    type_into(qtbot, dialog.reach.fields["name"], "王经理")
    type_into(qtbot, dialog.reach.fields["mobile"], "13812345678")
    dialog.person.fields["age_band"].set_value("middle")
    dialog.person.fields["home_region"].set_value("north")
    qtbot.mouseClick(dialog.person.fields["last_emotion"].buttons["anger"], Qt.MouseButton.LeftButton)
    dialog.save()
    ops.wait_idle()
    with window.db.session(write=False) as s:
        [contact] = s.scalars(select(Contact).where(Contact.customer_id == cid)).all()
        assert (contact.last_emotion, contact.age_band, contact.is_primary) == ("anger", "middle", True)
        assert contact.last_emotion_at is not None
    window.page_of("customers").open_customer(cid, contact_id=contact.id)
    ops.wait_idle()
    card = window.page_of("customers").details[cid].card.label.text()
    assert "王经理" in card and "避其锋芒" in card and "求稳定" in card and "重信义" in card


def test_delete_contact_and_undo(window, qtbot, answer) -> None:
    with window.db.session() as s:
        cid = svc.create_customer(s, {"name": "测试客户"}).id
        s.add(Contact(customer_id=cid, name="赵六"))
    with window.db.session(write=False) as s:
        pid = s.scalar(select(Contact.id))
    answer("yes")
    window.page_of("customers").delete_contact(cid, pid)
    ops.wait_idle()
    with window.db.session(write=False) as s:
        assert s.get(Contact, pid).deleted_at is not None
    settle(qtbot, window)
    window.actions_by_name["undo"].trigger()
    ops.wait_idle()
    with window.db.session(write=False) as s:
        assert s.get(Contact, pid).deleted_at is None


def test_global_search_finds_and_opens(demo_window, qtbot) -> None:
    with demo_window.db.session(write=False) as s:
        contact = s.scalars(select(Contact).where(Contact.mobile.is_not(None))).first()
        mobile, customer_id, contact_id = contact.mobile, contact.customer_id, contact.id
    qtbot.keyClick(demo_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = demo_window.search_box
    assert box.hasFocus()
    box.setText(mobile[-6:])
    box.run_now()
    ops.wait_idle()
    assert box.popup.tree.topLevelItemCount() > 1
    qtbot.keyClick(box, Qt.Key.Key_Return)
    ops.wait_idle()
    detail = demo_window.page_of("customers").details[customer_id]
    assert demo_window.page_of("customers").tabs.currentWidget() is detail
    assert detail.contacts.currentItem().data(Qt.ItemDataRole.UserRole) == contact_id


def test_keyboard_shortcuts(window, qtbot, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(CustomerDialog, "exec", lambda self: opened.append(self.customer_id) or 0)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert opened == [None]
    with window.db.session() as s:
        svc.create_customer(s, {"name": "快捷键客户"})
    settle(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.page_of("customers").list.text.hasFocus()
    view = window.page_of("customers").list.view
    view.selectRow(0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    assert len(opened) == 2 and opened[1] is not None
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 1


def test_column_chooser_and_geometry_are_remembered(window, qtbot) -> None:
    from PySide6.QtCore import QSettings

    page = window.page_of("customers").list
    column = page.model.column_index("industry")
    page.view.setColumnHidden(column, True)
    window.close()
    assert QSettings().value("window/geometry") is not None
    from .conftest import make_window

    again = make_window(qtbot, window.db)
    assert again.page_of("customers").list.view.isColumnHidden(column)


def test_scrolling_prefetches_the_pages_around_the_screen(demo_window, qtbot) -> None:
    from kehubao.ui.customers.table_model import PAGE

    page = demo_window.page_of("customers").list
    model, bar = page.model, page.view.verticalScrollBar()
    middle = model.rowCount() // 2
    bar.setValue(middle)
    qtbot.wait(50)  # the prefetch runs once the frame is painted
    model.wait_loaded()  # readers bring the pages asked for
    first = page.view.rowAt(0)
    assert first > 0
    below = (page.view.rowAt(page.view.viewport().height() - 1) + PAGE) // PAGE
    for page_no in range((first - PAGE) // PAGE, below + 1):
        assert page_no in model._pages, page_no


def test_reopened_list_loads_once_despite_a_remembered_sort(window, qtbot) -> None:
    page = window.page_of("customers").list
    page.view.sortByColumn(page.model.column_index("city"), Qt.SortOrder.DescendingOrder)
    page.model.wait_loaded()
    page.save_state()
    from .conftest import make_window

    again = make_window(qtbot, window.db).page_of("customers").list
    assert again.model._generation == 1
    assert again.model.sort_key == "name"
