"""Money and market behaviour: sales and payments (the basis of volume, value and overdue
risk), the support given to dealers, and risk events such as cross-region selling."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, IdMixin, Money, SoftDeleteMixin, TimestampMixin


class Transaction(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """A sale, a payment received (回款) or a return. Amounts are positive fen."""

    __tablename__ = "trade_transaction"
    __table_args__ = (
        Index("ix_trade_transaction_customer_day", "customer_id", "occurred_on"),
        # Payment reminders look sales up by due date (most rows have none).
        Index("ix_trade_transaction_due_on", "due_on",
              sqlite_where=text("due_on IS NOT NULL"),
              postgresql_where=text("due_on IS NOT NULL")),
    )

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    occurred_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(Money)
    # For a sale on credit: when payment is due (drives overdue receivables).
    due_on: Mapped[date | None] = mapped_column(Date)
    product: Mapped[str | None] = mapped_column(String(120))
    quantity: Mapped[float | None] = mapped_column(Float)
    reference: Mapped[str | None] = mapped_column(String(60))  # invoice / order number
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(Text)


class SupportAction(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """Help given to a dealer (one of six kinds): what was done for whom, and what it cost."""

    __tablename__ = "support_action"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    cost_fen: Mapped[int | None] = mapped_column(Money)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sales_rep.id", ondelete="SET NULL"))


class RiskEvent(IdMixin, TimestampMixin, SoftDeleteMixin, Base):
    """An observed risk: cross-region selling, dumping below price, overdue payment."""

    __tablename__ = "risk_event"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)
    # What proves it (an invoice number, where the goods were found, a photo's file name):
    # a cross-region or dumping charge is only as good as its evidence.
    evidence: Mapped[str | None] = mapped_column(Text)
    resolved_on: Mapped[date | None] = mapped_column(Date)
