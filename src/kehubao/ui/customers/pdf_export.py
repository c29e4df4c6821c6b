"""导出 PDF… from the customer list: one report per customer of the selection or of the
current filter result, through the 报表 section's batch export (same dialog of progress,
same Cancel, same "已导出 N 份" at the end)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from sqlalchemy.orm import Session

from ...services.customer_list import query_ids
from ..reports.batch_export import BatchExportDialog

if TYPE_CHECKING:
    from .list_page import CustomerListPage


def open_pdf_export(page: CustomerListPage, *, selected: bool) -> BatchExportDialog | None:
    """Ask which report and which folder for the selected customers (`selected`) or for
    every customer the list's filter finds. The filter's ids are read again on the
    worker, in the list's order: the list may still be loading beyond its first screen."""
    if selected:
        ids = page.selected_ids()
        if not ids:
            return None
        customers: object = ids
        scope = QCoreApplication.translate("CustomerPdf", "所选的 %1 个客户").replace("%1", f"{len(ids):,}")
    else:
        model = page.model
        filt, sort, descending = model.filter, model.sort_key, model.descending

        def customers(session: Session) -> list[int]:  # type: ignore[no-redef]
            return list(query_ids(session, filt, sort, descending))

        shown = model.rowCount()
        scope = (QCoreApplication.translate("CustomerPdf", "全部 %1 个客户") if filt.is_empty()
                 else QCoreApplication.translate("CustomerPdf", "筛选出的 %1 个客户")).replace("%1", f"{shown:,}")
    dialog = BatchExportDialog(page.db, customers, scope, page)  # type: ignore[arg-type]
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
