"""What a salesperson does with a follow-up: plan it (once or recurring), snooze it,
reschedule it, move it off a public holiday, mark it done with a result, or delete it.

Missed follow-ups are never closed or moved behind the user's back: they stay open and
the today page lists them as overdue until someone deals with them. Completing a
recurring one creates the next occurrence — the first one after both its own due time
and now, so a weekly call missed for three weeks comes back once, not three times.
Every change is one undoable operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import Contact, FollowUp
from ...texts import Text
from .. import fields as f
from ..customers import get_customer
from ..journal import operation
from ..recycle_bin import move_to_bin, restore_from_bin
from .clock import Clock, at_morning, local_now
from .holidays import on_working_day
from .recurrence import check_rrule, next_occurrence
from .values import FOLLOW_UP_FIELDS, a_datetime

SNOOZE_CHOICES = ("15m", "1h", "tomorrow", "next_monday")


@dataclass
class FollowUpForm:
    """What the follow-up editor shows: the follow-up's fields (None for a new one)
    and the customer's live contacts to choose from."""

    customer_id: int
    customer_name: str
    contacts: list[tuple[int, str]]
    follow_up_id: int | None = None
    values: dict[str, Any] = field(default_factory=dict)


def follow_up_form(session: Session, *, follow_up_id: int | None = None,
                   customer_id: int | None = None) -> FollowUpForm:
    """Read a follow-up for editing, or the empty form of a new one for `customer_id`."""
    values: dict[str, Any] = {}
    if follow_up_id is not None:
        fu = get_follow_up(session, follow_up_id)
        customer_id = fu.customer_id
        values = {"title": fu.title, "due_at": effective_due(fu), "kind": fu.kind,
                  "contact_id": fu.contact_id, "note": fu.note, "priority": fu.priority,
                  "recurrence": fu.recurrence, "status": fu.status}
    if customer_id is None:
        raise UserError("先选一个客户")
    customer = get_customer(session, customer_id)
    contacts = [(cid, name) for cid, name in session.execute(
        select(Contact.id, Contact.name).where(Contact.customer_id == customer_id,
                                               Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.id))]
    return FollowUpForm(customer_id, customer.name, contacts, follow_up_id, values)


def create_follow_up(session: Session, customer_id: int, *, title: str,
                     due_at: datetime | str, kind: str | None = None,
                     contact_id: int | None = None, note: str | None = None,
                     priority: int | str = 1, recurrence: str | None = None) -> FollowUp:
    """Plan a follow-up; `recurrence` is RRULE text (see recurrence.build_rrule)."""
    customer = get_customer(session, customer_id)
    values = _validated(session, customer_id, {
        "title": title, "due_at": due_at, "kind": kind, "contact_id": contact_id,
        "note": note, "priority": priority})
    rule = check_rrule(recurrence)
    with operation(session, "create", f"新建跟进提醒：{customer.name}：{values['title']}"):
        follow_up = FollowUp(customer_id=customer_id, owner_id=customer.owner_id,
                             recurrence=rule, origin="manual",
                             **{k: v for k, v in values.items() if v is not None})
        session.add(follow_up)
        session.flush()
    return follow_up


def update_follow_up(session: Session, follow_up_id: int, data: Mapping[str, Any]) -> FollowUp:
    """Edit fields (title, due_at, kind, contact_id, note, priority, recurrence); a new
    due time clears a snooze."""
    follow_up = get_follow_up(session, follow_up_id)
    data = dict(data)
    rule_given = "recurrence" in data
    rule = check_rrule(data.pop("recurrence", None))
    values = _validated(session, follow_up.customer_id, data, partial=True)
    with operation(session, "edit", f"修改跟进提醒：{follow_up.title}"):
        for key, value in values.items():
            setattr(follow_up, key, value)
        if rule_given:
            follow_up.recurrence = rule
        if "due_at" in values:
            follow_up.snoozed_until = None
        session.flush()
    return follow_up


def reschedule(session: Session, follow_up_id: int, due_at: datetime | str) -> FollowUp:
    return update_follow_up(session, follow_up_id, {"due_at": due_at})


def move_to_working_day(session: Session, follow_up_id: int) -> FollowUp:
    """Move a follow-up due on a holiday or weekend to the next working day (调休
    working weekends count as working days), same time of day."""
    follow_up = get_follow_up(session, follow_up_id)
    target = on_working_day(effective_due(follow_up))
    if target == effective_due(follow_up):
        return follow_up
    return reschedule(session, follow_up_id, target)


