"""导出个人信息… and 彻底删除… (个人信息保护法) from a customer's tab: the file dialog and the
export on a reader; the question (erase_dialog.py) and the erasure on the writer, with a
progress dialog, since the file is rebuilt afterwards (services/personal_data/)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...db import Database
from ...services import personal_data as pd
from .. import ops
from ..widgets.modal import run_modal
from .erase_dialog import EraseDialog

_FILTERS = {"html": "HTML (*.html)", "json": "JSON (*.json)"}


class PersonalDataActions(QObject):
    def __init__(self, parent: QWidget, db: Database) -> None:
        super().__init__(parent)
        self.widget, self.db = parent, db

    # ------------------------------------------------------------------ export

    def export_contact(self, contact_id: int, name: str) -> None:
        """Ask where, then gather and write the file on a reader."""
        suggested = self.tr("个人信息-%1").replace("%1", name) + ".html"
        path, chosen = QFileDialog.getSaveFileName(
            self.widget, self.tr("导出个人信息"), suggested,
            ";;".join([self.tr("便于阅读的网页") + " " + _FILTERS["html"],
                       self.tr("完整数据") + " " + _FILTERS["json"]]))
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".html", ".htm", ".json"):
            target = target.with_name(target.name + (".json" if "json" in chosen.lower() else ".html"))

        def gather(session):  # type: ignore[no-untyped-def]
            return pd.write_export(pd.export_contact(session, contact_id), target)

        ops.query(self.widget, self.db, gather, self._exported)

    def _exported(self, path: Path) -> None:
        message = self.tr("已导出个人信息到 %1").replace("%1", str(path))
        self.widget.window().statusBar().showMessage(message, 8000)

    # ------------------------------------------------------------------- erase

    def erase(self, kind: str, record_id: int) -> None:
        """``kind``: "contact" or "customer". What goes is read first, for the question."""
        ops.query(self.widget, self.db, lambda session: pd.erasure_preview(session, kind, record_id),
                  self._confirm)

    def _confirm(self, preview: pd.ErasurePreview) -> EraseDialog | None:
        dialog = EraseDialog(preview, self.widget)
        if not run_modal(dialog):
            return dialog
        erase = pd.erase_contact if preview.kind == "contact" else pd.erase_customer
        ops.write(self.widget, self.db, lambda session, _progress: erase(session, preview.id),
                  self._erased, progress_title=self.tr("正在彻底删除…"), cancellable=False,
                  backup_before="before-erase")
        return dialog

    def _erased(self, result: pd.Erasure) -> None:
        what = (self.tr("已彻底删除联系人“%1”。") if result.kind == "contact"
                else self.tr("已彻底删除客户“%1”。")).replace("%1", result.name)
        lines = [what]
        if not result.file_cleaned:
            lines.append(self.tr("数据库文件未能整理（可能有其他程序正在使用数据库），"
                                 "旧内容可能仍留在文件的空闲空间中。"))
        lines.append(self.tr("较早的备份（数据库旁的 backups 文件夹，以及另存到别处的备份文件）中"
                             "仍保存着这些信息，直到这些备份被轮换删除为止。"))
        QMessageBox.information(self.widget, self.tr("已彻底删除"), "\n\n".join(lines))
