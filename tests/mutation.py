"""The mutation run over the code that guards the user's data: does every guard have a test that
fails without it?

    python tests/mutation.py [--jobs 2] [--only ID ...] [--list] [--module NAME]

Small, purpose-built mutations are made one at a time in the functions of the modules in
`TARGETS` (backups and restore, recovery, the CSV cells' formula rule, the events export's fast
path, re-anchoring): comparisons flipped or moved by one, conditions negated, guard clauses and
raises removed, one side of an `and`/`or` dropped, calls left out, `+`/`-` swapped, `min`/`max`
swapped and, where text is matched, the match made blind to letter case. Each mutant runs only
the tests that executed its lines (found by one traced run of `TEST_FILES` first), cheapest
first, stopping at the first failure: a failure kills the mutant, a clean pass lets it survive.

A mutant is applied by giving the mutated function's code to the live function object
(`function.__code__`) in a forked copy of this process, so the modules are imported once and no
file is ever written. Forking makes this a developer's tool for Linux and macOS; the app itself
does not use it. Survivors judged equivalent (no behaviour a user could see changes) are listed
in `EQUIVALENT` with the reason, and reported apart from the real survivors.

Exit status: 0 when no survivor is left beyond `EQUIVALENT`, 1 otherwise.
"""

from __future__ import annotations

import argparse
import ast
import copy
import functools
import importlib
import importlib.util
import json
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# module -> the functions mutated (None: all of them)
TARGETS: dict[str, tuple[str, ...] | None] = {
    "azrel_desktop.core.store.backups": None,
    "azrel_desktop.core.store.recovery": None,
    "azrel_desktop.core.output.export_cells": None,
    "azrel_desktop.core.output.export": ("export_events",),
    "azrel_desktop.core.output.atomic_write": ("write_atomically",),
    # Exact re-anchoring; `place` and the approximate matching around it are not in the run yet.
    "azrel_desktop.core.corpus.anchoring": ("anchor_at", "matches", "_common_suffix", "_common_prefix", "reanchor"),
}
# Modules whose text comparisons also get the letter-case mutation.
TEXT_MATCHING = {"azrel_desktop.core.corpus.anchoring"}

TEST_FILES = (
    "tests/test_guards.py",
    "tests/test_backups.py",
    "tests/test_database.py",
    "tests/test_export.py",
    "tests/test_faults.py",
    "tests/test_seed_loading.py",
    "tests/test_annotations_core.py",
    "tests/test_cli.py",
)

# (module, function, "kind: before -> after") -> why the mutant cannot change what a user sees.
# Such mutants are not run. Mutants that only a test of timing under contention could kill
# (the busy timeouts) are not here: they are reported as survivors.
_CLOSED_ANYWAY = "the connection is closed anyway when the function returns and its last reference goes"
EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("backups", "backup_to", "call left out: dest.close() -> (left out)"): _CLOSED_ANYWAY,
    ("backups", "make_backup", "call left out: src.close() -> (left out)"): _CLOSED_ANYWAY,
    ("backups", "auto_backup", "call left out: con.close() -> (left out)"): _CLOSED_ANYWAY,
    ("backups", "restore", "call left out: src.close() -> (left out)"): _CLOSED_ANYWAY,
    ("recovery", "_salvage", "call left out: raw.close() -> (left out)"): _CLOSED_ANYWAY,
    ("recovery", "salvage", "call left out: src.close() -> (left out)"): _CLOSED_ANYWAY,
    ("recovery", "_salvage", "call left out: dest.execute('PRAGMA foreign_keys = ON') -> (left out)"):
        "the engine that connection belongs to is disposed of right after the salvage",
    ("backups", "restore", "guard removed: if check != [('ok',)]: raise DatabaseError(f'the restored file failed "
                           "its integrity check: {check[0][0]}.') -> (left out)"):
        "unreachable in a test: the backup passed the same check moments before (`inspect_file`); only a "
        "write fault in between could trip it",
    ("backups", "restore", "raise removed: raise DatabaseError(f'the restored file failed its integrity check: "
                           "{check[0][0]}.') -> (left out)"):
        "unreachable in a test, as above",
    ("export_cells", "safe_cell", "operand dropped: cell and cell[0] in _RISKY_FIRST and _needs_escape(cell) -> "
                                  "cell and _needs_escape(cell)"):
        "the first-character test is only a fast path; `_needs_escape` decides",
    ("export_cells", "safe_rows", "guard removed: if _clean(chain.from_iterable(rows), width * len(rows)): "
                                  "return rows -> (left out)"):
        "only a fast path: the row-by-row path gives the same rows",
    ("export", "export_events", "call left out: _drop(session) -> (left out)"):
        "the temporary tables are dropped both before and after an export: each drop is the other's backstop",
    ("export", "export_events", "guard removed: if rows == export_rows.TEMP: raise RuntimeError(\"the export's rows "
                                "were not rendered for every event\") -> (left out)"):
        "unreachable: rows rendered for the export itself cover every event of its order",
    ("export", "export_events", "raise removed: raise RuntimeError(\"the export's rows were not rendered for every "
                                "event\") -> (left out)"):
        "unreachable, as above",
    ("atomic_write", "write_atomically", "call left out: out.flush() -> (left out)"):
        "closing the file flushes it",
    ("atomic_write", "write_atomically", "call left out: os.fsync(out.fileno()) -> (left out)"):
        "matters only when the power fails between the rename and the disk's own flush",
    ("anchoring", "matches", "boundary moved: 0 <= start < end <= len(text) -> 0 <= start <= end <= len(text)"):
        "an anchor always has start < end (`anchor_at` refuses others)",
}


