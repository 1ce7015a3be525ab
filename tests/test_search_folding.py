"""Search folds the Azerbaijani letters a reader types without their mark: "Baki" finds "Bakı",
"Seher" finds "Şəhər", "e" finds "ə" — in the events' index and in the sources' full-text index
alike, both ways round, with the highlights still on the text as written."""

from __future__ import annotations

import sqlite3

import pytest

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.search import INDEX_VERSION, fts_query
from azrel_desktop.core.query.source_search import hit_spans, parse_query

EVENT = "ev-1997-02-solana-visits-baku"
TEXT = "Görüş Bakı şəhərində keçirildi. Ölkə başçısı Əliyev Gəncəyə də səfər etdi."


def _event_ids(library, words: str) -> set[str]:
    f = EventFilter(text=words)
    return {r.id for r in library.rows(f, limit=1000)}


@pytest.mark.parametrize(("typed", "written"), [
    ("Baki", "Bakı"), ("Bakı", "Baki"), ("Seher", "Şəhər"), ("Şəhər", "Seher"), ("seherinde", "şəhərində"),
    ("ELIYEV", "Əliyev"), ("Əliyev", "Eliyev"), ("gence", "Gəncəyə"), ("olke", "Ölkə"), ("BAŞÇISI", "basçisi"),
])
def test_the_events_index_folds_both_ways(fresh_library, typed, written):
    library = fresh_library
    library.add_annotation("event", EVENT, f"Qeyd: {written} haqqında.")
    assert EVENT in _event_ids(library, typed), (typed, written)


def test_folding_does_not_make_every_word_match(fresh_library):
    library = fresh_library
    library.add_annotation("event", EVENT, "Şəhər mərkəzi")
    assert EVENT in _event_ids(library, "seher merkezi")
    assert EVENT not in _event_ids(library, "sahar")
    assert EVENT not in _event_ids(library, "merkazi")


def test_query_folds_schwa_and_keeps_the_typed_spelling_for_an_older_index():
    assert fts_query("Şəhər") == '("Şeher"* OR "Şəhər"*)'
    assert fts_query("Seher") == '"Seher"*'


def test_an_index_built_before_the_schwa_folding_is_rebuilt_on_open(fresh_library):
    """A file indexed by the previous format (schwa kept) is indexed again when opened."""
    from azrel_desktop.core.service import Library

    library = fresh_library
    library.add_annotation("event", EVENT, "Şəhər")
    path = library.path
    library.close()
    con = sqlite3.connect(path)
    con.execute("UPDATE event_fts SET notes = 'Şəhər' WHERE event_id = ?", (EVENT,))  # as before
    con.execute("UPDATE app_meta SET value = '2' WHERE key = 'search_index'")
    con.commit()
    con.close()
    again = Library.open(path)
    try:
        with again.db.read() as s:
            from sqlalchemy import text

            assert s.execute(text("SELECT value FROM app_meta WHERE key = 'search_index'")).scalar() == INDEX_VERSION
        assert EVENT in _event_ids(again, "Seher")
    finally:
        again.close()


def test_source_search_folds_both_ways_and_highlights_the_original(library, sample_files):
    report, _ = library.import_sources([sample_files.write("gorus.txt", TEXT)])
    sid = report.outcomes[0].source_id
    for typed in ("Baki", "bakı", "BAKI", "seherinde", "ŞƏHƏRİNDƏ", "eliyev", "Əliyev", "gence", "olke", "Ölkə"):
        assert [r.id for r in library.sources(typed, own_only=True)] == [sid], typed
    assert library.sources("sahar", own_only=True) == []
    spans = library.source_hits(sid, "Baki seher eliyev")
    text = library.source(sid).text
    assert [text[s:e] for s, e in spans] == ["Bakı", "Əliyev"]
    spans = library.source_hits(sid, "Seher")  # the last word is a prefix
    assert [text[s:e] for s, e in spans] == ["şəhərində"]


def test_hit_spans_fold_schwa_and_keep_offsets():
    body = "Şəhər, SEHER; şəhərdə. Baki və BAKI, Bakı."
    got = [body[s:e] for s, e in hit_spans(body, parse_query('"seher"'))]
    assert got == ["Şəhər", "SEHER"]
    got = [body[s:e] for s, e in hit_spans(body, parse_query("Şəhərd"))]
    assert got == ["şəhərdə"]
    got = [body[s:e] for s, e in hit_spans(body, parse_query('"bakı"'))]
    assert got == ["Baki", "BAKI", "Bakı"]


def test_source_titles_fold_too(library, sample_files):
    report, _ = library.import_sources([sample_files.write("t.txt", "Only the body.")])
    sid = report.outcomes[0].source_id
    library.update_source_metadata(sid, title="Gəncə görüşü")
    assert [r.id for r in library.sources("gence gorusu", own_only=True)] == [sid]


def _migrate(path, revision: str, *, down: bool = False) -> None:
    from alembic import command

    from azrel_desktop.core.store.database import alembic_config, make_engine

    engine = make_engine(path)
    with engine.execution_options(azrel_write=True).begin() as conn:
        (command.downgrade if down else command.upgrade)(alembic_config(conn), revision)
    engine.dispose()


def _hits(path, words: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM source_fts WHERE source_fts MATCH ?", (words,)).fetchone()[0]
    finally:
        con.close()


def _add_source(path, sid: str, title: str, body: str) -> None:
    con = sqlite3.connect(path)
    con.execute("INSERT INTO sources(id, title, text, sha256, kind, language, is_seed) "
                "VALUES (?, ?, ?, 'x', 'article', 'az', 0)", (sid, title, body))
    con.commit()
    con.close()


def test_the_migration_folds_what_was_indexed_before_it(tmp_path):
    """Migration 0015 fills the sources' index again with the new fold (its triggers fold new
    rows), and its downgrade puts the old fold back."""
    path = tmp_path / "m.sqlite3"
    _migrate(path, "0012")
    _add_source(path, "s1", "Şəhər", "Bakı şəhəri")
    assert _hits(path, "seher") == 0 and _hits(path, "baki") == 1
    _migrate(path, "0015")
    assert _hits(path, "seher") == 1 and _hits(path, "seheri") == 1
    _add_source(path, "s2", "Gəncə", "x")
    assert _hits(path, "gence") == 1
    _migrate(path, "0012", down=True)
    assert _hits(path, "seher") == 0 and _hits(path, "gence") == 0 and _hits(path, "baki") == 1