def snooze_time(choice: str, now: datetime) -> datetime:
    """When a snooze ends: 15m, 1h, tomorrow (9:00), next_monday (9:00)."""
    if choice == "15m":
        return now + timedelta(minutes=15)
    if choice == "1h":
        return now + timedelta(hours=1)
    if choice == "tomorrow":
        return at_morning(now.date() + timedelta(days=1))
    if choice == "next_monday":
        return at_morning(now.date() + timedelta(days=7 - now.weekday()))
    raise ValidationError("不认识的推迟方式：{choice}", {"snooze": Text("推迟方式不对")}, choice=choice)


def snooze(session: Session, follow_up_id: int, until: str | datetime, *,
           clock: Clock = local_now) -> FollowUp:
    """Hide an open follow-up until a later time (a SNOOZE_CHOICES code or a time)."""
    follow_up = _open(session, follow_up_id)
    now = clock()
    when = snooze_time(until, now) if isinstance(until, str) and until in SNOOZE_CHOICES \
        else a_datetime(until)
    if when is None or when <= now:
        raise ValidationError("推迟到的时间必须晚于现在", {"snooze": Text("推迟到的时间必须晚于现在")})
    with operation(session, "edit", f"推迟跟进提醒：{follow_up.title}"):
        follow_up.snoozed_until = when
        session.flush()
    return follow_up


def complete(session: Session, follow_up_id: int, result: str | None = None, *,
             clock: Clock = local_now) -> tuple[FollowUp, FollowUp | None]:
    """Mark done with an optional result; for a recurring follow-up also create the next
    occurrence. Returns (the done one, the next one or None)."""
    follow_up = _open(session, follow_up_id)
    now = clock()
    result = f.text(4000)(result)
    nxt: FollowUp | None = None
    with operation(session, "edit", f"完成跟进提醒：{follow_up.title}"):
        follow_up.status = "done"
        follow_up.completed_at = now
        if result:
            follow_up.note = f"{follow_up.note}\n结果：{result}" if follow_up.note else f"结果：{result}"
        if follow_up.recurrence:
            due = next_occurrence(follow_up.recurrence, max(follow_up.due_at, now),
                                  follow_up.due_at)
            if due is not None:
                nxt = FollowUp(
                    customer_id=follow_up.customer_id, contact_id=follow_up.contact_id,
                    owner_id=follow_up.owner_id, kind=follow_up.kind, title=follow_up.title,
                    note=None, due_at=due, recurrence=follow_up.recurrence,
                    priority=follow_up.priority, origin=follow_up.origin)
                session.add(nxt)
        session.flush()
    return follow_up, nxt


def cancel(session: Session, follow_up_id: int) -> FollowUp:
    follow_up = _open(session, follow_up_id)
    with operation(session, "edit", f"取消跟进提醒：{follow_up.title}"):
        follow_up.status = "cancelled"
        session.flush()
    return follow_up


def delete_follow_ups(session: Session, ids: Iterable[int]) -> int:
    return move_to_bin(session, FollowUp, ids, "跟进提醒")


def restore_follow_ups(session: Session, ids: Iterable[int]) -> int:
    return restore_from_bin(session, FollowUp, ids, "跟进提醒")


def effective_due(follow_up: FollowUp) -> datetime:
    """When the follow-up is next due: the end of its snooze, or its due time."""
    return follow_up.snoozed_until or follow_up.due_at


def get_follow_up(session: Session, follow_up_id: int) -> FollowUp:
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None or follow_up.deleted_at is not None:
        raise UserError("找不到编号为 {follow_up_id} 的跟进提醒（可能已被删除）", follow_up_id=follow_up_id)
    return follow_up


def _open(session: Session, follow_up_id: int) -> FollowUp:
    follow_up = get_follow_up(session, follow_up_id)
    if follow_up.status != "open":
        raise UserError("跟进提醒“{title}”已经处理过了", title=follow_up.title)
    return follow_up


def _validated(session: Session, customer_id: int, data: Mapping[str, Any], *,
               partial: bool = False) -> dict[str, Any]:
    values = f.validate(FOLLOW_UP_FIELDS, data, partial=partial)
    contact_id = values.get("contact_id")
    if contact_id is not None:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None or contact.customer_id != customer_id:
            raise ValidationError("联系人：不是这个客户的联系人（或已被删除）",
                                  {"contact_id": Text("联系人：不是这个客户的联系人")})
    return values
