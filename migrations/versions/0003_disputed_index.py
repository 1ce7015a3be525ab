"""an index for the disputed flag

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22

The disputed facet and filter counted by scanning every event (found by the query-plan tests).
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_disputed", ["disputed", "date_start"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_disputed")
