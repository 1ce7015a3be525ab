"""Timeline queries: counting, paging, sorting, row positions and facets (core/timeline.py)."""

from __future__ import annotations

import sqlite3
import string

import pytest

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.query.timeline import SORT_KEYS, order_by

# Read-only tests share one library per module (tests/conftest.py: `shared_library` checks that
# nothing wrote to it); this module's shared library also holds a few notes.


@pytest.fixture(scope="module")
def ro_library(ro_library):
    """conftest's shared library, plus a few notes so that sorting and counting by annotations
    is not trivial."""
    ro_library.add_annotation("event", "ev-1997-02-solana-visits-baku", "one")
    ro_library.add_annotation("event", "ev-1997-02-solana-visits-baku", "two")
    ro_library.add_annotation("event", "ev-2020-az-am-peace-agreement", "three")
    return ro_library


@pytest.fixture
def library(shared_library):
    return shared_library


@pytest.fixture
def db_path(shared_library):
    return shared_library.path

FILTERS = [
    EventFilter(),
    EventFilter(organisations=("org-nato",)),
    EventFilter(date_from="1997", date_to="1999"),
    EventFilter(kinds=("visit", "summit"), organisations=("org-nato", "org-cis")),
    EventFilter(sources=("src-001",)),
    EventFilter(text="Azerbaijan"),
    EventFilter(disputed=False, countries=("AZ",)),
]


def all_rows(library, f: EventFilter | None = None, **kw):
    f = EventFilter() if f is None else f
    return library.rows(f, limit=10_000, **kw)


_NOCASE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # SQLite NOCASE folds ASCII only


def _primary(sort: str, row):
    if sort == "title":
        return row.title.translate(_NOCASE)
    if sort == "kind":
        return row.kind
    if sort == "organisations":
        return min(row.organisations) if row.organisations else None
    if sort == "countries":
        return min(row.countries) if row.countries else None
    if sort == "sources":
        return row.source_count
    if sort == "disputed":
        return row.disputed
    if sort == "evidence":
        return row.evidence
    if sort == "annotations":
        return row.annotation_count
    raise AssertionError(sort)


def python_sorted(rows, sort: str, descending: bool) -> list[str]:
    if sort == "date":
        return [r.id for r in sorted(rows, key=lambda r: (r.date_start, r.date_end, r.id), reverse=descending)]
    # ties: by date then id, ascending; the primary key in the chosen direction, NULLs lowest
    ordered = sorted(rows, key=lambda r: (r.date_start, r.id))
    ordered.sort(key=lambda r: (0,) if _primary(sort, r) is None else (1, _primary(sort, r)), reverse=descending)
    return [r.id for r in ordered]


@pytest.fixture
def annotated_library(library):
    return library


@pytest.mark.parametrize("f", FILTERS)
def test_count_equals_rows_across_pages(library, f):
    total = library.count(f)
    assert total > 0
    pages, offset = [], 0
    while True:
        page = library.rows(f, offset=offset, limit=7)
        if not page:
            break
        assert len(page) <= 7
        pages.extend(page)
        offset += 7
    assert len(pages) == total
    assert [r.id for r in pages] == [r.id for r in all_rows(library, f)]
    assert len({r.id for r in pages}) == total


def test_unfiltered_count_is_the_total(library, db_path):
    con = sqlite3.connect(db_path)
    n = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    assert library.total() == library.count(EventFilter()) == n


@pytest.mark.parametrize("sort", sorted(SORT_KEYS))
@pytest.mark.parametrize("descending", [False, True])
def test_sorts_order_rows_correctly(annotated_library, sort, descending):
    lib = annotated_library
    for f in (EventFilter(), EventFilter(organisations=("org-nato",))):
        rows = all_rows(lib, f, sort=sort, descending=descending)
        assert [r.id for r in rows] == python_sorted(rows, sort, descending)
        if sort != "sources":  # (every seed event happens to rest on one source; see below)
            # the primary key really varies, so the comparison is not vacuous
            assert len({repr(_primary(sort, r)) if sort != "date" else r.date_start for r in rows}) > 1


def test_source_and_annotation_counts_of_rows(annotated_library, db_path):
    con = sqlite3.connect(db_path)
    sources = dict(con.execute(
        "SELECT c.event_id, count(DISTINCT p.source_id) FROM event_citations c JOIN passages p "
        "ON p.id = c.passage_id WHERE c.stance = 'supports' GROUP BY c.event_id").fetchall())
    con.close()
    rows = all_rows(annotated_library)
    assert {r.id: r.source_count for r in rows} == {r.id: sources.get(r.id, 0) for r in rows}
    counts = {r.id: r.annotation_count for r in rows if r.annotation_count}
    assert counts == {"ev-1997-02-solana-visits-baku": 2, "ev-2020-az-am-peace-agreement": 1}
    top = all_rows(annotated_library, sort="annotations", descending=True)[:2]
    assert [r.id for r in top] == ["ev-1997-02-solana-visits-baku", "ev-2020-az-am-peace-agreement"]


def test_descending_date_is_the_reverse(library):
    up = [r.id for r in all_rows(library)]
    down = [r.id for r in all_rows(library, descending=True)]
    assert down == up[::-1]


