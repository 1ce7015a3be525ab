"""The values facet counting gives back: an option and its count (`FacetValue`), one
dimension's options made only when asked for (`FacetOptions`), and all the counts of a filter
(`Facets`). Below both the cache (`facets.py`) and the numpy engine (`facet_index.py`), which
make and read them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, overload

from .dimensions import BY_NAME, ListDimension


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
        if isinstance(BY_NAME.get(name), ListDimension):
            return self.__dict__.get("lists", {}).get(name, [])
        raise AttributeError(name)
