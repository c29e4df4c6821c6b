"""Settings that belong to the data (stored in the `setting` table as JSON), read with a
default so a database that never saved a value behaves like a fresh install.

Per-machine UI state (window sizes, the language) stays in QSettings; what travels with
the database — reminder switches, the letterhead, remembered import mappings — lives here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..models import Setting


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    """The stored value of `key`, or `default` when it was never saved."""
    row = session.get(Setting, key)
    return default if row is None else row.value


def put_setting(session: Session, key: str, value: Any) -> None:
    """Store `value` (anything JSON can hold) under `key`, replacing what was there."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
