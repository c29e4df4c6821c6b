"""Log an interaction in a few keystrokes: the customer and contact already filled in,
the time now, the summary focused; Ctrl+S saves. With a next step and its due date the
follow-up is created too; opened from a reminder, the reminder is completed with it —
all one undoable operation (services/followups/interactions.py)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...errors import UserError
from ...models.enums import InteractionKind
from ...services.followups import LogForm, local_now, log_form, log_interaction
from ...services.followups.clock import Clock, at_morning
from ...services.followups.holidays import on_working_day
from ...services.scripts import ScriptMatch, search_scripts
from .. import ops
from ..i18n import enum_label
from ..widgets.combo import ElidingComboBox
from ..widgets.emotion import EmotionPicker
from ..widgets.forms import Form, FormDialog, error_label, save_buttons


def to_qdatetime(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def from_qdatetime(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class DateTimeField(QDateTimeEdit):
    """A date and time picker that reads and writes Python datetimes (for Form)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.dateTimeChanged.connect(lambda _v: self.changed.emit())

    def value(self) -> datetime:
        return from_qdatetime(self.dateTime())

    def set_value(self, value: datetime | None) -> None:
        if value is not None:
            self.setDateTime(to_qdatetime(value))


class DueField(QWidget):
    """"Remind me" and when: None unless ticked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.enabled = QCheckBox(self.tr("提醒我"))
        self.when = DateTimeField()
        self.when.setEnabled(False)
        self.enabled.toggled.connect(self.when.setEnabled)
        self.enabled.toggled.connect(lambda _on: self.changed.emit())
        self.when.changed.connect(self.changed)
        row.addWidget(self.enabled)
        row.addWidget(self.when, 1)

    def value(self) -> datetime | None:
        return self.when.value() if self.enabled.isChecked() else None

    def set_value(self, value: datetime | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.when.set_value(value)


class ScriptPicker(QWidget):
    """The script and the reply used against an objection: typing the objection offers
    the matching scripts (``search_scripts`` on a reader, newest request wins), picking
    one offers its replies, best first. ``value()`` is (script_id, reply_id)."""

    changed = Signal()
    reply_picked = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.contact_id: int | None = None
        self.matches: dict[int, ScriptMatch] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.script = ElidingComboBox()
        self.script.setMinimumContentsLength(16)
        self.script.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reply = ElidingComboBox()
        self.reply.setMinimumContentsLength(16)
        self.reply.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row.addWidget(self.script, 1)
        row.addWidget(self.reply, 1)
        self._fill([])
        self.script.currentIndexChanged.connect(self._script_chosen)
        self.reply.currentIndexChanged.connect(self._reply_chosen)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.search)
        self._text = ""

    def offer_for(self, text: str) -> None:
        """The objection field changed: search shortly (one read per pause in typing)."""
        self._text = text.strip()
        self._timer.start()

    def search(self) -> None:
        text, contact_id = self._text, self.contact_id
        if not text:
            self._fill([])
            return
        ops.query(self, self.db,
                  lambda s: search_scripts(s, text, limit=8, contact_id=contact_id)[0],
                  self._fill, key=f"log-scripts-{id(self)}", on_error=lambda _e: None)

    def _fill(self, matches: list[ScriptMatch]) -> None:
        chosen = self.script.currentData()
        self.matches = {m.script_id: m for m in matches}
        self.script.blockSignals(True)
        self.script.clear()
        self.script.addItem(self.tr("（没用话术）") if not matches else
                            self.tr("（没用话术 · 找到 %1 条）").replace("%1", str(len(matches))), None)
        with_category = self.tr("%1（%2）")  # a script's title and its category
        for m in matches:
            shown = (with_category.replace("%2", m.category).replace("%1", m.title)
                     if m.category else m.title)
            self.script.addItem(shown, m.script_id)
            self.script.setItemData(self.script.count() - 1, shown, Qt.ItemDataRole.ToolTipRole)
        self.script.setCurrentIndex(max(self.script.findData(chosen), 0))
        self.script.blockSignals(False)
        self._script_chosen()

    def _script_chosen(self) -> None:
        match = self.matches.get(self.script.currentData())
        chosen = self.reply.currentData()
        self.reply.blockSignals(True)
        self.reply.clear()
        self.reply.addItem(self.tr("（应答不记录）"), None)
        for n, reply in enumerate(match.replies if match else [], 1):
            tally = reply.tally
            rate = self.tr("（%1/%2 次奏效）").replace("%1", str(tally.worked)).replace(
                "%2", str(tally.trials)) if tally.trials else ""
            self.reply.addItem(f"{n}. {reply.text}{rate}", reply.id)
            self.reply.setItemData(n, reply.text, Qt.ItemDataRole.ToolTipRole)
        self.reply.setCurrentIndex(max(self.reply.findData(chosen), 1 if match and match.replies else 0))
        self.reply.setEnabled(match is not None)
        self.reply.blockSignals(False)
        self._reply_chosen()

    def _reply_chosen(self) -> None:
        match = self.matches.get(self.script.currentData())
        reply = next((r for r in (match.replies if match else []) if r.id == self.reply.currentData()),
                     None)
        if reply is not None:
            self.reply_picked.emit(reply.text)
        self.changed.emit()

    def value(self) -> tuple[int | None, int | None]:
        return self.script.currentData(), self.reply.currentData()

    def set_value(self, value: tuple[int | None, int | None] | None) -> None:
        """Only "none" can be set directly (a script is picked from the search)."""
        if not value or value[0] is None:
            self.script.setCurrentIndex(0)


class LogInteractionDialog(FormDialog):
    """Emits ``logged(interaction_id)`` after the save is committed."""

    logged = Signal(int)

    def __init__(self, db: Database, customer_id: int, *, contact_id: int | None = None,
                 follow_up_id: int | None = None, clock: Clock = local_now,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.customer_id, self.clock = db, customer_id, clock
        self.follow_up_id = follow_up_id
        self.saving = False
        self._due_offered = False
        self.setWindowTitle(self.tr("记录跟进"))
        self.setMinimumWidth(560)
        self.heading = QLabel(self.tr("正在载入……"))
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.form = Form()
        f = self.form
        self.kind = f.choice("kind", self.tr("方式"), InteractionKind)
        self.when = f.add("occurred_at", self.tr("时间"), DateTimeField())
        self.contact = f.add("contact_id", self.tr("联系人"), QComboBox())
        self.summary = f.text("subject", self.tr("摘要"), required=True, max_length=200,
                              hint=self.tr("谈了什么，一句话"))
        self.mood = f.add("mood", self.tr("对方情绪"), EmotionPicker())
        self.needs = f.text("needs_found", self.tr("发现的需求"), max_length=4000)
        self.objections = f.text("objections", self.tr("遇到的异议"), max_length=4000,
                                 hint=self.tr("客户怎么说的，例如：太贵了（会找出对应的话术）"))
        self.script = f.add("script", self.tr("话术与应答"), ScriptPicker(db))
        self.objections.textEdited.connect(self.script.offer_for)
        self.reply = f.text("reply_used", self.tr("使用的应答"), max_length=4000,
                            hint=self.tr("用了哪条话术或怎么回答的"))
        self.script.reply_picked.connect(self._reply_picked)
        self.contact.currentIndexChanged.connect(
            lambda _i: setattr(self.script, "contact_id", self.contact.currentData()))
        self.worked = f.add("reply_worked", self.tr("应答效果"), QComboBox())
        for text, value in ((self.tr("（未记录）"), None), (self.tr("奏效"), True),
                            (self.tr("没奏效"), False)):
            self.worked.addItem(text, value)
        self.outcome = f.text("outcome", self.tr("结果"), max_length=4000)
        self.next_step = f.text("next_step", self.tr("下一步"), max_length=4000,
                                hint=self.tr("写下一步并勾选到期时间，会生成跟进提醒"))
        self.due = f.add("next_due", self.tr("下次跟进"), DueField())
        self.next_step.textEdited.connect(self._next_step_typed)
        self.complete_box = QCheckBox()
        self.complete_box.setChecked(True)
        self.complete_box.hide()
        self.error = error_label()
        buttons = save_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.complete_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        now = clock()
        self.when.set_value(now)
        self.due.when.set_value(on_working_day(at_morning(now.date() + timedelta(days=1))))
        self.summary.setFocus()
        ops.query(self, db, lambda s: log_form(s, customer_id, contact_id=contact_id,
                                               follow_up_id=follow_up_id), self._loaded,
                  on_error=self._load_failed)

    def _reply_picked(self, text: str) -> None:
        """A picked reply fills the free-text field unless the user wrote their own."""
        current = self.reply.text()
        if not current or current == getattr(self, "_picked_text", None):
            self.reply.setText(text[:4000])
            self.reply.setCursorPosition(0)  # the reply's beginning, not its end
            self._picked_text = text[:4000]

    def _next_step_typed(self, text: str) -> None:
        """A next step usually wants a reminder: tick it the first time (the user may untick)."""
        if text and not self._due_offered:
            self._due_offered = True
            self.due.enabled.setChecked(True)

    # ------------------------------------------------------------------ loading

    def _loaded(self, data: LogForm) -> None:
        self.heading.setText(data.customer_name)
        self.contact.clear()
        self.contact.addItem(self.tr("（不指定）"), None)
        for cid, name, emotion in data.contacts:
            text = name if not emotion else self.tr("%1（上次：%2）").replace("%1", name).replace(
                "%2", self._emotion(emotion))
            self.contact.addItem(text, cid)
        index = self.contact.findData(data.contact_id)
        self.contact.setCurrentIndex(max(index, 0))
        self.script.contact_id = data.contact_id
        self.kind.set_value(data.kind)
        if data.follow_up_id is not None and data.follow_up_title:
            self.complete_box.setText(self.tr("同时完成提醒“%1”").replace("%1", data.follow_up_title))
            self.complete_box.show()
        self.form.mark_clean()
        self.save_button.setEnabled(True)

    def _emotion(self, code: str) -> str:
        from ...models.enums import Emotion

        return enum_label(Emotion, code)

    def _load_failed(self, exc: BaseException) -> None:
        self.heading.setText(str(exc) if isinstance(exc, UserError) else self.tr("无法载入客户"))

    # ------------------------------------------------------------------ saving

    def values(self) -> dict[str, Any]:
        v = self.form.values()
        return {
            "kind": v["kind"] or "", "occurred_at": v["occurred_at"],
            "contact_id": self.contact.currentData(), "summary": v["subject"],
            "mood": v["mood"], "needs": v["needs_found"] or None,
            "objections": v["objections"] or None, "reply_used": v["reply_used"] or None,
            "script_id": v["script"][0], "reply_id": v["script"][1],
            "reply_worked": self.worked.currentData(), "outcome": v["outcome"] or None,
            "next_step": v["next_step"] or None,
            "next_due": v["next_due"],
            "completes": self.follow_up_id if self.follow_up_id is not None
            and self.complete_box.isChecked() else None,
        }

    def save(self) -> None:
        if self.saving or not self.save_button.isEnabled():
            return
        self.saving = True
        self.error.hide()
        self.form.clear_errors()
        values, customer_id, clock = self.values(), self.customer_id, self.clock
        ops.write(self, self.db,
                  lambda s: log_interaction(s, customer_id, clock=clock, **values).id,
                  self.saved_as, on_error=self.save_failed)

    def on_saved(self, saved_id: int) -> None:
        self.logged.emit(saved_id)


def open_log_dialog(parent: QWidget | None, db: Database, customer_id: int, *,
                    contact_id: int | None = None, follow_up_id: int | None = None,
                    clock: Clock = local_now) -> LogInteractionDialog:
    """Show the dialog (non-blocking, freed when closed) — what Ctrl+L calls anywhere."""
    dialog = LogInteractionDialog(db, customer_id, contact_id=contact_id,
                                  follow_up_id=follow_up_id, clock=clock, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog

