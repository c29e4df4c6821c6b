"""Objection-handling scripts (异议处理话术): typical refusals and replies that worked, so a
salesperson can look up an answer in the middle of a call."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin, SoftDeleteMixin, TimestampMixin


class ObjectionCategory(IdMixin, TimestampMixin, Base):
    __tablename__ = "objection_category"

    name: Mapped[str] = mapped_column(String(60), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ObjectionScript(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "objection_script"

    category_id: Mapped[int | None] = mapped_column(
        ForeignKey("objection_category.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(120))
    # Ways customers phrase this objection, one per line (searched as well as the title).
    phrasings: Mapped[str | None] = mapped_column(Text)
    element: Mapped[str | None] = mapped_column(String(12))  # price / quality / service
    reasoning: Mapped[str | None] = mapped_column(Text)  # why customers say it
    tips: Mapped[str | None] = mapped_column(Text)
    is_builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Stable key of a starter-set script, so a later starter set can update it in place.
    builtin_key: Mapped[str | None] = mapped_column(String(40), unique=True)

    category: Mapped[ObjectionCategory | None] = relationship(lazy="joined")
    replies: Mapped[list["ScriptReply"]] = relationship(
        order_by="ScriptReply.sort_order", lazy="selectin", cascade="all, delete-orphan"
    )


class ScriptReply(IdMixin, TimestampMixin, Base):
    """One reply variant; usage counts let the library rank replies by success."""

    __tablename__ = "script_reply"

    script_id: Mapped[int] = mapped_column(
        ForeignKey("objection_script.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    reasoning: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    used_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    success_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