@dataclass
class Mutant:
    id: int
    module: str
    function: str  # qualified name of the top-level function or method patched
    line: int
    end_line: int
    kind: str
    before: str
    after: str
    code: object = field(repr=False, default=None)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.module.rsplit(".", 1)[-1], self.function, f"{self.kind}: {self.before} -> {self.after}")


# --- making mutants ------------------------------------------------------------------------------

_FLIP = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE,
         ast.LtE: ast.Gt, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_BOUNDARY = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_ARITH = {ast.Add: ast.Sub, ast.Sub: ast.Add}
_CASE_BLIND_CALLS = {"find", "index", "startswith", "endswith"}


def _lower(node: ast.expr) -> ast.expr:
    return ast.Call(func=ast.Attribute(value=node, attr="lower", ctx=ast.Load()), args=[], keywords=[])


def _is_text(node: ast.BinOp | ast.AugAssign) -> bool:
    """An operation on literal text: swapping `+` for `-` there only makes a TypeError."""
    sides = (node.left, node.right) if isinstance(node, ast.BinOp) else (node.value,)
    return any(isinstance(s, ast.JoinedStr) or (isinstance(s, ast.Constant) and isinstance(s.value, str))
               for s in sides)


def _is_guard(node: ast.If) -> bool:
    return bool(node.body) and isinstance(node.body[-1], ast.Raise | ast.Return | ast.Continue)


def _variants(node: ast.AST, text_module: bool) -> Iterator[tuple[str, ast.AST | None]]:
    """(kind, replacement) for one node; a replacement of None deletes a statement."""
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            for table, kind in ((_FLIP, "comparison flipped"), (_BOUNDARY, "boundary moved")):
                if type(op) in table:
                    new = copy.deepcopy(node)
                    new.ops[i] = table[type(op)]()
                    yield kind, new
        if text_module and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq | ast.NotEq):
            yield "case ignored", ast.Compare(left=_lower(node.left), ops=node.ops,
                                              comparators=[_lower(node.comparators[0])])
    elif isinstance(node, ast.BoolOp):
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield "and/or swapped", ast.BoolOp(op=other, values=node.values)
        for i in range(len(node.values)):
            rest = node.values[:i] + node.values[i + 1:]
            yield "operand dropped", rest[0] if len(rest) == 1 else ast.BoolOp(op=node.op, values=rest)
    elif isinstance(node, ast.If | ast.While | ast.IfExp):
        negated = copy.copy(node)
        negated.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        yield "condition negated", negated
        if isinstance(node, ast.If) and _is_guard(node) and len(node.orelse) <= 1:
            yield "guard removed", (node.orelse[0] if node.orelse else None)
    elif isinstance(node, ast.Raise):
        yield "raise removed", None
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        yield "call left out", None
    elif isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in _ARITH and not _is_text(node):
        new = copy.copy(node)
        new.op = _ARITH[type(node.op)]()
        yield "+/- swapped", new
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("min", "max"):
        new = copy.copy(node)
        new.func = ast.Name(id="max" if node.func.id == "min" else "min", ctx=ast.Load())
        yield "min/max swapped", new
    elif (text_module and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
          and node.func.attr in _CASE_BLIND_CALLS and node.args):
        new = copy.copy(node)
        new.func = ast.Attribute(value=_lower(node.func.value), attr=node.func.attr, ctx=ast.Load())
        new.args = [_lower(node.args[0]), *node.args[1:]]
        yield "case ignored", new
    elif isinstance(node, ast.Return) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, bool):
        yield "result flipped", ast.Return(value=ast.Constant(value=not node.value.value))


