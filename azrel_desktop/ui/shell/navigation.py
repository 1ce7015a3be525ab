"""Where the browser can go (`Target`) and the back/forward history of places visited."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ...core.query.filters import EventFilter

PAGE_KINDS = ("timeline", "event", "organisation", "agreement", "source", "country", "person",
              "annotations", "sources", "analysis")


@dataclass(frozen=True)
class Target:
    """A place in the browser.

    kind: one of PAGE_KINDS. `event` opens the timeline with that event selected.
    id: the record id (None for timeline and annotations).
    passage_id / start / end: for a source, the passage or span to scroll to and flash.
    """

    kind: str
    id: str | None = None
    passage_id: str | None = None
    start: int | None = None
    end: int | None = None
    extra: tuple = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.kind not in PAGE_KINDS:
            raise ValueError(f"unknown page kind {self.kind!r}")

    def same_place(self, other: Target | None) -> bool:
        """Whether going to `self` from `other` would show the same thing. The extras count
        (a timeline under another filter is another place), compared in one form whichever
        way a filter is carried; a target without extras keeps what the page shows, so it is
        the same place as any of its kind and id."""
        if other is None or self != other:
            return False
        return not self.extra or _canonical(self.extra) == _canonical(other.extra)


def _canonical(extra: tuple) -> tuple:
    """Extras with a filter in one form, whether carried as an EventFilter or as
    ("filter", dict-or-JSON)."""
    out = []
    for item in extra:
        if isinstance(item, EventFilter):
            item = ("filter", item.to_dict())
        if isinstance(item, tuple) and len(item) == 2 and item[0] == "filter":
            data = json.loads(item[1]) if isinstance(item[1], str) else item[1]
            try:
                data = EventFilter.from_dict(data).to_dict()
            except (TypeError, ValueError):
                pass  # compared as written
            item = ("filter", json.dumps(data, sort_keys=True))
        out.append(item)
    return tuple(out)


class History:
    """Back/forward stacks like a web browser's: visiting a new place clears the forward stack."""

    def __init__(self, limit: int = 200) -> None:
        self._back: list[Target] = []
        self._forward: list[Target] = []
        self.current: Target | None = None
        self._limit = limit

    def visit(self, target: Target) -> None:
        if target.same_place(self.current):
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[:-self._limit]
        self._forward.clear()
        self.current = target

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Target | None:
        if not self._back:
            return None
        if self.current is not None:
            self._forward.append(self.current)
        self.current = self._back.pop()
        return self.current

    def forward(self) -> Target | None:
        if not self._forward:
            return None
        if self.current is not None:
            self._back.append(self.current)
        self.current = self._forward.pop()
        return self.current
