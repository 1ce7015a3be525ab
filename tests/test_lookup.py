"""Resolving typed names to record ids (core/lookup.py)."""

from __future__ import annotations

import pytest

from azrel_desktop.core.query.lookup import LookupError_, resolve

# Read-only tests share one library per module (tests/conftest.py: `shared_library` checks that
# nothing wrote to it); a test that writes asks for `fresh_library`.


@pytest.fixture
def library(shared_library):
    return shared_library


@pytest.fixture
def db_path(shared_library):
    return shared_library.path


@pytest.fixture
def session(library):
    with library.db.read() as s:
        yield s


@pytest.mark.parametrize(("kind", "typed", "expected"), [
    ("organisation", "NATO", "org-nato"),
    ("organisation", "nato", "org-nato"),
    ("organisation", " North Atlantic Treaty Organization ", "org-nato"),
    ("organisation", "north atlantic alliance", "org-nato"),  # alias
    ("organisation", "org-nato", "org-nato"),  # id
    ("organisation", "NATO PA", "org-nato-pa"),
    ("organisation", "parliamentary assembly", "org-nato-pa"),  # alias, though "NATO Parliamentary ..." holds it
    ("organisation", "PFP", "org-pfp"),
    ("organisation", "CTSO", "org-csto"),  # alias for the misnaming in doc 001
    ("organisation", "Euro Atlantic", "org-eapc"),  # unique substring (name and aliases of one record)
    ("organisation", "kosovo", "org-kfor"),  # unique substring
    ("country", "Azerbaijan", "AZ"),
    ("country", "republic of azerbaijan", "AZ"),
    ("country", "az", "AZ"),
    ("country", "russia", "RU"),
    ("person", "Heydar Aliyev", "per-heydar-aliyev"),
    ("person", "aliyev", "per-heydar-aliyev"),  # an exact alias beats "Mr Aliyev" and "Ilham Aliyev"
    ("person", "manfred werner", "per-manfred-woerner"),  # the source's spelling, an alias
    ("person", "solana", "per-javier-solana"),
    ("source", "src-001", "src-001"),
    ("source", "NATO missions", "src-001"),
    ("kind", "visit", "visit"),
    ("kind", "military operation", "military_operation"),
    ("kind", "MILITARY_OPERATION", "military_operation"),
])
def test_resolves(session, kind, typed, expected):
    assert resolve(session, kind, typed) == expected


@pytest.mark.parametrize(("kind", "typed", "candidates"), [
    ("organisation", "north", ["org-nato", "org-nacc"]),
    ("organisation", "Atlantic", ["org-nato", "org-nacc", "org-eapc"]),
    ("organisation", "council", ["org-nacc", "org-eapc", "org-nrc"]),
    ("person", "aliy", ["per-heydar-aliyev", "per-ilham-aliyev"]),
    ("kind", "ation", ["military_operation", "cooperation"]),
])
def test_ambiguous_names_list_the_candidates(session, kind, typed, candidates):
    with pytest.raises(LookupError_) as exc:
        resolve(session, kind, typed)
    message = str(exc.value)
    assert "ambiguous" in message and "\n" not in message
    for c in candidates:
        assert f"[{c}]" in message


@pytest.mark.parametrize(("kind", "typed"), [("organisation", "Warsaw Pact"), ("country", "Atlantis"),
                                             ("person", "Napoleon"), ("source", "Pravda"), ("kind", "party")])
def test_unknown_names_list_what_is_known(session, kind, typed):
    with pytest.raises(LookupError_) as exc:
        resolve(session, kind, typed)
    message = str(exc.value)
    assert message.startswith(f"unknown {kind} {typed!r}; known: ")
    assert "\n" not in message
    assert message.count("[") >= 2


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_empty_names_are_refused(session, typed):
    with pytest.raises(LookupError_, match="empty"):
        resolve(session, "organisation", typed)


def test_exact_beats_substring(session):
    # "NATO" is a substring of "NATO PA" and "NATO-Russia Council" but names org-nato exactly
    assert resolve(session, "organisation", "nato") == "org-nato"
    assert resolve(session, "organisation", "CIS") == "org-cis"


def test_unknown_kind_is_a_programming_error(session):
    with pytest.raises(ValueError):
        resolve(session, "planet", "Mars")
