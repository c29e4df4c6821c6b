"""Starting the window: Qt application, translations, the database, the main window.

The window must be up in under two seconds on a 200,000-customer database, so nothing
here reads more than it needs: the customer list loads its ids on a reader thread.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import __version__
from ..config import APP_NAME, DatabaseTarget, resolve_database
from ..db import Database, describe_database_error, open_database
from ..errors import DatabaseLocationError
from .i18n import app_name, chosen_language, install_translator

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The Qt application, in ``language`` or else the one chosen in the Tools menu."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from .icons import icon

    app.setWindowIcon(icon("app"))
    _use_chinese_font(app)
    install_translator(app, language)
    app.setApplicationDisplayName(app_name())
    return app


# Chinese UI fonts by platform, best first: Windows' Microsoft YaHei UI (the cut made for
# menus and dialogs) and Microsoft YaHei, macOS, then Linux.
CHINESE_UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                    "Source Han Sans SC", "WenQuanYi Micro Hei")


def chinese_ui_family(has_family: Callable[[str], bool]) -> str | None:
    """The first of CHINESE_UI_FONTS this system has, or None: the system's default
    font stays (Qt then finds Chinese glyphs by fallback)."""
    return next((family for family in CHINESE_UI_FONTS if has_family(family)), None)


def _use_chinese_font(app: QApplication) -> None:
    """Draw text in a Chinese font from the start, as Chinese desktop software does:
    consistent glyphs, and no font fallback looked up for every Chinese string (the
    customer list repaints measurably faster). The size stays the system's, and Qt 6
    scales for high DPI by itself (per monitor on Windows), so nothing is set for it."""
    from PySide6.QtGui import QFontDatabase

    if (family := chinese_ui_family(QFontDatabase.hasFamily)) is not None:
        font = app.font()
        font.setFamilies([family, *font.families()])
        app.setFont(font)


def open_database_for_gui(db_arg: str | DatabaseTarget | None) -> Database | None:
    """Open, migrate if due, and prepare the database (the same service the CLI calls);
    None, after telling the user why in one sentence, when it cannot be used."""
    import kehubao.services  # noqa: F401  (session hooks)

    from ..backups.integrity import DatabaseDamagedError
    from ..services.maintenance import prepare_database
    from .backups.damaged import offer_restore

    try:
        db = open_database(db_arg)
    except DatabaseDamagedError as exc:
        if not offer_restore(exc):
            return None
        return open_database_for_gui(db_arg)  # the restored file, checked again
    except DatabaseLocationError as exc:
        QMessageBox.critical(None, app_name(), str(exc))
        return None
    try:
        prepare_database(db, chosen_language())  # a new database's starter set: the UI's language
    except Exception as exc:
        # Locked by another program, damaged, disk full: the user's to fix, said in one
        # sentence; anything else is a bug and is reported as one.
        db.dispose()
        if (message := describe_database_error(exc, db.target.display)) is None:
            raise
        QMessageBox.critical(None, app_name(), message)
        return None
    return db


def run(db_arg: str | None, files: Sequence[str | Path] = ()) -> int:
    """The window on ``db_arg``'s database, or, when a window already has that database
    open, bring that one forward with ``files`` to import and return at once.

    Loops when the window closed to move its database out of a dangerous place: the copy
    is made with no window (and so no write) on the old file, then the new one opens."""
    app = create_application()
    from .crash import CrashReporter, report_fatal

    reporter = CrashReporter(app)
    reporter.install()
    try:
        return _run(app, db_arg, files)
    except Exception as exc:  # a bug before or after the window: said, logged, exit 3
        if os.environ.get("KEHUBAO_DEBUG"):
            raise
        report_fatal(exc)
        return 3
    finally:
        reporter.uninstall()


def _run(app: QApplication, db_arg: str | None, files: Sequence[str | Path]) -> int:
    target = resolve_database(db_arg)
    notice = _moved_notice(target)
    while True:
        guard = None
        if target.path is not None:
            from .single_instance import InstanceGuard

            guard = InstanceGuard(target.path)
            if not guard.acquire():
                return _hand_over(guard, files)
        try:
            code, move, reopen = _run_window(app, target, guard, files, notice)
            notice = _carry_out_move(app, *move) if move is not None else None
        finally:
            if guard is not None:
                guard.release()
        if move is None and not reopen:
            return code
        files = ()
        if move is not None:
            target = resolve_database(str(move[0]))  # the new place, if the move succeeded
        if reopen:
            install_translator(app)  # the language just chosen


def _hand_over(guard, files: Sequence[str | Path]) -> int:  # type: ignore[no-untyped-def]
    if guard.hand_over(sys.argv[1:], files):
        return 0
    QMessageBox.information(None, app_name(), QCoreApplication.translate(
        "Application", "客户宝已经打开了这个数据库，但那个窗口没有响应。请切换到已打开的窗口，或稍后再试。"))
    return 1


def _moved_notice(target: DatabaseTarget) -> str | None:
    if target.moved_from is None:
        return None
    return QCoreApplication.translate("Application", "数据库已移到本机文件夹：%1（原来的位置不再使用）").replace(
        "%1", str(target.path))


# Set to 1, the window quits (exit 0) one second after it is shown: the installer build
# starts the bundled app this way to prove it opens (scripts/build_installer.py).
QUIT_AFTER_START = "KEHUBAO_QUIT_AFTER_START"


def _quit_after_start(app: QApplication, window: QWidget) -> None:
    """Quit one second after the window is up, first printing one line that a smoke test
    can check: the window's title, the Cancel button Qt draws itself, which reads 取消
    only when Qt's own translation was found (in a bundle: the copy under sys._MEIPASS),
    and whether the SVG app icon could be drawn (Qt's SVG plugins are in the bundle)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialogButtonBox

    def report_and_quit() -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel).text()
        buttons.deleteLater()
        if sys.stdout is not None:  # None in a Windows build without a console
            print(f"started: window={window.windowTitle()!r} visible={window.isVisible()} "
                  f"qt_cancel={cancel!r} icon={not window.windowIcon().pixmap(32).isNull()}",
                  flush=True)
        app.quit()

    QTimer.singleShot(1000, report_and_quit)


