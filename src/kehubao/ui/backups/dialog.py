"""工具 → 备份与恢复…: the backups of this database, newest first, and restoring one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...backups.restore import RestoreResult, restore_backup
from ...backups.store import (
    REASON_LABELS,
    BackupEntry,
    backup_dir,
    list_backups,
    make_backup,
    size_text,
)
from ...db import Database
from ...services.events import bus
from ...services.tracking import everything_changed
from .. import ops
from ..i18n import app_name, label
from ..widgets.forms import fit_to_screen


class BackupsDialog(QDialog):
    COLUMNS = ("date", "reason", "customers", "contacts", "size", "state")

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert db.path is not None
        self.db = db
        self.path: Path = db.path
        self.entries: list[BackupEntry] = []
        self.restored: RestoreResult | None = None
        self.setWindowTitle(self.tr("备份与恢复"))
        intro = QLabel(self.tr(
            "客户宝会自动备份：每天第一次启动时、有改动时每 30 分钟、退出时，以及导入、合并、"
            "批量删除和恢复之前。备份经过校验并压缩，保留最近 12 天每天一份、10 周每周一份、"
            "9 个月每月一份。"))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("时间"), self.tr("原因"), self.tr("客户"), self.tr("联系人"),
            self.tr("大小"), self.tr("状态")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.restore_selected())
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.setShortcut(QKeySequence("Ctrl+B"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("恢复所选备份…"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("从文件恢复…"))
        self.file_button.clicked.connect(self.restore_from_file)
        self.copy_button = QPushButton(self.tr("另存数据库副本…"))
        self.copy_button.clicked.connect(self.save_copy)
        self.folder_button = QPushButton(self.tr("打开备份文件夹"))
        self.folder_button.clicked.connect(self.open_folder)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.file_button,
                       self.copy_button, self.folder_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(row)
        layout.addWidget(close)
        fit_to_screen(self, 880, 500)
        self.reload()

    # ---------------------------------------------------------------- list

    def reload(self) -> None:
        ops.background(self, lambda: list_backups(self.path), self._show)

    def _show(self, entries: list[BackupEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            counts = e.counts
            cells = (e.created_at.strftime("%Y-%m-%d %H:%M"), label(REASON_LABELS.get(e.reason, e.reason)),
                     f"{counts['customer']:,}" if "customer" in counts else "—",
                     f"{counts['contact']:,}" if "contact" in counts else "—",
                     size_text(e.size), self.tr("已校验") if e.verified else self.tr("未校验"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (2, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(e.path))
                self.table.setItem(row, column, item)
        total = sum(e.size for e in entries)
        self.summary.setText(self.tr("共 %1 个备份，占用 %2；保存在 %3")
                             .replace("%1", str(len(entries))).replace("%2", size_text(total))
                             .replace("%3", str(backup_dir(self.path))))
        if entries and not self.table.selectedItems():
            self.table.selectRow(0)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> BackupEntry | None:
        rows = {i.row() for i in self.table.selectedItems()}
        return self.entries[min(rows)] if rows else None

    # ---------------------------------------------------------------- actions

    def back_up_now(self) -> None:
        ops.task(self, lambda progress: make_backup(self.path, "manual", progress=progress),
                 lambda _entry: self.reload(), progress_title=self.tr("正在备份…"))

    def restore_selected(self) -> None:
        if (entry := self.selected()) is None:
            return
        counts = entry.counts
        question = self.tr(
            "用 %1 的备份（%2 个客户）替换当前数据库吗？\n\n当前的数据会先备份，之后也能恢复回来。"
            "恢复要么全部完成，要么什么都不改。").replace(
            "%1", entry.created_at.strftime("%Y-%m-%d %H:%M")).replace(
            "%2", f"{counts.get('customer', 0):,}")
        if QMessageBox.question(self, self.tr("恢复备份"), question) == QMessageBox.StandardButton.Yes:
            self.restore(entry.path)

    def restore_from_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择备份文件"), str(backup_dir(self.path)),
            self.tr("客户宝备份 (*.zip *.db);;所有文件 (*)"))
        if path and QMessageBox.question(
                self, self.tr("恢复备份"),
                self.tr("用这个文件替换当前数据库吗？当前的数据会先备份。\n%1").replace("%1", path)
        ) == QMessageBox.StandardButton.Yes:
            self.restore(Path(path))

    def restore(self, source: Path) -> None:
        """All-or-nothing, on the writer thread after every op has ended; the window's
        connections are closed just before the swap and reopen on the next read."""
        ops.wait_idle()
        ops.task(self, lambda progress: restore_backup(source, self.path, progress=progress,
                                                       closed=self.db.closed),
                 self._restored, progress_title=self.tr("正在恢复…"))

    def _restored(self, result: RestoreResult) -> None:
        self.restored = result
        bus.publish(everything_changed())  # the whole file was replaced
        QMessageBox.information(self, app_name(), self.tr(
            "已恢复：%1 个客户，%2 个联系人。恢复前的数据已备份。").replace(
            "%1", f"{result.counts.get('customer', 0):,}").replace(
            "%2", f"{result.counts.get('contact', 0):,}"))
        self.reload()

    def save_copy(self) -> None:
        from ...services.maintenance import backup

        suggested = backup_dir(self.path) / f"{self.path.stem}-copy.db"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存数据库副本"), str(suggested),
                                              self.tr("客户宝数据库 (*.db)"))
        if path:
            ops.task(self, lambda _p: backup(self.db, Path(path)),
                     lambda target: QMessageBox.information(
                         self, app_name(), self.tr("已保存副本：%1").replace("%1", str(target))),
                     progress_title=self.tr("正在保存副本…"))

    def open_folder(self) -> None:
        folder = backup_dir(self.path)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
