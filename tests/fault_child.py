"""Child process for the fault-injection tests and the slow fault script.

    python tests/fault_child.py write DB PREFIX   add notes forever, printing `ack BODY` after each commit
    python tests/fault_child.py seed DB       first-run seeding that stops midway, printing `midway`
    python tests/fault_child.py backup DB TARGET LIMIT   back up under a file-size limit (disk full)
    python tests/fault_child.py export DB TARGET LIMIT   export under a file-size limit (disk full)
    python tests/fault_child.py restore DB BACKUP LIMIT  restore under a file-size limit (disk full)
"""

from __future__ import annotations

import sys


def write(db: str, prefix: str = "run") -> None:
    from azrel_desktop.core.query.filters import EventFilter
    from azrel_desktop.core.service import Library

    lib = Library.open(db)
    event_id = lib.rows(EventFilter(), limit=1)[0].id
    i = 0
    while True:
        body = f"{prefix}-note-{i}"
        lib.add_annotation("event", event_id, body, [f"{prefix}-tag-{i}"])
        print(f"ack {body}", flush=True)
        i += 1


def seed(db: str) -> None:
    import azrel_desktop.core.corpus.seed as seed_module
    from azrel_desktop.core.store.database import open_database

    original = seed_module.reindex_events

    def stop_midway(session, event_ids=None):
        original(session, event_ids)
        print("midway", flush=True)
        sys.stdin.readline()  # the parent kills us here, inside the seeding transaction

    seed_module.reindex_events = stop_midway
    open_database(db)


def _limit(limit: str) -> None:
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), int(limit)))


def backup(db: str, target: str, limit: str) -> None:
    from pathlib import Path

    from azrel_desktop.core.store.backups import make_backup
    from azrel_desktop.core.store.database import DatabaseError

    _limit(limit)
    try:
        make_backup(Path(db), Path(target))
    except DatabaseError as exc:
        print(f"error: {exc}", flush=True)
        sys.exit(3)


def export(db: str, target: str, limit: str) -> None:
    from azrel_desktop.core.cli import main

    _limit(limit)
    sys.exit(main(["--db", db, "export", "events", "-o", target]))


def restore(db: str, backup_path: str, limit: str) -> None:
    from pathlib import Path

    from azrel_desktop.core.store.backups import restore as restore_backup
    from azrel_desktop.core.store.database import DatabaseError

    _limit(limit)
    try:
        restore_backup(Path(db), Path(backup_path))
    except DatabaseError as exc:
        print(f"error: {exc}", flush=True)
        sys.exit(3)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"write": write, "seed": seed, "backup": backup, "export": export, "restore": restore}[command](*args)
