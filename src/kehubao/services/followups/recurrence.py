"""Recurring follow-ups as iCalendar RRULE text (what `FollowUp.recurrence` stores and
what an .ics export carries), built from the few patterns a salesperson picks.

The rules are written so month ends do what a person expects: "monthly on the 31st"
falls on 30 April and 28/29 February (`BYMONTHDAY=31,-1;BYSETPOS=1`: the 31st if the
month has one, else its last day), and "yearly on 29 February" falls on 28 February in
common years. Each occurrence is one follow-up row whose `due_at` anchors the rule, so
the next one is always computed from the one just done.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from dateutil.rrule import rrulestr

from ...errors import ValidationError
from ...texts import Text

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_LABELS = ("一", "二", "三", "四", "五", "六", "日")
PATTERNS = ("daily", "weekdays", "weekly", "monthly", "monthly_last", "every_n_days", "yearly")


def build_rrule(pattern: str, start: datetime, *, interval: int = 1,
                weekdays: Sequence[int] = (), month_day: int | None = None) -> str:
    """RRULE text for one of PATTERNS anchored at `start` (the first due time).

    weekdays: 0=Monday..6=Sunday, for "weekly" (defaults to start's weekday);
    month_day: for "monthly" (defaults to start's day); interval: every N days/weeks/
    months/years."""
    if interval < 1 or interval > 999:
        raise ValidationError("重复间隔必须在 1 到 999 之间", {"recurrence": Text("重复间隔不对")})
    every = f";INTERVAL={interval}" if interval > 1 else ""
    if pattern == "daily":
        return f"FREQ=DAILY{every}"
    if pattern == "every_n_days":
        return f"FREQ=DAILY;INTERVAL={interval}"
    if pattern == "weekdays":
        return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"
    if pattern == "weekly":
        days = sorted(set(weekdays)) or [start.weekday()]
        if any(d not in range(7) for d in days):
            raise ValidationError("星期只能是周一到周日", {"recurrence": Text("星期不对")})
        return f"FREQ=WEEKLY{every};BYDAY=" + ",".join(WEEKDAY_CODES[d] for d in days)
    if pattern == "monthly":
        day = month_day or start.day
        if not 1 <= day <= 31:
            raise ValidationError("每月的日期必须在 1 到 31 之间", {"recurrence": Text("日期不对")})
        if day <= 28:
            return f"FREQ=MONTHLY{every};BYMONTHDAY={day}"
        return f"FREQ=MONTHLY{every};BYMONTHDAY={day},-1;BYSETPOS=1"
    if pattern == "monthly_last":
        return f"FREQ=MONTHLY{every};BYMONTHDAY=-1"
    if pattern == "yearly":
        if start.month == 2 and start.day == 29:
            return f"FREQ=YEARLY{every};BYMONTH=2;BYMONTHDAY=29,-1;BYSETPOS=1"
        return f"FREQ=YEARLY{every};BYMONTH={start.month};BYMONTHDAY={start.day}"
    raise ValidationError("不认识的重复方式：{pattern}", {"recurrence": Text("重复方式不对")}, pattern=pattern)


def check_rrule(text: str | None) -> str | None:
    """Validated RRULE text (upper case, no DTSTART), or None for "does not repeat"."""
    if text is None or not text.strip():
        return None
    text = text.strip().upper()
    if text.startswith("RRULE:"):
        text = text[6:]
    if "DTSTART" in text or "COUNT=" in text or len(text) > 120:
        raise ValidationError("重复规则不对", {"recurrence": Text("重复规则不对")})
    try:
        rrulestr(text, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError):
        raise ValidationError("看不懂的重复规则：{text}", {"recurrence": Text("重复规则不对")}, text=text) from None
    return text


def next_occurrence(rule: str, after: datetime, anchor: datetime) -> datetime | None:
    """The first occurrence of `rule` (anchored at `anchor`, the current due time)
    strictly later than `after`; None when the rule has ended (UNTIL)."""
    return rrulestr(rule, dtstart=anchor).after(after, inc=False)


def occurrences(rule: str, anchor: datetime, until: datetime) -> list[datetime]:
    """Occurrences from `anchor` (included when it matches) up to `until`."""
    return list(rrulestr(rule, dtstart=anchor).between(anchor, until, inc=True))


def describe_rrule(rule: str | None) -> str:
    """A short Chinese description for lists: 每天, 每周一、三, 每月31日（无则月末）..."""
    if not rule:
        return "不重复"
    parts = dict(p.split("=", 1) for p in rule.split(";") if "=" in p)
    freq, n = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1"))
    if freq == "DAILY":
        return "每天" if n == 1 else f"每 {n} 天"
    if freq == "WEEKLY":
        days = parts.get("BYDAY", "")
        if days == "MO,TU,WE,TH,FR":
            return "工作日（周一至周五）"
        names = "、".join(WEEKDAY_LABELS[WEEKDAY_CODES.index(d)] for d in days.split(",") if d)
        return ("每周" if n == 1 else f"每 {n} 周") + (f"{names}" if names else "")
    if freq == "MONTHLY":
        every = "每月" if n == 1 else f"每 {n} 个月"
        days = parts.get("BYMONTHDAY", "")
        if days == "-1":
            return f"{every}最后一天"
        if days.endswith(",-1"):
            return f"{every} {days.split(',')[0]} 日（没有这天则为月末）"
        return f"{every} {days} 日" if days else every
    if freq == "YEARLY":
        month, day = parts.get("BYMONTH", ""), parts.get("BYMONTHDAY", "").split(",")[0]
        when = f" {month} 月 {day} 日" if month and day else ""
        return ("每年" if n == 1 else f"每 {n} 年") + when
    return rule


def parse_rrule(rule: str | None) -> dict:
    """The editor's choices for RRULE text `build_rrule` wrote: pattern ("" for none),
    interval, weekdays (0=Monday) and month_day — so an existing rule opens as picked."""
    out: dict = {"pattern": "", "interval": 1, "weekdays": [], "month_day": None}
    if not rule:
        return out
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    freq, n = parts.get("FREQ", ""), int(parts.get("INTERVAL", "1") or 1)
    days, month_days = parts.get("BYDAY", ""), parts.get("BYMONTHDAY", "")
    out["interval"] = n
    if freq == "DAILY":
        out["pattern"] = "daily" if n == 1 else "every_n_days"
    elif freq == "WEEKLY" and days == "MO,TU,WE,TH,FR" and n == 1:
        out["pattern"] = "weekdays"
    elif freq == "WEEKLY":
        out["pattern"] = "weekly"
        out["weekdays"] = [WEEKDAY_CODES.index(d) for d in days.split(",") if d in WEEKDAY_CODES]
    elif freq == "MONTHLY" and month_days == "-1":
        out["pattern"] = "monthly_last"
    elif freq == "MONTHLY":
        out["pattern"] = "monthly"
        first = month_days.split(",")[0]
        out["month_day"] = int(first) if first.lstrip("-").isdigit() and int(first) > 0 else None
    elif freq == "YEARLY":
        out["pattern"] = "yearly"
    return out
