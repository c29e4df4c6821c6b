"""An index on follow_up.interaction_id

Purging interactions from the recycle bin makes SQLite null ``follow_up.interaction_id``
(ON DELETE SET NULL), and without an index it reads all follow-ups for every interaction
purged: 15,000 interactions took 268 s on the 200,000-customer demo database. Most
follow-ups come from no interaction, so the index is partial and small.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_follow_up_interaction_id", "follow_up", ["interaction_id"],
                    sqlite_where=sa.text("interaction_id IS NOT NULL"),
                    postgresql_where=sa.text("interaction_id IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_follow_up_interaction_id", "follow_up",
                  sqlite_where=sa.text("interaction_id IS NOT NULL"),
                  postgresql_where=sa.text("interaction_id IS NOT NULL"))
