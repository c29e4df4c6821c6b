"""Logging what happened with a customer — in a few keystrokes, as one undoable operation.

One log does several things a salesperson would otherwise do by hand, and Ctrl+Z takes
them all back together: the interaction row; the contact's last observed mood (when this
is their newest observation); the customer's last-contact time (which resets the dormant
clock at once, and closes an open "dormant" reminder); and the follow-up for the next
step when a due date is given.

The objection script and reply used are stored as ids (the script library, issue #13,
reads them for its success rates) and/or free text, so either works.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import Contact, Customer, FollowUp, Interaction, ObjectionScript, ScriptReply
from ...models.enums import FollowUpKind, InteractionKind
from ...texts import Text
from .. import fields as f
from ..contacts import contacts_of
from ..customers import get_customer
from ..journal import operation
from ..recycle_bin import move_to_bin, restore_from_bin
from .clock import Clock, local_now
from .values import INTERACTION_FIELDS, a_datetime, follow_up_kind_for


def log_interaction(
    session: Session, customer_id: int, *, kind: str, summary: str,
    occurred_at: datetime | str | None = None, contact_id: int | None = None,
    content: str | None = None, mood: str | None = None, needs: str | None = None,
    objections: str | None = None, script_id: int | None = None, reply_id: int | None = None,
    reply_used: str | None = None, reply_worked: bool | None = None, outcome: str | None = None,
    next_step: str | None = None, next_due: datetime | str | None = None,
    location: str | None = None, duration_minutes: int | None = None,
    completes: int | None = None, clock: Clock = local_now,
) -> Interaction:
    """Record one interaction (and its consequences) as ONE undoable operation.

    `completes`: the open follow-up this interaction deals with (logged from a reminder):
    it is marked done in the same operation, its result the outcome or the summary.
    Raises ValidationError (field → Chinese message) before writing anything."""
    customer = get_customer(session, customer_id)
    values = _validated(session, customer_id, {
        "kind": kind, "occurred_at": occurred_at or clock(), "contact_id": contact_id,
        "subject": summary, "content": content, "mood": mood, "needs_found": needs,
        "objections": objections, "script_id": script_id, "reply_id": reply_id,
        "reply_used": reply_used, "reply_worked": reply_worked, "outcome": outcome,
        "next_step": next_step, "location": location, "duration_minutes": duration_minutes,
    })
    due = _next_due(next_due, values.get("next_step"))
    label = f"记录跟进：{customer.name}（{InteractionKind.label_of(values['kind'])}）"
    with operation(session, "create", label):
        interaction = Interaction(customer_id=customer_id, owner_id=customer.owner_id, **values)
        session.add(interaction)
        session.flush()
        _consequences(session, customer, interaction, clock())
        if due is not None:
            session.add(FollowUp(
                customer_id=customer_id, contact_id=interaction.contact_id,
                interaction_id=interaction.id, owner_id=customer.owner_id,
                kind=follow_up_kind_for(interaction.kind), title=values["next_step"][:200],
                due_at=due, origin="manual"))
        if completes is not None:
            from .follow_ups import complete

            done, _next = complete(session, completes, values.get("outcome") or values["subject"],
                                   clock=clock)
            done.interaction_id = interaction.id
        session.flush()
    return interaction


@dataclass(frozen=True)
class LogForm:
    """What the log dialog shows before the user types: whom it is about, the contacts to
    choose from (id, name, last emotion) and, logged from a reminder, that reminder."""

    customer_id: int
    customer_name: str
    contacts: list[tuple[int, str, str | None]]
    contact_id: int | None
    follow_up_id: int | None = None
    follow_up_title: str | None = None
    kind: str = "visit"


def log_form(session: Session, customer_id: int, *, contact_id: int | None = None,
             follow_up_id: int | None = None) -> LogForm:
    """The log dialog's starting values (the contact: the one given, the reminder's, or
    the primary one)."""
    customer = get_customer(session, customer_id)
    contacts = [(c.id, c.name, c.last_emotion) for c in contacts_of(session, customer_id)]
    title, kind = None, "visit"
    if follow_up_id is not None:
        follow_up = session.get(FollowUp, follow_up_id)
        if follow_up is not None and follow_up.deleted_at is None:
            title = follow_up.title
            contact_id = contact_id or follow_up.contact_id
            if follow_up.kind in InteractionKind._value2member_map_:
                kind = follow_up.kind
            elif follow_up.kind in ("birthday", "payment", "dormant"):
                kind = "call"
    if contact_id is None and contacts:
        contact_id = contacts[0][0]
    return LogForm(customer.id, customer.name, contacts, contact_id, follow_up_id, title, kind)


def update_interaction(session: Session, interaction_id: int, data: Mapping[str, Any],
                       *, clock: Clock = local_now) -> Interaction:
    """Change some fields of a logged interaction (one undoable operation)."""
    interaction = get_interaction(session, interaction_id)
    values = _validated(session, interaction.customer_id, data, partial=True)
    customer = get_customer(session, interaction.customer_id)
    with operation(session, "edit", f"修改跟进记录：{interaction.subject}"):
        for key, value in values.items():
            setattr(interaction, key, value)
        session.flush()
        _consequences(session, customer, interaction, clock())
    return interaction


def get_interaction(session: Session, interaction_id: int) -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    if interaction is None or interaction.deleted_at is not None:
        raise UserError("找不到编号为 {interaction_id} 的跟进记录（可能已被删除）", interaction_id=interaction_id)
    return interaction


def delete_interactions(session: Session, ids: Iterable[int]) -> int:
    """Move interactions to the recycle bin (undoable); how many were moved."""
    return move_to_bin(session, Interaction, ids, "跟进记录")


def restore_interactions(session: Session, ids: Iterable[int]) -> int:
    return restore_from_bin(session, Interaction, ids, "跟进记录")


def _validated(session: Session, customer_id: int, data: Mapping[str, Any], *,
               partial: bool = False) -> dict[str, Any]:
    values = f.validate(INTERACTION_FIELDS, data, partial=partial)
    problems: dict[str, str] = {}
    contact_id = values.get("contact_id")
    if contact_id is not None:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.deleted_at is not None or contact.customer_id != customer_id:
            problems["contact_id"] = Text("联系人：不是这个客户的联系人（或已被删除）")
    script_id, reply_id = values.get("script_id"), values.get("reply_id")
    if script_id is not None and session.get(ObjectionScript, script_id) is None:
        problems["script_id"] = Text("话术：找不到编号为 {id} 的话术", id=script_id)
    if reply_id is not None:
        reply = session.get(ScriptReply, reply_id)
        if reply is None:
            problems["reply_id"] = Text("应答：找不到编号为 {id} 的应答", id=reply_id)
        elif script_id is None:
            values["script_id"] = reply.script_id
        elif reply.script_id != script_id:
            problems["reply_id"] = Text("应答：这条应答不属于所选的话术")
    if problems:
        raise ValidationError(Text("；").join(problems.values()), problems)
    return values


def _next_due(raw: datetime | str | None, next_step: str | None) -> datetime | None:
    try:
        due = a_datetime(raw)
    except ValidationError as exc:
        message = Text("下次跟进时间：{problem}", problem=exc.args[0])
        raise ValidationError(message, {"next_due": message}) from None
    if due is not None and not next_step:
        raise ValidationError("有下次跟进时间时，请写下一步做什么",
                              {"next_step": Text("下一步：有下次跟进时间时不能为空")})
    return due


def _consequences(session: Session, customer: Customer, interaction: Interaction,
                  now: datetime) -> None:
    """What a logged interaction changes elsewhere: the contact's mood, the customer's
    last contact, and open dormant reminders (resolved: the customer was just contacted)."""
    if interaction.mood and interaction.contact_id:
        contact = session.get(Contact, interaction.contact_id)
        newer = session.scalar(
            select(Interaction.id).where(
                Interaction.contact_id == interaction.contact_id, Interaction.id != interaction.id,
                Interaction.deleted_at.is_(None), Interaction.mood.is_not(None),
                Interaction.occurred_at > interaction.occurred_at).limit(1))
        if contact is not None and newer is None:
            contact.last_emotion = interaction.mood
            contact.last_emotion_at = interaction.occurred_at
    # Until services/figures.py keeps last_contact_at (pre-commit), it is kept here.
    if interaction.occurred_at <= now and (
            customer.last_contact_at is None or customer.last_contact_at < interaction.occurred_at):
        customer.last_contact_at = interaction.occurred_at
    for reminder in session.scalars(select(FollowUp).where(
            FollowUp.customer_id == customer.id, FollowUp.kind == FollowUpKind.DORMANT.value,
            FollowUp.status == "open", FollowUp.deleted_at.is_(None))):
        reminder.status = "done"
        reminder.completed_at = now
        reminder.interaction_id = interaction.id