def _walk(node: ast.AST, path: tuple = ()) -> Iterator[tuple[tuple, ast.AST]]:
    for name, value in ast.iter_fields(node):
        if isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, ast.AST):
                    yield (*path, (name, i)), item
                    yield from _walk(item, (*path, (name, i)))
        elif isinstance(value, ast.AST):
            yield (*path, (name, None)), value
            yield from _walk(value, (*path, (name, None)))


def _replace(tree: ast.AST, path: tuple, new: ast.AST | None) -> ast.AST:
    tree = copy.deepcopy(tree)
    parent = tree
    for name, i in path[:-1]:
        parent = getattr(parent, name) if i is None else getattr(parent, name)[i]
    name, i = path[-1]
    if new is None:
        new = ast.Pass()
    if i is None:
        setattr(parent, name, new)
    else:
        getattr(parent, name)[i] = new
    return tree


def _functions(tree: ast.Module) -> Iterator[tuple[str, ast.AST]]:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            yield node.name, node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    yield f"{node.name}.{item.name}", item


def _code_for(module_code, qualname: str):
    stack = [module_code]
    while stack:
        code = stack.pop()
        for const in code.co_consts:
            if hasattr(const, "co_qualname"):
                if const.co_qualname == qualname:
                    return const
                stack.append(const)
    raise LookupError(qualname)


def make_mutants(modules: dict[str, tuple[str, ...] | None] = TARGETS) -> list[Mutant]:
    mutants: list[Mutant] = []
    for module, only in modules.items():
        path = Path(importlib.util.find_spec(module).origin)
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, str(path))
        for qualname, func in _functions(tree):
            if only is not None and qualname not in only:
                continue
            where = next(p for p, n in _walk(tree) if n is func)
            # Two mutations can compile to the same code (`not x is None` is `x is not None`).
            seen = {_same(_code_for(compile(tree, str(path), "exec"), qualname))}
            for rel, node in _walk(func):
                for kind, new in _variants(node, module in TEXT_MATCHING):
                    mutated = _replace(tree, where + rel, new)
                    ast.fix_missing_locations(mutated)
                    code = _code_for(compile(mutated, str(path), "exec"), qualname)
                    if _same(code) in seen:
                        continue
                    seen.add(_same(code))
                    after = "(left out)" if new is None else ast.unparse(new)
                    mutants.append(Mutant(
                        len(mutants) + 1, module, qualname, node.lineno, node.end_lineno or node.lineno, kind,
                        _one_line(ast.unparse(node)), _one_line(after), code))
    return mutants


def _same(code) -> tuple:
    """What a function's code does, without where its lines are."""
    return (code.co_code, tuple(_same(c) if hasattr(c, "co_code") else (type(c), repr(c)) for c in code.co_consts),
            code.co_names, code.co_varnames)


def _get(tree: ast.AST, path: tuple) -> ast.AST:
    for name, i in path:
        tree = getattr(tree, name) if i is None else getattr(tree, name)[i]
    return tree


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _function_object(module: str, qualname: str):
    obj = importlib.import_module(module)
    for part in qualname.split("."):
        obj = inspect_attr(obj, part)
    return obj


def inspect_attr(obj, name: str):
    value = obj.__dict__[name] if hasattr(obj, "__dict__") and name in obj.__dict__ else getattr(obj, name)
    if isinstance(value, property):
        return value.fget
    if isinstance(value, staticmethod | classmethod):
        return value.__func__
    return value


# --- which tests run which lines ----------------------------------------------------------------

def _pytest_args(basetemp: Path) -> list[str]:
    # The core's tests need no Qt: without pytest-qt no mutant's run starts Qt.
    return ["-q", "-p", "no:cacheprovider", "-p", "no:pytest-qt", "--hypothesis-seed=0",
            f"--basetemp={basetemp}", "-o", "console_output_style=classic",
            "-W", "ignore::pytest.PytestAssertRewriteWarning", "-W", "ignore::pytest.PytestConfigWarning"]


