"""Which backups to keep: the rule, as a pure function (tested without files).

After Anki: the newest few always, then one per day for 12 days, one per week for 10
weeks and one per month for 9 months, so a mistake noticed today, last week or last
season can still be undone, while the folder stays a few dozen files. The backups made
before a risky action (an import, a merge, a bulk delete, a restore, a migration) are
kept for a week besides, at most the newest ten of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

RECENT = 4
DAILY = 12
WEEKLY = 10
MONTHLY = 9
BEFORE_ACTION_DAYS = 7
BEFORE_ACTION_MAX = 10

# Reasons of the backups a timer or the user makes; any other reason is "before X".
REGULAR_REASONS = frozenset({"auto", "start", "exit", "manual"})


@dataclass(frozen=True)
class Dated:
    """The two facts the rule needs about a backup."""

    key: str
    created_at: datetime
    reason: str


def backups_to_keep(backups: Sequence[Dated], now: datetime) -> set[str]:
    """The keys of the backups the rule keeps; every other one may be deleted."""
    newest_first = sorted(backups, key=lambda b: b.created_at, reverse=True)
    regular = [b for b in newest_first if b.reason in REGULAR_REASONS]
    keep = {b.key for b in newest_first[:RECENT]}
    keep |= _newest_per_bucket(regular, lambda d: d.date(), DAILY)
    keep |= _newest_per_bucket(regular, lambda d: d.isocalendar()[:2], WEEKLY)
    keep |= _newest_per_bucket(regular, lambda d: (d.year, d.month), MONTHLY)
    recent_actions = [b for b in newest_first if b.reason not in REGULAR_REASONS
                      and now - b.created_at <= timedelta(days=BEFORE_ACTION_DAYS)]
    keep |= {b.key for b in recent_actions[:BEFORE_ACTION_MAX]}
    return keep


def _newest_per_bucket(newest_first: Iterable[Dated], bucket, limit: int) -> set[str]:  # type: ignore[no-untyped-def]
    """The newest backup of each of the `limit` newest buckets (days, weeks, months)."""
    kept: dict[object, str] = {}
    for backup in newest_first:
        key = bucket(backup.created_at)
        if key not in kept:
            if len(kept) == limit:
                break
            kept[key] = backup.key
    return set(kept.values())
