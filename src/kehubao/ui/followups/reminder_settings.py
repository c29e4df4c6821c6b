"""Tools → 提醒设置: each automatic reminder switched on or off and tuned (birthdays how
many days before, how long each class of customer may go without contact, payments,
holidays), saved with ``save_reminder_settings`` through ``ops.write`` — the next
generation then follows the new rules. "Close to the tray" is a setting of this
computer, not of the database, so it lives in QSettings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import ValueClass
from ...services.followups import reminder_settings, save_reminder_settings
from .. import ops
from ..i18n import enum_label
from ..widgets.forms import save_buttons

CLOSE_TO_TRAY = "followups/close_to_tray"


def close_to_tray() -> bool:
    """Whether closing the window keeps the app running in the tray (off by default)."""
    return QSettings().value(CLOSE_TO_TRAY, False, type=bool)


def _days(low: int, high: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class ReminderSettingsDialog(QDialog):
    saved = Signal(dict)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("提醒设置"))
        self.setMinimumWidth(480)
        day = self.tr(" 天")
        self.birthdays = QCheckBox(self.tr("联系人生日（公历和农历）"))
        self.birthday_days = _days(0, 60, day)
        self.dormant = QCheckBox(self.tr("久未联系的重要客户"))
        self.dormant_days = {code: _days(1, 999, day) for code in ("4", "2", "3", "other")}
        self.dormant_unclassified = QCheckBox(self.tr("未分类的客户也提醒"))
        self.payments = QCheckBox(self.tr("回款到期与逾期"))
        self.payment_days = _days(0, 60, day)
        self.payment_lookback = _days(1, 365, day)
        self.holidays = QCheckBox(self.tr("到期日落在法定节假日时标出"))
        self.tray = QCheckBox(self.tr("关闭窗口时最小化到托盘（继续提醒）"))

        birthday_box = QGroupBox()
        form = QFormLayout(birthday_box)
        form.addRow(self.birthdays)
        form.addRow(self.tr("提前："), self.birthday_days)
        dormant_box = QGroupBox()
        form = QFormLayout(dormant_box)
        form.addRow(self.dormant)
        for code, box in self.dormant_days.items():
            caption = enum_label(ValueClass, code) if code != "other" else self.tr("其他客户")
            form.addRow(self.tr("%1：超过").replace("%1", caption), box)
        form.addRow(self.dormant_unclassified)
        payment_box = QGroupBox()
        form = QFormLayout(payment_box)
        form.addRow(self.payments)
        form.addRow(self.tr("到期前："), self.payment_days)
        form.addRow(self.tr("逾期回看："), self.payment_lookback)
        other_box = QGroupBox()
        other = QVBoxLayout(other_box)
        other.addWidget(self.holidays)
        other.addWidget(self.tray)
        self.birthdays.toggled.connect(self.birthday_days.setEnabled)
        self.dormant.toggled.connect(lambda on: [b.setEnabled(on) for b in
                                                 (*self.dormant_days.values(), self.dormant_unclassified)])
        self.payments.toggled.connect(self.payment_days.setEnabled)
        self.payments.toggled.connect(self.payment_lookback.setEnabled)

        self.error = QLabel()
        self.error.setStyleSheet("color:#c62828;")
        self.error.hide()
        buttons = save_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        layout = QVBoxLayout(self)
        for box in (birthday_box, dormant_box, payment_box, other_box):
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.tray.setChecked(close_to_tray())
        ops.query(self, db, reminder_settings, self._loaded)

    def _loaded(self, settings: dict[str, Any]) -> None:
        self.birthdays.setChecked(settings["birthdays"])
        self.birthday_days.setValue(int(settings["birthday_days_before"]))
        self.dormant.setChecked(settings["dormant"])
        for code, box in self.dormant_days.items():
            box.setValue(int(settings["dormant_days"][code]))
        self.dormant_unclassified.setChecked(bool(settings["dormant_unclassified"]))
        self.payments.setChecked(settings["payments"])
        self.payment_days.setValue(int(settings["payment_days_before"]))
        self.payment_lookback.setValue(int(settings["payment_overdue_lookback_days"]))
        self.holidays.setChecked(settings["holidays"])
        for box in (self.birthdays, self.dormant, self.payments):
            box.toggled.emit(box.isChecked())
        self.save_button.setEnabled(True)

    def values(self) -> dict[str, Any]:
        return {
            "birthdays": self.birthdays.isChecked(),
            "birthday_days_before": self.birthday_days.value(),
            "dormant": self.dormant.isChecked(),
            "dormant_days": {code: box.value() for code, box in self.dormant_days.items()},
            "dormant_unclassified": self.dormant_unclassified.isChecked(),
            "payments": self.payments.isChecked(),
            "payment_days_before": self.payment_days.value(),
            "payment_overdue_lookback_days": self.payment_lookback.value(),
            "holidays": self.holidays.isChecked(),
        }

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.save_button.setEnabled(False)
        QSettings().setValue(CLOSE_TO_TRAY, self.tray.isChecked())
        values = self.values()
        ops.write(self, self.db, lambda s: save_reminder_settings(s, values), self._saved,
                  on_error=self._failed)

    def _saved(self, settings: dict[str, Any]) -> None:
        self.saved.emit(settings)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(self.tr("没有保存：%1").replace("%1", str(exc)))
        self.error.show()
