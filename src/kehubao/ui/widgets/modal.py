"""Running a dialog to the end and letting it go."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """`dialog.exec()`, then free the dialog.

    A dialog made with the window as its parent otherwise lives until the app quits, with
    everything it holds: an import dialog keeps the whole file it read and its prepared
    rows, an export dialog the ids of a 200,000-customer selection. The deletion is
    deferred to the event loop, so the caller can still read what the dialog decided."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
