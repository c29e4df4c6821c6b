"""Indexes for the automatic reminders

Payment reminders look up sales by due date, birthday reminders read contacts' birth
dates, dormant-customer reminders read live customers by value class and last contact,
and the today page counts and pages open follow-ups from one covering index;
without these indexes each run read the whole transaction, contact and customer tables
(seconds on 200,000 customers instead of tens of milliseconds).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The today page counts and pages open follow-ups from this index alone.
    op.drop_index("ix_follow_up_status_due", table_name="follow_up")
    op.create_index("ix_follow_up_status_due", "follow_up",
                    ["status", "due_at", "deleted_at", "kind", "snoozed_until", "priority"])
    op.create_index("ix_follow_up_snoozed", "follow_up", ["snoozed_until"],
                    sqlite_where=sa.text("snoozed_until IS NOT NULL"),
                    postgresql_where=sa.text("snoozed_until IS NOT NULL"))
    op.create_index("ix_contact_birthday", "contact", ["birthday", "birthday_lunar", "deleted_at"],
                    sqlite_where=sa.text("birthday IS NOT NULL"),
                    postgresql_where=sa.text("birthday IS NOT NULL"))
    op.create_index("ix_customer_class_last_contact", "customer", ["value_class", "last_contact_at", "status", "owner_id"],
                    sqlite_where=sa.text("deleted_at IS NULL"),
                    postgresql_where=sa.text("deleted_at IS NULL"))
    op.create_index("ix_trade_transaction_due_on", "trade_transaction", ["due_on"],
                    sqlite_where=sa.text("due_on IS NOT NULL"),
                    postgresql_where=sa.text("due_on IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_follow_up_snoozed", table_name="follow_up")
    op.drop_index("ix_follow_up_status_due", table_name="follow_up")
    op.create_index("ix_follow_up_status_due", "follow_up", ["status", "due_at"])
    op.drop_index("ix_trade_transaction_due_on", table_name="trade_transaction")
    op.drop_index("ix_customer_class_last_contact", table_name="customer")
    op.drop_index("ix_contact_birthday", table_name="contact")
