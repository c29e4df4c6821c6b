"""The one small event bus: after a commit, every open view learns what changed.

Plain Python (no Qt) so that services can publish from any thread; the UI subscribes
through an adapter that re-emits on the GUI thread (ui/bus.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """Rows of one entity changed. An empty `ids` means "many rows; refresh everything"."""

    entity: str
    ids: frozenset[int] = frozenset()


Listener = Callable[[list[Change]], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def publish(self, changes: Iterable[Change]) -> None:
        changes = [c for c in changes]
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # a broken view must not break the commit that already happened
                log.exception("event listener failed")


bus = EventBus()
