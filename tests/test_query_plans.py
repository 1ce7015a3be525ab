"""The main queries use indexes: EXPLAIN QUERY PLAN never shows a bare table scan of events,
their links, passages or annotations for the timeline page, its count, the facets or the export."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, text

from azrel_desktop.core.query import timeline
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.search import forget_matches
from azrel_desktop.core.query.timeline import SORT_KEYS, order_by

BARE_SCAN = re.compile(r"^SCAN (e|events|event_\w+|passages|ps|annotations|a|x|ci|c|eo|ec|ep)$")

FILTERS = [
    EventFilter(),
    EventFilter(organisations=("org-nato",)),
    EventFilter(date_from="1997", date_to="1999"),
    EventFilter(countries=("AZ",), kinds=("visit",)),
    EventFilter(sources=("src-002",)),
    EventFilter(text="Solana"),
    EventFilter(tags=("check",), annotated=True),
]


@pytest.fixture
def plans(library):
    """Run a call and return (statement, query plan lines) for every SELECT it sent, explained on
    the same connection just before it ran (temporary tables exist only then)."""
    seen: list[tuple[str, list[str]]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            lines = [r[3] for r in cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)]
            seen.append((statement, lines))

    def run(call):
        seen.clear()
        event.listen(library.db.engine, "before_cursor_execute", record)
        try:
            call()
        finally:
            event.remove(library.db.engine, "before_cursor_execute", record)
        return list(seen)

    return run


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: ",".join(k for k, v in f.to_dict().items() if v) or "all")
def test_timeline_page_count_and_facets_use_indexes(library, plans, f):
    for statement, lines in plans(lambda: (library.rows(f, limit=200), library.count(f), library.facets(f))):
        bare = [line for line in lines if BARE_SCAN.match(line)]
        assert bare == [], f"{' '.join(statement.split())[:200]} -> {lines}"


def test_date_ordered_page_reads_the_timeline_index(library, plans):
    (_statement, lines), = plans(lambda: library.rows(EventFilter(), limit=200))
    # the page's rowids come off the index in order; only the page's own rows are sorted again
    first, page = lines[0], lines[1:]
    assert first == "SEARCH e USING INTEGER PRIMARY KEY (rowid=?)"
    assert any("ix_events_timeline" in line for line in page)
    assert sum("TEMP B-TREE FOR ORDER BY" in line for line in lines) == 1
    assert lines[-1] == "USE TEMP B-TREE FOR ORDER BY"


SORT_INDEX = re.compile(r"^SCAN e USING (COVERING )?INDEX ix_events_\w+$")


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", list(SORT_KEYS))
def test_every_sort_key_reads_an_index_in_order(library, sort, descending):
    """Issue #5 (sort change or jump to end): no key, in neither direction, sorts the events."""
    order = order_by(sort, descending)
    with library.db.read() as s:
        for offset in (0, 40):
            lines = [r[3] for r in s.execute(text(
                f"EXPLAIN QUERY PLAN SELECT e.id FROM events e WHERE 1 = 1 ORDER BY {order} LIMIT 200 OFFSET {offset}"))]
            assert not any("TEMP B-TREE" in line for line in lines), lines
            assert any(SORT_INDEX.match(line) for line in lines), lines


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("sort", [k for k in SORT_KEYS if k != "date"])
def test_a_timeline_page_sorted_by_any_key_is_planned_like_the_date_page(library, plans, sort, descending):
    def page_plan(key):
        seen = plans(lambda: library.rows(EventFilter(), sort=key, descending=descending, limit=200, offset=40))
        (_statement, lines), = [(st, ln) for st, ln in seen if "ORDER BY" in st]
        return lines

    date, lines = page_plan("date"), page_plan(sort)
    assert any(SORT_INDEX.match(line) for line in lines), lines
    assert sum("TEMP B-TREE" in line for line in lines) == sum("TEMP B-TREE" in line for line in date), lines


