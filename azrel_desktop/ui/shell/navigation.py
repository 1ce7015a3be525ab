"""Where the browser can go (`Target`) and the back/forward history of places visited."""

from __future__ import annotations

from dataclasses import dataclass, field

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


class History:
    """Back/forward stacks like a web browser's: visiting a new place clears the forward stack."""

    def __init__(self, limit: int = 200) -> None:
        self._back: list[Target] = []
        self._forward: list[Target] = []
        self.current: Target | None = None
        self._limit = limit

    def visit(self, target: Target) -> None:
        if target == self.current:
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
