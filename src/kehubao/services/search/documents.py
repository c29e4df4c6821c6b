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

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, exists, or_, select, type_coerce
from sqlalchemy.orm import Session

from ...models import (
    Contact,
    Customer,
    Interaction,
    ObjectionCategory,
    ObjectionScript,
    ScriptReply,
    SearchDoc,
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


@dataclass(frozen=True)
class DocFields:
    """Where the fields of one kind of record go in its search document — the one
    declaration the reindex, the import's bulk writer and the demo generator all build
    from, so a searchable field is added here and nowhere else. The weight of a field is
    its tier: `names` are matched exactly and by prefix (the first tiers), `pinyin`,
    `phones` and `handles` by keys, `body` only as contained text (the last tier)."""

    names: tuple[str, ...] = ()  # the names column: exact and prefix tiers
    pinyin: tuple[str, ...] = ()  # pinyin variants and initials of these, in keys
    phones: tuple[str, ...] = ()  # digit trigrams of these, in keys
    handles: tuple[str, ...] = ()  # e-mail, WeChat, QQ as typed (lower case), in keys
    body: tuple[str, ...] = ()  # text the last tier finds
    reads: tuple[str, ...] = ()  # also read: rank, subtitle, links

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field the document is built from, each once."""
        return tuple(dict.fromkeys((*self.reads, *self.names, *self.pinyin, *self.phones,
                                    *self.handles, *self.body)))


# `tags` is not a column: the customer's tag names, joined by spaces.
CUSTOMER_DOC = DocFields(
    names=("name", "short_name", "code"), pinyin=("name", "short_name"), phones=("phone",),
    handles=("email",),
    body=("tags", "industry", "province", "city", "district", "address", "region", "notes"),
    reads=("id", "kind", "status", "customer_type", "value_class", "grade", "last_contact_at",
           "created_at"))
CONTACT_DOC = DocFields(
    names=("name",), pinyin=("name",), phones=("mobile", "phone"),
    handles=("email", "wechat", "qq"),
    body=("department", "title", "address", "native_place", "needs", "preferences", "notes"),
    reads=("id", "customer_id", "is_primary"))
INTERACTION_DOC = DocFields(
    body=("content", "needs_found", "objections", "reply_used", "outcome", "next_step",
          "location"),
    reads=("id", "customer_id", "kind", "occurred_at", "subject"))
# What a contact's or an interaction's document reads of its customer.
COMPANY_DOC = ("name", "status", "value_class", "grade", "last_contact_at", "created_at")
_STAMPED = {"last_contact_at", "created_at", "occurred_at"}  # read as text: see _stamp


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


def _doc_keys(spec: DocFields, values: Mapping[str, Any], person: str | None) -> str:
    """The keys column: pinyin of the names (`person`: the field read as a person's
    name), digit trigrams of the numbers, the handles."""
    names = [k for f in spec.pinyin for k in _name_keys(values.get(f), f == person)]
    return _keys(names, [values.get(f) for f in spec.phones],
                 [values.get(f) for f in spec.handles])


def _texts(fields: tuple[str, ...], values: Mapping[str, Any]) -> str:
    return _join(*[values.get(f) for f in fields])


def _stamp(column):  # type: ignore[no-untyped-def]
    """Read a DateTime column as its stored text: parsing a million datetimes costs
    seconds and only the day is needed."""
    return type_coerce(column, String)


def _columns(model: type, fields: Iterable[str], prefix: str = "") -> list:
    """The select list reading `fields` of `model`, labelled `prefix` + field."""
    return [(_stamp(getattr(model, f)) if f in _STAMPED else getattr(model, f)).label(prefix + f)
            for f in fields]


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
    fields = [f for f in CUSTOMER_DOC.fields if f != "tags"]  # tags: see _tags_of
    stmt = select(*_columns(c, fields)).where(c.deleted_at.is_(None)).order_by(c.id)
    if ids is not None:
        stmt = stmt.where(c.id.in_(list(ids)))
    for rows in _rows(session, stmt):
        tags = _tags_of(session, [r[0] for r in rows])
        for r in rows:
            values = dict(zip(fields, r, strict=True))  # a dict: a row's mapping reads slower
            values["tags"] = tags.get(r[0], "")
            yield customer_doc(values)


def customer_doc(customer: Mapping[str, Any]) -> tuple:
    """The document of a customer, from its values by field name (see CUSTOMER_DOC)."""
    v = customer
    name, status = v["name"], v.get("status")
    subtitle = " · ".join([x for x in (v.get("city") or v.get("province"), _STATUS.get(status),
                                       _TYPE.get(v.get("customer_type") or ""), v.get("industry"))
                           if x])
    return (
        "customer", v["id"], v["id"], _rank(v), name, subtitle, name_key(name),
        _texts(CUSTOMER_DOC.names, v),
        _doc_keys(CUSTOMER_DOC, v, "name" if v.get("kind") == "person" else None),
        _texts(CUSTOMER_DOC.body, v),
    )


def _rank(customer: Mapping[str, Any]) -> int:
    return customer_rank(customer.get("status"), customer.get("value_class"),
                         customer.get("grade"), customer.get("last_contact_at"),
                         customer.get("created_at"))


def _with_customer(session: Session, model: Any, fields: tuple[str, ...],
                   customer_fields: tuple[str, ...], ids: Iterable[int] | None,
                   customer_ids: Iterable[int] | None) -> Iterator[tuple[dict, dict]]:
    """(values, its customer's values) of the live records of `model` (contacts,
    interactions) of live customers, by field name, in id order."""
    c = Customer
    stmt = (select(*_columns(model, fields), *_columns(c, customer_fields, "c_"))
            .join(c, c.id == model.customer_id)
            .where(model.deleted_at.is_(None), c.deleted_at.is_(None))
            .order_by(model.id))
    if ids is not None:
        stmt = stmt.where(model.id.in_(list(ids)))
    if customer_ids is not None:
        stmt = stmt.where(model.customer_id.in_(list(customer_ids)))
    n = len(fields)
    for rows in _rows(session, stmt):
        for r in rows:
            yield (dict(zip(fields, r[:n], strict=True)),
                   dict(zip(customer_fields, r[n:], strict=True)))


def contact_docs(session: Session, *, ids: Iterable[int] | None = None,
                 customer_ids: Iterable[int] | None = None) -> Iterator[tuple]:
    for contact, customer in _with_customer(session, Contact, CONTACT_DOC.fields, COMPANY_DOC,
                                            ids, customer_ids):
        yield contact_doc(contact, customer)


def contact_doc(contact: Mapping[str, Any], customer: Mapping[str, Any]) -> tuple:
    """The document of a contact (see CONTACT_DOC), ranked with its customer (the
    COMPANY_DOC values of it), the primary contact a little higher."""
    v = contact
    title, company = v.get("title"), customer["name"]
    return (
        "contact", v["id"], v["customer_id"], _rank(customer) + (5 if v.get("is_primary") else 0),
        v["name"], f"{title} · {company}" if title else company, name_key(v["name"]),
        _texts(CONTACT_DOC.names, v), _doc_keys(CONTACT_DOC, v, "name"),
        _texts(CONTACT_DOC.body, v),
    )


def interaction_docs(session: Session, *, ids: Iterable[int] | None = None,
                     customer_ids: Iterable[int] | None = None) -> Iterator[tuple]:
    for interaction, customer in _with_customer(session, Interaction, INTERACTION_DOC.fields,
                                                ("name",), ids, customer_ids):
        yield interaction_doc(interaction, customer)


def interaction_doc(interaction: Mapping[str, Any], customer: Mapping[str, Any]) -> tuple:
    """The document of an interaction (see INTERACTION_DOC): found by what was said,
    ranked by when."""
    v = interaction
    occurred = v.get("occurred_at")
    label = _INTERACTION.get(v["kind"], v["kind"])
    title = v.get("subject") or label
    return (
        "interaction", v["id"], v["customer_id"], day_number(occurred), title,
        f"{(occurred or '')[:10]} {label} · {customer['name']}", "", title, " ",
        _texts(INTERACTION_DOC.body, v),
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


def live_documents() -> ColumnElement[bool]:
    """Documents a search may show: those of live customers (and scripts, which belong to
    none). A customer in the recycle bin keeps its documents, hidden by this condition,
    so binning and restoring 20,000 customers rebuilds nothing (search/index.py)."""
    return or_(SearchDoc.customer_id.is_(None),
               exists().where(Customer.id == SearchDoc.customer_id, Customer.deleted_at.is_(None)))
