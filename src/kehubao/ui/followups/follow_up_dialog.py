"""Plan or edit a follow-up: title, contact, due date and time, priority, note and how it
repeats. The repeat rule is built with ``build_rrule`` as it is picked and described
beside the picker as ``describe_rrule`` says it (in the user's language), so what is saved is what was read. Ctrl+S
saves through ``create_follow_up`` / ``update_follow_up`` (one undoable operation)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...errors import UserError, ValidationError
from ...services.followups import (
    FollowUpForm,
    build_rrule,
    create_follow_up,
    follow_up_form,
    local_now,
    parse_rrule,
    update_follow_up,
)
from ...services.followups.clock import Clock, at_morning
from ...services.followups.holidays import on_working_day
from .. import ops
from ..widgets.forms import Form, FormDialog, save_buttons
from .log_dialog import DateTimeField
from .recurrence_text import describe, weekday_names


class RecurrenceField(QWidget):
    """How a follow-up repeats; ``value()`` is RRULE text or None, anchored at the due
    time ``set_anchor`` gives (weekly defaults to its weekday, monthly to its day)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchor = at_morning(local_now().date())
        self.pattern = QComboBox()
        for text, code in ((self.tr("不重复"), ""), (self.tr("每天"), "daily"),
                           (self.tr("工作日（周一至周五）"), "weekdays"),
                           (self.tr("每周（选星期）"), "weekly"), (self.tr("每月某日"), "monthly"),
                           (self.tr("每月最后一天"), "monthly_last"), (self.tr("每隔几天"), "every_n_days"),
                           (self.tr("每年"), "yearly")):
            self.pattern.addItem(text, code)
        self.interval = QSpinBox()
        self.interval.setRange(1, 999)
        self.interval_label = QLabel(self.tr("间隔"))
        self.month_day = QSpinBox()
        self.month_day.setRange(1, 31)
        self.month_day_label = QLabel(self.tr("日期"))
        self.days: list[QCheckBox] = []
        day_row = QHBoxLayout()
        day_row.setContentsMargins(0, 0, 0, 0)
        for name in weekday_names():
            box = QCheckBox(name)
            box.toggled.connect(self._update)
            self.days.append(box)
            day_row.addWidget(box)
        day_row.addStretch(1)
        self.day_box = QWidget()
        self.day_box.setLayout(day_row)
        self.preview = QLabel()
        self.preview.setStyleSheet("color:#546e7a;")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.pattern, 0, 0)
        grid.addWidget(self.interval_label, 0, 1)
        grid.addWidget(self.interval, 0, 2)
        grid.addWidget(self.month_day_label, 0, 3)
        grid.addWidget(self.month_day, 0, 4)
        grid.setColumnStretch(5, 1)
        grid.addWidget(self.day_box, 1, 0, 1, 6)
        grid.addWidget(self.preview, 2, 0, 1, 6)
        self.pattern.currentIndexChanged.connect(self._update)
        self.interval.valueChanged.connect(self._update)
        self.month_day.valueChanged.connect(self._update)
        self._update()

    def set_anchor(self, when: datetime) -> None:
        """The due time moved: a month day not yet chosen follows it."""
        self.anchor = when
        if self.code() != "monthly":
            self.month_day.setValue(when.day)
        self._update()

    def code(self) -> str:
        return self.pattern.currentData() or ""

    def value(self) -> str | None:
        code = self.code()
        if not code:
            return None
        weekdays = [n for n, box in enumerate(self.days) if box.isChecked()]
        return build_rrule(code, self.anchor, interval=self.interval.value(), weekdays=weekdays,
                           month_day=self.month_day.value())

    def set_value(self, rule: str | None) -> None:
        parsed = parse_rrule(rule)
        self.pattern.setCurrentIndex(max(self.pattern.findData(parsed["pattern"]), 0))
        self.interval.setValue(parsed["interval"])
        for n, box in enumerate(self.days):
            box.setChecked(n in parsed["weekdays"])
        self.month_day.setValue(parsed["month_day"] or self.anchor.day)
        self._update()

    def _update(self) -> None:
        code = self.code()
        self.interval.setVisible(code not in ("", "weekdays"))
        self.interval_label.setVisible(code not in ("", "weekdays"))
        self.interval.setMinimum(2 if code == "every_n_days" else 1)
        self.month_day.setVisible(code == "monthly")
        self.month_day_label.setVisible(code == "monthly")
        self.day_box.setVisible(code == "weekly")
        if code == "weekly" and not any(box.isChecked() for box in self.days):
            self.days[self.anchor.weekday()].setChecked(True)  # re-enters _update
            return
        try:
            self.preview.setText(describe(self.value()))
        except ValidationError as exc:
            self.preview.setText(str(exc))
        self.changed.emit()


