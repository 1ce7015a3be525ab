"""What both events exports (core/output/export.py, and the command line's fast path,
core/output/fast_export.py) share about the last two columns and the stored heads' version: the
note cells (tags, annotations) of each event that has notes, rendered from two ordered streams,
and whether the stored heads are current. Standard library only."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from ..derived.store import EXPORT_ROWS, EXPORT_SEQ, State
from .export_cells import CRLF, JOIN, render

VERSION_KEY = EXPORT_ROWS  # app_meta: the versions the stored heads were rendered at
# Part of the stored heads' version: raised when what a head holds changes, so heads rendered
# by an earlier version of the app are rendered again (2: the origin column; 3: the formula rule
# also looks past leading spaces and invisible characters, full-width signs, telephone numbers;
# 4: the evidence column; 5: quotes as prose, without the source's line breaks; 6: the rows no
# longer follow `corpus_version`, see migration 0016).
HEAD_FORMAT = "6"
NO_NOTES = ",," + CRLF  # the two empty note cells and the line end
BATCH = 2000

_FIRST = itemgetter(0)

_NOTES = """SELECT a.target_id AS event_id, a.rowid AS r, a.id AS note, a.body AS body
      FROM annotations a WHERE a.target_kind = 'event'
    UNION ALL SELECT c.event_id, a.rowid, a.id, a.body FROM annotations a
      JOIN event_citations c ON c.passage_id = a.target_id WHERE a.target_kind = 'passage'"""
# (event id, tag) and (event id, body), each in event-id order
TAGS_SQL = f"""SELECT DISTINCT n.event_id, t.tag FROM ({_NOTES}) n
    JOIN annotation_tags t ON t.annotation_id = n.note WHERE t.tag <> '' ORDER BY n.event_id, t.tag"""
BODIES_SQL = f"""SELECT n.event_id, n.body FROM ({_NOTES}) n WHERE n.body <> '' ORDER BY n.event_id, n.r"""


def head_version(now: State) -> str:
    return f"{now.export}.{HEAD_FORMAT}"


def heads_current(now: State) -> bool:
    """Whether every stored head is of the file as it is now (its versions, and every change
    the log names taken in)."""
    return now.meta.get(VERSION_KEY) == head_version(now) and now.number(EXPORT_SEQ) == now.seq


class _Groups:
    """An (event id, ...) stream in event-id order, taken one event at a time."""

    key: str | None  # the event of the group at hand; None once the stream is spent
    _group: Iterable[tuple]

    def __init__(self, rows: Iterator[tuple]) -> None:
        self._groups = groupby(rows, _FIRST)
        self._advance()

    def _advance(self) -> None:
        self.key, self._group = next(self._groups, (None, ()))

    def take(self, event_id: str) -> list[tuple]:
        """The rows of `event_id` (none: an empty list); rows of events before it are passed over."""
        while self.key is not None and self.key < event_id:
            self._advance()
        if self.key != event_id:
            return []
        rows = list(self._group)
        self._advance()
        return rows


def note_tails(tag_rows: Iterator[tuple], body_rows: Iterator[tuple]) -> Iterator[list[tuple[str, str]]]:
    """Batches of (event id, the two note cells and the line end) of the events that have notes,
    from the rows of `TAGS_SQL` and `BODIES_SQL`."""
    tags, bodies = _Groups(tag_rows), _Groups(body_rows)

    def cells() -> Iterator[tuple[str, str, str]]:
        # Both streams are in event-id order: walk the union of their keys.
        while tags.key is not None or bodies.key is not None:
            event_id = min(k for k in (tags.key, bodies.key) if k is not None)
            yield (event_id, JOIN.join(t for _, t in tags.take(event_id)),
                   JOIN.join(b for _, b in bodies.take(event_id)))

    rows = cells()
    while batch := [row for _, row in zip(range(BATCH), rows, strict=False)]:
        tails = ["," + line + CRLF for line in render([r[1:] for r in batch], 2)]
        yield list(zip(map(_FIRST, batch), tails, strict=True))
