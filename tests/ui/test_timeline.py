"""The timeline page: filter panel, chips and count, table, chart and detail kept in step."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui.common.widgets import plain_tooltip
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.timeline.event_detail import LinkLabel
from azrel_desktop.ui.timeline.timeline_page import TimelinePage


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


@pytest.fixture
def page(qtbot, ctx):
    p = TimelinePage(ctx)
    qtbot.addWidget(p)
    p.resize(1280, 760)
    p.show()
    settle(qtbot, p)
    return p


def settle(qtbot, page):
    """Wait until the table's rows, the facet counts and the chart are all loaded."""
    qtbot.waitUntil(lambda: not page.is_loading() and not page.panel.facets_busy() and not page.chart.busy())


def test_nato_1997_1999_gives_the_library_count_and_rows(qtbot, page, library, loaded, fetched):
    f = EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999")
    with qtbot.waitSignal(page.filterChanged):
        page.set_filter(f)
    loaded(page)
    expected = library.count(f)
    assert 0 < expected < library.total()
    assert page.chips.count_text() == f"{expected} of {library.total()} events"
    assert fetched(page) == [r.id for r in library.rows(f, limit=10_000)]
    assert [c.chip.label for c in page.chips.chips] == [c.label for c in library.describe(f)]
    settle(qtbot, page)
    assert {it.row.id for it in page.chart.canvas.items} == set(fetched(page))


def test_checking_an_organisation_in_the_panel_filters(qtbot, page, library, loaded):
    org = nato(library)
    item = page.panel.sections["organisations"].item(org)
    assert item is not None
    with qtbot.waitSignal(page.filterChanged) as sig:
        item.setCheckState(0, Qt.CheckState.Checked)
    assert sig.args[0] == EventFilter(organisations=(org,))
    loaded(page)
    assert page.model.total() == library.count(EventFilter(organisations=(org,)))
    settle(qtbot, page)
    facets = library.facets(EventFilter(organisations=(org,)))
    countries = page.panel.sections["countries"]
    for fv in facets.countries:
        assert countries.count_of(fv.value) == fv.count
    kinds = page.panel.sections["kinds"]
    for fv in facets.kinds:
        assert kinds.count_of(fv.value) == fv.count


def test_organisation_bodies_are_nested_under_their_parent(qtbot, page, library):
    section = page.panel.sections["organisations"]
    bodies = [link for link in library.records("organisation") if link.role]
    assert bodies
    for body in bodies:
        parent = section.item(body.id).parent()
        assert parent is not None and parent.data(0, Qt.ItemDataRole.UserRole) == body.role
    counts = {fv.value: fv.count for fv in library.facets(EventFilter()).organisations}
    assert section.count_of(nato(library)) == counts[nato(library)]


def test_facet_results_for_an_old_filter_are_dropped(qtbot, page, library):
    f1 = EventFilter(kinds=("visit",))
    f2 = EventFilter(kinds=("summit",))
    page.panel.set_filter(f1)
    page.panel.set_filter(f2)  # the f1 result, if it arrives later, is stale
    with qtbot.waitSignal(page.panel.facetsUpdated) as sig:
        pass
    assert sig.args[0].facets.total == library.count(f2)
    settle(qtbot, page)
    assert page.panel.last_bundle.facets.total == library.count(f2)


def test_removing_a_chip_removes_that_part_of_the_filter(qtbot, page, library, loaded):
    org = nato(library)
    page.set_filter(EventFilter(organisations=(org,), date_from="1997", date_to="1999"))
    loaded(page)
    chip = next(c for c in page.chips.chips if c.chip.dimension == "organisations")
    with qtbot.waitSignal(page.filterChanged) as sig:
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert sig.args[0] == EventFilter(date_from="1997", date_to="1999")
    loaded(page)
    assert page.filter() == EventFilter(date_from="1997", date_to="1999")
    assert [c.chip.dimension for c in page.chips.chips] == ["dates"]
    assert page.chips.count_text() == f"{library.count(page.filter())} of {library.total()} events"
    assert page.panel.sections["organisations"].checked() == ()
    qtbot.mouseClick(page.chips.chips[0], Qt.MouseButton.LeftButton)
    assert page.filter() == EventFilter()
    assert page.panel.dates.date_from.text() == ""


