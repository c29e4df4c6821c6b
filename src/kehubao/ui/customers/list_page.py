"""The customer list: filters, counts, multi-select with bulk actions, column chooser.

Keyboard: Ctrl+F filter, Enter open, F2 edit, Del delete, Ctrl+N new (window-wide).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import CustomerStatus, ValueClass
from ...services import customer_editing as editing
from ...services import customers as svc
from ...services.customer_list import UNASSIGNED, CustomerFilter, filter_choices
from .. import ops
from ..i18n import enum_choices, enum_label
from ..icons import icon
from .table_model import Column, CustomerTableModel


class CustomerTableView(QTableView):
    """Enter opens, F2 edits, Delete deletes: what people expect from a list."""

    open_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
        elif event.key() == Qt.Key.Key_F2:
            self.edit_requested.emit()
        elif event.matches(QKeySequence.StandardKey.Delete):
            self.delete_requested.emit()
        else:
            super().keyPressEvent(event)


class CustomerListPage(QWidget):
    open_customer = Signal(int)
    edit_customer = Signal(int)
    new_requested = Signal()
    export_requested = Signal(object)  # list of ids, or None for the current filter
    merge_requested = Signal(int, int)
    delete_requested = Signal(object)  # list of ids

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = CustomerTableModel(db, self)
        self._restore_selection: list[int] = []

        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("筛选：名称、拼音、电话、联系人…（Ctrl+F）"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(200)
        self.status = self._combo(self.tr("全部状态"), enum_choices(CustomerStatus))
        self.value_class = self._combo(self.tr("全部分类"), enum_choices(ValueClass))
        self.region = self._combo(self.tr("全部区域"), [])
        self.industry = self._combo(self.tr("全部行业"), [])
        self.tag = self._combo(self.tr("全部标签"), [])
        self.owner = self._combo(self.tr("全部负责人"), [])
        self.dormant = self._combo(self.tr("联系不限"), [
            (30, self.tr("30天未联系")), (60, self.tr("60天未联系")), (90, self.tr("90天未联系")),
            (180, self.tr("半年未联系")), (365, self.tr("一年未联系"))])
        clear = QToolButton()
        clear.setText(self.tr("清除筛选"))
        clear.clicked.connect(self.clear_filters)

        filters = QHBoxLayout()
        filters.addWidget(self.text, 2)
        for combo in (self.status, self.value_class, self.region, self.industry, self.tag,
                      self.owner, self.dormant):
            filters.addWidget(combo)
        filters.addWidget(clear)

        self.count_label = QLabel()
        actions = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for key, text, name, slot in (
            ("new", self.tr("新建"), "add", self.new_requested.emit),
            ("open", self.tr("打开"), "customers", self.open_selected),
            ("edit", self.tr("编辑"), "edit", self.edit_selected),
            ("delete", self.tr("删除"), "delete", self.delete_selected),
            ("merge", self.tr("合并"), "merge", self.merge_selected),
            ("export", self.tr("导出"), "export", self.export_selected),
        ):
            button = QToolButton()
            button.setText(text)
            button.setIcon(icon(name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        self.bulk = QToolButton()
        self.bulk.setText(self.tr("批量操作"))
        self.bulk.setIcon(icon("tag"))
        self.bulk.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bulk.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.bulk_menu = QMenu(self.tr("批量操作"), self)
        self.bulk_menu.addAction(self.tr("添加标签…"), self.bulk_add_tags)
        self.bulk_menu.addAction(self.tr("移除标签…"), self.bulk_remove_tags)
        self.bulk_menu.addAction(self.tr("修改负责人…"), self.bulk_owner)
        self.bulk_menu.addAction(self.tr("修改状态…"), self.bulk_status)
        self.bulk_menu.addSeparator()
        self.bulk_menu.addAction(self.tr("导出 PDF…"), lambda: self.export_pdf(selected=True))
        self.bulk.setMenu(self.bulk_menu)
        actions.addWidget(self.bulk)
        columns = QToolButton()
        columns.setText(self.tr("显示列"))
        columns.setIcon(icon("columns"))
        columns.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        columns.clicked.connect(lambda: self._column_menu().exec(columns.mapToGlobal(columns.rect().bottomLeft())))
        actions.addWidget(columns)
        actions.addStretch(1)
        actions.addWidget(self.count_label)

        self.view = CustomerTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # The indicator first: enabling sorting applies it at once, and Qt's default
        # (descending) would start a useless load.
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda pos: self._column_menu().exec(header.mapToGlobal(pos)))
        for n, column in enumerate(self.model.columns):
            self.view.setColumnWidth(n, self._column_width(n, column))
            self.view.setColumnHidden(n, not column.visible)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.open_requested.connect(self.open_selected)
        self.view.edit_requested.connect(self.edit_selected)
        self.view.delete_requested.connect(self.delete_selected)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self.context_menu().exec(self.view.viewport().mapToGlobal(pos)))
        self.view.selectionModel().selectionChanged.connect(self._update_counts)
        self._prefetch = QTimer(self)
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(0)  # right after the frame is painted
        self._prefetch.timeout.connect(self._prefetch_around_screen)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self._prefetch.start())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.status, self.value_class, self.region, self.industry, self.tag,
                      self.owner, self.dormant):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.model.reloaded.connect(self._after_reload)
        self.model.loading_changed.connect(self._update_counts)
        self._restore_state()
        self.model.reload()
        # The filter choices load once the list is on screen: it comes first.
        self.model.reloaded.connect(self._first_choices)

    def _first_choices(self, _rows: int) -> None:
        self.model.reloaded.disconnect(self._first_choices)
        self.refresh_choices()

    # ------------------------------------------------------------------ filters

    @staticmethod
    def _combo(all_text: str, choices: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(all_text, None)
        for value, label in choices:
            combo.addItem(label, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def refresh_choices(self) -> None:
        """Values in use for region, industry, tag and owner, read on a reader thread
        (grouping 200,000 rows must not hold up the window) and applied when ready."""
        ops.query(self, self.db, filter_choices, self._apply_choices, key=f"list-choices:{id(self)}",
                  on_error=lambda _exc: None)  # the combos keep their old values

    def _apply_choices(self, choices: dict) -> None:
        regions, industries = choices["regions"], choices["industries"]
        tags, reps = choices["tags"], choices["reps"]
        self._refill(self.region, [(r, r) for r in regions])
        self._refill(self.industry, [(i, i) for i in industries])
        counted = self.tr("%1（%2）")  # a tag and how many customers have it
        self._refill(self.tag, [(tid, counted.replace("%2", str(n)).replace("%1", name))
                                for tid, name, n in tags])
        self._refill(self.owner, [*reps, (UNASSIGNED, self.tr("（未分配）"))])

    @staticmethod
    def _refill(combo: QComboBox, choices: list[tuple[object, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value, label in choices:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def current_filter(self) -> CustomerFilter:
        status = self.status.currentData()
        value_class = self.value_class.currentData()
        return CustomerFilter(
            statuses=(status,) if status else (),
            value_classes=(value_class,) if value_class else (),
            region=self.region.currentData(),
            industry=self.industry.currentData(),
            tag_id=self.tag.currentData(),
            owner_id=self.owner.currentData(),
            no_contact_days=self.dormant.currentData(),
            text=self.text.text().strip(),
        )

    def apply_filters(self) -> None:
        self._debounce.stop()
        self._restore_selection = self.selected_ids()[:200]
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        for combo in (self.status, self.value_class, self.region, self.industry, self.tag,
                      self.owner, self.dormant):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self.apply_filters()

    def focus_filter(self) -> None:
        self.text.setFocus()
        self.text.selectAll()

    def reload(self) -> None:
        self._restore_selection = self.selected_ids()[:200]
        self.model.reload()

    def _after_reload(self, _rows: int) -> None:
        if self._restore_selection:
            selection = self.view.selectionModel()
            for customer_id in self._restore_selection:
                row = self.model.row_of(customer_id)
                if row >= 0:
                    selection.select(self.model.index(row, 0),
                                     selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
            self._restore_selection = []
        self._update_counts()

    def _update_counts(self, *_args: object) -> None:
        total = self.model.rowCount()
        selected = len(self.view.selectionModel().selectedRows())
        text = self.tr("共 %1 个客户").replace("%1", f"{total:,}")
        if not self.current_filter().is_empty():
            text = self.tr("筛选出 %1 个客户").replace("%1", f"{total:,}")
        if selected:
            text += self.tr(" · 已选 %1").replace("%1", f"{selected:,}")
        if self.model.loading:
            text += self.tr(" · 正在加载…")
        self.count_label.setText(text)
        for key in ("open", "edit"):
            self.buttons[key].setEnabled(selected == 1)
        self.buttons["delete"].setEnabled(selected > 0)
        self.buttons["merge"].setEnabled(selected == 2)
        self.bulk.setEnabled(selected > 0)

    # ------------------------------------------------------------------ selection

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.view.selectionModel().selectedRows())
        return [cid for r in rows if (cid := self.model.id_at(r)) is not None]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        if len(ids) == 1:
            return ids[0]
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def open_selected(self) -> None:
        if (cid := self.current_id()) is not None:
            self.open_customer.emit(cid)

    def edit_selected(self) -> None:
        if (cid := self.current_id()) is not None:
            self.edit_customer.emit(cid)

    def delete_selected(self) -> None:
        if ids := self.selected_ids():
            self.delete_requested.emit(ids)

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) == 2:
            self.merge_requested.emit(ids[0], ids[1])

    def export_selected(self) -> None:
        ids = self.selected_ids()
        self.export_requested.emit(ids if len(ids) > 1 else None)

    def context_menu(self) -> QMenu:
        """Right click on the list: open and edit, PDFs of the selection or of the
        filter result, and the bulk actions."""
        menu = QMenu(self)
        selected = len(self.selected_ids())
        menu.addAction(self.tr("打开"), self.open_selected).setEnabled(selected == 1)
        menu.addAction(self.tr("编辑"), self.edit_selected).setEnabled(selected == 1)
        menu.addSeparator()
        menu.addAction(self.tr("导出所选客户的 PDF…"),
                       lambda: self.export_pdf(selected=True)).setEnabled(selected > 0)
        menu.addAction(self.tr("导出筛选结果的 PDF…"),
                       lambda: self.export_pdf(selected=False)).setEnabled(self.model.rowCount() > 0)
        menu.addSeparator()
        menu.addMenu(self.bulk_menu).setEnabled(selected > 0)
        return menu

    # ------------------------------------------------------------------ bulk actions

    def bulk_add_tags(self) -> None:
        from .bulk import ask_tags

        ids = self.selected_ids()
        if ids and (names := ask_tags(self, self.tr("添加标签"))):
            self._bulk(lambda s, p: svc.add_tags(s, ids, names, progress=p))

    def bulk_remove_tags(self) -> None:
        from .bulk import ask_tags

        ids = self.selected_ids()
        if ids and (names := ask_tags(self, self.tr("移除标签"))):
            self._bulk(lambda s, p: svc.remove_tags(s, ids, names, progress=p))

    def export_pdf(self, *, selected: bool) -> None:
        """PDFs of the selection or of the filter result (ReportLab loads only now)."""
        from .pdf_export import open_pdf_export

        open_pdf_export(self, selected=selected)

    def bulk_owner(self) -> None:
        from .bulk import ask_owner

        ids = self.selected_ids()
        reps = [self.owner.itemText(i) for i in range(self.owner.count())
                if self.owner.itemData(i) not in (None, UNASSIGNED)]
        if ids and (name := ask_owner(self, reps)) is not None:
            self._bulk(lambda s, p: editing.assign_owner(s, ids, name, progress=p))

    def bulk_status(self) -> None:
        from .bulk import ask_status

        ids = self.selected_ids()
        if ids and (status := ask_status(self)):
            self._bulk(lambda s, p: svc.set_status(s, ids, status, progress=p))

    def _bulk(self, work) -> None:  # type: ignore[no-untyped-def]
        ops.write(self, self.db, work,
                  lambda n: self.window().statusBar().showMessage(
                      self.tr("已修改 %1 个客户（可撤销）").replace("%1", str(n)), 5000),
                  progress_title=self.tr("正在批量修改…"))

    # ------------------------------------------------------------------ columns

    def _column_width(self, n: int, column: Column) -> int:
        """The column's own width, widened for a longer language: to its heading and,
        for a column of choices, to the longest choice ("Interested" is wider than 意向)."""
        width = max(column.width, self.view.horizontalHeader().sectionSizeHint(n))
        if column.choices is not None:
            metrics = self.view.fontMetrics()
            width = max(width, 16 + max(metrics.horizontalAdvance(enum_label(column.choices, code))
                                        for code, _text in column.choices.choices()))
        return width

    def _column_menu(self) -> QMenu:
        menu = QMenu(self)
        for n, column in enumerate(self.model.columns):
            action = QAction(column.title, menu)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(n))
            action.setEnabled(column.key != "name")
            action.toggled.connect(lambda on, col=n: self.view.setColumnHidden(col, not on))
            menu.addAction(action)
        return menu

    def save_state(self) -> None:
        QSettings().setValue("customers/header", self.view.horizontalHeader().saveState())

    def _prefetch_around_screen(self) -> None:
        viewport = self.view.viewport()
        first = self.view.rowAt(0)
        last = self.view.rowAt(viewport.height() - 1)
        if first >= 0:
            self.model.prefetch(first, last if last >= 0 else first)

    def _restore_state(self) -> None:
        state = QSettings().value("customers/header")
        if isinstance(state, QByteArray):
            # Quietly: the restored sort indicator would start a load (sorted by whatever
            # column was last used) that the list opened by name then waits behind.
            header = self.view.horizontalHeader()
            blocked = header.blockSignals(True)
            header.restoreState(state)
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
            header.blockSignals(blocked)
            for n, column in enumerate(self.model.columns):  # saved in a shorter language?
                if column.choices is not None:
                    self.view.setColumnWidth(n, max(self.view.columnWidth(n),
                                                    self._column_width(n, column)))
