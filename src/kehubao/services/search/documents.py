"""What each searchable thing looks like to the search: customers, contacts, interactions
and objection scripts flattened into rows of `search_doc`.

What is indexed is what people search for: names, reach, places, tags, needs,
preferences, notes and what was said. Long descriptive fields read on the card
(personality, communication style, licences, sales network) stay out of the index: each
token costs index time, and nobody looks a customer up by them.

A full rebuild turns about a million rows into documents, so the hot path is plain:
timestamps are read as text (no datetime parsing), labels come from dicts, and one
builder function per kind serves both the full rebuild and incremental updates, so the
two can never produce different documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from ...models import (
    Contact,
    Customer,
    Interaction,
    ObjectionCategory,
    ObjectionScript,
    ScriptReply,
    Tag,
    customer_tag,
)
from ...models.enums import CustomerStatus, CustomerType, InteractionKind, ServiceElement
from ...normalize import name_key
from ...pinyin_keys import name_keys
from .text import phone_grams

DOC_COLUMNS = ["kind", "ref_id", "customer_id", "rank", "title", "subtitle", "name_key",
               "names", "keys", "body"]
BATCH = 5_000

_STATUS_POINTS = {"stable": 60, "deal": 50, "intent": 40, "potential": 25, "lost": 10,
                  "dropped": 0}
_CLASS_POINTS = {"4": 40, "2": 30, "3": 25, "1": 0}
_GRADE_POINTS = {"A": 15, "B": 10, "C": 5}
_EPOCH = date(2000, 1, 1).toordinal()
DAYS_PER_POINT = 10
_STATUS = dict(CustomerStatus.choices())
_TYPE = dict(CustomerType.choices())
_INTERACTION = dict(InteractionKind.choices())
_ELEMENT = dict(ServiceElement.choices())
_day_cache: dict[str, int] = {}


def day_number(stamp: str | None) -> int:
    """Days since 2000-01-01 of a stored 'YYYY-MM-DD...' timestamp (0 when missing)."""
    if not stamp:
        return 0
    day = stamp[:10]
    number = _day_cache.get(day)
    if number is None:
        number = date.fromisoformat(day).toordinal() - _EPOCH
        if len(_day_cache) < 100_000:
            _day_cache[day] = number
    return number


def customer_rank(status: str | None, value_class: str | None, grade: str | None,
                  last_contact: str | None, created: str | None) -> int:
    """Higher first. Recency in days plus importance worth ten days a point, so a
    precious, active customer comes before a dormant one, and a customer not contacted
    for years sinks below fresh prospects. Independent of today's date, so it never
    goes stale."""
    points = (_STATUS_POINTS.get(status or "", 20) + _CLASS_POINTS.get(value_class or "", 10)
              + _GRADE_POINTS.get(grade or "", 0))
    return day_number(last_contact or created) + DAYS_PER_POINT * points


def _join(*parts: str | None) -> str:
    return " \n ".join([p for p in parts if p])


def _name_keys(text: str | None, person: bool) -> list[str]:
    if not text:
        return []
    keys = name_keys(text, person=person)
    return [*keys.variants, *keys.initials]


def _keys(names: list[str], phones: Iterable[str | None], extras: Iterable[str | None]) -> str:
    grams = [phone_grams(p) for p in phones if p]
    words = [e.lower() for e in extras if e]
    return " " + " ".join([*dict.fromkeys(names), *grams, *words]) + " "


def _stamp(column):  # type: ignore[no-untyped-def]
    """Read a DateTime column as its stored text: parsing a million datetimes costs
    seconds and only the day is needed."""
    return type_coerce(column, String)


def _rows(session: Session, stmt) -> Iterator[list]:  # type: ignore[no-untyped-def]
    result = session.execute(stmt.execution_options(yield_per=BATCH))
    while rows := result.fetchmany(BATCH):
        yield rows


def _tags_of(session: Session, ids: list[int]) -> dict[int, str]:
    tags: dict[int, list[str]] = {}
    stmt = (select(customer_tag.c.customer_id, Tag.name)
            .join(Tag, Tag.id == customer_tag.c.tag_id)
            .where(customer_tag.c.customer_id.in_(ids)))
    for customer_id, name in session.execute(stmt):
        tags.setdefault(customer_id, []).append(name)
    return {k: " ".join(v) for k, v in tags.items()}


def customer_docs(session: Session, ids: Iterable[int] | None = None) -> Iterator[tuple]:
    c = Customer
    stmt = select(c.id, c.name, c.short_name, c.code, c.kind, c.status, c.value_class, c.grade,
                  _stamp(c.last_contact_at), _stamp(c.created_at), c.customer_type, c.industry,
                  c.province, c.city, c.district, c.address, c.region, c.phone, c.email,
                  c.website, c.source, c.notes, c.licences, c.sales_network
                  ).where(c.deleted_at.is_(None)).order_by(c.id)
    if ids is not None:
        stmt = stmt.where(c.id.in_(list(ids)))
    for rows in _rows(session, stmt):
        tags = _tags_of(session, [r[0] for r in rows])
        for r in rows:
            yield customer_doc(*r, tags=tags.get(r[0], ""))


def customer_doc(id: int, name: str, short_name: str | None, code: str | None, kind: str,
                 status: str, value_class: str | None, grade: str | None,
                 last_contact: str | None, created: str | None, customer_type: str | None,
                 industry: str | None, province: str | None, city: str | None,
                 district: str | None, address: str | None, region: str | None,
                 phone: str | None, email: str | None, website: str | None,
                 source: str | None, notes: str | None, licences: str | None,
                 sales_network: str | None, *, tags: str) -> tuple:
    subtitle = " · ".join([x for x in (city or province, _STATUS.get(status),
                                       _TYPE.get(customer_type or ""), industry) if x])
    return (
        "customer", id, id, customer_rank(status, value_class, grade, last_contact, created),
        name, subtitle, name_key(name), _join(name, short_name, code),
        _keys(_name_keys(name, kind == "person") + _name_keys(short_name, False),
              (phone,), (email,)),
        _join(tags, industry, province, city, district, address, region, notes),
    )


def contact_docs(session: Session, *, ids: Iterable[int] | None = None,
                 customer_ids: Iterable[int] | None = None) -> Iterator[tuple]:
    p, c = Contact, Customer
    stmt = (select(p.id, p.customer_id, p.name, p.title, p.department, p.mobile, p.phone,
                   p.email, p.wechat, p.qq, p.address, p.native_place, p.personality,
                   p.communication_style, p.needs, p.preferences, p.notes, p.is_primary,
                   c.name, c.status, c.value_class, c.grade, _stamp(c.last_contact_at),
                   _stamp(c.created_at))
            .join(c, c.id == p.customer_id)
            .where(p.deleted_at.is_(None), c.deleted_at.is_(None))
            .order_by(p.id))
    if ids is not None:
        stmt = stmt.where(p.id.in_(list(ids)))
    if customer_ids is not None:
        stmt = stmt.where(p.customer_id.in_(list(customer_ids)))
    for rows in _rows(session, stmt):
        for r in rows:
            yield contact_doc(*r)


def contact_doc(id: int, customer_id: int, name: str, title: str | None,
                department: str | None, mobile: str | None, phone: str | None,
                email: str | None, wechat: str | None, qq: str | None, address: str | None,
                native_place: str | None, personality: str | None,
                communication_style: str | None, needs: str | None, preferences: str | None,
                notes: str | None, is_primary: bool, company: str, status: str,
                value_class: str | None, grade: str | None, last_contact: str | None,
                created: str | None) -> tuple:
    rank = customer_rank(status, value_class, grade, last_contact, created)
    return (
        "contact", id, customer_id, rank + (5 if is_primary else 0), name,
        f"{title} · {company}" if title else company, name_key(name), name,
        _keys(_name_keys(name, True), (mobile, phone), (email, wechat, qq)),
        _join(department, title, address, native_place, needs, preferences, notes),
    )


def interaction_docs(session: Session, *, ids: Iterable[int] | None = None,
                     customer_ids: Iterable[int] | None = None) -> Iterator[tuple]:
    i, c = Interaction, Customer
    stmt = (select(i.id, i.customer_id, i.kind, _stamp(i.occurred_at), i.subject, i.content,
                   i.needs_found, i.objections, i.reply_used, i.outcome, i.next_step,
                   i.location, c.name)
            .join(c, c.id == i.customer_id)
            .where(i.deleted_at.is_(None), c.deleted_at.is_(None))
            .order_by(i.id))
    if ids is not None:
        stmt = stmt.where(i.id.in_(list(ids)))
    if customer_ids is not None:
        stmt = stmt.where(i.customer_id.in_(list(customer_ids)))
    for rows in _rows(session, stmt):
        for r in rows:
            yield interaction_doc(*r)


def interaction_doc(id: int, customer_id: int, kind: str, occurred: str | None,
                    subject: str | None, content: str | None, needs_found: str | None,
                    objections: str | None, reply_used: str | None, outcome: str | None,
                    next_step: str | None, location: str | None, company: str) -> tuple:
    label = _INTERACTION.get(kind, kind)
    title = subject or label
    return (
        "interaction", id, customer_id, day_number(occurred), title,
        f"{(occurred or '')[:10]} {label} · {company}", "", title, " ",
        _join(content, needs_found, objections, reply_used, outcome, next_step,
                        location),
    )


def script_docs(session: Session, ids: Iterable[int] | None = None) -> Iterator[tuple]:
    s = ObjectionScript
    stmt = (select(s.id, s.title, s.phrasings, s.element, s.reasoning, s.tips,
                   ObjectionCategory.name)
            .outerjoin(ObjectionCategory, ObjectionCategory.id == s.category_id)
            .where(s.deleted_at.is_(None)).order_by(s.id))
    if ids is not None:
        stmt = stmt.where(s.id.in_(list(ids)))
    for rows in _rows(session, stmt):
        replies: dict[int, list[str]] = {}
        success: dict[int, int] = {}
        for script_id, text, wins in session.execute(
            select(ScriptReply.script_id, ScriptReply.text, ScriptReply.success_count)
            .where(ScriptReply.script_id.in_([r[0] for r in rows]), ScriptReply.deleted_at.is_(None))
        ):
            replies.setdefault(script_id, []).append(text)
            success[script_id] = success.get(script_id, 0) + (wins or 0)
        for id, title, phrasings, element, reasoning, tips, category in rows:
            subtitle = " · ".join([x for x in (category, _ELEMENT.get(element or "")) if x])
            yield (
                "script", id, None, success.get(id, 0), title, subtitle, name_key(title),
                title, _keys(_name_keys(title, False), (), ()),
                _join(phrasings, reasoning, tips, *replies.get(id, ())),
            )
