"""Facet counts: how many events each option of each dimension would give under the filter.

Each dimension is counted under the filter minus that dimension, so a filter with k active
dimensions needs k + 1 different event sets. The sets come from SQL — each active dimension of
the one `EventFilter` compiled on its own — and the counting is done over every (event, option)
pair of the corpus held in memory (`facet_index.FacetIndex`, numpy), read once per corpus
version, kept in the file between runs, and patched with the events the change log names after
any edit (core/derived: triggers log every change to events and their links, whoever makes it —
this window, another one or the command line; a renamed or deleted option bumps the corpus
version, and a change to notes or tags the notes version).

This module holds the cache (the values are in `facet_values.py`); the engine, and numpy with
it, is imported only when counting starts, off the GUI thread, hence the imports of
`facet_index` inside the functions below.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from .. import derived
from .facet_values import FacetOptions, Facets, FacetValue  # noqa: F401 - re-exported: the facets' values
from .filters import EventFilter

if TYPE_CHECKING:
    import numpy as np

    from .facet_index import FacetIndex, Notes


CORPUS_VERSION_KEY = derived.CORPUS_VERSION
NOTES_VERSION_KEY = derived.NOTES_VERSION
SAVE_AFTER = 5_000  # events patched into an index before it is kept in the file again


def versions(session: Session) -> tuple[str, str]:
    """(corpus, notes) versions of the file, as the triggers keep them."""
    now = derived.state(session)
    return now.corpus, now.notes


class FacetCache:
    """The `FacetIndex` and `Notes` of one open file, kept current; thread-safe. An index is
    read from the tables (or loaded from the file) once per corpus version, then patched with
    the events the change log names (core/derived). `save` (None for a read-only file) keeps a
    newly read index in the file, and a patched one after every `SAVE_AFTER` events."""

    def __init__(self, save: Callable[[FacetIndex], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._index: FacetIndex | None = None
        self._notes: Notes | None = None
        self._save = save

    def get(self, session: Session) -> tuple[FacetIndex, Notes]:
        from . import facet_index

        now = derived.state(session)
        with self._lock:
            index, keep, loaded = self._index, False, False
            if index is None or index.version != now.corpus or not now.can_patch(index.seq):
                index = facet_index.load(session, now.corpus)
                loaded = index is not None
                if index is None or not now.can_patch(index.seq):
                    index, keep = facet_index.FacetIndex.read(session, now.corpus, now.seq), True
                self._notes = None
            changed: list[int] = []
            if index.seq < now.seq:
                changed = derived.store.changed_since(session, index.seq)
                index = index.patched(session, changed, now.seq)
                # A kept index that edits made elsewhere left behind is kept again once patched:
                # otherwise every later start would patch it again, a copy of all its arrays (86 MB
                # at a million events) until 5,000 events had been patched in.
                keep = keep or loaded or index.patched_rows >= SAVE_AFTER or not index.patched_rows
            if keep and self._save:
                self._save(index)
            notes = self._notes
            if notes is None or notes.version != (now.corpus, now.notes) or (notes.seq != index.seq and not changed):
                notes = facet_index.Notes(session, index, (now.corpus, now.notes))
            elif notes.seq != index.seq:
                notes = notes.patched(session, index, changed)
            self._index, self._notes = index, notes
            return index, notes

    def peek(self, session: Session) -> tuple[FacetIndex, Notes] | None:
        """The index and notes if both are loaded and of the file's current versions; never
        reads or builds them (a caller on the GUI thread must not wait for that)."""
        now = derived.state(session)
        with self._lock:
            if (self._index is None or self._notes is None or self._index.version != now.corpus
                    or self._index.seq != now.seq or self._notes.version != (now.corpus, now.notes)
                    or self._notes.seq != now.seq):
                return None
            return self._index, self._notes

    def clear(self) -> None:
        with self._lock:
            self._index = self._notes = None


def load_engine() -> None:
    """Import the counting engine (numpy) now. An import holds Python's lock for its whole
    length, so a start-up that overlaps it with waiting on the disk keeps the GUI thread from
    stalling on it later, in the middle of the first facet count."""
    from . import facet_index  # noqa: F401


def counted(session: Session, f: EventFilter, cache: FacetCache) -> int | None:
    """How many events the filter selects, counted by the facet engine when it is loaded and
    current and the filter is one it holds without SQL; else None (count in SQL)."""
    loaded = cache.peek(session)
    if loaded is None:
        return None
    from . import facet_index

    return facet_index.total(session, f, *loaded)


def selected_rowids(session: Session, f: EventFilter, cache: FacetCache, *,
                    everything: bool = False) -> np.ndarray | None:
    """The rowids (ascending) of the events the filter selects, from the facet engine when it is
    loaded and current and holds the filter without SQL; else None (let SQL find them). An empty
    filter gives None unless `everything` (SQL pages every event straight from its sort index)."""
    if f.is_empty and not everything:
        return None
    loaded = cache.peek(session)
    if loaded is None:
        return None
    from . import facet_index

    return facet_index.selected(session, f, *loaded)


def facets(session: Session, f: EventFilter, cache: FacetCache) -> Facets:
    from . import facet_index

    return facet_index.count(session, f, *cache.get(session))
