"""Objection-handling scripts (异议处理话术): typical refusals and replies that worked, so a
salesperson can look up an answer in the middle of a call."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .activity import Interaction
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
    follow_up: Mapped[str | None] = mapped_column(Text)  # what to do after the call
    tags: Mapped[str | None] = mapped_column(String(200))  # space-separated words
    # Archived scripts leave the quick panel and the ranked list but keep their history.
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    is_builtin: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # Stable key of a starter-set script, so a later starter set can update it in place.
    builtin_key: Mapped[str | None] = mapped_column(String(40), unique=True)
    # Hash of the built-in text this script was last set to: when the script's own text
    # still hashes to it, the user has not edited it and a newer starter set may replace it.
    builtin_hash: Mapped[str | None] = mapped_column(String(64))
    # A newer built-in text the user has not taken because they had edited the script.
    builtin_offer: Mapped[dict | None] = mapped_column(JSON)

    category: Mapped[ObjectionCategory | None] = relationship(lazy="joined")
    replies: Mapped[list["ScriptReply"]] = relationship(
        order_by="ScriptReply.sort_order", lazy="selectin", cascade="all, delete-orphan"
    )

    @property
    def live_replies(self) -> list["ScriptReply"]:
        return [r for r in self.replies if r.deleted_at is None]

    @property
    def name(self) -> str:  # what the recycle bin and the Undo menu call it
        return self.title


class ScriptReply(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """One reply variant. A removed reply is only stamped deleted, so Undo brings it back
    and interactions that used it keep pointing at its text.

    `used_count` / `success_count` are not maintained: use and success are counted from
    the interactions that name the reply (services/scripts/usage.py), which stays right
    when an interaction is edited, deleted or undone. The columns stay because dropping
    them needs a table copy, and SQLite would cascade that copy's DROP into
    interaction.reply_id."""

    __tablename__ = "script_reply"

    script_id: Mapped[int] = mapped_column(
        ForeignKey("objection_script.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    reasoning: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    used_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    success_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


# Script statistics read every interaction that used a script (use, success, segments by
# mood and contact) and the quick panel checks them for changes when it opens: this
# partial index holds all those columns, so neither reads the 1 GB interaction table.
# Declared here, beside the scripts it serves; it belongs to the interaction table.
Index("ix_interaction_script_use", Interaction.script_id, Interaction.reply_id,
      Interaction.reply_worked, Interaction.deleted_at, Interaction.updated_at,
      Interaction.contact_id, Interaction.mood,
      sqlite_where=text("script_id IS NOT NULL"), postgresql_where=text("script_id IS NOT NULL"))
