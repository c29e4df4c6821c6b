"""Evaluation: indicator levels, risk evidence, an index on the class

An indicator's levels ("9–10: covers every county…") keep evaluators on one yardstick;
a charge of cross-region selling or dumping needs its evidence next to it. An index
covering each live customer's class lets the portfolio and reclassification read 200,000
classes without the wide customer rows.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_customer_live_value_class", "customer", ["deleted_at", "value_class"])
    with op.batch_alter_table("indicator") as batch:
        batch.add_column(sa.Column("levels", sa.JSON(), nullable=True))
    with op.batch_alter_table("risk_event") as batch:
        batch.add_column(sa.Column("evidence", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("risk_event") as batch:
        batch.drop_column("evidence")
    with op.batch_alter_table("indicator") as batch:
        batch.drop_column("levels")
    op.drop_index("ix_customer_live_value_class", table_name="customer")
