"""Evidence grades: the rule on small constructed cases, their upkeep in a real file, and the
user's grading of their own sources."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from azrel_desktop.core.corpus.evidence import (
    EvidenceError,
    SourceTrust,
    grade,
    refresh_evidence,
)
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library


def trust(**letters: str | None) -> SourceTrust:
    copies = {k: v.split(">")[1] if v and ">" in v else None for k, v in letters.items()}
    grades = {k: (v.split(">")[0] or None) if v else None for k, v in letters.items()}
    return SourceTrust(grades, copies)


@pytest.mark.parametrize(("supporting", "contradicting", "sources", "expected"), [
    (["a", "b"], [], {"a": "B", "b": "C"}, "corroborated"),
    (["a", "a"], [], {"a": "B"}, "single_source"),  # two passages of one source are one witness
    (["a"], [], {"a": "A"}, "single_source"),
    (["a", "b"], [], {"a": "B", "b": "E"}, "single_source"),  # the low one is not needed... nor counted
    (["a", "b"], [], {"a": "D", "b": "E"}, "uncorroborated"),
    (["b"], [], {"b": "E"}, "uncorroborated"),
    ([], [], {}, "uncorroborated"),
    (["a", "b"], ["c"], {"a": "A", "b": "A", "c": "E"}, "contested"),
    ([], ["c"], {"c": "B"}, "contested"),
    (["a", "b"], [], {"a": "B", "b": "C>a"}, "single_source"),  # b reprints a
    (["b", "c"], [], {"a": "B", "b": "C>a", "c": "C>b"}, "single_source"),  # a chain of copies
    (["a", "b"], [], {"a": "F", "b": None}, "corroborated"),  # cannot be judged is not low
])
def test_grade_rule(supporting, contradicting, sources, expected):
    assert grade(supporting, contradicting, trust(**sources)) == expected


def test_a_cycle_of_copies_does_not_hang():
    t = SourceTrust({"a": "B", "b": "B"}, {"a": "b", "b": "a"})
    assert grade(["a", "b"], [], t) in {"single_source", "corroborated"}


@pytest.fixture
def lib_with_own_sources(tmp_path):
    lib = Library.open(tmp_path / "ev.sqlite3")
    with lib.db.write() as s:
        for sid in ("src-mine-1", "src-mine-2"):
            s.execute(text("INSERT INTO sources (id, title, kind, language, text, sha256, is_seed) "
                           "VALUES (:i, :i, 'note', 'en', 'Aliyev met Solana in Brussels.', 'x', 0)"), {"i": sid})
            s.execute(text("INSERT INTO passages (id, source_id, start, \"end\", exact, prefix, suffix, kind, is_seed) "
                           "VALUES (:p, :i, 0, 17, 'Aliyev met Solana', '', ' in Brussels.', 'user', 0)"),
                      {"p": f"p-{sid}", "i": sid})
        s.execute(text("INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain, "
                       "title, summary, kind, disputed, is_seed) VALUES ('ev-mine', '1996-04', '1996-04-01', "
                       "'1996-04-30', 'month', 0, 0, 'My event', '', 'meeting', 0, 0)"))
        for sid in ("src-mine-1", "src-mine-2"):
            s.execute(text("INSERT INTO event_citations (event_id, passage_id, source_id, stance) "
                           "VALUES ('ev-mine', :p, :i, 'supports')"), {"p": f"p-{sid}", "i": sid})
        refresh_evidence(s, "event", ["ev-mine"])
    yield lib
    lib.close()


def _evidence(lib, event_id="ev-mine"):
    with lib.db.read() as s:
        return s.execute(text("SELECT evidence, disputed FROM events WHERE id = :i"), {"i": event_id}).one()


def test_refresh_grades_a_users_event_from_its_citations(lib_with_own_sources):
    assert tuple(_evidence(lib_with_own_sources)) == ("corroborated", 0)


def test_a_contradicting_citation_makes_it_contested_and_disputed(lib_with_own_sources):
    lib = lib_with_own_sources
    with lib.db.write() as s:
        s.execute(text("UPDATE event_citations SET stance = 'contradicts' WHERE passage_id = 'p-src-mine-2'"))
        assert refresh_evidence(s, "event", ["ev-mine"]) == 1
    assert tuple(_evidence(lib)) == ("contested", 1)
    from azrel_desktop.core.query.filters import EventFilter

    assert "ev-mine" in {r.id for r in lib.rows(EventFilter(disputed=True))}


def test_grading_a_source_low_or_as_a_copy_regrades_what_cites_it(lib_with_own_sources):
    lib = lib_with_own_sources
    lib.set_source_reliability("src-mine-2", "c", "a reprint of my first source", copies_id="src-mine-1")
    assert _evidence(lib)[0] == "single_source"
    assert lib.source("src-mine-2").reliability_grade == "C"
    lib.set_source_reliability("src-mine-2", "E", "unreliable after all")
    lib.set_source_reliability("src-mine-1", "D", "not usually reliable")
    assert _evidence(lib)[0] == "uncorroborated"
    lib.set_source_reliability("src-mine-1", None)
    assert _evidence(lib)[0] == "single_source"


@pytest.mark.parametrize(("source", "letter", "copies", "message"), [
    ("src-002", "A", None, "only your own sources"),
    ("src-mine-1", "G", None, "A, B, C, D, E, F"),
    ("src-mine-1", "B", "src-mine-1", "copy of itself"),
    ("src-mine-1", "B", "src-nowhere", "no source"),
    ("src-nowhere", "B", None, "no source"),
])
def test_bad_grades_are_refused_with_one_line_and_change_nothing(lib_with_own_sources, source, letter, copies,
                                                                  message):
    lib = lib_with_own_sources
    with pytest.raises(EvidenceError, match=message) as err:
        lib.set_source_reliability(source, letter, "why", copies_id=copies)
    assert "\n" not in str(err.value)
    assert lib.source("src-002").reliability_grade == "C"
    assert lib.source("src-mine-1").reliability_grade is None


def test_a_cycle_of_copies_is_refused(lib_with_own_sources):
    lib = lib_with_own_sources
    lib.set_source_reliability("src-mine-2", "C", None, copies_id="src-mine-1")
    with pytest.raises(EvidenceError, match="already copies"):
        lib.set_source_reliability("src-mine-1", "C", None, copies_id="src-mine-2")


def test_an_evidence_change_reaches_the_facets_and_the_export_at_once(lib_with_own_sources):
    """A regrade is logged for the derived data (migration 0012's log watches `evidence`):
    the kept facet index and the stored export rows follow it without being read again."""
    import csv
    import io

    from azrel_desktop.core.query.filters import EventFilter

    lib = lib_with_own_sources
    lib.facets(EventFilter())
    lib.export_events(EventFilter(), io.StringIO())  # both derived stores current before the change
    with lib.db.read() as s:
        before = dict(s.execute(text("SELECT id, evidence FROM events")).all())
    lib.set_source_reliability("src-mine-1", "E")
    with lib.db.read() as s:
        grades = dict(s.execute(text("SELECT id, evidence FROM events")).all())
    assert grades != before, "grading the source low must regrade the events it supports"
    counted = {v.value: v.count for v in lib.facets(EventFilter()).evidence if v.count}
    expected: dict[str, int] = {}
    for g in grades.values():
        expected[g] = expected.get(g, 0) + 1
    assert counted == expected
    out = io.StringIO()
    lib.export_events(EventFilter(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["id"]: r["evidence"] for r in rows} == {k: v.replace("_", " ") for k, v in grades.items()}


def test_a_corpus_update_regrades_a_users_event_that_cites_a_corpus_source(tmp_path):
    """The user's event citing doc 002 and doc 004: corroborated; once the corpus grades doc
    004 low (a newer corpus), it is a single source, without the user touching it."""
    import shutil

    import yaml

    from azrel_desktop.core.corpus.seed import ensure_seeded
    from azrel_desktop.core.store.resources import seed_dir

    lib = Library.open(tmp_path / "f.sqlite3")
    with lib.db.write() as s:
        s.execute(text("INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain, "
                       "title, summary, kind, disputed, is_seed) VALUES ('ev-mine', '2006', '2006-01-01', "
                       "'2006-12-31', 'year', 0, 0, 'Mine', '', 'other', 0, 0)"))
        s.execute(text("INSERT INTO event_citations (event_id, passage_id, source_id, stance) VALUES "
                       "('ev-mine', 'p002-simmons-2006', 'src-002', 'supports'), "
                       "('ev-mine', 'p004-aliyev-visit', 'src-004', 'supports')"))
        refresh_evidence(s, "event", ["ev-mine"])
    assert _evidence(lib)[0] == "corroborated"
    folder = tmp_path / "next"
    shutil.copytree(seed_dir(), folder)
    manifest = yaml.safe_load((folder / "corpus.yaml").read_text(encoding="utf-8"))
    manifest["version"] += 1
    (folder / "corpus.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    sources = yaml.safe_load((folder / "sources.yaml").read_text(encoding="utf-8"))
    next(s for s in sources if s["id"] == "src-004")["reliability_grade"] = "D"
    (folder / "sources.yaml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    assert ensure_seeded(lib.db, folder=folder)
    assert _evidence(lib)[0] == "single_source"
    lib.close()


def test_the_users_citations_regrade_a_corpus_event_and_its_undo_regrades_it_back(library):
    """Citing doc 004 for a doc 002 event makes it corroborated; a contradicting citation makes
    it contested (and disputed); removing them restores the grade. `azrel check` agrees each time."""
    from azrel_desktop.core.corpus.evidence import stale_grades
    from azrel_desktop.core.research.drafts import Cite

    event = "ev-2006-04-simmons-visits-baku"
    text_004 = library.source("src-004").text
    start = text_004.index("Ilham Aliyev")

    def grade_now():
        with library.db.read() as s:
            assert stale_grades(s) == []
        return library.event(event).row.evidence, library.event(event).row.disputed

    assert grade_now() == ("single_source", False)
    support, _ = library.add_citation("event", event, Cite("src-004", start, start + 12, "supports"))
    assert grade_now() == ("corroborated", False)
    against, _ = library.add_citation("event", event, Cite("src-004", start + 20, start + 40, "contradicts"))
    assert grade_now() == ("contested", True)
    assert event in {r.id for r in library.rows(EventFilter(evidence=("contested",)))}
    library.remove_citation("event", event, against.passage_id)
    assert grade_now() == ("corroborated", False)
    library.remove_citation("event", event, support.passage_id)
    assert grade_now() == ("single_source", False)