def test_partial_dates_are_accepted_and_bad_ones_explained(qtbot, page, library, loaded):
    dates = page.panel.dates
    qtbot.keyClicks(dates.date_from, "spring 1998")
    with qtbot.waitSignal(page.filterChanged) as sig:
        dates.date_from.returnPressed.emit()
    assert sig.args[0].date_from == "spring 1998"
    assert dates.message.isHidden()
    loaded(page)
    assert page.model.total() == library.count(EventFilter(date_from="spring 1998"))
    before = page.filter()
    dates.date_to.setText("the year of the dragon")
    with qtbot.assertNotEmitted(page.filterChanged):
        dates.date_to.returnPressed.emit()
    assert not dates.message.isHidden()
    assert "the year of the dragon" in dates.message.text()
    assert page.filter() == before
    dates.date_to.setText("1997")  # ends before it starts: neither bound applies, and the chips say so
    with qtbot.waitSignal(page.filterChanged):
        dates.date_to.returnPressed.emit()
    assert not dates.message.isHidden() and page.filter() == EventFilter()
    assert page.chips.notice_texts() == ["From “spring 1998” to “1997” is not a window: dates ignored"]
    dates.date_to.setText("1999-05")
    with qtbot.waitSignal(page.filterChanged):
        dates.date_to.returnPressed.emit()
    assert page.filter() == EventFilter(date_from="spring 1998", date_to="1999-05")


@pytest.mark.parametrize("text", ['"unbalanced', "NATO OR", "(*:^-)", "<b>x</b>", "Solana"])
def test_search_accepts_any_characters(qtbot, page, library, text, loaded):
    page.panel.search.setText(text)
    with qtbot.waitSignal(page.filterChanged) as sig:
        page.panel.search.returnPressed.emit()
    assert sig.args[0].text == text
    loaded(page)
    assert page.model.total() == library.count(EventFilter(text=text))
    if text == "Solana":
        assert page.model.total() > 0
    chip = next(c for c in page.chips.chips if c.chip.dimension == "text")
    assert text in chip.text().replace("&&", "&")


def test_disputed_and_annotated_controls(qtbot, page, library, loaded, fetched):
    panel = page.panel
    with qtbot.waitSignal(page.filterChanged) as sig:
        panel.disputed.setCurrentIndex(1)
    assert sig.args[0].disputed is True
    loaded(page)
    assert page.model.total() == library.count(EventFilter(disputed=True)) > 0
    settle(qtbot, page)
    assert f"({library.count(EventFilter(disputed=True))})" in panel.disputed.itemText(1)
    panel.disputed.setCurrentIndex(0)
    event_id = library.rows(EventFilter(), limit=1)[0].id
    library.add_annotation("event", event_id, "a note")
    with qtbot.waitSignal(page.filterChanged) as sig:
        panel.annotated.setChecked(True)
    assert sig.args[0] == EventFilter(annotated=True)
    loaded(page)
    assert fetched(page) == [event_id]


def test_set_filter_updates_the_widgets_without_feedback(qtbot, page, library):
    org = nato(library)
    f = EventFilter(organisations=(org,), kinds=("visit",), text="Solana", date_from="1997", disputed=False)
    with qtbot.assertNotEmitted(page.panel.filterChanged):
        page.panel.set_filter(f)
        settle(qtbot, page)
    assert page.panel.filter() == f
    assert page.panel.sections["organisations"].checked() == (org,)
    assert page.panel.sections["kinds"].checked() == ("visit",)
    assert page.panel.search.text() == "Solana"
    assert page.panel.dates.date_from.text() == "1997"
    assert page.panel.disputed.currentData() is False


def test_table_selection_drives_chart_and_detail(qtbot, page, library):
    row = 3
    page.table.selectRow(row)
    event_id = page.model.event_id(row)
    assert page.selected_event() == event_id
    assert page.chart.selected() == event_id
    assert page.detail.event_id() == event_id
    settle(qtbot, page)
    assert page.detail.findChild(type(page.detail.placeholder), "eventTitle").text() == library.event(event_id).row.title


