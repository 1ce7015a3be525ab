"""evidence: a reliability grade and a "copies" link on sources, a derived evidence grade on
every claim (events, agreement steps, memberships), a succession step, organisations' citations
for their description

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03

`sources.reliability_grade` is the Admiralty-code letter (A completely reliable … E
unreliable, F cannot be judged); the existing `reliability` text stays as its reason.
`sources.copies_id` names the source a reprint copies, so that two copies of one text do not
count as independent. `evidence` on events, agreement steps and memberships is derived from
their citations (core/corpus/evidence.py): corroborated, single_source, uncorroborated or
contested. This script backfills it from the citations alone (no source has a grade yet, so
none is low): the corpus loader and every citation writer keep it current afterwards.

An evidence change is a facet change (corpus_version) and a change to an exported row
(export_version): the two triggers that watch updates of events are re-created to watch it.
`disputed` stays, kept equal to "contested" by the same refresh, so readers of it keep working.

This script describes its own tables and SQL; it never imports the application's models.
"""

from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

OLD_STEPS = ("proposed", "signed", "approved", "ratified", "ratification_rejected", "entered_into_force",
             "implementation_began", "withdrawn")
NEW_STEPS = (*OLD_STEPS, "succeeded")  # a state taking over a treaty of its predecessor (UNTC "succession")


@contextmanager
def _batch_keeping_triggers(table: str):
    """A batch change of `table` that keeps its triggers: the copy SQLite's batch mode makes of a
    table drops the triggers on it (0005's version triggers, 0004's sort keys)."""
    bind = op.get_bind()
    kept = [sql for (sql,) in bind.execute(sa.text(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table})]
    with op.batch_alter_table(table, schema=None) as batch_op:
        yield batch_op
    names = {name for (name,) in bind.execute(sa.text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = :t"), {"t": table})}
    for sql in kept:
        if sql.split()[2] not in names:  # "CREATE TRIGGER name ..."
            op.execute(sql)


def _steps(kinds: tuple[str, ...]) -> None:
    """A new CHECK on the step kinds: SQLite needs a copy of the table for that. Dropping the old
    table with foreign keys on deletes the steps' citations (ON DELETE CASCADE), so they are kept
    aside and put back."""
    op.execute("CREATE TEMP TABLE kept_step_citations AS SELECT * FROM step_citations")
    with _batch_keeping_triggers("agreement_steps") as batch_op:
        batch_op.drop_constraint(op.f("ck_agreement_steps_step"), type_="check")
        batch_op.create_check_constraint(op.f("ck_agreement_steps_step"),
                                         "step IN (" + ", ".join(f"'{k}'" for k in kinds) + ")")
    op.execute("INSERT OR IGNORE INTO step_citations SELECT * FROM kept_step_citations")
    op.execute("DROP TABLE kept_step_citations")


CLAIMS = (("events", "event_citations", "event_id"),
          ("agreement_steps", "step_citations", "step_id"),
          ("memberships", "membership_citations", "membership_id"))


def _bump(key: str) -> str:
    return (f"INSERT INTO app_meta(key, value) VALUES ('{key}', '1') "
            f"ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;")


# (trigger, key, columns watched before, columns watched after)
EVENT_TRIGGERS = (
    ("corpus_version_events_update", "corpus_version",
     "id, kind, date_start, date_end, disputed", "id, kind, date_start, date_end, disputed, evidence"),
    ("export_version_events_update", "export_version",
     "id, date, date_start, date_end, precision, date_text, title, kind, summary, location, disputed, dispute_note",
     "id, date, date_start, date_end, precision, date_text, title, kind, summary, location, disputed, dispute_note, "
     "evidence"),
)


def _watch(name: str, key: str, columns: str) -> None:
    op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(f"CREATE TRIGGER {name} AFTER UPDATE OF {columns} ON events FOR EACH ROW BEGIN {_bump(key)} END")


def _backfill(table: str, citations: str, key: str) -> str:
    supports = f"SELECT count(DISTINCT p.source_id) FROM {citations} c JOIN passages p ON p.id = c.passage_id " \
               f"WHERE c.{key} = {table}.id AND c.stance = 'supports'"
    contradicts = f"EXISTS (SELECT 1 FROM {citations} c WHERE c.{key} = {table}.id AND c.stance = 'contradicts')"
    return (f"UPDATE {table} SET evidence = CASE "
            f"WHEN {contradicts} AND ({supports}) > 0 THEN 'contested' "
            f"WHEN ({supports}) >= 2 THEN 'corroborated' ELSE 'single_source' END")


def upgrade() -> None:
    # copies_id is checked by the code that writes it, not by a foreign key: adding one would
    # copy the table, which foreign keys (on during migrations) forbid while passages point at it.
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reliability_grade", sa.String(length=1), nullable=True))
        batch_op.add_column(sa.Column("copies_id", sa.String(length=64), nullable=True))
    _steps(NEW_STEPS)
    # what an organisation's citation supports: its founding date or its description
    with op.batch_alter_table("organisation_citations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cites", sa.String(length=16), nullable=False, server_default="founded"))
    for table, citations, key in CLAIMS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("evidence", sa.String(length=16), nullable=False,
                                          server_default="single_source"))
        op.execute(_backfill(table, citations, key))
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index("ix_events_evidence", ["evidence", "date_start", "id"], unique=False)
    # the timeline sorts by a key either way, ties broken by ascending date and id (as 0004)
    op.execute("CREATE INDEX ix_events_evidence_desc ON events (evidence DESC, date_start, id)")
    for name, key, _before, after in EVENT_TRIGGERS:
        _watch(name, key, after)
    # the export's stored rows now have an evidence column: render them again
    op.execute("DELETE FROM app_meta WHERE key = 'export_rows'")


def downgrade() -> None:
    for name, key, before, _after in EVENT_TRIGGERS:
        _watch(name, key, before)
    op.execute("DROP INDEX ix_events_evidence_desc")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_evidence")
    # events, sources: SQLite's own DROP COLUMN (3.35+). A batch copy cannot rename its new table into
    # place while triggers on other tables (0004's sort keys) name `events`.
    op.execute("ALTER TABLE events DROP COLUMN evidence")
    for table in ("agreement_steps", "memberships"):
        with _batch_keeping_triggers(table) as batch_op:
            batch_op.drop_column("evidence")
    op.execute("DELETE FROM organisation_citations WHERE cites != 'founded'")
    op.execute("ALTER TABLE organisation_citations DROP COLUMN cites")
    op.execute("ALTER TABLE sources DROP COLUMN copies_id")
    op.execute("ALTER TABLE sources DROP COLUMN reliability_grade")
    # the earlier schema has no succession step; entry into force is the nearest it knows
    op.execute("UPDATE agreement_steps SET step = 'entered_into_force' WHERE step = 'succeeded'")
    _steps(OLD_STEPS)
