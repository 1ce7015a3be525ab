"""Resolving typed names to record ids (core/lookup.py)."""

from __future__ import annotations

import sqlite3

import pytest

from azrel_desktop.core.lookup import LookupError_, resolve

# Read-only tests share one library, opened once (opening costs more than most tests); a test
# that writes asks for `fresh_library`, a copy of its own. `_shared_library_unchanged` checks
# after every test that nothing wrote to the shared one.


def _copy_template(template, path):
    src, dst = sqlite3.connect(template), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()


@pytest.fixture(scope="module")
def ro_library(seeded_template, tmp_path_factory):
    from azrel_desktop.core.service import Library

    home = tmp_path_factory.mktemp("ro-home")
    mp = pytest.MonkeyPatch()  # the same isolation conftest gives each test
    for var, name in (("AZREL_DB", "default.sqlite3"), ("XDG_DATA_HOME", "data"),
                      ("XDG_CONFIG_HOME", "config"), ("AZREL_SETTINGS_DIR", "settings")):
        mp.setenv(var, str(home / name))
    path = home / "ro.sqlite3"
    _copy_template(seeded_template, path)
    lib = Library.open(path)
    yield lib
    lib.close()
    mp.undo()


def _fingerprint(lib) -> tuple:
    con = sqlite3.connect(lib.path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("events", "annotations", "annotation_tags", "passages", "event_citations"))
    finally:
        con.close()


@pytest.fixture(scope="module")
def _shared_fingerprint(ro_library):
    return _fingerprint(ro_library)


@pytest.fixture
def library(ro_library, _shared_fingerprint):
    yield ro_library
    assert _fingerprint(ro_library) == _shared_fingerprint, "a read-only test wrote to the shared library"


@pytest.fixture
def db_path(library):
    return library.path


@pytest.fixture
def fresh_library(seeded_template, tmp_path):
    from azrel_desktop.core.service import Library

    path = tmp_path / "fresh.sqlite3"
    _copy_template(seeded_template, path)
    lib = Library.open(path)
    yield lib
    lib.close()


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