def _run_window(app: QApplication, target: DatabaseTarget, guard, files: Sequence[str | Path],  # type: ignore[no-untyped-def]
                notice: str | None) -> tuple[int, tuple[Path, Path] | None, bool]:
    """Run one window to its end: (exit code, the move it asked for, whether it asked
    to be opened again in another language)."""
    db = open_database_for_gui(target)
    if db is None:
        return 1, None, False
    from .main_window import MainWindow

    window = MainWindow(db)
    if guard is not None:
        guard.message.connect(window.handle_instance_message)
    window.show()
    if notice:
        window.show_message(notice, 20_000)
    if files:
        window.handle_instance_message({"files": [str(f) for f in files]})
    if os.environ.get(QUIT_AFTER_START):
        _quit_after_start(app, window)
    code = app.exec()
    move, reopen = window.move_request, window.reopen_request
    from PySide6.QtCore import QEvent, QThreadPool

    from .tasks import wait_for_tasks

    wait_for_tasks()  # nothing may still be writing when the database closes
    QThreadPool.globalInstance().waitForDone(5000)
    db.dispose()
    if move is not None or reopen:  # another window follows: this one (and its tray icon) goes now
        if guard is not None:
            guard.message.disconnect(window.handle_instance_message)
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return code, move, reopen


def _carry_out_move(app: QApplication, source: Path, target: Path) -> str | None:
    """Copy the database out of danger while no window has it open; the notice for the
    next window, or None (after saying why) when the old place stays in use."""
    import threading

    from PySide6.QtWidgets import QProgressDialog

    from ..errors import UserError
    from ..services.locations import move_database

    translate = QCoreApplication.translate
    failure: list[BaseException] = []

    def copy() -> None:
        try:
            move_database(source, target)
        except BaseException as exc:  # noqa: BLE001 - told to the user below
            failure.append(exc)

    worker = threading.Thread(target=copy, name="move-database", daemon=True)
    worker.start()
    dialog = QProgressDialog(translate("Application", "正在把数据库复制到本机文件夹…"), "", 0, 0)
    dialog.setWindowTitle(app_name())
    dialog.setCancelButton(None)
    dialog.show()
    while worker.is_alive():
        app.processEvents()
        worker.join(0.05)
    dialog.close()
    dialog.deleteLater()
    if failure:
        exc = failure[0]
        log.error("moving the database failed", exc_info=exc)
        text = str(exc) if isinstance(exc, UserError) else f"{exc.__class__.__name__}: {exc}"
        QMessageBox.warning(None, app_name(), translate(
            "Application", "没能移动数据库，继续使用原来的位置。\n\n%1").replace("%1", text))
        return None
    QMessageBox.information(None, app_name(), translate(
        "Application", "数据库已复制到：\n%1\n\n以后客户宝使用这个文件。原来的文件仍在 %2，不再使用；"
        "确认一切正常后可以自行删除。").replace("%1", str(target)).replace("%2", str(source)))
    return translate("Application", "数据库已移到本机文件夹：%1").replace("%1", str(target))
