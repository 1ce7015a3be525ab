"""Shared fixtures: a real migrated and seeded database file in tmp_path, the same path
production takes, and no test ever touching the user's real data or settings."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The whole run sees a fake, empty home folder (set before Qt starts, which reads it once);
# `_nothing_written_home` fails any test after which something appeared in it. Caches of
# system libraries (fontconfig's) are not the app's doing, so they go beside it, not into it.
_FAKE_HOME = Path(tempfile.mkdtemp(prefix="azrel-test-home-"))
_SYSTEM_CACHE = Path(tempfile.mkdtemp(prefix="azrel-test-cache-"))
os.environ["HOME"] = str(_FAKE_HOME)
os.environ["USERPROFILE"] = str(_FAKE_HOME)  # Windows' home
os.environ["XDG_CACHE_HOME"] = str(_SYSTEM_CACHE)


_HOME = (("AZREL_DB", "default.sqlite3"), ("AZREL_DATA_DIR", "data/AzRel Desktop"), ("XDG_DATA_HOME", "data"),
         ("XDG_CONFIG_HOME", "config"), ("AZREL_SETTINGS_DIR", "settings"))


def _isolate(mp: pytest.MonkeyPatch, home: Path) -> None:
    for var, name in _HOME:
        mp.setenv(var, str(home / name))
    mp.delenv("AZREL_LANGUAGE", raising=False)  # tests see the English interface unless they choose


@pytest.fixture(autouse=True)
def _english_interface(request):
    """A test with a QApplication sees the English interface, with its plural forms ("1 event",
    "3 events" from "%n event(s)"), as `make_app` installs it; a test that switched the language
    (tests/ui/test_translations.py) does not leave it switched."""
    if "qapp" in request.fixturenames or "qtbot" in request.fixturenames:
        request.getfixturevalue("qapp")
        from azrel_desktop.ui import i18n

        if i18n.installed_language() != "en" or not i18n.installed():
            i18n.install("en")
    yield



@pytest.fixture(scope="session", autouse=True)
def _isolated_session_home(tmp_path_factory):
    """For fixtures wider than a test (a shared synthetic library, say): they are set up before
    any test's own isolation below, and without this their backups went to the user's folder."""
    with pytest.MonkeyPatch.context() as mp:
        _isolate(mp, tmp_path_factory.mktemp("session-home"))
        yield


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    _isolate(monkeypatch, tmp_path_factory.mktemp("home"))
    yield


@pytest.fixture(autouse=True)
def _nothing_written_home():
    """Fails the test after which anything exists in the (fake) home folder: settings, Qt's
    file-dialog state, a library or a backup there would be written to a real user's home."""
    yield
    written = sorted(str(p.relative_to(_FAKE_HOME)) for p in _FAKE_HOME.rglob("*"))
    for child in _FAKE_HOME.iterdir():  # the next test starts clean again
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    assert not written, f"the test wrote into the home folder: {written}"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_FAKE_HOME, ignore_errors=True)
    shutil.rmtree(_SYSTEM_CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory) -> Path:
    """One seeded database built through open_database; tests get copies of it."""
    from azrel_desktop.core.opening import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = open_database(path)
    db.close()
    return path


@pytest.fixture
def db_path(seeded_template, tmp_path) -> Path:
    path = tmp_path / "azrel.sqlite3"
    src = sqlite3.connect(seeded_template)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path


@pytest.fixture
def library(db_path):
    from azrel_desktop.core.service import Library

    lib = Library.open(db_path)
    yield lib
    lib.close()


def _copy_template(template, path):
    src, dst = sqlite3.connect(template), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()


@pytest.fixture(scope="module")
def ro_library(seeded_template, tmp_path_factory):
    from azrel_desktop.core.service import Library

    path = tmp_path_factory.mktemp("ro-home") / "ro.sqlite3"
    _copy_template(seeded_template, path)
    lib = Library.open(path)
    yield lib
    lib.close()


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
def shared_library(ro_library, _shared_fingerprint):
    """One library per test module for tests that only read; it fails a test that wrote to it."""
    yield ro_library
    assert _fingerprint(ro_library) == _shared_fingerprint, "a read-only test wrote to the shared library"


@pytest.fixture
def changed_while_closed():
    """Close a library and change its file with plain sqlite3, as another program would while
    the app is closed; gives the file's path, to open it again."""

    def change(lib, *statements: str) -> Path:
        path = lib.path
        lib.close()
        con = sqlite3.connect(path)
        with con:
            for sql in statements:
                con.execute(sql)
        con.close()
        return path

    return change


