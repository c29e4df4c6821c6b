"""帮助 → 关于客户宝: the app's name, icon and version; where its data is (the database,
its folder, the backups, the crash log, each with a button that opens the folder), which
is what support asks first; and the licences of the fonts and libraries it ships, each
with its full text where one ships (gathered by ``kehubao.licences``, shown here)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__, crash_log, licences
from ..backups.store import backup_dir
from ..db import Database
from . import ops
from .i18n import app_name
from .icons import icon
from .widgets.forms import fit_to_screen

_COMPONENT = Qt.ItemDataRole.UserRole


class AboutDialog(QDialog):
    """Two tabs: 本机数据 (places) and 许可证 (the list, filled off the GUI thread: reading
    forty packages' metadata takes a tenth of a second or more)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于客户宝"))
        self.db = db
        self.folders: dict[str, Path] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        self.components: list[licences.Component] = []
        self.viewer: LicenceTextDialog | None = None

        self.tabs = QTabWidget()
        self.tabs.addTab(self._places_tab(), self.tr("本机数据"))
        self.tabs.addTab(self._licences_tab(), self.tr("致谢与许可证"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        fit_to_screen(self, 820, 560)
        ops.background(self, licences.components, self._show_components)

    # ---------------------------------------------------------------- header

    def _header(self) -> QHBoxLayout:
        picture = QLabel()
        picture.setPixmap(icon("app").pixmap(64, 64))
        picture.setFixedSize(72, 72)
        name = QLabel(app_name())
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        self.version_label = QLabel(self.tr("版本 %1").replace("%1", __version__))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tagline = QLabel(self.tr("离线客户管理：客户档案、联系人、跟进、话术与评价。"))
        tagline.setWordWrap(True)
        words = QVBoxLayout()
        for widget in (name, self.version_label, tagline):
            words.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        return row

    # ---------------------------------------------------------------- places

    def _places_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        path = self.db.path
        if path is not None:
            intro = self.tr("所有数据只保存在这台电脑上，不会上传。备份文件夹可以复制到 U 盘或网盘另存一份。")
            self.database_field = self._place(grid, self.tr("数据库文件"), str(path))
            self._folder(grid, "data", self.tr("数据文件夹"), path.parent)
            self._folder(grid, "backups", self.tr("备份文件夹"), backup_dir(path))
        else:
            intro = self.tr("数据库在服务器上，请用服务器的工具备份。")
            self.database_field = self._place(grid, self.tr("数据库"), self.db.target.display)
        logs = crash_log.installed_path()
        self._folder(grid, "logs", self.tr("日志文件夹"),
                     logs.parent if logs is not None else crash_log.log_dir())
        said = QLabel(intro)
        said.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(said)
        layout.addLayout(grid)
        layout.addStretch(1)
        return page

    def _place(self, grid: QGridLayout, caption: str, text: str) -> QLineEdit:
        """A caption and a path the user can select and copy (a line edit: a long path
        scrolls instead of widening the dialog)."""
        row = grid.rowCount()
        field = QLineEdit(text)
        field.setReadOnly(True)
        field.setToolTip(text)
        field.setCursorPosition(0)
        grid.addWidget(QLabel(caption), row, 0)
        grid.addWidget(field, row, 1)
        return field

    def _folder(self, grid: QGridLayout, key: str, caption: str, folder: Path) -> None:
        self._place(grid, caption, str(folder))
        button = QPushButton(self.tr("打开"))
        button.setEnabled(folder.is_dir())
        button.setToolTip(self.tr("在文件管理器中打开这个文件夹") if folder.is_dir()
                          else self.tr("这个文件夹还没有建立"))
        button.clicked.connect(lambda: self.open_folder(key))
        grid.addWidget(button, grid.rowCount() - 1, 2)
        self.folders[key] = folder
        self.open_buttons[key] = button

    def open_folder(self, key: str) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folders[key])))

    # ---------------------------------------------------------------- licences

    def _licences_tab(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("客户宝使用了下面这些字体和程序库，感谢它们的作者。"
                               "选中一项，可以查看它的许可证全文。"))
        intro.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("名称"), self.tr("版本"), self.tr("许可证")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(lambda *_: self._selection_changed())
        self.tree.itemDoubleClicked.connect(lambda *_: self.show_licence_text())
        self.text_button = QPushButton(self.tr("查看许可证全文…"))
        self.text_button.setEnabled(False)
        self.text_button.clicked.connect(self.show_licence_text)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.text_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        return page

    def _show_components(self, found: list[licences.Component]) -> None:
        self.components = found
        self.tree.clear()
        groups = {licences.FONT: self.tr("字体（用于 PDF 报表）"),
                  licences.LIBRARY: self.tr("程序库")}
        unknown = self.tr("未知")
        for kind, title in groups.items():
            group = QTreeWidgetItem([title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            self.tree.addTopLevelItem(group)
            for component in (c for c in found if c.kind == kind):
                item = QTreeWidgetItem([component.name, component.version or unknown,
                                        component.licence or unknown])
                item.setToolTip(0, component.name)
                item.setToolTip(2, component.licence or unknown)
                item.setData(0, _COMPONENT, component)
                group.addChild(item)
            group.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0) + 16, 320))
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(1, self.tree.columnWidth(1) + 16)

    def selected_component(self) -> licences.Component | None:
        item = self.tree.currentItem()
        return item.data(0, _COMPONENT) if item is not None else None

    def _selection_changed(self) -> None:
        component = self.selected_component()
        self.text_button.setEnabled(component is not None and bool(component.files))
        self.text_button.setToolTip(
            "" if component is None or component.files
            else self.tr("这个程序库没有随附许可证全文，它的许可证是：%1").replace(
                "%1", component.licence or self.tr("未知")))

    def select_component(self, name: str) -> bool:
        """Select the component named ``name`` (case ignored); whether there is one."""
        for item in self._items():
            if item.text(0).casefold() == name.casefold():
                self.tree.setCurrentItem(item)
                return True
        return False

    def _items(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(g).child(i) for g in range(self.tree.topLevelItemCount())
                for i in range(self.tree.topLevelItem(g).childCount())]

    def show_licence_text(self) -> None:
        """The selected component's licence in a window beside this one (not modal, so
        the list stays usable; one window, showing the last one asked for)."""
        component = self.selected_component()
        if component is None or not component.files:
            return
        if self.viewer is None:
            self.viewer = LicenceTextDialog(self)
        self.viewer.show_component(component)
        self.viewer.show()
        self.viewer.raise_()


class LicenceTextDialog(QDialog):
    """One component's licence text, read-only, in a fixed-width font (licences are laid
    out for one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        fit_to_screen(self, 720, 600)

    def show_component(self, component: licences.Component) -> None:
        title = component.name if not component.version else f"{component.name} {component.version}"
        self.setWindowTitle(self.tr("许可证：%1").replace("%1", title))
        self.text.setPlainText(component.licence_text())
        self.text.moveCursor(self.text.textCursor().MoveOperation.Start)


def show_about(db: Database, parent: QWidget | None = None) -> None:
    """帮助 → 关于客户宝."""
    from .widgets.modal import run_modal

    run_modal(AboutDialog(db, parent))
