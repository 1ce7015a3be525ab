"""Free-text search: fts_query's translation of any input, and what the index finds (core/search.py)."""

from __future__ import annotations

import re
import sqlite3
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.search import fts_query

# Read-only tests share one library per module (tests/conftest.py: `shared_library` checks that
# nothing wrote to it); a test that writes asks for `fresh_library`.


@pytest.fixture
def library(shared_library):
    return shared_library


@pytest.fixture
def db_path(shared_library):
    return shared_library.path

# --- an independent model of what a search should find ------------------------------------


def _tokens(text: str) -> list[str]:
    """Tokens as unicode61 remove_diacritics makes them (for the plain text of the corpus)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i").replace("ə", "e"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", stripped)


def _columns(db_path) -> dict[str, list[list[str]]]:
    """Per event, the tokens of each indexed column: title, summary, cited quotes, notes."""
    con = sqlite3.connect(db_path)
    try:
        out: dict[str, list[list[str]]] = {}
        for eid, title, summary in con.execute("SELECT id, title, summary FROM events"):
            quotes = " ".join(r[0] for r in con.execute(
                "SELECT p.exact FROM event_citations c JOIN passages p ON p.id = c.passage_id "
                "WHERE c.event_id = ?", (eid,)))
            notes = " ".join(r[0] for r in con.execute(
                "SELECT a.body || ' ' || coalesce((SELECT group_concat(tag, ' ') FROM annotation_tags t "
                "WHERE t.annotation_id = a.id), '') FROM annotations a WHERE (a.target_kind = 'event' "
                "AND a.target_id = ?) OR (a.target_kind = 'passage' AND a.target_id IN "
                "(SELECT passage_id FROM event_citations WHERE event_id = ?))", (eid, eid)))
            out[eid] = [_tokens(title), _tokens(summary), _tokens(quotes), _tokens(notes)]
        return out
    finally:
        con.close()


def expected_ids(db_path, words: list[str], *, prefix_last: bool = True, phrase: list[str] | None = None) -> set[str]:
    found = set()
    for eid, cols in _columns(db_path).items():
        tokens = [t for col in cols for t in col]
        ok = True
        for i, w in enumerate(words):
            w = _tokens(w)[0]
            if prefix_last and i == len(words) - 1:
                ok &= any(t.startswith(w) for t in tokens)
            else:
                ok &= w in tokens
        if phrase:
            wanted = [_tokens(w)[0] for w in phrase]
            ok &= any(col[i:i + len(wanted)] == wanted for col in cols for i in range(len(col)))
        if ok:
            found.add(eid)
    return found


def ids(library, text: str) -> set[str]:
    return {r.id for r in library.rows(EventFilter(text=text), limit=10_000)}


# --- fts_query ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, "", "   ", '"', '""', "-", "(", ")", "*", "%", "_", "___", ":", "^",
                                  "\x00", "😀", "\u0301", "- ( ) * : ^ % _ \" '", "\u200d"])
def test_no_words_means_no_text_condition(text):
    assert fts_query(text) is None


def test_every_word_is_quoted_and_the_last_is_a_prefix():
    assert fts_query("NATO Solana") == '"NATO" AND "Solana"*'
    assert fts_query("NATO AND (Solana OR -Baku") == '"NATO" AND "AND" AND "Solana" AND "OR" AND "Baku"*'
    assert fts_query("(Solana OR Baku)") == '"Solana" AND "OR" AND "Baku"'
    assert fts_query("title:NATO^2") == '"title" AND "NATO" AND "2"*'
    assert fts_query("Solana ") == '"Solana"*'
    assert fts_query("Solana.") == '"Solana"'


def test_quoted_phrases():
    assert fts_query('"Secretary General" Solana') == '"Secretary General" AND "Solana"*'
    assert fts_query('"Secretary General"') == '"Secretary General"'
    assert fts_query('Solana "Secretary General') == '"Solana" AND "Secretary General"'
    assert fts_query('"Solana"') == '"Solana"'


def test_nul_and_underscore_separate_words():
    assert fts_query("Sol\x00ana") == '"Sol" AND "ana"*'
    assert fts_query("Solana _") == '"Solana"'
    assert fts_query("xyz_abc") == '"xyz" AND "abc"*'


def test_dotless_i_is_folded_but_the_typed_spelling_still_matches():
    assert fts_query("BAKI") == '"BAKI"*'
    assert fts_query("Bakı") == '("Baki"* OR "Bakı"*)'
    assert fts_query('"Bakı şəhəri" x') == '("Baki şeheri" OR "Bakı şəhəri") AND "x"*'


def test_decomposed_input_is_composed():
    assert fts_query("Hu\u0308sseynli") == '"Hüsseynli"*'


# --- through the index ---------------------------------------------------------------------

HOSTILE = ['"', "-", "AND", "OR", "NOT", "(", ")", "*", "%", "_", "\x00", ":", "^", '"Solana', "Solana\"",
           "NEAR(a b)", "a OR b", "NOT NATO", "-NATO", "NATO*", "*NATO", "col:val", "^NATO", "{title}: x",
           "'", "''", "'); DROP TABLE events; --", "😀", "ə ğ ı ş ç ö ü", "Ə Ğ I Ş Ç Ö Ü", "\u0301",
           "a" * 5000, '"' * 101, "AND OR NOT", "%_%", "\\", "\t\r\n"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(library, text):
    n = library.count(EventFilter(text=text))
    assert 0 <= n <= library.total()
    assert n == len(library.rows(EventFilter(text=text), limit=10_000))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=30))
def test_any_text_never_raises(library, text):
    n = library.count(EventFilter(text=text))
    assert 0 <= n <= library.total()
    if fts_query(text) is None:
        assert n == library.total()


def test_operators_are_words_not_syntax(library, db_path):
    # "NOT" is searched as the word "not" (a prefix, being last), not as an operator
    assert ids(library, "NATO NOT") == expected_ids(db_path, ["NATO", "NOT"])
    assert ids(library, "NATO OR Solana") == expected_ids(db_path, ["NATO", "OR", "Solana"])


def test_words_and_together(library, db_path):
    solana = ids(library, "Solana")
    baku = ids(library, "Baku")
    both = ids(library, "Solana Baku")
    assert solana and baku
    assert both == expected_ids(db_path, ["Solana", "Baku"])
    assert both and both < solana and both <= baku


def test_single_words_match_the_model(library, db_path):
    for word in ("Solana", "NATO", "Kosovo", "treaty", "Russia", "CSTO", "peacekeepers"):
        assert ids(library, word) == expected_ids(db_path, [word]), word


def test_prefix_match_of_the_last_word_only(library, db_path):
    assert ids(library, "Sola") == ids(library, "Solana") == expected_ids(db_path, ["Solana"])
    assert ids(library, "Sola Baku") == set()  # "Sola" is not last, so it must be a whole word
    assert ids(library, "Baku Sola") == expected_ids(db_path, ["Baku", "Sola"])
    assert ids(library, "Baku Sola")


def test_quoted_phrase_is_stricter_than_its_words(library, db_path):
    phrase = ids(library, '"Secretary General"')
    words = ids(library, "Secretary General")
    assert phrase == expected_ids(db_path, ["Secretary", "General"], prefix_last=False,
                                  phrase=["Secretary", "General"])
    assert phrase and phrase <= words
    reversed_phrase = ids(library, '"General Secretary"')
    assert reversed_phrase == expected_ids(db_path, ["General", "Secretary"], prefix_last=False,
                                           phrase=["General", "Secretary"])
    assert reversed_phrase != phrase


def test_case_and_diacritics(library):
    hits = ids(library, "Husseynli")
    assert "ev-2018-08-16-husseynli-csto-interview" in hits
    for variant in ("husseynli", "HUSSEYNLI", "Hüsseynli", "HÜSSEYNLİ", "Hu\u0308sseynli", "hussey"):
        assert ids(library, variant) == hits, variant
    assert ids(library, "Wörner") == ids(library, "Worner") == ids(library, "WERNER")
    assert ids(library, "Worner")


def test_azerbaijani_letters_in_notes(fresh_library):
    library = fresh_library
    event = "ev-1997-02-solana-visits-baku"
    library.add_annotation("event", event, "Ələsgərov Qarabağ şəhəri Bakı Şuşa çörək", tags=["Gəncə"])
    for query in ("Ələsgərov", "ələsgərov", "ƏLƏSGƏROV", "Qarabağ", "qarabag", "QARABAĞ", "Bakı", "BAKI",
                  "baki", "bakı", "Şuşa", "susa", "ŞUŞA", "çörək", "corək", "gəncə", "GƏNCƏ", "Ələs"):
        assert ids(library, query) == {event}, query
    assert ids(library, "Əlxan") == set()


def test_an_index_built_before_the_folding_still_finds_what_is_typed(fresh_library):
    library = fresh_library
    event = "ev-2020-az-am-peace-agreement"
    con = sqlite3.connect(library.path)
    con.execute("UPDATE event_fts SET notes = 'Bakı Qırmızı' WHERE event_id = ?", (event,))  # not folded
    con.commit()
    con.close()
    assert ids(library, "Bakı") == {event}
    assert ids(library, "qırmız") == {event}


def test_notes_and_tags_become_searchable_and_stop_after_delete(fresh_library):
    library = fresh_library
    event = "ev-1999-09-az-platoon-kosovo"
    word, tag = "zyxwvutsrq", "qwertyuiopz"
    assert ids(library, word) == set() and ids(library, tag) == set()
    view, changes = library.add_annotation("event", event, f"A note with {word} in it", tags=[tag])
    assert event in changes.ids
    assert ids(library, word) == {event}
    assert ids(library, tag) == {event}
    assert ids(library, f"{word} Kosovo") == {event}
    library.update_annotation(view.id, "now plughquux", tags=[])
    assert ids(library, word) == set() and ids(library, tag) == set()
    assert ids(library, "plughquux") == {event}
    library.delete_annotation(view.id)
    assert ids(library, "plughquux") == set()
    assert event in ids(library, "Kosovo")


def test_note_on_a_passage_is_found_through_every_event_citing_it(fresh_library):
    library, db_path = fresh_library, fresh_library.path
    con = sqlite3.connect(db_path)
    citing = {r[0] for r in con.execute(
        "SELECT event_id FROM event_citations WHERE passage_id = 'p002-eapc-joined'")}
    con.close()
    assert len(citing) > 1
    view, _ = library.add_annotation("passage", "p002-eapc-joined", "plughxyzzy")
    assert ids(library, "plughxyzzy") == citing
    library.delete_annotation(view.id)
    assert ids(library, "plughxyzzy") == set()
    library.restore_annotation(view)
    assert ids(library, "plughxyzzy") == citing


def test_search_combines_with_other_dimensions(library):
    f = EventFilter(text="Solana", date_from="1998")
    assert {r.id for r in library.rows(f)} == {
        r.id for r in library.rows(EventFilter(text="Solana")) if r.date_end >= "1998-01-01"}
    assert library.count(f) >= 1
