"""Follow-ups as an iCalendar file (.ics) for Outlook and phone calendars.

Each open follow-up becomes a VEVENT (calendars show events everywhere; to-dos only in
some apps) of 30 minutes at its due time in Asia/Shanghai — planned times are local wall
time, and China has one zone — with its RRULE when it repeats and a display alarm
15 minutes before. The UID is stable (`followup-<id>@kehubao`), so importing a newer
export updates the events instead of duplicating them.

What a calendar shows of the program's own words (the calendar's name, the captions of
an event's description, the kind as its category) is in the user's language
(``texts.Text``): English from an English window, Chinese from the CLI. The PRODID names
the program for other programs and stays as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vRecur
from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Customer, FollowUp
from ...models.enums import FollowUpKind
from ...texts import Text
from .clock import Clock, local_now

ZONE = ZoneInfo("Asia/Shanghai")
DURATION = timedelta(minutes=30)
ALARM_BEFORE = timedelta(minutes=15)


def follow_ups_to_ics(session: Session, *, days: int | None = None,
                      ids: Sequence[int] | None = None, clock: Clock = local_now) -> bytes:
    """The open follow-ups (all, those due within `days`, or the given ids) as .ics bytes."""
    query = (select(FollowUp, Customer.name).join(Customer, Customer.id == FollowUp.customer_id)
             .where(FollowUp.status == "open", FollowUp.deleted_at.is_(None),
                    Customer.deleted_at.is_(None)).order_by(FollowUp.due_at, FollowUp.id))
    if ids is not None:
        query = query.where(FollowUp.id.in_(list(ids)))
    if days is not None:
        query = query.where(FollowUp.due_at < datetime.combine(
            clock().date() + timedelta(days=days + 1), datetime.min.time()))
    calendar = Calendar()
    calendar.add("prodid", "-//kehubao//客户宝//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", Text("客户宝跟进"))
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    stamp = clock().replace(tzinfo=ZONE)
    for follow_up, customer in session.execute(query):
        calendar.add_component(_event(follow_up, customer, stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(follow_up: FollowUp, customer: str, stamp: datetime) -> Event:
    start = (follow_up.snoozed_until or follow_up.due_at).replace(tzinfo=ZONE)
    event = Event()
    event.add("uid", f"followup-{follow_up.id}@kehubao")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + DURATION)
    event.add("summary", Text("{customer}：{title}", customer=customer, title=follow_up.title))
    kind = Text(FollowUpKind.label_of(follow_up.kind))
    event.add("description", "\n".join(x for x in (Text("方式：{kind}", kind=kind),
                                                    follow_up.note) if x))
    event.add("categories", [kind])
    event.add("priority", {2: 1, 1: 5, 0: 9}.get(follow_up.priority, 5))
    if follow_up.recurrence and follow_up.snoozed_until is None:
        event.add("rrule", vRecur.from_ical(follow_up.recurrence))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", follow_up.title)
    alarm.add("trigger", -ALARM_BEFORE)
    event.add_component(alarm)
    return event