class FollowUpDialog(FormDialog):
    """Emits ``saved(follow_up_id)`` after the commit."""

    saved = Signal(int)

    def __init__(self, db: Database, *, follow_up_id: int | None = None,
                 customer_id: int | None = None, contact_id: int | None = None,
                 due: datetime | None = None, clock: Clock = local_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact_id = contact_id
        self.db, self.clock = db, clock
        self.follow_up_id, self.customer_id = follow_up_id, customer_id
        self.saving = False
        self.setWindowTitle(self.tr("编辑跟进") if follow_up_id else self.tr("新建跟进"))
        self.setMinimumWidth(560)
        self.heading = QLabel(self.tr("正在载入……"))
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        f = self.form = Form()
        self.title = f.text("title", self.tr("事项"), required=True, max_length=200,
                            hint=self.tr("例如：回电确认报价"))
        self.contact = f.add("contact_id", self.tr("联系人"), QComboBox())
        self.due = f.add("due_at", self.tr("到期时间"), DateTimeField())
        self.priority = f.add("priority", self.tr("优先级"), QComboBox())
        for text, value in ((self.tr("低"), 0), (self.tr("普通"), 1), (self.tr("高"), 2)):
            self.priority.addItem(text, value)
        self.priority.setCurrentIndex(1)
        self.note = f.long_text("note", self.tr("备注"), lines=3)
        self.recurrence = f.add("recurrence", self.tr("重复"), RecurrenceField())
        self.due.changed.connect(lambda: self.recurrence.set_anchor(self.due.value()))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#c62828;")
        self.error.hide()
        buttons = save_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        start = due or on_working_day(at_morning(clock().date() + timedelta(days=1)))
        self.due.set_value(start)
        self.recurrence.set_anchor(start)
        self.title.setFocus()
        ops.query(self, db, lambda s: follow_up_form(s, follow_up_id=follow_up_id,
                                                     customer_id=customer_id),
                  self._loaded, on_error=self._load_failed)

    def _loaded(self, data: FollowUpForm) -> None:
        self.customer_id = data.customer_id
        self.heading.setText(data.customer_name)
        self.contact.clear()
        self.contact.addItem(self.tr("（不指定）"), None)
        for cid, name in data.contacts:
            self.contact.addItem(name, cid)
        if data.values:
            self.due.set_value(data.values["due_at"])
            self.recurrence.set_anchor(data.values["due_at"])
            self.form.set_values(data.values)
            self.save_button.setEnabled(data.values.get("status") == "open")
            if data.values.get("status") != "open":
                self.error.setText(self.tr("这条跟进已经处理过了，不能再修改。"))
                self.error.show()
        else:
            self.contact.setCurrentIndex(max(self.contact.findData(self.contact_id), 0))
            self.save_button.setEnabled(True)
        self.form.mark_clean()

    def _load_failed(self, exc: BaseException) -> None:
        self.heading.setText(str(exc) if isinstance(exc, UserError) else self.tr("无法载入跟进"))

    def values(self) -> dict[str, Any]:
        v = self.form.values()
        return {"title": v["title"], "due_at": v["due_at"], "contact_id": v["contact_id"],
                "priority": v["priority"], "note": v["note"] or None,
                "recurrence": self.recurrence.value()}

    def save(self) -> None:
        if self.saving or not self.save_button.isEnabled():
            return
        try:
            values = self.values()
        except ValidationError as exc:
            self.save_failed(exc)
            return
        self.saving = True
        self.error.hide()
        self.form.clear_errors()
        fid, cid = self.follow_up_id, self.customer_id
        if fid is not None:
            change = lambda s: update_follow_up(s, fid, values).id  # noqa: E731
        else:
            change = lambda s: create_follow_up(s, cid, **values).id  # noqa: E731
        ops.write(self, self.db, change, self.saved_as, on_error=self.save_failed)

    def on_saved(self, saved_id: int) -> None:
        self.saved.emit(saved_id)

    def may_save(self) -> bool:
        return self.save_button.isEnabled()


def open_follow_up_dialog(parent: QWidget | None, db: Database, *, follow_up_id: int | None = None,
                          customer_id: int | None = None, contact_id: int | None = None,
                          due: datetime | None = None, clock: Clock = local_now) -> FollowUpDialog:
    """Show the editor (non-blocking, freed when closed)."""
    dialog = FollowUpDialog(db, follow_up_id=follow_up_id, customer_id=customer_id,
                            contact_id=contact_id, due=due, clock=clock, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