def test_clicking_the_chart_selects_in_the_table(qtbot, page, library):
    canvas = page.chart.canvas
    target = next(it for it in canvas.items if canvas.item_view_rect(it).left() > canvas.LABEL_W)
    canvas.ensure_visible(target)
    pos = canvas.item_view_rect(target).center().toPoint()
    with qtbot.waitSignal(page.chart.eventClicked) as sig:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    clicked = sig.args[0]
    assert page.selected_event() == clicked
    current = page.table.currentIndex()
    assert current.isValid() and page.model.event_id(current.row()) == clicked
    assert page.detail.event_id() == clicked


def test_show_target_event_removes_only_the_filters_that_hide_it(qtbot, page, library, loaded):
    org = nato(library)
    hidden = next(r for r in library.rows(EventFilter(organisations=(org,), date_from="1999")) if r.date_start >= "1999")
    page.set_filter(EventFilter(organisations=(org,), date_from="1990", date_to="1995"))
    loaded(page)
    assert page.model.row_of(hidden.id) is None
    with qtbot.waitSignal(page.selectionChanged):
        page.show_target(Target("event", hidden.id))
    assert page.filter() == EventFilter(organisations=(org,))
    assert page.selected_event() == hidden.id
    assert page.model.event_id(page.table.currentIndex().row()) == hidden.id


def test_back_to_a_timeline_target_restores_filter_and_selection(qtbot, page, library, loaded):
    f = EventFilter(kinds=("visit",))
    page.set_filter(f)
    loaded(page)
    page.table.selectRow(1)
    target = page.current_target()
    assert target.kind == "event" and target.id == page.model.event_id(1)
    page.set_filter(EventFilter())
    loaded(page)
    page.show_target(target)
    loaded(page)
    assert page.filter() == f
    assert page.selected_event() == target.id


def test_detail_shows_date_links_and_supporting_passages(qtbot, page, library):
    event_id = next(r.id for r in library.rows(EventFilter(), limit=200) if r.date_text and r.organisations)
    page.select_event(event_id)
    settle(qtbot, page)
    d = library.event(event_id)
    texts = "\n".join(lbl.text() for lbl in page.detail.findChildren(type(page.detail.placeholder)))
    assert d.row.date_label in texts and d.row.date_text in texts and d.row.date in texts
    link_targets = [w.target for w in page.detail.links]
    for link in d.organisations:
        assert Target("organisation", link.id) in link_targets
    for ref in d.supporting:
        assert Target("source", ref.source_id, passage_id=ref.id, start=ref.start, end=ref.end) in link_targets
    assert [c.ref.id for c in page.detail.passages] == [r.id for r in d.supporting + d.contradicting]


def test_disputed_event_shows_both_sides(qtbot, page, library):
    event_id = library.rows(EventFilter(disputed=True), limit=1)[0].id
    d = library.event(event_id)
    page.select_event(event_id)
    settle(qtbot, page)
    note = page.detail.findChild(type(page.detail.placeholder), "disputeNote")
    assert note is not None and note.isVisible()
    if d.dispute_note:
        assert d.dispute_note in note.text()
    stances = [c.ref.stance for c in page.detail.passages]
    assert stances.count("contradicts") == len(d.contradicting)
    assert stances.count("supports") == len(d.supporting)


def test_html_looking_data_is_shown_literally(qtbot, page, library, db_path):
    evil = "<img src=file:///etc/passwd><b>bold</b>"
    event_id = library.rows(EventFilter(), limit=1)[0].id
    con = sqlite3.connect(db_path)
    con.execute("UPDATE events SET title = ?, summary = ? WHERE id = ?", (evil, evil, event_id))
    con.commit()
    con.close()
    page.model.refresh()
    with qtbot.waitSignal(page.selectionChanged):
        page.select_event(event_id)  # waits for the refreshed rows
    settle(qtbot, page)
    title = page.detail.findChild(type(page.detail.placeholder), "eventTitle")
    assert title.text() == evil
    assert title.textFormat() == Qt.TextFormat.PlainText
    summary = page.detail.findChild(type(page.detail.placeholder), "eventSummary")
    assert summary.text() == evil and summary.textFormat() == Qt.TextFormat.PlainText
    assert page.model.data(page.model.index(page.model.row_of(event_id), 1), Qt.ItemDataRole.ToolTipRole) \
        .startswith(plain_tooltip(evil)[:-4])
    for link in page.detail.findChildren(LinkLabel):
        assert link.textFormat() == Qt.TextFormat.PlainText


