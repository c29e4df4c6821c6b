"""Unexpected errors of the window: written to the crash log, told in a friendly dialog,
and the window carries on.

Every exception nobody caught ends here: on the GUI thread (a slot, a virtual method
such as paintEvent — PySide hands those to ``sys.excepthook``) and on Python threads
(``threading.excepthook``). Work started through ``ui/ops.py`` reports its own failures
(``tasks.show_error``, which logs to the same file). The dialog is not modal and never
waits: the window keeps running, and a bug that fires on every repaint opens one dialog,
not hundreds.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from .. import crash_log
from .i18n import app_name

log = logging.getLogger(__name__)


class CrashDialog(QMessageBox):
    """What happened in one sentence, that the data is safe, where the log is (with a
    button that opens its folder), and the traceback behind "Show Details…"."""

    def __init__(self, summary: str, details: str, log_path: Path | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Warning, app_name(), "", QMessageBox.StandardButton.NoButton, parent)
        self.setText(self.tr("客户宝遇到了一个意外错误（%1），刚才的操作可能没有完成。").replace("%1", summary))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.NonModal)
        safe = self.tr("您的数据是安全的：每次修改都在一个事务中保存，没有完成的修改不会写进数据库。")
        where = (self.tr("错误的详细记录在：%1").replace("%1", str(log_path)) if log_path is not None
                 else self.tr("错误记录无法写入文件。"))
        self.setInformativeText(f"{safe}\n\n{where}")
        self.setDetailedText(details)
        self.log_path = log_path
        self.repeats = 0
        self.open_folder_button: QPushButton | None = None
        if log_path is not None:
            self.open_folder_button = self.addButton(self.tr("打开日志文件夹"), QMessageBox.ButtonRole.ActionRole)
            self.open_folder_button.clicked.connect(self.open_log_folder)
        self.continue_button = self.addButton(self.tr("继续使用"), QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.continue_button)

    def open_log_folder(self) -> None:
        if self.log_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))

    def happened_again(self) -> None:
        self.repeats += 1
        self.setText(self.tr("客户宝遇到了意外错误，刚才的操作可能没有完成（又发生了 %1 次，都已记录）。")
                     .replace("%1", str(self.repeats)))


def show_crash_dialog(summary: str, details: str, log_path: Path | None) -> CrashDialog:
    """Shown without waiting (``show``, not ``exec``): the window stays usable."""
    dialog = CrashDialog(summary, details, log_path, QApplication.activeWindow())
    dialog.show()
    dialog.raise_()
    return dialog


class CrashReporter(QObject):
    """Installs the hooks; ``report`` crosses to the GUI thread for the dialog."""

    _report = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous_hook: Callable[..., Any] | None = None
        self._previous_thread_hook: Callable[..., Any] | None = None
        self._dialog: CrashDialog | None = None
        self.log_path: Path | None = None

    def install(self) -> None:
        self.log_path = crash_log.install()
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook and self._previous_hook is not None:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook and self._previous_thread_hook is not None:
            threading.excepthook = self._previous_thread_hook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal: quit as usual
            if self._previous_hook is not None:
                self._previous_hook(exc_type, exc, tb)
            return
        self._record(exc_type, exc, tb, "")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self._record(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")

    def _record(self, exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None, where: str) -> None:
        try:
            details = crash_log.record_crash(exc_type, exc, tb, where)
            text = " ".join(str(exc).split())
            summary = f"{exc_type.__name__}: {text}" if text else exc_type.__name__
            self._report.emit(summary[:200], details)  # queued: any thread → GUI thread
        except Exception:  # noqa: BLE001 - the crash handler itself must never raise
            log.critical("crash handler failed", exc_info=True)

    def _show(self, summary: str, details: str) -> None:
        if self._dialog is not None:
            try:
                if self._dialog.isVisible():
                    self._dialog.happened_again()
                    return
            except RuntimeError:  # closed and deleted
                pass
        dialog = show_crash_dialog(summary, details, self.log_path)
        self._dialog = dialog if isinstance(dialog, CrashDialog) else None
        if self._dialog is not None:
            self._dialog.destroyed.connect(self._forget_dialog)

    def _forget_dialog(self) -> None:
        self._dialog = None


def report_fatal(exc: BaseException) -> None:
    """An error before the window could open (no event loop yet): log it and wait for
    the user to read the dialog, since the program ends after it."""
    details = crash_log.record_crash(type(exc), exc, exc.__traceback__, "start-up")
    dialog = CrashDialog(f"{type(exc).__name__}: {exc}", details, crash_log.installed_path())
    dialog.setText(QCoreApplication.translate("CrashDialog", "客户宝启动时遇到了一个意外错误（%1），无法打开窗口。").replace(
        "%1", f"{type(exc).__name__}: {exc}"[:200]))
    dialog.exec()
