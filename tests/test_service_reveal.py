"""`Library.revealing_filter`: which filter shows an event the current one hides (the timeline
works it out on a worker before it navigates to the event)."""

from __future__ import annotations

from azrel_desktop.core.query.filters import EventFilter


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


def test_only_the_dimensions_that_hide_the_event_are_dropped(library):
    org = nato(library)
    hidden = next(r for r in library.rows(EventFilter(organisations=(org,), date_from="1999")) if r.date_start >= "1999")
    f = EventFilter(organisations=(org,), date_from="1990", date_to="1995")
    assert library.row_index(f, hidden.id) is None
    assert library.revealing_filter(f, hidden.id) == (EventFilter(organisations=(org,)), ("dates",))


def test_a_shown_event_keeps_the_filter_and_an_unknown_one_has_none(library):
    f = EventFilter(kinds=("visit",))
    shown = library.rows(f, limit=1)[0]
    assert library.revealing_filter(f, shown.id) == (f, ())
    assert library.revealing_filter(f, "ev-no-such-event") is None


def test_every_hiding_dimension_is_named(library):
    org = nato(library)
    hidden = next(r for r in library.rows(EventFilter(organisations=(org,), date_from="1999")) if r.date_start >= "1999")
    other_kind = next(k for k in ("visit", "summit", "meeting", "signing") if k != hidden.kind)
    f = EventFilter(organisations=(org,), kinds=(other_kind,), date_from="1990", date_to="1995")
    revealed, hiding = library.revealing_filter(f, hidden.id)
    assert set(hiding) == {"dates", "kinds"}
    assert revealed == EventFilter(organisations=(org,))
    assert library.row_index(revealed, hidden.id) is not None
