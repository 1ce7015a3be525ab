"""a change to an event's end date bumps the corpus version too

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

The facet engine now answers date windows from its arrays (every event's first and last day),
so it must know when an end date changes. 0005's trigger on updates of events watched
`date_start` but not `date_end`; this one watches both.
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

NAME = "corpus_version_events_update"
BUMP = ("INSERT INTO app_meta(key, value) VALUES ('corpus_version', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;")


def _watch(columns: str) -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {NAME}")
    op.execute(f"CREATE TRIGGER {NAME} AFTER UPDATE OF {columns} ON events FOR EACH ROW BEGIN {BUMP} END")


def upgrade() -> None:
    _watch("id, kind, date_start, date_end, disputed")


def downgrade() -> None:
    _watch("id, kind, date_start, disputed")
