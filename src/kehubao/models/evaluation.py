"""Periodic multi-indicator evaluation (客户评价) by weighted scores (分值比例法).

Templates are versioned: editing a template that has evaluations creates a new version, so
an old evaluation sheet always prints with the indicators and weights it was scored on.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin, SoftDeleteMixin, TimestampMixin


class EvaluationTemplate(IdMixin, TimestampMixin, Base):
    __tablename__ = "evaluation_template"
    __table_args__ = (UniqueConstraint("family_key", "version"),)

    family_key: Mapped[str] = mapped_column(String(40))  # same across versions
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    # Minimum percentage for each grade, e.g. {"A": 85, "B": 70, "C": 55}; below is "D".
    grade_thresholds: Mapped[dict] = mapped_column(JSON, default=dict)

    indicators: Mapped[list["Indicator"]] = relationship(
        order_by="Indicator.sort_order", lazy="selectin", cascade="all, delete-orphan"
    )


class Indicator(IdMixin, Base):
    __tablename__ = "indicator"

    template_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation_template.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(60))
    description: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[float] = mapped_column(Float)  # share of the total, e.g. 0.2
    max_score: Mapped[int] = mapped_column(Integer, default=10, server_default="10")
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Which axis of the four-class quadrant this indicator informs ("loyalty", "volume").
    dimension: Mapped[str | None] = mapped_column(String(16))
    # The scale in words: [[lowest score of the level, what that level looks like], ...],
    # highest level first, so an evaluator scores against the same yardstick every time.
    levels: Mapped[list | None] = mapped_column(JSON)


class Evaluation(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "evaluation"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    template_id: Mapped[int] = mapped_column(ForeignKey("evaluation_template.id"), index=True)
    period_label: Mapped[str] = mapped_column(String(40))  # e.g. "2026年第三季度"
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    evaluated_on: Mapped[date] = mapped_column(Date)
    evaluator_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales_rep.id", ondelete="SET NULL")
    )
    total_score: Mapped[float] = mapped_column(Float)  # 0..100
    grade: Mapped[str | None] = mapped_column(String(2))
    value_class: Mapped[str | None] = mapped_column(String(2))
    notes: Mapped[str | None] = mapped_column(Text)

    scores: Mapped[list["Score"]] = relationship(lazy="selectin", cascade="all, delete-orphan")
    template: Mapped[EvaluationTemplate] = relationship(lazy="joined")


class Score(IdMixin, Base):
    __tablename__ = "score"

    evaluation_id: Mapped[int] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id"), index=True)
    value: Mapped[float] = mapped_column(Float)
    comment: Mapped[str | None] = mapped_column(Text)
