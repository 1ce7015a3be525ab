"""Facet counts: how many events each option of each dimension would give under the filter.

Each dimension is counted under the filter minus that dimension, so a filter with k active
dimensions needs k + 1 different event sets. The sets come from SQL — each active dimension of
the one `EventFilter` compiled on its own — and the counting is done over every (event, option)
pair of the corpus held in memory (`facet_index.FacetIndex`, numpy), read once per corpus
version, kept in the file between runs, and patched with the events the change log names after
any edit (core/derived: triggers log every change to events and their links, whoever makes it —
this window, another one or the command line; a renamed or deleted option bumps the corpus
version, and a change to notes or tags the notes version).

This module holds the values and the cache; numpy is imported only when counting starts, off
the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple, overload

from sqlalchemy.orm import Session

from .. import derived
from .filters import EventFilter

if TYPE_CHECKING:
    from .facet_index import FacetIndex, Notes


class FacetValue(NamedTuple):
    """One option of a dimension (a NamedTuple: thousands are made per call, cheaply)."""

    value: str
    label: str
    count: int  # type: ignore[assignment]  # a NamedTuple field may shadow tuple.count; mypy takes it for an override
    detail: str = ""


class FacetOptions(Sequence[FacetValue]):
    """The options of one dimension, busiest first, as a sequence whose values are made only
    when asked for: a corpus may have 20,000 sources while a list shows a few hundred, and
    making every value took longer than counting them. `matching` finds options by name
    without making the others; `get` finds one by value (a chosen one that is not listed)."""

    def __init__(self, keys: list[str], labels: list[str], details: list[str], counts: list[int],
                 order: list[int], folded: Callable[[], list[str]] | None = None) -> None:
        self._keys, self._labels, self._details = keys, labels, details
        self._counts, self._order = counts, order  # count per option; option indexes in list order
        self._folded = folded  # casefolded "label\x1fkey" per option, made once per index
        self._position: dict[str, int] | None = None

    @classmethod
    def of(cls, values: Sequence[FacetValue]) -> FacetOptions:
        values = list(values)
        return cls([v.value for v in values], [v.label for v in values], [v.detail for v in values],
                   [v.count for v in values], list(range(len(values))))

    def _value(self, i: int) -> FacetValue:
        return FacetValue(self._keys[i], self._labels[i], self._counts[i], self._details[i])

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, at: int) -> FacetValue: ...
    @overload
    def __getitem__(self, at: slice) -> list[FacetValue]: ...
    def __getitem__(self, at):
        if isinstance(at, slice):
            return [self._value(i) for i in self._order[at]]
        return self._value(self._order[at])

    def __iter__(self) -> Iterator[FacetValue]:
        return (self._value(i) for i in self._order)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"FacetOptions({len(self)} options: {self[:3]}{'…' if len(self) > 3 else ''})"

    def get(self, value: str) -> FacetValue | None:
        """The listed option with this value, or None."""
        if self._position is None:
            self._position = {self._keys[i]: n for n, i in enumerate(self._order)}
        n = self._position.get(value)
        return None if n is None else self._value(self._order[n])

    def matching(self, needle: str, limit: int | None = None) -> tuple[list[FacetValue], int]:
        """The first `limit` options (in list order) whose label or value contains `needle`
        (any case), and how many match in all."""
        needle = needle.strip().casefold()
        if not needle:
            return self[:limit], len(self)
        folded = self._folded() if self._folded else [f"{self._labels[i]}\x1f{self._keys[i]}".casefold()
                                                       for i in range(len(self._keys))]
        hits = [i for i in self._order if needle in folded[i]]
        return [self._value(i) for i in hits[:limit]], len(hits)


@dataclass(frozen=True)
class Facets:
    """Counts per option of each dimension; each dimension is counted under the other dimensions
    of the filter (the count is how many events that option would give). The option lists are
    read by dimension name: `facets.lists["countries"]`, or `facets.countries`."""

    total: int
    lists: dict[str, Sequence[FacetValue]] = field(default_factory=dict)
    disputed: int = 0
    annotated: int = 0
    years: Sequence[FacetValue] = field(default_factory=list)
    undisputed: int = 0

    def __getattr__(self, name: str) -> Sequence[FacetValue]:
        # Only reached for names that are not fields: the list dimensions.
        from .dimensions import BY_NAME, ListDimension

        if isinstance(BY_NAME.get(name), ListDimension):
            return self.__dict__.get("lists", {}).get(name, [])
        raise AttributeError(name)


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
            index, keep = self._index, False
            if index is None or index.version != now.corpus or not now.can_patch(index.seq):
                index = facet_index.load(session, now.corpus)
                if index is None or not now.can_patch(index.seq):
                    index, keep = facet_index.FacetIndex.read(session, now.corpus, now.seq), True
                self._notes = None
            changed: list[int] = []
            if index.seq < now.seq:
                changed = derived.store.changed_since(session, index.seq)
                index = index.patched(session, changed, now.seq)
                keep = keep or index.patched_rows >= SAVE_AFTER or not index.patched_rows
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


def facets(session: Session, f: EventFilter, cache: FacetCache) -> Facets:
    from . import facet_index

    return facet_index.count(session, f, *cache.get(session))
