"""The "print this customer" menu, shared by the customer tab's 打印 button and the
window's Ctrl+P: each entry opens the preview of one report of the customer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from ...db import Database
from ...services.report_requests import ReportRequest
from .preview import PreviewDialog, ReportActions


def customer_reports() -> list[tuple[str, str]]:
    """(kind, translated title) of the reports one customer has, in menu order."""
    return [("evaluation", QCoreApplication.translate("Reports", "客户评价表")),
            ("brief", QCoreApplication.translate("Reports", "拜访准备单")),
            ("archive", QCoreApplication.translate("Reports", "客户档案卡")),
            ("visit", QCoreApplication.translate("Reports", "最近一次拜访报告"))]


def preview_customer_report(parent: QWidget, db: Database, kind: str,
                            customer_id: int) -> PreviewDialog:
    return ReportActions(parent, db).preview(ReportRequest(kind, customer_id=customer_id))


def fill_customer_menu(menu: QMenu, parent: QWidget, db: Database,
                       customer_id: int | None = None, *, current=None) -> QMenu:  # type: ignore[no-untyped-def]
    """Add one entry per report; the customer is `customer_id`, or `current()` asked
    when an entry is chosen (a tab's menu built once, a customer that may change)."""
    menu.clear()
    for kind, title in customer_reports():
        action = menu.addAction(title)
        action.triggered.connect(
            lambda _=False, kind=kind: preview_customer_report(
                parent, db, kind, customer_id if customer_id is not None else current()))
    return menu
