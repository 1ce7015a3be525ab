"""Annotations in the core: saved at once, any text kept exactly, tags normalised,
selections anchored, undo by restore keeps identity."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.annotations import AnnotationError, normalise_tags
from azrel_desktop.core.service import Library


def test_note_is_saved_before_the_call_returns(library, db_path):
    event_id = library.rows(EventFilter(), limit=1)[0].id
    view, changes = library.add_annotation("event", event_id, "first thought", "Check, check ,  sources ")
    assert view.tags == ("Check", "sources")
    assert "annotation" in changes.kinds and event_id in changes.ids
    other = Library.open(db_path)  # a second connection sees it: it is committed
    try:
        assert [a.body for a in other.annotations_for("event", event_id)] == ["first thought"]
    finally:
        other.close()


def test_edit_delete_and_restore_keep_identity(library):
    event_id = library.rows(EventFilter(), limit=1)[0].id
    view, _ = library.add_annotation("event", event_id, "v1", ["a"])
    edited, _ = library.update_annotation(view.id, "v2", ["b"])
    assert (edited.id, edited.body, edited.tags, edited.created_at) == (view.id, "v2", ("b",), view.created_at)
    gone, _ = library.delete_annotation(view.id)
    assert library.annotations() == []
    back, _ = library.restore_annotation(gone)
    assert (back.id, back.body, back.tags, back.created_at) == (view.id, "v2", ("b",), view.created_at)


def test_annotating_a_missing_target_is_refused(library):
    with pytest.raises(AnnotationError, match="no event"):
        library.add_annotation("event", "ev-does-not-exist", "x")
    with pytest.raises(AnnotationError, match="cannot annotate"):
        library.add_annotation("spaceship", "x", "x")


def test_selection_becomes_a_user_passage(library):
    source = library.source(library.records("source")[0].id)
    view, changes = library.annotate_selection(source.id, 10, 30, "look here", ["q"])
    assert view.quote == source.text[10:30] and (view.start, view.end) == (10, 30)
    assert "passage" in changes.kinds
    page = library.source(source.id)
    user = [p for p in page.passages if p.kind == "user"]
    assert len(user) == 1 and user[0].highlight == "user" and user[0].annotations[0].body == "look here"
    with pytest.raises(AnnotationError):
        library.annotate_selection(source.id, 30, 10, "backwards")
    with pytest.raises(AnnotationError):
        library.annotate_selection(source.id, 0, len(source.text) + 5, "too far")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(max_size=300), tags=st.lists(st.text(max_size=20), max_size=4))
def test_any_text_is_kept_exactly(library, body, tags):
    event_id = library.rows(EventFilter(), limit=1)[0].id
    view, _ = library.add_annotation("event", event_id, body, tags)
    stored = next(a for a in library.annotations_for("event", event_id) if a.id == view.id)
    assert stored.body == body.replace("\x00", "")
    assert stored.tags == tuple(sorted(normalise_tags(tags)))
    library.delete_annotation(view.id)


def test_deleting_a_selections_last_note_removes_the_selection_and_undo_restores_it(library):
    source_id = library.records("source")[0].id
    text_ = library.source(source_id).text
    view, _ = library.annotate_selection(source_id, 5, 25, "look", ["x"])
    second, _ = library.add_annotation("passage", view.target_id, "second thought")
    library.delete_annotation(second.id)
    assert [p.kind for p in library.source(source_id).passages].count("user") == 1  # still has a note
    gone, changes = library.delete_annotation(view.id)
    assert "passage" in changes.kinds
    assert [p for p in library.source(source_id).passages if p.kind == "user"] == []
    back, changes = library.restore_annotation(gone)
    assert "passage" in changes.kinds and back.id == view.id and back.target_id == view.target_id
    user = [p for p in library.source(source_id).passages if p.kind == "user"]
    assert [(p.start, p.end, p.quote) for p in user] == [(5, 25, text_[5:25])]
    assert back.tags == ("x",)
