"""Batch export of one PDF per customer into a folder, shared by the 报表 page (a class or
a region) and the customer list (the selected customers or the current filter result):
the folder choice remembered between runs, the export off the GUI thread with progress
and Cancel, and the "已导出 N 份 / 打开文件夹" box at the end.

Why one place: both entry points must behave the same (same progress, same Cancel that
keeps the files already written, same last message); two copies would drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...db import Database
from ...services.report_requests import export_batch
from .. import ops
from ..i18n import app_name

BATCH_DIR = "reports/batch_dir"

# Who a batch covers: fixed ids, ids read on the worker (a filter's result, which may
# still be loading on screen), or None for the class/region given beside it.
Customers = Sequence[int] | Callable[[Session], Sequence[int]] | None


translate = QCoreApplication.translate  # context "BatchExport" for these free functions


def last_folder() -> Path:
    return Path(str(QSettings().value(BATCH_DIR, str(Path.home()))))


def choose_folder(parent: QWidget) -> Path | None:
    """Qt's folder dialog, starting where the last batch went; remembered when chosen."""
    folder = QFileDialog.getExistingDirectory(parent, translate("BatchExport", "选择导出文件夹"), str(last_folder()))
    if not folder:
        return None
    QSettings().setValue(BATCH_DIR, folder)
    return Path(folder)


def run_batch_export(parent: QWidget, db: Database, kind: str, folder: Path, *,
                     customers: Customers = None, region: str = "", value_class: str = "",
                     shown: Callable[[QMessageBox], None] | None = None) -> None:
    """One PDF of `kind` per customer into `folder`, as a task with progress and Cancel
    (Cancel stops between two files; those written stay, and no "done" box claims
    otherwise). At the end a box says how many were written and offers the folder;
    `shown(box)` lets the caller keep it."""

    def work(session: Session, progress) -> list[Path]:  # type: ignore[no-untyped-def]
        ids = customers(session) if callable(customers) else customers
        return export_batch(session, kind, None if ids is None else list(ids), folder,
                            region=region, value_class=value_class, progress=progress)

    def done(files: list[Path]) -> None:
        box = exported_box(parent, folder, len(files))
        if shown is not None:
            shown(box)

    ops.query(parent, db, work, done, progress_title=translate("BatchExport", "正在批量导出报表…"))


def exported_box(parent: QWidget, folder: Path, count: int) -> QMessageBox:
    """已导出 N 份, with 打开文件夹 (the system's file manager) and 关闭; not modal."""
    box = QMessageBox(QMessageBox.Icon.Information, app_name(),
                      translate("BatchExport", "已导出 %1 份").replace("%1", str(count)), parent=parent)
    open_folder = box.addButton(translate("BatchExport", "打开文件夹"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("BatchExport", "关闭"), QMessageBox.ButtonRole.RejectRole)
    open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def batch_kinds() -> list[tuple[str, str]]:
    """(kind, translated title) offered for a batch of chosen customers."""
    return [("evaluation", translate("BatchExport", "客户评价表")), ("brief", translate("BatchExport", "拜访准备单")),
            ("archive", translate("BatchExport", "客户档案卡"))]


class BatchExportDialog(QDialog):
    """Which report and which folder, for customers already chosen elsewhere (the
    customer list's selection or filter). OK starts the export on the parent, so the
    export and its last box outlive this dialog."""

    def __init__(self, db: Database, customers: Customers, scope: str,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.db, self.customers = db, customers
        self.setWindowTitle(self.tr("导出 PDF"))
        self.kind = QComboBox()
        for code, title in batch_kinds():
            self.kind.addItem(title, code)
        self.folder = QLineEdit(str(last_folder()))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("客户"), QLabel(scope))
        form.addRow(self.tr("报表"), self.kind)
        form.addRow(self.tr("文件夹"), folder_row)
        hint = QLabel(self.tr("每个客户生成一个 PDF 文件；可以随时取消，已生成的文件会保留。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#607d8b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _browse(self) -> None:
        if (chosen := choose_folder(self)) is not None:
            self.folder.setText(str(chosen))

    def accept(self) -> None:
        text = self.folder.text().strip()
        if not text:
            QMessageBox.warning(self, app_name(), self.tr("请选择导出文件夹。"))
            return
        folder = Path(text).expanduser()
        QSettings().setValue(BATCH_DIR, str(folder))
        owner = self.parentWidget()
        run_batch_export(owner, self.db, self.kind.currentData(), folder, customers=self.customers)
        super().accept()