# Imported lazily by the code under test; loaded once here so that no mutant's run pays for it.
PRELOAD = ("azrel_desktop.core.service", "azrel_desktop.core.corpus.seed", "azrel_desktop.core.cli",
           "alembic.command", "alembic.script", "alembic.runtime.migration", "hypothesis")


def preload(files: tuple[str, ...], work: Path) -> None:
    """Import, before any fork, what every mutant's run would otherwise import again: the modules
    above, and the test modules with pytest's assertion rewriting (a collect-only session:
    pytest then finds them in `sys.modules` in each run)."""
    for module in (*TARGETS, *PRELOAD):
        importlib.import_module(module)
    saved = os.dup(1), os.dup(2)
    with open(work / "collect.log", "w") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            status = pytest.main([*_pytest_args(work / "collect-tmp"), "--collect-only", *files])
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
    if status != 0:
        sys.exit(f"the test files could not be collected; see {work / 'collect.log'}")


def _in_child(job, log: Path, timeout: float | None = None) -> int:
    """Fork; run `job()` (an exit status) in the child with its output in `log`; return the
    child's pid. The child leads its own process group, so a timeout ends what it started."""
    pid = os.fork()
    if pid:
        return pid
    status = 70
    try:
        os.setpgid(0, 0)
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        status = job()
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


@dataclass
class TestMap:
    """What the traced run found: the target lines each test ran, its time, whether it uses the
    seeded template, and the lines the template's seeding ran."""

    lines: dict[str, set[tuple[str, int]]]
    spent: dict[str, float]
    seeded: set[str]
    seeding: set[tuple[str, int]]
    template: Path


class _Template:
    """A pytest plugin that hands out one seeded database, built once before the mutants, as the
    `seeded_template` fixture (tests/conftest.py builds it anew in each run otherwise)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @pytest.hookimpl(tryfirst=True)
    def pytest_fixture_setup(self, fixturedef, request):
        if fixturedef.argname != "seeded_template":
            return None
        fixturedef.cached_result = (self.path, fixturedef.cache_key(request), None)
        return self.path


def map_tests(work: Path, files: tuple[str, ...]) -> TestMap:
    """Build the seeded template, then run the test files once, tracing the target modules' lines."""
    out = work / "map.json"
    template = work / "template" / "template.sqlite3"
    targets = {str(Path(importlib.util.find_spec(m).origin)) for m in TARGETS}

    def job() -> int:
        import threading

        from azrel_desktop.core.opening import open_database

        current = ["(seeding)"]
        lines: dict[str, set] = {}
        spent: dict[str, float] = {}
        seeded: set[str] = set()
        failed: set[str] = set()

        def local(frame, event, arg):
            if event == "line":
                lines.setdefault(current[0], set()).add((frame.f_code.co_filename, frame.f_lineno))
            return local

        def tracer(frame, event, arg):
            return local if frame.f_code.co_filename in targets else None

        class Mapper:
            @pytest.hookimpl(hookwrapper=True)
            def pytest_runtest_protocol(self, item, nextitem):
                current[0] = item.nodeid
                if "seeded_template" in item.fixturenames:
                    seeded.add(item.nodeid)
                started = time.perf_counter()
                yield
                spent[item.nodeid] = time.perf_counter() - started

            def pytest_runtest_logreport(self, report):
                if report.failed:
                    failed.add(report.nodeid)

        threading.settrace(tracer)
        sys.settrace(tracer)
        try:
            template.parent.mkdir()
            open_database(template).close()
            status = pytest.main([*_pytest_args(work / "map-tmp"), *files], plugins=[Mapper(), _Template(template)])
        finally:
            sys.settrace(None)
            threading.settrace(None)
        out.write_text(json.dumps({"lines": {t: sorted(v) for t, v in lines.items()}, "spent": spent,
                                   "seeded": sorted(seeded), "failed": sorted(failed), "status": int(status)}))
        return 0

    pid = _in_child(job, work / "map.log")
    os.waitpid(pid, 0)
    if not out.exists():
        sys.exit(f"the traced run of the tests failed; see {work / 'map.log'}")
    found = json.loads(out.read_text())
    if found["failed"]:
        sys.exit("these tests fail without any mutation, fix them first: " + ", ".join(found["failed"]))
    lines = {t: {tuple(x) for x in v} for t, v in found["lines"].items()}
    return TestMap(lines, found["spent"], set(found["seeded"]), lines.pop("(seeding)", set()), template)


