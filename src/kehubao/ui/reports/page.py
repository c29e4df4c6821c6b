"""The 报表 page: pick a report and whom it covers, then preview, print, save, or
export one file per customer into a folder (off the GUI thread, with Cancel)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import ValueClass
from ...services.report_requests import CUSTOMER_KINDS, ReportRequest
from ...services.search import SearchResults, search
from .. import ops
from ..i18n import enum_label
from ..icons import icon
from .batch_export import choose_folder, run_batch_export
from .letterhead_dialog import LetterheadDialog
from .preview import ReportActions


class CustomerPicker(QLineEdit):
    """Type part of a name (Chinese, pinyin, initials, phone): completion from the search
    service, newest query wins. ``customer_id`` is set once a completion is taken."""

    chosen = Signal(object)  # customer id or None

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.customer_id: int | None = None
        self._ids: dict[str, int] = {}
        self.setPlaceholderText(self.tr("输入客户名称、拼音或电话"))
        self.setClearButtonEnabled(True)
        self.model = QStringListModel(self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(self.completer_)
        self.completer_.activated[str].connect(self.take)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.lookup)
        self.textEdited.connect(self._edited)

    def _edited(self, _text: str) -> None:
        if self.customer_id is not None:
            self.customer_id = None
            self.chosen.emit(None)
        self.timer.start()

    def lookup(self) -> None:
        text = self.text().strip()
        if not text:
            return
        ops.query(self, self.db, lambda session: search(session, text, limit=12, kinds=("customer",)),
                  self._offer, key=f"report-customer:{id(self)}")

    def _offer(self, results: SearchResults) -> None:
        self._ids = {}
        with_subtitle = self.tr("%1（%2）")  # a customer and what tells it apart
        for hit in results.hits:
            shown = (with_subtitle.replace("%2", hit.subtitle).replace("%1", hit.title)
                     if hit.subtitle else hit.title)
            if shown in self._ids:
                shown += f" #{hit.id}"
            self._ids[shown] = hit.id
        self.model.setStringList(list(self._ids))
        if self._ids and self.hasFocus():
            self.completer_.complete()

    def take(self, shown: str) -> None:
        if shown in self._ids:
            self.set_customer(self._ids[shown], shown)

    def set_customer(self, customer_id: int, shown: str) -> None:
        self.customer_id = customer_id
        self.setText(shown)
        self.chosen.emit(customer_id)


class ReportsPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actions_ = ReportActions(self, db)
        self.done_box: QMessageBox | None = None
        heading = QLabel(self.tr("报表"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.kind = QComboBox()
        for code, text in (("evaluation", self.tr("客户评价表")), ("visit", self.tr("拜访报告（最近一次）")),
                           ("visit_list", self.tr("拜访清单（一天或一周）")), ("brief", self.tr("拜访准备单")),
                           ("archive", self.tr("客户档案卡")), ("list", self.tr("客户名单"))):
            self.kind.addItem(text, code)
        self.scope = QComboBox()
        for code, text in (("customer", self.tr("单个客户")), ("class", self.tr("按分类")),
                           ("region", self.tr("按区域"))):
            self.scope.addItem(text, code)
        self.customer = CustomerPicker(db)
        self.value_class = QComboBox()
        self.value_class.addItem(self.tr("全部分类"), "")
        for member in ValueClass:
            self.value_class.addItem(enum_label(ValueClass, member.value), member.value)
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("省、市或销售区域，如 山东、济南、华东"))
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.span = QComboBox()
        self.span.addItem(self.tr("当天"), "day")
        self.span.addItem(self.tr("所在的一周（周一至周日）"), "week")
        self.day_box = QWidget()
        day_row = QHBoxLayout(self.day_box)
        day_row.setContentsMargins(0, 0, 0, 0)
        day_row.addWidget(self.day)
        day_row.addWidget(self.span, 1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("报表", "the report picker"), self.kind)  # not the page heading
        self.form.addRow(self.tr("范围"), self.scope)
        self.form.addRow(self.tr("客户"), self.customer)
        self.form.addRow(self.tr("分类"), self.value_class)
        self.form.addRow(self.tr("区域"), self.region)
        self.form.addRow(self.tr("日期"), self.day_box)

        self.preview_button = QPushButton(icon("search"), self.tr("预览"))
        self.print_button = QPushButton(icon("reports"), self.tr("打印…"))
        self.save_button = QPushButton(icon("export"), self.tr("另存为…"))
        self.batch_button = QPushButton(icon("export"), self.tr("批量导出到文件夹…"))
        letterhead = QPushButton(icon("edit"), self.tr("报表抬头…"))
        self.preview_button.clicked.connect(lambda: self.actions_.preview(self.request()))
        self.print_button.clicked.connect(lambda: self.actions_.print(self.request()))
        self.save_button.clicked.connect(lambda: self.actions_.save(self.request()))
        self.batch_button.clicked.connect(self.choose_batch_folder)
        letterhead.clicked.connect(self.edit_letterhead)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button, self.batch_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(letterhead)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color:#607d8b;")

        box = QWidget()
        box.setMaximumWidth(760)
        inner = QVBoxLayout(box)
        inner.addWidget(heading)
        inner.addLayout(self.form)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        inner.addWidget(self.hint)
        inner.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(box, 1)
        layout.addStretch(0)
        for signal in (self.kind.currentIndexChanged, self.scope.currentIndexChanged):
            signal.connect(self._arrange)
        self.customer.chosen.connect(lambda _id: self._arrange())
        self.region.textChanged.connect(lambda _t: self._arrange())
        self._arrange()

    # ---------------------------------------------------------------- state

    def _arrange(self) -> None:
        """Show the fields the chosen report needs; enable what can be done with them."""
        kind, scope = self.kind.currentData(), self.scope.currentData()
        per_customer = kind in CUSTOMER_KINDS
        self.form.setRowVisible(self.scope, per_customer)
        self.form.setRowVisible(self.customer, per_customer and scope == "customer")
        self.form.setRowVisible(self.value_class, (per_customer and scope == "class") or kind == "list")
        self.form.setRowVisible(self.region, (per_customer and scope == "region") or kind == "list")
        self.form.setRowVisible(self.day_box, kind == "visit_list")
        single = not per_customer or scope == "customer"
        ready = not per_customer or (scope == "customer" and self.customer.customer_id is not None)
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setEnabled(single and ready)
        batch_ready = per_customer and scope != "customer" and (
            scope != "region" or bool(self.region.text().strip()))
        self.batch_button.setEnabled(batch_ready)
        if per_customer and scope == "customer":
            self.hint.setText(self.tr("选好客户后可以预览、打印或保存；要一次导出多个客户，"
                                      "请把范围改为分类或区域。"))
        elif per_customer:
            self.hint.setText(self.tr("批量导出为每个客户生成一个 PDF 文件，放在所选文件夹中；"
                                      "可以随时取消，已生成的文件会保留。"))
        elif kind == "list":
            self.hint.setText(self.tr("不选分类也不填区域时，列出全部客户（最多 20,000 家）。"))
        else:
            self.hint.setText(self.tr("列出所选一天或一周内的全部拜访和会面。"))

    def period(self) -> tuple[date, date]:
        chosen = self.day.date().toPython()
        if self.span.currentData() == "week":
            start = chosen - timedelta(days=chosen.weekday())
            return start, start + timedelta(days=6)
        return chosen, chosen

    def request(self) -> ReportRequest:
        kind = self.kind.currentData()
        if kind in CUSTOMER_KINDS:
            return ReportRequest(kind, customer_id=self.customer.customer_id)
        if kind == "visit_list":
            start, end = self.period()
            return ReportRequest(kind, start=start, end=end)
        return ReportRequest(kind, region=self.region.text().strip(),
                             value_class=self.value_class.currentData())

    def set_customer(self, customer_id: int, name: str) -> None:
        """Preselect a customer (the window opens the page for the one on screen)."""
        self.scope.setCurrentIndex(0)
        self.customer.set_customer(customer_id, name)

    # ---------------------------------------------------------------- batch

    def choose_batch_folder(self) -> None:
        if (folder := choose_folder(self)) is not None:
            self.export_to(folder)

    def export_to(self, folder: Path) -> None:
        """One PDF per customer of the chosen class or region, into `folder`."""
        scope = self.scope.currentData()
        run_batch_export(self, self.db, self.kind.currentData(), folder,
                         region=self.region.text().strip() if scope == "region" else "",
                         value_class=self.value_class.currentData() if scope == "class" else "",
                         shown=self._exported)

    def _exported(self, box: QMessageBox) -> None:
        self.done_box = box

    def edit_letterhead(self) -> LetterheadDialog:
        dialog = LetterheadDialog(self.db, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
