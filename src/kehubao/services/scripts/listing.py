"""What the library page and the quick panel show, read in one unit of work each: the
ranked list, one script with its replies' statistics, and the one-line reminder about
the contact in front of you."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Contact, Customer, ObjectionCategory, ObjectionScript
from ...models.enums import Emotion
from ...texts import Text
from ..advice import advice_for
from .content import ScriptContent, content_of, parse_item
from .editing import get_script
from .usage import Tally, UsageStats, usage_stats


@dataclass
class ScriptRow:
    id: int
    title: str
    category: str
    element: str
    archived: bool
    is_builtin: bool
    has_offer: bool
    tally: Tally


@dataclass
class Library:
    categories: list[str]
    rows: list[ScriptRow]  # ranked by success (Wilson lower bound), then library order


def library_rows(session: Session, *, archived: bool = False) -> Library:
    """Every live script (only archived ones with archived=True), best success first."""
    stats = usage_stats(session)
    s = ObjectionScript
    categories = dict(session.execute(select(ObjectionCategory.id, ObjectionCategory.name)).all())
    rows = []
    for sid, title, cat, element, is_archived, builtin, offer in session.execute(
            select(s.id, s.title, s.category_id, s.element, s.archived, s.is_builtin,
                   s.builtin_offer.is_not(None))
            .where(s.deleted_at.is_(None), s.archived.is_(archived))
            .order_by(s.is_builtin.desc(), s.id)):
        rows.append(ScriptRow(sid, title, categories.get(cat, ""), element or "",
                              bool(is_archived), bool(builtin), bool(offer),
                              stats.scripts.get(sid, Tally())))
    order = {r.id: n for n, r in enumerate(rows)}
    rows.sort(key=lambda r: (-r.tally.score, order[r.id]))
    names = list(session.scalars(select(ObjectionCategory.name)
                                 .order_by(ObjectionCategory.sort_order, ObjectionCategory.id)))
    return Library(names, rows)


@dataclass
class ReplyView:
    id: int
    text: str
    reasoning: str
    tally: Tally


@dataclass
class ScriptDetail:
    id: int
    content: ScriptContent
    archived: bool
    is_builtin: bool
    tally: Tally
    replies: list[ReplyView]
    offer: ScriptContent | None = None
    categories: list[str] = field(default_factory=list)


def script_detail(session: Session, script_id: int, stats: UsageStats | None = None) -> ScriptDetail:
    """One script for the detail pane and the editor, replies with their counts."""
    script = get_script(session, script_id)
    stats = stats or usage_stats(session)
    replies = [ReplyView(r.id, r.text, r.reasoning or "", stats.replies.get(r.id, Tally()))
               for r in script.live_replies]
    return ScriptDetail(
        script.id, content_of(script), script.archived, script.is_builtin,
        stats.scripts.get(script.id, Tally()), replies,
        parse_item(script.builtin_offer) if script.builtin_offer else None,
        list(session.scalars(select(ObjectionCategory.name)
                             .order_by(ObjectionCategory.sort_order, ObjectionCategory.id))))


@dataclass
class ContactLine:
    customer_id: int
    contact_id: int | None
    text: str  # "张经理 · 上次情绪：怒 · 先安抚情绪…" — one line for the panel


def contact_line(session: Session, customer_id: int, contact_id: int | None) -> ContactLine | None:
    """Who the panel would log a use on, and the first piece of advice about them."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        return None
    contact = session.get(Contact, contact_id) if contact_id else None
    if contact is None:
        contact = session.scalar(select(Contact).where(
            Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
            .order_by(Contact.is_primary.desc(), Contact.id).limit(1))
    if contact is None:
        return ContactLine(customer_id, None, customer.name)
    parts = [f"{customer.name} · {contact.name}"]
    if contact.last_emotion:
        parts.append(Text("上次情绪：{mood}", mood=Text(
            Emotion.label_of(contact.last_emotion, contact.last_emotion))))
    advice = advice_for(contact)
    if advice:
        parts.append(advice[0].text if contact.last_emotion
                     else Text("{topic}：{text}", topic=advice[0].topic, text=advice[0].text))
    return ContactLine(customer_id, contact.id, " · ".join(parts))
