"""The analysis page's counts (core/query/analysis.py through the facade): checked against the
timeline's own rows under the same filter, and exported as safe CSV."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from azrel_desktop.core.output.export import BOM
from azrel_desktop.core.query.analysis import NONE_ID, OTHER_ID
from azrel_desktop.core.query.filters import EventFilter


def _rows(lib, f):
    return lib.rows(f, limit=100_000)


def _nato(lib) -> str:
    return next(link.id for link in lib.records("organisation") if link.label.endswith("(NATO)"))


@pytest.mark.parametrize("period", ["year", "month"])
def test_organisation_counts_match_the_timeline_rows(shared_library, period):
    lib = shared_library
    f = EventFilter(date_from="1992", date_to="2010")
    table = lib.counts_per_period(f, "organisation", period, top=100)
    width = 4 if period == "year" else 7
    expected: Counter = Counter()
    events: Counter = Counter()
    spanning = 0
    for r in _rows(lib, f):
        if r.date_start[:width] != r.date_end[:width]:
            spanning += 1
            continue
        events[r.date_start[:width]] += 1
        for org in r.organisation_ids or (NONE_ID,):
            expected[(r.date_start[:width], org)] += 1
    got = Counter({(p, s.id): n for s in table.series for p, n in zip(table.periods, s.counts, strict=True) if n})
    assert got == expected
    assert table.spanning == spanning
    assert dict(zip(table.periods, table.events, strict=True)) == {p: events.get(p, 0) for p in table.periods}
    assert sum(table.events) + spanning == lib.count(f)
    # every period between the first and the last is there, empty ones included
    assert list(table.periods) == sorted(table.periods) and len(set(table.periods)) == len(table.periods)
    if period == "year":
        assert [int(p) for p in table.periods] == list(range(int(table.periods[0]), int(table.periods[-1]) + 1))


def test_the_busiest_get_series_and_the_rest_is_other(shared_library):
    lib = shared_library
    full = lib.counts_per_period(EventFilter(), "country", top=100)
    top3 = lib.counts_per_period(EventFilter(), "country", top=3)
    named = [s for s in full.series if s.id not in (NONE_ID, OTHER_ID)]
    assert [s.id for s in top3.series[:3]] == [s.id for s in sorted(named, key=lambda s: -s.total)[:3]]
    other = next(s for s in top3.series if s.id == OTHER_ID)
    assert other.total == sum(s.total for s in named) - sum(s.total for s in top3.series[:3])


def test_counts_follow_the_filter(shared_library):
    lib = shared_library
    f = EventFilter(organisations=(_nato(lib),))
    table = lib.counts_per_period(f, "organisation")
    assert sum(table.events) == lib.count(f) - table.spanning
    # the filter takes NATO's own bodies too (KFOR, the partnership…): each event has one of them
    assert NONE_ID not in {s.id for s in table.series}
    assert table.series[0].id == _nato(lib)
    assert table.series[0].total < sum(table.events) <= sum(s.total for s in table.series)


def test_sources_per_period_counts_events_each_source_supports(shared_library):
    lib = shared_library
    f = EventFilter(date_from="1994", date_to="1994")
    table = lib.counts_per_period(f, "source", top=100)
    for s in table.series:
        if s.id in (NONE_ID, OTHER_ID):
            continue
        assert s.total <= lib.count(EventFilter(date_from="1994", date_to="1994", sources=(s.id,)))
    assert sum(s.total for s in table.series) >= sum(table.events)


def test_sources_per_event_distribution(shared_library):
    lib = shared_library
    f = EventFilter(date_from="1997")
    dist = lib.sources_per_event(f)
    expected = Counter(min(r.source_count, 5) for r in _rows(lib, f))
    assert dict(enumerate(dist.counts)) == {i: expected.get(i, 0) for i in range(6)}
    assert dist.bins[-1] == "5 or more" and sum(dist.counts) == lib.count(f)


def test_an_empty_filter_result_is_an_empty_table(shared_library):
    table = shared_library.counts_per_period(EventFilter(text="zzzznotawordzzzz"), "organisation")
    assert table.periods == () and table.series == () and table.rows() == []


def test_a_bad_grouping_is_refused_with_a_sentence(shared_library):
    with pytest.raises(ValueError, match="cannot group events by 'kind'"):
        shared_library.counts_per_period(EventFilter(), "kind")


def test_the_table_exports_as_safe_csv_with_the_mark(shared_library):
    table = shared_library.counts_per_period(EventFilter(), "organisation")
    out = io.StringIO(newline="")
    assert shared_library.export_table(table, out, excel=True) == len(table.periods)
    text = out.getvalue()
    assert text.startswith(BOM + "year,")
    lines = text[1:].split("\r\n")
    assert lines[1].split(",")[0] == table.periods[0]
    assert lines[0].endswith(",events")


def test_a_hostile_label_is_not_a_formula(shared_library):
    from azrel_desktop.core.query.analysis import Distribution

    out = io.StringIO(newline="")
    shared_library.export_table(Distribution(("=1+1",), (3,)), out)
    assert "\r\n'=1+1,3" in out.getvalue() or "\r\n\"'=1+1\",3" in out.getvalue()