def test_unknown_sort_is_refused(library):
    with pytest.raises(ValueError):
        library.rows(EventFilter(), sort="e.id; DROP TABLE events")
    with pytest.raises(ValueError):
        order_by("nonsense")


@pytest.mark.parametrize("f", FILTERS[:4])
@pytest.mark.parametrize("sort", ["date", "title", "organisations", "annotations"])
def test_row_index_agrees_with_rows(annotated_library, f, sort):
    lib = annotated_library
    for descending in (False, True):
        rows = all_rows(lib, f, sort=sort, descending=descending)
        for i, r in enumerate(rows):
            assert lib.row_index(f, r.id, sort=sort, descending=descending) == i
    hidden = {r.id for r in all_rows(lib)} - {r.id for r in all_rows(lib, f)}
    for event_id in list(hidden)[:5]:
        assert lib.row_index(f, event_id, sort=sort) is None
    assert lib.row_index(f, "ev-does-not-exist") is None


def test_rows_carry_their_values(library, db_path):
    con = sqlite3.connect(db_path)
    db = {r[0]: r for r in con.execute("SELECT id, date, date_start, date_end, precision, title, kind, disputed "
                                       "FROM events")}
    orgs = con.execute("SELECT event_id, organisation_id FROM event_organisations").fetchall()
    con.close()
    for row in all_rows(library):
        assert (row.id, row.date, row.date_start, row.date_end, row.precision, row.title, row.kind,
                row.disputed) == (*db[row.id][:7], bool(db[row.id][7]))
        assert set(row.organisation_ids) == {o for e, o in orgs if e == row.id}
        assert len(row.organisations) == len(row.organisation_ids)
        assert row.date_label
    pfp = next(r for r in all_rows(library) if r.id == "ev-1994-05-04-az-signs-pfp")
    assert pfp.date_label == "4 May 1994" and set(pfp.organisations) == {"NATO", "PfP"}


# --- facets ---------------------------------------------------------------------------------------

FACET_FILTERS = [
    EventFilter(),
    EventFilter(organisations=("org-nato",)),
    EventFilter(organisations=("org-nato",), kinds=("visit",)),
    EventFilter(date_from="1997", date_to="1999", countries=("AZ",)),
    EventFilter(kinds=("visit", "summit"), sources=("src-002",)),
    EventFilter(text="Aliyev", disputed=False),
]


@pytest.mark.parametrize("f", FACET_FILTERS)
def test_facet_counts_are_what_choosing_the_option_gives(library, f):
    facets = library.facets(f)
    assert facets.total == library.count(f)
    for dim in ("organisations", "countries", "people", "kinds", "sources"):
        options = getattr(facets, dim)
        assert options, dim
        assert len({o.value for o in options}) == len(options)
        for option in options:
            chosen = f.without(dim).toggled(dim, option.value)
            assert option.count == library.count(chosen), (dim, option.value)
        # options come most-frequent first
        assert [o.count for o in options] == sorted((o.count for o in options), reverse=True)


def test_facets_list_every_option_of_the_corpus(library, db_path):
    con = sqlite3.connect(db_path)
    n_orgs = con.execute("SELECT count(*) FROM organisations").fetchone()[0]
    kinds = {k for (k,) in con.execute("SELECT DISTINCT kind FROM events")}
    con.close()
    facets = library.facets(EventFilter())
    assert len(facets.organisations) == n_orgs
    assert {k.value for k in facets.kinds} == kinds
    nato = next(o for o in facets.organisations if o.value == "org-nato")
    pa = next(o for o in facets.organisations if o.value == "org-nato-pa")
    assert nato.label == "NATO" and pa.detail == "org-nato"
    assert nato.count > pa.count > 0


@pytest.mark.parametrize("f", FACET_FILTERS)
def test_facet_totals(library, f):
    facets = library.facets(f)
    assert sum(y.count for y in facets.years) == facets.total
    assert sum(k.count for k in facets.kinds) == library.count(f.without("kinds"))
    assert facets.disputed == library.count(f.without("disputed").__class__(**{
        **f.__dict__, "disputed": True}))
    assert facets.annotated == library.count(EventFilter(**{**f.__dict__, "annotated": True}))
    for y in facets.years:
        assert y.count == sum(1 for r in all_rows(library, f) if r.date_start[:4] == y.value)


def test_tag_and_annotated_facets(fresh_library):
    library = fresh_library
    library.add_annotation("event", "ev-1996-pfp-implementation-begins", "a", tags=["alpha", "beta"])
    library.add_annotation("passage", "p002-pa-observer", "b", tags=["alpha"])
    for f in (EventFilter(), EventFilter(tags=("beta",)), EventFilter(organisations=("org-nato-pa",))):
        facets = library.facets(f)
        assert facets.tags and {t.value for t in facets.tags} <= {"alpha", "beta"}
        for t in facets.tags:
            assert t.count == library.count(f.without("tags").toggled("tags", t.value)), t
        assert facets.annotated == library.count(EventFilter(**{**f.__dict__, "annotated": True}))
    tags = {t.value: t.count for t in library.facets(EventFilter()).tags}
    assert tags["beta"] == 1 and tags["alpha"] >= 2
    assert {t.value for t in library.facets(EventFilter(organisations=("org-nato-pa",))).tags} == {"alpha"}
