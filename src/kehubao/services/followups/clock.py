"""The clock every follow-up rule reads, injectable so tests never depend on today.

Planned times are naive local wall time (see models/base.py): "call at 9:00" means 9:00
wherever the salesperson is, so the clock gives naive local time too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

Clock = Callable[[], datetime]

MORNING = time(9, 0)  # when "tomorrow" and generated reminders are due


def local_now() -> datetime:
    """Naive local wall time, to the second."""
    return datetime.now().replace(microsecond=0)


def at_morning(day: date) -> datetime:
    return datetime.combine(day, MORNING)
