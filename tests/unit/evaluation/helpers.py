"""Small builders shared by the evaluation tests."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from kehubao.models import Customer, EvaluationTemplate
from kehubao.services.evaluation.scoring import ScoreInput, evaluate
from kehubao.services.evaluation.templates import active_template


def customer(session: Session, name: str = "华联商贸", **values: object) -> Customer:
    row = Customer(name=name, **values)
    session.add(row)
    session.flush()
    return row


def scores(template: EvaluationTemplate, default: float = 8, **by_name: float) -> list[ScoreInput]:
    return [ScoreInput(i.id, by_name.get(i.name, default)) for i in template.indicators]


def evaluate_all(session: Session, customer_id: int, default: float = 8,
                 on: date | None = None, **by_name: float):  # type: ignore[no-untyped-def]
    template = active_template(session)
    return evaluate(session, customer_id, scores(template, default, **by_name), evaluated_on=on)
