"""A synthetic corpus for scale testing, deterministic from a seed number.

It writes N events with M sources of generated prose, passages that quote those sources at
real offsets, organisations with bodies, countries, people, agreements and the user's notes.

The file is made by the app (`open_database`: migrated and seeded), then filled by one bulk
writer (`_BulkWriter`) on a plain `sqlite3` connection in a single transaction: the triggers
that keep derived data (sort keys, the change log, the source search index, the notes counter)
and the secondary indexes are set aside while rows go in by `executemany`, and their work is
done once, in bulk — the sort keys and each event's change-log sequence computed with the rows,
indexes created once, the search index filled by one statement — then the triggers and indexes
are put back as they were. The file ends up holding exactly what the app's own writes (every
trigger firing per row, `write_through_app`, kept as the reference a test compares with) would
have left, at a small fraction of the time: a million events in minutes rather than hours.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from .. import derived
from ..corpus import models as m
from ..corpus.anchoring import anchor_at
from ..derived.store import SEARCH_INDEX, SEARCH_ROWS, SEARCH_SEQ, SEARCH_TOKEN, SOURCE_SEARCH_ROWS
from ..opening import open_database
from ..query.facet_index import FacetIndex
from ..query.facet_index import save as save_facet_index
from ..query.search import INDEX_VERSION
from ..store.database import Database

WORDS = (  # noqa: SIM905 - one readable string
    "delegation ministry summit partnership security cooperation pipeline energy border treaty "
    "agreement conference parliament observer president minister secretary general visit talks "
    "ceasefire mediation sanctions trade investment corridor gas oil caspian regional stability "
    "peacekeeping reform defence exercise memorandum protocol ratification declaration session "
    "assembly council commission envoy statement negotiations relations bilateral multilateral"
).split()
EVENT_KINDS = m.EVENT_KINDS
BATCH = 10_000  # events generated (and written) at a time


def _sentence(rng: random.Random, n: int) -> str:
    # `rng.choice(WORDS)` n times, drawing the same numbers, without its per-call overhead
    # (some fifty million words at a million events)
    below, count = rng._randbelow, len(WORDS)  # type: ignore[attr-defined]
    words = [WORDS[below(count)] for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _edtf(rng: random.Random, day: date) -> tuple[str, str, str, str]:
    """(edtf, start, end, precision) for a random precision around `day`."""
    roll = rng.random()
    if roll < 0.55:
        return day.isoformat(), day.isoformat(), day.isoformat(), "day"
    if roll < 0.8:
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return f"{day:%Y-%m}", first.isoformat(), last.isoformat(), "month"
    if roll < 0.9:
        return f"{day:%Y}", f"{day.year}-01-01", f"{day.year}-12-31", "year"
    if roll < 0.95:
        season = 21 + (day.month % 12) // 3 if day.month < 12 else 24
        start = {21: "03-01", 22: "06-01", 23: "09-01", 24: "12-01"}[season]
        end = {21: "05-31", 22: "08-31", 23: "11-30"}.get(season)
        end_iso = f"{day.year}-{end}" if end else f"{day.year + 1}-02-28"
        return f"{day.year}-{season}", f"{day.year}-{start}", end_iso, "season"
    later = day + timedelta(days=rng.randint(20, 400))
    return f"{day:%Y-%m}/{later:%Y-%m}", f"{day:%Y-%m}-01", later.isoformat(), "interval"


@dataclass
class Batch:
    """The rows of a run of events, in the order the app's writes insert them."""

    events: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    countries: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    passages: list[dict[str, Any]] = field(default_factory=list)
    citations: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    tags: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Corpus:
    """What `generate` writes: the option lists and sources, then the events batch by batch
    (generated as they are written, so a million events never sit in memory at once)."""

    events: int
    sources: int
    seed: int
    organisations: list[dict[str, Any]]
    countries: list[dict[str, Any]]
    people: list[dict[str, Any]]
    source_rows: list[dict[str, Any]]
    batches: Iterator[Batch]
    annotations: list[int]  # filled as the batches are drawn: the notes' count so far

    @property
    def meta(self) -> str:
        return f"events={self.events} sources={self.sources} seed={self.seed} annotations={self.annotations[0]}"


