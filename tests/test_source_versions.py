"""A new version of a source: the old text kept, every passage re-anchored (exactly, else
approximately), those that cannot be placed listed and kept; none dropped in silence."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz.fuzz import ratio
from sqlalchemy import text

from azrel_desktop.core.corpus.anchoring import Anchor, anchor_at, place
from azrel_desktop.core.store.integrity import check_database

OLD = ("Baku, 3 May. President Ilham Aliyev met the NATO Secretary General in Brussels. "
       "They discussed the Individual Partnership Action Plan in detail. "
       "The minister of defence also attended the meeting of the North Atlantic Council. "
       "A joint statement on energy security was issued after the talks.")
NEW = ("UPDATED. Baku, 3 May. Editor's note: this article was corrected. "
       "President Ilham Aliyev met the NATO Secretary General in Brussels. "
       "They discussed the Individual Partnership Action Plan at great length. "
       "A joint statement on energy security was issued after the talks.")


def _passage(library, source_id, quote, note="n"):
    body = library.source(source_id).text
    start = body.index(quote)
    view, _ = library.annotate_selection(source_id, start, start + len(quote), note)
    return view.target_id


def _cite_from_event(library, passage_id, source_id, event_id="own-ev-1"):
    with library.db.write() as s:
        s.execute(text(
            "INSERT INTO events(id, title, summary, kind, date, date_start, date_end, precision, approximate, "
            "uncertain, disputed, is_seed) VALUES (:e, 'Talks in Brussels', '', 'meeting', '2024-05-03', "
            "'2024-05-03', '2024-05-03', 'day', 0, 0, 0, 0)"), {"e": event_id})
        s.execute(text("INSERT INTO event_citations(event_id, passage_id, source_id, stance) "
                       "VALUES (:e, :p, :s, 'supports')"), {"e": event_id, "p": passage_id, "s": source_id})
        from azrel_desktop.core.query.search import reindex_events

        reindex_events(s, [event_id])


@pytest.fixture
def versioned(library, sample_files):
    first, _ = library.import_sources([sample_files.write("article.txt", OLD)])
    sid = first.outcomes[0].source_id
    ids = {
        "same": _passage(library, sid, "Baku, 3 May."),
        "moved": _passage(library, sid, "President Ilham Aliyev met the NATO Secretary General in Brussels."),
        "changed": _passage(library, sid, "They discussed the Individual Partnership Action Plan in detail."),
        "gone": _passage(library, sid, "The minister of defence also attended the meeting"),
    }
    _cite_from_event(library, ids["changed"], sid)
    return library, sid, ids, sample_files.write("article-v2.txt", NEW)


def test_a_new_version_reanchors_and_lists_what_it_could_not_place(versioned):
    library, sid, ids, new_file = versioned
    report, changes = library.replace_source_text(sid, new_file)
    (outcome,) = report.outcomes
    assert outcome.status == "replaced", outcome.message
    how = {m.passage_id: m.how for m in outcome.moves}
    assert how == {ids["same"]: "exact", ids["moved"]: "exact", ids["changed"]: "fuzzy", ids["gone"]: "lost"}
    assert "1 approximately (check them)" in outcome.message and "1 could not be placed" in outcome.message
    assert [m.passage_id for m in outcome.unplaced] == [ids["gone"]]
    assert outcome.approximate[0].records == ("event own-ev-1",)
    assert {"source", "passage", "event"} <= changes.kinds
    page = library.source(sid)
    assert page.text == NEW
    spans = {p.id: page.text[p.start:p.end] for p in page.passages}
    assert spans[ids["moved"]] == "President Ilham Aliyev met the NATO Secretary General in Brussels."
    assert spans[ids["changed"]].startswith("They discussed the Individual Partnership Action Plan at great length")
    assert ids["gone"] not in spans  # not drawn on a text it is not in...
    info = library.source_info(sid)
    assert info.versions == 1
    assert [(o.passage_id, o.quote) for o in info.orphans] == \
        [(ids["gone"], "The minister of defence also attended the meeting")]  # ...but kept and listed
    with library.db.read() as s:
        old_text = s.execute(text("SELECT text FROM source_versions WHERE source_id = :s"), {"s": sid}).scalar_one()
        assert old_text == OLD
        report_ = check_database(s)
    assert report_.ok, report_.problems
    assert library.annotations_for("passage", ids["gone"])  # its note is still there


def test_the_search_index_follows_a_quote_that_changed(versioned):
    from azrel_desktop.core.query.filters import EventFilter

    library, sid, _ids, new_file = versioned
    assert library.count(EventFilter(text="length")) == 0
    library.replace_source_text(sid, new_file)
    assert library.count(EventFilter(text="length")) == 1


def test_an_orphan_placed_again_by_a_later_version_leaves_the_list(versioned, sample_files):
    library, sid, ids, new_file = versioned
    library.replace_source_text(sid, new_file)
    library.replace_source_text(sid, sample_files.write("article-v3.txt", OLD + " Postscript."))
    info = library.source_info(sid)
    assert info.orphans == () and info.versions == 2
    page = library.source(sid)
    placed = {p.id: page.text[p.start:p.end] for p in page.passages}
    assert placed[ids["gone"]] == "The minister of defence also attended the meeting"


def test_a_file_at_the_same_address_is_a_new_version(library, sample_files):
    first, _ = library.import_sources([sample_files.html("v1.html", paragraphs=["First version of the report text, "
                                                                               "long enough to be an article body."])])
    sid = first.outcomes[0].source_id
    second, _ = library.import_sources([sample_files.html("v2.html", paragraphs=["Second version of the report text, "
                                                                                "long enough to be an article body."])])
    assert second.outcomes[0].status == "replaced" and second.outcomes[0].source_id == sid
    assert "Second version" in library.source(sid).text
    assert len(library.sources(own_only=True)) == 1


def test_a_corpus_text_is_not_replaced(library, sample_files):
    report, _ = library.replace_source_text("src-000", sample_files.write("x.txt", "Another text."))
    assert report.outcomes[0].status == "failed"
    assert "shipped corpus" in report.outcomes[0].message


# --- the property: a placed passage always quotes the text it is placed on -----------------

words = st.sampled_from(["NATO", "Baku", "the", "met", "in", "Brussels", "talks", "and", "a", "plan", ","])
texts = st.lists(words, min_size=3, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(old=texts, data=st.data())
def test_reanchoring_never_places_a_passage_on_other_text_than_its_quote(old, data):
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, len(old)))
    anchor = anchor_at(old, start, end)
    # an edit: something inserted, deleted or replaced somewhere
    i = data.draw(st.integers(0, len(old)))
    j = data.draw(st.integers(i, min(len(old), i + 20)))
    new = old[:i] + data.draw(texts | st.just("")) + old[j:]
    placed = place(new, anchor)
    if placed.anchor is None:
        assert placed.how == "lost"
        assert anchor.exact not in new  # never lost while its quote is there
        return
    a = placed.anchor
    assert 0 <= a.start < a.end <= len(new) and new[a.start:a.end] == a.exact
    if anchor.exact in new:
        assert placed.how in ("same", "exact") and a.exact == anchor.exact
    else:
        assert placed.how == "fuzzy"
        assert ratio(a.exact, anchor.exact) >= 80 and placed.similarity >= 0.8


def test_exact_occurrence_nearest_in_context_wins():
    old = "alpha NATO beta. gamma NATO delta."
    anchor = anchor_at(old, old.index("NATO", 10), old.index("NATO", 10) + 4)
    new = "gamma NATO delta. alpha NATO beta."
    placed = place(new, Anchor(anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix))
    assert placed.how == "exact" and new[placed.anchor.start - 6:placed.anchor.start] == "gamma "


def test_a_damaged_file_salvages_own_sources_with_their_files_and_versions(versioned):
    import sqlite3

    from azrel_desktop.core.service import Library
    from azrel_desktop.core.store import backups

    library, sid, ids, new_file = versioned
    library.replace_source_text(sid, new_file)
    original = library.source_file(sid)
    path = library.path
    library.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    for old in backups.list_backups(path):
        old.path.unlink()
    salvaged = Library.open(path, whole_check=True)
    try:
        assert salvaged.notice and "salvaged" in salvaged.notice
        assert salvaged.source(sid).text == NEW
        assert salvaged.source_file(sid) == original
        info = salvaged.source_info(sid)
        assert info.versions == 1 and [o.passage_id for o in info.orphans] == [ids["gone"]]
        assert [r.id for r in salvaged.sources("great length")] == [sid]
    finally:
        salvaged.close()


def test_a_batch_names_the_source_each_file_replaces(library, sample_files):
    """`versions` (what File → Import sources… sends): each file its own target, the others new."""
    report, _ = library.import_sources([sample_files.write("a.txt", OLD), sample_files.write("b.txt", "Bee.")])
    a, b = (o.source_id for o in report.outcomes)
    quote = "They discussed the Individual Partnership Action Plan"
    _passage(library, a, quote)
    new_a, new_b = sample_files.write("a2.txt", NEW), sample_files.write("b2.txt", "Bee, revised.")
    extra = sample_files.write("c.txt", "A third text.")
    report, changes = library.import_sources([new_a, extra, new_b], versions={new_a: a, str(new_b): b})
    assert [(o.status, o.source_id) for o in report.outcomes][::2] == [("replaced", a), ("replaced", b)]
    assert report.outcomes[1].status == "imported" and report.outcomes[1].source_id not in (a, b)
    assert library.source(a).text == NEW and library.source(b).text == "Bee, revised."
    [moved] = [p for p in library.source(a).passages if p.kind == "user"]
    assert NEW[moved.start:moved.end] == quote
    assert "passage" in changes.kinds
    with pytest.raises(ValueError, match="new version of one source"):
        library.import_sources([new_a, new_b], versions={new_a: a, new_b: a})
