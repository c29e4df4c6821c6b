"""What the window's frame shows about the whole database: the customer count in the
status bar, whether the recycle bin holds anything (the first-run screen is only for a
database that never had customers), and the operation Ctrl+Z would undo."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Customer
from .journal import last_undoable


@dataclass(frozen=True)
class WorkspaceStatus:
    customers: int
    has_deleted: bool
    undo_id: int | None
    undo_kind: str | None
    undo_label: str | None

    @property
    def never_used(self) -> bool:
        """No customer, not even in the recycle bin: the first-run screen."""
        return self.customers == 0 and not self.has_deleted


def workspace_status(session: Session) -> WorkspaceStatus:
    total = session.scalar(select(func.count()).select_from(Customer)
                           .where(Customer.deleted_at.is_(None))) or 0
    deleted = session.scalar(select(Customer.id).where(Customer.deleted_at.is_not(None))
                             .limit(1)) is not None
    op = last_undoable(session)
    return WorkspaceStatus(total, deleted, op.id if op else None, op.kind if op else None,
                           op.label if op else None)
