"""The 报表 section: the page, and 打印当前客户… (Ctrl+P) for the customer on screen in
any section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCursor, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from ..icons import icon
from ..sections import Section, SectionAction, SectionContext

if TYPE_CHECKING:
    from .preview import PreviewDialog



class ReportsSection(Section):
    key, icon_name = "reports", "reports"

    def __init__(self, ctx: SectionContext) -> None:
        super().__init__(ctx)
        action = QAction(icon("reports"), self.tr("打印当前客户…"), ctx.window)
        action.setShortcut(QKeySequence("Ctrl+P"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(self.print_current)
        self.print_action = action
        self.menu: QMenu | None = None

    def title(self) -> str:
        return self.tr("报表")

    def build_page(self) -> QWidget:
        from .page import ReportsPage

        return ReportsPage(self.ctx.db)

    def actions(self) -> list[SectionAction]:
        return [SectionAction("print_customer", self.print_action, menu="file")]

    def print_current(self) -> None:
        """Ctrl+P: the reports of the customer on screen, as a menu at the pointer."""
        from .menu import fill_customer_menu

        customer_id, _contact = self.ctx.window.current_context()
        if customer_id is None:
            self.ctx.window.statusBar().showMessage(
                self.tr("先在列表中选中或打开一个客户，再按 Ctrl+P 打印"), 6000)
            return
        self.menu = fill_customer_menu(QMenu(self.ctx.window), self.ctx.window, self.ctx.db,
                                       customer_id)
        self.menu.popup(QCursor.pos())

    def print_customer(self, kind: str, customer_id: int) -> PreviewDialog:
        """Open the preview of one report of a customer (what the menu entries do)."""
        from .menu import preview_customer_report

        return preview_customer_report(self.ctx.window, self.ctx.db, kind, customer_id)
