"""Whether a library file is as this version of the app ships it: at the migration scripts'
head and seeded with at least the shipped corpus.

The `sqlite3`-only paths (`azrel stats`, `azrel export events`) ask this before they skip the
ordinary open, which would migrate or load the corpus first; standard library only, so those
commands import neither SQLAlchemy nor Alembic.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .files import inspect_file
from .resources import shipped_corpus_version
from .scripts import glance_at_scripts


@dataclass(frozen=True)
class Shipped:
    head: str  # the scripts' head revision, which the file is at
    corpus: int  # the shipped corpus version, which the file must be seeded with


def at_shipped_schema(path: Path) -> Shipped | None:
    """The shipped head and corpus version when `path` exists at that head, else None (the
    ordinary open is needed). Raises what looking at a damaged or unreadable file raises."""
    glance = glance_at_scripts()
    corpus = shipped_corpus_version()
    if glance is None or corpus is None:
        return None
    state = inspect_file(path, whole=False)
    if not state.exists or state.revision != glance.head:
        return None
    return Shipped(glance.head, corpus)


def seeded_with(con: sqlite3.Connection, corpus: int) -> bool:
    """Whether the file on `con` holds the corpus of version `corpus` or a later one."""
    row = con.execute("SELECT value FROM app_meta WHERE key = 'seed_version'").fetchone()
    value = str(row[0]) if row is not None and row[0] is not None else ""
    return value.isdigit() and int(value) >= corpus
