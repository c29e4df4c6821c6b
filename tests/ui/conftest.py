"""UI test fixtures: an isolated QSettings store and a main window per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from kehubao.db import Database
from kehubao.ui import ops


@pytest.fixture(autouse=True)
def no_unexpected_error_box(monkeypatch):  # type: ignore[no-untyped-def]
    """An unexpected error's box (ui/tasks.show_error) would wait for a click that never
    comes offscreen: fail the test with its text instead of hanging the run."""
    def fail(box):  # type: ignore[no-untyped-def]
        raise AssertionError(f"unexpected message box: {box.text()}\n{box.detailedText()}")

    monkeypatch.setattr(QMessageBox, "exec", fail)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    QCoreApplication.setOrganizationName("kehubao-tests")
    QCoreApplication.setApplicationName("kehubao-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield


def make_window(qtbot, db: Database):  # type: ignore[no-untyped-def]
    from kehubao.ui.main_window import MainWindow

    window = MainWindow(db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.page_of("customers").list.model.wait_loaded()
    ops.wait_idle()  # the status bar's counts, and so the first-run screen
    return window


@pytest.fixture
def bus():  # type: ignore[no-untyped-def]
    """A Qt adapter of the event bus for a page tested on its own; closed after the ops."""
    from kehubao.ui.bus import QtBus

    qt_bus = QtBus()
    yield qt_bus
    ops.wait_idle()
    qt_bus.close()


@pytest.fixture
def window(qtbot, db):  # type: ignore[no-untyped-def]
    return make_window(qtbot, db)


@pytest.fixture
def demo_window(qtbot, demo_db):  # type: ignore[no-untyped-def]
    return make_window(qtbot, demo_db)


@pytest.fixture
def answer(monkeypatch):  # type: ignore[no-untyped-def]
    """Answer message boxes without showing them: answer("yes") / answer("discard")."""
    replies = {"yes": QMessageBox.StandardButton.Yes, "no": QMessageBox.StandardButton.No,
               "discard": QMessageBox.StandardButton.Discard,
               "cancel": QMessageBox.StandardButton.Cancel, "save": QMessageBox.StandardButton.Save}
    asked: list[str] = []

    def set_reply(reply: str) -> list[str]:
        def fake(*args, **_kwargs):  # type: ignore[no-untyped-def]
            asked.append(str(args[2]) if len(args) > 2 else "")
            return replies[reply]

        monkeypatch.setattr(QMessageBox, "question", staticmethod(fake))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake))
        monkeypatch.setattr(QMessageBox, "information", staticmethod(fake))
        return asked

    return set_reply


def settle(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Let queued bus events and the list's reload run to completion."""
    from kehubao.ui.tasks import _running, wait_for_tasks

    qtbot.wait(20)  # queued task starts run first
    qtbot.waitUntil(lambda: not _running, timeout=20_000)
    wait_for_tasks()
    ops.wait_idle()
    qtbot.wait(150)  # bus events, debounced refreshes
    ops.wait_idle()
    window.page_of("customers").list.model.wait_loaded()
    qtbot.wait(20)
