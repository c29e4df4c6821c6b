"""The Qt binding the app runs on must not corrupt Python's own objects: PySide6 6.12.0
dropped a reference to ``True`` on every signal emit and disconnect, so after enough of
them the interpreter aborted ("Fatal Python error: bool_dealloc") — the crash at quit
that issue #11 reported. The dependency excludes that release; this keeps it excluded."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object)


def test_emitting_and_disconnecting_signals_keeps_python_bools_intact(qapp) -> None:
    emitter = _Emitter()
    received: list[object] = []

    def slot(value: object) -> None:
        received.append(value)

    before = sys.getrefcount(True)
    for n in range(100):
        emitter.fired.connect(slot)
        emitter.fired.emit(n)
        emitter.fired.disconnect(slot)
    assert len(received) == 100
    assert sys.getrefcount(True) >= before - 5  # a few may be held elsewhere; 200 were lost
