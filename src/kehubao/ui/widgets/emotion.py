"""The seven emotions (七情) as a row of toggle buttons: one click records how the
contact seemed, and the card shows the matching advice next time."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from ...models.enums import Emotion

_HINTS = {
    "joy": "喜：高兴", "anger": "怒：生气", "sorrow": "哀：低落", "delight": "乐：愉快",
    "grief": "悲：悲痛", "fear": "恐：担心", "shock": "惊：受惊",
}


class EmotionPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[str, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for code, label in Emotion.choices():
            button = QToolButton()
            button.setText(self.tr(label))
            button.setCheckable(True)
            button.setToolTip(self.tr(_HINTS[code]))
            button.setFixedWidth(28)
            button.clicked.connect(lambda checked, c=code: self._pick(c, checked))
            self.buttons[code] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def _pick(self, code: str, checked: bool) -> None:
        for other, button in self.buttons.items():
            if other != code:
                button.setChecked(False)
        self.buttons[code].setChecked(checked)
        self.changed.emit()

    def value(self) -> str | None:
        return next((code for code, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, code: str | None) -> None:
        for other, button in self.buttons.items():
            button.setChecked(other == code)
