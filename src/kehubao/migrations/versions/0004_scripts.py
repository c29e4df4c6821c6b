"""Objection scripts: follow-up action, tags, archive flag, built-in text hash and offer;
soft-deleted reply variants

A starter-library upgrade needs to know whether the user edited a built-in script
(builtin_hash) and where to keep a newer built-in text it must not write over
(builtin_offer). Reply variants get deleted_at so removing one can be undone. A partial covering index on
interaction serves the script statistics. Only columns and an index are added: SQLite
does that in place, without copying tables.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("objection_script", schema=None) as batch_op:
        batch_op.add_column(sa.Column("follow_up", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("tags", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("archived", sa.Boolean(), server_default="0",
                                      nullable=False))
        batch_op.add_column(sa.Column("builtin_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("builtin_offer", sa.JSON(), nullable=True))
    with op.batch_alter_table("script_reply", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.create_index(
            "ix_interaction_script_use",
            ["script_id", "reply_id", "reply_worked", "deleted_at", "updated_at", "contact_id",
             "mood"], unique=False, sqlite_where=sa.text("script_id IS NOT NULL"),
            postgresql_where=sa.text("script_id IS NOT NULL"))


def downgrade() -> None:
    with op.batch_alter_table("interaction", schema=None) as batch_op:
        batch_op.drop_index("ix_interaction_script_use", sqlite_where=sa.text("script_id IS NOT NULL"),
                            postgresql_where=sa.text("script_id IS NOT NULL"))
    with op.batch_alter_table("script_reply", schema=None) as batch_op:
        batch_op.drop_column("deleted_at")
    with op.batch_alter_table("objection_script", schema=None) as batch_op:
        batch_op.drop_column("builtin_offer")
        batch_op.drop_column("builtin_hash")
        batch_op.drop_column("archived")
        batch_op.drop_column("tags")
        batch_op.drop_column("follow_up")
