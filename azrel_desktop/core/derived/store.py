"""Where derived data keeps its state, behind one interface: `DerivedStore`.

A store answers for the bookkeeping every piece of derived data needs — the version counters and
stored versions in `app_meta`, the change log of event rowids (`derived_log`, filled by triggers),
the stored facet index — and does the storage-specific work of the search index. `SqliteDerived`
is the implementation for the app's SQLite file (FTS5, triggers, `json_each`); a PostgreSQL store
would fill the same protocol (tsvector columns, its own triggers, LISTEN/NOTIFY for the counters)
and nothing above it would change. This is the one module that reads or writes `app_meta` for
derived data.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..store.sql_text import text

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# Counters that triggers bump on changes that are not logged per event (migrations 0005-0012).
CORPUS_VERSION = "corpus_version"  # an option's new id or parent, or its deletion: facets rebuilt
NOTES_VERSION = "notes_version"  # any change to notes or tags
EXPORT_VERSION = "export_version"  # export rows rebuilt (a migration's or a downgrade's; 0016 logs the rest)
# What the stored derived data is current to (written by this package only).
SEARCH_INDEX = "search_index"  # the search index's format (search.INDEX_VERSION)
SEARCH_SEQ = "derived.search"  # the log sequence the search index has taken in
SEARCH_TOKEN = "search_token"  # renewed with every change to the search index
EXPORT_ROWS = "export_rows"  # the counters the stored export rows were rendered at
EXPORT_SEQ = "derived.export_rows"  # the log sequence they have taken in
FACETS_SEQ = "derived.facets"  # the log sequence of the stored facet index
PRUNED = "derived.pruned"  # log rows below this sequence may have been deleted

OPTIONS_ROWID = 0  # the log's row for "an option list gained a row or a label"
_READ = (CORPUS_VERSION, NOTES_VERSION, EXPORT_VERSION, SEARCH_INDEX, SEARCH_SEQ, SEARCH_TOKEN, EXPORT_ROWS,
         EXPORT_SEQ, FACETS_SEQ, PRUNED)


# Everything `State` holds, in one statement (`state_of` reads its rows).
STATE_SQL = (f"SELECT key, value FROM app_meta WHERE key IN ({', '.join(repr(k) for k in _READ)}) "
             "UNION ALL SELECT NULL, max(seq) FROM derived_log")


# (plain SQL with named parameters, for any driver: the command line's fast path runs them
# through `sqlite3`)
PUT_SQL = "INSERT INTO app_meta(key, value) VALUES (:k, :v) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
# "+rid": ordered by rid, SQLite would scan the whole log in rowid order (every event: 28 ms at
# 100,000) rather than seek the few rows after `seq` by its index and sort them
CHANGED_SINCE_SQL = "SELECT rid FROM derived_log WHERE seq > :s ORDER BY +rid"


def state_of(rows: Iterable[Sequence]) -> State:
    """The `State` of `STATE_SQL`'s rows (run through any driver)."""
    rows = list(rows)
    meta = {k: v for k, v in rows if k is not None}
    seq = next((int(v) for k, v in rows if k is None and v is not None), 0)
    return State(meta, seq)


@dataclass(frozen=True)
class State:
    """Everything derived data needs to know about the file, read in one statement."""

    meta: dict[str, str] = field(default_factory=dict)
    seq: int = 0  # the change log's newest sequence number

    @property
    def corpus(self) -> str:
        return self.meta.get(CORPUS_VERSION, "0")

    @property
    def notes(self) -> str:
        return self.meta.get(NOTES_VERSION, "0")

    @property
    def export(self) -> str:
        """The stored export rows' counter: they follow the log for everything else, an
        option's new parent included (it shows in no row; migration 0016)."""
        return self.meta.get(EXPORT_VERSION, "0")

    def number(self, key: str) -> int:
        try:
            return int(self.meta.get(key, "0"))
        except ValueError:
            return 0

    def can_patch(self, seq: int) -> bool:
        """Whether data current to `seq` can be brought up to date from the log (every change
        after `seq` is still logged), else it is built again."""
        return seq + 1 >= self.number(PRUNED) and seq <= self.seq


