"""The one small event bus: after a commit, every open view learns what changed.

Plain Python (no Qt) so that services can publish from any thread; the UI subscribes
through an adapter that re-emits on the GUI thread (ui/bus.py).
"""

from __future__ import annotations

import inspect
import logging
import threading
import weakref
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
    """Listeners that are bound methods are held weakly: a view that goes away without
    unsubscribing (a window closed by a crash, a test that forgot) is dropped instead of
    being called — a Qt object freed under a live listener is how a quit crashes."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[], Listener | None]] = []
        self._lock = threading.Lock()

    @staticmethod
    def _ref(listener: Listener) -> Callable[[], Listener | None]:
        if inspect.ismethod(listener):
            return weakref.WeakMethod(listener)
        return lambda: listener

    def subscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners.append(self._ref(listener))

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            self._listeners = [ref for ref in self._listeners if ref() not in (None, listener)]

    def publish(self, changes: Iterable[Change]) -> None:
        changes = [c for c in changes]
        if not changes:
            return
        with self._lock:
            listeners = [listener for ref in self._listeners if (listener := ref()) is not None]
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # a broken view must not break the commit that already happened
                log.exception("event listener failed")


bus = EventBus()
