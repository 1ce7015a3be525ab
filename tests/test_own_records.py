"""The user's own records in the core: made from passages of a source, first-class in the
timeline, facets, search, record pages and export at once; changed, deleted and put back;
corpus records read-only but citable, disputed by a contradicting passage."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from sqlalchemy import text

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.drafts import (
    ActorDraft,
    AgreementDraft,
    Cite,
    EventDraft,
    MembershipDraft,
    RecordError,
    StepDraft,
)
from azrel_desktop.core.store.integrity import check_database

NEWS = "src-004"


def span(library, source_id: str, quote: str, stance: str = "supports") -> Cite:
    start, end = library.locate_quote(source_id, quote)
    return Cite(source_id, start, end, stance)


def new_event(library, **kw):
    draft = EventDraft(title=kw.pop("title", "Aliyev meets Putin about regional security"),
                       date=kw.pop("date", "2024-04-22"), kind=kw.pop("kind", "meeting"),
                       countries=kw.pop("countries", ("AZ", "RU")), **kw)
    cite = span(library, NEWS, "Mr Aliyev and Mr Putin shook hands and smiled warmly for the camera")
    return library.create_event(draft, [cite])


def test_a_new_event_is_everywhere_at_once(library):
    before = library.count(EventFilter())
    facets_before = library.facets(EventFilter())
    view, changes = new_event(library, organisations=("org-csto",), summary="Talks on regional security.")
    assert view.mine and view.id.startswith("my-event-") and view.created_at is not None
    assert {"event", "citation", "passage"} <= changes.kinds and view.id in changes.ids
    assert library.count(EventFilter()) == before + 1
    assert library.count(EventFilter(countries=("AZ",), date_from="2024-04", date_to="2024-04")) >= 1
    ids = [r.id for r in library.rows(EventFilter(date_from="2024-04-22", date_to="2024-04-22"))]
    assert view.id in ids
    facets = library.facets(EventFilter())
    csto = facets.organisations.get("org-csto")
    assert csto.count == facets_before.organisations.get("org-csto").count + 1
    assert view.id in [r.id for r in library.rows(EventFilter(text="smiled warmly"))]
    assert view.id in [r.id for r in library.rows(EventFilter(text="regional security talks"))]
    detail = library.event(view.id)
    assert detail.row.title == "Aliyev meets Putin about regional security"
    assert [p.quote for p in detail.supporting] == [
        "Mr Aliyev and Mr Putin shook hands and smiled warmly for the camera"]
    assert detail.supporting[0].kind == "user"
    out = io.StringIO()
    library.export_events(EventFilter(text="smiled warmly"), out)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows[view.id]["quotes"] == "Mr Aliyev and Mr Putin shook hands and smiled warmly for the camera"
    assert "Azerbaijan" in rows[view.id]["countries"]
    with library.db.read() as s:
        assert check_database(s).ok


def test_the_source_page_shows_the_users_citation_by_what_it_supports(library):
    view, _ = new_event(library)
    page = library.source(NEWS)
    mine = [p for p in page.passages if p.kind == "user"]
    assert len(mine) == 1 and [link.id for link in mine[0].supports] == [view.id]
    assert mine[0].highlight == "event"


@pytest.mark.parametrize("change, message", [
    (dict(title="  "), "a title is needed"),
    (dict(date="the thirteenth month"), "cannot read the date"),
    (dict(kind="party"), "unknown event kind"),
    (dict(organisations=("org-nope",)), "no organisation 'org-nope'"),
    (dict(countries=("ZZ",)), "no country 'ZZ'"),
])
def test_a_bad_event_is_refused_with_one_line_and_nothing_saved(library, change, message):
    before = library.count(EventFilter())
    with pytest.raises(RecordError, match=message) as err:
        new_event(library, **change)
    assert "\n" not in str(err.value)
    assert library.count(EventFilter()) == before
    with library.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM passages WHERE kind = 'user'")).scalar() == 0


def test_every_event_cites_a_supporting_passage(library):
    draft = EventDraft("Something", "2024", "other")
    with pytest.raises(RecordError, match="cites at least one passage"):
        library.create_event(draft, [])
    against = span(library, NEWS, "did not reference Nagorno-Karabakh", "contradicts")
    with pytest.raises(RecordError, match="needs a passage that supports it"):
        library.create_event(draft, [against])
    view, _ = new_event(library)
    only = library.citations("event", view.id)[0]
    with pytest.raises(RecordError, match="at least one supporting passage"):
        library.remove_citation("event", view.id, only.passage_id)


def test_dates_keep_the_words_and_the_note(library):
    view, _ = new_event(library, date="spring 1998", date_note="as the source says")
    detail = library.event(view.id)
    assert detail.row.date == "1998-21"
    assert detail.date_note == "as the source says"
    with library.db.read() as s:
        assert s.execute(text("SELECT date_text, date_start, date_end FROM events WHERE id = :i"),
                         {"i": view.id}).one() == ("spring 1998", "1998-03-01", "1998-05-31")


def test_edit_delete_and_restore_keep_identity_citations_and_notes(library):
    view, _ = new_event(library)
    note, _ = library.add_annotation("event", view.id, "follow this up")
    extra = span(library, NEWS, "They said that they had discussed “regional security”")
    library.add_citation("event", view.id, extra)
    before, after, _changes = library.update_record(
        "event", view.id, replace(library.record_draft("event", view.id), title="Aliyev–Putin talks"))
    assert before.title == "Aliyev meets Putin about regional security"
    assert after.label.endswith("Aliyev–Putin talks") and after.updated_at >= after.created_at
    assert view.id in [r.id for r in library.rows(EventFilter(text="Aliyev–Putin"))]
    snapshot, _ = library.delete_record("event", view.id)
    assert view.id not in [r.id for r in library.rows(EventFilter(text="Aliyev–Putin"))]
    assert library.annotations_for("event", view.id)[0].detached
    with library.db.read() as s:  # the passages went with their only citation
        assert s.execute(text("SELECT count(*) FROM passages WHERE kind = 'user'")).scalar() == 0
        assert check_database(s).ok
    back, _ = library.restore_record(snapshot)
    assert (back.id, back.created_at) == (view.id, view.created_at)
    detail = library.event(view.id)
    assert detail.row.title == "Aliyev–Putin talks"
    assert len(detail.supporting) == 2
    assert [a.id for a in detail.annotations] == [note.id]
    assert view.id in [r.id for r in library.rows(EventFilter(text="Aliyev–Putin"))]
    with library.db.read() as s:
        assert check_database(s).ok


def test_corpus_records_are_read_only_but_take_citations_and_notes(library):
    corpus_id = "ev-1992-10-12-az-ru-friendship-treaty"
    draft = library.record_draft("event", corpus_id)
    with pytest.raises(RecordError, match="part of the shipped corpus and cannot be changed") as err:
        library.update_record("event", corpus_id, replace(draft, title="mine now"))
    assert "\n" not in str(err.value)
    with pytest.raises(RecordError, match="shipped corpus"):
        library.delete_record("event", corpus_id)
    assert library.event(corpus_id).row.title == draft.title
    assert not library.event(corpus_id).row.disputed
    against = span(library, NEWS, "Armenian officials have accused Russia of betrayal", "contradicts")
    cited, changes = library.add_citation("event", corpus_id, against)
    assert cited.stance == "contradicts" and "citation" in changes.kinds
    detail = library.event(corpus_id)
    assert detail.row.disputed
    assert [p.quote for p in detail.contradicting] == ["Armenian officials have accused Russia of betrayal"]
    assert detail.supporting  # both sides shown
    assert corpus_id in [r.id for r in library.rows(EventFilter(disputed=True))]
    library.remove_citation("event", corpus_id, cited.passage_id)
    assert not library.event(corpus_id).row.disputed
    assert library.event(corpus_id).dispute_note is None
    first_corpus = library.event(corpus_id).supporting[0]
    with pytest.raises(RecordError, match="part of the shipped corpus"):
        library.remove_citation("event", corpus_id, first_corpus.id)


def test_a_corpus_dispute_survives_a_users_contradiction_coming_and_going(library):
    disputed = library.rows(EventFilter(disputed=True), limit=1)[0]
    note = library.event(disputed.id).dispute_note
    against = span(library, NEWS, "Around 120,000 ethnic Armenians fled after the attack", "contradicts")
    cited, _ = library.add_citation("event", disputed.id, against)
    library.remove_citation("event", disputed.id, cited.passage_id)
    detail = library.event(disputed.id)
    assert detail.row.disputed and detail.dispute_note == note


def test_actors_made_on_the_spot(library):
    body, _ = library.create_actor(ActorDraft("organisation", "Partnership Goals Group", "PGG",
                                              parent_id="org-nato"))
    assert body.mine and body.label == "Partnership Goals Group (PGG)"
    with pytest.raises(RecordError, match="already an organisation named"):
        library.create_actor(ActorDraft("organisation", "partnership goals group"))
    country, _ = library.create_actor(ActorDraft("country", "Mongolia", id="mn"))
    assert country.id == "MN"
    person, _ = library.create_actor(ActorDraft("person", "Jens Stoltenberg", office="NATO Secretary General"))
    view, _ = new_event(library, organisations=(body.id,), countries=("MN",), people=(person.id,))
    # an organisation includes its bodies: NATO's filter finds the event of its new body
    assert view.id in [r.id for r in library.rows(EventFilter(organisations=("org-nato",)), limit=1000)]
    assert [c.id for c in library.choices("organisation", "goals")] == [body.id]
    with pytest.raises(RecordError, match="still named by other records"):
        library.delete_record("organisation", body.id)
    with pytest.raises(RecordError, match="body of itself"):
        library.update_record("organisation", body.id, ActorDraft("organisation", "PGG2", parent_id=body.id))
    library.delete_record("event", view.id)
    snapshot, _ = library.delete_record("person", person.id)
    back, _ = library.restore_record(snapshot)
    assert back.id == person.id and library.person(person.id).office == "NATO Secretary General"


def test_agreements_steps_and_memberships(library):
    cite = span(library, NEWS, "Under a 2020 peace agreement between Azerbaijan and Armenia")
    agreement, _changes = library.create_agreement(
        AgreementDraft("Trilateral statement of 10 November 2020", "ceasefire", countries=("AZ", "AM", "RU")),
        StepDraft("", "signed", "2020"), [cite])
    page = library.agreement(agreement.id)
    assert page.title == "Trilateral statement of 10 November 2020" and len(page.steps) == 1
    step = page.steps[0]
    assert step.step == "signed" and step.citations[0].quote.startswith("Under a 2020 peace agreement")
    withdrawn, _ = library.create_step(StepDraft(agreement.id, "withdrawn", "2024-04~"),
                                       [span(library, NEWS, "the Kremlin pulled 2,000 Russian soldiers out")])
    assert len(library.agreement(agreement.id).steps) == 2
    with pytest.raises(RecordError, match="still named"):
        library.delete_record("agreement", agreement.id)
    snap, _ = library.delete_record("step", withdrawn.id)
    assert len(library.agreement(agreement.id).steps) == 1
    library.restore_record(snap)
    assert len(library.agreement(agreement.id).steps) == 2

    membership, _ = library.create_membership(
        MembershipDraft("AM", "org-csto", "member", start="1994", end=None, note="wants to leave"),
        [span(library, NEWS, "he wants to leave the Kremlin’s CSTO security pact")])
    views = [ms for ms in library.organisation("org-csto").memberships if ms.id == membership.id]
    assert views and views[0].status == "member" and views[0].end_label == "open"
    before, _view, _ = library.update_record("membership", membership.id,
                                             replace(library.record_draft("membership", membership.id),
                                                     status="suspended", start="2024"))
    assert before.status == "member"
    with pytest.raises(RecordError, match=r"ends .* before it starts"):
        library.update_record("membership", membership.id, MembershipDraft("AM", "org-csto", "member",
                                                                           start="2024", end="2020"))
    with library.db.read() as s:
        assert check_database(s).ok


def test_citations_of_steps_and_memberships_mark_them_disputed(library):
    step = library.agreement("agr-az-ru-friendship-1992").steps[0]
    against = span(library, NEWS, "the Kremlin said that they were no longer needed", "contradicts")
    library.add_citation("step", step.id, against)
    assert next(s for s in library.agreement("agr-az-ru-friendship-1992").steps if s.id == step.id).disputed
    with pytest.raises(RecordError, match="cannot be cited"):
        library.add_citation("country", "AZ", against)
    with pytest.raises(RecordError, match="only support"):
        library.add_citation("organisation", "org-csto", against)


def test_check_finds_a_users_citation_that_no_longer_matches(library):
    view, _ = new_event(library)
    with library.db.write() as s:
        s.execute(text("UPDATE passages SET exact = 'something else' WHERE kind = 'user'"))
    with library.db.read() as s:
        report = check_database(s)
    assert any("its quote is no longer at" in p for p in report.problems)
    with library.db.write() as s:
        s.execute(text("DELETE FROM event_citations WHERE event_id = :e"), {"e": view.id})
    with library.db.read() as s:
        report = check_database(s)
    assert any(f"event {view.id} cites no supporting passage" in p for p in report.problems)


def test_read_only_library_refuses_changes(db_path):
    from azrel_desktop.core.service import Library
    from azrel_desktop.core.store.database import DatabaseError, open_database

    library = Library(open_database(db_path, readonly=True))
    try:
        with pytest.raises(DatabaseError, match="read-only"):
            library.create_actor(ActorDraft("person", "Nobody"))
        with pytest.raises(DatabaseError, match="read-only"):
            new_event(library)
    finally:
        library.close()


def test_the_csv_says_whose_each_event_is(library):
    view, _ = new_event(library)
    out = io.StringIO()
    library.export_events(EventFilter(), out)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows[view.id]["origin"] == "mine"
    assert {r["origin"] for i, r in rows.items() if i != view.id} == {"corpus"}
    assert list(rows[view.id])[-3:] == ["origin", "tags", "annotations"]


def test_heads_stored_before_the_origin_column_are_rendered_again(library):
    out = io.StringIO()
    library.export_events(EventFilter(), out)  # the stored heads are rendered, with origin
    with library.db.write() as s:  # as an earlier version of the app left them: no origin cell
        s.execute(text("UPDATE export_rows SET head = substr(head, 1, length(head) - length(',corpus'))"))
        s.execute(text("UPDATE app_meta SET value = substr(value, 1, length(value) - 2) WHERE key = 'export_rows'"))
    out = io.StringIO()
    library.export_events(EventFilter(), out)
    assert {r["origin"] for r in csv.DictReader(io.StringIO(out.getvalue()))} == {"corpus"}


def test_an_organisations_founding_citation_is_optional_and_removable(library):
    org, _ = library.create_actor(ActorDraft("organisation", "Caspian Forum"))
    founded = span(library, NEWS, "Dmitry Peskov")
    cited, _ = library.add_citation("organisation", org.id, founded)
    assert [c.exact for c in library.citations("organisation", org.id)] == ["Dmitry Peskov"]
    with pytest.raises(RecordError, match="already supports"):
        library.add_citation("organisation", org.id, founded)
    library.remove_citation("organisation", org.id, cited.passage_id)
    assert library.citations("organisation", org.id) == []


def test_the_origin_dimension_filters_counts_and_describes(library):
    total = library.count(EventFilter())
    view, _ = new_event(library)
    second, _ = new_event(library, title="Second own event", date="2024-04-23", kind="statement")
    mine = EventFilter(origins=("mine",))
    assert library.count(mine) == 2
    assert {r.id for r in library.rows(mine)} == {view.id, second.id}
    assert library.count(EventFilter(origins=("corpus",))) == total
    assert library.count(EventFilter(origins=("mine", "corpus"))) == total + 2
    assert library.count(EventFilter(origins=("mine",), kinds=("statement",))) == 1
    facets = library.facets(EventFilter(kinds=("meeting",)))
    origins = {o.value: o.count for o in facets.origins}
    assert origins["mine"] == 1
    assert origins["corpus"] == library.count(EventFilter(kinds=("meeting",), origins=("corpus",)))
    assert library.describe_text(mine) == "your own events"
    out = io.StringIO()
    library.export_events(mine, out)
    assert {r["id"] for r in csv.DictReader(io.StringIO(out.getvalue()))} == {view.id, second.id}
