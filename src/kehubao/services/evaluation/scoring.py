"""Evaluating a customer for a period: the weighted score (分值比例法), the grade, the
history and "why the grade changed".

分值比例法, as the seeds recommend it: every indicator i is scored s_i on its own scale
0…m_i and carries a weight w_i (the weights add up to 100%). The total is

    total = Σ_i  w_i × s_i / m_i × 100        (0 … 100 points)

so a perfect score on every indicator gives 100 whatever the scales, and an indicator
counts exactly as much as its weight says. The grade is the highest of A/B/C whose
threshold the total reaches (a total exactly on a threshold gets that, higher, grade);
below C is D.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import Customer, Evaluation, EvaluationTemplate, Score
from ...texts import Text
from ..journal import operation
from .templates import DEFAULT_THRESHOLDS, GRADES, active_template, level_text


def weighted_score(pairs: list[tuple[float, int, float]]) -> float:
    """Σ w × s / m × 100 over (weight share, max score, score), to two decimals.

    Summed in Decimal so a total that is exactly 85 by hand is exactly 85 here, not
    84.99999999 (which would cost the customer a grade)."""
    total = sum((Decimal(str(w)) * Decimal(str(s)) / Decimal(m) * 100 for w, m, s in pairs),
                Decimal(0))
    return float(total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def grade_for(total: float, thresholds: dict[str, float] | None = None) -> str:
    """A/B/C/D; exactly on a threshold earns the higher grade (85 with A ≥ 85 is A)."""
    limits = thresholds or DEFAULT_THRESHOLDS
    for grade in GRADES:
        if total >= float(limits.get(grade, DEFAULT_THRESHOLDS[grade])):
            return grade
    return "D"


def loyalty_pct(pairs: list[tuple[float, int, float, str | None]]) -> float | None:
    """The loyalty axis of the four classes: the weighted share of the loyalty indicators'
    scores, in percent; None when the template has no loyalty indicator (or none scored)."""
    loyal = [(w, m, s) for w, m, s, dim in pairs if dim == "loyalty"]
    weight = sum(Decimal(str(w)) for w, _m, _s in loyal)
    if not loyal or weight == 0:
        return None
    share = sum(Decimal(str(w)) * Decimal(str(s)) / Decimal(m) for w, m, s in loyal) / weight
    return float((share * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass
class ScoreInput:
    indicator_id: int
    value: float
    comment: str | None = None


def check_scores(template: EvaluationTemplate, scores: list[ScoreInput]) -> dict[int, ScoreInput]:
    """Every indicator scored once, within its scale; one sentence naming what is wrong."""
    by_id = {s.indicator_id: s for s in scores}
    known = {i.id: i for i in template.indicators}
    if unknown := set(by_id) - set(known):
        raise ValidationError("指标 {ids} 不属于模板“{name}”", ids=sorted(unknown),
                              name=template.name)
    missing = [i.name for i in template.indicators if i.id not in by_id]
    if missing:
        raise ValidationError("还有 {count} 项没有打分：{names}", count=len(missing),
                              names=Text("、").join(missing))
    for ind in template.indicators:
        value = by_id[ind.id].value
        if not 0 <= value <= ind.max_score:
            raise ValidationError("“{name}”的分数 {value} 超出 0–{max_score}",
                                  {str(ind.id): f"0–{ind.max_score}"}, name=ind.name,
                                  value=f"{value:g}", max_score=ind.max_score)
    return by_id


QUARTER_LABEL = re.compile(r"(\d{4})年第([1-4])季度")


def quarter_parts(label: str) -> tuple[int, int] | None:
    """(year, quarter) of a label written by `quarter_of`, for the UI to say it in
    another language; None for a label of another shape."""
    m = QUARTER_LABEL.fullmatch(label)
    return (int(m[1]), int(m[2])) if m else None


def quarter_of(day: date) -> tuple[str, date, date]:
    """(label, first day, last day) of the calendar quarter holding ``day``."""
    q = (day.month - 1) // 3
    start = date(day.year, 3 * q + 1, 1)
    end = date(day.year + (q == 3), (3 * q + 3) % 12 + 1, 1)
    return f"{day.year}年第{q + 1}季度", start, date.fromordinal(end.toordinal() - 1)


def customer_and_template(session: Session, customer_id: int,
                          template_id: int | None = None) -> tuple[Customer, EvaluationTemplate]:
    """The live customer to evaluate and the template to use (the active one by default);
    a clear error for either that is missing."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到客户 {customer_id}", customer_id=customer_id)
    template = (session.get(EvaluationTemplate, template_id) if template_id
                else active_template(session))
    if template is None:
        raise UserError("找不到评价模板 {template_id}", template_id=template_id)
    return customer, template


