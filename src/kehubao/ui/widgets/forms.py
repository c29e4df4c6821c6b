"""Form building blocks: fields that read and write plain values, a form that marks
every invalid field at once (from a service's ValidationError), and knows whether the
user changed anything (so unsaved changes are never lost silently)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from ...models.enums import LabelledEnum
from ..i18n import enum_choices

# On the bad field alone: a style sheet on the whole form would draw every input with
# style-sheet geometry (flat, cramped) instead of the platform's own.
ERROR_STYLE = "border: 1px solid #d32f2f; background: #fff5f5;"
_EMPTY_DATE = QDate(1900, 1, 1)


class DateField(QWidget):
    """A date that may be left empty, with a calendar popup and a clear button."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_EMPTY_DATE)
        self.edit.setSpecialValueText(self.tr("未填写"))
        self.edit.setDate(_EMPTY_DATE)
        self.edit.calendarWidget().setGridVisible(True)
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.edit.dateChanged.connect(self._first_pick)
        clear = QToolButton()
        clear.setText("×")
        clear.setToolTip(self.tr("清空日期"))
        clear.clicked.connect(lambda: self.set_value(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(clear)

    def _first_pick(self, value: QDate) -> None:
        """Opening the calendar on an empty date should start at a sensible month."""
        if value == _EMPTY_DATE:
            self.edit.calendarWidget().setSelectedDate(QDate.currentDate())

    def value(self) -> date | None:
        qdate = self.edit.date()
        return None if qdate == _EMPTY_DATE else date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        self.edit.setDate(QDate(value.year, value.month, value.day) if value else _EMPTY_DATE)


class ChoiceField(QComboBox):
    """One of an enum's values, or nothing."""

    def __init__(self, enum: type[LabelledEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(self.tr("—"), None)
        for code, text in enum_choices(enum):
            self.addItem(text, code)

    def value(self) -> str | None:
        return self.currentData()

    def set_value(self, value: str | None) -> None:
        index = self.findData(value)
        self.setCurrentIndex(index if index >= 0 else 0)


class Form(QWidget):
    """A two-column form. Fields are registered by the service field name they edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._initial: dict[str, Any] = {}
        self._errors: set[str] = set()

    def add(self, name: str, label: str, widget: QWidget, *, required: bool = False,
            hint: str | None = None) -> QWidget:
        caption = QLabel(self.tr("%1：").replace("%1", f"{label} *" if required else label))
        if required:
            caption.setToolTip(self.tr("必填"))
            caption.setStyleSheet("font-weight: 600;")
        if hint:
            widget.setToolTip(hint)
            if isinstance(widget, QLineEdit):
                widget.setPlaceholderText(hint)
        self.layout_.addRow(caption, widget)
        self.fields[name] = widget
        self.labels[name] = caption
        self._connect(widget, name)
        return widget

    def text(self, name: str, label: str, *, required: bool = False, hint: str | None = None,
             max_length: int = 200) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaxLength(max_length)
        self.add(name, label, edit, required=required, hint=hint)
        return edit

    def long_text(self, name: str, label: str, *, hint: str | None = None, lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        if hint:
            edit.setPlaceholderText(hint)
        self.add(name, label, edit)
        return edit

    def choice(self, name: str, label: str, enum: type[LabelledEnum]) -> ChoiceField:
        return self.add(name, label, ChoiceField(enum))  # type: ignore[return-value]

    def date(self, name: str, label: str) -> DateField:
        return self.add(name, label, DateField())  # type: ignore[return-value]

    def check(self, name: str, label: str, text: str = "") -> QCheckBox:
        return self.add(name, label, QCheckBox(text))  # type: ignore[return-value]

    def _connect(self, widget: QWidget, name: str) -> None:
        for signal in ("textChanged", "currentIndexChanged", "changed", "toggled"):
            if hasattr(widget, signal):
                getattr(widget, signal).connect(lambda *_a: self._edited(name))
                return

    def _edited(self, name: str) -> None:
        """A field the user corrects stops being marked at once."""
        if name in self._errors:
            self._errors.discard(name)
            self._mark(self.fields[name], None)
        self.changed.emit()

    def has_errors(self) -> bool:
        return bool(self._errors)

    # ---------------------------------------------------------------- values

    @staticmethod
    def read(widget: QWidget) -> Any:
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if hasattr(widget, "value"):  # ChoiceField, DateField, EmotionPicker...
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        raise TypeError(widget)

    @staticmethod
    def write(widget: QWidget, value: Any) -> None:
        if isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif hasattr(widget, "set_value"):
            widget.set_value(value)
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(index if index >= 0 else 0)

    def values(self) -> dict[str, Any]:
        return {name: self.read(widget) for name, widget in self.fields.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        for name, widget in self.fields.items():
            if name in values:
                self.write(widget, values[name])
        self.mark_clean()

    def mark_clean(self) -> None:
        self._initial = self.values()

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    # ---------------------------------------------------------------- errors

    def show_errors(self, errors: dict[str, str]) -> None:
        first = None
        self._errors = {name for name in self.fields if name in errors}
        for name, widget in self.fields.items():
            target = self._mark(widget, errors.get(name))
            if name in errors and first is None:
                first = target
        if first is not None:
            first.setFocus()

    @staticmethod
    def _mark(widget: QWidget, error: str | None) -> QWidget:
        target = widget.edit if isinstance(widget, DateField) else widget
        target.setProperty("invalid", "true" if error else "false")
        target.setToolTip(error or "")
        target.setStyleSheet(ERROR_STYLE if error else "")
        return target

    def clear_errors(self) -> None:
        self.show_errors({})


def scrolling(page: QWidget) -> QScrollArea:
    """A form page that scrolls instead of squeezing its inputs when space runs short."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open at the size the content asks for, within the screen (1366×768 laptops)."""
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
    dialog.resize(max(width, dialog.minimumWidth()), max(height, dialog.minimumHeight()))


def error_label() -> QLabel:
    """The red line under a form that says what is wrong (hidden until there is)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color:#c62828;")
    label.hide()
    return label


def save_buttons(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """保存 (Ctrl+S) and 取消 at the foot of an edit dialog: Save and Ctrl+S call ``save``,
    Cancel and Esc call the dialog's ``reject`` (which may ask about unsaved changes)."""
    translate = QCoreApplication.translate
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("RecordDialog", "保存 (Ctrl+S)"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("RecordDialog", "取消"))
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence.StandardKey.Save, dialog, activated=save)
    return buttons


def show_save_failure(error: QLabel, form: Form, exc: BaseException) -> None:
    """Why a save did not happen, under the form: a bad field is marked, a user error is
    its own sentence, anything else says nothing was saved."""
    from ...errors import UserError, ValidationError

    if isinstance(exc, ValidationError):
        form.show_errors(exc.fields)
    error.setText(str(exc) if isinstance(exc, UserError) else QCoreApplication.translate(
        "RecordDialog", "出现意外错误，没有保存任何内容：%1").replace("%1", str(exc)))
    error.show()


def keep_typed_work(dialog: QWidget, save: Callable[[], None]) -> bool:
    """Before a dialog with unsaved typing closes (Cancel, Esc, the close button): ask.
    Save saves (the dialog closes itself once saved); True only for Discard."""
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        dialog, dialog.windowTitle(),
        QCoreApplication.translate("RecordDialog", "有未保存的内容，要保存吗？"),
        buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save)
    if answer == buttons.Save:
        save()
    return answer == buttons.Discard


class FormDialog(QDialog):
    """A dialog around one ``Form`` (``self.form``, ``self.error``) whose ``save`` writes
    off the GUI thread and then calls ``saved_as`` or ``save_failed``: what the follow-up
    editor and the log dialog share — the form clean and closed once saved, a failure
    shown under the form, and a question before typed work is lost."""

    form: Form
    error: QLabel
    saving = False

    def save(self) -> None:
        raise NotImplementedError

    def may_save(self) -> bool:
        """Whether Save can be offered when closing (e.g. not for a finished record)."""
        return True

    def on_saved(self, saved_id: int) -> None:
        """Tell the world (a signal) once the record is saved."""

    def saved_as(self, saved_id: int) -> None:
        self.saving = False
        self.form.mark_clean()
        self.on_saved(saved_id)
        QDialog.accept(self)

    def save_failed(self, exc: BaseException) -> None:
        self.saving = False
        show_save_failure(self.error, self.form, exc)

    def reject(self) -> None:
        """Cancel, Esc and the close button: ask before typed text is lost."""
        if self.form.is_dirty() and self.may_save() and not keep_typed_work(self, self.save):
            return
        super().reject()
