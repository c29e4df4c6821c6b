"""Long work off the GUI thread (imports, exports, demo data, reindexing), Anki-style:
one background worker runs one operation at a time, reports progress, can be cancelled,
and hands the result (or the error) back to the GUI thread through queued signals.

A progress dialog appears only if the work takes longer than half a second.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from .. import crash_log
from ..errors import UserError
from .i18n import app_name, label

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a task when the user pressed Cancel; the task's transaction rolls
    back, so cancelling leaves nothing behind."""


class Progress:
    """Handed to the task function: report progress, and check for cancellation."""

    def __init__(self, signals: "_Signals") -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def __call__(self, fraction: float, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._signals.progressed.emit(max(0.0, min(1.0, fraction)), text)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    progressed = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)


_pool: QThreadPool | None = None
_running: list["Task"] = []


def worker_pool() -> QThreadPool:
    """A single worker: database writes are serialised by design."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


class Task(QObject):
    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, fn: Callable[[Progress], Any],
                 on_done: Callable[[Any], None] | None, on_error: Callable[[BaseException], None] | None,
                 cancellable: bool) -> None:
        # Not the window's child: a dialog closed (and freed) while its task runs must not
        # take the task with it, or the task would never leave the running list.
        super().__init__()
        self.owner = parent
        self.orphaned = False
        if parent is not None:
            parent.destroyed.connect(self._orphan)
        from .ops import gui_owner  # the same thread-safe ownership as the op helper's

        self.signals = _Signals(gui_owner())
        self.progress = Progress(self.signals)
        self.on_done, self.on_error = on_done, on_error
        self.dialog = QProgressDialog(title, self.tr("取消") if cancellable else "", 0, 1000, parent)
        self.dialog.setWindowTitle(app_name())
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(500)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if not cancellable:
            self.dialog.setCancelButton(None)
        self.dialog.canceled.connect(self._cancel)
        self.dialog.setValue(0)
        self.signals.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.signals.succeeded.connect(self._on_success, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._on_failure, Qt.ConnectionType.QueuedConnection)
        self.runnable = _Runnable(fn, self.signals, self.progress)
        self.title = title

    def start(self) -> None:
        worker_pool().start(self.runnable)

    def _orphan(self) -> None:
        """The window that asked is gone, its progress dialog with it: the work is
        cancelled (rolled back), and nobody is told how it ended."""
        self.orphaned = True
        self.progress.cancel()

    def _cancel(self) -> None:
        self.progress.cancel()
        if not self.orphaned:
            self.dialog.setLabelText(self.tr("正在取消…"))

    def _on_progress(self, fraction: float, text: str) -> None:
        if self.orphaned:  # the dialog went with the window that owned it
            return
        self.dialog.setValue(int(fraction * 1000))
        if text:  # the layers below report in Chinese; their texts are labels
            self.dialog.setLabelText(label(text))

    def _finish(self) -> None:
        if not self.orphaned:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
        if self in _running:
            _running.remove(self)
        self.signals.deleteLater()  # on the GUI thread (see ops.gui_owner)
        self.finished.emit()

    def _on_success(self, result: Any) -> None:
        self._finish()
        if self.on_done is not None and not self.orphaned:
            self.on_done(result)

    def _on_failure(self, exc: BaseException, details: str) -> None:
        self._finish()
        if isinstance(exc, Cancelled) or self.orphaned:
            return
        if self.on_error is not None:
            self.on_error(exc)
            return
        show_error(self.owner, exc, details)


def run_task(parent: QWidget | None, title: str, fn: Callable[[Progress], Any], *,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             cancellable: bool = True) -> Task:
    task = Task(parent, title, fn, on_done, on_error, cancellable)
    _running.append(task)  # also what keeps it alive
    QTimer.singleShot(0, task.start)
    return task


def show_error(parent: Any, exc: BaseException, details: str = "") -> None:
    if isinstance(exc, UserError):
        QMessageBox.warning(parent, app_name(), str(exc))
        return
    log.error("unexpected error: %s\n%s", exc, details)
    box = QMessageBox(QMessageBox.Icon.Critical, app_name(),
                      QCoreApplication.translate("Task", "出现了意外错误，操作没有完成，数据没有改动。\n\n%1").replace(
                          "%1", f"{exc.__class__.__name__}: {exc}"), parent=parent)
    if details:
        box.setDetailedText(details)
    if (logged := crash_log.installed_path()) is not None:  # the window's crash log has it too
        box.setInformativeText(QCoreApplication.translate("Task", "详细记录在：%1").replace("%1", str(logged)))
    box.exec()


def running_titles() -> list[str]:
    return [task.title.rstrip("…") for task in _running]


def cancel_all() -> None:
    for task in list(_running):
        task.progress.cancel()


def wait_for_tasks(timeout_ms: int = 30_000) -> bool:
    """For shutdown and tests: block until the worker is idle."""
    return worker_pool().waitForDone(timeout_ms)
