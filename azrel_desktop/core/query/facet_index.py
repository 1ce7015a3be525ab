"""The facet engine: every event's options as integer arrays, counted with numpy.

A `FacetIndex` holds, per dimension, every (event rowid, option) pair once — organisations with
the events of all their bodies — read from SQL in one `group_concat` statement per dimension,
grouped by event (compressed rows: event r's options are codes[starts[r]:starts[r + 1]]), so a
selective filter gathers just its own events' pairs and a broad one expands its mask once.
It is kept in the file (`facet_cache`, one row, with the corpus version and change-log
sequence it was read at) so a later start loads it instead of reading it again. After an edit,
`FacetIndex.patched` reads only the logged events' options (a few indexed statements) and copies
every other event's pairs a stretch at a time, so one edit costs milliseconds, not a full read
(core/derived has the log). It also holds every event's first and last
day (as yyyymmdd numbers), so a date window is two comparisons over an array. `Notes` holds
what notes add (the annotated events and each tag's events). `count` combines the event sets
of a filter's dimensions as boolean masks and counts each dimension's options under the others
with one `bincount`.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import text
from sqlalchemy.orm import Session

from .. import derived
from ..corpus.evidence import grade_label
from ..derived.store import FACETS_SEQ, OPTIONS_ROWID
from .dimensions import BY_NAME, LISTS
from .facet_values import FacetOptions, Facets, FacetValue
from .filters import DIMENSIONS, EventFilter, compile_filter, text_only_query
from .search import matching_rowids
from .search import rowid_array as _ids

FORMAT = 4  # raise when what a stored index holds, or how, changes
_ISO_DAY = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
# Every event's bounds in one statement each, through the covering index the years use.
_DAYS = ("SELECT group_concat(rowid), group_concat(replace(date_start, '-', '')), "
         "group_concat(replace(date_end, '-', '')) FROM events INDEXED BY ix_events_timeline")
_ODD_DAYS = (f"SELECT count(*) FROM events INDEXED BY ix_events_timeline "
             f"WHERE NOT (date_start GLOB '{_ISO_DAY}' AND date_end GLOB '{_ISO_DAY}')")
PATCH_LIMIT = 20_000  # more changed events than this (or a tenth of all) are read again from scratch
_JSON = "(SELECT value FROM json_each(:ids))"
_PLAIN_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Per event: its options in each linked dimension (kinds and years come from the event's own row).
_PER_EVENT = {
    name: f"SELECT e.rowid, x.{key} FROM events e JOIN {link} x ON x.event_id = e.id WHERE e.rowid IN {_JSON}"
    for name, link, key in (("organisations", "event_organisations", "organisation_id"),
                            ("countries", "event_countries", "country_id"),
                            ("people", "event_people", "person_id"),
                            ("sources", "event_citations", "source_id"))
}
# The option lists a patch reads again when one gained a row or a label (key, label, detail).
_OPTIONS = {"organisations": "SELECT id, coalesce(abbreviation, name), parent_id FROM organisations",
            **{d.name: d.options_sql for d in LISTS if d.name in ("countries", "people", "sources")}}
# Dimensions whose option is a value of the event's own row, and its SQL.
_OWN_ROW = {"kinds": "kind", "years": "substr(date_start, 1, 4)",
            "origins": "CASE WHEN is_seed THEN 'corpus' ELSE 'mine' END", "evidence": "evidence"}
# A value not yet among a dimension's options gets its label made from the value.
_LABELS = {"kinds": lambda k: k.replace("_", " "), "years": lambda k: k, "origins": lambda k: k,
           "evidence": grade_label}


@dataclass
class Dimension:
    """Every (event, option) pair of one dimension, each pair once, grouped by event rowid."""

    keys: list[str]
    labels: list[str]
    details: list[str]
    codes: np.ndarray  # option (index into keys) of each pair, in event order
    starts: np.ndarray  # event r's pairs are codes[starts[r]:starts[r + 1]]
    totals: np.ndarray  # count per option over all events
    order: np.ndarray  # rank of each option's label, for ties in count

    def __post_init__(self) -> None:
        # Offsets and lengths as 32-bit numbers while the pairs fit (8 bytes an event and a
        # dimension less: 64 MB at a million events over the eight dimensions)
        if self.starts.dtype != np.int32 and (not len(self.starts) or int(self.starts[-1]) < 2**31):
            self.starts = self.starts.astype(np.int32)
        self.lengths = np.diff(self.starts)  # pairs per event
        self._folded: list[str] | None = None
        self._inverse: tuple[np.ndarray, np.ndarray] | None = None
        self._position: dict[str, int] | None = None
        self.scan = False  # find an option's events by scanning the pairs (see `events_with`)

    @classmethod
    def build(cls, options: list[tuple], members: dict[str, np.ndarray], size: int) -> Dimension:
        keys = [o[0] for o in options]
        lists = [np.unique(members.get(k, np.empty(0, dtype=np.int64))) for k in keys]
        lists = [x[(x >= 0) & (x < size)] for x in lists]
        lengths = np.array([len(x) for x in lists], dtype=np.int64)
        events = np.concatenate(lists) if lists else np.empty(0, dtype=np.int64)
        codes = np.repeat(np.arange(len(keys), dtype=np.int32), lengths)
        by_event = np.argsort(events, kind="stable")
        starts = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(np.bincount(events, minlength=size), out=starts[1:])
        labels = [o[1] or o[0] for o in options]
        rank = np.empty(len(keys), dtype=np.int64)
        rank[sorted(range(len(keys)), key=lambda i: (labels[i].casefold(), keys[i]))] = np.arange(len(keys))
        return cls(keys, labels, [o[2] or "" for o in options], codes[by_event], starts, lengths, rank)

    def position(self) -> dict[str, int]:
        """Each option's code by key (made once)."""
        if self._position is None:
            self._position = {k: i for i, k in enumerate(self.keys)}
        return self._position

    def patched(self, rows: list[int], options: dict[int, np.ndarray], size: int,
                added: list[tuple[str, str, str]],
                relabelled: dict[str, tuple[str, str]] | None = None) -> Dimension:
        """This dimension with the pairs of `rows` (ascending rowids) replaced by `options[r]`
        (their codes, each once; none: no pairs), the options `added` (key, label, detail)
        appended and options `relabelled` (key: (label, detail)), over `size` rowids: the other
        events' pairs are copied a stretch at a time."""
        old_size = len(self.lengths)
        n = len(self.keys) + len(added)
        lengths = np.zeros(size, dtype=np.int64)
        lengths[:old_size] = self.lengths
        totals = np.zeros(n, dtype=np.int64)
        totals[:len(self.totals)] = self.totals
        empty = np.empty(0, dtype=self.codes.dtype)
        pieces, prev = [], 0
        for r in rows:
            if r < old_size:
                a, b = int(self.starts[r]), int(self.starts[r + 1])
                np.subtract.at(totals, self.codes[a:b], 1)
            else:  # a rowid past the old end: every old pair comes before it
                a = b = len(self.codes)
            pieces.append(self.codes[prev:a])
            prev = b
            new = options.get(r, empty).astype(self.codes.dtype)
            pieces.append(new)
            lengths[r] = len(new)
            np.add.at(totals, new, 1)
        pieces.append(self.codes[prev:])
        starts = np.zeros(size + 1, dtype=np.int64)
        np.cumsum(lengths, out=starts[1:])
        labels, details = self.labels, self.details
        relabelled = {k: v for k, v in (relabelled or {}).items()
                      if v != (labels[self.position()[k]], details[self.position()[k]])}
        if relabelled:
            labels = [relabelled[k][0] if k in relabelled else label for k, label in zip(self.keys, labels, strict=True)]
            details = [relabelled[k][1] if k in relabelled else d for k, d in zip(self.keys, details, strict=True)]
        keys = self.keys + [a[0] for a in added]
        labels = labels + [a[1] or a[0] for a in added]
        details = details + [a[2] or "" for a in added]
        order = self.order
        if added or relabelled:
            order = np.empty(n, dtype=np.int64)
            order[sorted(range(n), key=lambda i: (labels[i].casefold(), keys[i]))] = np.arange(n)
        patched = Dimension(keys, labels, details, np.concatenate(pieces), starts, totals, order)
        patched.scan = True
        return patched

    def counts(self, mask: np.ndarray | None) -> np.ndarray:
        if mask is None:
            return self.totals
        chosen = np.count_nonzero(mask)
        if 4 * chosen < len(mask):  # few events: gather their own pairs
            return self._gathered(np.flatnonzero(mask))
        if 4 * chosen > 3 * len(mask):  # nearly all: every pair but those of the few left out
            return self.totals - self._gathered(np.flatnonzero(~mask))
        # the chosen events' pairs picked by a mask over the pairs: an integer count of them
        # costs some 40% less at a million events than weighting every pair by a float
        return np.bincount(self.codes[np.repeat(mask, self.lengths)], minlength=len(self.keys)).astype(np.int64)

    def _gathered(self, chosen: np.ndarray) -> np.ndarray:
        """Counts over the pairs of these events only."""
        lengths = self.lengths[chosen]
        first = self.starts[chosen]
        # position of each pair: its event's first pair plus its place among that event's pairs
        at = np.repeat(first - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))
        pairs = self.codes[at]
        return np.bincount(pairs, minlength=len(self.keys))

    def values(self, counts: np.ndarray, *, nonzero: bool = False,
               order: Callable[[np.ndarray], np.ndarray] | None = None) -> FacetOptions:
        """Options by count (most first), then label; `nonzero` drops options with no events."""
        index = order(counts) if order else np.lexsort((self.order, -counts))
        if nonzero:
            index = index[counts[index] > 0]
        return FacetOptions(self.keys, self.labels, self.details, counts.tolist(), index.tolist(), self.folded)

    def folded(self) -> list[str]:
        """Each option's label and key, casefolded, for finding options by name (made once)."""
        if self._folded is None:
            self._folded = [f"{label}\x1f{key}".casefold() for label, key in zip(self.labels, self.keys, strict=True)]
        return self._folded

    def events_with(self, keys: Iterable[str]) -> np.ndarray:
        """Rowids of the events with any of these options (each once, ascending)."""
        if self.scan and self._inverse is None:
            # A patched index lives until the next edit: sorting every pair by option (what
            # the inverse needs: 0.3 s at 1M events) would be paid again after each edit, while
            # a scan of the pairs for the chosen options costs milliseconds.
            position = self.position()
            found = np.array(sorted({position[k] for k in keys if k in position}), dtype=self.codes.dtype)
            at = np.flatnonzero(np.isin(self.codes, found))
            return np.unique(np.searchsorted(self.starts, at, side="right") - 1).astype(np.int32)
        if self._inverse is None:
            # pairs grouped by option, in event order within each (made on first use)
            by_option = np.argsort(self.codes, kind="stable")
            events = np.repeat(np.arange(len(self.lengths), dtype=np.int32), self.lengths)[by_option]
            starts = np.zeros(len(self.keys) + 1, dtype=np.int64)
            np.cumsum(np.bincount(self.codes, minlength=len(self.keys)), out=starts[1:])
            self._inverse = (starts, events)
        starts, events = self._inverse
        position = self.position()
        chosen = sorted({position[k] for k in keys if k in position})
        parts = [events[starts[i]:starts[i + 1]] for i in chosen]
        if len(parts) == 1:
            return parts[0]
        return np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.int32)


