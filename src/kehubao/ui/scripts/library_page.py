"""The script library: categories on the left, the scripts ranked by success in the
middle, the chosen one on the right; add, edit, duplicate, archive, delete (to the
recycle bin; Ctrl+Z undoes), copy as plain text for WeChat, import and export."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...errors import UserError
from ...models.enums import ServiceElement
from ...services import scripts as svc
from .. import ops
from ..bus import QtBus, touches
from ..i18n import enum_label
from ..icons import icon
from ..widgets.modal import run_modal
from .editor import ScriptDialog
from .view import script_html, tally_text

ENTITIES = ("objection_script", "script_reply", "objection_category", "interaction")


class LibraryPage(QWidget):
    status = Signal(str)

    def __init__(self, db: Database, bus: QtBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.library: svc.Library | None = None
        self.detail: svc.ScriptDetail | None = None
        self.archived = False
        self._select_after: int | None = None
        self.categories = QListWidget()
        self.categories.currentRowChanged.connect(lambda _r: self._fill())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("筛选：中文、拼音或首字母"))
        self.filter.textChanged.connect(lambda _t: self._fill())
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("异议"), self.tr("分类"), self.tr("侧重"),
                                              self.tr("效果")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):  # category names run longer in English: shown whole
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line per script, cut with "…" (the full text is beside it)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.view = QTextBrowser()
        self.index: svc.ScriptIndex | None = None

        tools = QHBoxLayout()
        for name, text, slot in (("add", self.tr("新建"), self.new),
                                 ("edit", self.tr("编辑"), self.edit),
                                 ("merge", self.tr("复制一份"), self.duplicate),
                                 ("tag", self.tr("归档"), self.toggle_archive),
                                 ("delete", self.tr("删除"), self.delete),
                                 ("export", self.tr("复制为文字"), self.copy_text)):
            button = QToolButton()
            button.setIcon(icon(name))
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(slot)
            tools.addWidget(button)
            setattr(self, f"button_{name}", button)
        tools.addStretch(1)
        self.offer_label = QLabel()
        tools.addWidget(self.offer_label)

        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        mid.addWidget(self.filter)
        mid.addWidget(self.table)
        split = QSplitter()
        split.addWidget(self.categories)
        split.addWidget(middle)
        split.addWidget(self.view)
        split.setSizes([160, 520, 600])
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(split, 1)
        bus.changed.connect(lambda changes: touches(changes, *ENTITIES) and self.reload())
        self.reload()

    # ----------------------------------------------------------------- reading
    def reload(self) -> None:
        archived = self.archived

        def read(session):  # type: ignore[no-untyped-def]
            return svc.library_rows(session, archived=archived), svc.library_index(session)

        ops.query(self, self.db, read, self._loaded, key=f"scripts:library:{id(self)}")

    def _loaded(self, result: tuple[svc.Library, svc.ScriptIndex]) -> None:
        self.library, self.index = result
        current = self.categories.currentItem().text() if self.categories.currentItem() else None
        self.categories.blockSignals(True)
        self.categories.clear()
        self.categories.addItem(self.tr("全部"))
        self.categories.addItems(self.library.categories)
        self.categories.addItem(self.tr("已归档"))
        items = self.categories.findItems(current, Qt.MatchFlag.MatchExactly) if current else []
        self.categories.setCurrentRow(self.categories.row(items[0]) if items else 0)
        self.categories.blockSignals(False)
        self._fill()

    def _fill(self) -> None:
        if self.library is None:
            return
        row = self.categories.currentRow()
        want_archived = row == self.categories.count() - 1 and row > 0
        if want_archived != self.archived:
            self.archived = want_archived
            self.reload()
            return
        category = self.categories.currentItem().text() if 0 < row < self.categories.count() - 1 else None
        rows = [r for r in self.library.rows if category is None or r.category == category]
        text = self.filter.text().strip()
        if text and self.index is not None and not self.archived:
            found = [m.script_id for m in self.index.search(text, limit=len(self.index))]
            by_id = {r.id: r for r in rows}
            rows = [by_id[i] for i in found if i in by_id]
        keep = self._select_after if self._select_after is not None else self.current_id()
        self._select_after = None
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            title = QTableWidgetItem(("★ " if r.has_offer else "") + r.title)
            title.setData(Qt.ItemDataRole.UserRole, r.id)
            self.table.setItem(n, 0, title)
            self.table.setItem(n, 1, QTableWidgetItem(r.category))
            self.table.setItem(n, 2, QTableWidgetItem(
                enum_label(ServiceElement, r.element) if r.element else ""))
            self.table.setItem(n, 3, QTableWidgetItem(tally_text(r.tally)))
        ids = [r.id for r in rows]
        if ids:
            self.select_row(ids.index(keep) if keep in ids else 0)
        self.button_tag.setText(self.tr("取消归档") if self.archived else self.tr("归档"))
        if not rows:
            self.detail = None
            self.view.clear()

    def select_row(self, row: int) -> None:
        """Make `row` the only selected row (selectRow would add to the selection while
        Ctrl is held, e.g. right after the Ctrl+Shift+Space of the quick panel)."""
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.setCurrentIndex(self.table.model().index(row, 0))
        self.table.selectionModel().select(self.table.model().index(row, 0), flags)

    def current_id(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def _selected(self) -> None:
        script_id = self.current_id()
        if script_id is None:
            return
        ops.query(self, self.db, lambda s: svc.script_detail(s, script_id), self._show,
                  on_error=self._vanished, key=f"scripts:detail:{id(self)}")

    def _vanished(self, exc: BaseException) -> None:
        """The script was deleted while its detail was being read: the list reloads."""
        if not isinstance(exc, UserError):
            raise exc
        self.detail = None
        self.view.clear()

    def _show(self, detail: svc.ScriptDetail) -> None:
        self.detail = detail
        self.view.setHtml(script_html(detail))
        self.offer_label.setText(self.tr("★ 有新版内置话术") if detail.offer else "")

    def show_script(self, script_id: int) -> None:
        """Show this script (a search hit): all categories, unfiltered."""
        self._select_after = script_id
        self.filter.clear()
        if self.archived or self.categories.currentRow() != 0:
            self.categories.setCurrentRow(0)
        self._fill()

    # ----------------------------------------------------------------- writing
    def new(self) -> None:
        categories = self.library.categories if self.library else []
        dialog = ScriptDialog(self.db, None, categories,
                              lambda s, data: svc.create_script(s, data).id, self)
        if run_modal(dialog):
            self.status.emit(self.tr("已新建话术"))

    def edit(self) -> None:
        if self.detail is None:
            return
        script_id = self.detail.id
        dialog = ScriptDialog(self.db, self.detail.content, self.detail.categories,
                              lambda s, data: svc.update_script(s, script_id, data).id, self)
        if run_modal(dialog):
            self.status.emit(self.tr("已保存"))

    def duplicate(self) -> None:
        if (script_id := self.current_id()) is not None:
            ops.write(self, self.db, lambda s: svc.duplicate_script(s, script_id).id,
                      self._select_new)

    def _select_new(self, script_id: int) -> None:
        self._select_after = script_id

    def toggle_archive(self) -> None:
        ids, archive = self.selected_ids(), not self.archived
        if ids:
            ops.write(self, self.db, lambda s: [svc.set_archived(s, i, archive) for i in ids])

    def delete(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("删除话术"),
            self.tr("把选中的 %1 条话术移到回收站？可以用“撤销”恢复。").replace("%1", str(len(ids))))
        if answer == QMessageBox.StandardButton.Yes:
            ops.write(self, self.db, lambda s: svc.delete_scripts(s, ids),
                      lambda n: self.status.emit(self.tr("已删除 %1 条话术").replace("%1", str(n))))

    def copy_text(self) -> None:
        """The script as plain text for WeChat."""
        if self.detail is not None:
            QGuiApplication.clipboard().setText(svc.plain_text(self.detail.content))
            self.status.emit(self.tr("已复制，可以粘贴到微信"))

    def adopt_offer(self, adopt: bool) -> None:
        if self.detail is None or self.detail.offer is None:
            return
        script_id = self.detail.id
        change = svc.adopt_builtin_offer if adopt else svc.dismiss_builtin_offer
        ops.write(self, self.db, lambda s: change(s, script_id).id)

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出话术库"), self.tr("话术库") + ".xlsx",
                                              self.tr("Excel 表格 (*.xlsx);;JSON (*.json)"))
        if path:
            ops.query(self, self.db, lambda s: svc.export_library(s, path),
                      lambda n: self.status.emit(self.tr("已导出 %1 条话术").replace("%1", str(n))))

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入话术库"), "",
                                              self.tr("话术库 (*.xlsx *.json)"))
        if path:
            ops.write(self, self.db, lambda s: svc.import_library(s, path), self._imported)

    def _imported(self, result: svc.ImportResult) -> None:
        self.status.emit(self.tr("导入完成：新增 %1 条，更新 %2 条").replace(
            "%1", str(result.added)).replace("%2", str(result.updated)))
