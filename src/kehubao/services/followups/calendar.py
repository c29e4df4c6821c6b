"""The follow-up calendar: per day of a visible range (a week, a month), the follow-ups
due that day and the visits made, with the day's holiday.

A month of the 200,000-customer demo holds over 50,000 follow-ups, far more than a
month cell can show, so each day is counted in full (one grouped scan of the covering
`status, due_at` index) but listed only `per_day` items deep (one small indexed query
per day), and only the items listed are joined to their customers. The range is read
in one unit of work, whatever its size, in well under a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...models import Customer, FollowUp, Interaction
from ...models.enums import InteractionKind
from .holidays import day_kind

VISIT_KINDS = (InteractionKind.VISIT.value, InteractionKind.MEETING.value)
_RANK = {("follow_up", False): 0, ("visit", True): 1, ("follow_up", True): 2}


@dataclass(frozen=True)
class CalendarItem:
    """One entry of a day: an open or done follow-up, or a visit made."""

    kind: str  # "follow_up" | "visit"
    ref_id: int  # follow-up id or interaction id
    when: datetime
    title: str
    customer_id: int
    customer_name: str
    done: bool = False  # a follow-up already dealt with (visits are always done)
    priority: int = 1
    snoozed: bool = False

    @property
    def movable(self) -> bool:
        """Only open follow-ups can be rescheduled; the past does not move."""
        return self.kind == "follow_up" and not self.done


@dataclass
class CalendarDay:
    day: date
    holiday: str | None
    working: bool
    in_lieu: bool  # a weekend worked in lieu (调休上班)
    total: int = 0
    items: list[CalendarItem] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        return self.total - len(self.items)


@dataclass
class CalendarRange:
    start: date
    end: date  # exclusive
    days: dict[date, CalendarDay] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(d.total for d in self.days.values())


def calendar_range(session: Session, start: date, end: date, *, per_day: int = 8) -> CalendarRange:
    """Follow-ups (open first, then done; cancelled and deleted left out) and visits from
    `start` to `end` (exclusive), each day counted in full and listed `per_day` deep,
    in time order. A snoozed follow-up sits on the day its snooze ends."""
    if end <= start or (end - start).days > 62:
        raise ValueError("a calendar range is one day to two months")
    out = CalendarRange(start, end)
    day = start
    while day < end:
        kind = day_kind(day)
        out.days[day] = CalendarDay(day, kind.holiday, kind.working, kind.in_lieu)
        day += timedelta(days=1)
    low, high = _midnight(start), _midnight(end)
    live = (FollowUp.deleted_at.is_(None), FollowUp.status.in_(("open", "done")))
    plain = (*live, FollowUp.snoozed_until.is_(None), FollowUp.due_at >= low, FollowUp.due_at < high)
    for day_text, count in session.execute(
            select(func.date(FollowUp.due_at), func.count()).where(*plain)
            .group_by(func.date(FollowUp.due_at))):
        out.days[date.fromisoformat(day_text)].total += count
    snoozed = session.execute(
        select(FollowUp.id, FollowUp.snoozed_until, FollowUp.status, FollowUp.deleted_at)
        .where(FollowUp.snoozed_until.is_not(None), FollowUp.snoozed_until >= low,
               FollowUp.snoozed_until < high)).all()
    snoozed = [(fid, until) for fid, until, status, deleted in snoozed
               if deleted is None and status in ("open", "done")]
    for _fid, until in snoozed:
        out.days[until.date()].total += 1
    visits = (Interaction.deleted_at.is_(None), Interaction.kind.in_(VISIT_KINDS),
              Interaction.occurred_at >= low, Interaction.occurred_at < high)
    for day_text, count in session.execute(
            select(func.date(Interaction.occurred_at), func.count()).where(*visits)
            .group_by(func.date(Interaction.occurred_at))):
        out.days[date.fromisoformat(day_text)].total += count
    if per_day > 0:
        _list_items(session, out, per_day, snoozed)
    return out


def _list_items(session: Session, out: CalendarRange, per_day: int,
                snoozed: list[tuple[int, datetime]]) -> None:
    """The first `per_day` items of every day that has any: open follow-ups by time,
    then visits, then done follow-ups — what needs doing before what was done."""
    follow_ups: dict[date, list[int]] = {}
    visits: dict[date, list[int]] = {}
    snoozed_by_day: dict[date, list[tuple[datetime, int]]] = {}
    for fid, until in snoozed:
        snoozed_by_day.setdefault(until.date(), []).append((until, fid))
    for day, cell in out.days.items():
        if not cell.total:
            continue
        low, high = _midnight(day), _midnight(day + timedelta(days=1))
        chosen: list[int] = [fid for _u, fid in sorted(snoozed_by_day.get(day, []))][:per_day]
        for status in ("open", "done"):
            room = per_day - len(chosen)
            if room <= 0:
                break
            chosen += session.scalars(
                select(FollowUp.id).where(
                    FollowUp.status == status, FollowUp.due_at >= low, FollowUp.due_at < high,
                    FollowUp.deleted_at.is_(None), FollowUp.snoozed_until.is_(None))
                .order_by(FollowUp.due_at, FollowUp.priority.desc(), FollowUp.id).limit(room)).all()
        follow_ups[day] = chosen
        room = per_day - len(chosen)
        if room > 0:
            visits[day] = list(session.scalars(
                select(Interaction.id).where(
                    Interaction.occurred_at >= low, Interaction.occurred_at < high,
                    Interaction.kind.in_(VISIT_KINDS), Interaction.deleted_at.is_(None))
                .order_by(Interaction.occurred_at, Interaction.id).limit(room)).all())
    items: dict[tuple[str, int], CalendarItem] = {}
    ids = [fid for chosen in follow_ups.values() for fid in chosen]
    for chunk in _chunks(ids):
        for fu, name in session.execute(
                select(FollowUp, Customer.name).join(Customer, Customer.id == FollowUp.customer_id)
                .where(FollowUp.id.in_(chunk))):
            items[("follow_up", fu.id)] = CalendarItem(
                "follow_up", fu.id, fu.snoozed_until or fu.due_at, fu.title, fu.customer_id, name,
                done=fu.status != "open", priority=fu.priority, snoozed=fu.snoozed_until is not None)
    ids = [iid for chosen in visits.values() for iid in chosen]
    for chunk in _chunks(ids):
        for iid, when, subject, customer_id, name in session.execute(
                select(Interaction.id, Interaction.occurred_at, Interaction.subject,
                       Interaction.customer_id, Customer.name)
                .join(Customer, Customer.id == Interaction.customer_id)
                .where(Interaction.id.in_(chunk))):
            items[("visit", iid)] = CalendarItem("visit", iid, when, subject, customer_id, name,
                                                 done=True)
    for day, cell in out.days.items():
        listed = [items[("follow_up", i)] for i in follow_ups.get(day, []) if ("follow_up", i) in items]
        listed += [items[("visit", i)] for i in visits.get(day, []) if ("visit", i) in items]
        cell.items = sorted(listed, key=lambda it: (_RANK[(it.kind, it.done)], it.when, it.ref_id))


def month_grid(year: int, month: int) -> tuple[date, date]:
    """The six weeks (Monday first) a month view shows: its first and end (exclusive) day."""
    first = date(year, month, 1)
    start = first - timedelta(days=first.weekday())
    return start, start + timedelta(days=42)


def week_of(day: date) -> tuple[date, date]:
    """The Monday-to-Sunday week holding `day`."""
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=7)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]
