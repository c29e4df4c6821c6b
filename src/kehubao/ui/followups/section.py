"""The 跟进 section: the 今日 page in the navigation, its badge (overdue + due today),
"log an interaction" for the customer on screen, and the calendar export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy.orm import Session

from ...services.followups import follow_ups_to_ics, local_now, today_counts
from ...services.followups.clock import Clock
from .. import ops
from ..sections import Section, SectionAction, SectionContext
from .log_dialog import open_log_dialog
from .today_page import TodayPage


class FollowUpsSection(Section):
    key, icon_name = "followups", "followups"
    badge_entities = ("follow_up", "interaction")

    def __init__(self, ctx: SectionContext, clock: Clock = local_now) -> None:
        super().__init__(ctx)
        self.clock = clock

    def title(self) -> str:
        return self.tr("跟进")

    def build_page(self) -> QWidget:
        page = TodayPage(self.ctx.db, self.ctx.bus, clock=self.clock)
        page.open_customer.connect(self._open_customer)
        page.generate()
        page.refresh()
        return page

    def activated(self) -> None:
        if self.has_page():
            self.page().refresh()  # type: ignore[attr-defined]

    def badge(self, session: Session) -> int | None:
        counts = today_counts(session, clock=self.clock)
        return counts["overdue"] + counts["today"] or None

    def current_customer(self) -> int | None:
        return self.page().current_customer() if self.has_page() else None  # type: ignore[attr-defined]

    def current_contact(self) -> int | None:
        return self.page().current_contact() if self.has_page() else None  # type: ignore[attr-defined]

    def actions(self) -> list[SectionAction]:
        export = QAction(self.tr("导出跟进日历（.ics）……"), self)
        export.triggered.connect(self.export_calendar)
        return [SectionAction("export_ics", export, menu="file")]

    def log_interaction(self, customer_id: int, contact_id: int | None = None) -> None:
        """Open the log dialog for a customer (what the window's Ctrl+L calls)."""
        open_log_dialog(self.ctx.window, self.ctx.db, customer_id, contact_id=contact_id,
                        clock=self.clock)

    def export_calendar(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.ctx.window, self.tr("导出跟进日历"),
                                              str(Path.home() / "kehubao.ics"),
                                              self.tr("日历文件 (*.ics)"))
        if not path:
            return
        clock = self.clock

        def write_file(session: Session) -> int:
            data = follow_ups_to_ics(session, clock=clock)
            Path(path).write_bytes(data)
            return data.count(b"BEGIN:VEVENT")

        ops.query(self.ctx.window, self.ctx.db, write_file, self._exported)

    def _exported(self, events: int) -> None:
        status = getattr(self.ctx.window, "statusBar", None)
        if status is not None:
            status().showMessage(self.tr("已导出 %1 条跟进").replace("%1", str(events)), 5000)

    def _open_customer(self, customer_id: int) -> None:
        window = self.ctx.window
        customers = window.section("customers") if hasattr(window, "section") else None
        if hasattr(window, "go_to"):
            window.go_to("customers")
        if customers is not None and hasattr(customers, "open_customer"):
            customers.open_customer(customer_id)