def evaluate(session: Session, customer_id: int, scores: list[ScoreInput], *,
             template_id: int | None = None, period_label: str | None = None,
             period_start: date | None = None, period_end: date | None = None,
             evaluated_on: date | None = None, notes: str | None = None,
             evaluator_id: int | None = None) -> Evaluation:
    """Record one evaluation (journaled), and cache the new grade and class on the customer.

    The class is the four-class rule applied to the 12-month volume and this evaluation's
    loyalty (services/evaluation/classes.py owns the rule)."""
    from .classes import classify, customer_volume_fen, load_thresholds

    customer, template = customer_and_template(session, customer_id, template_id)
    by_id = check_scores(template, scores)
    today = evaluated_on or date.today()
    label, start, end = quarter_of(today)
    pairs = [(i.weight, i.max_score, by_id[i.id].value, i.dimension) for i in template.indicators]
    total = weighted_score([(w, m, s) for w, m, s, _d in pairs])
    grade = grade_for(total, template.grade_thresholds)
    value_class = classify(customer_volume_fen(session, customer_id, today), loyalty_pct(pairs),
                           load_thresholds(session))
    with operation(session, "create", f"评价客户：{customer.name}"):
        evaluation = Evaluation(
            customer_id=customer_id, template_id=template.id,
            period_label=period_label or label, period_start=period_start or start,
            period_end=period_end or end, evaluated_on=today, evaluator_id=evaluator_id,
            total_score=total, grade=grade, value_class=value_class, notes=notes or None,
            scores=[Score(indicator_id=i.id, value=float(by_id[i.id].value),
                          comment=by_id[i.id].comment or None) for i in template.indicators])
        session.add(evaluation)
        customer.grade, customer.value_class = grade, value_class
        session.flush()
    return evaluation


# ------------------------------------------------------------------------ reading back


@dataclass
class IndicatorScore:
    indicator_id: int
    name: str
    weight_pct: float
    max_score: int
    value: float
    points: float  # weight × value / max × 100: what it adds to the total
    level: str
    comment: str | None = None
    dimension: str | None = None


@dataclass
class EvaluationSheet:
    """One evaluation as plain data: what the history shows and the PDF sheet prints."""

    id: int
    customer_id: int
    customer_name: str
    template_name: str
    template_version: int
    period_label: str
    period_start: date | None
    period_end: date | None
    evaluated_on: date
    total: float
    grade: str | None
    value_class: str | None
    loyalty_pct: float | None
    notes: str | None
    thresholds: dict[str, float]
    indicators: list[IndicatorScore] = field(default_factory=list)


def sheet(session: Session, evaluation: Evaluation) -> EvaluationSheet:
    """An evaluation with its template version's indicators, points and level texts."""
    template = evaluation.template
    values = {s.indicator_id: s for s in evaluation.scores}
    rows = []
    for ind in template.indicators:
        score = values.get(ind.id)
        value = score.value if score else 0.0
        rows.append(IndicatorScore(ind.id, ind.name, round(ind.weight * 100, 2), ind.max_score, value,
                                   weighted_score([(ind.weight, ind.max_score, value)]),
                                   level_text(ind, value), score.comment if score else None,
                                   ind.dimension))
    customer = session.get(Customer, evaluation.customer_id)
    return EvaluationSheet(
        evaluation.id, evaluation.customer_id, customer.name if customer else "", template.name,
        template.version, evaluation.period_label, evaluation.period_start, evaluation.period_end,
        evaluation.evaluated_on, evaluation.total_score, evaluation.grade, evaluation.value_class,
        loyalty_pct([(r.weight_pct / 100, r.max_score, r.value, r.dimension) for r in rows]),
        evaluation.notes, dict(template.grade_thresholds or DEFAULT_THRESHOLDS), rows)