def test_note_added_elsewhere_refreshes_the_row(qtbot, page, ctx, library, loaded):
    event_id = page.model.event_id(0)
    _, changes = library.add_annotation("event", event_id, "a note")
    ctx.emit_changes(changes)
    loaded(page)
    row = page.model.row_of(event_id)
    assert page.model.event_row(row).annotation_count == 1


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(organisations=("org-nato",), date_from="1994", date_to="1999")])
def test_disputed_choices_show_what_each_would_give(qtbot, page, library, f):
    page.set_filter(f)
    settle(qtbot, page)
    combo = page.panel.disputed
    assert combo.itemText(1) == f"Only disputed ({library.count(EventFilter(**{**f.__dict__, 'disputed': True}))})"
    assert combo.itemText(2) == f"Only undisputed ({library.count(EventFilter(**{**f.__dict__, 'disputed': False}))})"
    assert library.count(EventFilter(**{**f.__dict__, "disputed": True})) > 0


# --- the table loads in the background (issue #5) -------------------------------------------------


def test_a_slow_load_shows_a_loading_state_after_a_moment_and_the_previous_rows_meanwhile(
        qtbot, page, library, loaded, held_count, fetched):
    before = fetched(page)[:5]
    count_before = page.chips.count_text()
    f = EventFilter(kinds=("visit",))
    page.set_filter(f)
    # Not at once: a load faster than LOADING_SHOWN_AFTER_MS changes the rows without flicker.
    assert page.is_loading() and page.table.loading_label.isHidden()
    assert page.chips.count_text() == count_before
    # the new filter in words while its rows are still on their way
    qtbot.waitUntil(lambda: [c.chip.dimension for c in page.chips.chips] == ["kinds"])
    assert page.model.loading()
    qtbot.waitUntil(lambda: page.table.loading_label.isVisible())
    assert page.chips.count_text() == "Counting events…"
    assert [page.model.event_id(r) for r in range(5)] == before
    assert page.table.palette().color(QPalette.ColorRole.Text) != page.table._palette.color(QPalette.ColorRole.Text)
    held_count.set()
    loaded(page)
    assert page.table.loading_label.isHidden()
    assert page.table.palette().color(QPalette.ColorRole.Text) == page.table._palette.color(QPalette.ColorRole.Text)
    assert page.chips.count_text() == f"{library.count(f)} of {library.total()} events"
    assert fetched(page) == [r.id for r in library.rows(f, limit=10_000)]


def test_selecting_while_rows_load_waits_for_them(qtbot, page, library, loaded, held_count):
    f = EventFilter(kinds=("visit",))
    event_id = library.rows(f, limit=300)[-1].id
    page.set_filter(f)
    assert page.select_event(event_id) is False  # not yet: the rows shown are the old ones
    assert page.selected_event() is None
    with qtbot.waitSignal(page.selectionChanged) as sig:
        held_count.set()
    assert sig.args[0] == event_id and page.selected_event() == event_id
    assert page.model.event_id(page.table.currentIndex().row()) == event_id
    assert page.detail.event_id() == event_id


def test_revealing_while_rows_load_takes_the_filter_that_shows_the_event(qtbot, page, library, held_count):
    org = nato(library)
    hidden = next(r for r in library.rows(EventFilter(organisations=(org,), date_from="1999")) if r.date_start >= "1999")
    page.set_filter(EventFilter(organisations=(org,), date_from="1990", date_to="1995"))
    page.show_target(Target("event", hidden.id))  # queued until the first filter's rows are in
    with qtbot.waitSignal(page.selectionChanged, timeout=10_000) as sig:
        held_count.set()
    assert sig.args[0] == hidden.id
    assert page.filter() == EventFilter(organisations=(org,))
    assert page.model.event_id(page.table.currentIndex().row()) == hidden.id


def test_the_users_own_filter_wins_over_a_reveal_still_waiting(qtbot, page, library, loaded, held_count):
    org = nato(library)
    hidden = next(r for r in library.rows(EventFilter(organisations=(org,), date_from="1999")) if r.date_start >= "1999")
    page.set_filter(EventFilter(organisations=(org,), date_from="1990", date_to="1995"))
    page.show_target(Target("event", hidden.id))
    with qtbot.waitSignal(page.filterChanged):
        page.panel.disputed.setCurrentIndex(1)  # the user goes on filtering meanwhile
    mine = page.filter()
    held_count.set()
    loaded(page)
    settle(qtbot, page)
    assert page.filter() == mine  # not replaced by the revealing filter
    assert page.model.row_of(hidden.id) is None and page.selected_event() is None