# --- running mutants ----------------------------------------------------------------------------

def _run_mutant(m: Mutant, tests: list[str], basetemp: Path, template: Path | None) -> int:
    func = _function_object(m.module, m.function)
    func.__code__ = m.code
    plugins = [_Template(template)] if template else []
    return int(pytest.main([*_pytest_args(basetemp), "-x", *tests], plugins=plugins))


def _function_lines(m: Mutant, filename: str) -> set[tuple[str, int]]:
    first, last = _function_span(filename, m.function)
    return {(filename, n) for n in range(first, last + 1)}


@functools.cache
def _function_span(filename: str, qualname: str) -> tuple[int, int]:
    func = dict(_functions(ast.parse(Path(filename).read_text(encoding="utf-8"))))[qualname]
    return func.lineno, func.end_lineno or func.lineno


def _selected(m: Mutant, tm: TestMap, budget: float | None) -> tuple[list[str], int, bool]:
    """The tests that ran the mutant's lines, most focused first, as many as fit in `budget` seconds
    of the traced run (at least one; None: all); how many ran its lines in all; and whether the
    seeding runs them (then the template is seeded anew, with the mutant, by the cheapest test
    that uses it)."""
    filename = str(Path(importlib.util.find_spec(m.module).origin))
    wanted = {(filename, n) for n in range(m.line, m.end_line + 1)}
    tests = {t for t, hit in tm.lines.items() if hit & wanted and t in tm.spent}
    seeding = bool(tm.seeding & wanted)
    if seeding and tm.seeded:
        tests.add(min(tm.seeded, key=lambda t: tm.spent[t]))
    # Two orders taken in turn: the tests that run most of the mutated function (one that only
    # passes through it rarely tells its guards apart), and the focused ones (fewest lines of the
    # guarded modules, then the cheapest).
    own = _function_lines(m, filename)
    thorough = sorted(tests, key=lambda t: (-len(tm.lines[t] & own), tm.spent[t]))
    focused = sorted(tests, key=lambda t: (len(tm.lines[t]), tm.spent[t]))
    ordered = list(dict.fromkeys(t for pair in zip(thorough, focused, strict=True) for t in pair))
    chosen, spent = [], 0.0
    for t in ordered:
        if chosen and budget is not None and spent + tm.spent[t] > budget:
            break
        chosen.append(t)
        spent += tm.spent[t]
    return chosen, len(ordered), seeding


def run(mutants: list[Mutant], jobs: int, work: Path, files: tuple[str, ...],
        budget: float | None) -> list[tuple[Mutant, str, list[str]]]:
    started = time.monotonic()
    tm = map_tests(work, files)
    print(f"traced run of {len(tm.spent)} tests: {time.monotonic() - started:.0f} s", flush=True)
    queue = []
    cut: dict[int, int] = {}  # mutant id -> how many tests ran its lines, when not all are run
    results: list[tuple[Mutant, str, list[str]]] = []
    for m in mutants:
        if m.key in EQUIVALENT:
            results.append((m, "not run (judged equivalent)", []))
            continue
        tests, of, seeding = _selected(m, tm, budget)
        if not tests:
            results.append((m, "no test runs it", []))
        else:
            queue.append((m, tests, None if seeding else tm.template))
            if len(tests) < of:
                cut[m.id] = of
    running: dict[int, tuple[Mutant, list[str], float, float]] = {}
    while queue or running:
        while queue and len(running) < jobs:
            m, tests, template = queue.pop(0)
            limit = 30 + 5 * sum(tm.spent[t] for t in tests)
            pid = _in_child(lambda m=m, tests=tests, template=template:
                            _run_mutant(m, tests, work / f"tmp-{m.id}", template), work / f"mutant-{m.id}.log")
            running[pid] = (m, tests, time.monotonic(), limit)
        pid, status = os.waitpid(-1, os.WNOHANG)
        if pid == 0:
            now = time.monotonic()
            for p, (_m, _tests, began, limit) in list(running.items()):
                if now - began > limit:
                    os.killpg(p, signal.SIGKILL)
            time.sleep(0.05)
            continue
        m, tests, began, limit = running.pop(pid)
        shutil.rmtree(work / f"tmp-{m.id}", ignore_errors=True)
        if os.WIFSIGNALED(status):
            verdict = "killed (timed out)" if time.monotonic() - began > limit else "killed (crashed)"
        else:
            code = os.WEXITSTATUS(status)
            verdict = {0: "survived", 1: "killed"}.get(code, f"error (exit status {code})")
            if verdict == "survived" and m.id in cut:
                verdict += f" the {len(tests)} cheapest of the {cut[m.id]} tests that run it (--budget)"
        if verdict == "killed":
            verdict += f" by {_killer(work / f'mutant-{m.id}.log') or tests[0]}"
        results.append((m, verdict, tests))
        done = len(results)
        if done % 20 == 0:
            print(f"  {done} of {len(mutants)} mutants, {time.monotonic() - started:.0f} s", flush=True)
    results.sort(key=lambda r: r[0].id)
    return results


