"""The 客户 section: the list in the first tab, one tab per opened customer, and the
dialogs that create, edit, delete and merge. Everything refreshes from the event bus;
every read and write runs through ``ui/ops.py``."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QTabWidget, QWidget

from ...db import Database
from ...services import contacts as contact_svc
from ...services import customer_editing as editing
from ...services import customers as svc
from ...services.customer_list import CustomerFilter, export_counts
from ...services.events import Change
from ...services.workspace import WorkspaceStatus
from .. import ops
from ..bus import QtBus, touches
from ..i18n import app_name
from ..icons import icon
from ..pages import WelcomePage
from ..sections import Section, SectionAction
from ..widgets.modal import run_modal
from .detail import CustomerDetail
from .list_page import CustomerListPage

REFRESHING = ("customer", "contact", "interaction", "follow_up", "trade_transaction",
              "evaluation", "tag", "sales_rep", "support_action", "risk_event")


class CustomersSection(Section):
    """The 客户 section as the window sees it: its page, menu actions and search hits."""

    key, icon_name = "customers", "customers"

    def title(self) -> str:
        return self.tr("客户")

    def build_page(self) -> CustomersPage:
        return CustomersPage(self.ctx.db, self.ctx.bus, self.ctx.window)

    def actions(self) -> list[SectionAction]:
        window = self.ctx.window

        def action(text: str, slot, shortcut, icon_name: str) -> QAction:  # type: ignore[no-untyped-def]
            made = QAction(icon(icon_name), text, window)
            made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            return made

        return [
            SectionAction("new_customer", action(self.tr("新建客户…"), self.new_customer,
                                                 QKeySequence.StandardKey.New, "add"), "file", True),
            SectionAction("export", action(self.tr("导出名单…"), lambda: self.page().export_list(),
                                           "Ctrl+E", "export"), "file", True),
            SectionAction("find", action(self.tr("筛选客户列表"), self.focus_filter,
                                         QKeySequence.StandardKey.Find, "filter"), "edit"),
        ]

    def _show(self) -> CustomersPage:
        self.ctx.window.go_to(self.key)
        return self.page()

    def new_customer(self) -> None:
        self._show().new_customer()

    def focus_filter(self) -> None:
        self._show().focus_filter()

    def workspace_changed(self, status: WorkspaceStatus) -> None:
        """The window read the database's counts: an unused database shows the welcome."""
        if self.has_page():
            self.page().set_empty_database(status.never_used)

    def open_hit(self, kind: str, ref_id: int, customer_id: int | None) -> bool:
        if kind == "customer":
            self._show().open_customer(ref_id)
        elif kind == "contact" and customer_id:
            self._show().open_customer(customer_id, contact_id=ref_id)
        elif kind == "interaction" and customer_id:
            self._show().open_customer(customer_id, timeline=True)
        else:
            return False
        return True

    def current_customer(self) -> int | None:
        return self.page().current_customer() if self.has_page() else None

    def current_contact(self) -> int | None:
        return self.page().current_contact() if self.has_page() else None

    def save_state(self) -> None:
        self.page().save_state()


