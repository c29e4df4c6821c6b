"""Simple pages: the first-run screen, and the sections that later releases fill."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .icons import icon


class WelcomePage(QWidget):
    """Shown on an empty database: the three ways to begin."""

    new_customer = Signal()
    import_list = Signal()
    load_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("欢迎使用客户宝"))
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("客户档案、联系人、跟进与评价，全部保存在这台电脑上，不联网也能用。\n"
                                  "先从下面三种方式之一开始："))
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        row = QHBoxLayout()
        row.addStretch(1)
        for text, hint, name, signal in (
            (self.tr("新建客户"), self.tr("手动录入第一个客户（Ctrl+N）"), "add", self.new_customer),
            (self.tr("导入名单"), self.tr("从 Excel、CSV 或手机通讯录导入（Ctrl+I）"), "import",
             self.import_list),
            (self.tr("加载演示数据"), self.tr("先用一批模拟客户熟悉软件"), "customers", self.load_demo),
        ):
            row.addWidget(self._card(text, hint, name, signal))
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.setStyleSheet("#welcomeTitle { font-size: 22pt; font-weight: 600; margin: 12px; }"
                           "QFrame#card { border: 1px solid #d0d7de; border-radius: 10px;"
                           " background: palette(base); }")

    def _card(self, text: str, hint: str, icon_name: str, signal: Signal) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(230)
        box = QVBoxLayout(card)
        button = QPushButton(icon(icon_name), text)
        button.setMinimumHeight(44)
        button.clicked.connect(signal.emit)
        label = QLabel(hint)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(button)
        box.addWidget(label)
        return card
