"""Opening files: new, current, older, newer, foreign, junk, damaged, read-only, locked."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from azrel_desktop.core.corpus.models import Base
from azrel_desktop.core.errors import NotADatabaseError
from azrel_desktop.core.opening import open_database
from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.service import Library
from azrel_desktop.core.store import backups
from azrel_desktop.core.store.database import (
    DamagedDatabaseError,
    DatabaseError,
    DatabaseLockedError,
    NewerDatabaseError,
    head_revision,
    make_engine,
    migrate,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_migrated_and_seeded(tmp_path):
    path = tmp_path / "sub" / "new.sqlite3"
    db = open_database(path)
    try:
        with db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert s.execute(text("SELECT count(*) FROM events")).scalar() >= 45
            assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert s.execute(text("PRAGMA busy_timeout")).scalar() >= 3000
    finally:
        db.close()


def test_a_long_write_ahead_log_is_cut_back_once_checkpointed(db_path, monkeypatch):
    from azrel_desktop.core.store import database

    monkeypatch.setattr(database, "WAL_SIZE_LIMIT", 256 * 1024)
    db = open_database(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    try:
        with db.write() as s:  # a big write: about 4 MB of log
            s.execute(text("CREATE TABLE scratch (x)"))
            for i in range(400):
                s.execute(text("INSERT INTO scratch VALUES (:x)"), {"x": "x" * 10_000 + str(i)})
        assert wal.stat().st_size > 2 * 2**20
        other = sqlite3.connect(db_path)  # any connection may checkpoint
        assert other.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()[0] == 0
        other.close()
        with db.write() as s:  # the next (small) write starts the log again, cut back to the limit
            s.execute(text("CREATE TABLE scratch_2 (x)"))
        assert wal.stat().st_size <= 256 * 1024
    finally:
        db.close()


def test_migrations_and_models_agree(tmp_path):
    engine = make_engine(tmp_path / "m.sqlite3")
    migrate(engine)

    def include_name(name, type_, parent_names):
        return not (type_ == "table" and name and name.startswith(("event_fts", "source_fts")))

    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_name": include_name, "compare_type": True})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_migrations_downgrade_to_base_and_up_again(tmp_path):
    from alembic import command

    from azrel_desktop.core.store.database import alembic_config

    engine = make_engine(tmp_path / "m.sqlite3")
    migrate(engine)
    with engine.execution_options(azrel_write=True).begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    with engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert tables <= {"alembic_version"}
    migrate(engine)
    engine.dispose()


def test_junk_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"This is my thesis draft, not a database.\n" * 50)
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="not a SQLite database"):
        open_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.execute("INSERT INTO recipes VALUES ('plov')")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotADatabaseError, match="another program"):
        open_database(path)
    assert digest(path) == before


def test_newer_database_is_refused_and_untouched(db_path):
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = digest(db_path)
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(db_path)
    assert digest(db_path) == before


def test_message_is_one_sentence_without_traceback(tmp_path, capsys):
    from azrel_desktop.core.cli import main

    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"\x00\x01garbage")
    assert main(["--db", str(path), "stats"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a SQLite database" in err[0]


def _flip_bytes(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    # Scribble over the middle pages (b-tree pages of the tables), leaving the header intact.
    for page in range(2, len(data) // page_size - 1, 3):
        start = page * page_size
        data[start:start + 64] = bytes(range(64))
    path.write_bytes(bytes(data))


def test_damaged_file_is_moved_aside_and_backup_offered(db_path):
    lib = Library.open(db_path)
    lib.add_annotation("event", lib.rows(EventFilter())[0].id, "kept in the backup")
    lib.close()
    info = backups.make_backup(db_path)
    _flip_bytes(db_path)
    damaged_bytes = db_path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(db_path)
    err = caught.value
    assert err.backup == info.path
    assert not db_path.exists()
    assert err.moved_to.exists() and err.moved_to.read_bytes() == damaged_bytes
    assert "restore" in str(err)
    backups.restore(db_path, err.backup)
    restored = Library.open(db_path)
    try:
        assert [a.body for a in restored.annotations()] == ["kept in the backup"]
    finally:
        restored.close()


def test_damaged_file_without_backup_salvages_notes(db_path):
    lib = Library.open(db_path)
    first = lib.rows(EventFilter())[0].id
    lib.add_annotation("event", first, "survives salvage", ["keep"])
    lib.close()
    # Scribble over the root page of the events table: the notes' pages stay readable.
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    con.close()
    data = bytearray(db_path.read_bytes())
    start = (root - 1) * page_size
    data[start:start + page_size] = b"\xff" * page_size
    db_path.write_bytes(bytes(data))
    for old in backups.list_backups(db_path):
        old.path.unlink()
    db = open_database(db_path, whole_check=True)  # an ordinary open does not read the events' pages
    try:
        assert db.notice and "moved aside" in db.notice and "salvaged" in db.notice
        with db.read() as s:
            assert s.execute(text("SELECT body FROM annotations")).scalars().all() == ["survives salvage"]
            assert s.execute(text("SELECT tag FROM annotation_tags")).scalars().all() == ["keep"]
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    finally:
        db.close()
    assert list(db_path.parent.glob("*.damaged-*"))


def test_read_only_file_opens_read_only(db_path, deny_write):
    deny_write(db_path)
    db = open_database(db_path)
    try:
        assert db.readonly and db.notice and "read-only" in db.notice
        with db.read() as s:
            assert s.execute(text("SELECT count(*) FROM events")).scalar() > 0
        with pytest.raises(DatabaseError, match="read-only"), db.write():
            pass
    finally:
        db.close()


def test_read_only_annotation_is_refused_with_message(db_path):
    db = open_database(db_path, readonly=True)
    lib = Library(db)
    try:
        event_id = lib.rows(EventFilter())[0].id
        with pytest.raises(DatabaseError, match="read-only"):
            lib.add_annotation("event", event_id, "nope")
    finally:
        lib.close()


def test_write_transactions_begin_immediate(db_path):
    db = open_database(db_path, auto_backup=False)
    try:
        with db.write() as s:
            s.execute(text("SELECT count(*) FROM events"))
            # Only a read so far, but the write lock is already held.
            other = sqlite3.connect(db_path, timeout=0.05, isolation_level=None)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
    finally:
        db.close()


def test_lock_outlasting_timeout_gives_clear_message(db_path):
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    db = open_database(db_path, busy_timeout_ms=100, auto_backup=False, seed=False)
    lib = Library(db)
    try:
        event_id = lib.rows(EventFilter())[0].id  # reads still work beside a writer (WAL)
        with pytest.raises(DatabaseLockedError, match="busy in another window"):
            lib.add_annotation("event", event_id, "waits too long")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        lib.close()


def test_two_libraries_on_one_file_lose_no_update(db_path):
    a = Library.open(db_path)
    b = Library.open(db_path)
    event_id = a.rows(EventFilter())[0].id
    errors = []

    def writer(lib, label):
        try:
            for i in range(25):
                lib.add_annotation("event", event_id, f"{label}-{i}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(a, "a")), threading.Thread(target=writer, args=(b, "b"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        bodies = {x.body for x in a.annotations()}
        assert bodies == {f"{p}-{i}" for p in "ab" for i in range(25)}
        assert {x.body for x in b.annotations()} == bodies
    finally:
        a.close()
        b.close()


def _old_revision_fixture(tmp_path: Path, extra_step: str) -> Path:
    """A copy of the migrations with one more revision, so the current head becomes 'older'."""
    folder = tmp_path / "migrations"
    shutil.copytree(Path(__file__).resolve().parent.parent / "migrations", folder,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9000_test_step.py").write_text(
        f'''"""test step"""
import sqlalchemy as sa
from alembic import op

revision = "9000"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade():
{extra_step}


def downgrade():
    pass
''', encoding="utf-8")
    return folder


def test_older_file_is_backed_up_then_upgraded(db_path, tmp_path, monkeypatch):
    from azrel_desktop.core.store import scripts

    folder = _old_revision_fixture(tmp_path, "    op.add_column('events', sa.Column('extra', sa.Text()))")
    monkeypatch.setattr(scripts, "migrations_dir", lambda: folder)
    before = digest(db_path)
    db = open_database(db_path)
    try:
        with db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9000"
    finally:
        db.close()
    made = [b for b in backups.list_backups(db_path) if b.reason.startswith("before-upgrade")]
    assert len(made) == 1
    con = sqlite3.connect(made[0].path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "9000"
    con.close()
    assert before != digest(db_path)


def test_failing_migration_leaves_data_exactly_as_before(db_path, tmp_path, monkeypatch):
    from azrel_desktop.core.store import scripts

    lib = Library.open(db_path)
    lib.add_annotation("event", lib.rows(EventFilter())[0].id, "precious")
    lib.close()

    def dump(path):
        con = sqlite3.connect(path)
        rows = list(con.iterdump())
        con.close()
        return rows

    before = dump(db_path)
    folder = _old_revision_fixture(
        tmp_path, "    op.add_column('events', sa.Column('extra', sa.Text()))\n"
                  "    op.execute('SELECT no_such_function()')")
    monkeypatch.setattr(scripts, "migrations_dir", lambda: folder)
    with pytest.raises(Exception, match="no_such_function"):
        open_database(db_path)
    assert dump(db_path) == before
    made = [b for b in backups.list_backups(db_path) if b.reason.startswith("before-upgrade")]
    assert made and dump(made[0].path) == before


def test_a_real_older_schema_is_backed_up_and_upgraded(tmp_path, file_at_revision, backed_up_before_upgrade):
    """A file at schema 0001 (before citations carried their source) with a note in it."""
    path = file_at_revision(tmp_path / "old.sqlite3", "0001")
    con = sqlite3.connect(path)
    con.executescript("""
        INSERT INTO sources (id, title, kind, language, text, sha256, is_seed)
            VALUES ('src-mine', 'My source', 'note', 'en', 'Aliyev met Solana in Brussels.', 'x', 0);
        INSERT INTO passages (id, source_id, start, "end", exact, prefix, suffix, kind, is_seed)
            VALUES ('p-mine', 'src-mine', 0, 17, 'Aliyev met Solana', '', ' in Brussels.', 'citation', 0);
        INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain, title, summary,
                            kind, disputed, is_seed)
            VALUES ('ev-mine', '1996-04', '1996-04-01', '1996-04-30', 'month', 0, 0, 'My event', '', 'meeting', 0, 0);
        INSERT INTO event_citations (event_id, passage_id, stance) VALUES ('ev-mine', 'p-mine', 'supports');
        INSERT INTO annotations (id, target_kind, target_id, body, created_at, updated_at)
            VALUES ('n1', 'event', 'ev-mine', 'my old note', '2020-01-01 00:00:00', '2020-01-01 00:00:00');
    """)
    con.commit()
    con.close()
    lib = Library.open(path)
    try:
        with lib.db.read() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == head_revision()
            assert s.execute(text("SELECT source_id FROM event_citations WHERE event_id = 'ev-mine'")).scalar() \
                == "src-mine"
        assert [a.body for a in lib.annotations()] == ["my old note"]
        assert lib.count(EventFilter(sources=("src-mine",))) == 1
        assert lib.total() > 1  # the corpus was loaded beside the user's own records
    finally:
        lib.close()
    backed_up_before_upgrade(path, "0001")


def _bumps_on_end_date(path) -> bool:
    """Whether an end date's change is seen by the facet engine: it bumps the corpus version
    (0007) or logs the event in the change log (0012)."""
    con = sqlite3.connect(path)
    try:
        con.execute("INSERT INTO events (id, date, date_start, date_end, precision, approximate, uncertain, title, "
                    "summary, kind, disputed, is_seed) VALUES ('ev-x', '1996', '1996-01-01', '1996-12-31', 'year', "
                    "0, 0, 'x', '', 'meeting', 0, 0)")
        logged = con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'derived_log'").fetchone()[0]

        def seen() -> tuple:
            version = con.execute("SELECT value FROM app_meta WHERE key = 'corpus_version'").fetchone()[0]
            seq = con.execute("SELECT max(seq) FROM derived_log").fetchone()[0] if logged else None
            return version, seq

        before = seen()
        con.execute("UPDATE events SET date_end = '1997-12-31' WHERE id = 'ev-x'")
        after = seen()
        con.rollback()
        return after != before
    finally:
        con.close()


def test_a_file_at_0006_is_upgraded_so_an_end_date_change_bumps_the_corpus_version(
        tmp_path, file_at_revision, backed_up_before_upgrade):
    """The facet engine answers date windows from its arrays since 0007: a file from before
    would otherwise keep counting an event's old end date."""
    from alembic import command

    from azrel_desktop.core.store.database import alembic_config, make_engine

    path = file_at_revision(tmp_path / "old.sqlite3", "0006")
    assert not _bumps_on_end_date(path)
    Library.open(path).close()
    backed_up_before_upgrade(path, "0006")
    assert _bumps_on_end_date(path)
    engine = make_engine(path)
    with engine.execution_options(azrel_write=True).begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    engine.dispose()
    assert not _bumps_on_end_date(path)
