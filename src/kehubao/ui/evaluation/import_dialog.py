"""Importing sales, payments and returns from a spreadsheet: pick the file, check how its
columns are read (change any), see the first rows as they will be stored and every bad
row by number; import only when no row is bad — then all rows in one undoable step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import TransactionKind
from ...services.evaluation.transaction_import import (
    FIELDS,
    ImportResult,
    PreparedTransactions,
    import_transactions,
    prepare,
)
from .. import ops
from ..i18n import enum_label, label


class TransactionImportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.path: Path | None = None
        self.prepared: PreparedTransactions | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("导入交易记录"))
        self.resize(980, 620)
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.choose)
        self.file_label = QLabel(self.tr("CSV 或 Excel 文件，需有客户名称或客户编号、类型（销售/回款/退货）、日期、金额列"))
        top = QHBoxLayout()
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setHorizontalHeaderLabels([self.tr("文件中的列"), self.tr("导入为")])
        self.mapping.setColumnWidth(0, 160)
        self.mapping.setColumnWidth(1, 140)
        self.mapping.setMaximumWidth(330)
        self.preview = QTableWidget(0, 6)
        self.preview.setHorizontalHeaderLabels([self.tr("客户 ID"), self.tr("类型"), self.tr("日期"),
                                                self.tr("金额（元）"), self.tr("到期日"), self.tr("单号")])
        self.errors = QListWidget()
        self.errors.setMaximumHeight(120)
        middle = QHBoxLayout()
        middle.addWidget(self.mapping)
        middle.addWidget(self.preview, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(QLabel(self.tr("有问题的行：")))
        layout.addWidget(self.errors)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择交易记录文件"), "",
                                              self.tr("表格 (*.csv *.xlsx *.xls *.txt)"))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path, mapping: list[str | None] | None = None) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("正在读取…"))
        ops.query(self, self.db, lambda s: prepare(s, path, mapping), self._show, on_error=self._failed,
                  key=f"tx-import-{id(self)}")

    def current_mapping(self) -> list[str | None]:
        return [self.mapping.cellWidget(row, 1).currentData() for row in range(self.mapping.rowCount())]

    def _show(self, prepared: PreparedTransactions) -> None:
        self.prepared = prepared
        self.mapping.setRowCount(len(prepared.headers))
        for row, (header, field) in enumerate(zip(prepared.headers, prepared.mapping, strict=False)):
            self.mapping.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("（不导入）"), None)
            for key, (text, _spellings) in FIELDS.items():
                combo.addItem(label(text), key)
            combo.setCurrentIndex(max(0, combo.findData(field)))
            combo.currentIndexChanged.connect(self._remap)
            self.mapping.setCellWidget(row, 1, combo)
        rows = prepared.preview(20)
        self.preview.setRowCount(len(rows))
        for n, r in enumerate(rows):
            cells = [str(r["customer_id"]), enum_label(TransactionKind, r["kind"]), r["occurred_on"].isoformat(),
                     f"{r['amount_fen'] / 100:,.2f}", r["due_on"].isoformat() if r["due_on"] else "",
                     r["reference"] or ""]
            for column, text in enumerate(cells):
                self.preview.setItem(n, column, QTableWidgetItem(text))
        self.errors.clear()
        for line, message in prepared.errors:
            self.errors.addItem(self.tr("第 %1 行：%2").replace("%1", str(line)).replace("%2", message))
        if prepared.errors:
            self.summary.setText(self.tr("%1 行有问题：改好文件或列的对应后再导入（有任何一行有问题都不会导入）")
                                 .replace("%1", str(len(prepared.errors))))
        else:
            self.summary.setText(self.tr("共 %1 条记录，可以导入").replace("%1", f"{len(prepared.rows):,}"))
        self.import_button.setEnabled(prepared.ok)

    def _remap(self) -> None:
        if self.path is not None:
            self.open_file(self.path, self.current_mapping())

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText(str(exc))
        self.import_button.setEnabled(False)

    def run_import(self) -> None:
        path, mapping = self.path, self.current_mapping()
        if path is None:
            return
        self.import_button.setEnabled(False)

        def change(session, progress):  # type: ignore[no-untyped-def]
            progress(0.1, "")
            prepared = prepare(session, path, mapping)  # again: the data may have changed since
            return import_transactions(session, prepared, path.name)

        ops.write(self, self.db, change, self._done, on_error=self._failed,
                  progress_title=self.tr("正在导入交易记录…"))

    def _done(self, result: ImportResult) -> None:
        self.result = result
        self.accept()