class DerivedStore(Protocol):
    """The storage side of derived data (see the module docstring)."""

    def state(self, session: Session) -> State: ...
    def value(self, session: Session, key: str) -> str | None: ...
    def put(self, session: Session, key: str, value: str | int) -> None: ...
    def forget(self, session: Session, key: str) -> None: ...
    def changed_since(self, session: Session, seq: int) -> list[int]: ...
    def prune(self, session: Session) -> None: ...
    def reindex_search(self, session: Session, rowids: Sequence[int] | None) -> None: ...
    def reindex_events_by_id(self, session: Session, event_ids: Iterable[str]) -> None: ...
    def match(self, session: Session, query: str) -> str | None: ...
    def load_blob(self, session: Session, name: str, version: str) -> bytes | None: ...
    def save_blob(self, session: Session, name: str, version: str, data: bytes) -> None: ...
    def rebuild_sort_keys(self, session: Session) -> None: ...
    def rebuild_source_search(self, session: Session) -> None: ...


# Letters the tokenizer keeps but a reader types without their mark ("Baki" for "Bakı", "Seher"
# for "Şəhər"); the query side folds the same (query/search.py `FOLDS`), one code point for one.
FOLDS = (("ı", "i"), ("ə", "e"), ("Ə", "e"))


def _folded(sql: str) -> str:
    for letter, plain in FOLDS:
        sql = f"replace({sql}, '{letter}', '{plain}')"
    return sql


_QUOTES = """coalesce((SELECT group_concat(p.exact, ' ') FROM event_citations c
            JOIN passages p ON p.id = c.passage_id WHERE c.event_id = e.id), '')"""
_NOTES = """coalesce((SELECT group_concat(a.body || ' ' || coalesce(
                (SELECT group_concat(t.tag, ' ') FROM annotation_tags t WHERE t.annotation_id = a.id), ''),
            ' ')
            FROM annotations a
            WHERE (a.target_kind = 'event' AND a.target_id = e.id)
               OR (a.target_kind = 'passage' AND a.target_id IN
                   (SELECT c2.passage_id FROM event_citations c2 WHERE c2.event_id = e.id))), '')"""
# The index row shares the event's rowid, so a match is joined by rowid without reading the
# index's stored columns, and one event's row is found without a scan. (Rowids of a table
# without an INTEGER PRIMARY KEY may change on VACUUM; the app never vacuums, and `azrel check`
# verifies the pairing.)
SEARCH_ROWS = f"""
SELECT e.rowid, e.id, {_folded("e.title")}, {_folded("e.summary")}, {_folded(_QUOTES)}, {_folded(_NOTES)}
FROM events e
"""  # each event's row of the search index, as it is indexed
# each source's row of the source search index, as migration 0015's triggers index it
SOURCE_SEARCH_ROWS = f"SELECT rowid, id, {_folded('title')}, {_folded('text')} FROM sources"
_INDEX = "INSERT INTO event_fts(rowid, event_id, title, summary, quotes, notes)" + SEARCH_ROWS
_ROWIDS = "(SELECT value FROM json_each(:rowids))"

# The sort keys of migration 0004, kept by its triggers; rebuilt only by `rebuild_sort_keys`.
_SORT_KEYS = {
    "sort_organisations": "(SELECT min(coalesce(o.abbreviation, o.name)) FROM event_organisations eo "
                          "JOIN organisations o ON o.id = eo.organisation_id WHERE eo.event_id = events.id)",
    "sort_countries": "(SELECT min(c.name) FROM event_countries ec JOIN countries c ON c.id = ec.country_id "
                      "WHERE ec.event_id = events.id)",
    "source_count": "(SELECT count(DISTINCT ci.source_id) FROM event_citations ci "
                    "WHERE ci.event_id = events.id AND ci.stance = 'supports')",
    "annotation_count": "(SELECT count(*) FROM annotations a WHERE a.target_kind = 'event' "
                        "AND a.target_id = events.id)",
}