def corpus(*, events: int, sources: int | None = None, seed: int = 1, batch: int = BATCH) -> Corpus:
    """The synthetic corpus of `events` events drawn from `seed` (the same seed, the same rows)."""
    rng = random.Random(seed)
    sources = sources or max(5, events // 50)
    orgs: list[dict[str, Any]] = []
    countries: list[dict[str, Any]] = []
    people: list[dict[str, Any]] = []
    for i in range(40):
        orgs.append(dict(id=f"org-{i}", name=f"Organisation {i}", abbreviation=f"O{i}", aliases=[],
                         kind="organisation", parent_id=None, founded=None, description=_sentence(rng, 12),
                         is_seed=False))
        for j in range(3):
            orgs.append(dict(id=f"org-{i}-{j}", name=f"Body {j} of Organisation {i}", abbreviation=f"O{i}B{j}",
                             aliases=[], kind="body", parent_id=f"org-{i}", founded=None, description=None,
                             is_seed=False))
    for i in range(80):
        countries.append(dict(id=f"C{i:02d}", name=f"Country {i}", aliases=[], is_seed=False))
    for i in range(600):
        people.append(dict(id=f"per-{i}", name=f"Person {i}", office=_sentence(rng, 3), aliases=[], is_seed=False))

    src_rows, src_texts = [], {}
    for i in range(sources):
        body = "\n".join(_sentence(rng, rng.randint(8, 25)) for _ in range(rng.randint(40, 90)))
        src_texts[f"src-{i}"] = body
        src_rows.append(dict(id=f"src-{i}", title=f"Synthetic source {i}", publisher="Generator", author=None,
                             url=None, published=None, data_as_of=None, kind="news report", language="en",
                             reliability="synthetic", text=body,
                             sha256=hashlib.sha256(body.encode()).hexdigest(), is_seed=False))
    annotations = [0]
    return Corpus(events, sources, seed, orgs, countries, people, src_rows,
                  _batches(rng, events, sources, orgs, countries, people, src_texts, batch, annotations),
                  annotations)


def _batches(rng: random.Random, events: int, sources: int, orgs: list, countries: list, people: list,
             src_texts: dict[str, str], batch: int, annotations: list[int]) -> Iterator[Batch]:
    origin = date(1991, 1, 1)
    span = (date(2025, 12, 31) - origin).days
    for first in range(0, events, batch):
        b = Batch()
        for n in range(first, min(events, first + batch)):
            eid = f"ev-{n:07d}"
            day = origin + timedelta(days=rng.randrange(span))
            edtf, start, end, precision = _edtf(rng, day)
            disputed = rng.random() < 0.04
            # one supporting citation each (a single source); a disputed one also a contradicting one
            b.events.append(dict(id=eid, date=edtf, date_start=start, date_end=end, precision=precision,
                                 approximate=rng.random() < 0.05, uncertain=rng.random() < 0.03, date_text=None,
                                 date_note=None, title=_sentence(rng, rng.randint(4, 9))[:-1],
                                 summary=_sentence(rng, rng.randint(10, 30)), kind=rng.choice(EVENT_KINDS),
                                 location=None, disputed=disputed, dispute_note=None, is_seed=False,
                                 evidence="contested" if disputed else "single_source"))
            for org in rng.sample(orgs, rng.randint(1, 2)):
                b.organisations.append(dict(event_id=eid, organisation_id=org["id"], role=None))
            for country in rng.sample(countries, rng.randint(1, 3)):
                b.countries.append(dict(event_id=eid, country_id=country["id"], role=None))
            if rng.random() < 0.6:
                b.people.append(dict(event_id=eid, person_id=rng.choice(people)["id"], role=None))
            sid = f"src-{rng.randrange(sources)}"
            body = src_texts[sid]
            a = rng.randrange(0, len(body) - 120)
            anchor = anchor_at(body, a, a + rng.randint(40, 110))
            pid = f"p-{n:07d}"
            b.passages.append(dict(id=pid, source_id=sid, start=anchor.start, end=anchor.end, exact=anchor.exact,
                                   prefix=anchor.prefix, suffix=anchor.suffix, kind="citation", label=None,
                                   is_seed=False))
            b.citations.append(dict(event_id=eid, passage_id=pid, source_id=sid, stance="supports"))
            if disputed:  # contested: a second span of the text contradicts it (no draw, same stream)
                against = anchor_at(body, a + 80, a + 120)
                b.passages.append(dict(id=f"{pid}-x", source_id=sid, start=against.start, end=against.end,
                                       exact=against.exact, prefix=against.prefix, suffix=against.suffix,
                                       kind="citation", label=None, is_seed=False))
                b.citations.append(dict(event_id=eid, passage_id=f"{pid}-x", source_id=sid, stance="contradicts"))
            if rng.random() < 0.02:
                nid = uuid.UUID(int=rng.getrandbits(128)).hex
                now = datetime(2026, 1, 1) + timedelta(minutes=n)
                b.notes.append(dict(id=nid, target_kind="event", target_id=eid, body=_sentence(rng, 15),
                                    created_at=now, updated_at=now))
                b.tags.append(dict(annotation_id=nid, tag=rng.choice(["to-check", "key", "energy", "security"])))
        annotations[0] += len(b.notes)
        yield b


def generate(
    path: Path, *, events: int = 100_000, sources: int | None = None, seed: int = 1,
    progress: Callable[[str], None] | None = None, through_app: bool = False,
) -> Database:
    """Create a new database at `path` holding a synthetic corpus of `events` events.
    `through_app` writes it through the app's sessions, every trigger firing per row (the
    reference the bulk writer is tested against; far slower)."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; the generator only writes new files")
    say = progress or (lambda _msg: None)
    db = open_database(path, auto_backup=False)  # migrated and seeded, as the app makes a file
    data = corpus(events=events, sources=sources, seed=seed)
    try:
        if through_app:
            write_through_app(db, data, say)
        else:
            db.close()
            _BulkWriter(path, say).write(data)
            db = open_database(path, auto_backup=False)
        say("building the facet index")
        with db.read() as s:
            state = derived.state(s)
            index = FacetIndex.read(s, state.corpus, state.seq)
        with db.write() as s:
            save_facet_index(s, index)
    except BaseException:
        db.close()
        for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                     path.with_name(path.name + "-journal")):
            part.unlink(missing_ok=True)  # a half-made file is no corpus: the generator made it, it goes
        raise
    return db


def write_through_app(db: Database, data: Corpus, say: Callable[[str], None]) -> None:
    """The corpus written through the app's own write sessions: Core inserts, every trigger
    firing per row, the search index caught up at each commit (the reference `_BulkWriter`
    must equal)."""
    from sqlalchemy import insert, text

    from ..query.search import reindex_events

    with db.write() as s:
        s.execute(insert(m.Organisation), data.organisations)
        s.execute(insert(m.Country), data.countries)
        s.execute(insert(m.Person), data.people)
        s.execute(insert(m.Source), data.source_rows)
    for b in data.batches:
        with db.write() as s:
            s.execute(insert(m.Event), b.events)
            s.execute(insert(m.EventOrganisation), b.organisations)
            s.execute(insert(m.EventCountry), b.countries)
            s.execute(insert(m.EventPerson), b.people)
            s.execute(insert(m.Passage), b.passages)
            s.execute(insert(m.EventCitation), b.citations)
            if b.notes:
                s.execute(insert(m.Annotation), b.notes)
                s.execute(insert(m.AnnotationTag), b.tags)
    with db.write() as s:
        reindex_events(s)
        s.execute(text("INSERT OR REPLACE INTO app_meta(key, value) VALUES ('synthetic', :v)"), {"v": data.meta})
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def _columns(model: type, given: Iterable[str]) -> tuple[list[str], Callable[[dict[str, Any]], tuple]]:
    """A table's columns and a function turning a row dict (with the keys `given`) into their
    values as SQLAlchemy's insert would bind them: its Python defaults for absent keys, its
    types' conversions, and a column with only a server default left to the table unless given."""
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    table = model.__table__  # type: ignore[attr-defined]
    names, makers = [], []
    for column in table.columns:
        default = column.default
        if default is None and column.server_default is not None and column.name not in given:
            continue  # left to the table's own default, as an insert that does not name it
        convert = column.type.dialect_impl(dialect).bind_processor(dialect)
        if default is not None and default.is_callable:
            fallback: Any = lambda arg=default.arg: arg(None)  # noqa: E731
        elif default is not None:
            fallback = lambda value=default.arg: value  # noqa: E731
        else:
            fallback = lambda: None  # noqa: E731
        names.append(column.name)
        makers.append((column.name, fallback, convert))

    def values(row: dict[str, Any]) -> tuple:
        out = []
        for name, fallback, convert in makers:
            value = row[name] if name in row else fallback()
            out.append(convert(value) if convert is not None and value is not None else value)
        return tuple(out)

    return names, values


class _BulkWriter:
    """Writes a `Corpus` into a migrated, seeded file in one transaction (see the module
    docstring), doing the triggers' work itself."""

    # tables the corpus writes, whose triggers and secondary indexes are set aside meanwhile
    TABLES = ("organisations", "countries", "people", "sources", "events", "event_organisations",
              "event_countries", "event_people", "passages", "event_citations", "annotations",
              "annotation_tags", "derived_log")

    def __init__(self, path: Path, say: Callable[[str], None]) -> None:
        self.path, self.say = path, say
        self.inserts: dict[tuple[type, frozenset], tuple[str, Callable[[dict[str, Any]], tuple]]] = {}

    def _insert(self, con: sqlite3.Connection, model: type, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        key = (model, frozenset(rows[0]))
        if key not in self.inserts:
            names, values = _columns(model, rows[0])
            table = model.__table__.name  # type: ignore[attr-defined]
            self.inserts[key] = (f"INSERT INTO {table} ({', '.join(names)}) "
                                 f"VALUES ({', '.join('?' * len(names))})", values)
        sql, values = self.inserts[key]
        con.executemany(sql, map(values, rows))

    def write(self, data: Corpus) -> None:
        con = sqlite3.connect(self.path, isolation_level=None)
        try:
            # A new file the generator deletes if anything fails: no write-ahead log for the bulk
            # (the pages are new, so a rollback journal stays small), no syncs until the end.
            con.execute("PRAGMA journal_mode = DELETE")
            con.execute("PRAGMA synchronous = OFF")
            con.execute("PRAGMA cache_size = -262144")
            con.execute("PRAGMA foreign_keys = ON")
            con.execute("BEGIN IMMEDIATE")
            self._write(con, data)
            con.execute("COMMIT")
            self.say("collecting statistics for the query planner")
            con.execute("ANALYZE")
            con.execute("PRAGMA journal_mode = WAL")
        finally:
            con.close()

    def _write(self, con: sqlite3.Connection, data: Corpus) -> None:
        listed = ", ".join(f"'{t}'" for t in self.TABLES)
        kept = con.execute(f"SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') "
                           f"AND sql IS NOT NULL AND tbl_name IN ({listed}) ORDER BY rowid").fetchall()
        for kind, name, _sql in kept:
            con.execute(f"DROP {kind.upper()} {name}")
        seq = con.execute("SELECT coalesce(max(seq), 0) FROM derived_log").fetchone()[0]
        last_event = con.execute("SELECT coalesce(max(rowid), 0) FROM events").fetchone()[0]
        last_source = con.execute("SELECT coalesce(max(rowid), 0) FROM sources").fetchone()[0]

        self.say("writing actors and sources")
        self._insert(con, m.Organisation, data.organisations)
        self._insert(con, m.Country, data.countries)
        self._insert(con, m.Person, data.people)
        self._insert(con, m.Source, data.source_rows)
        # each new option logs "the option lists changed" (rowid 0) with the next sequence
        seq += len(data.organisations) + len(data.countries) + len(data.people) + len(data.source_rows)
        con.execute("INSERT INTO derived_log(rid, seq) VALUES (0, ?) ON CONFLICT(rid) DO UPDATE "
                    "SET seq = excluded.seq", (seq,))
        # the source search index, as its insert trigger fills it
        con.execute(f"INSERT INTO source_fts(rowid, source_id, title, body) {SOURCE_SEARCH_ROWS} WHERE rowid > ?",
                    (last_source,))

        labels = {o["id"]: o["abbreviation"] or o["name"] for o in data.organisations}
        names = {c["id"]: c["name"] for c in data.countries}
        rowid, noted = last_event, 0
        for b in data.batches:
            seq = self._batch(con, b, rowid, seq, labels, names)
            rowid += len(b.events)
            noted += len(b.notes) + len(b.tags)
            self.say(f"{rowid - last_event} of {data.events} events")
        # each note and each tag counted once on the notes' version
        con.execute("INSERT INTO app_meta(key, value) VALUES ('notes_version', ?) ON CONFLICT(key) "
                    "DO UPDATE SET value = CAST(value AS INTEGER) + ?", (str(noted), noted))

        self.say("building the indexes")
        for kind, _name, sql in kept:
            if kind == "index":
                con.execute(sql)
        self.say("building the search index")
        con.execute("INSERT INTO event_fts(rowid, event_id, title, summary, quotes, notes)"
                    + SEARCH_ROWS + " WHERE e.rowid > ?", (last_event,))
        for key, value in ((SEARCH_INDEX, INDEX_VERSION), (SEARCH_SEQ, str(seq)), (SEARCH_TOKEN, uuid.uuid4().hex),
                           ("synthetic", data.meta)):
            con.execute("INSERT OR REPLACE INTO app_meta(key, value) VALUES (?, ?)", (key, value))
        for kind, _name, sql in kept:
            if kind == "trigger":
                con.execute(sql)

    def _batch(self, con: sqlite3.Connection, b: Batch, rowid: int, seq: int, labels: dict[str, str],
               names: dict[str, str]) -> int:
        """Write one batch with its sort keys and change-log rows; the log's sequence after it."""
        # Sort keys (migration 0004's triggers): min label of organisations and countries, distinct
        # supporting sources, notes on the event.
        keys: dict[str, dict[str, Any]] = {e["id"]: {"sort_organisations": None, "sort_countries": None,
                                                    "sources": set(), "annotation_count": 0} for e in b.events}
        for x in b.organisations:
            k = keys[x["event_id"]]
            label = labels[x["organisation_id"]]
            k["sort_organisations"] = label if k["sort_organisations"] is None else min(k["sort_organisations"], label)
        for x in b.countries:
            k = keys[x["event_id"]]
            name = names[x["country_id"]]
            k["sort_countries"] = name if k["sort_countries"] is None else min(k["sort_countries"], name)
        for x in b.citations:
            if x["stance"] == "supports":
                keys[x["event_id"]]["sources"].add(x["source_id"])
        for x in b.notes:
            keys[x["target_id"]]["annotation_count"] += 1
        # The change log (migration 0012's triggers): each insert naming an event logs it with
        # the next sequence, in the order the app's writes make them.
        position = {e["id"]: rowid + i + 1 for i, e in enumerate(b.events)}
        logged: dict[str, int] = {}
        for e in b.events:
            seq += 1
            logged[e["id"]] = seq
        for rows, key in ((b.organisations, "event_id"), (b.countries, "event_id"), (b.people, "event_id"),
                          (b.citations, "event_id"), (b.notes, "target_id")):
            for x in rows:
                seq += 1
                logged[x[key]] = seq
        event_of = {x["id"]: x["target_id"] for x in b.notes}
        for x in b.tags:
            seq += 1
            logged[event_of[x["annotation_id"]]] = seq

        events = []
        for e in b.events:
            k = keys[e["id"]]
            events.append({**e, "sort_organisations": k["sort_organisations"], "sort_countries": k["sort_countries"],
                           "source_count": len(k["sources"]), "annotation_count": k["annotation_count"]})
        self._insert(con, m.Event, events)
        self._insert(con, m.EventOrganisation, b.organisations)
        self._insert(con, m.EventCountry, b.countries)
        self._insert(con, m.EventPerson, b.people)
        self._insert(con, m.Passage, b.passages)
        self._insert(con, m.EventCitation, b.citations)
        if b.notes:
            self._insert(con, m.Annotation, b.notes)
            self._insert(con, m.AnnotationTag, b.tags)
        con.executemany("INSERT INTO derived_log(rid, seq) VALUES (?, ?)",
                        sorted((position[event], s) for event, s in logged.items()))
        return seq