@pytest.fixture
def fresh_library(seeded_template, tmp_path):
    from azrel_desktop.core.service import Library

    path = tmp_path / "fresh.sqlite3"
    _copy_template(seeded_template, path)
    lib = Library.open(path)
    yield lib
    lib.close()


@pytest.fixture
def file_at_revision():
    """Makes a new database file migrated only up to a revision (an older schema), no corpus."""
    from alembic import command

    from azrel_desktop.core.store.database import alembic_config, make_engine

    def make(path: Path, revision: str) -> Path:
        engine = make_engine(path)
        with engine.execution_options(azrel_write=True).begin() as conn:
            command.upgrade(alembic_config(conn), revision)
        engine.dispose()
        return path

    return make


@pytest.fixture
def sql_sent():
    """`sql_sent(lib, call)`: every statement `call()` sends through the library's engine, in
    order (BEGIN included: a session per call)."""
    from sqlalchemy import event

    def record(lib, call) -> list[str]:
        seen: list[str] = []

        def note(conn, cursor, statement, *args):
            seen.append(statement)

        event.listen(lib.db.engine, "before_cursor_execute", note)
        try:
            call()
        finally:
            event.remove(lib.db.engine, "before_cursor_execute", note)
        return seen

    return record


@pytest.fixture
def backed_up_before_upgrade():
    """`backed_up_before_upgrade(path, revision)`: asserts that opening `path` made exactly one
    backup before upgrading it from `revision`, and that the backup is still at `revision`."""
    from azrel_desktop.core.store import backups

    def check(path: Path, revision: str) -> Path:
        made = [b for b in backups.list_backups(path) if b.reason == f"before-upgrade-{revision}"]
        assert len(made) == 1
        old = sqlite3.connect(made[0].path)
        try:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
        finally:
            old.close()
        return made[0].path

    return check


@pytest.fixture
def sql_count():
    """How many events a filter selects by a plain SQL count over its compiled conditions: the
    reference the facet engine (which also answers `Library.count`) is checked against."""
    from sqlalchemy import text

    from azrel_desktop.core.query.filters import compile_filter

    def count(lib, f) -> int:
        c = compile_filter(f)
        with lib.db.read() as s:
            return s.execute(text(f"SELECT count(*) FROM events e WHERE {c.where}"), c.params).scalar_one()

    return count


def _deny_write(path: Path) -> Callable[[], None]:
    """Make `path` (a file or a folder) unwritable for this process for real, and return what
    undoes it. Root may write anywhere a mode bit forbids, so as root on Linux the path is made
    immutable (`chattr +i`, which binds root too); on Windows an access rule denies the user
    writing (what a folder shared read-only looks like there); elsewhere the mode bits do."""
    import shutil
    import subprocess
    import sys

    if sys.platform == "win32":
        user = subprocess.run(["whoami"], capture_output=True, text=True, check=True).stdout.strip()
        subprocess.run(["icacls", str(path), "/deny", f"{user}:(W)"], capture_output=True, check=True)
        return lambda: subprocess.run(["icacls", str(path), "/remove:d", user], capture_output=True, check=True)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: nothing here can stop root writing")
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"running as root where chattr +i is refused ({done.stderr.strip()})")
        return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    return lambda: path.chmod(mode)


@pytest.fixture
def deny_write():
    """`deny_write(path)`: the file or folder cannot be written by the test's process until the
    test ends (see `_deny_write`)."""
    undo: list[Callable[[], None]] = []

    def deny(path: Path) -> Path:
        undo.append(_deny_write(path))
        return path

    yield deny
    for step in reversed(undo):
        step()


class SeedCopy(type(Path())):  # type: ignore[misc]  # the concrete Path class of this system
    """A copy of the shipped seed corpus: a folder, whose YAML files a test reads and writes whole."""

    def load(self, name: str):
        import yaml

        return yaml.safe_load((self / name).read_text(encoding="utf-8"))

    def dump(self, name: str, data) -> None:
        import yaml

        (self / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def seed_copy(tmp_path) -> SeedCopy:
    """The shipped seed corpus copied into the test's folder, to change and load from there."""
    from azrel_desktop.core.store.resources import seed_dir

    folder = tmp_path / "seed"
    shutil.copytree(seed_dir(), folder)
    return SeedCopy(folder)


@pytest.fixture
def sample_files(tmp_path):
    """A `SampleFiles` (tests/sample_sources.py) writing into a fresh folder."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("sample_sources", Path(__file__).with_name("sample_sources.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.SampleFiles(tmp_path / "files")
