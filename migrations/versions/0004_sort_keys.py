"""materialised sort keys on events, kept by triggers

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Sorting the timeline by organisations, countries, sources or notes computed a correlated
subquery for every event and sorted them all (100-300 ms at 100,000 events). Each of these keys
now sits on the event itself:

- `sort_organisations`: min(coalesce(abbreviation, name)) of its organisations (NULL: none)
- `sort_countries`: min(name) of its countries (NULL: none)
- `source_count`: how many distinct sources have a passage that supports it
- `annotation_count`: how many notes are on it (target_kind 'event')

SQLite triggers keep them right on every write to the events, their links, the annotations and
the names of organisations and countries, so no write path has to know about them. Each key
has two indexes, (key, date_start, id) and (key DESC, date_start, id), because the timeline
breaks ties by ascending date and id in both directions; title (under NOCASE, as the timeline
sorts it), kind and the disputed flag get the same pair, the last two by widening their
existing indexes.

This script describes its own tables and SQL; it never imports the application's models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# The value of each key for the event whose id is the SQL expression {e}. Triggers cannot use
# WITH, so these are plain correlated subqueries.
ORGANISATIONS = ("(SELECT min(coalesce(o.abbreviation, o.name)) FROM event_organisations eo "
                 "JOIN organisations o ON o.id = eo.organisation_id WHERE eo.event_id = {e})")
COUNTRIES = ("(SELECT min(c.name) FROM event_countries ec JOIN countries c ON c.id = ec.country_id "
             "WHERE ec.event_id = {e})")
SOURCES = ("(SELECT count(DISTINCT ci.source_id) FROM event_citations ci "
           "WHERE ci.event_id = {e} AND ci.stance = 'supports')")
ANNOTATIONS = "(SELECT count(*) FROM annotations a WHERE a.target_kind = 'event' AND a.target_id = {e})"

KEYS = {
    "sort_organisations": ORGANISATIONS,
    "sort_countries": COUNTRIES,
    "source_count": SOURCES,
    "annotation_count": ANNOTATIONS,
}

# Index name -> sort key; each also gets "<name>_desc" on (key DESC, date_start, id). The kind
# and disputed indexes keep their names and gain the tie-breakers (filters still use them).
INDEXES = {
    "ix_events_sort_title": "title COLLATE NOCASE",
    "ix_events_kind": "kind",
    "ix_events_disputed": "disputed",
    "ix_events_sort_organisations": "sort_organisations",
    "ix_events_sort_countries": "sort_countries",
    "ix_events_sort_sources": "source_count",
    "ix_events_sort_annotations": "annotation_count",
}


def _set(column: str, where: str) -> str:
    """Recompute one key for the events `where` selects, writing only rows whose value changes."""
    value = KEYS[column].format(e="events.id")
    return f"UPDATE events SET {column} = {value} WHERE {where} AND {column} IS NOT {value};"


def _all_keys(where: str) -> str:
    values = ", ".join(f"{column} = {expr.format(e='events.id')}" for column, expr in KEYS.items())
    return f"UPDATE events SET {values} WHERE {where};"


def _link_triggers(table: str, column: str) -> dict[str, str]:
    """Insert, delete and update triggers on a table whose rows name an event in `event_id`."""
    return {
        f"trg_{table}_sort_ai": f"AFTER INSERT ON {table} {{when_new}} BEGIN "
                                f"{_set(column, 'events.id = NEW.event_id')} END",
        f"trg_{table}_sort_ad": f"AFTER DELETE ON {table} {{when_old}} BEGIN "
                                f"{_set(column, 'events.id = OLD.event_id')} END",
        f"trg_{table}_sort_au": f"AFTER UPDATE ON {table} BEGIN "
                                f"{_set(column, 'events.id IN (OLD.event_id, NEW.event_id)')} END",
    }


def _triggers() -> dict[str, str]:
    triggers: dict[str, str] = {}
    # An event can arrive after rows that name it (annotations have no foreign key; salvage and
    # restore insert with foreign keys off): a new event takes its keys from what is there.
    has_any = " OR ".join([
        "EXISTS (SELECT 1 FROM event_organisations WHERE event_id = NEW.id)",
        "EXISTS (SELECT 1 FROM event_countries WHERE event_id = NEW.id)",
        "EXISTS (SELECT 1 FROM event_citations WHERE event_id = NEW.id)",
        "EXISTS (SELECT 1 FROM annotations WHERE target_kind = 'event' AND target_id = NEW.id)",
        "NEW.sort_organisations IS NOT NULL", "NEW.sort_countries IS NOT NULL",
        "NEW.source_count IS NOT 0", "NEW.annotation_count IS NOT 0",
    ])
    triggers["trg_events_sort_ai"] = f"AFTER INSERT ON events WHEN {has_any} BEGIN {_all_keys('id = NEW.id')} END"
    triggers["trg_events_sort_au"] = f"AFTER UPDATE OF id ON events BEGIN {_all_keys('id = NEW.id')} END"

    for name, sql in _link_triggers("event_organisations", "sort_organisations").items():
        triggers[name] = sql.format(when_new="", when_old="")
    for name, sql in _link_triggers("event_countries", "sort_countries").items():
        triggers[name] = sql.format(when_new="", when_old="")
    for name, sql in _link_triggers("event_citations", "source_count").items():
        triggers[name] = sql.format(when_new="WHEN NEW.stance = 'supports'", when_old="WHEN OLD.stance = 'supports'")

    triggers["trg_annotations_sort_ai"] = (
        "AFTER INSERT ON annotations WHEN NEW.target_kind = 'event' BEGIN "
        f"{_set('annotation_count', 'events.id = NEW.target_id')} END")
    triggers["trg_annotations_sort_ad"] = (
        "AFTER DELETE ON annotations WHEN OLD.target_kind = 'event' BEGIN "
        f"{_set('annotation_count', 'events.id = OLD.target_id')} END")
    triggers["trg_annotations_sort_au"] = (
        "AFTER UPDATE OF target_kind, target_id ON annotations "
        "WHEN OLD.target_kind = 'event' OR NEW.target_kind = 'event' BEGIN "
        f"{_set('annotation_count', 'events.id IN (OLD.target_id, NEW.target_id)')} END")

    # Names: a renamed (or, with foreign keys off, added or removed) organisation or country
    # changes the key of every event linked to it.
    for table, link, fk, column, changed in (
        ("organisations", "event_organisations", "organisation_id", "sort_organisations",
         "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name OR OLD.abbreviation IS NOT NEW.abbreviation"),
        ("countries", "event_countries", "country_id", "sort_countries",
         "OLD.id IS NOT NEW.id OR OLD.name IS NOT NEW.name"),
    ):
        linked = f"events.id IN (SELECT event_id FROM {link} WHERE {fk} IN ({{ids}}))"
        triggers[f"trg_{table}_sort_ai"] = (
            f"AFTER INSERT ON {table} BEGIN {_set(column, linked.format(ids='NEW.id'))} END")
        triggers[f"trg_{table}_sort_ad"] = (
            f"AFTER DELETE ON {table} BEGIN {_set(column, linked.format(ids='OLD.id'))} END")
        triggers[f"trg_{table}_sort_au"] = (
            f"AFTER UPDATE ON {table} WHEN {changed} BEGIN "
            f"{_set(column, linked.format(ids='OLD.id, NEW.id'))} END")
    return triggers


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sort_organisations", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("sort_countries", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("source_count", sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("annotation_count", sa.Integer(), server_default="0", nullable=False))
    op.execute(_all_keys("1 = 1"))
    op.execute("DROP INDEX ix_events_kind")
    op.execute("DROP INDEX ix_events_disputed")
    for name, key in INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON events ({key}, date_start, id)")
        op.execute(f"CREATE INDEX {name}_desc ON events ({key} DESC, date_start, id)")
    for name, body in _triggers().items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}_desc")
        op.execute(f"DROP INDEX IF EXISTS {name}")
    # SQLite drops a column in place; a batch rebuild of events would run its foreign keys'
    # ON DELETE CASCADE and empty the link tables.
    for column in KEYS:
        op.execute(f"ALTER TABLE events DROP COLUMN {column}")
    op.execute("CREATE INDEX ix_events_kind ON events (kind)")
    op.execute("CREATE INDEX ix_events_disputed ON events (disputed, date_start)")
