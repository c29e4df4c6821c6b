"""The 跟进 section: the 今日 and 日历 tabs, the navigation badge (overdue + due today),
"log an interaction" for the customer on screen, and the calendar export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QSystemTrayIcon, QTabWidget, QWidget
from sqlalchemy.orm import Session

from ...services.followups.clock import Clock, local_now
from .. import ops
from ..i18n import app_name
from ..icons import icon
from ..sections import Section, SectionAction, SectionContext

if TYPE_CHECKING:
    from .notifier import ReminderNotifier
    from .reminder_settings import ReminderSettingsDialog



class FollowUpsSection(Section):
    key, icon_name = "followups", "followups"
    badge_entities = ("follow_up", "interaction")

    def __init__(self, ctx: SectionContext, clock: Clock = local_now) -> None:
        super().__init__(ctx)
        self.clock = clock
        self.tray: QSystemTrayIcon | None = None
        self.notifier: ReminderNotifier | None = None
        # Reminders start once the window is up: the catch-up read must not delay it.
        QTimer.singleShot(1500, self.start_reminders)

    def start_reminders(self) -> None:
        """A tray icon (where the desktop has a tray) with a balloon when a follow-up
        falls due, and at start the list of what fell due while the app was closed —
        the reliable path; the balloon is only a hint."""
        from .notifier import ReminderNotifier


        if self.notifier is not None:
            return
        window = self.ctx.window
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("app"), window)
            self.tray.setToolTip(app_name())
            self.tray.activated.connect(lambda _reason: self._show_window())
            self.tray.show()
        self.notifier = ReminderNotifier(self.ctx.db, self.tray, clock=self.clock, parent=self)
        self.notifier.open_follow_up.connect(lambda _fid, cid: self._open_customer(cid))
        self.notifier.caught_up.connect(self._caught_up)
        self.notifier.start()

    def _show_window(self) -> None:
        window = self.ctx.window
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def _caught_up(self, rows: list) -> None:
        from .catch_up import CatchUpDialog


        if not rows:
            return
        dialog = CatchUpDialog(rows, self.ctx.window)
        dialog.open_follow_up.connect(lambda _fid, cid: self._open_customer(cid))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def title(self) -> str:
        return self.tr("跟进")

    def build_page(self) -> QWidget:
        from .follow_up_dialog import open_follow_up_dialog

        page = FollowUpsPage(self.ctx.db, self.ctx.bus, self.clock)
        page.today.open_customer.connect(self._open_customer)
        page.calendar.open_customer.connect(self._open_customer)
        page.calendar.edit_follow_up.connect(
            lambda fid: open_follow_up_dialog(self.ctx.window, self.ctx.db, follow_up_id=fid,
                                              clock=self.clock))
        return page

    def activated(self) -> None:
        if self.has_page():
            self.page().today.refresh()  # type: ignore[attr-defined]

    def badge(self, session: Session) -> int | None:
        from ...services.followups import today_counts

        counts = today_counts(session, clock=self.clock)
        return counts["overdue"] + counts["today"] or None

    def badge_tip(self, count: int) -> str:
        return self.tr("已逾期和今天到期的跟进：%1").replace("%1", f"{count:,}")

    def current_customer(self) -> int | None:
        return self.page().current_customer() if self.has_page() else None  # type: ignore[attr-defined]

    def current_contact(self) -> int | None:
        return self.page().current_contact() if self.has_page() else None  # type: ignore[attr-defined]

    def show_calendar(self) -> None:
        self.ctx.window.go_to(self.key)  # type: ignore[attr-defined]
        page = self.page()
        page.setCurrentWidget(page.calendar)  # type: ignore[attr-defined]
        page.calendar.setFocus()  # type: ignore[attr-defined]

    def actions(self) -> list[SectionAction]:
        export = QAction(self.tr("导出跟进日历（.ics）…"), self)
        export.triggered.connect(self.export_calendar)
        log = QAction(icon("followups"), self.tr("记录跟进…"), self)
        log.setShortcut(QKeySequence("Ctrl+L"))
        log.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        log.triggered.connect(self.log_for_current)
        plan = QAction(self.tr("新建跟进提醒…"), self)
        plan.setShortcut(QKeySequence("Ctrl+Shift+L"))
        plan.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        plan.triggered.connect(self.plan_for_current)
        settings = QAction(self.tr("提醒设置…"), self)
        settings.triggered.connect(self.edit_reminder_settings)
        calendar = QAction(icon("followups"), self.tr("跟进日历"), self)
        calendar.triggered.connect(self.show_calendar)
        return [SectionAction("log_interaction", log, menu="edit", toolbar=True),
                SectionAction("plan_follow_up", plan, menu="edit"),
                SectionAction("export_ics", export, menu="file"),
                SectionAction("followup_calendar", calendar, menu="go"),
                SectionAction("reminder_settings", settings, menu="tools")]

    def log_for_current(self) -> None:
        """Ctrl+L anywhere: log for the customer (and contact) on screen."""
        customer_id, contact_id = self.ctx.window.current_context()
        if customer_id is None:
            self.ctx.window.statusBar().showMessage(
                self.tr("先在列表中选中或打开一个客户，再按 Ctrl+L 记录跟进"), 6000)
            return
        self.log_interaction(customer_id, contact_id)

    def edit_reminder_settings(self) -> ReminderSettingsDialog:
        from .reminder_settings import ReminderSettingsDialog

        dialog = ReminderSettingsDialog(self.ctx.db, self.ctx.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _s: self.page().today.generate() if self.has_page() else None)  # type: ignore[attr-defined]
        dialog.show()
        return dialog

    def close_to_tray(self) -> bool:
        """Closing the window hides it when the user asked for that and a tray icon is
        there to bring it back (Ctrl+Q still quits)."""
        from .reminder_settings import close_to_tray

        return close_to_tray() and self.tray is not None and self.tray.isVisible()

    def plan_for_current(self) -> None:
        """Ctrl+Shift+L anywhere: a new follow-up for the customer on screen."""
        from .follow_up_dialog import open_follow_up_dialog

        customer_id, contact_id = self.ctx.window.current_context()
        if customer_id is None:
            self.ctx.window.statusBar().showMessage(
                self.tr("先在列表中选中或打开一个客户，再按 Ctrl+Shift+L 新建跟进"), 6000)
            return
        open_follow_up_dialog(self.ctx.window, self.ctx.db, customer_id=customer_id,
                              contact_id=contact_id, clock=self.clock)

    def log_interaction(self, customer_id: int, contact_id: int | None = None) -> None:
        """Open the log dialog for a customer (what the window's Ctrl+L calls)."""
        from .log_dialog import open_log_dialog


        open_log_dialog(self.ctx.window, self.ctx.db, customer_id, contact_id=contact_id,
                        clock=self.clock)

    def export_calendar(self) -> None:
        from ...services.followups import follow_ups_to_ics

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
        self._show_window()
        self.ctx.window.open_hit("customer", customer_id, customer_id)


class FollowUpsPage(QTabWidget):
    """今日 and 日历 side by side; the customer "on screen" is the one of the tab shown."""

    def __init__(self, db, bus, clock: Clock) -> None:  # noqa: ANN001
        from .calendar_page import CalendarPage
        from .today_page import TodayPage

        super().__init__()
        self.setDocumentMode(True)
        self.today = TodayPage(db, bus, clock=clock)
        self.calendar = CalendarPage(db, bus, clock=clock)
        self.addTab(self.today, icon("followups"), self.tr("今日"))
        self.addTab(self.calendar, self.tr("日历"))
        self.today.generate()
        self.today.refresh()

    def current_customer(self) -> int | None:
        return self.currentWidget().current_customer()  # type: ignore[attr-defined]

    def current_contact(self) -> int | None:
        return self.today.current_contact() if self.currentWidget() is self.today else None
