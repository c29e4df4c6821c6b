"""Merge two customers: pick which record survives and, where they differ, whose value
to keep. Contacts, history and tags of the other move over; it goes to the recycle bin."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...db import Database
from ...services.customers import get_customer
from ...services.merge import merge_customers, merge_preview
from .. import ops
from ..i18n import label as i18n_label
from ..tasks import show_error


class MergeDialog(QDialog):
    def __init__(self, db: Database, first: int, second: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.ids = (first, second)
        self.kept_id: int | None = None
        self.setWindowTitle(self.tr("合并客户"))
        self.setMinimumSize(640, 420)
        self.resize(760, 600)  # most differing fields visible without scrolling
        self.names = ("…", "…")
        intro = QLabel(self.tr("把两条记录合并成一条。保留哪一条？另一条的联系人、跟进记录、交易、"
                               "评价和标签都会转到保留的记录上，它本身移入回收站（可撤销）。"))
        intro.setWordWrap(True)
        self.keep_first = QRadioButton(self.names[0])
        self.keep_second = QRadioButton(self.names[1])
        self.keep_first.setChecked(True)
        keep = QButtonGroup(self)
        keep.addButton(self.keep_first)
        keep.addButton(self.keep_second)
        self.keep_first.toggled.connect(self._build_fields)
        self.fields_box = QWidget()
        self.grid = QGridLayout(self.fields_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("合并"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("保留的记录：")))
        layout.addWidget(self.keep_first)
        layout.addWidget(self.keep_second)
        layout.addWidget(QLabel(self.tr("两条记录不同的地方，选择要保留的值：")))
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.choices: dict[str, QRadioButton] = {}
        self._read_names()
        self._build_fields()

    def keep_and_other(self) -> tuple[int, int]:
        return self.ids if self.keep_first.isChecked() else (self.ids[1], self.ids[0])

    def _read_names(self) -> None:
        def names(session: Session) -> tuple[str, str]:
            return tuple(get_customer(session, i).name for i in self.ids)  # type: ignore[return-value]

        def show(found: tuple[str, str]) -> None:
            self.names = found
            self.keep_first.setText(found[0])
            self.keep_second.setText(found[1])

        ops.query(self, self.db, names, show, on_error=self._cannot_read)

    def _cannot_read(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    def _build_fields(self) -> None:
        keep, other = self.keep_and_other()
        ops.query(self, self.db, lambda session: merge_preview(session, keep, other),
                  self._show_fields, key=f"merge-preview:{id(self)}", on_error=self._cannot_read)

    def _show_fields(self, diffs: list[tuple[str, str, object, object]]) -> None:
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.choices.clear()
        if not diffs:
            self.grid.addWidget(QLabel(self.tr("两条记录没有冲突的字段。")), 0, 0)
            return
        for row, (name, label, mine, theirs) in enumerate(diffs):
            self.grid.addWidget(QLabel(f"<b>{escape(i18n_label(label))}</b>"), row, 0)
            a = QRadioButton(str(mine) if mine not in (None, "") else self.tr("（空）"))
            b = QRadioButton(str(theirs))
            group = QButtonGroup(self)
            group.addButton(a)
            group.addButton(b)
            (b if mine in (None, "") else a).setChecked(True)
            self.grid.addWidget(a, row, 1)
            self.grid.addWidget(b, row, 2)
            self.choices[name] = b
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)

    def merge(self) -> None:
        keep, other = self.keep_and_other()
        take = {name: button.isChecked() for name, button in self.choices.items()}

        def merged(_result: object) -> None:
            self.kept_id = keep
            self.accept()

        ops.write(self, self.db, lambda session: merge_customers(session, keep, other, take), merged,
                  backup_before="before-merge")
