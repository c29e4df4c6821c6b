"""The import dialog: pick a file, check the column mapping against the first rows, see
what each row will do (new, merge, skip, error), then import in the background with a
progress bar and Cancel. Nothing is written until 导入 is pressed; a cancelled or failed
import leaves the database untouched; a finished one can be undone (Ctrl+Z)."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...exchange.fields import FIELD_LABELS, ImportField
from ...exchange.importer import (
    ImportOptions,
    ImportRejected,
    ImportSummary,
    PreparedFile,
    plan,
    run_import,
)
from ...exchange.prepare import PREVIEW_FIELDS, preview_values
from ...exchange.records import LoadedFile, load_file, remember_mapping
from .. import ops
from ..guide import add_help_key
from ..i18n import label
from ..tasks import show_error

ACTIONS = [("create", QT_TRANSLATE_NOOP("labels", "新建")), ("merge", QT_TRANSLATE_NOOP("labels", "合并")),
           ("skip", QT_TRANSLATE_NOOP("labels", "跳过"))]
MAX_PREVIEW_ROWS = 2000
# The preview's first columns; then one per field the shown rows fill, values as stored.
OUTCOME_COLUMNS = [QT_TRANSLATE_NOOP("ImportDialog", "行"), QT_TRANSLATE_NOOP("ImportDialog", "客户 / 联系人"),
                   QT_TRANSLATE_NOOP("ImportDialog", "处理"), QT_TRANSLATE_NOOP("ImportDialog", "说明")]
# What people call an encoding, by Python's codec name: "UTF-8" whether or not the file
# starts with a BOM (utf-8-sig), "GBK" for the Chinese Windows encoding Kehubao reads with
# its superset GB18030, "Big5" for traditional Chinese (read as cp950).
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
                  "utf-16-be": "UTF-16", "utf-32": "UTF-32", "utf-32-le": "UTF-32",
                  "utf-32-be": "UTF-32", "gb18030": "GBK", "gbk": "GBK", "gb2312": "GBK",
                  "big5": "Big5", "cp950": "Big5", "big5hkscs": "Big5-HKSCS",
                  "cp1252": "Windows-1252", "shift_jis": "Shift_JIS"}


def encoding_name(codec: str) -> str:
    """The name of a file's encoding as shown to the user (the same in every language)."""
    try:
        codec = codecs.lookup(codec).name
    except LookupError:
        return codec
    return ENCODING_NAMES.get(codec, codec.upper())


class ImportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.loaded: LoadedFile | None = None
        self.mapping: list[ImportField] = []
        self.overrides: dict[int, str] = {}
        self.summary: ImportSummary | None = None
        self.problems: list[tuple[int, str, str]] = []
        self.prepared: PreparedFile | None = None
        self.errors = 0  # rows with errors in the current preview
        self.setWindowTitle(self.tr("导入名单"))
        self.resize(1000, 640)

        self.file_label = QLabel(self.tr("请选择要导入的文件（Excel、CSV 或手机导出的 vCard）"))
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("选择文件…"))
        choose.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)

        self.tabs = QTabWidget()
        self.mapping_table = QTableWidget()
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcome_table = QTableWidget(0, len(OUTCOME_COLUMNS))
        self.outcome_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outcome_table.horizontalHeader().setStretchLastSection(True)
        self.outcome_table.verticalHeader().setVisible(False)
        self.tabs.addTab(self.mapping_table, self.tr("1. 列对应"))
        self.tabs.addTab(self.outcome_table, self.tr("2. 预览结果"))

        self.duplicate_policy = QButtonGroup(self)
        policy = QHBoxLayout()
        policy.addWidget(QLabel(self.tr("遇到重复：")))
        for n, (code, caption) in enumerate((("skip", self.tr("跳过")), ("merge", self.tr("合并（补全空白字段）")),
                                             ("new", self.tr("仍然新建")))):
            button = QRadioButton(caption)
            button.setProperty("code", code)
            button.setChecked(n == 0)
            button.toggled.connect(lambda on: on and self.refresh_preview())
            self.duplicate_policy.addButton(button)
            policy.addWidget(button)
        self.skip_invalid = QCheckBox(self.tr("跳过有错误的行（否则有错误就整批不导入）"))
        self.skip_invalid.toggled.connect(lambda _on: self._update_buttons())
        policy.addStretch(1)
        policy.addWidget(self.skip_invalid)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.save_problems = QPushButton(self.tr("保存问题清单…"))
        self.save_problems.clicked.connect(self.save_problem_list)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        cancel = QPushButton(self.tr("关闭"))
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary_label, 1)
        bottom.addWidget(self.save_problems)
        bottom.addWidget(self.import_button)
        bottom.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(policy)
        layout.addLayout(bottom)
        add_help_key(self, "import")  # F1: the guide's page on importing
        self._update_buttons()
        if path is not None:
            self.load(Path(path))

    # ------------------------------------------------------------------ file

    def choose_file(self) -> None:
        if path := ask_import_file(self):
            self.load(path)

    def load(self, path: Path) -> None:
        def work(session, progress):  # type: ignore[no-untyped-def]
            loaded = load_file(path)  # and a mapping remembered for it?
            return loaded, PreparedFile.of(loaded, progress=progress, session=session)

        def done(result) -> None:  # type: ignore[no-untyped-def]
            loaded, self.prepared = result
            source = self.prepared.source
            self.loaded = loaded
            self.mapping = list(source.mapping)
            info = f"{path.name} · {loaded.format.upper()}"
            if loaded.encoding:
                info += f" · {encoding_name(loaded.encoding)}"
            if loaded.sheet_name:
                info += self.tr(" · 工作表“%1”").replace("%1", loaded.sheet_name)
            info += "".join(f"\n{note}" for line, note in loaded.notes if line == 0)  # whole-file
            if source.remembered:
                info += self.tr(" · 已使用上次保存的列对应")
            self.file_label.setText(info)
            self._fill_mapping(source)
            self.refresh_preview()

        ops.query(self, self.db, work, done, progress_title=self.tr("正在读取文件…"))

    def _fill_mapping(self, source) -> None:  # type: ignore[no-untyped-def]
        table = self.mapping_table
        if not source.headers:  # vCard: fields are fixed
            table.setColumnCount(1)
            table.setRowCount(1)
            table.setHorizontalHeaderLabels([self.tr("vCard")])
            table.setItem(0, 0, QTableWidgetItem(self.tr("手机通讯录文件：姓名、单位、电话、邮箱等会自动对应，共 %1 张名片。")
                                                 .replace("%1", str(len(source.rows)))))
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            return
        table.setColumnCount(len(source.headers))
        table.setRowCount(len(source.preview) + 1)
        table.setHorizontalHeaderLabels(source.headers)
        table.setVerticalHeaderLabels([self.tr("导入为")] + [str(n) for n in source.preview_lines])
        for column, field in enumerate(self.mapping):
            combo = QComboBox()
            for f, text in FIELD_LABELS.items():
                combo.addItem(label(text), f.value)
            combo.setCurrentIndex(combo.findData(field.value))
            combo.currentIndexChanged.connect(lambda _i, c=column, box=combo: self._remap(c, box))
            table.setCellWidget(0, column, combo)
            table.setColumnWidth(column, 120)
        for r, cells in enumerate(source.preview, start=1):
            for c, text in enumerate(cells[: len(source.headers)]):
                table.setItem(r, c, QTableWidgetItem(text))

    def _remap(self, column: int, combo: QComboBox) -> None:
        self.mapping[column] = ImportField(combo.currentData())
        self.refresh_preview()

    # ------------------------------------------------------------------ preview

    def options(self) -> ImportOptions:
        checked = self.duplicate_policy.checkedButton()
        return ImportOptions(on_duplicate=checked.property("code") if checked else "skip",
                             skip_invalid=self.skip_invalid.isChecked(), overrides=dict(self.overrides))

    def _current_mapping(self) -> list[ImportField] | None:
        """The mapping as corrected in the table; None for vCards (fixed fields)."""
        assert self.loaded is not None
        return list(self.mapping) if self.loaded.guess is not None else None

    def refresh_preview(self) -> None:
        """Plan every row again (mapping or policy changed) off the GUI thread: a
        100,000-row list takes seconds, with a progress bar and Cancel."""
        if self.loaded is None:
            return
        loaded, options, mapping = self.loaded, self.options(), self._current_mapping()
        earlier = self.prepared
        # Until this preview is done (and for good if it is cancelled), the old one is gone:
        # the import itself checks every row again under the current settings.
        self.outcome_table.setRowCount(0)
        self.summary_label.setText(self.tr("预览未完成：导入时会按当前设置重新检查每一行。"))
        self.problems, self.errors = [], 0
        self._update_buttons()

        def work(session, progress):  # type: ignore[no-untyped-def]
            prepared = PreparedFile.of(loaded, mapping, earlier,
                                       lambda f, text: progress(0.8 * f, text))
            rows = plan(session, prepared.source, options,
                        lambda f, text: progress(0.8 + 0.2 * f, text), prepared.rows)
            return prepared, rows

        def done(result) -> None:  # type: ignore[no-untyped-def]
            self.prepared, rows = result
            self._show_plan(rows, self.prepared.source.notes)

        ops.query(self, self.db, work, done, progress_title=self.tr("正在检查数据…"))

    def _show_plan(self, rows, notes) -> None:  # type: ignore[no-untyped-def]
        counts = {"create": 0, "merge": 0, "skip": 0, "error": 0}
        self.problems = [(line, self.tr("提示"), message) for line, message in notes]
        interesting = []
        for row in rows:
            counts[row.action] = counts.get(row.action, 0) + 1
            self.problems += [(row.line, self.tr("错误"), e) for e in row.errors]
            self.problems += [(row.line, self.tr("提示"), w) for w in row.warnings]
            if row.errors or row.warnings or row.match_reason or len(rows) <= MAX_PREVIEW_ROWS:
                interesting.append(row)
        shown = interesting[:MAX_PREVIEW_ROWS]
        values = [preview_values(row) for row in shown]
        fields = [f for f in PREVIEW_FIELDS if any(f in v for v in values)]
        table = self.outcome_table
        table.clear()
        table.setColumnCount(len(OUTCOME_COLUMNS) + len(fields))
        table.setHorizontalHeaderLabels([self.tr(c) for c in OUTCOME_COLUMNS]
                                        + [label(FIELD_LABELS[f]) for f in fields])
        for column, width in enumerate((50, 240, 80, 260)):
            table.setColumnWidth(column, width)
        table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            table.setItem(r, 0, QTableWidgetItem(str(row.line)))
            table.setItem(r, 1, QTableWidgetItem(row.display_name))
            if row.action == "error":
                item = QTableWidgetItem(self.tr("有误"))
                item.setForeground(Qt.GlobalColor.red)
                table.setItem(r, 2, item)
            else:
                combo = QComboBox()
                for code, text in ACTIONS:
                    combo.addItem(label(text), code)
                combo.setCurrentIndex(combo.findData(row.action))
                combo.currentIndexChanged.connect(
                    lambda _i, line=row.line, box=combo: self._override(line, box.currentData()))
                table.setCellWidget(r, 2, combo)
            why = QTableWidgetItem(self.tr("；").join(  # between the reasons of a row
                row.errors + ([row.match_reason] if row.match_reason else []) + row.warnings))
            why.setToolTip(why.text())
            table.setItem(r, 3, why)
            for column, field in enumerate(fields, start=len(OUTCOME_COLUMNS)):
                if text := values[r].get(field):
                    table.setItem(r, column, QTableWidgetItem(label(text)))  # choices: 意向 → Intent
        text = self.tr("共 %1 行：新建 %2，合并 %3，跳过 %4，有误 %5").replace("%1", f"{len(rows):,}") \
            .replace("%2", f"{counts['create']:,}").replace("%3", f"{counts['merge']:,}") \
            .replace("%4", f"{counts['skip']:,}").replace("%5", f"{counts['error']:,}")
        if len(interesting) < len(rows):
            text += self.tr("（预览只列出有重复或问题的行）")
        self.summary_label.setText(text)
        self.errors = counts["error"]
        self.tabs.setCurrentIndex(1)
        self._update_buttons()

    def _override(self, line: int, action: str) -> None:
        self.overrides[line] = action

    def _update_buttons(self) -> None:
        ready = self.loaded is not None
        blocked = self.errors and not self.skip_invalid.isChecked()
        self.import_button.setEnabled(bool(ready and not blocked))
        self.import_button.setToolTip(self.tr("有错误的行：请修改文件，或勾选“跳过有错误的行”") if blocked else "")
        self.save_problems.setEnabled(bool(self.problems))

    def save_problem_list(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存问题清单"), self.tr("导入问题清单") + ".csv", "CSV (*.csv)")
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow([self.tr("行号"), self.tr("类别"), self.tr("说明")])
                writer.writerows((line or "", kind, text) for line, kind, text in sorted(self.problems))
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), self.tr("无法保存：%1").replace("%1", str(exc)))

    # ------------------------------------------------------------------ import

    def start_import(self) -> None:
        if self.loaded is None:
            return
        loaded, options, mapping = self.loaded, self.options(), self._current_mapping()
        signature = loaded.signature
        earlier = self.prepared

        def work(session, progress):  # type: ignore[no-untyped-def]
            prepared = PreparedFile.of(loaded, mapping, earlier,
                                       lambda f, text: progress(0.3 * f, text))
            summary = run_import(session, prepared.source, options, progress, prepared.rows)
            if signature and mapping is not None:
                remember_mapping(session, signature, mapping)
            progress.check()  # a cancel pressed at the very end still rolls back
            return summary

        ops.write(self, self.db, work, self._finished, on_error=self._failed,
                  progress_title=self.tr("正在导入…"), backup_before="before-import")

    def _finished(self, summary: ImportSummary) -> None:
        self.summary = summary
        QMessageBox.information(self, self.windowTitle(), self.tr(
            "导入完成：新建客户 %1 个，新增联系人 %2 个，合并 %3 行，跳过 %4 行。\n"
            "如有需要，可以用“编辑 → 撤销”（Ctrl+Z）撤销这次导入。")
            .replace("%1", f"{summary.created:,}").replace("%2", f"{summary.contacts_added:,}")
            .replace("%3", f"{summary.merged:,}").replace("%4", f"{summary.skipped:,}"))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportRejected):
            self.problems = [(line, self.tr("错误"), message) for line, message in exc.summary.errors]
            self._update_buttons()
        show_error(self, exc)


def ask_import_file(parent: QWidget) -> Path | None:
    """The file picker every import starts with (Excel, CSV, phone vCards)."""
    translate = QCoreApplication.translate
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("ImportDialog", "选择要导入的文件"), "",
        translate("ImportDialog", "名单文件") + " (*.xlsx *.xls *.csv *.txt *.vcf);;Excel (*.xlsx *.xls);;CSV (*.csv *.txt);;vCard (*.vcf)")
    return Path(path) if path else None
