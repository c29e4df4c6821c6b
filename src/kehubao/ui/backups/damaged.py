"""A damaged database at start: said plainly, never opened, the newest good backup
offered in one click."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from ...backups.integrity import DatabaseDamagedError
from ...backups.restore import restore_backup
from ...backups.store import backup_dir, newest_good_backup
from ..i18n import app_name
from ..tasks import run_task, show_error

translate = QCoreApplication.translate


def offer_restore(error: DatabaseDamagedError, parent: QWidget | None = None) -> bool:
    """Ask what to do about a damaged database; True once the newest good backup has
    replaced it (the caller then opens it), False to quit."""
    newest = newest_good_backup(error.path)
    box = QMessageBox(QMessageBox.Icon.Critical, app_name(), str(error),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(
        translate("DamagedDatabase", "客户宝没有打开这个文件，也没有写入任何内容。")
        if newest is None else
        translate("DamagedDatabase", "最新的完好备份：%1（%2 个客户）。恢复它会替换损坏的文件，损坏的文件会另存一份。")
        .replace("%1", newest.created_at.strftime("%Y-%m-%d %H:%M"))
        .replace("%2", f"{newest.counts.get('customer', 0):,}"))
    restore = box.addButton(translate("DamagedDatabase", "从最新备份恢复"), QMessageBox.ButtonRole.AcceptRole) \
        if newest is not None else None
    folder = box.addButton(translate("DamagedDatabase", "打开备份文件夹"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(translate("DamagedDatabase", "退出"), QMessageBox.ButtonRole.RejectRole)
    if restore is not None:
        box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is folder:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup_dir(error.path))))
        return False
    if restore is None or clicked is not restore or newest is None:
        return False
    return _restore_waiting(newest.path, error, parent)


def _restore_waiting(source, error: DatabaseDamagedError, parent: QWidget | None) -> bool:  # type: ignore[no-untyped-def]
    """Restore with a progress dialog before any window exists, waiting for the end."""
    outcome: list[bool] = []
    loop = QEventLoop()

    def failed(exc: BaseException) -> None:
        outcome.append(False)
        show_error(parent, exc)

    task = run_task(parent, translate("DamagedDatabase", "正在恢复…"),
                    lambda progress: restore_backup(source, error.path, progress=progress),
                    on_done=lambda _r: outcome.append(True), on_error=failed, cancellable=False)
    task.finished.connect(loop.quit)
    loop.exec()
    return bool(outcome and outcome[0])
