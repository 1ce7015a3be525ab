"""Derived data: everything the file keeps that can be computed again from the records, in one
registry (`PIECES`), with the versions each depends on and how it is rebuilt or updated.

| piece | kept in | rebuilt from scratch when | updated incrementally |
| --- | --- | --- | --- |
| search index | `event_fts` (query/search.py) | its format (`search.INDEX_VERSION`) changes | in every write transaction, from the change log (`after_write`) |
| facet index | memory, and `facet_cache` between runs (query/facet_index.py) | `corpus_version` moves | on its next read: the arrays of the logged rowids are patched |
| sort keys | columns on `events` (migration 0004) | by hand (`rebuild_sort_keys`) | by triggers, in the writer's own statement |
| export rows | `export_rows` (output/export_rows.py) | `export_version` moves (a migration's) | at the next export: the logged rowids are rendered again |
| source search index | `source_fts` (query/source_search.py) | by hand (`rebuild_source_search`) | by triggers (migrations 0008, 0015) |

**The change log.** Triggers (migration 0012) write the rowid of every event whose facets,
export row or search row may have changed into `derived_log`, with a sequence number; each piece
remembers the sequence it has taken in (`store.State`). A renamed organisation, country, person
or source logs rowid 0 (`OPTIONS_ROWID`: the option lists are read again) and its events; an
agreement's new title, a deleted passage, agreement or option, or an option's new id logs the
events linked to it (migration 0016). A change that moves many events between options and is
rare — an option's new id or parent, or its deletion — also bumps `corpus_version`, and the
facet index is built again (an option's parent shows in no export row).

**Writers call nothing.** Any write, through the app or not, is logged by the triggers. Inside
the app, `attach` (called by `open_database`) registers `after_write` on the file's write
sessions: it runs before every commit and brings the search index up to the log in the same
transaction, so a search sees every committed edit. The facet index and the export rows follow
the log when they are next read (the facets in memory, read-only files included; the export rows
in one short write). A program writing the file with plain SQL is caught up at the app's next
write or open.

Storage-specific work (FTS5, triggers, `app_meta`, `json_each`) sits behind `store.DerivedStore`,
whose SQLite implementation is `store.SqliteDerived`; a PostgreSQL store would fill the same
protocol.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import store as _store
from .store import (
    CORPUS_VERSION,
    EXPORT_ROWS,
    EXPORT_SEQ,
    EXPORT_VERSION,
    FACETS_SEQ,
    NOTES_VERSION,
    OPTIONS_ROWID,
    SEARCH_INDEX,
    SEARCH_SEQ,
    DerivedStore,
    SqliteDerived,
    State,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..store.database import Database

__all__ = ["OPTIONS_ROWID", "PIECES", "DerivedStore", "Piece", "SqliteDerived", "State", "after_write", "attach",
           "catch_up", "state", "store"]


@dataclass(frozen=True)
class Piece:
    """One piece of derived data: what it depends on, and the functions (as "module:name",
    resolved by a test so they cannot rot) that build it from scratch and bring it up to date."""

    name: str
    rebuilt_when: tuple[str, ...]  # app_meta keys whose change means "build it again"
    current_to: str | None  # app_meta key of the log sequence it has taken in (None: triggers)
    rebuild: str
    update: str  # takes in the events logged since `current_to`


_CORE = "azrel_desktop.core"
PIECES = (
    Piece("search index", (SEARCH_INDEX,), SEARCH_SEQ,
          f"{_CORE}.query.search:reindex_events", f"{_CORE}.derived:catch_up"),
    Piece("facet index", (CORPUS_VERSION, NOTES_VERSION), FACETS_SEQ,
          f"{_CORE}.query.facet_index:FacetIndex.read", f"{_CORE}.query.facet_index:FacetIndex.patched"),
    Piece("sort keys", (), None,  # migration 0004's triggers update them in the writer's statement
          f"{_CORE}.derived.store:SqliteDerived.rebuild_sort_keys", "migrations/versions/0004_sort_keys.py"),
    Piece("export rows", (EXPORT_VERSION, EXPORT_ROWS), EXPORT_SEQ,
          f"{_CORE}.output.export_rows:refresh", f"{_CORE}.output.export_rows:catch_up"),
    Piece("source search index", (), None,  # migration 0008's triggers, in the writer's statement
          f"{_CORE}.derived.store:SqliteDerived.rebuild_source_search", "migrations/versions/0015_fold_azerbaijani.py"),
)

store: DerivedStore = _store.store


def state(session: Session) -> State:
    """The file's versions and change-log sequence, as every piece of derived data sees them."""
    return store.state(session)


def catch_up(session: Session) -> bool:
    """Bring the search index up to the change log in this write transaction; True if it had
    anything to take in."""
    session.flush()  # objects still pending reach the tables (and the log) first
    now = store.state(session)
    done = now.number(SEARCH_SEQ)
    if now.seq <= done:
        return False
    if now.can_patch(done):
        store.reindex_search(session, [r for r in store.changed_since(session, done) if r != OPTIONS_ROWID])
    else:
        store.reindex_search(session, None)
    store.put(session, SEARCH_SEQ, now.seq)
    return True


def after_write(session: Session) -> None:
    """Run before every commit of the app's write sessions (see the module docstring)."""
    catch_up(session)


def attach(db: Database, ensure_search_index: Callable[[Database], object]) -> None:
    """At open: build the search index if its format changed (`ensure_search_index`, the query
    layer's `search.ensure_index`: the registry sits below the queries that read what it keeps),
    take in what was written while the app was away, and have every later write keep the search
    index current."""
    ensure_search_index(db)
    if db.readonly:
        return
    with db.read() as s:
        now = store.state(s)
    if now.seq > now.number(SEARCH_SEQ):
        with db.write() as s:
            catch_up(s)
    db.before_commit(after_write)
