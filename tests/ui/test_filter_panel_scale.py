"""The filter panel on a large archive: long option lists are capped to the busiest options,
with a box to narrow them, and a chosen option always stays listed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from azrel_desktop.core.bench.synthetic import generate
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.ui.shell.runner import wait_for_workers
from azrel_desktop.ui.timeline.filter_panel import FacetSection, FilterPanel


@pytest.fixture(scope="module")
def big_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("scale") / "scale.sqlite3"
    generate(path, events=1200, seed=5).close()  # 600 people: more than a section lists
    return path


@pytest.fixture
def panel(qtbot, big_path):
    lib = Library.open(big_path)
    widget = FilterPanel(lib)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.last_bundle is not None and not widget.facets_busy(), timeout=20000)
    yield widget
    wait_for_workers()
    lib.close()


def listed(section: FacetSection) -> list[str]:
    return [v for v in section.values() if not section.item(v).isHidden()]


def test_long_lists_show_the_busiest_options_and_say_how_many_are_not_listed(panel):
    people = panel.sections["people"]
    facet = panel.last_bundle.facets.people
    assert len(facet) > FacetSection.SHOW_AT_MOST
    assert sorted(listed(people)) == sorted(o.value for o in facet[:FacetSection.SHOW_AT_MOST])
    assert f"{len(facet) - FacetSection.SHOW_AT_MOST:,} more not listed" in people.more.text()
    people.header.setChecked(False)
    assert people.narrow.isHidden() and people.more.isHidden()  # a collapsed section shows neither
    people.header.setChecked(True)
    assert not people.narrow.isHidden() and not people.more.isHidden()


def test_narrowing_finds_options_beyond_the_cap_and_a_checked_one_stays(qtbot, panel):
    people = panel.sections["people"]
    facet = panel.last_bundle.facets.people
    beyond = facet[-1]  # the least busy person is not listed at first
    assert beyond.value not in listed(people)
    people.narrow.setText(beyond.label)
    assert beyond.value in listed(people)
    assert all(beyond.label.casefold() in people.item(v).text(0).casefold() for v in listed(people))
    with qtbot.waitSignal(panel.filterChanged, timeout=5000) as sig:
        people.item(beyond.value).setCheckState(0, Qt.CheckState.Checked)
    assert sig.args[0].people == (beyond.value,)
    people.narrow.clear()
    assert beyond.value in listed(people)  # chosen, so still listed beside the busiest ones
    assert len(listed(people)) == FacetSection.SHOW_AT_MOST + 1


def test_short_lists_have_no_narrow_box(panel):
    kinds = panel.sections["kinds"]
    kinds.header.setChecked(True)
    assert kinds.narrow.isHidden() and kinds.more.isHidden()
    assert panel.filter() == EventFilter()


def test_a_closed_section_builds_its_list_only_when_opened_with_the_newest_counts(qtbot, panel):
    people = panel.sections["people"]
    assert not people.header.isChecked()
    assert people.tree.topLevelItemCount() == 0  # counted, but nothing built while closed

    kinds = panel.last_bundle.facets.kinds
    narrower = EventFilter(kinds=(kinds[0].value,))
    with qtbot.waitSignal(panel.facetsUpdated, timeout=20000) as sig:
        panel.set_filter(narrower)
    assert people.tree.topLevelItemCount() == 0
    people.header.setChecked(True)
    newest = sig.args[0].facets.people
    assert 0 < people.tree.topLevelItemCount() <= FacetSection.SHOW_AT_MOST
    for option in newest[:10]:
        assert people.count_of(option.value) == option.count


def test_reading_a_closed_section_gives_its_current_options(panel):
    sources = panel.sections["sources"]
    assert not sources.header.isChecked()
    busiest = panel.last_bundle.facets.sources[0]
    assert sources.count_of(busiest.value) == busiest.count
