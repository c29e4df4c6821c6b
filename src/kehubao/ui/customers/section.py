"""The 客户 section: the list in the first tab, one tab per opened customer, and the
dialogs that create, edit, delete and merge. Everything refreshes from the event bus."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QTabWidget, QWidget
from sqlalchemy import func, select

from ...db import Database
from ...models import Customer, Interaction, Transaction
from ...services import contacts as contact_svc
from ...services import customers as svc
from ...services.events import Change
from ..bus import QtBus, touches
from ..i18n import app_name
from ..pages import WelcomePage
from ..tasks import show_error
from ..widgets.modal import run_modal
from .contact_dialog import ContactDialog
from .detail import CustomerDetail
from .edit_dialog import CustomerDialog
from .list_page import CustomerListPage

REFRESHING = ("customer", "contact", "interaction", "follow_up", "trade_transaction",
              "evaluation", "tag", "sales_rep")


class CustomersSection(QStackedWidget):
    def __init__(self, db: Database, bus: QtBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget()
        self.tabs.setTabsClosable(True)
        self.tabs.setDocumentMode(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.list = CustomerListPage(db)
        self.tabs.addTab(self.list, self.tr("客户列表"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.welcome = WelcomePage()
        self.addWidget(self.tabs)
        self.addWidget(self.welcome)
        self.details: dict[int, CustomerDetail] = {}

        self.list.open_customer.connect(self.open_customer)
        self.list.edit_customer.connect(self.edit_customer)
        self.list.new_requested.connect(self.new_customer)
        self.list.delete_requested.connect(self.delete_customers)
        self.list.merge_requested.connect(self.merge_customers)
        self.list.export_requested.connect(self.export_list)
        self.welcome.new_customer.connect(self.new_customer)
        self.welcome.import_list.connect(lambda: self.window().import_list())
        self.welcome.load_demo.connect(lambda: self.window().load_demo())

        self._pending: list[Change] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(60)
        self._refresh_timer.timeout.connect(self._apply_changes)
        bus.changed.connect(self._on_changed)

    # ------------------------------------------------------------------ state

    def set_empty_database(self, empty: bool) -> None:
        self.setCurrentWidget(self.welcome if empty else self.tabs)

    def has_deleted(self) -> bool:
        with self.db.session(write=False) as session:
            return session.scalar(select(Customer.id).where(Customer.deleted_at.is_not(None)).limit(1)) is not None

    def focus_filter(self) -> None:
        self.set_empty_database(False)
        self.tabs.setCurrentIndex(0)
        self.list.focus_filter()

    def save_state(self) -> None:
        self.list.save_state()

    def confirm_close(self) -> bool:
        return True  # edits happen in modal dialogs, which guard their own changes

    # ------------------------------------------------------------------ refresh

    def _on_changed(self, changes: list[Change]) -> None:
        if touches(changes, *REFRESHING):
            self._pending.extend(changes)
            self._refresh_timer.start()

    def _apply_changes(self) -> None:
        changes, self._pending = self._pending, []
        customer_ids = {i for c in changes if c.entity == "customer" for i in c.ids}
        self.list.model.invalidate(customer_ids or None)
        self.list.reload()
        if touches(changes, "tag", "sales_rep", "customer"):
            self.list.refresh_choices()
        for _customer_id, detail in list(self.details.items()):
            if not detail.refresh():
                self._close_tab(self.tabs.indexOf(detail))

    # ------------------------------------------------------------------ tabs

    def open_customer(self, customer_id: int, *, contact_id: int | None = None,
                      timeline: bool = False) -> None:
        self.set_empty_database(False)
        detail = self.details.get(customer_id)
        if detail is None:
            try:
                detail = CustomerDetail(self.db, customer_id)
            except Exception as exc:  # noqa: BLE001 - e.g. deleted meanwhile
                show_error(self, exc)
                return
            if detail.overview is None:
                QMessageBox.information(self, app_name(), self.tr("这个客户已被删除。"))
                return
            detail.edit_requested.connect(self.edit_customer)
            detail.delete_requested.connect(lambda cid: self.delete_customers([cid]))
            detail.new_contact.connect(self.new_contact)
            detail.edit_contact.connect(self.edit_contact)
            detail.delete_contact.connect(self.delete_contact)
            self.details[customer_id] = detail
            title = detail.overview.customer.name
            self.tabs.addTab(detail, title if len(title) <= 12 else title[:11] + "…")
            self.tabs.setTabToolTip(self.tabs.indexOf(detail), title)
        self.tabs.setCurrentWidget(detail)
        if contact_id is not None:
            detail.select_contact(contact_id)
        elif timeline:
            detail.show_timeline()

    def open_hit(self, kind: str, ref_id: int, customer_id: int | None) -> None:
        """Open what a search hit points at."""
        window = self.window()
        if hasattr(window, "nav"):
            window.nav.setCurrentRow(0)
        if kind == "customer":
            self.open_customer(ref_id)
        elif kind == "contact" and customer_id:
            self.open_customer(customer_id, contact_id=ref_id)
        elif kind == "interaction" and customer_id:
            self.open_customer(customer_id, timeline=True)
        elif kind == "script":
            from ..scripts.view import show_script

            show_script(self.db, ref_id, self)

    def _close_tab(self, index: int) -> None:
        if index <= 0:
            return
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        for customer_id, detail in list(self.details.items()):
            if detail is widget:
                del self.details[customer_id]
        widget.deleteLater()

    def current_customer(self) -> int | None:
        widget = self.tabs.currentWidget()
        if isinstance(widget, CustomerDetail):
            return widget.customer_id
        return self.list.current_id()

    # ------------------------------------------------------------------ dialogs

    def new_customer(self) -> None:
        dialog = CustomerDialog(self.db, None, self)
        dialog.open_existing.connect(self.open_customer)
        if run_modal(dialog) and dialog.saved_id is not None:
            self.open_customer(dialog.saved_id)
            self.list.reload()

    def edit_customer(self, customer_id: int | None = None) -> None:
        customer_id = customer_id or self.current_customer()
        if customer_id is None:
            return
        dialog = CustomerDialog(self.db, customer_id, self)
        dialog.open_existing.connect(self.open_customer)
        run_modal(dialog)

    def new_contact(self, customer_id: int) -> None:
        dialog = ContactDialog(self.db, customer_id, None, self)
        if run_modal(dialog) and dialog.saved_id and customer_id in self.details:
            self.details[customer_id].refresh()
            self.details[customer_id].select_contact(dialog.saved_id)

    def edit_contact(self, customer_id: int, contact_id: int) -> None:
        run_modal(ContactDialog(self.db, customer_id, contact_id, self))

    def delete_contact(self, _customer_id: int, contact_id: int) -> None:
        answer = QMessageBox.question(self, self.tr("删除联系人"),
                                      self.tr("删除这个联系人？可以在回收站恢复，也可以按 Ctrl+Z 撤销。"))
        if answer == QMessageBox.StandardButton.Yes:
            with self.db.session() as session:
                contact_svc.delete_contacts(session, [contact_id])

    def delete_customers(self, ids: list[int]) -> None:
        with self.db.session(write=False) as session:
            names = [c.name for c in session.scalars(select(Customer).where(Customer.id.in_(ids[:3])))]
            history = 0
            for model in (Interaction, Transaction):
                history += session.scalar(select(func.count()).select_from(model).where(
                    model.customer_id.in_(ids), model.deleted_at.is_(None))) or 0
        what = names[0] if len(ids) == 1 else self.tr("这 %1 个客户").replace("%1", f"{len(ids):,}")
        text = self.tr("删除%1？").replace("%1", f"“{what}”" if len(ids) == 1 else what)
        if history:
            text += "\n" + self.tr("其中有 %1 条跟进和交易记录，会随客户一起移入回收站。").replace("%1", f"{history:,}")
        text += "\n" + self.tr("删除后可以在回收站恢复，也可以按 Ctrl+Z 撤销。")
        answer = QMessageBox.question(self, self.tr("删除客户"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            with self.db.session() as session:
                count = svc.delete_customers(session, ids)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.window().statusBar().showMessage(
            self.tr("已将 %1 个客户移入回收站（Ctrl+Z 撤销）").replace("%1", str(count)), 6000)

    def merge_customers(self, first: int, second: int) -> None:
        from .merge_dialog import MergeDialog

        dialog = MergeDialog(self.db, first, second, self)
        if run_modal(dialog) and dialog.kept_id:
            self.open_customer(dialog.kept_id)

    def export_list(self, ids: list[int] | None = None) -> None:
        from ..exchange.export_dialog import ExportDialog

        run_modal(ExportDialog(self.db, self.list.model.filter, ids, self))
