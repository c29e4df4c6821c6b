"""Declarative base and the columns every entity shares.

Timestamps are naive UTC (`created_at`, `updated_at`, `deleted_at`): the audit trail must
compare across laptops. Times the user plans with (a visit, a follow-up's due time) are
naive *local wall time*, because "call at 9:00" means 9:00 wherever the salesperson is.
Money is stored as integer fen (分) so sums are exact on every database.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# A naming convention gives every constraint a stable name, which Alembic needs to alter
# constraints on SQLite (batch mode) and which keeps migrations identical on PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """Naive UTC now, the form every audit timestamp is stored in."""
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: DateTime()}


class IdMixin:
    id: Mapped[int] = mapped_column(Integer, primary_key=True, sort_order=-100)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(
        default=utcnow, server_default=func.current_timestamp(), sort_order=100
    )
    updated_at: Mapped[datetime] = mapped_column(
        default=utcnow, onupdate=utcnow, server_default=func.current_timestamp(), sort_order=100
    )


class SoftDeleteMixin:
    """Rows a user may want back go to the recycle bin instead of disappearing.

    Not indexed on its own: lists always filter by it together with another key, and the
    composite indexes of the big tables lead with it where that helps."""

    deleted_at: Mapped[datetime | None] = mapped_column(default=None, sort_order=99)


Money = BigInteger  # integer fen
