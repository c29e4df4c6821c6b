"""The system-wide hotkey on Windows (RegisterHotKey), so the quick panel opens while
another program (WeChat, the phone software) has the focus.

Windows only, imported behind ``sys.platform == "win32"``; elsewhere the in-app
shortcut is all there is. When another program already holds the key combination,
RegisterHotKey fails and ``register`` returns the sentence to show the user. Written
against the documented Win32 API; it could not be run on the Linux machine it was
written on."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from ctypes import wintypes

from PySide6.QtCore import QAbstractNativeEventFilter, QCoreApplication, QObject
from PySide6.QtGui import QKeySequence

WM_HOTKEY = 0x0312
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
HOTKEY_ID = 0x4B48  # "KH"
_VK = {"Space": 0x20, "F1": 0x70, "F2": 0x71, "F3": 0x72, "F4": 0x73, "F5": 0x74, "F6": 0x75,
       "F7": 0x76, "F8": 0x77, "F9": 0x78, "F10": 0x79, "F11": 0x7A, "F12": 0x7B}


def parse_sequence(text: str) -> tuple[int, int] | None:
    """"Ctrl+Shift+Space" → (modifiers, virtual key); None when it cannot be a hotkey."""
    parts = [p.strip() for p in QKeySequence(text).toString().split("+") if p.strip()]
    if not parts:
        return None
    mods = 0
    for part in parts[:-1]:
        mods |= {"Ctrl": MOD_CONTROL, "Shift": MOD_SHIFT, "Alt": MOD_ALT, "Meta": MOD_WIN}.get(part, 0)
    key = parts[-1]
    if len(key) == 1 and key.isalnum():
        vk = ord(key.upper())
    else:
        vk = _VK.get(key, 0)
    if not vk or not mods:
        return None
    return mods, vk


class _Filter(QAbstractNativeEventFilter):
    def __init__(self, on_hotkey: Callable[[], None]) -> None:
        super().__init__()
        self.on_hotkey = on_hotkey

    def nativeEventFilter(self, event_type, message):  # type: ignore[no-untyped-def]  # noqa: N802
        if event_type == b"windows_generic_MSG":
            msg = wintypes.MSG.from_address(int(message))
            if msg.message == WM_HOTKEY and msg.wParam == HOTKEY_ID:
                self.on_hotkey()
                return True, 0
        return False, 0


class GlobalHotkey(QObject):
    """One registered system-wide hotkey; `unregister` (or application exit) frees it."""

    def __init__(self, on_hotkey: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filter = _Filter(on_hotkey)
        self._registered = False

    def register(self, sequence: str) -> str | None:
        """Take `sequence` system-wide; None on success, else the message for the user."""
        assert sys.platform == "win32"
        self.unregister()
        parsed = parse_sequence(sequence)
        if parsed is None:
            return QCoreApplication.translate(
                "Hotkey", "“%1”不能用作全局快捷键，请包含 Ctrl、Alt 或 Shift 加一个键。").replace(
                "%1", sequence)
        mods, vk = parsed
        user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        if not user32.RegisterHotKey(None, HOTKEY_ID, mods | MOD_NOREPEAT, vk):
            error = ctypes.GetLastError()  # type: ignore[attr-defined]
            if error == ERROR_HOTKEY_ALREADY_REGISTERED:
                return QCoreApplication.translate(
                    "Hotkey", "全局快捷键“%1”已被其他程序占用：关闭那个程序后重新打开客户宝即可使用。"
                    "在客户宝窗口内，这个快捷键仍然可用。").replace("%1", sequence)
            return QCoreApplication.translate(
                "Hotkey", "无法注册全局快捷键“%1”（错误 %2）。").replace(
                "%1", sequence).replace("%2", str(error))
        QCoreApplication.instance().installNativeEventFilter(self._filter)
        self._registered = True
        return None

    def unregister(self) -> None:
        if self._registered:
            ctypes.windll.user32.UnregisterHotKey(None, HOTKEY_ID)  # type: ignore[attr-defined]
            QCoreApplication.instance().removeNativeEventFilter(self._filter)
            self._registered = False
