"""The export dialog: what (all, the current filter, the selection) and how (Excel, CSV,
phone vCard), written in the background with a progress bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...exchange.exporter import export
from ...services.customer_list import CustomerFilter
from .. import ops
from ..i18n import label

FORMATS = [("xlsx", "3.0", QT_TRANSLATE_NOOP("labels", "Excel 表格（.xlsx）"), "xlsx"),
           ("csv", "3.0", QT_TRANSLATE_NOOP("labels", "CSV 文本（UTF-8，Excel 可直接打开）"), "csv"),
           ("vcf", "3.0", QT_TRANSLATE_NOOP("labels", "手机通讯录 vCard 3.0（.vcf）"), "vcf"),
           ("vcf", "2.1", QT_TRANSLATE_NOOP("labels", "vCard 2.1（旧款安卓手机）"), "vcf")]


class ExportDialog(QDialog):
    def __init__(self, db: Database, current: CustomerFilter, selected: list[int] | None,
                 counts: tuple[int, int], parent: QWidget | None = None) -> None:
        """``counts``: customers in all and in the current filter, read beforehand."""
        super().__init__(parent)
        self.db, self.current, self.selected = db, current, selected
        self.setWindowTitle(self.tr("导出名单"))
        total, filtered = counts
        scope_box = QGroupBox(self.tr("导出哪些客户"))
        scope = QVBoxLayout(scope_box)
        self.scope = QButtonGroup(self)
        options = [("all", self.tr("全部客户（%1 个）").replace("%1", f"{total:,}"))]
        if not current.is_empty():
            options.append(("filter", self.tr("当前筛选结果（%1 个）").replace("%1", f"{filtered:,}")))
        if selected:
            options.append(("selection", self.tr("选中的客户（%1 个）").replace("%1", f"{len(selected):,}")))
        for n, (code, caption) in enumerate(options):
            button = QRadioButton(caption)
            button.setProperty("code", code)
            button.setChecked(n == len(options) - 1)
            self.scope.addButton(button)
            scope.addWidget(button)
        format_box = QGroupBox(self.tr("格式"))
        formats = QVBoxLayout(format_box)
        self.format = QButtonGroup(self)
        for n, (_fmt, _version, text, _ext) in enumerate(FORMATS):
            button = QRadioButton(label(text))
            button.setProperty("fmt", n)
            button.setChecked(n == 0)
            self.format.addButton(button)
            formats.addWidget(button)
        note = QLabel(self.tr("每个联系人一行；导出的文件可以原样再导入。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导出…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.run_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(format_box)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def run_export(self, path: str | None = None) -> None:
        fmt, version, _label, ext = FORMATS[self.format.checkedButton().property("fmt")]
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出到"), self.tr("客户名单") + f".{ext}",
                                                  f"*.{ext}")
            if not path:
                return
        scope = self.scope.checkedButton().property("code")
        ids = self.selected if scope == "selection" else None
        filt = self.current if scope == "filter" else CustomerFilter()

        step = self.tr("正在导出…")

        def work(session, progress):  # type: ignore[no-untyped-def]
            return export(session, Path(path), fmt, filt=filt, ids=ids, vcard_version=version,
                          progress=lambda f: progress(f, step))

        def done(summary) -> None:  # type: ignore[no-untyped-def]
            window = self.parent().window() if self.parent() else None
            if window is not None and hasattr(window, "statusBar"):
                window.statusBar().showMessage(self.tr("已导出 %1 个客户到 %2").replace(
                    "%1", f"{summary.customers:,}").replace("%2", path), 8000)
            self.accept()

        ops.query(self, self.db, work, done, progress_title=self.tr("正在导出…"))