class CustomersPage(QStackedWidget):
    """The list in the first tab, one tab per opened customer, and the dialogs."""

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

    def focus_filter(self) -> None:
        self.set_empty_database(False)
        self.tabs.setCurrentIndex(0)
        self.list.focus_filter()

    def save_state(self) -> None:
        self.list.save_state()

    # ------------------------------------------------------------------ refresh

    def _on_changed(self, changes: list[Change]) -> None:
        if touches(changes, *REFRESHING):
            self._pending.extend(changes)
            self._refresh_timer.start()

    def _apply_changes(self) -> None:
        changes, self._pending = self._pending, []
        customers = [c for c in changes if c.entity == "customer"]
        customer_ids = {i for c in customers for i in c.ids}
        everyone = not customer_ids or any(not c.ids for c in customers)  # an empty Change is "all"
        self.list.model.invalidate(None if everyone else customer_ids)
        self.list.reload()
        if touches(changes, "tag", "sales_rep", "customer"):
            self.list.refresh_choices()
        for detail in list(self.details.values()):
            detail.refresh()

    # ------------------------------------------------------------------ tabs

    def open_customer(self, customer_id: int, *, contact_id: int | None = None,
                      timeline: bool = False) -> None:
        """Open (or bring forward) the customer's tab; its data arrives from a reader."""
        self.set_empty_database(False)
        detail = self.details.get(customer_id)
        if detail is None:
            detail = CustomerDetail(self.db, customer_id)
            detail.edit_requested.connect(self.edit_customer)
            detail.delete_requested.connect(lambda cid: self.delete_customers([cid]))
            detail.new_contact.connect(self.new_contact)
            detail.edit_contact.connect(self.edit_contact)
            detail.delete_contact.connect(self.delete_contact)
            detail.evaluate_requested.connect(self.evaluate_customer)
            detail.loaded.connect(self._name_tab)
            detail.gone.connect(self._customer_gone)
            self.details[customer_id] = detail
            self.tabs.addTab(detail, "…")
        self.tabs.setCurrentWidget(detail)
        if contact_id is not None:
            detail.when_loaded(lambda: detail.select_contact(contact_id))
        elif timeline:
            detail.when_loaded(detail.show_timeline)

    def evaluate_customer(self, customer_id: int) -> None:
        """The 评价 section's form, opened on this customer (the window owns the sections)."""
        self.window().section("evaluation").evaluate(customer_id)

    def _name_tab(self, customer_id: int) -> None:
        detail = self.details.get(customer_id)
        if detail is None or detail.overview is None:
            return
        title = detail.overview.customer.name
        index = self.tabs.indexOf(detail)
        self.tabs.setTabText(index, title if len(title) <= 12 else title[:11] + "…")
        self.tabs.setTabToolTip(index, title)

    def _customer_gone(self, customer_id: int) -> None:
        detail = self.details.get(customer_id)
        if detail is None:
            return
        never_shown = detail.overview is None
        self._close_tab(self.tabs.indexOf(detail))
        if never_shown:
            QMessageBox.information(self, app_name(), self.tr("这个客户已被删除。"))

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

    def current_contact(self) -> int | None:
        widget = self.tabs.currentWidget()
        return widget.current_contact_id() if isinstance(widget, CustomerDetail) else None

    # ------------------------------------------------------------------ dialogs

    def new_customer(self) -> None:
        from .edit_dialog import CustomerDialog  # not needed to show the first screen

        dialog = CustomerDialog(self.db, None, self)
        dialog.open_existing.connect(self.open_customer)
        if run_modal(dialog) and dialog.saved_id is not None:
            self.open_customer(dialog.saved_id)

    def edit_customer(self, customer_id: int | None = None) -> None:
        from .edit_dialog import CustomerDialog

        customer_id = customer_id or self.current_customer()
        if customer_id is None:
            return
        dialog = CustomerDialog(self.db, customer_id, self)
        dialog.open_existing.connect(self.open_customer)
        run_modal(dialog)

    def new_contact(self, customer_id: int) -> None:
        from .contact_dialog import ContactDialog

        dialog = ContactDialog(self.db, customer_id, None, self)
        if run_modal(dialog) and dialog.saved_id and customer_id in self.details:
            # the bus brings the tab's refresh; the new contact is selected when it lands
            self.details[customer_id].select_after_refresh(dialog.saved_id)

    def edit_contact(self, customer_id: int, contact_id: int) -> None:
        from .contact_dialog import ContactDialog

        run_modal(ContactDialog(self.db, customer_id, contact_id, self))

    def delete_contact(self, _customer_id: int, contact_id: int) -> None:
        answer = QMessageBox.question(self, self.tr("删除联系人"),
                                      self.tr("删除这个联系人？可以在回收站恢复，也可以按 Ctrl+Z 撤销。"))
        if answer == QMessageBox.StandardButton.Yes:
            ops.write(self, self.db, lambda session: contact_svc.delete_contacts(session, [contact_id]))

    def delete_customers(self, ids: list[int]) -> None:
        """Ask with the names and how much history goes along, then delete in the
        background with progress (20,000 customers are a few seconds of work)."""
        ops.query(self, self.db, lambda session: editing.deletion_summary(session, ids),
                  lambda summary: self._confirm_delete(ids, summary))

    def _confirm_delete(self, ids: list[int], summary: editing.DeletionSummary) -> None:
        what = summary.names[0] if len(ids) == 1 and summary.names else \
            self.tr("这 %1 个客户").replace("%1", f"{len(ids):,}")
        text = self.tr("删除%1？").replace("%1", f"“{what}”" if len(ids) == 1 else what)
        if summary.history:
            text += "\n" + self.tr("其中有 %1 条跟进和交易记录，会随客户一起移入回收站。").replace(
                "%1", f"{summary.history:,}")
        text += "\n" + self.tr("删除后可以在回收站恢复，也可以按 Ctrl+Z 撤销。")
        answer = QMessageBox.question(self, self.tr("删除客户"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.write(self, self.db, lambda session, progress: svc.delete_customers(session, ids, progress=progress),
                  lambda count: self.window().statusBar().showMessage(
                      self.tr("已将 %1 个客户移入回收站（Ctrl+Z 撤销）").replace("%1", f"{count:,}"), 6000),
                  progress_title=self.tr("正在删除…"), backup_before="before-bulk-delete" if len(ids) > 1 else None)

    def merge_customers(self, first: int, second: int) -> None:
        from .merge_dialog import MergeDialog

        dialog = MergeDialog(self.db, first, second, self)
        if run_modal(dialog) and dialog.kept_id:
            self.open_customer(dialog.kept_id)

    def export_list(self, ids: list[int] | None = None) -> None:
        """Count first: with no customer there is nothing to export, and the dialog says
        how many each choice covers."""
        current = self.list.model.filter
        ops.query(self, self.db, lambda session: export_counts(session, current),
                  lambda counts: self._open_export(current, ids, counts))

    def _open_export(self, current: CustomerFilter, ids: list[int] | None,
                     counts: tuple[int, int]) -> None:
        from ..exchange.export_dialog import ExportDialog

        if counts[0] == 0:
            QMessageBox.information(self, app_name(), self.tr("还没有客户可以导出。"))
            return
        run_modal(ExportDialog(self.db, current, ids, counts, self))
