"""the stored export rows follow exactly the events a change shows in: an agreement's new title,
a deleted passage, an option's new id or its deletion log the events linked to it instead of
having every row rendered again

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03

An event's stored export row (0006) shows its own links' labels and the passages it cites. Until
now a change to an agreement (its id or title) or its deletion, and the deletion of a passage,
bumped `export_version`, and an option's new id or parent or its deletion bumped
`corpus_version` (0012), which the stored rows also followed: the next export rendered every row
again (at 100,000 events, 20 s instead of under one). These triggers log, through the change log
of 0012, the events linked to the agreement, passage or option (by its old and its new id), so
only their rows are rendered again; the app's stored rows no longer follow `corpus_version`
(an option's parent shows in no row: it is the facets' business, and they still follow it).

With SQLite's foreign keys on, as the app writes, a linked agreement, passage or option cannot
be deleted or renumbered, so these log nothing the link tables' own triggers did not; a writer
with foreign keys off can orphan links, and then the events still linked are the ones logged.

This script describes its own SQL; it never imports the application's models.
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_NEXT = "(SELECT coalesce(max(seq), 0) + 1 FROM derived_log)"


def _log_linked(link: str, key: str, ids: str) -> str:
    """Log the events whose `link` rows name one of `ids` by `key` (an upsert, as 0012's)."""
    return (f"INSERT INTO derived_log(rid, seq) SELECT e.rowid, {_NEXT} FROM {link} x "
            f"JOIN events e ON e.id = x.event_id WHERE x.{key} IN ({ids}) "
            f"ON CONFLICT(rid) DO UPDATE SET seq = excluded.seq;")


def _bump(key: str) -> str:
    return (f"INSERT INTO app_meta(key, value) VALUES ('{key}', '1') "
            f"ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;")


# table -> (its link to events, the link's column naming it)
LINKED = {
    "agreements": ("event_agreements", "agreement_id"),
    "passages": ("event_citations", "passage_id"),
    "organisations": ("event_organisations", "organisation_id"),
    "countries": ("event_countries", "country_id"),
    "people": ("event_people", "person_id"),
    "sources": ("event_citations", "source_id"),
}


def _triggers() -> dict[str, str]:
    t = {}
    for table, (link, key) in LINKED.items():
        t[f"derived_{table}_delete"] = f"AFTER DELETE ON {table} BEGIN {_log_linked(link, key, 'OLD.id')} END"
    # an agreement's title shows in its events' rows; every other table's labels are 0012's
    t["derived_agreements_update"] = ("AFTER UPDATE OF id, title ON agreements BEGIN "
                                      f"{_log_linked('event_agreements', 'agreement_id', 'OLD.id, NEW.id')} END")
    for table in ("organisations", "countries", "people", "sources"):
        link, key = LINKED[table]
        t[f"derived_{table}_renumbered"] = (f"AFTER UPDATE OF id ON {table} BEGIN "
                                            f"{_log_linked(link, key, 'OLD.id, NEW.id')} END")
    return t


# 0006's counter triggers these replace, as they are at 0015 (recreated on downgrade).
REPLACED = {
    "export_version_agreements_update": ("AFTER UPDATE OF id, title ON agreements FOR EACH ROW BEGIN "
                                         f"{_bump('export_version')} END"),
    "export_version_agreements_delete": f"AFTER DELETE ON agreements FOR EACH ROW BEGIN {_bump('export_version')} END",
    "export_version_passages_delete": f"AFTER DELETE ON passages FOR EACH ROW BEGIN {_bump('export_version')} END",
}


def upgrade() -> None:
    for name in REPLACED:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, body in _triggers().items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in _triggers():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for name, body in REPLACED.items():
        op.execute(f"CREATE TRIGGER {name} {body}")
    # rows stored by the app at 0016 followed the log, not these counters: render them again
    op.execute(_bump("export_version"))