# Options and their events for each list dimension that lists them in SQL, and for the years
# (not a filter dimension: the chart's and the panel's overview).
_MEMBERS = {
    **{d.name: (d.options_sql, d.members_sql) for d in LISTS if d.options_sql and d.members_sql},
    "years": ("SELECT DISTINCT substr(date_start, 1, 4), NULL, NULL FROM events INDEXED BY ix_events_timeline",
              "SELECT substr(date_start, 1, 4), group_concat(rowid) FROM events "
              "INDEXED BY ix_events_timeline GROUP BY 1"),
}

NAMES = ("organisations", *_MEMBERS)  # the dimensions an index holds


class FacetIndex:
    """The facet dimensions of one corpus version."""

    def __init__(self, version: str, size: int, total: int, disputed: np.ndarray,
                 dimensions: dict[str, Dimension], days: tuple[np.ndarray, np.ndarray] | None = None,
                 seq: int = 0) -> None:
        self.version, self.size, self.total = version, size, total
        self.seq = seq  # the change log's sequence it has taken in (core/derived)
        self.patched_rows = 0  # events patched in since it was read or kept in the file
        self.disputed = disputed  # bool per rowid
        self.dimensions = dimensions
        self.exists = dimensions["years"].lengths > 0  # every event has exactly one year
        # (first day, last day) per rowid as yyyymmdd; None when a bound is not a plain
        # yyyy-mm-dd, whose order as a number might not be its order as text (SQL decides then)
        self.days = days

    def window(self, lower: int | None, upper: int | None) -> np.ndarray:
        """The events whose span meets the window [lower, upper] (yyyymmdd), as SQL has it:
        ending on or after its start and starting on or before its end."""
        assert self.days is not None
        first, last = self.days
        m = self.exists.copy()
        if lower is not None:
            m &= last >= lower
        if upper is not None:
            m &= first <= upper
        return m

    @classmethod
    def read(cls, session: Session, version: str, seq: int = 0) -> FacetIndex:
        """Every event's options from the tables (`seq`: the change log's sequence of this read
        session's snapshot)."""
        size = int(session.execute(text("SELECT coalesce(max(rowid), 0) + 1 FROM events")).scalar_one())
        dims = {"organisations": _organisations(session, size)}
        for name, (options_sql, members_sql) in _MEMBERS.items():
            options = [tuple(r) for r in session.execute(text(options_sql))]
            dims[name] = Dimension.build(options, {k: _ids(v) for k, v in session.execute(text(members_sql))},
                                         size)
        disputed = np.zeros(size, dtype=bool)
        disputed[_ids(session.execute(text("SELECT group_concat(rowid) FROM events WHERE disputed = 1")).scalar())] = True
        total = int(session.execute(text("SELECT count(*) FROM events")).scalar_one())
        return cls(version, size, total, disputed, dims, _days(session, size), seq)

    def patched(self, session: Session, rowids: list[int], seq: int) -> FacetIndex:
        """This index brought up to log sequence `seq` from the rows of the events logged since
        its own (`rowids`, ascending; `OPTIONS_ROWID`: an option list gained a row or a label): only their
        pairs are read, the rest copied. Many changes at once are read again from scratch."""
        rows = [r for r in rowids if r != OPTIONS_ROWID]
        if len(rows) > max(PATCH_LIMIT, self.size // 10):
            return FacetIndex.read(session, self.version, seq)
        size = max(self.size, rows[-1] + 1 if rows else 0)
        ids = json.dumps(rows)
        if set(self.dimensions) - set(_PER_EVENT) - set(_OWN_ROW):  # a dimension this patch does not know
            return FacetIndex.read(session, self.version, seq)
        found = {name: _per_event(session, sql, ids) for name, sql in _PER_EVENT.items()}
        found.update((name, {}) for name in _OWN_ROW)
        disputed = np.zeros(size, dtype=bool)
        disputed[:self.size] = self.disputed
        disputed[rows] = False
        days: tuple[np.ndarray, np.ndarray] | None = None
        if self.days is not None:
            first, last = (np.concatenate([d, np.zeros(size - self.size, d.dtype)]) for d in self.days)
            days = (first, last)
        own = session.execute(text(f"SELECT rowid, date_start, date_end, disputed, {', '.join(_OWN_ROW.values())} "
                                   f"FROM events WHERE rowid IN {_JSON}"), {"ids": ids}).all()
        for rid, start, end, is_disputed, *values in own:
            for name, value in zip(_OWN_ROW, values, strict=True):
                found[name].setdefault(rid, []).append(value)
            disputed[rid] = bool(is_disputed)
            if days is not None:
                if _PLAIN_DAY.fullmatch(start or "") and _PLAIN_DAY.fullmatch(end or ""):
                    days[0][rid], days[1][rid] = int(start.replace("-", "")), int(end.replace("-", ""))
                else:
                    days = None  # SQL decides windows (as a full read would, with this event)
        dims = {}
        for name, d in self.dimensions.items():
            per_event = found[name]
            position = d.position()
            added: list[tuple[str, str, str]] = []
            relabelled: dict[str, tuple[str, str]] = {}
            options_sql = _OPTIONS.get(name)
            if options_sql is not None and (OPTIONS_ROWID in rowids
                                            or any(k not in position for ks in per_event.values() for k in ks)):
                # an option list gained a row or a label changed: read it again (a few thousand rows)
                for key, label, detail in session.execute(text(options_sql)):
                    if key in position:
                        relabelled[key] = (label or key, detail or "")
                    else:
                        added.append((key, label, detail))
            elif name in _LABELS:
                new = sorted({k for ks in per_event.values() for k in ks if k not in position})
                added = [(k, _LABELS[name](k), "") for k in new]
            at = dict(position)
            at.update((a[0], len(d.keys) + i) for i, a in enumerate(added))
            if name == "organisations":
                parents = dict(zip(d.keys, d.details, strict=True))
                parents.update((a[0], a[2]) for a in added)
                per_event = {r: _with_ancestors(ks, parents) for r, ks in per_event.items()}
            codes = {r: np.unique(np.array([at[k] for k in ks if k in at], dtype=np.int64))
                     for r, ks in per_event.items()}
            dims[name] = d.patched(rows, codes, size, added, relabelled)
        exists = dims["years"].lengths > 0
        index = FacetIndex(self.version, size, int(exists.sum()), disputed & exists, dims, days, seq)
        index.patched_rows = self.patched_rows + len(rows)
        return index

    def members(self, ids: np.ndarray) -> np.ndarray:
        """The rowids this index knows (a row added since it was read waits for the next read)."""
        return ids[ids < self.size]

    def mask(self, ids: np.ndarray) -> np.ndarray:
        m = np.zeros(self.size, dtype=bool)
        m[self.members(ids)] = True
        return m

    # --- kept in the file ---------------------------------------------------------------
    def to_bytes(self) -> bytes:
        # Any: `savez` takes its arrays as keywords beside its own `allow_pickle`
        arrays: dict[str, Any] = {"disputed": np.flatnonzero(self.disputed)}
        if self.days is not None:
            arrays.update({"days.first": self.days[0], "days.last": self.days[1]})
        meta: dict[str, Any] = {"format": FORMAT, "size": self.size, "total": self.total, "dimensions": {},
                "days": self.days is not None, "seq": self.seq}
        for name, d in self.dimensions.items():
            meta["dimensions"][name] = {"keys": d.keys, "labels": d.labels, "details": d.details}
            arrays.update({f"{name}.codes": d.codes, f"{name}.starts": d.starts, f"{name}.totals": d.totals,
                           f"{name}.order": d.order})
        buffer = io.BytesIO()
        np.savez(buffer, meta=np.array(json.dumps(meta)), **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, version: str) -> FacetIndex:
        """Raises ValueError (or another error numpy gives) for anything it did not write."""
        with _Stored(data) as stored:
            meta = json.loads(str(stored["meta"]))
            if meta.get("format") != FORMAT or set(meta["dimensions"]) != set(NAMES):
                raise ValueError("a facet index of another format")
            size, dims = int(meta["size"]), {}
            for name, m in meta["dimensions"].items():
                codes, starts = stored[f"{name}.codes"], stored[f"{name}.starts"]
                n = len(m["keys"])
                if not (len(m["labels"]) == len(m["details"]) == len(stored[f"{name}.totals"])
                        == len(stored[f"{name}.order"]) == n
                        and len(starts) == size + 1 and starts[0] == 0 and starts[-1] == len(codes)
                        and bool(np.all(np.diff(starts) >= 0))
                        and (not len(codes) or (codes.min() >= 0 and codes.max() < n))):
                    raise ValueError(f"an inconsistent facet index ({name})")
                d = Dimension(list(m["keys"]), list(m["labels"]), list(m["details"]), codes, starts,
                              stored[f"{name}.totals"], stored[f"{name}.order"])
                dims[name] = d
            disputed = np.zeros(size, dtype=bool)
            disputed[stored["disputed"]] = True
            days = None
            if meta["days"]:
                days = (stored["days.first"], stored["days.last"])
                if not len(days[0]) == len(days[1]) == size:
                    raise ValueError("an inconsistent facet index (days)")
            return cls(version, size, int(meta["total"]), disputed, dims, days, int(meta.get("seq", 0)))


class _Stored:
    """The arrays of an uncompressed `.npz` held in `data`, as read-only views of its bytes
    rather than copies (`np.load` copies each: at a million events the index's 90 MB would sit in
    memory twice while it loads). Anything else is read through `np.load`."""

    def __init__(self, data: bytes) -> None:
        import zipfile

        self._data = data
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        self._npz = None
        if any(i.compress_type != zipfile.ZIP_STORED for i in self._zip.infolist()):
            self._npz = np.load(io.BytesIO(data), allow_pickle=False)

    def __enter__(self) -> _Stored:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._npz is not None:
            self._npz.close()
        self._zip.close()

    def __getitem__(self, name: str) -> np.ndarray:
        import struct

        if self._npz is not None:
            return self._npz[name]
        info = self._zip.getinfo(f"{name}.npy")
        # the member's bytes start after its local header (30 bytes, then its name and extra field)
        name_length, extra_length = struct.unpack("<HH", self._data[info.header_offset + 26:info.header_offset + 30])
        start = info.header_offset + 30 + name_length + extra_length
        header = io.BytesIO(self._data[start:start + 65_536])
        version = np.lib.format.read_magic(header)
        if version not in ((1, 0), (2, 0)):  # a header this reader does not parse: a copy, as np.load makes
            return np.lib.format.read_array(io.BytesIO(self._zip.read(info)), allow_pickle=False)
        read_header = (np.lib.format.read_array_header_1_0 if version == (1, 0)
                       else np.lib.format.read_array_header_2_0)
        shape, fortran, dtype = read_header(header)
        if dtype.hasobject or fortran:
            raise ValueError("a facet index of another format")
        count = int(np.prod(shape)) if shape else 1
        if start + header.tell() + count * dtype.itemsize > start + info.file_size:
            raise ValueError("a truncated facet index")
        array = np.frombuffer(self._data, dtype=dtype, count=count, offset=start + header.tell())
        return array.reshape(shape)


def _days(session: Session, size: int) -> tuple[np.ndarray, np.ndarray] | None:
    if session.execute(text(_ODD_DAYS)).scalar_one():
        return None
    rowids, first, last = session.execute(text(_DAYS)).one()
    at = _ids(rowids)
    days = (np.zeros(size, dtype=np.int32), np.zeros(size, dtype=np.int32))
    for into, values in zip(days, (first, last), strict=True):
        into[at] = _ids(values)
    return days


def load(session: Session, version: str) -> FacetIndex | None:
    """The index kept in the file for this corpus version, or None (none kept, or unreadable)."""
    data = derived.store.load_blob(session, "index", version)
    if data is None:
        return None
    try:
        return FacetIndex.from_bytes(data, version)
    except Exception:  # a damaged cache is read again from the tables
        return None


def save(session: Session, index: FacetIndex) -> None:
    derived.store.save_blob(session, "index", index.version, index.to_bytes())
    derived.store.put(session, FACETS_SEQ, index.seq)
    derived.store.prune(session)
    index.patched_rows = 0


def _per_event(session: Session, sql: str, ids: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for rid, key in session.execute(text(sql), {"ids": ids}):
        found.setdefault(rid, []).append(key)
    return found


def _with_ancestors(keys: list[str], parents: dict[str, str]) -> list[str]:
    """The organisations and every body they belong to (a cycle in the data stops the walk)."""
    out: set[str] = set()
    for key in keys:
        while key and key not in out:
            out.add(key)
            key = parents.get(key) or ""
    return sorted(out)


def _organisations(session: Session, size: int) -> Dimension:
    """Organisations count the events of all their bodies (each event once)."""
    options = [tuple(r) for r in session.execute(
        text("SELECT id, coalesce(abbreviation, name), parent_id FROM organisations"))]
    direct = {k: _ids(v) for k, v in session.execute(text(
        "SELECT x.organisation_id, group_concat(e.rowid) FROM event_organisations x "
        "JOIN events e ON e.id = x.event_id GROUP BY x.organisation_id"))}
    children: dict[str, list[str]] = {}
    for key, _label, parent in options:
        if parent:
            children.setdefault(parent, []).append(key)

    def subtree(key: str, seen: frozenset = frozenset()) -> list[str]:
        if key in seen:  # a cycle in the data must not hang the count
            return []
        return [key] + [d for c in children.get(key, ()) for d in subtree(c, seen | {key})]

    empty = np.empty(0, dtype=np.int64)
    members = {key: np.concatenate([direct.get(k, empty) for k in subtree(key)]) for key, _l, _p in options}
    return Dimension.build(options, members, size)


_TAGGED_EVENTS = """
    SELECT a.target_id AS event_id, t.tag AS tag FROM annotations a
      JOIN annotation_tags t ON t.annotation_id = a.id WHERE a.target_kind = 'event'
    UNION SELECT ci.event_id, t.tag FROM event_citations ci
      JOIN annotations a ON a.target_kind = 'passage' AND a.target_id = ci.passage_id
      JOIN annotation_tags t ON t.annotation_id = a.id"""
_TAGGED = f"""SELECT t.tag, group_concat(DISTINCT e.rowid) FROM ({_TAGGED_EVENTS}) t
  JOIN events e ON e.id = t.event_id GROUP BY t.tag"""


class Notes:
    """What the user's notes add to the facets: the annotated events and each tag's events."""

    def __init__(self, session: Session, index: FacetIndex, version: tuple[str, str]) -> None:
        self.version = version
        self.seq = index.seq  # the index's change-log sequence these are of
        self.annotated = index.mask(_set_ids(session, EventFilter(annotated=True)))
        self.tags = [(tag, index.members(_ids(ids))) for tag, ids in session.execute(text(_TAGGED))]

    def patched(self, session: Session, index: FacetIndex, rowids: list[int]) -> Notes:
        """These notes for `index`, whose events `rowids` changed since (an event's notes are
        the same, but its rowid may be new, gone or another event's)."""
        rows = np.array([r for r in rowids if r != OPTIONS_ROWID], dtype=np.int64)
        ids = json.dumps(rows.tolist())
        new = Notes.__new__(Notes)
        new.version, new.seq = self.version, index.seq
        new.annotated = np.zeros(index.size, dtype=bool)
        new.annotated[:len(self.annotated)] = self.annotated
        new.annotated[rows] = False
        c = compile_filter(EventFilter(annotated=True))
        new.annotated[_ids(session.execute(text(
            f"SELECT group_concat(e.rowid) FROM events e WHERE e.rowid IN {_JSON} AND {c.where}"),
            {**c.params, "ids": ids}).scalar())] = True
        found = {tag: _ids(members) for tag, members in session.execute(text(
            f"SELECT t.tag, group_concat(DISTINCT e.rowid) FROM ({_TAGGED_EVENTS}) t "
            f"JOIN events e ON e.id = t.event_id WHERE e.rowid IN {_JSON} GROUP BY t.tag"), {"ids": ids})}
        tags = {tag: np.setdiff1d(members, rows) for tag, members in self.tags}
        for tag, members in found.items():
            tags[tag] = np.union1d(tags.get(tag, np.empty(0, dtype=np.int64)), members)
        new.tags = [(tag, tags[tag]) for tag in sorted(tags) if len(tags[tag])]
        return new

    def tagged(self, index: FacetIndex, chosen: Iterable[str]) -> np.ndarray:
        """The events carrying any of these tags, as a mask."""
        wanted = set(chosen)
        members = [m for tag, m in self.tags if tag in wanted]
        return index.mask(np.concatenate(members) if members else np.empty(0, dtype=np.int64))


def _set_ids(session: Session, f: EventFilter) -> np.ndarray:
    query = text_only_query(f)
    if query:
        return matching_rowids(session, query)
    c = compile_filter(f)
    return _ids(session.execute(text(f"SELECT group_concat(e.rowid) FROM events e WHERE {c.where}"),
                                c.params).scalar())


def _mask(session: Session, f: EventFilter, dim: str, index: FacetIndex, notes: Notes) -> np.ndarray:
    """The events that one active dimension of `f` selects, as a mask over rowids: from the
    index and the notes where they hold the dimension (no SQL: they are of the file's current
    versions), else from SQL (text; dates when the index could not hold them)."""
    mask = BY_NAME[dim].mask(f, index, notes)
    return index.mask(_set_ids(session, f.only(dim))) if mask is None else mask


def _intersect(masks: Iterable[np.ndarray]) -> np.ndarray | None:
    result = None
    for m in masks:
        result = m if result is None else result & m
    return result


def total(session: Session, f: EventFilter, index: FacetIndex, notes: Notes) -> int | None:
    """How many events `f` selects, from the index and the notes, or None for a filter with a
    date window the index does not hold (its events come from SQL: a plain count is cheaper
    than collecting them)."""
    if (f.date_from or f.date_to) and index.days is None:
        return None
    full = _intersect(_mask(session, f, dim, index, notes) for dim in DIMENSIONS if not f.only(dim).is_empty)
    return index.total if full is None else int(full.sum())


def selected(session: Session, f: EventFilter, index: FacetIndex, notes: Notes) -> np.ndarray | None:
    """The rowids (ascending) of the events `f` selects (every event for an empty filter), from
    the index and the notes, or None for a date window the index does not hold."""
    if (f.date_from or f.date_to) and index.days is None:
        return None
    full = _intersect(_mask(session, f, dim, index, notes) for dim in DIMENSIONS if not f.only(dim).is_empty)
    return np.flatnonzero(index.exists if full is None else full)


def count(session: Session, f: EventFilter, index: FacetIndex, notes: Notes) -> Facets:
    # One mask per active dimension, from that dimension's own SQL condition.
    masks = {dim: _mask(session, f, dim, index, notes) for dim in DIMENSIONS if not f.only(dim).is_empty}

    def under(*dims: str) -> np.ndarray | None:
        return _intersect(m for d, m in masks.items() if d not in dims)

    full = under()
    dims = index.dimensions

    def listed(name: str, **how: Any) -> FacetOptions:
        d = dims[name]
        return d.values(d.counts(full if name == "years" else under(name)), **how)

    years = listed("years", nonzero=True, order=lambda _counts: np.argsort(np.array(dims["years"].keys)))
    undisputed_set = under("disputed")
    if undisputed_set is None:
        disputed, among = int(index.disputed.sum()), index.total
    else:
        disputed, among = int((undisputed_set & index.disputed).sum()), int(undisputed_set.sum())
    c = under("annotated")
    annotated = int((notes.annotated if c is None else notes.annotated & c).sum())
    total = index.total if full is None else int(full.sum())
    lists: dict[str, Sequence[FacetValue]] = {
        d.name: listed(d.name, nonzero=d.hide_empty, order=(lambda c: np.arange(len(c))) if d.ordered else None)
        for d in LISTS if d.name in dims}
    lists["tags"] = _tags(notes, under("tags"))
    return Facets(total, lists, disputed, annotated, years, among - disputed)


def _tags(notes: Notes, mask: np.ndarray | None) -> list[FacetValue]:
    """Tags by how many events under the filter carry them (on the event or on its passages)."""
    values = []
    for tag, members in notes.tags:
        n = len(members) if mask is None else int(mask[members].sum())
        if n:
            values.append(FacetValue(tag, tag, n))
    return sorted(values, key=lambda v: (-v.count, v.value))
