"""Gathering the plain data of each report from the database (one Session, reads only).

Parts of the evaluation and follow-up features are still being built; everything here
reads what the models hold today and tolerates what is missing (no evaluation yet → a
blank form; no previous evaluation → no comparison; no letterhead setting → defaults).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from ..config import APP_DISPLAY_NAME
from ..errors import UserError
from ..models import (
    Contact,
    Customer,
    Evaluation,
    EvaluationTemplate,
    FollowUp,
    Interaction,
    ObjectionScript,
    SalesRep,
    Setting,
    Transaction,
)
from ..models.enums import (
    CreditRating,
    CustomerKind,
    CustomerStatus,
    CustomerType,
    DecisionRole,
    Emotion,
    FollowUpKind,
    FollowUpStatus,
    InteractionKind,
    LabelledEnum,
    Ownership,
    Scale,
    TransactionKind,
    ValueClass,
)
from ..services.advice import CLASS_STRATEGY, advice_for
from ..texts import Text, renderings
from .model import (
    ArchiveCard,
    Brief,
    ContactInfo,
    CustomerInfo,
    EvaluationSheet,
    FollowUpInfo,
    Letterhead,
    ObjectionMet,
    ScoreRow,
    TradeLine,
    VisitRecord,
)
from .text import period

LETTERHEAD_SETTING = "letterhead"
# Keys a settings page may use for single values (read if the dict above is absent).
_SINGLE_KEYS = {"company": "company.name", "address": "company.address",
                "phone": "company.phone", "logo_path": "company.logo",
                "primary_colour": "report.primary_colour",
                "accent_colour": "report.accent_colour"}


def letterhead(session: Session) -> Letterhead:
    """The company letterhead from the `setting` table, defaults for what is not set."""
    return Letterhead(**letterhead_values(session))


def letterhead_values(session: Session) -> dict[str, str]:
    """The letterhead fields the user set, by `Letterhead` field name.

    Empty is not set. So is a company that is this program's own name, in any language
    it speaks: an earlier letterhead dialog offered it pre-filled and stored it with any
    other change, which printed 客户宝 as the user's company, in Chinese even on English
    reports; not set, the reports print their default in the language of the report."""
    own_names = renderings(Text(APP_DISPLAY_NAME))

    def usable(field_name: str, value: object) -> bool:
        return (isinstance(value, str) and bool(value.strip())
                and not (field_name == "company" and value.strip() in own_names))

    values: dict[str, str] = {}
    stored = session.get(Setting, LETTERHEAD_SETTING)
    if stored is not None and isinstance(stored.value, dict):
        aliases = {"name": "company", "logo": "logo_path", "color": "primary_colour",
                   "primary_color": "primary_colour", "accent_color": "accent_colour"}
        for key, value in stored.value.items():
            if usable(aliases.get(key, key), value):
                values[aliases.get(key, key)] = value.strip()
    for field_name, key in _SINGLE_KEYS.items():
        if field_name not in values:
            single = session.get(Setting, key)
            if single is not None and usable(field_name, single.value):
                values[field_name] = single.value.strip()
    known = set(Letterhead.__dataclass_fields__)
    return {k: v for k, v in values.items() if k in known}


def get_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到编号为 {customer_id} 的客户。", customer_id=customer_id)
    return customer


def _label(enum: type[LabelledEnum], code: str | None) -> str:
    """A stored code's label in the user's language (the UI translates the labels of
    every enum; an unknown code prints as it is)."""
    label = enum.label_of(code)
    return Text(label) if label else ""


def _strategy(value_class: str | None) -> str:
    """The class's strategy in the user's language (empty for a customer not classed)."""
    strategy = CLASS_STRATEGY.get(value_class or "", "")
    return Text(strategy) if strategy else ""


def customer_info(customer: Customer) -> CustomerInfo:
    region = " ".join(p for p in (customer.province, customer.city, customer.district) if p)
    return CustomerInfo(
        id=customer.id, name=customer.name, code=customer.code or "",
        short_name=customer.short_name or "", kind=_label(CustomerKind, customer.kind),
        customer_type=_label(CustomerType, customer.customer_type),
        status=_label(CustomerStatus, customer.status), industry=customer.industry or "",
        ownership=_label(Ownership, customer.ownership), scale=_label(Scale, customer.scale),
        employees=customer.employees, annual_revenue_wan=customer.annual_revenue_wan,
        registered_capital_wan=customer.registered_capital_wan,
        credit_rating=_label(CreditRating, customer.credit_rating),
        licences=customer.licences or "", sales_network=customer.sales_network or "",
        region=customer.region or region, address=" ".join(
            p for p in (region, customer.address) if p),
        phone=customer.phone or "", email=customer.email or "", website=customer.website or "",
        source=customer.source or "", owner=customer.owner.name if customer.owner else "",
        credit_limit_fen=customer.credit_limit_fen, notes=customer.notes or "",
        value_class=customer.value_class or "",
        value_class_label=_label(ValueClass, customer.value_class),
        grade=customer.grade or "", last_contact_at=customer.last_contact_at,
        next_follow_up_at=customer.next_follow_up_at,
        sales_12m_fen=customer.sales_12m_fen or 0, receivable_fen=customer.receivable_fen or 0,
        overdue_fen=customer.overdue_fen or 0, tags=[t.name for t in customer.tags],
    )


def contact_info(contact: Contact) -> ContactInfo:
    return ContactInfo(
        name=contact.name, title=contact.title or "", department=contact.department or "",
        role=_label(DecisionRole, contact.decision_role), mobile=contact.mobile or "",
        phone=contact.phone or "", wechat=contact.wechat or "", email=contact.email or "",
        birthday=(Text("{date}（农历）", date=contact.birthday.isoformat()) if contact.birthday_lunar
                  else contact.birthday.isoformat()) if contact.birthday else "",
        personality=contact.personality or "", preferences=contact.preferences or "",
        needs=contact.needs or "", last_emotion=_label(Emotion, contact.last_emotion),
        last_emotion_at=contact.last_emotion_at,
        # What was observed is printed with the facts; this is what to make of it.
        advice=[(a.topic, a.text) for a in advice_for(contact) if not a.observed],
        is_primary=contact.is_primary,
    )


# ---------------------------------------------------------------- evaluation

def _live_evaluations(session: Session, customer_id: int, limit: int) -> list[Evaluation]:
    return list(session.scalars(
        select(Evaluation)
        .where(Evaluation.customer_id == customer_id, Evaluation.deleted_at.is_(None))
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc()).limit(limit)))


def default_template(session: Session) -> EvaluationTemplate | None:
    """The template a blank form prints: the newest active version of the first family."""
    return session.scalar(
        select(EvaluationTemplate).where(EvaluationTemplate.is_active.is_(True))
        .order_by(EvaluationTemplate.id, EvaluationTemplate.version.desc()).limit(1))


def _evaluation_and_previous(session: Session, customer_id: int,
                             evaluation_id: int) -> tuple[Evaluation, Evaluation | None]:
    """One evaluation of the customer and the one just before it (by date, then id), so
    an older sheet reprinted today compares with what came before it, not with now."""
    chosen = session.get(Evaluation, evaluation_id)
    if chosen is None or chosen.deleted_at is not None or chosen.customer_id != customer_id:
        raise UserError("找不到这个客户编号为 {evaluation_id} 的评价。", evaluation_id=evaluation_id)
    previous = session.scalar(
        select(Evaluation)
        .where(Evaluation.customer_id == customer_id, Evaluation.deleted_at.is_(None),
               tuple_(Evaluation.evaluated_on, Evaluation.id)
               < tuple_(chosen.evaluated_on, chosen.id))
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc()).limit(1))
    return chosen, previous


def evaluation_sheet(session: Session, customer_id: int,
                     evaluation_id: int | None = None) -> EvaluationSheet:
    """The customer's evaluation `evaluation_id` (default: the latest) with the one before
    it for comparison, or a blank form on the default template when the customer was
    never evaluated."""
    customer = get_customer(session, customer_id)
    info = customer_info(customer)
    if evaluation_id is not None:
        latest, previous = _evaluation_and_previous(session, customer_id, evaluation_id)
    else:
        latest, *rest = _live_evaluations(session, customer_id, 2) or [None]
        previous = rest[0] if rest else None
    if latest is None:
        template = default_template(session)
        if template is None:
            raise UserError("没有评价模板，无法生成评价表。")
        rows = [ScoreRow(i.name, i.weight, i.max_score, i.description or "",
                         dimension=i.dimension or "") for i in template.indicators]
        return EvaluationSheet(info, template.name, rows, dict(template.grade_thresholds or {}),
                               strategy=_strategy(customer.value_class))
    scores = {s.indicator_id: s for s in latest.scores}
    before = {s.indicator_id: s.value for s in previous.scores} if previous else {}
    rows = []
    for ind in latest.template.indicators:
        score = scores.get(ind.id)
        # A previous evaluation on another template version matches indicators by name.
        prev = before.get(ind.id)
        if prev is None and previous is not None:
            by_name = {i.name: i.id for i in previous.template.indicators}
            prev = before.get(by_name.get(ind.name, -1))
        rows.append(ScoreRow(ind.name, ind.weight, ind.max_score, ind.description or "",
                             score.value if score else None, prev,
                             (score.comment or "") if score else "", ind.dimension or ""))
    evaluator = session.get(SalesRep, latest.evaluator_id) if latest.evaluator_id else None
    value_class = latest.value_class or customer.value_class or ""
    sheet = EvaluationSheet(
        info, latest.template.name, rows, dict(latest.template.grade_thresholds or {}),
        period_label=period(latest.period_label), evaluated_on=latest.evaluated_on,
        evaluator=evaluator.name if evaluator else "", total=latest.total_score,
        grade=latest.grade or "", value_class=value_class,
        value_class_label=_label(ValueClass, value_class),
        strategy=_strategy(value_class), notes=latest.notes or "")
    if previous is not None:
        sheet.previous_period = period(previous.period_label)
        sheet.previous_total = previous.total_score
        sheet.previous_grade = previous.grade or ""
        sheet.previous_class_label = _label(ValueClass, previous.value_class)
    return sheet


# ---------------------------------------------------------------- visits

def _visit(session: Session, row: Interaction, customer_name: str,
           contacts: dict[int, Contact] | None = None) -> VisitRecord:
    contact = (contacts or {}).get(row.contact_id or -1) or (
        session.get(Contact, row.contact_id) if row.contact_id else None)
    owner = session.get(SalesRep, row.owner_id) if row.owner_id else None
    follow = session.scalar(
        select(FollowUp.due_at).where(FollowUp.interaction_id == row.id,
                                      FollowUp.deleted_at.is_(None))
        .order_by(FollowUp.due_at).limit(1))
    return VisitRecord(
        customer_id=row.customer_id, customer_name=customer_name, occurred_at=row.occurred_at,
        kind=_label(InteractionKind, row.kind), contact=contact.name if contact else "",
        contact_title=(contact.title or "") if contact else "",
        owner=owner.name if owner else "", duration_minutes=row.duration_minutes,
        location=row.location or "", purpose=row.subject or "", content=row.content or "",
        mood=_label(Emotion, row.mood), needs_found=row.needs_found or "",
        objections=row.objections or "", reply_used=row.reply_used or "",
        reply_worked=row.reply_worked, outcome=row.outcome or "",
        next_step=row.next_step or "", follow_up_on=follow)


def visit_record(session: Session, interaction_id: int) -> VisitRecord:
    row = session.get(Interaction, interaction_id)
    if row is None or row.deleted_at is not None:
        raise UserError("找不到编号为 {interaction_id} 的跟进记录。", interaction_id=interaction_id)
    return _visit(session, row, get_customer(session, row.customer_id).name)


def latest_visit(session: Session, customer_id: int) -> VisitRecord:
    """The customer's last visit or meeting (or, failing that, last contact of any kind)."""
    customer = get_customer(session, customer_id)
    base = select(Interaction).where(Interaction.customer_id == customer_id,
                                     Interaction.deleted_at.is_(None))
    order = (Interaction.occurred_at.desc(), Interaction.id.desc())
    row = session.scalar(base.where(Interaction.kind.in_(("visit", "meeting")))
                         .order_by(*order).limit(1)) or session.scalar(
        base.order_by(*order).limit(1))
    if row is None:
        raise UserError("客户“{name}”还没有拜访记录。", name=customer.name)
    return _visit(session, row, customer.name)


