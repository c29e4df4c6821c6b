"""Tools → 提醒设置: every automatic reminder switched and tuned, saved through
save_reminder_settings; and "close to tray", honoured by the window (Ctrl+Q still quits)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kehubao.services.followups import DEFAULT_SETTINGS, reminder_settings
from kehubao.ui import ops


def test_settings_load_save_and_are_what_the_generator_reads(qtbot, window, db) -> None:
    from kehubao.ui.followups.reminder_settings import ReminderSettingsDialog, close_to_tray

    action = window.actions_by_name["reminder_settings"]
    tools = next(m for m in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
                 if m.title() == "工具(&T)")
    assert action in tools.actions()
    action.trigger()
    dialog = window.findChild(ReminderSettingsDialog)
    ops.wait_idle()
    assert dialog.values() == DEFAULT_SETTINGS
    assert not dialog.tray.isChecked() and not close_to_tray()
    dialog.birthday_days.setValue(7)
    dialog.dormant_days["4"].setValue(10)
    dialog.payments.setChecked(False)
    assert not dialog.payment_days.isEnabled()  # a switched-off reminder greys its figures
    dialog.holidays.setChecked(False)
    dialog.tray.setChecked(True)
    dialog.save()
    ops.wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with db.session(write=False) as s:
        stored = reminder_settings(s)
    assert stored["birthday_days_before"] == 7 and stored["payments"] is False
    assert stored["dormant_days"] == {"4": 10, "2": 21, "3": 30, "other": 60}
    assert stored["holidays"] is False
    assert close_to_tray()


class FakeTray(QObject):
    """A visible tray icon (the offscreen platform has no system tray); the section's
    reminders may start on it later in the test."""

    messageClicked = Signal()  # noqa: N815
    activated = Signal(object)

    def isVisible(self) -> bool:  # noqa: N802
        return True

    def showMessage(self, *args) -> None:  # noqa: N802
        pass


def test_close_goes_to_the_tray_when_asked_and_ctrl_q_quits(qtbot, window) -> None:
    from PySide6.QtCore import QSettings

    from kehubao.ui.followups.reminder_settings import CLOSE_TO_TRAY

    section = window.section("followups")
    section.tray = FakeTray(window)
    assert not section.close_to_tray()  # off by default
    QSettings().setValue(CLOSE_TO_TRAY, True)
    assert section.close_to_tray()
    assert window.close() is False  # the close was refused: hidden, still running
    assert not window.isVisible()
    window.show()
    section.tray = None  # no tray to come back from: closing would close
    assert not section.close_to_tray()
    section.tray = FakeTray(window)
    closed: list[bool] = []
    real_close = window.bus.close
    window.bus.close = lambda: (closed.append(True), real_close())  # the window's last step
    window.actions_by_name["quit"].trigger()  # Ctrl+Q quits whatever the setting
    assert window.quitting and not window.isVisible() and closed == [True]
