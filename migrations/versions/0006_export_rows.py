"""the CSV export's rendered rows, and the version counter that says when they are out of date

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Exporting every event read about twenty B-tree entries on text keys per event (its links, their
names, its quotes, its notes) and ran each cell through the CSV writer: about 15,000 rows a
second. `export_rows` keeps each event's row already rendered as CSV text, up to and
including `contradicting_quotes` (notes change more often and are few, so the export renders
them each time), keyed by the event's rowid (and its id, to check the pairing); an export is then one ordered join (core/export_rows.py).

The rows depend on more than the facets' `corpus_version` covers, so triggers bump a third
counter, `export_version`, on a change to anything else a row shows: the event's own columns,
its agreements and their titles, its citations' stance and the passages' text. Inserts of
agreements and passages need none: nothing shows them until a link (itself counted) is made.

This script describes its own tables and SQL; it never imports the application's models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KEY = "export_version"
TRIGGERS = {  # (table, action): columns of an UPDATE that change a row (None: any)
    ("events", "UPDATE"): "id, date, date_start, date_end, precision, date_text, title, kind, summary, "
                          "location, disputed, dispute_note",
    ("event_agreements", "INSERT"): None,
    ("event_agreements", "DELETE"): None,
    ("event_agreements", "UPDATE"): None,
    ("agreements", "UPDATE"): "id, title",
    ("agreements", "DELETE"): None,
    ("event_citations", "UPDATE"): "stance",
    ("passages", "UPDATE"): "id, exact",
    ("passages", "DELETE"): None,
}
BUMP = (f"INSERT INTO app_meta(key, value) VALUES ('{KEY}', '1') "
        f"ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;")


def _triggers():
    for (table, action), columns in TRIGGERS.items():
        of = f" OF {columns}" if columns else ""
        yield f"{KEY}_{table}_{action.lower()}", f"AFTER {action}{of} ON {table} FOR EACH ROW BEGIN {BUMP} END"


def upgrade() -> None:
    op.create_table(
        "export_rows",
        sa.Column("rid", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=96), nullable=False),
        sa.Column("head", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("rid", name=op.f("pk_export_rows")),
    )
    op.execute(f"INSERT OR IGNORE INTO app_meta(key, value) VALUES ('{KEY}', '1')")
    for name, body in _triggers():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name, _body in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"DELETE FROM app_meta WHERE key IN ('{KEY}', 'export_rows')")
    op.drop_table("export_rows")
