"""Automatic reminders: birthdays (solar and lunar), dormant important customers, and
payments falling due or overdue — generated idempotently, set-based, so the whole
database (290,000 contacts on the demo) is covered in well under two seconds.

Each generated follow-up carries a unique `auto_key` naming what it is about (the
contact and the birthday, the customer and their last contact, the sale), so running the
generator again — at every start, every hour — creates only what is missing, and a
reminder the user deleted or completed never comes back for the same occasion.

A dormant reminder is keyed by the customer's last contact: logging an interaction
closes it at once (interactions.py), and the generator closes the ones whose customer
was contacted meanwhile by other means (an import), so no reminder fires right after a
call — the failing of other CRMs the issue names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, literal, or_, select, update
from sqlalchemy.orm import Session

from ... import texts
from ...models import Contact, Customer, FollowUp, Transaction, utcnow
from ...models.enums import CustomerStatus, FollowUpKind
from ...texts import Text, noop
from ..settings import get_setting, put_setting
from ..tracking import note_changed
from .birthdays import (
    lunar_keys_celebrated,
    lunar_label,
    next_birthday,
    solar_births_for,
    solar_month_days,
)
from .clock import Clock, at_morning, local_now

SETTINGS_KEY = "reminders"
STAMP_KEY = "reminders_generated_at"
LANGUAGE_KEY = "reminders_language"  # of the titles the last run made
DEFAULT_SETTINGS: dict[str, Any] = {
    "birthdays": True,
    "birthday_days_before": 3,
    "dormant": True,
    # Value class → longest silence allowed (days); "other" is class 1.
    "dormant_days": {"4": 14, "2": 21, "3": 30, "other": 60},
    "dormant_unclassified": False,
    "payments": True,
    "payment_days_before": 3,
    "payment_overdue_lookback_days": 30,
    "holidays": True,
}
_CHUNK = 900  # SQLite's bound-parameter limit is 999 on old builds


def reminder_settings(session: Session) -> dict[str, Any]:
    """The stored settings over the defaults (a new key in a new release just works)."""
    stored = get_setting(session, SETTINGS_KEY, {}) or {}
    merged = {**DEFAULT_SETTINGS, **stored}
    merged["dormant_days"] = {**DEFAULT_SETTINGS["dormant_days"], **(stored.get("dormant_days") or {})}
    return merged


def save_reminder_settings(session: Session, changes: dict[str, Any]) -> dict[str, Any]:
    """Store changed settings (unknown keys refused) and return the whole set."""
    unknown = set(changes) - set(DEFAULT_SETTINGS)
    if unknown:
        raise KeyError(f"unknown reminder settings {sorted(unknown)}")
    current = reminder_settings(session)
    current.update(changes)
    put_setting(session, SETTINGS_KEY, current)
    put_setting(session, STAMP_KEY, None)  # the next check generates with the new rules
    return current


@dataclass
class Generated:
    """What one run created (per kind) and how many dormant reminders it closed."""

    created: dict[str, int] = field(default_factory=dict)
    resolved: int = 0

    @property
    def total(self) -> int:
        return sum(self.created.values())


def generate_reminders(session: Session, *, clock: Clock = local_now,
                       settings: dict[str, Any] | None = None, rename: bool = False) -> Generated:
    """Create the automatic reminders that are due and missing; idempotent. ``rename``
    (the language changed since the last run): also rename the open ones made before.

    The reads go to the session's connection (Core rows, not the ORM's result layer:
    a first run reads some 50,000 rows), after one flush of what the session holds."""
    settings = settings or reminder_settings(session)
    session.flush()
    now = clock()
    today = now.date()
    rows: list[dict[str, Any]] = []
    out = Generated()
    if settings["birthdays"]:
        rows += _birthdays(session, today, int(settings["birthday_days_before"]))
    if settings["dormant"]:
        dormant = _dormant(session, now, settings)
        out.resolved = _resolve_dormant(session, now, {r["auto_key"] for r in dormant})
        rows += dormant
    if settings["payments"]:
        rows += _payments(session, today, int(settings["payment_days_before"]),
                          int(settings["payment_overdue_lookback_days"]))
    fresh, renamed = _sort_out(session, rows, rename)
    _rename(session, renamed)
    if fresh:
        stamp = utcnow()
        # Every row with the same keys (each builder gives customer_id, owner_id, kind,
        # origin, title, due_at and auto_key; the others default here), so the insert is
        # one executemany: the ORM's bulk insert groups rows by their keys and ran ~2,600
        # statements for 25,000 reminders.
        common = {"contact_id": None, "note": None, "priority": 1, "status": "open",
                  "created_at": stamp, "updated_at": stamp}
        session.connection().execute(FollowUp.__table__.insert(), [
            {**common, **row, "title": row["title"][:200]} for row in fresh])
        # Their ids, so the figures refresh only these customers (not all 200,000).
        keys = [row["auto_key"] for row in fresh]
        for start in range(0, len(keys), _CHUNK):
            note_changed(session, "follow_up", session.connection().scalars(
                select(FollowUp.id).where(FollowUp.auto_key.in_(keys[start : start + _CHUNK]))))
    for row in fresh:
        out.created[row["origin"]] = out.created.get(row["origin"], 0) + 1
    return out


def generate_if_stale(session: Session, *, clock: Clock = local_now,
                      max_age: timedelta = timedelta(hours=1)) -> Generated | None:
    """Generate unless a run already happened today less than `max_age` ago (what the
    window's timer and the CLI call, so a command that lists reminders stays quick).
    Logging an interaction closes its dormant reminder itself, so a skipped run never
    lets one fire after a call. Returns None when skipped."""
    now = clock()
    stamp = get_setting(session, STAMP_KEY)
    rename = get_setting(session, LANGUAGE_KEY, "zh") != texts.language()
    if rename:
        stamp = None  # the titles were made in another language: run now, renaming them
    if stamp:
        last = datetime.fromisoformat(stamp)
        if last.date() == now.date() and last <= now < last + max_age:
            return None
    made = generate_reminders(session, clock=clock, rename=rename)
    put_setting(session, STAMP_KEY, now.isoformat())
    put_setting(session, LANGUAGE_KEY, texts.language())
    return made


def _sort_out(session: Session, rows: list[dict[str, Any]], rename: bool
              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(the rows to create, {id, title} of the open reminders already there whose title
    reads otherwise now, when asked to ``rename``): titles are made in the user's
    language, so a reminder made before the language changed is renamed, not duplicated.
    Without ``rename`` only the keys are read (the hourly run stays lean)."""
    by_key = {r["auto_key"]: r for r in rows}
    keys = list(by_key)
    existing: set[str] = set()
    renamed: list[dict[str, Any]] = []
    for start in range(0, len(keys), _CHUNK):
        chunk = FollowUp.auto_key.in_(keys[start:start + _CHUNK])
        if not rename:
            existing.update(session.connection().scalars(select(FollowUp.auto_key).where(chunk)))
            continue
        for fid, key, title, status, deleted in session.connection().execute(
                select(FollowUp.id, FollowUp.auto_key, FollowUp.title, FollowUp.status,
                       FollowUp.deleted_at).where(chunk)):
            existing.add(key)
            wanted = by_key[key]["title"]
            # Only a title the program made (in any language) is renamed: one the user
            # edited is theirs.
            if (status == "open" and deleted is None and title != wanted[:200]
                    and title in {made[:200] for made in texts.renderings(wanted)}):
                renamed.append({"fid": fid, "new_title": wanted[:200]})
    seen: set[str] = set()
    fresh = []
    for row in rows:
        if row["auto_key"] not in existing and row["auto_key"] not in seen:
            seen.add(row["auto_key"])
            fresh.append(row)
    return fresh, renamed


def _rename(session: Session, renamed: list[dict[str, Any]]) -> None:
    if not renamed:
        return
    table = FollowUp.__table__
    session.connection().execute(
        update(table).where(table.c.id == bindparam("fid"))
        .values(title=bindparam("new_title"), updated_at=utcnow()), renamed)
    note_changed(session, "follow_up", [r["fid"] for r in renamed])


# ------------------------------------------------------------------------- birthdays


def _with_birthday():  # noqa: ANN202  (a select, shared by both calendars)
    """Contacts with a birth date (read through `ix_contact_birthday`, no join: the
    customers of the few that match are looked up afterwards)."""
    return (select(Contact.id, Contact.customer_id, Contact.name, Contact.birthday)
            .where(Contact.birthday.is_not(None), Contact.deleted_at.is_(None)))


def _birthdays(session: Session, today: date, days_before: int) -> list[dict[str, Any]]:
    last = today + timedelta(days=days_before)
    found: list[tuple[int, int, str, date, str | None]] = []
    month_day = (func.strftime("%m-%d", Contact.birthday) if session.bind.dialect.name == "sqlite"
                 else func.to_char(Contact.birthday, "MM-DD"))
    wanted = solar_month_days(today, last)
    for cid, customer_id, name, birth in session.connection().execute(
            _with_birthday().where(Contact.birthday_lunar.is_(False), month_day.in_(wanted))):
        day = next_birthday(birth, False, today)
        if day is not None and day <= last:
            found.append((cid, customer_id, name, day, None))
    keys = lunar_keys_celebrated(today, last)
    births = solar_births_for(keys, range(1900, today.year + 1))
    dates = sorted(births)
    for start in range(0, len(dates), _CHUNK):
        for cid, customer_id, name, birth in session.connection().execute(
                _with_birthday().where(Contact.birthday_lunar.is_(True),
                                       Contact.birthday.in_(dates[start:start + _CHUNK]))):
            key = births[birth]
            found.append((cid, customer_id, name, keys[key], lunar_label(key)))
    customers = _live_customers(session, {row[1] for row in found})
    return [_birthday_row(cid, customer_id, name, customers[customer_id], day, today,
                          days_before, lunar)
            for cid, customer_id, name, day, lunar in found if customer_id in customers]


def _live_customers(session: Session, ids: set[int]) -> dict[int, Any]:
    """id → (name, owner_id, receivable_fen, overdue_fen, last_contact_at) of the live
    customers among `ids`, by primary key."""
    out: dict[int, Any] = {}
    ordered = sorted(ids)
    for start in range(0, len(ordered), _CHUNK):
        # deleted_at is tested here, not in SQL: SQLite would otherwise pick the
        # (deleted_at, ...) index and walk every live customer for each chunk.
        for row in session.connection().execute(
                select(Customer.id, Customer.name, Customer.owner_id, Customer.receivable_fen,
                       Customer.overdue_fen, Customer.last_contact_at, Customer.deleted_at)
                .where(Customer.id.in_(ordered[start:start + _CHUNK]))):
            if row.deleted_at is None:
                out[row[0]] = row
    return out


def _birthday_row(contact_id: int, customer_id: int, name: str, customer: Any, day: date, today: date, days_before: int, lunar: str | None) -> dict[str, Any]:
    title = (Text("{name}生日（{month}月{day}日，农历{lunar}）", name=name, month=day.month,
                  day=day.day, lunar=lunar) if lunar else
             Text("{name}生日（{month}月{day}日）", name=name, month=day.month, day=day.day))
    return {"customer_id": customer_id, "contact_id": contact_id, "owner_id": customer.owner_id,
            "kind": FollowUpKind.BIRTHDAY.value, "origin": "birthday",
            "title": title, "note": Text("{customer}：送上祝福", customer=customer.name),
            "due_at": at_morning(max(today, day - timedelta(days=days_before))),
            "auto_key": f"birthday:{contact_id}:{day.isoformat()}"}


# --------------------------------------------------------------------------- dormant


def dormant_limits(settings: dict[str, Any]) -> dict[str | None, int]:
    """Value class → days of silence allowed (None: unclassified, when switched on)."""
    days = settings["dormant_days"]
    limits: dict[str | None, int] = {"4": int(days["4"]), "2": int(days["2"]),
                                     "3": int(days["3"]), "1": int(days["other"])}
    if settings.get("dormant_unclassified"):
        limits[None] = int(days["other"])
    return limits


def _dormant(session: Session, now: datetime, settings: dict[str, Any]) -> list[dict[str, Any]]:
    """One range per value class, answered from `ix_customer_class_last_contact` alone
    (it covers status and owner; the title leaves the name to the list's customer column)."""
    limits = dormant_limits(settings)
    found = []
    for value_class, days in limits.items():
        klass = Customer.value_class.is_(None) if value_class is None \
            else Customer.value_class == value_class
        silent = or_(Customer.last_contact_at.is_(None),
                     Customer.last_contact_at < now - timedelta(days=days))
        found += session.connection().execute(
            select(Customer.id, Customer.last_contact_at, Customer.owner_id, literal(days))
            .where(Customer.deleted_at.is_(None), klass, silent,
                   Customer.status.not_in([CustomerStatus.LOST.value,
                                           CustomerStatus.DROPPED.value]))).all()
    rows = []
    today = now.date()
    kind = FollowUpKind.DORMANT.value
    never = Text("久未联系：从未联系")
    titles: dict[tuple[int, int, int], Text] = {}
    for cid, last, owner, limit in found:  # 20,000 on the demo's first run: kept lean
        if last is None:
            title, became, key = never, today, f"dormant:{cid}:never"
        else:
            # Thousands of customers share a last day and a limit: one title each.
            shape = (last.month, last.day, limit)
            if (title := titles.get(shape)) is None:
                title = titles[shape] = Text("久未联系：上次联系{month}月{day}日，已超过 {days} 天",
                                             month=last.month, day=last.day, days=limit)
            became = (last + timedelta(days=limit)).date()
            key = f"dormant:{cid}:{last.date().isoformat()}"
        rows.append({"customer_id": cid, "contact_id": None, "owner_id": owner, "kind": kind,
                     "origin": "dormant", "priority": 2, "title": title, "note": None,
                     "due_at": at_morning(became if became > today else today), "auto_key": key})
    return rows


def _resolve_dormant(session: Session, now: datetime, current: set[str]) -> int:
    """Close the open dormant reminders that no longer describe a dormant customer: it
    was contacted since (the key names the last contact it was about), changed class or
    status, or was deleted. `current` holds the keys of the customers dormant now."""
    # `status || ''`: read through the auto_key index (the dormant range), not the status
    # index, which holds every open follow-up (a first run found none in 70 ms).
    stale = [fid for fid, key in session.connection().execute(
        select(FollowUp.id, FollowUp.auto_key)
        .where(FollowUp.auto_key >= "dormant:", FollowUp.auto_key < "dormant;",
               (FollowUp.status + "") == "open", FollowUp.deleted_at.is_(None)))
        if key not in current]
    _close(session, stale, now)
    return len(stale)


def _close(session: Session, ids: Iterable[int], now: datetime) -> None:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        session.execute(update(FollowUp).where(FollowUp.id.in_(ids[start:start + _CHUNK]))
                        .values(status="done", completed_at=now, updated_at=utcnow()))
    if ids:
        note_changed(session, "follow_up", ids)


# -------------------------------------------------------------------------- payments


def _payments(session: Session, today: date, days_before: int, lookback: int) -> list[dict[str, Any]]:
    """Sales falling due within `days_before` days (customer still owes money) and sales
    that fell due in the last `lookback` days (customer has overdue money), through
    `ix_trade_transaction_due_on`."""
    def sales(first: date, last: date) -> list[Any]:
        return session.connection().execute(
            select(Transaction.id, Transaction.customer_id, Transaction.due_on,
                   Transaction.amount_fen)
            .where(Transaction.due_on.between(first, last), Transaction.kind == "sale",
                   Transaction.deleted_at.is_(None))).all()

    due = sales(today, today + timedelta(days=days_before))
    overdue = sales(today - timedelta(days=lookback), today - timedelta(days=1))
    customers = _live_customers(session, {r[1] for r in due + overdue})
    rows = []
    for tid, cid, day, amount in due:
        c = customers.get(cid)
        if c is not None and c.receivable_fen > 0:
            rows.append(_payment_row(tid, c, day, amount, "payment",
                                     max(today, day - timedelta(days=days_before))))
    for tid, cid, day, amount in overdue:
        c = customers.get(cid)
        if c is not None and c.overdue_fen > 0:
            rows.append(_payment_row(tid, c, day, amount, "overdue", day + timedelta(days=1)))
    return rows


_PAYMENT_TITLES = {"payment": noop("回款到期：{name}（¥{amount}，{month}月{day}日到期）"),
                   "overdue": noop("回款逾期：{name}（¥{amount}，{month}月{day}日到期）")}


def _payment_row(tid: int, customer: Any, due: date, amount: int, what: str,
                 day: date) -> dict[str, Any]:
    title = Text(_PAYMENT_TITLES[what], name=customer.name, amount=f"{amount / 100:,.2f}",
                 month=due.month, day=due.day)
    return {"customer_id": customer.id, "contact_id": None, "owner_id": customer.owner_id,
            "kind": FollowUpKind.PAYMENT.value, "origin": "payment", "priority": 2,
            "title": title,
            "note": None, "due_at": at_morning(day), "auto_key": f"{what}:{tid}"}
