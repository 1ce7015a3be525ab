"""a log of the events whose derived data changed, so one edit updates it incrementally

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-03

Until now a change to one event bumped `corpus_version` (0005, 0007) or `export_version` (0006),
and the facet index and every stored export row were read or rendered again from scratch (1 s at
100,000 events for the facets, 17 s at 1,000,000). `derived_log` keeps, per event rowid, the
sequence number of the last change to anything its facets, its export row or its search row
show; triggers fill it from any writer. Each piece of derived data remembers the sequence it is
current to and brings itself up to date from the rowids logged after it (core/derived/).

One row per event (an upsert), so the log never grows past the events' count; rowid 0 stands
for "an option list (organisations, countries, people, sources) gained a row or a label". The
sequence is the log's largest plus one, and rows are only ever pruned below the sequence every
consumer has reached (never the newest), so it never goes back.

A renamed organisation, country, person or source logs rowid 0 (its label is read again) and
the events linked to it (their export rows show the name). What still bumps the counters,
because it changes which events an option has or many rows at once, and is rare: a new id or
parent, or the deletion, of an organisation, country, person or source (`corpus_version`); an
agreement updated or deleted, a passage deleted (`export_version`). The notes keep
`notes_version`.

This script describes its own tables and SQL; it never imports the application's models.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None

_NEXT = "(SELECT coalesce(max(seq), 0) + 1 FROM derived_log)"


def _log(rowids: str) -> str:
    """Log the events a SELECT of rowids gives (an upsert: one row per event)."""
    return (f"INSERT INTO derived_log(rid, seq) SELECT r, {_NEXT} FROM ({rowids}) WHERE r IS NOT NULL "
            f"ON CONFLICT(rid) DO UPDATE SET seq = excluded.seq;")


def _of_events(ids: str) -> str:
    return _log(f"SELECT rowid AS r FROM events WHERE id IN ({ids})")


def _citing(passages: str) -> str:
    return _log(f"SELECT e.rowid AS r FROM event_citations c JOIN events e ON e.id = c.event_id "
                f"WHERE c.passage_id IN ({passages})")


# Annotations name their target by kind and id; a note on a passage is searched with every
# event citing the passage.
def _noted(kind: str, target: str) -> str:
    return _log(f"SELECT e.rowid AS r FROM events e WHERE {kind} = 'event' AND e.id = {target} "
                f"UNION SELECT e.rowid FROM event_citations c JOIN events e ON e.id = c.event_id "
                f"WHERE {kind} = 'passage' AND c.passage_id = {target}")


def _tagged(annotation: str) -> str:
    return _log(f"SELECT e.rowid AS r FROM annotations a JOIN events e "
                f"ON a.target_kind = 'event' AND e.id = a.target_id WHERE a.id = {annotation} "
                f"UNION SELECT e.rowid FROM annotations a JOIN event_citations c "
                f"ON a.target_kind = 'passage' AND c.passage_id = a.target_id "
                f"JOIN events e ON e.id = c.event_id WHERE a.id = {annotation}")


EVENT_COLUMNS = ("id, date, date_start, date_end, precision, date_text, title, kind, summary, location, "
                 "disputed, dispute_note")
LINKS = ("event_organisations", "event_countries", "event_people", "event_agreements", "event_citations")
# Per option list: the columns that only label an option, the link to its events, and the
# columns that change which events it has. A new label has the option lists read again (rowid 0)
# and the linked events logged (their export rows show it); a new id or parent bumps
# `corpus_version`: everything is read again.
OPTIONS = {
    "organisations": ("name, abbreviation", "event_organisations", "organisation_id", "id, parent_id"),
    "countries": ("name", "event_countries", "country_id", "id"),
    "people": ("name, office", "event_people", "person_id", "id"),
    "sources": ("title, kind", "event_citations", "source_id", "id"),
}
# 0005's triggers on option updates, as it made them (recreated on downgrade).
_OPTION_UPDATES = {"organisations": "id, name, abbreviation, parent_id", "countries": "id, name",
                   "people": "id, name, office", "sources": "id, title, kind"}


def _triggers() -> dict[str, str]:
    t = {
        "derived_events_insert": f"AFTER INSERT ON events BEGIN {_log('SELECT NEW.rowid AS r')} END",
        "derived_events_delete": f"AFTER DELETE ON events BEGIN {_log('SELECT OLD.rowid AS r')} END",
        "derived_events_update": f"AFTER UPDATE OF {EVENT_COLUMNS}, is_seed, evidence ON events BEGIN "
                                 f"{_log('SELECT NEW.rowid AS r')} END",
        "derived_passages_update": f"AFTER UPDATE OF id, exact ON passages BEGIN {_citing('OLD.id, NEW.id')} END",
        "derived_annotations_insert": f"AFTER INSERT ON annotations BEGIN "
                                      f"{_noted('NEW.target_kind', 'NEW.target_id')} END",
        "derived_annotations_delete": f"AFTER DELETE ON annotations BEGIN "
                                      f"{_noted('OLD.target_kind', 'OLD.target_id')} END",
        "derived_annotations_update": f"AFTER UPDATE ON annotations BEGIN "
                                      f"{_noted('OLD.target_kind', 'OLD.target_id')} "
                                      f"{_noted('NEW.target_kind', 'NEW.target_id')} END",
        "derived_annotation_tags_insert": f"AFTER INSERT ON annotation_tags BEGIN "
                                          f"{_tagged('NEW.annotation_id')} END",
        "derived_annotation_tags_delete": f"AFTER DELETE ON annotation_tags BEGIN "
                                          f"{_tagged('OLD.annotation_id')} END",
        "derived_annotation_tags_update": f"AFTER UPDATE ON annotation_tags BEGIN "
                                          f"{_tagged('OLD.annotation_id')} {_tagged('NEW.annotation_id')} END",
    }
    for link in LINKS:
        t[f"derived_{link}_insert"] = f"AFTER INSERT ON {link} BEGIN {_of_events('NEW.event_id')} END"
        t[f"derived_{link}_delete"] = f"AFTER DELETE ON {link} BEGIN {_of_events('OLD.event_id')} END"
        t[f"derived_{link}_update"] = f"AFTER UPDATE ON {link} BEGIN {_of_events('OLD.event_id, NEW.event_id')} END"
    for table, (labels, link, key, ids) in OPTIONS.items():
        t[f"derived_{table}_insert"] = f"AFTER INSERT ON {table} BEGIN {_log('SELECT 0 AS r')} END"
        linked = _log(f"SELECT e.rowid AS r FROM {link} x JOIN events e ON e.id = x.event_id "
                      f"WHERE x.{key} = NEW.id")
        t[f"derived_{table}_update"] = (f"AFTER UPDATE OF {labels} ON {table} BEGIN "
                                        f"{_log('SELECT 0 AS r')} {linked} END")
        t[f"corpus_version_{table}_update"] = (f"AFTER UPDATE OF {ids} ON {table} FOR EACH ROW BEGIN "
                                               f"{_bump('corpus_version')} END")
    return t


def _bump(key: str) -> str:
    return (f"INSERT INTO app_meta(key, value) VALUES ('{key}', '1') "
            f"ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;")


# The counter triggers of 0005, 0006 and 0007 that the log replaces, as those revisions made them
# (recreated on downgrade).
def _replaced() -> dict[str, str]:
    t: dict[str, str] = {}
    corpus = {"events": None, "event_organisations": None, "event_countries": None, "event_people": None,
              "event_citations": "event_id, passage_id, source_id"}
    for table, columns in corpus.items():
        for action in ("INSERT", "DELETE", "UPDATE"):
            of = f" OF {columns}" if action == "UPDATE" and columns else ""
            t[f"corpus_version_{table}_{action.lower()}"] = (
                f"AFTER {action}{of} ON {table} FOR EACH ROW BEGIN {_bump('corpus_version')} END")
    t["corpus_version_events_update"] = (  # as 0010 left it, watching the evidence grade too
        f"AFTER UPDATE OF id, kind, date_start, date_end, disputed, evidence ON events FOR EACH ROW BEGIN "
        f"{_bump('corpus_version')} END")
    for table, columns in _OPTION_UPDATES.items():
        t[f"corpus_version_{table}_insert"] = f"AFTER INSERT ON {table} FOR EACH ROW BEGIN {_bump('corpus_version')} END"
        t[f"corpus_version_{table}_update"] = (f"AFTER UPDATE OF {columns} ON {table} FOR EACH ROW BEGIN "
                                               f"{_bump('corpus_version')} END")
    export = {("events", "UPDATE"): f"{EVENT_COLUMNS}, evidence", ("event_agreements", "INSERT"): None,
              ("event_agreements", "DELETE"): None, ("event_agreements", "UPDATE"): None,
              ("event_citations", "UPDATE"): "stance", ("passages", "UPDATE"): "id, exact"}
    for (table, action), columns in export.items():
        of = f" OF {columns}" if columns else ""
        t[f"export_version_{table}_{action.lower()}"] = (
            f"AFTER {action}{of} ON {table} FOR EACH ROW BEGIN {_bump('export_version')} END")
    return t


def upgrade() -> None:
    op.create_table(
        "derived_log",
        sa.Column("rid", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("rid", name=op.f("pk_derived_log")),
    )
    op.create_index("ix_derived_log_seq", "derived_log", ["seq"])
    for name in _replaced():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, body in _triggers().items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    # Whatever was derived before this revision was current to no sequence: everything after
    # it is logged, and the counters bumped once so that nothing kept counts as current.
    op.execute(_bump("corpus_version"))


def downgrade() -> None:
    for name in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, body in _replaced().items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute(_bump("corpus_version"))
    op.execute("DELETE FROM app_meta WHERE key LIKE 'derived.%'")
    op.drop_index("ix_derived_log_seq", table_name="derived_log")
    op.drop_table("derived_log")
