"""The orders events are listed and exported in: each sort key's ORDER BY (over `events e`).

Standard library only: the command line's fast export imports it without SQLAlchemy."""

from __future__ import annotations

SORT_KEYS = {
    "date": "e.date_start {d}, e.date_end {d}, e.id {d}",
    "title": "e.title COLLATE NOCASE {d}, e.date_start, e.id",
    "kind": "e.kind {d}, e.date_start, e.id",
    "organisations": "e.sort_organisations {d}, e.date_start, e.id",
    "countries": "e.sort_countries {d}, e.date_start, e.id",
    "sources": "e.source_count {d}, e.date_start, e.id",
    "disputed": "e.disputed {d}, e.date_start, e.id",
    "evidence": "e.evidence {d}, e.date_start, e.id",
    "annotations": "e.annotation_count {d}, e.date_start, e.id",
}


def order_by(sort: str = "date", descending: bool = False) -> str:
    if sort not in SORT_KEYS:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_KEYS)}")
    return SORT_KEYS[sort].format(d="DESC" if descending else "ASC")
