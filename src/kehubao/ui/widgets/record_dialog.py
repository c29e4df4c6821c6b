"""What every edit dialog of a record shares: a possible-duplicates banner, Save (Ctrl+S)
and Cancel, every bad field marked at once, and no silent loss of typed changes.

Subclasses build their forms, then call ``finish(body)``; they say which forms they have
(``forms``), how to write (``write``) and how to look for duplicates (``check_duplicates``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...db import Database
from ...errors import UserError, ValidationError
from .forms import Form

DUPLICATE_CHECK_DELAY_MS = 400  # after the last keystroke, so typing never waits on SQL


class RecordDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saved_id: int | None = None
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.setStyleSheet("background:#fff8e1; border:1px solid #ffb300;"
                                      " border-radius:4px; padding:6px;")
        self.duplicates.hide()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#c62828;")
        self.error.hide()
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._dup_timer.timeout.connect(self.check_duplicates)

    # ---------------------------------------------------------------- for subclasses

    def forms(self) -> list[Form]:
        raise NotImplementedError

    def write(self, session: Session) -> int:
        """Create or update the record in ``session``; its id."""
        raise NotImplementedError

    def check_duplicates(self) -> None:
        """Show or hide the banner for what is typed now."""

    def finish(self, body: QWidget, watched: Iterable[QLineEdit]) -> None:
        """Lay out banner, body, error and buttons; re-check duplicates as ``watched`` change."""
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存 (Ctrl+S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicates)
        layout.addWidget(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for field in watched:
            field.textChanged.connect(lambda _text: self._dup_timer.start())

    def show_duplicates(self, lines: list[str]) -> None:
        self.duplicates.setText("<br>".join(lines))
        self.duplicates.setVisible(bool(lines))

    # ---------------------------------------------------------------- saving and closing

    def is_dirty(self) -> bool:
        return any(form.is_dirty() for form in self.forms())

    def save(self) -> None:
        self.error.hide()
        for form in self.forms():
            form.clear_errors()
        try:
            with self.db.session() as session:
                self.saved_id = self.write(session)
        except ValidationError as exc:
            for form in self.forms():
                form.show_errors({k: v for k, v in exc.fields.items() if k in form.fields})
            self._show_error(exc)
            return
        except UserError as exc:
            self._show_error(exc)
            return
        for form in self.forms():
            form.mark_clean()
        super().accept()

    def _show_error(self, exc: UserError) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def confirm_discard(self) -> bool:
        """Ask before typed changes are lost; Save saves (and closes if it can)."""
        answer = QMessageBox.question(
            self, self.windowTitle(), self.tr("有未保存的修改，要保存吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            self.save()
            return False
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        """Cancel, Esc and the window's close button all come here."""
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
