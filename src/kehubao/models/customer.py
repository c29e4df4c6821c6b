"""The customer archive (客户档案): who the customer is, the homework done before a visit,
its lifecycle, and the figures other features compute and cache on it for fast lists."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, Column, Float, ForeignKey, Index, Integer, String, Table, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin, Money, SoftDeleteMixin, TimestampMixin
from .enums import CustomerKind, CustomerStatus

if TYPE_CHECKING:
    from .contact import Contact


class SalesRep(IdMixin, TimestampMixin, Base):
    """A salesperson who owns customers. One row per person on this laptop today; the
    future team mode points several laptops at one server and shares this table."""

    __tablename__ = "sales_rep"

    name: Mapped[str] = mapped_column(String(50), unique=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")


customer_tag = Table(
    "customer_tag",
    Base.metadata,
    Column("customer_id", ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Tag(IdMixin, TimestampMixin, Base):
    __tablename__ = "tag"

    name: Mapped[str] = mapped_column(String(40), unique=True)
    color: Mapped[str | None] = mapped_column(String(9))


class Customer(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    __tablename__ = "customer"
    __table_args__ = (
        Index("ix_customer_live_name_sort", "deleted_at", "name_sort"),
        Index("ix_customer_live_last_contact", "deleted_at", "last_contact_at"),
        Index("ix_customer_live_next_follow_up", "deleted_at", "next_follow_up_at"),
        Index("ix_customer_live_status_name", "deleted_at", "status", "name_sort"),
        # Dormant-customer reminders: one range per value class over live customers.
        Index("ix_customer_class_last_contact", "value_class", "last_contact_at", "status",
              "owner_id",
              sqlite_where=text("deleted_at IS NULL"),
              postgresql_where=text("deleted_at IS NULL")),
        # Covers the class of every live customer: reclassifying and the portfolio read
        # 200,000 classes without touching the wide customer rows.
        Index("ix_customer_live_value_class", "deleted_at", "value_class"),
        Index("ix_customer_referred_by_id", "referred_by_id",
              sqlite_where=text("referred_by_id IS NOT NULL"),
              postgresql_where=text("referred_by_id IS NOT NULL")),
    )

    # Identity
    code: Mapped[str | None] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)  # duplicate checks, imports
    # Pinyin of the name, so lists sort the way Chinese users expect (按拼音排序).
    name_sort: Mapped[str] = mapped_column(String(400), default="", server_default="")
    short_name: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(
        String(16), default=CustomerKind.COMPANY, server_default=CustomerKind.COMPANY.value
    )
    customer_type: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(
        String(16),
        default=CustomerStatus.POTENTIAL,
        server_default=CustomerStatus.POTENTIAL.value,
    )

    # The "homework" (功课) before a visit
    industry: Mapped[str | None] = mapped_column(String(60), index=True)
    ownership: Mapped[str | None] = mapped_column(String(16))
    scale: Mapped[str | None] = mapped_column(String(16))
    employees: Mapped[int | None] = mapped_column(Integer)
    annual_revenue_wan: Mapped[float | None] = mapped_column(Float)
    registered_capital_wan: Mapped[float | None] = mapped_column(Float)
    credit_rating: Mapped[str | None] = mapped_column(String(16))
    licences: Mapped[str | None] = mapped_column(Text)
    sales_network: Mapped[str | None] = mapped_column(Text)

    # Where
    province: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(30))
    district: Mapped[str | None] = mapped_column(String(30))
    address: Mapped[str | None] = mapped_column(String(200))
    region: Mapped[str | None] = mapped_column(String(30), index=True)

    # Reach (numbers stored normalised; see kehubao.normalize)
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    email: Mapped[str | None] = mapped_column(String(120), index=True)
    website: Mapped[str | None] = mapped_column(String(200))

    # Relationship with us
    source: Mapped[str | None] = mapped_column(String(40))
    referred_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL")
    )
    owner_id: Mapped[int | None] = mapped_column(
        ForeignKey("sales_rep.id", ondelete="SET NULL"), index=True
    )
    credit_limit_fen: Mapped[int | None] = mapped_column(Money)
    notes: Mapped[str | None] = mapped_column(Text)

    # Figures computed by services and cached here so that 200,000-row lists stay fast.
    value_class: Mapped[str | None] = mapped_column(String(2))
    grade: Mapped[str | None] = mapped_column(String(2))
    last_contact_at: Mapped[datetime | None] = mapped_column()
    next_follow_up_at: Mapped[datetime | None] = mapped_column()
    sales_12m_fen: Mapped[int] = mapped_column(Money, default=0, server_default="0")
    receivable_fen: Mapped[int] = mapped_column(Money, default=0, server_default="0")
    overdue_fen: Mapped[int] = mapped_column(Money, default=0, server_default="0")

    # Set when this record was merged into another one (it then sits in the recycle bin).
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL")
    )

    owner: Mapped[SalesRep | None] = relationship(lazy="joined")
    tags: Mapped[list[Tag]] = relationship(secondary=customer_tag, lazy="selectin")
    contacts: Mapped[list["Contact"]] = relationship(
        primaryjoin="and_(Contact.customer_id == Customer.id, Contact.deleted_at.is_(None))",
        order_by="(Contact.is_primary.desc(), Contact.id)",
        viewonly=True,
    )

    def __repr__(self) -> str:
        return f"Customer(id={self.id!r}, name={self.name!r})"
