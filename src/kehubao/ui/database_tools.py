"""The Tools menu's work on the database as a whole: generate demo customers, check the
file, rebuild the search index. Each runs as a task with its progress dialog; the texts
keep the window's translation context ("MainWindow"), whose methods these were."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from ..db import Database
from .i18n import app_name
from .tasks import run_task

translate = QCoreApplication.translate


def load_demo(window: QMainWindow, db: Database) -> None:
    count, ok = QInputDialog.getInt(
        window, translate("MainWindow", "加载演示数据"),
        translate("MainWindow", "要生成多少个演示客户？（会加入当前数据库）"), 500, 1, 200_000, 100)
    if not ok:
        return
    from ..services.demo import generate_demo

    def work(progress):  # type: ignore[no-untyped-def]
        return generate_demo(db, customers=count, progress=lambda _s, f: progress(f))

    def done(summary) -> None:  # type: ignore[no-untyped-def]
        made = f"{summary.counts.get('customer', 0):,}"
        window.statusBar().showMessage(
            translate("MainWindow", "已生成 %1 个演示客户").replace("%1", made), 6000)

    run_task(window, translate("MainWindow", "正在生成演示数据…"), work, on_done=done)


def check_database(window: QMainWindow, db: Database) -> None:
    from ..services.maintenance import check_database as check

    def done(problems: list[str]) -> None:
        if problems:
            QMessageBox.warning(window, app_name(),
                                translate("MainWindow", "发现问题：\n") + "\n".join(problems))
        else:
            QMessageBox.information(window, app_name(),
                                    translate("MainWindow", "检查通过，没有发现问题。"))

    run_task(window, translate("MainWindow", "正在检查数据库…"), lambda _p: check(db),
             on_done=done, cancellable=False)


def reindex(window: QMainWindow, db: Database) -> None:
    from ..services.maintenance import reindex as rebuild

    def done(_count: object) -> None:
        window.statusBar().showMessage(translate("MainWindow", "搜索索引已重建"), 6000)

    run_task(window, translate("MainWindow", "正在重建搜索索引…"),
             lambda p: rebuild(db, progress=p), cancellable=False, on_done=done)
