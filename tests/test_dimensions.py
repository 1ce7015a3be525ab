"""The filter's dimensions as a registry: every dimension is one object, and the filter, the
chips, the facet engine, the command line, README's filter table and the plain-SQL baseline
all follow the registry, so a dimension added there is present everywhere or a test fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import text

from azrel_desktop.core.bench.plain_sql import FACETS
from azrel_desktop.core.cli import build_parser
from azrel_desktop.core.query.dimensions import LISTS, REGISTRY, ListDimension
from azrel_desktop.core.query.filters import EventFilter, compile_filter, describe

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _example(library, dim) -> EventFilter:
    """A filter with just this dimension active, on a value the corpus has."""
    with library.db.read() as s:
        if dim.name == "dates":
            return EventFilter(date_from="1997", date_to="1999")
        if dim.name == "disputed":
            return EventFilter(disputed=True)
        if dim.name == "annotated":
            return EventFilter(annotated=True)
        if dim.name == "text":
            return EventFilter(text="Solana")
        if dim.name == "tags":
            return EventFilter(tags=("t1",))
        if dim.name == "origins":
            return EventFilter(origins=("corpus",))
        value = {"organisations": "SELECT id FROM organisations WHERE abbreviation = 'NATO'",
                 "countries": "SELECT id FROM countries ORDER BY id LIMIT 1",
                 "people": "SELECT id FROM people ORDER BY id LIMIT 1",
                 "kinds": "SELECT kind FROM events ORDER BY kind LIMIT 1",
                 "sources": "SELECT id FROM sources ORDER BY id LIMIT 1",
                 "evidence": "SELECT evidence FROM events WHERE evidence = 'uncorroborated' LIMIT 1"}[dim.name]
        return EventFilter(**{dim.name: (s.execute(text(value)).scalar_one(),)})


@pytest.mark.parametrize("dim", REGISTRY, ids=lambda d: d.name)
def test_each_dimension_compiles_with_bound_values_and_describes_itself(library, dim):
    f = _example(library, dim)
    assert dim.active(f) and not dim.active(EventFilter())
    compiled = compile_filter(f)
    assert compiled.where != "1 = 1"
    assert compiled.params or dim.name == "annotated", "a dimension's value reaches SQL as a bound parameter"
    for value in compiled.params.values():
        if isinstance(value, str) and len(value) > 3:
            assert value not in compiled.where
    assert compile_filter(f, exclude=dim.name).where == "1 = 1"
    with library.db.read() as s:
        chips = describe(s, f)
    assert chips and all(c.label for c in chips)
    for chip in chips:
        assert not dim.active(f.without(chip.dimension, chip.value)) or chip.dimension in ("date_from", "date_to")
    assert f.only(dim.name) == f


def test_every_list_dimension_has_a_panel_section_and_a_facet(library):
    facets = library.facets(EventFilter())
    for dim in LISTS:
        assert dim.title
        assert dim.name in facets.lists
        assert getattr(facets, dim.name) is facets.lists[dim.name]


def test_the_command_line_offers_exactly_the_registrys_options():
    parser = build_parser()
    export = parser._subparsers._group_actions[0].choices["export"]
    offered = {o for a in export._actions for o in a.option_strings}
    for dim in REGISTRY:
        for option in dim.cli:
            assert option.flag in offered


def test_readmes_filter_table_lists_the_registrys_options_and_no_others():
    table = README.split("Filters (repeat an option", 1)[1].split("\n\n", 2)[1]
    documented = set(re.findall(r"`(--[a-z-]+)", table))
    registry = {o.flag for d in REGISTRY for o in d.cli}
    assert documented == registry


def test_the_plain_sql_baseline_counts_every_list_dimension():
    assert {d.name for d in LISTS} <= set(FACETS)


def test_a_list_dimension_toggles_its_values():
    dim = next(d for d in LISTS if d.name == "countries")
    assert isinstance(dim, ListDimension)
    f = dim.toggled(EventFilter(), "x")
    assert f.countries == ("x",) and dim.toggled(f, "x") == EventFilter()
    assert EventFilter(countries=("a", "b")).without("countries", "a").countries == ("b",)
