"""the facet cache table and the version counters that say when it is out of date

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

The facet counts keep every event's options in memory (core/facets.py) and must know when the
corpus or the notes changed — by this process, another window or the command line. Triggers
bump `corpus_version` on any change to events' facet columns, their links or the option lists,
and `notes_version` on any change to notes or tags. The facet index read at a corpus version
is kept in `facet_cache`, so that the next start need not read it again.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CORPUS = {  # table: columns whose update changes a facet (None: any)
    "events": "id, kind, date_start, disputed",
    "event_organisations": None,
    "event_countries": None,
    "event_people": None,
    "event_citations": "event_id, passage_id, source_id",
    "organisations": "id, name, abbreviation, parent_id",
    "countries": "id, name",
    "people": "id, name, office",
    "sources": "id, title, kind",
}
NOTES = {"annotations": "id, target_kind, target_id", "annotation_tags": None}


def _bump(key: str) -> str:
    return (f"INSERT INTO app_meta(key, value) VALUES ('{key}', '1') "
            f"ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;")


def _triggers(key: str, tables: dict[str, str | None]):
    for table, columns in tables.items():
        for action in ("INSERT", "DELETE", "UPDATE"):
            of = f" OF {columns}" if action == "UPDATE" and columns else ""
            yield (f"{key}_{table}_{action.lower()}",
                   f"AFTER {action}{of} ON {table} FOR EACH ROW BEGIN {_bump(key)} END")


def _all():
    yield from _triggers("corpus_version", CORPUS)
    yield from _triggers("notes_version", NOTES)


def upgrade() -> None:
    op.create_table(
        "facet_cache",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_facet_cache")),
    )
    for key in ("corpus_version", "notes_version"):
        op.execute(f"INSERT OR IGNORE INTO app_meta(key, value) VALUES ('{key}', '1')")
    for name, body in _all():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name, _body in _all():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DELETE FROM app_meta WHERE key IN ('corpus_version', 'notes_version')")
    op.drop_table("facet_cache")
