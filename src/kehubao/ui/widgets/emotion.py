"""The seven emotions (七情) as a row of toggle buttons: one click records how the
contact seemed, and the card shows the matching advice next time."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from ...models.enums import Emotion
from ..i18n import enum_choices, label

_HINTS = {
    "joy": QT_TRANSLATE_NOOP("labels", "喜：高兴"), "anger": QT_TRANSLATE_NOOP("labels", "怒：生气"),
    "sorrow": QT_TRANSLATE_NOOP("labels", "哀：低落"), "delight": QT_TRANSLATE_NOOP("labels", "乐：愉快"),
    "grief": QT_TRANSLATE_NOOP("labels", "悲：悲痛"), "fear": QT_TRANSLATE_NOOP("labels", "恐：担心"),
    "shock": QT_TRANSLATE_NOOP("labels", "惊：受惊"),
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
        for code, text in enum_choices(Emotion):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setToolTip(label(_HINTS[code]))
            # One character in Chinese, a word in English: never narrower than the word,
            # which Qt would otherwise cut to "Pl…ed" in a narrow column.
            button.setMinimumWidth(max(28, button.sizeHint().width()))
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
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
