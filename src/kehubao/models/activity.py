"""What happened with a customer (interactions, visits) and what must happen next
(follow-ups). The interaction log feeds reminders, visit reports and script rankings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, SoftDeleteMixin, TimestampMixin
from .enums import FollowUpKind, FollowUpStatus


class Interaction(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """One contact with the customer: a visit, a call, a WeChat chat, an e-mail, a meeting."""

    __tablename__ = "interaction"
    __table_args__ = (
        Index("ix_interaction_customer_time", "customer_id", "occurred_at"),
        # Most interactions use no script: partial indexes stay small.
        Index("ix_interaction_script_id", "script_id",
              sqlite_where=text("script_id IS NOT NULL"),
              postgresql_where=text("script_id IS NOT NULL")),
        Index("ix_interaction_reply_id", "reply_id",
              sqlite_where=text("reply_id IS NOT NULL"),
              postgresql_where=text("reply_id IS NOT NULL")),
    )

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(index=True)  # local wall time
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    location: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(200), default="", server_default="")
    content: Mapped[str | None] = mapped_column(Text)  # what was discussed
    mood: Mapped[str | None] = mapped_column(String(8))  # one of the seven emotions
    needs_found: Mapped[str | None] = mapped_column(Text)
    objections: Mapped[str | None] = mapped_column(Text)
    script_id: Mapped[int | None] = mapped_column(
        ForeignKey("objection_script.id", ondelete="SET NULL")
    )
    reply_id: Mapped[int | None] = mapped_column(
        ForeignKey("script_reply.id", ondelete="SET NULL")
    )
    reply_used: Mapped[str | None] = mapped_column(Text)
    reply_worked: Mapped[bool | None] = mapped_column(Boolean)
    outcome: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)


class FollowUp(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """A next step with a due time: manual, recurring, or generated (birthday, dormant...)."""

    __tablename__ = "follow_up"
    __table_args__ = (
        # Covers what the today page counts and sorts, so it never reads the table.
        Index("ix_follow_up_status_due", "status", "due_at", "deleted_at", "kind",
              "snoozed_until", "priority"),
        Index("ix_follow_up_snoozed", "snoozed_until",
              sqlite_where=text("snoozed_until IS NOT NULL"),
              postgresql_where=text("snoozed_until IS NOT NULL")),
        # Purging interactions nulls their follow-ups' link (SET NULL): one lookup each.
        Index("ix_follow_up_interaction_id", "interaction_id",
              sqlite_where=text("interaction_id IS NOT NULL"),
              postgresql_where=text("interaction_id IS NOT NULL")),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    interaction_id: Mapped[int | None] = mapped_column(
        ForeignKey("interaction.id", ondelete="SET NULL")
    )
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(
        String(16), default=FollowUpKind.CALL, server_default=FollowUpKind.CALL.value
    )
    title: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column()  # local wall time
    # iCalendar RRULE text (e.g. "FREQ=WEEKLY;INTERVAL=2") for recurring check-ins.
    recurrence: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(
        String(12), default=FollowUpStatus.OPEN, server_default=FollowUpStatus.OPEN.value
    )
    snoozed_until: Mapped[datetime | None] = mapped_column()
    completed_at: Mapped[datetime | None] = mapped_column()
    priority: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 0 low..2 high
    # "manual" or the generator that made it; auto_key keeps generated reminders unique.
    origin: Mapped[str] = mapped_column(String(16), default="manual", server_default="manual")
    auto_key: Mapped[str | None] = mapped_column(String(80), unique=True)