def _counted_in_sql(library, plans, f, table: str):
    """The plan of the statement that counts `f` in SQL (`Library.count` may ask the facet engine
    instead, and a text's matches may be remembered)."""
    forget_matches()

    def count():
        with library.db.read() as s:
            timeline.count_events(s, f)

    (_statement, lines), = [(st, ln) for st, ln in plans(count) if table in st]
    return lines


def test_source_filter_uses_the_citation_source_index(library, plans):
    lines = _counted_in_sql(library, plans, EventFilter(sources=("src-002",)), "FROM events")
    assert any("ix_event_citations_source" in line for line in lines)


def test_text_search_uses_the_fts_index(library, plans):
    # text alone: counted in the index, without reading events
    lines = _counted_in_sql(library, plans, EventFilter(text="Solana"), "event_fts")
    assert lines == ["SCAN event_fts VIRTUAL TABLE INDEX 0:M5"]
    # with another condition: the matches joined to events through an index
    lines = _counted_in_sql(library, plans, EventFilter(text="Solana", kinds=("visit",)), "FROM events")
    assert any("VIRTUAL TABLE INDEX" in line for line in lines)
    assert [line for line in lines if BARE_SCAN.match(line)] == []


def test_export_page_queries_use_indexes(library, plans, tmp_path):
    import io

    for statement, lines in plans(lambda: library.export_events(EventFilter(), io.StringIO())):
        assert [line for line in lines if BARE_SCAN.match(line)] == [], statement
    with library.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM sqlite_temp_master")).scalar() == 0  # temp tables dropped


# Each sort key's own index (its `_desc` twin for a descending sort; the timeline index serves
# the date both ways, read backwards).
SORT_INDEXES = {"date": "ix_events_timeline", "title": "ix_events_sort_title", "kind": "ix_events_kind",
                "organisations": "ix_events_sort_organisations", "countries": "ix_events_sort_countries",
                "sources": "ix_events_sort_sources", "disputed": "ix_events_disputed",
                "evidence": "ix_events_evidence", "annotations": "ix_events_sort_annotations"}


def _page_subquery_plan(library, sort: str, descending: bool) -> list[str]:
    """The plan of the subquery that picks the page's rows for a sort (the outer statement then
    reads those rows' names, in whichever order SQLite finds cheaper for a small table)."""
    trees: list[list[tuple[int, int, str]]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if "ORDER BY" in statement and statement.lstrip().upper().startswith("SELECT"):
            trees.append([(r[0], r[1], r[3]) for r in
                          cursor.connection.execute("EXPLAIN QUERY PLAN " + statement, parameters)])

    event.listen(library.db.engine, "before_cursor_execute", record)
    try:
        library.rows(EventFilter(), sort=sort, descending=descending, limit=200)
    finally:
        event.remove(library.db.engine, "before_cursor_execute", record)
    (tree,) = trees
    (top,) = [node for node, _parent, detail in tree if detail.startswith("LIST SUBQUERY")]
    below, found = {top}, True
    while found:  # every node under the subquery
        found = False
        for node, parent, _detail in tree:
            if parent in below and node not in below:
                below.add(node)
                found = True
    return [detail for node, _parent, detail in tree if node in below and node != top]


@pytest.mark.parametrize("analyzed", [False, True], ids=["as made", "with statistics"])
def test_the_first_page_of_every_sort_walks_that_sorts_own_index(library, plans, analyzed):
    """The page the app sends for each sort, either way, reads its key's own index in order, also
    once SQLite holds statistics of the file (ANALYZE, as a database tool or `PRAGMA optimize`
    leaves them): a plan that sorts every event instead is what a 10–18× slower sort at 100k
    would be."""
    assert set(SORT_INDEXES) == set(SORT_KEYS)
    if analyzed:
        with library.db.write() as s:
            s.execute(text("ANALYZE"))
        with library.db.read() as s:
            assert s.execute(text("SELECT count(*) FROM sqlite_stat1")).scalar() > 0
    for sort, index in SORT_INDEXES.items():
        for descending in (False, True):
            own = f"{index}_desc" if descending and sort != "date" else index
            assert _page_subquery_plan(library, sort, descending) == [f"SCAN e USING COVERING INDEX {own}"], \
                (sort, descending)
