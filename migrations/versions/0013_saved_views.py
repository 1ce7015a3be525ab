"""saved views: a named filter with its sort and its chart lanes

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03

`saved_views` holds what the user named: the filter in its own serialisation
(`EventFilter.to_dict()`, as JSON), the sort key and direction, and the chart's lanes
(`organisation` or `country`). A view that names an organisation the library no longer holds
still opens (core/research/saved_views.py drops what is gone and says what it dropped), so no
foreign key ties it to the records it names.

This script describes its own table; it never imports the application's models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "saved_views",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("filter", sa.Text(), nullable=False),
        sa.Column("sort", sa.String(length=32), nullable=False, server_default="date"),
        sa.Column("descending", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("lanes", sa.String(length=16), nullable=False, server_default="organisation"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_saved_views"),
        sa.UniqueConstraint("name", name="uq_saved_views_name"),
    )


def downgrade() -> None:
    op.drop_table("saved_views")
