"""The event bus, seen from Qt: changes published by services on any thread arrive as a
signal on the GUI thread, so a view can refresh what changed without locking."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ..services.events import Change, bus


class QtBus(QObject):
    changed = Signal(object)  # list[Change]
    _relay = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._relay.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        bus.subscribe(self._on_change)

    def _on_change(self, changes: list[Change]) -> None:
        self._relay.emit(changes)  # queued: crosses to the GUI thread

    @Slot(object)
    def _deliver(self, changes: list[Change]) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        bus.unsubscribe(self._on_change)


def touches(changes: list[Change], *entities: str) -> bool:
    return any(c.entity in entities for c in changes)
