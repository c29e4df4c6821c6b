"""What every edit dialog of a record shares: a possible-duplicates banner, Save (Ctrl+S)
and Cancel, every bad field marked at once, and no silent loss of typed changes.

Subclasses build their forms, then call ``finish(body)``; they say which forms they have
(``forms``), how to write (``write``) and how to look for duplicates (``check_duplicates``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...db import Database
from ...errors import UserError, ValidationError
from .. import ops
from ..tasks import show_error
from .forms import Form, error_label, keep_typed_work, save_buttons

T = TypeVar("T")
DUPLICATE_CHECK_DELAY_MS = 400  # after the last keystroke, so typing never waits on SQL


class RecordDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.saved_id: int | None = None
        self._saving = False
        self.loaded = True
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.setStyleSheet("background:#fff8e1; border:1px solid #ffb300;"
                                      " border-radius:4px; padding:6px;")
        self.duplicates.hide()
        self.error = error_label()
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_CHECK_DELAY_MS)
        self._dup_timer.timeout.connect(self.check_duplicates)

    # ---------------------------------------------------------------- for subclasses

    def forms(self) -> list[Form]:
        raise NotImplementedError

    def writer(self) -> Callable[[Session], int]:
        """What to write, read from the form now (on the GUI thread): a function that
        creates or updates the record in a session and returns its id."""
        raise NotImplementedError

    def check_duplicates(self) -> None:
        """Show or hide the banner for what is typed now."""

    def finish(self, body: QWidget, watched: Iterable[QLineEdit]) -> None:
        """Lay out banner, body, error and buttons; re-check duplicates as ``watched`` change."""
        buttons = save_buttons(self, self.save)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.duplicates)
        layout.addWidget(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for field in watched:
            field.textChanged.connect(lambda _text: self._dup_timer.start())
        for form in self.forms():
            form.changed.connect(self._form_edited)

    def load(self, read: Callable[[Session], T], apply: Callable[[T], None]) -> None:
        """Read what the form shows in the background; Save waits until it is in."""
        self.loaded = False
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)

        def done(data: T) -> None:
            apply(data)
            for form in self.forms():
                form.mark_clean()
            self.loaded = True
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(True)

        ops.query(self, self.db, read, done, on_error=self._load_failed)

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        QDialog.reject(self)  # nothing typed yet: nothing to lose

    def look_for_duplicates(self, find: Callable[[Session], list[str]]) -> None:
        """Run a duplicate search in the background; only the newest one is shown."""
        ops.query(self, self.db, find, self.show_duplicates, key=f"duplicates:{id(self)}",
                  on_error=lambda _exc: self.show_duplicates([]))

    def show_duplicates(self, lines: list[str]) -> None:
        self.duplicates.setText("<br>".join(lines))
        self.duplicates.setVisible(bool(lines))

    # ---------------------------------------------------------------- saving and closing

    def is_dirty(self) -> bool:
        return any(form.is_dirty() for form in self.forms())

    def save(self) -> None:
        """Write in the background (one unit of work); the dialog closes when the commit
        is done, or marks every bad field and stays open."""
        if self._saving:
            return
        self.error.hide()
        for form in self.forms():
            form.clear_errors()
        self._saving = True
        self.buttons.setEnabled(False)
        ops.write(self, self.db, self.writer(), self._saved, on_error=self._save_failed)

    def _saved(self, saved_id: int) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.saved_id = saved_id
        for form in self.forms():
            form.mark_clean()
        super().accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_field_errors(exc.fields)
        if isinstance(exc, UserError):
            self._show_error(exc)
        else:
            show_error(self, exc)

    def show_field_errors(self, errors: dict[str, str]) -> None:
        """Mark each bad field; a dialog whose forms share field names routes them."""
        for form in self.forms():
            form.show_errors({k: v for k, v in errors.items() if k in form.fields})

    def _form_edited(self) -> None:
        if not self.error.isHidden() and not any(form.has_errors() for form in self.forms()):
            self.error.hide()  # everything marked has been corrected

    def _show_error(self, exc: UserError) -> None:
        self.error.setText(str(exc))
        self.error.show()

    def confirm_discard(self) -> bool:
        """Ask before typed changes are lost; Save saves (and closes if it can)."""
        return keep_typed_work(self, self.save)

    def reject(self) -> None:
        """Cancel, Esc and the window's close button all come here."""
        if self.is_dirty() and not self.confirm_discard():
            return
        super().reject()
