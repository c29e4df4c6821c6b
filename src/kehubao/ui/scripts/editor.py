"""Adding and editing one script: the objection, how customers phrase it, category,
what it leans on, the reply variants with their reasoning, tips, follow-up and tags.
Saved through the service (checked there; a problem keeps the dialog open with the
service's own sentence)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...db import Database
from ...models.enums import ServiceElement
from ...services.scripts import ScriptContent
from .. import ops
from ..i18n import enum_label


class ScriptDialog(QDialog):
    def __init__(self, db: Database, content: ScriptContent | None, categories: list[str],
                 save: Callable[[Session, dict], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.save = db, save
        self.setWindowTitle(self.tr("编辑话术") if content else self.tr("新建话术"))
        self.resize(760, 680)
        content = content or ScriptContent(title="")
        self.title = QLineEdit(content.title)
        self.title.setPlaceholderText(self.tr("客户怎么说，例如：你们太贵了"))
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(["", *categories])
        self.category.setCurrentText(content.category)
        self.element = QComboBox()
        self.element.addItem(self.tr("（不限）"), "")
        for code in ("price", "quality", "service"):
            self.element.addItem(enum_label(ServiceElement, code), code)
        self.element.setCurrentIndex(max(0, self.element.findData(content.element)))
        self.phrasings = self._text("\n".join(content.phrasings),
                                    self.tr("客户的其他说法，一行一种"))
        self.reasoning = self._text(content.reasoning, self.tr("客户为什么会这样说"))
        self.tips = self._text(content.tips, self.tr("应对要点"))
        self.follow_up = self._text(content.follow_up, self.tr("通话之后做什么"))
        self.tags = QLineEdit(" ".join(content.tags))
        self.tags.setPlaceholderText(self.tr("用空格分隔"))
        self.replies = QTableWidget(0, 2)
        self.replies.setHorizontalHeaderLabels([self.tr("回答"), self.tr("为什么这样答")])
        self.replies.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.replies.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.replies.setWordWrap(True)
        self.replies.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for reply in content.replies:
            self._add_reply(reply.text, reply.reasoning)
        if not content.replies:
            self._add_reply("", "")
        add = QPushButton(self.tr("添加回答"))
        add.clicked.connect(lambda: self._add_reply("", ""))
        remove = QPushButton(self.tr("删除所选回答"))
        remove.clicked.connect(self._remove_reply)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("异议"), self.title)
        form.addRow(self.tr("分类"), self.category)
        form.addRow(self.tr("侧重"), self.element)
        form.addRow(self.tr("客户说法"), self.phrasings)
        form.addRow(self.tr("原因分析"), self.reasoning)
        form.addRow(self.tr("回答"), self.replies)
        form.addRow("", _wrap(row))
        form.addRow(self.tr("技巧"), self.tips)
        form.addRow(self.tr("后续动作"), self.follow_up)
        form.addRow(self.tr("标签"), self.tags)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @staticmethod
    def _text(value: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value)
        edit.setPlaceholderText(placeholder)
        edit.setFixedHeight(64)
        return edit

    def _add_reply(self, text: str, reasoning: str) -> None:
        n = self.replies.rowCount()
        self.replies.insertRow(n)
        self.replies.setItem(n, 0, QTableWidgetItem(text))
        self.replies.setItem(n, 1, QTableWidgetItem(reasoning))

    def _remove_reply(self) -> None:
        for row in sorted({i.row() for i in self.replies.selectedIndexes()}, reverse=True):
            self.replies.removeRow(row)

    def value(self) -> dict:
        """The form as the service's plain dict (checked by the service on save)."""
        replies = []
        for n in range(self.replies.rowCount()):
            text, why = (self.replies.item(n, c) for c in (0, 1))
            replies.append({"text": text.text() if text else "",
                            "reasoning": why.text() if why else ""})
        return {"title": self.title.text(), "category": self.category.currentText(),
                "element": self.element.currentData(),
                "phrasings": self.phrasings.toPlainText(), "reasoning": self.reasoning.toPlainText(),
                "tips": self.tips.toPlainText(), "follow_up": self.follow_up.toPlainText(),
                "tags": self.tags.text(), "replies": replies}

    def _save(self) -> None:
        data = self.value()
        ops.write(self, self.db, lambda s: self.save(s, data), lambda _r: self.accept())


def _wrap(layout: QHBoxLayout) -> QWidget:
    holder = QWidget()
    holder.setLayout(layout)
    layout.setContentsMargins(0, 0, 0, 0)
    return holder
