"""The 今日 (today) page: what needs doing, grouped, each row with the context a
salesperson wants before picking up the phone — the last interaction with the customer,
the contact's last mood and the advice the contact card gives.

Ready in one counting query over the open follow-ups due before the end of the window
(through the `status, due_at` index), one query per group for the `limit` rows shown,
and a few for their context: groups are counted in full but listed a page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from sqlalchemy import DateTime, case, func, select, type_coerce
from sqlalchemy.orm import Session

from ...models import Contact, Customer, FollowUp, Interaction
from ...models.enums import Emotion
from ..advice import advice_for
from .clock import Clock, local_now
from .holidays import holiday_name
from .recurrence import describe_rrule

GROUPS = ("overdue", "today", "week", "birthdays", "dormant", "payments")
GROUP_LABELS = {"overdue": "已逾期", "today": "今天到期", "week": "七天内", "birthdays": "生日",
                "dormant": "久未联系的重要客户", "payments": "回款"}
_BY_KIND = {"birthday": "birthdays", "dormant": "dormant", "payment": "payments"}
WEEK_DAYS = 7


@dataclass(frozen=True)
class TodayRow:
    follow_up_id: int
    group: str
    kind: str
    title: str
    due: datetime  # the end of the snooze, or the due time
    snoozed: bool
    priority: int
    recurrence: str  # described in Chinese, "" when it does not repeat
    holiday: str | None  # the due date falls on this public holiday
    customer_id: int
    customer_name: str
    contact_id: int | None
    contact_name: str | None
    last_interaction_at: datetime | None
    last_interaction: str | None  # its summary
    mood: str | None  # the contact's last observed emotion (code)
    mood_label: str | None
    advice: str | None  # the first advice the contact card gives
    rule: str | None = None  # the RRULE text itself (the UI describes it in its language)


@dataclass
class TodayData:
    now: datetime
    counts: dict[str, int] = field(default_factory=dict)
    groups: dict[str, list[TodayRow]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def today_data(session: Session, *, clock: Clock = local_now, limit: int = 50,
               offsets: dict[str, int] | None = None, days: int = WEEK_DAYS,
               due_only: bool = False) -> TodayData:
    """Counts of every group and up to `limit` rows of each (from `offsets[group]`).

    `days`: how far ahead the "week" group (and generated reminders) reach; `due_only`:
    only what is due by now (what a notification fires for)."""
    now = clock()
    start = datetime.combine(now.date(), datetime.min.time())
    tomorrow = start + timedelta(days=1)
    horizon = now + timedelta(seconds=1) if due_only else start + timedelta(days=days + 1)
    effective = type_coerce(func.coalesce(FollowUp.snoozed_until, FollowUp.due_at), DateTime)
    group = case(*((FollowUp.kind == kind, name) for kind, name in _BY_KIND.items()),
                 (effective < start, "overdue"), (effective < tomorrow, "today"), else_="week")
    base = (FollowUp.status == "open", FollowUp.due_at < horizon,
            FollowUp.deleted_at.is_(None), effective < horizon)
    data = TodayData(now=now, counts=dict.fromkeys(GROUPS, 0))
    for name, count in session.execute(select(group, func.count()).where(*base).group_by(group)):
        data.counts[name] = count
    chosen: dict[int, str] = {}
    if limit > 0:
        auto = list(_BY_KIND)
        conditions = {
            "overdue": (FollowUp.kind.not_in(auto), effective < start),
            "today": (FollowUp.kind.not_in(auto), effective >= start, effective < tomorrow),
            "week": (FollowUp.kind.not_in(auto), effective >= tomorrow),
            **{name: (FollowUp.kind == kind,) for kind, name in _BY_KIND.items()},
        }
        snoozed = _snoozed(session, start, tomorrow, horizon)
        for name in GROUPS:
            if data.counts[name]:
                for fid in _page(session, base, conditions[name], skip_of(offsets, name), limit,
                                 snoozed[name]):
                    chosen[fid] = name
    rows = _rows(session, chosen)
    if not _mark_holidays(session):
        rows = [replace(r, holiday=None) for r in rows]
    for name in GROUPS:
        data.groups[name] = [r for r in rows if r.group == name]
    return data


def _page(session: Session, base: tuple, condition: tuple, skip: int, limit: int,
          snoozed: list[tuple[datetime, int, int]]) -> list[int]:
    """Ids of one group's page in (effective due, priority, id) order. Follow-ups that are
    not snoozed come in index order (the scan stops after the page); the few snoozed
    ones of the group (`snoozed`) are merged in."""
    plain = session.execute(
        select(FollowUp.due_at, -FollowUp.priority, FollowUp.id)
        .where(*base, *condition, FollowUp.snoozed_until.is_(None))
        .order_by(FollowUp.due_at, FollowUp.priority.desc(), FollowUp.id)
        .limit(skip + limit)).all()
    merged = sorted([tuple(r) for r in plain] + snoozed)
    return [row[2] for row in merged[skip:skip + limit]]


def _snoozed(session: Session, start: datetime, tomorrow: datetime,
             horizon: datetime) -> dict[str, list[tuple[datetime, int, int]]]:
    """Open snoozed follow-ups ending before `horizon`, by group (through the partial
    `ix_follow_up_snoozed` index: few follow-ups are snoozed at any time)."""
    out: dict[str, list[tuple[datetime, int, int]]] = {g: [] for g in GROUPS}
    for fid, kind, until, priority, status, deleted in session.execute(
            select(FollowUp.id, FollowUp.kind, FollowUp.snoozed_until, FollowUp.priority,
                   FollowUp.status, FollowUp.deleted_at)
            .where(FollowUp.snoozed_until.is_not(None), FollowUp.snoozed_until < horizon)):
        if status == "open" and deleted is None:
            name = _BY_KIND.get(kind) or ("overdue" if until < start else
                                          "today" if until < tomorrow else "week")
            out[name].append((until, -priority, fid))
    return out


def due_between(session: Session, after: datetime, until: datetime, *,
                limit: int = 50) -> list[TodayRow]:
    """Open follow-ups that fell due in (after, until], with their context, oldest first:
    what a notification announces, and what the catch-up dialog lists after the app was
    closed. Counted by the `status, due_at` index and the snoozed partial index."""
    chosen: dict[int, str] = {}
    for fid, kind in session.execute(
            select(FollowUp.id, FollowUp.kind)
            .where(FollowUp.status == "open", FollowUp.deleted_at.is_(None),
                   FollowUp.snoozed_until.is_(None), FollowUp.due_at > after,
                   FollowUp.due_at <= until)
            .order_by(FollowUp.due_at, FollowUp.id).limit(limit)):
        chosen[fid] = _BY_KIND.get(kind, "today")
    for fid, kind, status, deleted in session.execute(
            select(FollowUp.id, FollowUp.kind, FollowUp.status, FollowUp.deleted_at)
            .where(FollowUp.snoozed_until.is_not(None), FollowUp.snoozed_until > after,
                   FollowUp.snoozed_until <= until)):
        if status == "open" and deleted is None:
            chosen[fid] = _BY_KIND.get(kind, "today")
    return _rows(session, chosen)[:limit]


def _mark_holidays(session: Session) -> bool:
    """The "holidays" reminder setting: whether due dates on public holidays are marked."""
    from .reminders import reminder_settings

    return bool(reminder_settings(session)["holidays"])


def skip_of(offsets: dict[str, int] | None, group: str) -> int:
    return (offsets or {}).get(group, 0)


def today_counts(session: Session, *, clock: Clock = local_now) -> dict[str, int]:
    """The counts alone (for the navigation item)."""
    return today_data(session, clock=clock, limit=0).counts


def _rows(session: Session, chosen: dict[int, str]) -> list[TodayRow]:
    if not chosen:
        return []
    follow_ups = list(session.execute(
        select(FollowUp, Customer.name).join(Customer, Customer.id == FollowUp.customer_id)
        .where(FollowUp.id.in_(list(chosen)))).all())
    customer_ids = {fu.customer_id for fu, _ in follow_ups}
    contacts = _contacts(session, {fu.contact_id for fu, _ in follow_ups if fu.contact_id},
                         {fu.customer_id for fu, _ in follow_ups if not fu.contact_id})
    last = _last_interactions(session, customer_ids)
    rows = []
    for fu, customer_name in follow_ups:
        contact = contacts.get(("id", fu.contact_id)) if fu.contact_id \
            else contacts.get(("customer", fu.customer_id))
        when, summary = last.get(fu.customer_id, (None, None))
        advice = advice_for(contact) if contact is not None else []
        due = fu.snoozed_until or fu.due_at
        rows.append(TodayRow(
            follow_up_id=fu.id, group=chosen[fu.id], kind=fu.kind, title=fu.title, due=due,
            snoozed=fu.snoozed_until is not None, priority=fu.priority,
            recurrence=describe_rrule(fu.recurrence) if fu.recurrence else "",
            holiday=holiday_name(due.date()), customer_id=fu.customer_id,
            customer_name=customer_name, contact_id=contact.id if contact else None,
            contact_name=contact.name if contact else None, last_interaction_at=when,
            last_interaction=summary, mood=contact.last_emotion if contact else None,
            mood_label=Emotion.label_of(contact.last_emotion) or None if contact else None,
            advice=advice[0].text if advice else None, rule=fu.recurrence))
    rows.sort(key=lambda r: (r.due, -r.priority, r.follow_up_id))
    return rows


def _contacts(session: Session, ids: set[int], customers: set[int]) -> dict[tuple[str, int], Contact]:
    """The follow-up's own contact, or the customer's primary one."""
    found: dict[tuple[str, int], Contact] = {}
    if ids:
        for c in session.scalars(select(Contact).where(Contact.id.in_(ids))):
            found[("id", c.id)] = c
    if customers:
        for c in session.scalars(
                select(Contact).where(Contact.customer_id.in_(customers), Contact.deleted_at.is_(None))
                .order_by(Contact.customer_id, Contact.is_primary.desc(), Contact.id)):
            found.setdefault(("customer", c.customer_id), c)
    return found


def _last_interactions(session: Session, customer_ids: set[int]) -> dict[int, tuple[datetime, str]]:
    if not customer_ids:
        return {}
    ranked = (select(Interaction.customer_id, Interaction.occurred_at, Interaction.subject,
                     func.row_number().over(partition_by=Interaction.customer_id,
                                            order_by=Interaction.occurred_at.desc()).label("n"))
              .where(Interaction.customer_id.in_(customer_ids), Interaction.deleted_at.is_(None))
              .subquery())
    return {cid: (when, subject) for cid, when, subject, _n in
            session.execute(select(ranked).where(ranked.c.n == 1))}