def _killer(log: Path) -> str | None:
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith(("FAILED ", "ERROR ")):
            return line.split()[1].split("[")[0].removeprefix("tests/")
    return None


def report(results: list[tuple[Mutant, str, list[str]]], seconds: float, json_path: Path | None = None) -> int:
    if json_path:
        json_path.write_text(json.dumps([
            {"id": m.id, "module": m.module, "function": m.function, "line": m.line, "kind": m.kind,
             "before": m.before, "after": m.after, "verdict": verdict, "tests": tests}
            for m, verdict, tests in results], indent=1))
    by_module: dict[str, list[int]] = {}
    real, equivalent = [], []
    for m, verdict, _ in results:
        counts = by_module.setdefault(m.module.rsplit(".", 1)[-1], [0, 0, 0])
        counts[0] += 1
        if verdict.startswith("killed"):
            counts[1] += 1
        elif m.key in EQUIVALENT:
            counts[2] += 1
            equivalent.append((m, verdict))
        else:
            real.append((m, verdict))
    total = sum(c[0] for c in by_module.values())
    killed = sum(c[1] for c in by_module.values())
    judged = sum(c[2] for c in by_module.values())
    print()
    for module, (n, k, e) in sorted(by_module.items()):
        print(f"{module:14} {k:4} of {n:4} killed" + (f", {e} equivalent" if e else ""))
    score = 100 * killed / max(1, total - judged)
    print(f"{'all':14} {killed:4} of {total:4} killed, {judged} judged equivalent: "
          f"score {score:.1f}% of the mutants that can be told apart ({seconds:.0f} s)")
    for title, rows in (("Survived", real), ("Equivalent (not counted)", equivalent)):
        if rows:
            print(f"\n{title}:")
            for m, verdict in rows:
                reason = EQUIVALENT.get(m.key, verdict)
                print(f"  #{m.id} {m.key[0]}:{m.line} {m.function} — {m.kind}: {_short(m.before)}  ->  {_short(m.after)}"
                      f"\n      {reason}")
    return 1 if real else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=2, help="mutants run at once (default 2)")
    parser.add_argument("--only", type=int, nargs="+", help="run only these mutant ids")
    parser.add_argument("--module", help="only the modules whose name contains this")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument("--budget", type=float, default=8.0,
                        help="seconds of tests (as timed in the traced run) run per mutant, cheapest first "
                             "(default 8; 0: every test that runs the mutant's lines)")
    parser.add_argument("--json", type=Path, help="also write every mutant's verdict to this file")
    parser.add_argument("--keep", action="store_true", help="keep the logs (their folder is printed)")
    args = parser.parse_args(argv)
    if not hasattr(os, "fork"):
        sys.exit("the mutation run forks; run it on Linux or macOS")
    os.chdir(ROOT)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    mutants = make_mutants()
    if args.module:
        mutants = [m for m in mutants if args.module in m.module]
    if args.only:
        mutants = [m for m in mutants if m.id in args.only]
    if args.list:
        for m in mutants:
            print(f"#{m.id} {m.key[0]}:{m.line} {m.function} — {m.kind}: {_short(m.before)}  ->  {_short(m.after)}")
        return 0
    print(f"{len(mutants)} mutants in {len(TARGETS)} modules, {args.jobs} at a time", flush=True)
    work = Path(tempfile.mkdtemp(prefix="azrel-mutation-"))
    started = time.monotonic()
    try:
        preload(TEST_FILES, work)
        results = run(mutants, args.jobs, work, TEST_FILES, args.budget or None)
        return report(results, time.monotonic() - started, args.json)
    finally:
        if args.keep:
            print(f"logs: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
