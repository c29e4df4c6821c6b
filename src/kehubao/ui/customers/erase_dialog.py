"""The question before erasing a contact or a customer for good (个人信息保护法): what goes,
that nothing brings it back, that older backups still hold it — and the name typed back,
so a stray click or Enter can never erase anyone."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.personal_data import ErasurePreview


class EraseDialog(QDialog):
    def __init__(self, preview: ErasurePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        contact = preview.kind == "contact"
        self.setWindowTitle(self.tr("彻底删除联系人") if contact else self.tr("彻底删除客户"))
        self.setMinimumWidth(460)

        what = self.tr("将彻底删除联系人“%1”（%2）。") if contact else self.tr("将彻底删除客户“%1”。")
        lines = [what.replace("%1", preview.name).replace("%2", preview.customer_name)]
        if counts := self._counts():
            lines.append(self.tr("删除的记录：%1。").replace("%1", counts))
        lines += [
            self.tr("撤销日志、导入记录和搜索索引中的相关内容也会清除；其他记录中提到的姓名和号码替换为“〔已删除〕”。"),
            self.tr("此操作不能撤销，回收站中也不会保留。"),
            self.tr("较早的备份（数据库旁的 backups 文件夹，以及另存到别处的备份文件）中仍保存着这些信息，"
                    "直到这些备份被轮换删除为止。"),
        ]
        if preview.individual:
            lines.append(self.tr("这是个人客户，客户档案中也有此人的信息：要全部删除，请彻底删除客户。"))
        self.explanation = QLabel("".join(f"<p>{escape(line)}</p>" for line in lines))
        self.explanation.setWordWrap(True)
        prompt = QLabel(self.tr("请输入“%1”以确认：").replace("%1", preview.name))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(preview.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.addButton(self.tr("彻底删除"),
                                                   QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        self.erase_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._check)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(prompt)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.buttons)
        self.name_edit.setFocus()

    def confirmed(self) -> bool:
        return self.name_edit.text().strip() == self.preview.name.strip()

    def _check(self) -> None:
        self.erase_button.setEnabled(self.confirmed())

    def accept(self) -> None:
        if self.confirmed():  # Enter in the field must not get round the typed name
            super().accept()

    def _counts(self) -> str:
        labels = {
            "customer": self.tr("客户 %1 个"), "contact": self.tr("联系人 %1 个"),
            "interaction": self.tr("跟进记录 %1 条"), "follow_up": self.tr("跟进提醒 %1 条"),
            "trade_transaction": self.tr("交易记录 %1 条"), "evaluation": self.tr("评价 %1 次"),
            "support_action": self.tr("支援记录 %1 条"), "risk_event": self.tr("风险事件 %1 条"),
        }
        return self.tr("、").join(label.replace("%1", f"{self.preview.rows[table]:,}")
                                 for table, label in labels.items() if self.preview.rows.get(table))
