"""Starting the window: Qt application, translations, the database, the main window.

The window must be up in under two seconds on a 200,000-customer database, so nothing
here reads more than it needs: the customer list loads its ids on a reader thread.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..config import APP_NAME, DatabaseTarget, resolve_database
from ..db import Database, describe_database_error, open_database
from ..errors import DatabaseLocationError
from .i18n import app_name

log = logging.getLogger(__name__)


def create_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The Qt application, in ``language`` or else the one chosen in the Tools menu."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from .i18n import install_translator
    from .icons import icon

    app.setWindowIcon(icon("app"))
    _use_chinese_font(app)
    install_translator(app, language)
    app.setApplicationDisplayName(app_name())
    return app


# Chinese UI fonts by platform, best first.
CHINESE_UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                    "Source Han Sans SC", "WenQuanYi Micro Hei")


def _use_chinese_font(app: QApplication) -> None:
    """Draw text in a Chinese font from the start, as Chinese desktop software does:
    consistent glyphs, and no font fallback looked up for every Chinese string (the
    customer list repaints measurably faster)."""
    from PySide6.QtGui import QFontDatabase

    for family in CHINESE_UI_FONTS:
        if QFontDatabase.hasFamily(family):
            font = app.font()
            font.setFamilies([family, *font.families()])
            app.setFont(font)
            return


def open_database_for_gui(db_arg: str | DatabaseTarget | None) -> Database | None:
    """Open, migrate if due, and prepare the database (the same service the CLI calls);
    None, after telling the user why in one sentence, when it cannot be used."""
    import kehubao.services  # noqa: F401  (session hooks)

    from ..services.maintenance import prepare_database

    try:
        db = open_database(db_arg)
    except DatabaseLocationError as exc:
        QMessageBox.critical(None, app_name(), str(exc))
        return None
    try:
        prepare_database(db)
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
    open, bring that one forward with ``files`` to import and return at once."""
    app = create_application()
    target = resolve_database(db_arg)
    guard = None
    if target.path is not None:
        from .single_instance import InstanceGuard

        guard = InstanceGuard(target.path)
        if not guard.acquire():
            if guard.hand_over(sys.argv[1:], files):
                return 0
            QMessageBox.information(None, app_name(), QCoreApplication.translate(
                "Application", "客户宝已经打开了这个数据库，但那个窗口没有响应。请切换到已打开的窗口，或稍后再试。"))
            return 1
    try:
        return _run_window(app, target, guard, files)
    finally:
        if guard is not None:
            guard.release()


def _run_window(app: QApplication, target: DatabaseTarget, guard, files: Sequence[str | Path]) -> int:  # type: ignore[no-untyped-def]
    db = open_database_for_gui(target)
    if db is None:
        return 1
    from .main_window import MainWindow

    window = MainWindow(db)
    if guard is not None:
        guard.message.connect(window.handle_instance_message)
    window.show()
    if files:
        window.handle_instance_message({"files": [str(f) for f in files]})
    code = app.exec()
    from PySide6.QtCore import QThreadPool

    from .tasks import wait_for_tasks

    wait_for_tasks()  # nothing may still be writing when the database closes
    QThreadPool.globalInstance().waitForDone(5000)
    db.dispose()
    return code
