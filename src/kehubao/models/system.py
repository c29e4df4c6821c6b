"""Tables that serve the application rather than the domain: settings, the operation
journal behind undo and import batches, and the search index's document table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, IdMixin, utcnow


class Setting(Base):
    """Application settings that belong to the data (letterhead, remembered import
    mappings...), as opposed to per-machine UI state kept in QSettings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Operation(IdMixin, Base):
    """One user action that changed data (an edit, a delete, a merge, an import...).

    Its change records hold what each touched row looked like before, so the action can be
    undone as a whole (Ctrl+Z, or "undo this import" weeks later)."""

    __tablename__ = "operation"

    kind: Mapped[str] = mapped_column(String(20), index=True)
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    undone_at: Mapped[datetime | None] = mapped_column()
    details: Mapped[dict | None] = mapped_column(JSON)

    changes: Mapped[list["ChangeRecord"]] = relationship(
        order_by="ChangeRecord.id", cascade="all, delete-orphan", passive_deletes=True
    )


class ChangeRecord(IdMixin, Base):
    __tablename__ = "change_record"
    __table_args__ = (Index("ix_change_record_row", "table_name", "row_id"),)

    operation_id: Mapped[int] = mapped_column(
        ForeignKey("operation.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    # "insert" (row_id), "insert_many" (ids in `after["ids"]`), or "update".
    action: Mapped[str] = mapped_column(String(12))
    # For an update, only the changed columns, before and after. Undo restores a column
    # only if it still holds the "after" value, so later edits are never clobbered.
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)


class SearchDoc(IdMixin, Base):
    """One searchable thing (customer, contact, interaction, script) flattened into what
    the search needs. Derived data: `kehubao check --reindex` rebuilds it.

    `names`, `keys` and `body` hold text already split for the full-text index (each
    Chinese character a token of its own, so one- and two-character queries work):
    names are the titles, keys the pinyin / initials / phone fragments / e-mails, body
    the notes and texts. On SQLite an FTS5 index per kind covers these three columns
    (services/search/fts_sqlite.py); elsewhere the same columns are searched with LIKE."""

    __tablename__ = "search_doc"
    __table_args__ = (
        UniqueConstraint("kind", "ref_id"),
        Index("ix_search_doc_kind_rank", "kind", "rank"),
        Index("ix_search_doc_kind_name_rank", "kind", "name_key", "rank"),
    )

    kind: Mapped[str] = mapped_column(String(12))
    ref_id: Mapped[int] = mapped_column(Integer)
    customer_id: Mapped[int | None] = mapped_column(Integer, index=True)
    rank: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    subtitle: Mapped[str] = mapped_column(String(300), default="")
    name_key: Mapped[str] = mapped_column(String(200), default="")
    names: Mapped[str] = mapped_column(Text, default="")
    keys: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
