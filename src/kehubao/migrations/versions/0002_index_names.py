"""Index customer and contact names

Duplicate checks (the edit dialogs, every import) look customers and contacts up by
name; without these indexes each lookup read the whole table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""
from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_contact_name", "contact", ["name"])
    op.create_index("ix_customer_name", "customer", ["name"])


def downgrade() -> None:
    op.drop_index("ix_customer_name", table_name="customer")
    op.drop_index("ix_contact_name", table_name="contact")
