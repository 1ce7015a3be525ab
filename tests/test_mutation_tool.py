"""The mutation run's own machinery (tests/mutation.py): it makes the mutations issue 20 names,
and a mutant's code really takes the place of the live function's, until it is put back."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from azrel_desktop.core.corpus import anchoring


@pytest.fixture(scope="module")
def mutation():
    spec = importlib.util.spec_from_file_location("azrel_mutation_run", Path(__file__).with_name("mutation.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


@pytest.fixture(scope="module")
def mutants(mutation):
    return mutation.make_mutants()


@pytest.mark.parametrize(("module", "function", "kind", "before"), [
    ("export_cells", "_clean", "operand dropped", "_RISKY_CELL.search(joined) is None"),  # the fast path
    ("backups", "backup_to", "guard removed", "if check != [('ok',)]"),  # backup verification
    ("backups", "newest_verified_backup", "guard removed", "if verified(info.path)"),  # offered after damage
    ("backups", "restore", "guard removed", "if not known_revision(state.revision)"),  # a newer version's
    ("anchoring", "reanchor", "case ignored", "text.find(old.exact)"),  # re-anchoring
])
def test_the_run_makes_the_five_mutations_of_issue_20(mutants, module, function, kind, before):
    assert [m for m in mutants if (m.key[0], m.function, m.kind) == (module, function, kind) and before in m.before]


def test_only_the_named_functions_of_the_export_are_mutated(mutants):
    assert {m.function for m in mutants if m.key[0] == "export"} == {"export_events"}
    assert {m.function for m in mutants if m.key[0] == "atomic_write"} == {"write_atomically"}
    assert {m.function for m in mutants if m.key[0] == "anchoring"} == {
        "anchor_at", "matches", "_common_suffix", "_common_prefix", "reanchor"}
    assert {m.key[0] for m in mutants} == {"backups", "recovery", "export_cells", "export", "atomic_write",
                                           "anchoring"}


def test_no_two_mutants_of_a_function_are_the_same_code(mutants):
    seen = {}
    for m in mutants:
        key = (m.module, m.function, m.code.co_code, m.code.co_names, m.code.co_consts)
        assert key not in seen, (m, seen.get(key))
        seen[key] = m


def test_a_mutants_code_takes_the_place_of_the_live_functions_until_put_back(mutants, mutation):
    m = next(m for m in mutants if m.function == "reanchor" and m.kind == "case ignored"
             and m.before == "text.find(old.exact)")
    text = "The Minsk Group met in Vienna."
    old = anchoring.anchor_at(text, 4, 15)
    changed = "So: " + text.lower()
    assert anchoring.reanchor(changed, old) is None
    live = mutation._function_object(m.module, m.function)
    assert live is anchoring.reanchor
    original = live.__code__
    live.__code__ = m.code
    try:
        blind = anchoring.reanchor(changed, old)
    finally:
        live.__code__ = original
    assert blind is not None and blind.exact == "minsk group"
    assert anchoring.reanchor(changed, old) is None


def test_every_mutant_judged_equivalent_is_one_the_run_makes(mutants, mutation):
    made = {m.key for m in mutants}
    assert [key for key in mutation.EQUIVALENT if key not in made] == []
