"""A synthetic corpus for scale testing, deterministic from a seed number.

It writes N events with M sources of generated prose, passages that quote those sources at
real offsets, organisations with bodies, countries, people, agreements and the user's notes —
all through Core bulk inserts (executemany), never one ORM object per row.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from .. import derived
from ..corpus import models as m
from ..corpus.anchoring import anchor_at
from ..opening import open_database
from ..query.facet_index import FacetIndex
from ..query.facet_index import save as save_facet_index
from ..query.search import reindex_events
from ..store.database import Database

WORDS = (  # noqa: SIM905 - one readable string
    "delegation ministry summit partnership security cooperation pipeline energy border treaty "
    "agreement conference parliament observer president minister secretary general visit talks "
    "ceasefire mediation sanctions trade investment corridor gas oil caspian regional stability "
    "peacekeeping reform defence exercise memorandum protocol ratification declaration session "
    "assembly council commission envoy statement negotiations relations bilateral multilateral"
).split()
EVENT_KINDS = m.EVENT_KINDS


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
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


def generate(
    path: Path, *, events: int = 100_000, sources: int | None = None, seed: int = 1,
    progress: Callable[[str], None] | None = None,
) -> Database:
    """Create a new database at `path` holding a synthetic corpus of `events` events."""
    if Path(path).exists():
        raise FileExistsError(f"{path} exists; the generator only writes new files")
    rng = random.Random(seed)
    db = open_database(path, auto_backup=False)
    sources = sources or max(5, events // 50)
    say = progress or (lambda _msg: None)

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
    with db.write() as s:
        say("writing actors and sources")
        s.execute(insert(m.Organisation), orgs)
        s.execute(insert(m.Country), countries)
        s.execute(insert(m.Person), people)
        s.execute(insert(m.Source), src_rows)

    origin = date(1991, 1, 1)
    span = (date(2025, 12, 31) - origin).days
    batch = 10_000
    annotation_count = 0
    for first in range(0, events, batch):
        ev, eo, ec, ep, passages, cites, notes, tags = [], [], [], [], [], [], [], []
        for n in range(first, min(events, first + batch)):
            eid = f"ev-{n:07d}"
            day = origin + timedelta(days=rng.randrange(span))
            edtf, start, end, precision = _edtf(rng, day)
            disputed = rng.random() < 0.04
            # one supporting citation each (a single source); a disputed one also a contradicting one
            ev.append(dict(id=eid, date=edtf, date_start=start, date_end=end, precision=precision,
                           approximate=rng.random() < 0.05, uncertain=rng.random() < 0.03, date_text=None,
                           date_note=None, title=_sentence(rng, rng.randint(4, 9))[:-1],
                           summary=_sentence(rng, rng.randint(10, 30)), kind=rng.choice(EVENT_KINDS),
                           location=None, disputed=disputed, dispute_note=None, is_seed=False,
                           evidence="contested" if disputed else "single_source"))
            for org in rng.sample(orgs, rng.randint(1, 2)):
                eo.append(dict(event_id=eid, organisation_id=org["id"], role=None))
            for country in rng.sample(countries, rng.randint(1, 3)):
                ec.append(dict(event_id=eid, country_id=country["id"], role=None))
            if rng.random() < 0.6:
                ep.append(dict(event_id=eid, person_id=rng.choice(people)["id"], role=None))
            sid = f"src-{rng.randrange(sources)}"
            body = src_texts[sid]
            a = rng.randrange(0, len(body) - 120)
            anchor = anchor_at(body, a, a + rng.randint(40, 110))
            pid = f"p-{n:07d}"
            passages.append(dict(id=pid, source_id=sid, start=anchor.start, end=anchor.end, exact=anchor.exact,
                                 prefix=anchor.prefix, suffix=anchor.suffix, kind="citation", label=None,
                                 is_seed=False))
            cites.append(dict(event_id=eid, passage_id=pid, source_id=sid, stance="supports"))
            if disputed:  # contested: a second span of the text contradicts it (no draw, same stream)
                against = anchor_at(body, a + 80, a + 120)
                passages.append(dict(id=f"{pid}-x", source_id=sid, start=against.start, end=against.end,
                                     exact=against.exact, prefix=against.prefix, suffix=against.suffix,
                                     kind="citation", label=None, is_seed=False))
                cites.append(dict(event_id=eid, passage_id=f"{pid}-x", source_id=sid, stance="contradicts"))
            if rng.random() < 0.02:
                nid = uuid.UUID(int=rng.getrandbits(128)).hex
                now = datetime(2026, 1, 1) + timedelta(minutes=n)
                notes.append(dict(id=nid, target_kind="event", target_id=eid, body=_sentence(rng, 15),
                                  created_at=now, updated_at=now))
                tags.append(dict(annotation_id=nid, tag=rng.choice(["to-check", "key", "energy", "security"])))
        with db.write() as s:
            # The triggers of the sort keys move each event between indexes as its links arrive;
            # a larger page cache (256 MB) for this writer keeps those pages in memory.
            s.execute(text("PRAGMA cache_size = -262144"))
            s.execute(insert(m.Event), ev)
            s.execute(insert(m.EventOrganisation), eo)
            s.execute(insert(m.EventCountry), ec)
            s.execute(insert(m.EventPerson), ep)
            s.execute(insert(m.Passage), passages)
            s.execute(insert(m.EventCitation), cites)
            if notes:
                s.execute(insert(m.Annotation), notes)
                s.execute(insert(m.AnnotationTag), tags)
        annotation_count += len(notes)
        say(f"{min(events, first + batch)} of {events} events")
    with db.write() as s:
        say("building the search index")
        reindex_events(s)
        s.execute(text("INSERT OR REPLACE INTO app_meta(key, value) VALUES ('synthetic', :v)"),
                  {"v": f"events={events} sources={sources} seed={seed} annotations={annotation_count}"})
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    say("building the facet index")
    with db.read() as s:
        state = derived.state(s)
        index = FacetIndex.read(s, state.corpus, state.seq)
    with db.write() as s:
        save_facet_index(s, index)
    return db
