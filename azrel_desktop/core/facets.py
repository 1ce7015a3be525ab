"""Facet counts: how many events each option of each dimension would give under the filter.

Each dimension is counted under the filter minus that dimension, so a filter with k active
dimensions needs k + 1 different event sets. The sets come from SQL — each active dimension of
the one `EventFilter` compiled on its own — and the counting is done over every (event, option)
pair of the corpus held in memory (`facet_index.FacetIndex`, numpy), read once per corpus
version and kept in the file between runs. Triggers (migration 0005) bump the corpus version on
every change to events, their links or the option lists, and the notes version on every change
to notes or tags, whoever makes it: this window, another one or the command line.

This module holds the values and the cache; numpy is imported only when counting starts, off
the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from .filters import EventFilter

if TYPE_CHECKING:
    from .facet_index import FacetIndex, Notes


class FacetValue(NamedTuple):
    """One option of a dimension (a NamedTuple: thousands are made per call, cheaply)."""

    value: str
    label: str
    count: int
    detail: str = ""


@dataclass(frozen=True)
class Facets:
    """Counts per option of each dimension; each dimension is counted under the other dimensions
    of the filter (the count is how many events that option would give)."""

    total: int
    organisations: list[FacetValue] = field(default_factory=list)
    countries: list[FacetValue] = field(default_factory=list)
    people: list[FacetValue] = field(default_factory=list)
    kinds: list[FacetValue] = field(default_factory=list)
    sources: list[FacetValue] = field(default_factory=list)
    tags: list[FacetValue] = field(default_factory=list)
    disputed: int = 0
    annotated: int = 0
    years: list[FacetValue] = field(default_factory=list)
    undisputed: int = 0


CORPUS_VERSION_KEY = "corpus_version"
NOTES_VERSION_KEY = "notes_version"


def versions(session: Session) -> tuple[str, str]:
    """(corpus, notes) versions of the file, as the triggers keep them."""
    found = dict(session.execute(text("SELECT key, value FROM app_meta WHERE key IN (:c, :n)"),
                                 {"c": CORPUS_VERSION_KEY, "n": NOTES_VERSION_KEY}).all())
    return found.get(CORPUS_VERSION_KEY, "0"), found.get(NOTES_VERSION_KEY, "0")


class FacetCache:
    """The `FacetIndex` and `Notes` of one open file, rebuilt when their version changes;
    thread-safe. `save` (None for a read-only file) keeps a newly built index in the file."""

    def __init__(self, save: Callable[[FacetIndex], None] | None = None) -> None:
        self._lock = threading.Lock()
        self._index: FacetIndex | None = None
        self._notes: Notes | None = None
        self._save = save

    def get(self, session: Session) -> tuple[FacetIndex, Notes]:
        from . import facet_index

        corpus, notes = versions(session)
        with self._lock:
            if self._index is None or self._index.version != corpus:
                self._index = facet_index.load(session, corpus)
                if self._index is None:
                    self._index = facet_index.FacetIndex.read(session, corpus)
                    if self._save:
                        self._save(self._index)
            if self._notes is None or self._notes.version != (corpus, notes):
                self._notes = facet_index.Notes(session, self._index, (corpus, notes))
            return self._index, self._notes

    def clear(self) -> None:
        with self._lock:
            self._index = self._notes = None


def load_engine() -> None:
    """Import the counting engine (numpy) now. An import holds Python's lock for its whole
    length, so a start-up that overlaps it with waiting on the disk keeps the GUI thread from
    stalling on it later, in the middle of the first facet count."""
    from . import facet_index  # noqa: F401


def facets(session: Session, f: EventFilter, cache: FacetCache) -> Facets:
    from . import facet_index

    return facet_index.count(session, f, *cache.get(session))
