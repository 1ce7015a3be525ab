"""Opening a library file as the app and the `azrel` command do: the store opens (creates,
backs up, migrates) the file, then the data kept in it from the layers above is brought up to
date — the shipped corpus loaded when the file holds none or an older one, and the derived
data (`core/derived/`: the search index) brought up to date and attached to every write.

This step sits above the store (which knows nothing of the corpus or of search) and below the
`Library` facade; `open_database` is the one way callers open a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from .derived import attach
from .query.search import ensure_index, reindex_events
from .store.database import Database, open_store
from .store.resources import shipped_corpus_version


def open_database(path: Path | str | None = None, *, seed: bool = True,
                  progress: Callable[[str], None] | None = None, **options) -> Database:
    """Open the file at `path` (see `store.database.open_store` for `options`: readonly,
    auto_backup, busy_timeout_ms, volume, sqlite_features, whole_check), loading the corpus (unless
    `seed` is False) and bringing the search index up to date."""

    def prepare(db: Database) -> None:
        if seed and not corpus_is_current(db):
            seed_corpus(db, progress=progress)
        # the search index built or caught up, and kept current by every write
        attach(db, lambda d: ensure_index(d, progress))

    return open_store(path, prepare=prepare, progress=progress, **options)


def seed_corpus(db: Database, *, folder: Path | None = None,
                progress: Callable[[str], None] | None = None) -> bool:
    """Load the corpus (from `folder`, default the shipped one) when the file has none or an
    older version, rebuilding the events' search rows in the same transaction; True if loaded."""
    from .corpus.seed import ensure_seeded  # (and YAML) only when the corpus may need loading

    return ensure_seeded(db, folder=folder, progress=progress, reindex=reindex_events)


def corpus_is_current(db: Database) -> bool:
    """Whether the file already holds the shipped corpus version, found with plain text and
    SQL, without importing YAML. False whenever unsure: then `seed_corpus` decides (and loads
    what is needed)."""
    shipped = shipped_corpus_version()
    if shipped is None:
        return False
    with db.read() as session:
        current = session.execute(text("SELECT value FROM app_meta WHERE key = 'seed_version'")).scalar()
    try:
        return current is not None and int(current) >= shipped
    except ValueError:
        return False