def test_selection_is_kept_across_a_sort_and_keyboard_navigation_works(qtbot, page, library, loaded):
    page.table.selectRow(2)
    chosen = page.selected_event()
    page.set_sort("title", True)
    loaded(page)
    assert page.selected_event() == chosen
    assert page.model.event_id(page.table.currentIndex().row()) == chosen
    row = page.table.currentIndex().row()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_event() == page.model.event_id(row + 1) != chosen
    assert page.detail.event_id() == page.selected_event()


def test_selecting_an_event_not_loaded_yet_reads_its_rows_off_the_gui_thread(qtbot, page, library, loaded):
    page.model.page_size = 10
    page.set_sort("title", True)
    loaded(page)
    deep = library.rows(EventFilter(), sort="title", descending=True, limit=10_000)[-2].id
    assert page.model.known_row(deep) is None
    with qtbot.waitSignal(page.selectionChanged) as sig:
        assert page.select_event(deep, source="chart") is False  # not yet
    assert sig.args == [deep] and page.selected_event() == deep
    assert page.model.event_id(page.table.currentIndex().row()) == deep
    assert page.model.rowCount() == library.total() - 1


def test_revealing_an_event_queries_off_the_gui_thread(qtbot, page, library, loaded, monkeypatch):
    import threading

    org = nato(library)
    hidden = next(r for r in library.rows(EventFilter(organisations=(org,), date_from="1999")) if r.date_start >= "1999")
    page.set_filter(EventFilter(organisations=(org,), date_from="1990", date_to="1995"))
    loaded(page)
    threads = []
    for name in ("row_index", "revealing_filter"):
        real = getattr(library, name)
        monkeypatch.setattr(library, name, lambda *a, _real=real, **kw: threads.append(
            threading.current_thread()) or _real(*a, **kw))
    messages = []
    page.ctx.status.connect(messages.append)
    with qtbot.waitSignal(page.selectionChanged, timeout=10_000):
        page.show_target(Target("event", hidden.id))
    assert page.selected_event() == hidden.id and page.filter() == EventFilter(organisations=(org,))
    assert threads and threading.main_thread() not in threads
    assert messages == ["Filters that hid the event were removed: dates"]


@pytest.mark.parametrize("width", [1280, 960])
def test_the_panes_keep_their_widths_whatever_the_filter(qtbot, page, library, width):
    """The centre's contents (chips, the chart's note) change with every filter; the panes beside
    it must not move with them (each move re-laid out and repainted the whole window)."""
    page.resize(width, 760)
    settle(qtbot, page)
    widths = page.splitter.sizes()
    canvas_width = page.chart.canvas.viewport().width()
    for f in (EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999"),
              EventFilter(text="pipeline"), EventFilter(kinds=("visit",)), EventFilter()):
        page.set_filter(f)
        settle(qtbot, page)
        assert page.splitter.sizes() == widths, f
        assert page.chart.canvas.viewport().width() == canvas_width, f


def test_the_evidence_section_counts_each_grade_and_filters_by_it(qtbot, page, library, loaded, fetched):
    section = page.panel.sections["evidence"]
    facets = library.facets(EventFilter())
    assert section.values() == ["corroborated", "single_source", "uncorroborated", "contested"]
    for fv in facets.evidence:
        assert section.count_of(fv.value) == fv.count
    with qtbot.waitSignal(page.filterChanged) as sig:
        section.item("uncorroborated").setCheckState(0, Qt.CheckState.Checked)
    assert sig.args[0] == EventFilter(evidence=("uncorroborated",))
    loaded(page)
    assert fetched(page) == [r.id for r in library.rows(EventFilter(evidence=("uncorroborated",)), limit=10_000)]
    assert [c.chip.label for c in page.chips.chips] == ["evidence is uncorroborated"]
    settle(qtbot, page)
    assert {it.row.evidence for it in page.chart.canvas.items} == {"uncorroborated"}
