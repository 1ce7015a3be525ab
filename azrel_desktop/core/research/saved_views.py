"""Saved views: the user's named filters, each with the timeline's sort and the chart's lanes.

A view stores the filter in the filter's own serialisation (`EventFilter.to_dict()`), so what
opens is exactly what was saved. The records a view names are not tied to it: a view that names
an organisation (or a country, person, source) the library no longer holds still opens, without
it, and `OpenedView.dropped` says in words what was left out. Names are unique, compared as
saving compares tags (case and runs of spaces ignored). Each change commits before it returns
and gives back what undoing it needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..corpus.dates import DateError
from ..corpus.evidence import GRADES
from ..query.dimensions import ORIGINS
from ..query.filters import EventFilter
from ..query.timeline import SORT_KEYS
from .annotations import Changes

LANES = ("organisation", "country")
MAX_NAME = 200
CHANGED = Changes(frozenset({"saved_view"}))

# Filter fields whose values are ids of records, and the table that holds them.
_RECORD_FIELDS = {"organisations": (m.Organisation, "organisation"), "countries": (m.Country, "country"),
                  "people": (m.Person, "person"), "sources": (m.Source, "source")}


class ViewError(ValueError):
    """A view that cannot be saved, found or renamed as asked; the message says why."""


@dataclass(frozen=True)
class SavedViewInfo:
    """A saved view as lists show it: a plain value."""

    id: int
    name: str
    filter: dict[str, Any]
    sort: str
    descending: bool
    lanes: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class OpenedView:
    """A view ready to apply: the filter rebuilt from what the library still holds."""

    view: SavedViewInfo
    filter: EventFilter
    dropped: tuple[str, ...]  # what the saved filter named that is gone, in words

    @property
    def sort(self) -> str:
        return self.view.sort

    @property
    def descending(self) -> bool:
        return self.view.descending

    @property
    def lanes(self) -> str:
        return self.view.lanes


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def clean_name(name: str) -> str:
    clean = " ".join(str(name or "").replace("\x00", "").split())
    if not clean:
        raise ViewError("a view needs a name")
    if len(clean) > MAX_NAME:
        raise ViewError(f"a view's name can be at most {MAX_NAME} characters")
    if any("\ud800" <= ch <= "\udfff" for ch in clean):
        raise ViewError("the name is not valid text (it holds half of a character)")
    return clean


def _info(v: m.SavedView) -> SavedViewInfo:
    try:
        data = json.loads(v.filter)
    except ValueError:
        data = {}
    return SavedViewInfo(v.id, v.name, data if isinstance(data, dict) else {}, v.sort, bool(v.descending), v.lanes,
                         v.created_at, v.updated_at)


def _find(session: Session, name: str) -> m.SavedView | None:
    key = _key(name)
    return next((v for v in session.scalars(select(m.SavedView)) if _key(v.name) == key), None)


def list_views(session: Session) -> list[SavedViewInfo]:
    views = session.scalars(select(m.SavedView)).all()
    return [_info(v) for v in sorted(views, key=lambda v: (v.name.casefold(), v.id))]


def get_view(session: Session, name: str) -> SavedViewInfo | None:
    v = _find(session, name)
    return _info(v) if v else None


def _check(sort: str, lanes: str) -> None:
    if sort not in SORT_KEYS:
        raise ViewError(f"cannot sort by {sort!r}; choose one of {', '.join(SORT_KEYS)}")
    if lanes not in LANES:
        raise ViewError(f"the chart's lanes are by {' or '.join(LANES)}, not {lanes!r}")


def save_view(db, name: str, f: EventFilter, *, sort: str = "date", descending: bool = False,
              lanes: str = "organisation", replace: bool = False) -> tuple[SavedViewInfo, SavedViewInfo | None, Changes]:
    """Save the filter under `name`; with `replace`, a view of that name is overwritten (its
    earlier state comes back second, for undo), else a taken name is refused."""
    name = clean_name(name)
    _check(sort, lanes)
    with db.write() as session:
        v = _find(session, name)
        before = _info(v) if v else None
        now = _now()
        if v is not None and not replace:
            raise ViewError(f"there is already a view named {v.name!r}")
        if v is None:
            v = m.SavedView(name=name, created_at=now)
            session.add(v)
        v.name, v.filter, v.sort, v.descending, v.lanes, v.updated_at = (
            name, json.dumps(f.to_dict(), sort_keys=True, ensure_ascii=False), sort, descending, lanes, now)
        session.flush()
        return _info(v), before, CHANGED


def restore_view(db, info: SavedViewInfo) -> tuple[SavedViewInfo, Changes]:
    """Put a view back as it was (undo of a delete, a rename or an overwrite), under its id."""
    with db.write() as session:
        v = session.get(m.SavedView, info.id)
        other = _find(session, info.name)
        if other is not None and other.id != info.id:
            raise ViewError(f"there is already a view named {other.name!r}")
        if v is None:
            v = m.SavedView(id=info.id)
            session.add(v)
        v.name, v.filter, v.sort, v.descending, v.lanes = (
            info.name, json.dumps(info.filter, sort_keys=True, ensure_ascii=False), info.sort, info.descending,
            info.lanes)
        v.created_at, v.updated_at = info.created_at, info.updated_at
        session.flush()
        return _info(v), CHANGED


def rename_view(db, name: str, new_name: str) -> tuple[SavedViewInfo, SavedViewInfo, Changes]:
    """Rename a view; returns it renamed and as it was."""
    new_name = clean_name(new_name)
    with db.write() as session:
        v = _find(session, name)
        if v is None:
            raise ViewError(f"there is no view named {name!r}")
        other = _find(session, new_name)
        if other is not None and other.id != v.id:
            raise ViewError(f"there is already a view named {other.name!r}")
        before = _info(v)
        v.name, v.updated_at = new_name, _now()
        session.flush()
        return _info(v), before, CHANGED


def delete_view(db, name: str) -> tuple[SavedViewInfo, Changes]:
    """Delete a view; returns it as it was, for undo (`restore_view`)."""
    with db.write() as session:
        v = _find(session, name)
        if v is None:
            raise ViewError(f"there is no view named {name!r}")
        before = _info(v)
        session.delete(v)
        return before, CHANGED


def rebuild_filter(session: Session, data: dict[str, Any]) -> tuple[EventFilter, tuple[str, ...]]:
    """The filter a view saved, without what the library no longer holds (said in words)."""
    dropped: list[str] = []
    known = {f for f in EventFilter.__dataclass_fields__}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            dropped.append(f"the setting {key!r} (not one this version knows)")
            continue
        values[key] = value
    for key, (model, word) in _RECORD_FIELDS.items():
        ids = values.get(key)
        if not ids:
            continue
        kept = []
        for ident in ids if isinstance(ids, list) else [ids]:
            if isinstance(ident, str) and session.get(model, ident) is not None:
                kept.append(ident)
            else:
                dropped.append(f"{word} {ident!r} (no longer in the library)")
        values[key] = kept
    for key, allowed, word in (("kinds", m.EVENT_KINDS, "event kind"), ("evidence", GRADES, "evidence grade"),
                               ("origins", tuple(ORIGINS), "origin")):
        if isinstance(values.get(key), list):
            dropped.extend(f"{word} {v!r} (not one this version knows)" for v in values[key] if v not in allowed)
            values[key] = [v for v in values[key] if v in allowed]
    try:
        return EventFilter.from_dict(values), tuple(dropped)
    except (DateError, TypeError, ValueError):
        pass
    for key in ("date_from", "date_to"):
        if values.get(key):
            dropped.append(f"the date {values.pop(key)!r} (not a date this version reads)")
    try:
        return EventFilter.from_dict(values), tuple(dropped)
    except (DateError, TypeError, ValueError) as exc:
        return EventFilter(), (*dropped, f"the whole filter ({exc})")


def open_view(session: Session, name: str) -> OpenedView:
    v = _find(session, name)
    if v is None:
        raise ViewError(f"there is no view named {name!r}")
    info = _info(v)
    f, dropped = rebuild_filter(session, info.filter)
    if info.sort not in SORT_KEYS:
        dropped += (f"the sort {info.sort!r}",)
        info = SavedViewInfo(info.id, info.name, info.filter, "date", False, info.lanes, info.created_at,
                             info.updated_at)
    return OpenedView(info, f, dropped)


def filter_from_view(library, name: str) -> OpenedView:
    """The filter, sort and lanes of the view named `name`, from a `Library` or a `Database`
    (for `azrel export --view` and `azrel report --view`)."""
    db = getattr(library, "db", library)
    with db.read() as session:
        return open_view(session, name)
