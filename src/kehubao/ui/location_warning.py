"""The bar across the top of the window when the database sits in a synced folder or on
a network drive (``services/locations.risky_location``): it says why, and offers to move
the database into a local folder. It never blocks the work: the user may carry on.

The move itself happens after the window has closed (``application.run``): nothing can
write to the old file while it is copied, and a window that refuses to close (an
unsaved form) simply cancels the move.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ..config import database_path_key

IGNORED_KEY = "location_warning/ignored"


def ignored(path: Path) -> bool:
    return database_path_key(path) in _ignored_list()


def ignore(path: Path) -> None:
    keys = _ignored_list()
    if (key := database_path_key(path)) not in keys:
        QSettings().setValue(IGNORED_KEY, [*keys, key])


def _ignored_list() -> list[str]:
    value = QSettings().value(IGNORED_KEY, [])
    if isinstance(value, str):  # an INI file gives back one element as a string
        return [value]
    return [str(v) for v in value] if isinstance(value, list) else []


class LocationWarning(QFrame):
    """``move_requested`` for "移动到本机文件夹…"; "仍然使用" and "不再提示" close the bar
    (the latter for good, for this database)."""

    move_requested = Signal()

    def __init__(self, db_path: Path, reason: str, can_move: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setObjectName("locationWarning")
        self.setStyleSheet("QFrame#locationWarning { background: #fff4ce; border-bottom: 1px solid #e0c36c; }"
                           "QFrame#locationWarning QLabel { color: #5c4400; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        self.label = QLabel(self.tr("⚠ %1").replace("%1", reason))
        self.label.setWordWrap(True)
        self.label.setToolTip(str(db_path))
        layout.addWidget(self.label, 1)
        self.move_button = QPushButton(self.tr("移动到本机文件夹…"))
        self.move_button.setVisible(can_move)
        self.move_button.clicked.connect(self.move_requested)
        self.keep_button = QPushButton(self.tr("仍然使用"))
        self.keep_button.clicked.connect(self.dismiss)
        self.never_button = QPushButton(self.tr("不再提示"))
        self.never_button.clicked.connect(self.never_again)
        for button in (self.move_button, self.keep_button, self.never_button):
            layout.addWidget(button)

    def dismiss(self) -> None:
        self.hide()
        self.deleteLater()

    def never_again(self) -> None:
        ignore(self.db_path)
        self.dismiss()
