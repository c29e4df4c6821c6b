"""Evaluation templates: weighted indicators, each with a scale described level by level.

A company defines its own yardstick; the starter template follows the seeds (development
ability, sales management, network, promotion, after-sales service, relationship with us,
satisfaction, loyalty, contribution, dependence). Editing a template that already has
evaluations makes a new *version* of it — the old evaluations keep pointing at the
indicators and weights they were scored on, so an old evaluation sheet never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from ...errors import ValidationError
from ...models import Evaluation, EvaluationTemplate, Indicator
from ...texts import Text
from ..journal import operation

GRADES = ("A", "B", "C")  # D is "below C"
DEFAULT_THRESHOLDS = {"A": 85.0, "B": 70.0, "C": 55.0}
DIMENSIONS = ("loyalty", "volume")


@dataclass
class IndicatorDraft:
    """One indicator as the editor holds it; ``weight_pct`` in percent (15 = 15%)."""

    name: str
    weight_pct: float
    max_score: int = 10
    description: str | None = None
    dimension: str | None = None
    levels: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class TemplateDraft:
    name: str
    indicators: list[IndicatorDraft]
    grade_thresholds: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_THRESHOLDS))
    description: str | None = None


def weight_total_pct(indicators: list[IndicatorDraft]) -> float:
    """The sum of the weights in percent, rounded to 0.01 (what the editor shows live)."""
    return round(sum(i.weight_pct for i in indicators), 2)


def weight_problem(indicators: list[IndicatorDraft]) -> str | None:
    """The sentence the editor shows while the weights do not add up, else None."""
    if not indicators:
        return Text("模板至少需要一项指标")
    total = weight_total_pct(indicators)
    if abs(total - 100) > 0.005:
        return Text("各项权重合计为 {total}%，应为 100%（还差 {gap}%）", total=f"{total:g}",
                    gap=f"{100 - total:+g}")
    return None


def validate(draft: TemplateDraft) -> None:
    """Refuse a template that cannot score fairly, with one sentence naming the problem."""
    if not draft.name.strip():
        raise ValidationError("请填写模板名称", {"name": Text("必填")})
    if problem := weight_problem(draft.indicators):
        raise ValidationError(problem, {"weights": problem})
    names = [i.name.strip() for i in draft.indicators]
    if any(not n for n in names):
        raise ValidationError("每项指标都要有名称")
    if len(set(names)) != len(names):
        raise ValidationError("指标名称不能重复")
    for ind in draft.indicators:
        if ind.weight_pct <= 0:
            raise ValidationError("指标“{name}”的权重必须大于 0", name=ind.name)
        if not 1 <= ind.max_score <= 100:
            raise ValidationError("指标“{name}”的满分须在 1 到 100 之间", name=ind.name)
        if ind.dimension not in (None, *DIMENSIONS):
            raise ValidationError("指标“{name}”的维度无效：{dimension}", name=ind.name,
                                  dimension=ind.dimension)
        for low, _text in ind.levels:
            if not 0 <= low <= ind.max_score:
                raise ValidationError("指标“{name}”的等级分数 {low} 超出 0–{max_score}",
                                      name=ind.name, low=low, max_score=ind.max_score)
    check_thresholds(draft.grade_thresholds)


def check_thresholds(thresholds: dict[str, float]) -> None:
    """A > B > C, each within 0–100: otherwise some grade could never be given."""
    try:
        a, b, c = (float(thresholds[g]) for g in GRADES)
    except (KeyError, TypeError, ValueError):
        raise ValidationError("请为 A、B、C 三个等级都填写最低分") from None
    if not 100 >= a > b > c >= 0:
        raise ValidationError("等级分数线须满足 100 ≥ A > B > C ≥ 0（现为 A {a}、B {b}、C {c}）",
                              a=f"{a:g}", b=f"{b:g}", c=f"{c:g}")


def draft_of(template: EvaluationTemplate) -> TemplateDraft:
    """The editor's starting point: the template as plain data, weights in percent."""
    return TemplateDraft(
        name=template.name, description=template.description,
        grade_thresholds={g: float(v) for g, v in (template.grade_thresholds or DEFAULT_THRESHOLDS).items()},
        indicators=[IndicatorDraft(i.name, round(i.weight * 100, 4), i.max_score, i.description,
                                   i.dimension, [(int(lo), str(t)) for lo, t in (i.levels or [])])
                    for i in template.indicators])


def active_template(session: Session, family_key: str | None = None) -> EvaluationTemplate:
    """The template new evaluations use: the newest active version (of ``family_key``)."""
    stmt = select(EvaluationTemplate).where(EvaluationTemplate.is_active.is_(True))
    if family_key:
        stmt = stmt.where(EvaluationTemplate.family_key == family_key)
    template = session.scalars(stmt.order_by(EvaluationTemplate.id.desc()).limit(1)).first()
    if template is None:
        raise ValidationError("还没有评价模板，请先新建一个")
    return template


def list_templates(session: Session) -> list[EvaluationTemplate]:
    """Active templates, one per family (the newest version)."""
    return list(session.scalars(select(EvaluationTemplate)
                                .where(EvaluationTemplate.is_active.is_(True))
                                .order_by(EvaluationTemplate.family_key)))


def has_evaluations(session: Session, template_id: int) -> bool:
    return bool(session.scalar(select(exists().where(Evaluation.template_id == template_id))))


def save_template(session: Session, draft: TemplateDraft, template_id: int | None = None,
                  family_key: str | None = None) -> EvaluationTemplate:
    """Create a template or save an edit, journaled (Ctrl+Z undoes it).

    Editing a template that has evaluations leaves it as it is (inactive) and writes a new
    version of the same family, so past evaluations keep their own indicators."""
    validate(draft)
    old = session.get(EvaluationTemplate, template_id) if template_id else None
    with operation(session, "edit", f"保存评价模板：{draft.name.strip()}"):
        if old is not None and not has_evaluations(session, old.id):
            old.name, old.description = draft.name.strip(), draft.description
            old.grade_thresholds = {g: float(draft.grade_thresholds[g]) for g in GRADES}
            old.indicators = _indicators(draft)
            session.flush()
            return old
        if old is not None:
            old.is_active = False
            key, version = old.family_key, old.version + 1
        else:
            key = family_key or f"custom-{_next_family_number(session)}"
            version = 1 + (session.scalar(select(func.max(EvaluationTemplate.version))
                                          .where(EvaluationTemplate.family_key == key)) or 0)
        template = EvaluationTemplate(
            family_key=key, version=version, name=draft.name.strip(), description=draft.description,
            grade_thresholds={g: float(draft.grade_thresholds[g]) for g in GRADES},
            indicators=_indicators(draft))
        session.add(template)
        session.flush()
        return template


def _indicators(draft: TemplateDraft) -> list[Indicator]:
    return [Indicator(name=i.name.strip(), weight=round(i.weight_pct / 100, 6), max_score=i.max_score,
                      description=i.description, dimension=i.dimension,
                      levels=[[int(lo), t] for lo, t in sorted(i.levels, reverse=True)] or None,
                      sort_order=n)
            for n, i in enumerate(draft.indicators)]


def _next_family_number(session: Session) -> int:
    return 1 + (session.scalar(select(func.count(func.distinct(EvaluationTemplate.family_key)))) or 0)


def level_text(indicator: Indicator, score: float | None) -> str:
    """The description of the level a score falls in ("" without a scale or score)."""
    if score is None:
        return ""
    for low, text in indicator.levels or []:
        if score >= low:
            return str(text)
    return ""