class SqliteDerived:
    """`DerivedStore` for the app's SQLite file."""

    def state(self, session: Session) -> State:
        return state_of(session.execute(text(STATE_SQL)).all())

    def value(self, session: Session, key: str) -> str | None:
        return session.execute(text("SELECT value FROM app_meta WHERE key = :k"), {"k": key}).scalar()

    def put(self, session: Session, key: str, value: str | int) -> None:
        session.execute(text(PUT_SQL), {"k": key, "v": str(value)})

    def forget(self, session: Session, key: str) -> None:
        session.execute(text("DELETE FROM app_meta WHERE key = :k"), {"k": key})

    def changed_since(self, session: Session, seq: int) -> list[int]:
        """The rowids logged after `seq`, ascending (`OPTIONS_ROWID` among them when an option
        list gained a row or a label)."""
        return [r for r, in session.execute(text(CHANGED_SINCE_SQL), {"s": seq})]

    def prune(self, session: Session) -> None:
        """Drop the log rows every consumer has taken in (never the newest: it carries the
        sequence on)."""
        state = self.state(session)
        floor = min(state.number(k) for k in (SEARCH_SEQ, EXPORT_SEQ, FACETS_SEQ))
        if floor > state.number(PRUNED):
            session.execute(text("DELETE FROM derived_log WHERE seq < :f AND seq < :top"),
                            {"f": floor, "top": state.seq})
            self.put(session, PRUNED, min(floor, state.seq))

    # --- the search index (FTS5) -------------------------------------------------------
    def reindex_search(self, session: Session, rowids: Sequence[int] | None) -> None:
        """Rebuild the search rows of these events (all when None); a rowid with no event any
        more loses its row. Renews the token the remembered matches are kept under."""
        self.put(session, SEARCH_TOKEN, uuid.uuid4().hex)
        if rowids is None:
            session.execute(text("DELETE FROM event_fts"))
            session.execute(text(_INDEX))
            return
        ids = json.dumps([int(r) for r in rowids])
        session.execute(text(f"DELETE FROM event_fts WHERE rowid IN {_ROWIDS}"), {"rowids": ids})
        session.execute(text(_INDEX + f" WHERE e.rowid IN {_ROWIDS}"), {"rowids": ids})

    def reindex_events_by_id(self, session: Session, event_ids: Iterable[str]) -> None:
        rowids = [r for r, in session.execute(text("SELECT rowid FROM events WHERE id IN "
                                                   "(SELECT value FROM json_each(:ids))"),
                                              {"ids": json.dumps(sorted(set(event_ids)))})]
        self.reindex_search(session, rowids)

    def match(self, session: Session, query: str) -> str | None:
        """The rowids an FTS5 query matches, as `group_concat` gives them."""
        return session.execute(text("SELECT group_concat(rowid) FROM event_fts WHERE event_fts MATCH :q"),
                               {"q": query}).scalar()

    # --- stored blobs (the facet index) --------------------------------------------------
    def load_blob(self, session: Session, name: str, version: str) -> bytes | None:
        return session.execute(text("SELECT data FROM facet_cache WHERE name = :n AND version = :v"),
                               {"n": name, "v": version}).scalar()

    def save_blob(self, session: Session, name: str, version: str, data: bytes) -> None:
        session.execute(text("INSERT OR REPLACE INTO facet_cache(name, version, data) VALUES (:n, :v, :d)"),
                        {"n": name, "v": version, "d": data})

    # --- the full-text index of sources (kept by migration 0008's triggers) -------------------
    def rebuild_source_search(self, session: Session) -> None:
        session.execute(text("DELETE FROM source_fts"))
        session.execute(text(f"INSERT INTO source_fts(rowid, source_id, title, body) {SOURCE_SEARCH_ROWS}"))

    # --- sort keys (kept by triggers) ----------------------------------------------------
    def rebuild_sort_keys(self, session: Session) -> None:
        values = ", ".join(f"{column} = {expr}" for column, expr in _SORT_KEYS.items())
        session.execute(text(f"UPDATE events SET {values}"))


store: DerivedStore = SqliteDerived()