def visits_between(session: Session, start: date, end: date, *,
                   kinds: tuple[str, ...] = ("visit", "meeting")) -> list[VisitRecord]:
    """Visits from `start` to `end` inclusive, in time order (a day's or a week's list)."""
    rows = session.execute(
        select(Interaction, Customer.name).join(Customer, Customer.id == Interaction.customer_id)
        .where(Interaction.deleted_at.is_(None), Customer.deleted_at.is_(None),
               Interaction.kind.in_(kinds),
               Interaction.occurred_at >= datetime.combine(start, time()),
               Interaction.occurred_at < datetime.combine(end + timedelta(days=1), time()))
        .order_by(Interaction.occurred_at, Interaction.id)).all()
    return [_visit(session, row, name) for row, name in rows]


# ---------------------------------------------------------------- brief, archive, list

def _contacts(customer: Customer) -> list[ContactInfo]:
    return [contact_info(c) for c in customer.contacts]


def brief(session: Session, customer_id: int, *, now: datetime | None = None) -> Brief:
    """Everything to read before a visit, on one page."""
    now = now or datetime.now()
    customer = get_customer(session, customer_id)
    names = {c.id: c.name for c in customer.contacts}
    follow_ups = [
        FollowUpInfo(f.title, f.due_at, _label(FollowUpKind, f.kind), f.note or "",
                     names.get(f.contact_id or -1, ""), f.due_at < now)
        for f in session.scalars(
            select(FollowUp).where(FollowUp.customer_id == customer_id,
                                   FollowUp.deleted_at.is_(None),
                                   FollowUp.status == FollowUpStatus.OPEN.value)
            .order_by(FollowUp.due_at).limit(8))]
    met: list[ObjectionMet] = []
    for row in session.scalars(
            select(Interaction).where(Interaction.customer_id == customer_id,
                                      Interaction.deleted_at.is_(None),
                                      Interaction.objections.is_not(None),
                                      Interaction.objections != "")
            .order_by(Interaction.occurred_at.desc()).limit(3)):
        suggested: list[str] = []
        if row.script_id:
            script = session.get(ObjectionScript, row.script_id)
            if script is not None:
                suggested = [r.text for r in script.replies[:2]]
        met.append(ObjectionMet(row.occurred_at, row.objections or "", row.reply_used or "",
                                row.reply_worked, suggested))
    last = session.scalar(
        select(Interaction).where(Interaction.customer_id == customer_id,
                                  Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_at.desc()).limit(1))
    return Brief(customer_info(customer), _contacts(customer), follow_ups, met,
                 _strategy(customer.value_class),
                 _visit(session, last, customer.name) if last else None)


