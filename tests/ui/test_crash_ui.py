"""Unexpected errors: into the crash log, a dialog that does not block, the app goes on."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kehubao import crash_log
from kehubao.ui import crash


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch):  # type: ignore[no-untyped-def]
    folder = tmp_path / "logs"
    monkeypatch.setattr(crash_log, "log_dir", lambda: folder)
    yield folder
    crash_log.uninstall()


@pytest.fixture
def reporter(log_folder, monkeypatch):  # type: ignore[no-untyped-def]
    """The hooks installed as the window installs them, with the dialog recorded."""
    shown: list[tuple[str, str, Path | None]] = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda *args: shown.append(args))
    installed = crash.CrashReporter()
    installed.install()
    installed.shown = shown  # type: ignore[attr-defined]
    yield installed
    installed.uninstall()


def test_an_error_in_a_slot_is_logged_and_shown(qtbot, reporter, log_folder) -> None:
    went_on: list[bool] = []

    def broken_slot() -> None:
        raise ValueError("故意的错误")

    QTimer.singleShot(0, broken_slot)
    QTimer.singleShot(30, lambda: went_on.append(True))  # the event loop carries on
    qtbot.waitUntil(lambda: bool(reporter.shown) and bool(went_on), timeout=5_000)

    summary, details, path = reporter.shown[0]
    assert path == log_folder / "crash.log"
    assert "ValueError" in summary and "故意的错误" in summary
    assert "broken_slot" in details
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "broken_slot" in text and "ValueError: 故意的错误" in text


def test_an_error_in_a_thread_is_logged_and_shown_on_the_gui_thread(qtbot, reporter, log_folder) -> None:
    def worker() -> None:
        raise KeyError("线程里的错误")

    thread = threading.Thread(target=worker, name="worker-x")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(reporter.shown), timeout=5_000)
    assert "KeyError" in reporter.shown[0][0]
    assert "thread worker-x" in (log_folder / "crash.log").read_text(encoding="utf-8")


def test_the_log_is_bounded(log_folder) -> None:
    crash_log.install()
    handler = crash_log._handler
    assert handler is not None
    assert handler.maxBytes == 1_000_000 and handler.backupCount == 3


def test_errors_logged_elsewhere_reach_the_crash_log(log_folder) -> None:
    import logging

    crash_log.install()
    logging.getLogger("kehubao.ui.tasks").error("unexpected error: %s", "op failed")
    crash_log._handler.flush()  # type: ignore[union-attr]
    assert "op failed" in (log_folder / "crash.log").read_text(encoding="utf-8")


def test_one_dialog_however_often_it_happens(qtbot, log_folder, monkeypatch) -> None:
    opened: list[crash.CrashDialog] = []
    real = crash.show_crash_dialog

    def counting(*args):  # type: ignore[no-untyped-def]
        opened.append(real(*args))
        return opened[-1]

    monkeypatch.setattr(crash, "show_crash_dialog", counting)
    reporter = crash.CrashReporter()
    reporter.install()
    try:
        for n in range(5):
            QTimer.singleShot(0, lambda n=n: (_ for _ in ()).throw(RuntimeError(f"第{n}次")))
        qtbot.waitUntil(lambda: bool(opened) and opened[0].repeats == 4, timeout=5_000)
        assert len(opened) == 1 and "4" in opened[0].text()
    finally:
        reporter.uninstall()
        for dialog in opened:
            dialog.close()


def test_the_dialog_says_the_data_is_safe_and_opens_the_log_folder(qtbot, tmp_path, monkeypatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(crash.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = crash.CrashDialog("ValueError: x", "Traceback…", tmp_path / "logs" / "crash.log")
    qtbot.addWidget(dialog)
    assert "意外错误" in dialog.text() and "ValueError: x" in dialog.text()
    assert "数据是安全的" in dialog.informativeText() and "crash.log" in dialog.informativeText()
    assert dialog.detailedText() == "Traceback…"
    assert not dialog.isModal()
    dialog.open_folder_button.click()
    assert opened == [str(tmp_path / "logs")]


def test_ctrl_c_is_not_a_crash(reporter, monkeypatch) -> None:
    seen: list[type] = []
    monkeypatch.setattr(reporter, "_previous_hook", lambda t, e, tb: seen.append(t))
    reporter.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt] and reporter.shown == []
