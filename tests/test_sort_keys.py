"""The sort keys materialised on events (migration 0004): the triggers keep them equal to the
correlated subqueries the timeline used to sort by, on every write path, and sorting by them
gives exactly the old order."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import text

from azrel_desktop.core.corpus.models import Base
from azrel_desktop.core.opening import open_database
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.timeline import SORT_KEYS
from azrel_desktop.core.service import Library
from azrel_desktop.core.store.database import alembic_config, head_revision, make_engine, migrate

# What each column must equal, for the event `e` (the subqueries SORT_KEYS used before 0004).
TRUTH = {
    "sort_organisations": "(SELECT min(coalesce(o.abbreviation, o.name)) FROM event_organisations eo "
                          "JOIN organisations o ON o.id = eo.organisation_id WHERE eo.event_id = e.id)",
    "sort_countries": "(SELECT min(c.name) FROM event_countries ec JOIN countries c ON c.id = ec.country_id "
                      "WHERE ec.event_id = e.id)",
    "source_count": "(SELECT count(DISTINCT ci.source_id) FROM event_citations ci "
                    "WHERE ci.event_id = e.id AND ci.stance = 'supports')",
    "annotation_count": "(SELECT count(*) FROM annotations a WHERE a.target_kind = 'event' AND a.target_id = e.id)",
}
OLD_SORT_KEYS = {
    "title": "e.title COLLATE NOCASE {d}, e.date_start, e.id",
    "kind": "e.kind {d}, e.date_start, e.id",
    "organisations": TRUTH["sort_organisations"] + " {d}, e.date_start, e.id",
    "countries": TRUTH["sort_countries"] + " {d}, e.date_start, e.id",
    "sources": TRUTH["source_count"] + " {d}, e.date_start, e.id",
    "disputed": "e.disputed {d}, e.date_start, e.id",
    "annotations": TRUTH["annotation_count"] + " {d}, e.date_start, e.id",
}
WRONG = "SELECT e.id FROM events e WHERE " + " OR ".join(f"e.{c} IS NOT {t}" for c, t in TRUTH.items())


def wrong_keys(con) -> list[str]:
    """Ids of events whose stored keys differ from the truth (a sqlite3 connection or a session)."""
    if isinstance(con, sqlite3.Connection):
        return [r[0] for r in con.execute(WRONG)]
    return [r[0] for r in con.execute(text(WRONG))]


def keys(con: sqlite3.Connection, event_id: str) -> tuple:
    return con.execute("SELECT sort_organisations, sort_countries, source_count, annotation_count "
                       "FROM events WHERE id = ?", (event_id,)).fetchone()


@pytest.fixture
def con(db_path):
    c = sqlite3.connect(db_path, isolation_level=None)
    c.execute("PRAGMA foreign_keys = ON")
    yield c
    assert wrong_keys(c) == []
    c.close()


def _event_with(con, table: str, column: str) -> tuple[str, list[str]]:
    eid, = con.execute(f"SELECT event_id FROM {table} GROUP BY event_id HAVING count(*) >= 2 LIMIT 1").fetchone()
    return eid, [r[0] for r in con.execute(f"SELECT {column} FROM {table} WHERE event_id = ?", (eid,))]


# --- every trigger path ---------------------------------------------------------------------------

def test_organisation_links_inserted_updated_and_deleted(con):
    eid, orgs = _event_with(con, "event_organisations", "organisation_id")
    con.execute("INSERT INTO organisations (id, name, abbreviation, aliases, kind, is_seed) "
                "VALUES ('org-first', 'Aaa first', NULL, '[]', 'organisation', 0)")
    con.execute("INSERT INTO event_organisations (event_id, organisation_id) VALUES (?, 'org-first')", (eid,))
    assert keys(con, eid)[0] == "Aaa first"
    assert wrong_keys(con) == []
    con.execute("DELETE FROM event_organisations WHERE event_id = ? AND organisation_id = 'org-first'", (eid,))
    assert wrong_keys(con) == []
    # Moving a link from one event to another changes both.
    other, = con.execute("SELECT id FROM events WHERE id NOT IN (SELECT event_id FROM event_organisations) "
                         "LIMIT 1").fetchone() or (None,)
    if other is None:
        other, = con.execute("INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain,"
                             " title, summary, kind, disputed, is_seed) VALUES ('ev-bare', '2000', '2000-01-01',"
                             " '2000-12-31', 'year', 0, 0, 'Bare', '', 'other', 0, 0) RETURNING id").fetchone()
    assert keys(con, other)[0] is None
    con.execute("UPDATE event_organisations SET event_id = ? WHERE event_id = ? AND organisation_id = ?",
                (other, eid, orgs[0]))
    assert keys(con, other)[0] is not None
    assert wrong_keys(con) == []
    con.execute("DELETE FROM event_organisations WHERE event_id IN (?, ?)", (eid, other))
    assert keys(con, eid)[0] is None and keys(con, other)[0] is None


def test_country_links_inserted_updated_and_deleted(con):
    eid, _ = _event_with(con, "event_countries", "country_id")
    con.execute("INSERT INTO countries (id, name, aliases, is_seed) VALUES ('QQ', 'Aaland test', '[]', 0)")
    con.execute("INSERT INTO event_countries (event_id, country_id) VALUES (?, 'QQ')", (eid,))
    assert keys(con, eid)[1] == "Aaland test"
    con.execute("UPDATE event_countries SET role = 'host' WHERE event_id = ?", (eid,))
    con.execute("DELETE FROM event_countries WHERE event_id = ? AND country_id = 'QQ'", (eid,))
    assert wrong_keys(con) == []
    con.execute("DELETE FROM event_countries WHERE event_id = ?", (eid,))
    assert keys(con, eid)[1] is None


def test_citations_count_distinct_supporting_sources(con):
    eid, = con.execute("SELECT id FROM events LIMIT 1").fetchone()
    con.execute("DELETE FROM event_citations WHERE event_id = ?", (eid,))
    assert keys(con, eid)[2] == 0
    passages = con.execute("SELECT p.id, p.source_id FROM passages p WHERE p.source_id IN "
                           "(SELECT id FROM sources ORDER BY id LIMIT 2) ORDER BY p.source_id, p.id").fetchall()
    by_source: dict[str, list[str]] = {}
    for pid, sid in passages:
        by_source.setdefault(sid, []).append(pid)
    (s1, p1), (s2, p2) = list(by_source.items())[:2]
    cite = "INSERT INTO event_citations (event_id, passage_id, source_id, stance) VALUES (?, ?, ?, ?)"
    con.execute(cite, (eid, p1[0], s1, "supports"))
    assert keys(con, eid)[2] == 1
    con.execute(cite, (eid, p1[1], s1, "supports"))
    assert keys(con, eid)[2] == 1  # the same source twice counts once
    con.execute(cite, (eid, p2[0], s2, "contradicts"))
    assert keys(con, eid)[2] == 1  # a contradicting passage is not a source for it
    con.execute("UPDATE event_citations SET stance = 'supports' WHERE event_id = ? AND passage_id = ?", (eid, p2[0]))
    assert keys(con, eid)[2] == 2
    con.execute("DELETE FROM event_citations WHERE event_id = ? AND passage_id = ?", (eid, p1[0]))
    assert keys(con, eid)[2] == 2
    con.execute("DELETE FROM event_citations WHERE event_id = ? AND passage_id = ?", (eid, p1[1]))
    assert keys(con, eid)[2] == 1


def test_renaming_an_organisation_or_a_country(con):
    oid, = con.execute("SELECT organisation_id FROM event_organisations GROUP BY organisation_id "
                       "ORDER BY count(*) DESC LIMIT 1").fetchone()
    con.execute("UPDATE organisations SET abbreviation = '!first' WHERE id = ?", (oid,))
    linked = [r[0] for r in con.execute("SELECT event_id FROM event_organisations WHERE organisation_id = ?", (oid,))]
    assert {keys(con, e)[0] for e in linked} == {"!first"}
    con.execute("UPDATE organisations SET abbreviation = NULL, name = '~last' WHERE id = ?", (oid,))
    assert wrong_keys(con) == []
    con.execute("UPDATE organisations SET description = 'unrelated' WHERE id = ?", (oid,))
    cid, = con.execute("SELECT country_id FROM event_countries GROUP BY country_id "
                       "ORDER BY count(*) DESC LIMIT 1").fetchone()
    con.execute("UPDATE countries SET name = '!First country' WHERE id = ?", (cid,))
    linked = [r[0] for r in con.execute("SELECT event_id FROM event_countries WHERE country_id = ?", (cid,))]
    assert {keys(con, e)[1] for e in linked} == {"!First country"}


def test_deleting_an_event_and_its_links_cascade(con):
    eid, _ = _event_with(con, "event_organisations", "organisation_id")
    con.execute("DELETE FROM events WHERE id = ?", (eid,))
    assert con.execute("SELECT count(*) FROM event_organisations WHERE event_id = ?", (eid,)).fetchone()[0] == 0


def test_an_event_that_arrives_after_its_notes_and_links_counts_them(con):
    """Salvage and restore insert with foreign keys off, annotations have no foreign key at all."""
    con.execute("INSERT INTO annotations (id, target_kind, target_id, body, created_at, updated_at) VALUES "
                "('n-early', 'event', 'ev-late', 'before its event', '2020-01-01', '2020-01-01')")
    con.execute("PRAGMA foreign_keys = OFF")
    org, = con.execute("SELECT id FROM organisations LIMIT 1").fetchone()
    con.execute("INSERT INTO event_organisations (event_id, organisation_id) VALUES ('ev-late', ?)", (org,))
    con.execute("INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain, title, "
                "summary, kind, disputed, is_seed, source_count) VALUES ('ev-late', '2000', '2000-01-01', "
                "'2000-12-31', 'year', 0, 0, 'Late', '', 'other', 0, 0, 7)")
    con.execute("PRAGMA foreign_keys = ON")
    assert keys(con, "ev-late")[2:] == (0, 1)
    assert keys(con, "ev-late")[0] is not None


def test_notes_added_undone_redone_edited_and_deleted(library):
    eid = library.rows(EventFilter(), limit=1)[0].id

    def count() -> int:
        with library.db.read() as s:
            assert wrong_keys(s) == []
            return s.execute(text("SELECT annotation_count FROM events WHERE id = :i"), {"i": eid}).scalar()

    before = count()
    first, _ = library.add_annotation("event", eid, "one", ["x"])
    second, _ = library.add_annotation("event", eid, "two")
    assert count() == before + 2
    assert library.rows(EventFilter(), sort="annotations", descending=True, limit=1)[0].annotation_count >= 2
    library.update_annotation(first.id, "one, edited", ["y"])
    assert count() == before + 2
    gone, _ = library.delete_annotation(first.id)
    assert count() == before + 1
    library.restore_annotation(gone)  # undo of the delete
    assert count() == before + 2
    library.delete_annotation(first.id)
    library.delete_annotation(second.id)
    assert count() == before
    with library.db.read() as s:
        passage = s.execute(text("SELECT passage_id FROM event_citations WHERE event_id = :i"), {"i": eid}).scalar()
    library.add_annotation("passage", passage, "a note on a passage is not a note on the event")
    assert count() == before


def test_moving_a_note_to_another_target(con):
    a, b = (r[0] for r in con.execute("SELECT id FROM events LIMIT 2"))
    con.execute("INSERT INTO annotations (id, target_kind, target_id, body, created_at, updated_at) VALUES "
                "('n-move', 'event', ?, '', '2020-01-01', '2020-01-01')", (a,))
    before_b = keys(con, b)[3]
    con.execute("UPDATE annotations SET target_id = ? WHERE id = 'n-move'", (b,))
    assert keys(con, b)[3] == before_b + 1
    con.execute("UPDATE annotations SET target_kind = 'source' WHERE id = 'n-move'")
    assert keys(con, b)[3] == before_b


def test_a_corpus_reload_keeps_the_keys(db_path, tmp_path):
    """Seeding replaces every seed link and upserts the organisations, countries and events."""
    import shutil

    import yaml

    from azrel_desktop.core.opening import seed_corpus
    from azrel_desktop.core.store.resources import seed_dir

    folder = tmp_path / "seed"
    shutil.copytree(seed_dir(), folder)

    def edit(name, change):
        path = folder / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = change(data) or data
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    edit("corpus.yaml", lambda d: d.update(version=int(d["version"]) + 1))

    def orgs(data):
        for o in data:
            if o.get("abbreviation"):
                o["abbreviation"] = "zz" + o["abbreviation"]
                break
    edit("organisations.yaml", orgs)

    def events(data):
        data[0]["organisations"] = []
        data[1]["countries"] = []
        del data[2]
    edit("events.yaml", events)
    db = open_database(db_path, seed=False)
    try:
        assert seed_corpus(db, folder=folder) is True
        with db.read() as s:
            assert wrong_keys(s) == []
            assert s.execute(text("SELECT count(*) FROM events WHERE sort_organisations IS NULL")).scalar() >= 1
    finally:
        db.close()


# --- the order is the old order -------------------------------------------------------------------

def _orders_agree(session_or_con, extra_where: str = "1 = 1") -> None:
    run = (lambda sql: [r[0] for r in session_or_con.execute(sql)]) if isinstance(session_or_con, sqlite3.Connection) \
        else (lambda sql: [r[0] for r in session_or_con.execute(text(sql))])
    for key, old in OLD_SORT_KEYS.items():
        for d in ("ASC", "DESC"):
            want = run(f"SELECT e.id FROM events e WHERE {extra_where} ORDER BY {old.format(d=d)}")
            got = run(f"SELECT e.id FROM events e WHERE {extra_where} ORDER BY {SORT_KEYS[key].format(d=d)}")
            assert got == want, (key, d)


def test_seed_corpus_sorts_as_before(shared_library):
    with shared_library.db.read() as s:
        assert wrong_keys(s) == []
        _orders_agree(s)


@pytest.fixture(scope="module")
def synthetic_path(tmp_path_factory) -> Path:
    from azrel_desktop.core.bench.synthetic import generate

    path = tmp_path_factory.mktemp("synthetic") / "small.sqlite3"
    generate(path, events=1500, seed=7).close()
    return path


def test_synthetic_corpus_sorts_as_before(synthetic_path, tmp_path):
    path = tmp_path / "copy.sqlite3"
    src, dst = sqlite3.connect(synthetic_path), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    con = dst
    assert wrong_keys(con) == []
    # Some events with no organisation, no country, no source: NULLs sort first ascending, last descending.
    con.execute("DELETE FROM event_organisations WHERE event_id IN (SELECT id FROM events ORDER BY id LIMIT 30)")
    con.execute("DELETE FROM event_countries WHERE event_id IN (SELECT id FROM events ORDER BY id DESC LIMIT 30)")
    con.execute("DELETE FROM event_citations WHERE event_id IN (SELECT id FROM events ORDER BY title LIMIT 30)")
    con.commit()
    assert wrong_keys(con) == []
    _orders_agree(con)
    _orders_agree(con, "e.kind IN ('visit', 'meeting')")
    con.close()
    lib = Library.open(path)
    try:
        for key in OLD_SORT_KEYS:
            for descending in (False, True):
                page = lib.rows(EventFilter(), sort=key, descending=descending, limit=50, offset=1400)
                with lib.db.read() as s:
                    want = [r[0] for r in s.execute(text(
                        f"SELECT e.id FROM events e ORDER BY "
                        f"{OLD_SORT_KEYS[key].format(d='DESC' if descending else 'ASC')} LIMIT 50 OFFSET 1400"))]
                assert [r.id for r in page] == want, (key, descending)
    finally:
        lib.close()


# --- schema ---------------------------------------------------------------------------------------

def _index_shapes(con: sqlite3.Connection) -> dict[str, list[tuple]]:
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' "
                                       "AND name NOT LIKE 'sqlite_autoindex%'")]
    return {n: [(r[2], r[3], r[4]) for r in con.execute(f"PRAGMA index_xinfo({n})") if r[5]] for n in names}


def test_the_models_declare_the_indexes_the_migration_makes(tmp_path):
    """Autogenerate cannot see DESC or COLLATE on SQLite; compare them here."""
    migrated = tmp_path / "migrated.sqlite3"
    engine = make_engine(migrated)
    migrate(engine)
    engine.dispose()
    declared = tmp_path / "declared.sqlite3"
    engine = sa.create_engine(f"sqlite:///{declared}")
    Base.metadata.create_all(engine)
    engine.dispose()
    a, b = sqlite3.connect(migrated), sqlite3.connect(declared)
    try:
        assert _index_shapes(a) == _index_shapes(b)
        assert ("title", 0, "NOCASE") in _index_shapes(a)["ix_events_sort_title"]
        assert ("sort_organisations", 1, "BINARY") in _index_shapes(a)["ix_events_sort_organisations_desc"]
    finally:
        a.close()
        b.close()


def test_a_file_at_0003_is_backed_up_upgraded_and_backfilled(tmp_path, file_at_revision, backed_up_before_upgrade):
    path = file_at_revision(tmp_path / "old.sqlite3", "0003")
    con = sqlite3.connect(path)
    con.executescript("""
        INSERT INTO organisations (id, name, abbreviation, aliases, kind, is_seed) VALUES
            ('o-mine-1', 'Zeta Union', 'ZU', '[]', 'organisation', 0),
            ('o-mine-2', 'Alpha League', NULL, '[]', 'organisation', 0);
        INSERT INTO countries (id, name, aliases, is_seed) VALUES ('X1', 'Xland', '[]', 0), ('X2', 'Bland', '[]', 0);
        INSERT INTO sources (id, title, kind, language, text, sha256, is_seed) VALUES
            ('s-mine-1', 'One', 'note', 'en', 'Aliyev met Solana in Brussels.', 'x', 0),
            ('s-mine-2', 'Two', 'note', 'en', 'Aliyev met Solana in Brussels.', 'y', 0);
        INSERT INTO passages (id, source_id, start, "end", exact, prefix, suffix, kind, is_seed) VALUES
            ('p-m1', 's-mine-1', 0, 6, 'Aliyev', '', '', 'citation', 0),
            ('p-m2', 's-mine-1', 7, 10, 'met', '', '', 'citation', 0),
            ('p-m3', 's-mine-2', 0, 6, 'Aliyev', '', '', 'citation', 0);
        INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain, title, summary,
                            kind, disputed, is_seed) VALUES
            ('ev-full', '1996-04', '1996-04-01', '1996-04-30', 'month', 0, 0, 'Full', '', 'meeting', 1, 0),
            ('ev-bare', '1997', '1997-01-01', '1997-12-31', 'year', 0, 0, 'Bare', '', 'meeting', 0, 0);
        INSERT INTO event_organisations (event_id, organisation_id) VALUES ('ev-full', 'o-mine-1'), ('ev-full', 'o-mine-2');
        INSERT INTO event_countries (event_id, country_id) VALUES ('ev-full', 'X1'), ('ev-full', 'X2');
        INSERT INTO event_citations (event_id, passage_id, source_id, stance) VALUES
            ('ev-full', 'p-m1', 's-mine-1', 'supports'), ('ev-full', 'p-m2', 's-mine-1', 'supports'),
            ('ev-full', 'p-m3', 's-mine-2', 'contradicts');
        INSERT INTO annotations (id, target_kind, target_id, body, created_at, updated_at) VALUES
            ('n1', 'event', 'ev-full', 'a', '2020-01-01 00:00:00', '2020-01-01 00:00:00'),
            ('n2', 'event', 'ev-full', 'b', '2020-01-01 00:00:00', '2020-01-01 00:00:00'),
            ('n3', 'passage', 'p-m1', 'c', '2020-01-01 00:00:00', '2020-01-01 00:00:00');
    """)
    con.commit()
    con.close()
    lib = Library.open(path)
    try:
        with lib.db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            got = {r[0]: tuple(r[1:]) for r in s.execute(text(
                "SELECT id, sort_organisations, sort_countries, source_count, annotation_count FROM events "
                "WHERE id IN ('ev-full', 'ev-bare')"))}
            assert wrong_keys(s) == []
        assert got == {"ev-full": ("Alpha League", "Bland", 1, 2), "ev-bare": (None, None, 0, 0)}
        assert lib.total() > 2  # the corpus was loaded beside the user's records
        mine = EventFilter(date_from="1996-04", date_to="1997")
        assert lib.rows(mine, sort="annotations", descending=True)[0].id == "ev-full"
    finally:
        lib.close()
    backed_up_before_upgrade(path, "0003")


def test_downgrade_to_0003_keeps_the_links_and_upgrade_backfills_again(db_path):
    from alembic import command

    con = sqlite3.connect(db_path)
    links = con.execute("SELECT count(*) FROM event_organisations").fetchone()[0]
    con.close()
    engine = make_engine(db_path)
    with engine.execution_options(azrel_write=True).begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    engine.dispose()
    con = sqlite3.connect(db_path)
    columns = {r[1] for r in con.execute("PRAGMA table_info(events)")}
    assert not columns & set(TRUTH)
    assert con.execute("SELECT count(*) FROM event_organisations").fetchone()[0] == links
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%sort%'"
                       ).fetchone()[0] == 0
    con.close()
    engine = make_engine(db_path)
    migrate(engine)
    engine.dispose()
    con = sqlite3.connect(db_path)
    assert wrong_keys(con) == []
    assert con.execute("SELECT count(*) FROM events WHERE sort_organisations IS NOT NULL").fetchone()[0] > 0
    con.close()
