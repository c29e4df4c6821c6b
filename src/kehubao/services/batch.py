"""Helpers for changing thousands of rows at once with set-based statements: chunk size,
progress that covers the work the commit would do, and loaded objects kept true."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from .tracking import Progress, run_pre_commit_hooks

# Rows per statement on set-based paths: well under SQLite's bound-parameter limit.
CHUNK = 500
WORK_SHARE = 0.3  # of a bulk action's progress bar; the pre-commit work takes the rest


def scaled(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` seen through a part of its range (None stays None)."""
    if progress is None:
        return None
    return lambda fraction: progress(start + (end - start) * fraction)


def finish(session: Session, progress: Progress | None) -> None:
    """After a bulk change made with ``scaled(progress, 0, WORK_SHARE)``: run the
    pre-commit work it caused (search index, figures) now, with the rest of the bar, so
    a progress bar moves until the end instead of waiting at 100 % for the commit.
    Without a progress callback that work runs at commit as usual."""
    if progress is not None:
        run_pre_commit_hooks(session, scaled(progress, WORK_SHARE, 1.0))


def update_loaded(session: Session, model: type,
                  values: Mapping[int, Mapping[str, Any]] | Callable[[int], Mapping[str, Any]],
                  ids: Iterable[int] | None = None) -> None:
    """Give loaded objects of rows changed behind the ORM's back their new values, as
    loaded state (nothing to flush). Expiring them would not do: sessions here keep
    objects after commit, and an expired attribute of a closed session's object raises.

    ``values``: id → {attribute: new value}, or a function of the id with ``ids``."""
    wanted = set(values if ids is None else ids)  # type: ignore[arg-type]
    if not wanted:
        return
    lookup = values if callable(values) else values.__getitem__
    for obj in list(session.identity_map.values()):
        if isinstance(obj, model) and getattr(obj, "id", None) in wanted:
            for key, value in lookup(obj.id).items():
                set_committed_value(obj, key, value)