def archive_card(session: Session, customer_id: int) -> ArchiveCard:
    customer = get_customer(session, customer_id)
    names = {c.id: c for c in customer.contacts}
    recent = [_visit(session, row, customer.name, names) for row in session.scalars(
        select(Interaction).where(Interaction.customer_id == customer_id,
                                  Interaction.deleted_at.is_(None))
        .order_by(Interaction.occurred_at.desc()).limit(5))]
    trades = [TradeLine(t.occurred_on, _label(TransactionKind, t.kind), t.amount_fen,
                        t.product or "", t.reference or "", t.due_on)
              for t in session.scalars(
                  select(Transaction).where(Transaction.customer_id == customer_id,
                                            Transaction.deleted_at.is_(None))
                  .order_by(Transaction.occurred_on.desc()).limit(8))]
    return ArchiveCard(customer_info(customer), _contacts(customer), recent, trades)


LIST_LIMIT = 20000


def _list_filter(query, region: str | None, value_class: str | None):  # type: ignore[no-untyped-def]
    query = query.where(Customer.deleted_at.is_(None))
    if region:
        query = query.where((Customer.region == region) | (Customer.province == region)
                            | (Customer.city == region))
    if value_class:
        query = query.where(Customer.value_class == value_class)
    return query


def customer_list(session: Session, *, region: str | None = None,
                  value_class: str | None = None, limit: int = LIST_LIMIT
                  ) -> list[CustomerInfo]:
    """Live customers of a region and/or a class, in pinyin order (at most `limit`)."""
    query = _list_filter(select(Customer), region, value_class)
    rows = session.scalars(query.order_by(Customer.name_sort, Customer.id).limit(limit))
    return [customer_info(c) for c in rows]


def customer_count(session: Session, *, region: str | None = None,
                   value_class: str | None = None) -> int:
    """How many customers `customer_list` would list without its limit."""
    return session.scalar(_list_filter(select(func.count(Customer.id)), region, value_class)) or 0


def customer_ids(session: Session, *, value_class: str | None = None) -> list[int]:
    """Ids of live customers (optionally of one class), for batch printing."""
    query = select(Customer.id).where(Customer.deleted_at.is_(None))
    if value_class:
        query = query.where(Customer.value_class == value_class)
    return list(session.scalars(query.order_by(Customer.id)))
