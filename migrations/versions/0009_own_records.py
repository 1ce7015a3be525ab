"""the user's own records: when each was made and changed, and corpus records kept as retired

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

The user now records events, agreements, agreement steps, memberships, organisations,
countries and people of their own (`is_seed` false). Each record table gains `created_at` and
`updated_at` (null on corpus records). A newer corpus that drops an organisation, country,
person or agreement which one of the user's records still names keeps it, marked `retired`,
instead of deleting it from under the user's record. An index on events (is_seed, date_start,
id) serves the filter's origin dimension (mine / corpus) and its facet.

Columns are added with ALTER TABLE (batch mode adds a column without copying the table, so the
events' triggers and their search rows keep their rowids); downgrade drops them the same way.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

STAMPED = ("events", "agreements", "agreement_steps", "memberships", "organisations", "countries", "people")
RETIRABLE = ("organisations", "countries", "people", "agreements")


def upgrade() -> None:
    for table in STAMPED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("created_at", sa.DateTime(), nullable=True))
            batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
            if table in RETIRABLE:
                batch_op.add_column(sa.Column("retired", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_origin", ["is_seed", "date_start", "id"], unique=False)


def downgrade() -> None:
    # recreate="never": SQLite drops a plain column in place (3.35+); copying the table would
    # drop the triggers on events and renumber the rowids the search index is keyed by.
    with op.batch_alter_table("events", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_events_origin")
    for table in STAMPED:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            if table in RETIRABLE:
                batch_op.drop_column("retired")
            batch_op.drop_column("updated_at")
            batch_op.drop_column("created_at")
