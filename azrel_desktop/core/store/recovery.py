"""Damaged files: moving them aside (never deleting them, never while another program has them
open) and salvaging the user's own records — notes, their tags, selected passages, user sources,
and the events, agreements, steps, memberships, organisations, countries and people they
recorded with their links and citations (of their own records and of the corpus's) — into a new
file.

Salvage reads every row SQLite can still read. A damaged page makes every query that reaches it
fail, so the rows are read from both ends of each table, and the stretch between is probed row
by row (the rowids of these tables are small integers handed out in order), or by halving the
range where it is too wide for that; the rowids an intact index still lists are fetched one by
one too. What was saved is then made consistent (no tag without its note, no link without the
record it belongs to), and the report says what was saved and what could not be.

The seed corpus is not salvaged: it is reloaded from the shipped corpus (which keeps what the
user's records name; see corpus/seed.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import DatabaseError, DatabaseLockedError
from .files import readonly_uri
from .in_use import IN_USE, open_library_paths, sole_connection

_MINE = "(SELECT id FROM {table} WHERE is_seed = 0)"
_USER_PASSAGE = "passage_id IN (SELECT id FROM passages WHERE kind = 'user')"
USER_TABLES = (
    ("sources", "is_seed = 0"),
    ("passages", "kind = 'user'"),
    ("annotations", "1 = 1"),
    ("annotation_tags", "1 = 1"),
    # the user's own records; a corpus record kept as retired goes with the records naming it
    ("organisations", "is_seed = 0 OR retired = 1"),
    ("countries", "is_seed = 0 OR retired = 1"),
    ("people", "is_seed = 0 OR retired = 1"),
    ("agreements", "is_seed = 0 OR retired = 1"),
    ("agreement_countries", "agreement_id IN " + _MINE.format(table="agreements")),
    ("agreement_organisations", "agreement_id IN " + _MINE.format(table="agreements")),
    ("agreement_steps", "is_seed = 0"),
    ("memberships", "is_seed = 0"),
    ("events", "is_seed = 0"),
    ("event_organisations", "event_id IN " + _MINE.format(table="events")),
    ("event_countries", "event_id IN " + _MINE.format(table="events")),
    ("event_people", "event_id IN " + _MINE.format(table="events")),
    ("event_agreements", "event_id IN " + _MINE.format(table="events")),
    ("event_citations", _USER_PASSAGE),
    ("step_citations", _USER_PASSAGE),
    ("membership_citations", _USER_PASSAGE),
    ("organisation_citations", _USER_PASSAGE),
    # the user's imported files and earlier versions of their texts (core/sources/)
    ("source_files", "source_id IN (SELECT id FROM sources WHERE is_seed = 0)"),
    ("source_versions", "source_id IN (SELECT id FROM sources WHERE is_seed = 0)"),
    ("passage_orphans", "passage_id IN (SELECT id FROM passages WHERE kind = 'user')"),
)
LABELS = {"sources": "sources", "passages": "selected passages", "annotations": "notes",
          "annotation_tags": "tags", "source_files": "imported files",
          "source_versions": "earlier versions of texts", "passage_orphans": "passages awaiting a place"}


def _label(table: str) -> str:
    return LABELS.get(table, table.replace("_", " "))
PROBE_ROWS = 200_000  # a damaged stretch up to this many rowids wide is probed row by row
PAST_THE_END = 5_000  # rowids probed past the last known one before an open stretch is given up
PROBE_BUDGET = 4_000  # queries spent halving a wider stretch
MIN_ROWID, MAX_ROWID = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class SalvageReport:
    rows: dict[str, int]
    unreadable_chunks: int
    lost: dict[str, int] = field(default_factory=dict)  # rows that could not be saved, by table
    dropped: dict[str, int] = field(default_factory=dict)  # saved rows whose parent was lost
    # Tables whose place in the file its schema (its list of tables) could not say, because the
    # schema is unreadable: how many of their rows there were is unknown, and none was saved.
    unlocated: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    @property
    def schema_unreadable(self) -> bool:
        return bool(self.unlocated)

    def describe(self) -> str:
        """What was saved and what could not be, in one sentence."""
        if self.unlocated:  # SQLite reads a schema whole or not at all: then no table is found
            return ("nothing could be saved: the file's list of tables (its schema) is unreadable, so none "
                    "of your own records (notes, tags, selections, records and citations) could be found "
                    "in it, and all of them are missing from the new file; the damaged file is kept as it "
                    "was, for a specialist's recovery tool.")
        saved = ", ".join(f"{self.rows.get(t, 0)} {_label(t)}" for t, _ in USER_TABLES
                          if self.rows.get(t) or t == "annotations")
        missing = {t: self.lost.get(t, 0) + self.dropped.get(t, 0) for t, _ in USER_TABLES}
        if not any(missing.values()) and not self.unreadable_chunks:
            return f"saved {saved}; nothing readable was lost."
        could_not = ", ".join(f"about {n} {_label(t)}" for t, n in missing.items() if n)
        return (f"saved {saved}; could not save {could_not or 'parts of the file'} "
                "(their pages are unreadable).")


LOG_SUFFIXES = ("-wal", "-shm", "-journal")


def _remove(path: Path) -> None:
    os.unlink(path)


def _state(path: Path) -> tuple:
    """What changes when the file or one of its logs is written (found with stat alone)."""
    found: list[tuple[int, int, int] | None] = []
    for suffix in ("", *LOG_SUFFIXES):
        try:
            s = path.with_name(path.name + suffix).stat()
        except OSError:
            found.append(None)
        else:
            found.append((s.st_ino, s.st_size, s.st_mtime_ns))
    return tuple(found)


def _copy_aside(path: Path, target: Path) -> list[Path]:
    """Copy the file and its logs, byte for byte, to `target` (and `target`-wal …); the copies
    made. Each copy is created exclusively and private to the user; on failure none is left."""
    made: list[Path] = []
    try:
        for suffix in ("", *LOG_SUFFIXES):
            source = path.with_name(path.name + suffix)
            if suffix and not source.exists():
                continue
            copy = target.with_name(target.name + suffix)
            fd = os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
            made.append(copy)
            with os.fdopen(fd, "wb") as out, source.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)
                out.flush()
                os.fsync(out.fileno())
    except BaseException:
        _discard(made)
        raise
    return made


def _discard(paths: list[Path]) -> None:
    for made in paths:
        with contextlib.suppress(OSError):
            made.unlink()


def quarantine(path: Path, *, timeout_ms: int = 8000) -> Path:
    """Set a damaged file (and its -wal, -shm or -journal) aside under a unique name, exactly as
    found; return the new path.

    The bytes are copied first, before anything opens the file: SQLite's look at it would fold
    its write-ahead log into it, delete a log it cannot use, or roll back an interrupted
    transaction, and what it dropped might still be read by a specialist's tool. The copy is
    plain I/O, made only while no connection of this process has the file open (a library this
    process has open is refused as in use; `open_store` closes its own look before this). Then
    the file is looked at through SQLite: never set aside while another program has it open
    (that program would go on writing into a file nobody reads any more, or, on Windows, the
    removal fails), nor when it changed while it was copied. Only then is the file removed from
    its place, its bytes kept in the copy."""
    refusal = (f"{path} is damaged, and it is {IN_USE}; close it there, then open it again here to "
               "recover it.")
    if _open_in_this_process(path):
        raise DatabaseLockedError(refusal)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix or '.sqlite3'}")
    before = _state(path)
    try:
        copies = _copy_aside(path, target)
    except OSError as exc:
        raise DatabaseError(
            f"{path} is damaged, and it could not be copied aside before its recovery ({exc.strerror or exc}; "
            "check that the disk has space); it was left untouched.") from exc
    try:
        if _state(path) != before:  # written while it was copied: someone has it open
            raise DatabaseLockedError(refusal)
        with sole_connection(path, timeout_ms, refusal=refusal):
            pass
        try:
            _remove(path)
        except PermissionError as exc:  # Windows: another process has the file open
            raise DatabaseLockedError(refusal) from exc
    except BaseException:
        _discard(copies)
        raise
    for suffix in LOG_SUFFIXES:  # what SQLite left of them after its look: their bytes are kept
        with contextlib.suppress(FileNotFoundError):
            _remove(path.with_name(path.name + suffix))
    return target


def _open_in_this_process(path: Path) -> bool:
    for library in open_library_paths():
        with contextlib.suppress(OSError):
            if os.path.samefile(library, path):
                return True
    return False


class _Reader:
    """The readable rows of one table of a damaged file, found with as few queries as it takes."""

    def __init__(self, con: sqlite3.Connection, table: str, where: str):
        self.con, self.table, self.where = con, table, where
        self.rows: dict[int, tuple] = {}
        self.failed: list[int] = []  # rowids probed one by one that could not be read
        self.listed: set[int] = set()  # rowids an index lists
        self.unreadable_stretches = 0
        self.budget = PROBE_BUDGET

    def _scan(self, sql: str, params: tuple) -> tuple[int | None, bool]:
        """Read rows in order until the end or the first error; the last rowid read, and whether
        the scan reached the end."""
        last = None
        try:
            for row in self.con.execute(sql, params):
                self.rows.setdefault(row[0], row[1:])
                last = row[0]
        except sqlite3.DatabaseError:
            return last, False
        return last, True

    def _forward(self, lo: int, hi: int) -> tuple[int | None, bool]:
        return self._scan(f"SELECT rowid, * FROM {self.table} WHERE rowid > ? AND rowid < ? AND "
                          f"({self.where}) ORDER BY rowid", (lo, hi))

    def _backward(self, lo: int, hi: int) -> tuple[int | None, bool]:
        return self._scan(f"SELECT rowid, * FROM {self.table} WHERE rowid > ? AND rowid < ? AND "
                          f"({self.where}) ORDER BY rowid DESC", (lo, hi))

    def _one(self, rowid: int) -> bool:
        try:
            row = self.con.execute(f"SELECT rowid, * FROM {self.table} WHERE rowid = ? AND ({self.where})",
                                   (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            return False
        if row is not None:
            self.rows.setdefault(row[0], row[1:])
        return True

    def _known_max(self) -> int:
        return max((*self.rows, *self.listed), default=0)

    def _probe(self, lo: int, hi: int, *, open_end: bool = False) -> None:
        run = 0
        for rowid in range(lo + 1, hi):
            if self._one(rowid):
                run = 0
                continue
            self.failed.append(rowid)
            run += 1
            if open_end and run >= PAST_THE_END and rowid > self._known_max():
                return

    @property
    def lost(self) -> int:
        """Rows that could not be read: rowids below the last one known that failed, or the rows
        an intact index lists beyond those read, whichever says more."""
        known = self._known_max()
        failed = sum(1 for r in self.failed if r <= known and r not in self.rows)
        return max(failed, len(self.listed - self.rows.keys()))

    def _gap(self, lo: int, hi: int, *, open_end: bool = False) -> None:
        """Rows with lo < rowid < hi, where a scan from either end fails at once."""
        if hi - lo <= 1:
            return
        if hi - lo - 1 <= PROBE_ROWS:
            self._probe(lo, hi, open_end=open_end)
            return
        # Too wide to probe each rowid: read outwards from the middle, halving what is left.
        if self.budget <= 0:
            self.unreadable_stretches += 1
            return
        self.budget -= 2
        mid = lo + (hi - lo) // 2
        last, done = self._forward(mid - 1, hi)
        right_from = mid - 1 if last is None else last
        first, done_back = self._backward(lo, mid)
        left_to = mid if first is None else first
        self._gap(lo, left_to if not done_back else lo + 1)
        if not done:
            self._gap(right_from, hi)

    def read(self) -> Iterator[tuple]:
        last, done = self._forward(MIN_ROWID, MAX_ROWID)
        if not done:
            lo = MIN_ROWID if last is None else last
            first, done_back = self._backward(lo, MAX_ROWID)
            hi = MAX_ROWID if first is None else first
            self._by_indexes()
            if not done_back:
                # The ends of an unknown stretch: rowids start at 1 and grow, so a stretch open
                # at either end is bounded by what was read or listed, and the probing of an
                # open end stops once it is well past the last rowid known.
                open_end = hi == MAX_ROWID
                if lo == MIN_ROWID:
                    lo = min([0, *self.listed, *([] if open_end else [hi - 1])]) - 1
                if open_end:
                    hi = max(lo, self._known_max()) + PROBE_ROWS
                self._gap(lo, hi, open_end=open_end)
        for rowid in sorted(self.rows):
            yield self.rows[rowid]

    def _by_indexes(self) -> None:
        """Rowids an intact index still lists, fetched one by one (a sparse table's stretches).
        An index lists every row, so only the tables salvaged whole use it: for the others it
        would mostly list the corpus's rows."""
        if self.where != "1 = 1":
            return
        try:
            indexes = [r[1] for r in self.con.execute(f"PRAGMA index_list({self.table})")]
        except sqlite3.DatabaseError:
            return
        for index in indexes:
            rowids: list[int] = []
            try:
                for (rowid,) in self.con.execute(f'SELECT rowid FROM {self.table} INDEXED BY "{index}"'):
                    rowids.append(rowid)
            except sqlite3.DatabaseError:
                pass
            if self.where == "1 = 1":
                self.listed.update(rowids)
            for rowid in rowids:
                if rowid not in self.rows:
                    self._one(rowid)


def _connect_damaged(damaged: Path) -> sqlite3.Connection:
    con = sqlite3.connect(readonly_uri(damaged), uri=True)
    # A file shorter than its header says is refused as a whole unless the schema is writable;
    # then SQLite reads the pages that are there (the connection is read-only all the same).
    con.execute("PRAGMA writable_schema = ON")
    return con


@contextlib.contextmanager
def _scratch_copy(damaged: Path) -> Iterator[Path]:
    """A copy of the damaged file and its logs in a temporary folder, for salvage to read: SQLite
    writes beside a file it reads (it rebuilds a log's shared memory, and a read-write connection
    rolls back an interrupted transaction), and the file set aside stays exactly as found. If no
    copy can be made (no space), the file itself, read-only."""
    with tempfile.TemporaryDirectory(prefix="azrel-salvage-") as folder:
        scratch = Path(folder) / damaged.name
        try:
            _copy_aside(damaged, scratch)
        except OSError:
            yield damaged
        else:
            # (an interrupted transaction's journal can only be rolled back by a writer)
            if scratch.with_name(scratch.name + "-journal").exists():
                con = sqlite3.connect(scratch)
                try:
                    con.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except sqlite3.Error:
                    pass
                finally:
                    con.close()
            yield scratch


# Saved rows whose parent was not saved, removed so the new file passes its foreign-key check.
# (Passages are checked against their sources once the corpus is loaded, not here.)
_ORPHANS = (
    ("annotation_tags", "annotation_id NOT IN (SELECT id FROM annotations)"),
    ("agreement_countries", "agreement_id NOT IN (SELECT id FROM agreements)"),
    ("agreement_organisations", "agreement_id NOT IN (SELECT id FROM agreements)"),
    ("event_organisations", "event_id NOT IN (SELECT id FROM events)"),
    ("event_countries", "event_id NOT IN (SELECT id FROM events)"),
    ("event_people", "event_id NOT IN (SELECT id FROM events)"),
    ("event_agreements", "event_id NOT IN (SELECT id FROM events)"),
    ("event_citations", "passage_id NOT IN (SELECT id FROM passages)"),
    ("step_citations", "passage_id NOT IN (SELECT id FROM passages)"),
    ("membership_citations", "passage_id NOT IN (SELECT id FROM passages)"),
    ("organisation_citations", "passage_id NOT IN (SELECT id FROM passages)"),
    ("source_files", "source_id NOT IN (SELECT id FROM sources)"),
    ("source_versions", "source_id NOT IN (SELECT id FROM sources)"),
    ("passage_orphans", "passage_id NOT IN (SELECT id FROM passages)"),
)


def salvage(damaged: Path, target_engine) -> SalvageReport:
    """Copy the user's readable records from `damaged` into a migrated, empty database."""
    with _scratch_copy(damaged) as readable:
        try:
            src = _connect_damaged(readable)
        except sqlite3.Error:
            return SalvageReport({}, 1)
        try:
            return _salvage(src, target_engine)
        finally:
            src.close()


def _salvage(src: sqlite3.Connection, target_engine) -> SalvageReport:
    rows: dict[str, int] = {}
    lost: dict[str, int] = {}
    dropped: dict[str, int] = {}
    unreadable = 0
    unlocated: list[str] = []
    schema_read = _schema_readable(src)
    raw = target_engine.raw_connection()
    try:
        dest = raw.driver_connection
        dest.execute("PRAGMA foreign_keys = OFF")
        dest.execute("BEGIN IMMEDIATE")
        for table, where in USER_TABLES:
            try:
                columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
                wanted = [r[1] for r in dest.execute(f"PRAGMA table_info({table})")]
            except sqlite3.DatabaseError:
                unreadable += 1
                continue
            if not columns:
                if not schema_read:  # its definition is among what could not be read
                    unlocated.append(table)
                    unreadable += 1
                continue  # otherwise a file from before the table existed
            if "retired" in where and "retired" not in columns:  # a file from before 0009
                where = "is_seed = 0"
            keep = [i for i, c in enumerate(columns) if c in wanted]
            if not keep:  # a file from before the table existed
                continue
            names = ", ".join(f'"{columns[i]}"' for i in keep)
            marks = ", ".join("?" for _ in keep)
            reader = _Reader(src, table, where)
            count = 0
            for row in reader.read():
                dest.execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                             [row[i] for i in keep])
                count += 1
            rows[table] = count
            if reader.lost:
                lost[table] = reader.lost
            unreadable += reader.unreadable_stretches
        for table, orphan in _ORPHANS:
            gone = dest.execute(f"DELETE FROM {table} WHERE {orphan}").rowcount
            if gone:
                dropped[table] = gone
                rows[table] = rows.get(table, 0) - gone
        dest.execute("COMMIT")
        dest.execute("PRAGMA foreign_keys = ON")
    finally:
        raw.close()
    return SalvageReport(rows, unreadable, lost, dropped, tuple(unlocated))


def _schema_readable(src: sqlite3.Connection) -> bool:
    """Whether SQLite can read the whole schema of the damaged file. (With `writable_schema` on,
    a table whose definition is unreadable is not an error: it just seems not to exist.)"""
    try:
        tables = {row[0] for row in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError:
        return False
    return bool(tables)
