"""Injected faults: killed writers, killed first-run seeding, a full disk during backup and
export. The slow variant of the kill loop is `python tests/kill_loop.py --cycles N`."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from azrel_desktop.core.store.backups import make_backup
from azrel_desktop.core.store.database import open_database

CHILD = Path(__file__).with_name("fault_child.py")
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="file-size limits are POSIX only")


def kill_cycle(db: Path, acks_before_kill: int, cycle: int) -> list[str]:
    """Start a writer, let it acknowledge some notes, kill it hard; return the acknowledged bodies."""
    proc = subprocess.Popen([sys.executable, str(CHILD), "write", str(db), f"c{cycle}"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    acked = []
    try:
        for line in proc.stdout:
            if line.startswith("ack "):
                acked.append(line.split()[1])
                if len(acked) >= acks_before_kill:
                    break
    finally:
        proc.kill()  # SIGKILL on POSIX: no cleanup, no final commit
        proc.wait()
    assert acked, proc.stderr.read()
    return acked


def check_notes(db: Path, acked: set[str]) -> None:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = con.execute("SELECT a.body, group_concat(t.tag) FROM annotations a "
                           "LEFT JOIN annotation_tags t ON t.annotation_id = a.id GROUP BY a.id").fetchall()
    finally:
        con.close()
    bodies = {body for body, _ in rows}
    assert acked <= bodies, f"acknowledged but lost: {sorted(acked - bodies)}"
    for body, tags in rows:  # no partial write: every note arrived with its tag
        assert tags == body.replace("-note-", "-tag-")


def test_killed_writer_loses_no_acknowledged_note(db_path):
    acked: set[str] = set()
    for cycle in range(4):
        new = kill_cycle(db_path, 3 + 5 * cycle, cycle)
        assert not acked & set(new)
        acked |= set(new)
        check_notes(db_path, acked)
    assert len(acked) >= 3 + 8 + 13 + 18


def test_first_run_seeding_killed_midway_completes_next_start(tmp_path, seeded_template):
    db = tmp_path / "first.sqlite3"
    proc = subprocess.Popen([sys.executable, str(CHILD), "seed", str(db)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "midway", proc.stderr.read()
    finally:
        proc.kill()
        proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0  # rolled back whole
    con.close()
    open_database(db).close()

    def counts(path):
        c = sqlite3.connect(path)
        try:
            return {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("events", "passages", "agreements", "memberships", "event_citations", "event_fts")}
        finally:
            c.close()

    assert counts(db) == counts(seeded_template)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@posix_only
def test_disk_full_during_backup_keeps_previous_backup(db_path, tmp_path):
    target = tmp_path / "backup.sqlite3"
    make_backup(db_path, target)  # an earlier backup (a backup replaces nothing else)
    previous = _digest(target)
    before_db = _digest(db_path)
    result = subprocess.run([sys.executable, str(CHILD), "backup", str(db_path), str(target), "65536"],
                            capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "could not be written" in result.stdout
    assert _digest(target) == previous
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []
    assert _digest(db_path) == before_db


@posix_only
def test_disk_full_during_export_keeps_previous_file(db_path, tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("my earlier export\n", encoding="utf-8")
    result = subprocess.run([sys.executable, str(CHILD), "export", str(db_path), str(target), "40000"],
                            capture_output=True, text=True)
    assert result.returncode != 0
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and "azrel: error" in err[0] and "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "my earlier export\n"
    assert not list(tmp_path.glob(".*.partial"))
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


@posix_only
def test_disk_io_error_on_open_is_not_mistaken_for_damage(db_path, tmp_path):
    # Regression: a full disk made quick_check fail and the file was moved aside as "damaged".
    before = _digest(db_path)
    result = subprocess.run([sys.executable, str(CHILD), "export", str(db_path), str(tmp_path / "x.csv"), "4096"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and "disk" in err[0], result.stderr
    assert db_path.exists() and _digest(db_path) == before
    assert not list(db_path.parent.glob("*.damaged-*"))