def evaluation_sheet(session: Session, evaluation_id: int) -> EvaluationSheet:
    """One evaluation by id, as the evaluation sheet (客户评价表) prints it."""
    evaluation = session.get(Evaluation, evaluation_id)
    if evaluation is None or evaluation.deleted_at is not None:
        raise UserError("找不到评价 {evaluation_id}", evaluation_id=evaluation_id)
    return sheet(session, evaluation)


def history(session: Session, customer_id: int) -> list[EvaluationSheet]:
    """The customer's evaluations, newest first (the trend reads them backwards)."""
    evaluations = session.scalars(
        select(Evaluation).where(Evaluation.customer_id == customer_id,
                                 Evaluation.deleted_at.is_(None))
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc()))
    return [sheet(session, e) for e in evaluations]


def trend(sheets: list[EvaluationSheet]) -> list[tuple[str, float, str | None]]:
    """(period, total, grade) oldest first: the points of the customer's trend line."""
    return [(s.period_label, s.total, s.grade) for s in reversed(sheets)]


@dataclass
class IndicatorMove:
    name: str
    before: float | None  # None: the indicator is new in this version of the template
    after: float | None  # None: the indicator was dropped
    points_delta: float  # change of its contribution to the total, in points


@dataclass
class GradeChange:
    """Why the grade changed since the last evaluation: the total's move, and which
    indicators moved it, the biggest contribution first."""

    previous_id: int
    previous_period: str
    previous_total: float
    previous_grade: str | None
    total: float
    grade: str | None
    total_delta: float
    moves: list[IndicatorMove]

    @property
    def grade_changed(self) -> bool:
        return self.previous_grade != self.grade


def change_since_last(session: Session, evaluation_id: int) -> GradeChange | None:
    """Compare an evaluation with the customer's one before it (None if it is the first).

    Indicators are matched by name, so a change of template version still compares
    "忠诚度" with "忠诚度"; unchanged indicators are left out."""
    current = session.get(Evaluation, evaluation_id)
    if current is None:
        raise UserError("找不到评价 {evaluation_id}", evaluation_id=evaluation_id)
    previous = session.scalars(
        select(Evaluation).where(
            Evaluation.customer_id == current.customer_id, Evaluation.deleted_at.is_(None),
            (Evaluation.evaluated_on < current.evaluated_on)
            | ((Evaluation.evaluated_on == current.evaluated_on) & (Evaluation.id < current.id)))
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc()).limit(1)).first()
    if previous is None:
        return None
    now, before = sheet(session, current), sheet(session, previous)
    old = {r.name: r for r in before.indicators}
    new = {r.name: r for r in now.indicators}
    moves = []
    for name in [*new, *[n for n in old if n not in new]]:
        a, b = old.get(name), new.get(name)
        delta = round((b.points if b else 0) - (a.points if a else 0), 2)
        if a and b and a.value == b.value and delta == 0:
            continue
        moves.append(IndicatorMove(name, a.value if a else None, b.value if b else None, delta))
    moves.sort(key=lambda m: -abs(m.points_delta))
    return GradeChange(previous.id, previous.period_label, previous.total_score, previous.grade,
                       current.total_score, current.grade,
                       round(current.total_score - previous.total_score, 2), moves)


def latest_evaluation_id(session: Session, customer_id: int) -> int | None:
    return session.scalar(
        select(Evaluation.id).where(Evaluation.customer_id == customer_id,
                                    Evaluation.deleted_at.is_(None))
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc()).limit(1))


