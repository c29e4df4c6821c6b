"""Contact persons (联系人). Customer management is management of *people*: besides how to
reach someone, the salesperson records who they are and how to talk to them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin, SoftDeleteMixin, TimestampMixin

if TYPE_CHECKING:
    from .customer import Customer


class Contact(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "contact"
    __table_args__ = (
        # Birthday reminders scan this small index instead of every contact row.
        Index("ix_contact_birthday", "birthday", "birthday_lunar", "deleted_at",
              sqlite_where=text("birthday IS NOT NULL"),
              postgresql_where=text("birthday IS NOT NULL")),
    )

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(60), index=True)  # same person at a company
    name_sort: Mapped[str] = mapped_column(String(200), default="", server_default="")
    gender: Mapped[str | None] = mapped_column(String(8))
    title: Mapped[str | None] = mapped_column(String(60))  # 职务
    department: Mapped[str | None] = mapped_column(String(60))
    decision_role: Mapped[str | None] = mapped_column(String(20))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    # Reach (normalised on input; indexed for duplicate warnings)
    mobile: Mapped[str | None] = mapped_column(String(40), index=True)
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(120), index=True)
    wechat: Mapped[str | None] = mapped_column(String(60))
    qq: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(String(200))

    # Personal dates; Chinese customers often keep the lunar birthday.
    birthday: Mapped[date | None] = mapped_column(Date)
    birthday_lunar: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    # Who they are, and so how to approach them
    age_band: Mapped[str | None] = mapped_column(String(8))
    home_region: Mapped[str | None] = mapped_column(String(8))
    native_place: Mapped[str | None] = mapped_column(String(40))  # 籍贯, free text
    culture_level: Mapped[str | None] = mapped_column(String(8))
    personality: Mapped[str | None] = mapped_column(Text)
    communication_style: Mapped[str | None] = mapped_column(Text)
    needs: Mapped[str | None] = mapped_column(Text)
    preferences: Mapped[str | None] = mapped_column(Text)
    last_emotion: Mapped[str | None] = mapped_column(String(8))
    last_emotion_at: Mapped[datetime | None] = mapped_column()
    notes: Mapped[str | None] = mapped_column(Text)

    customer: Mapped["Customer"] = relationship()

    def __repr__(self) -> str:
        return f"Contact(id={self.id!r}, name={self.name!r})"
