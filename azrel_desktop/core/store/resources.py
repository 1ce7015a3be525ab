"""Where the shipped migrations and seed corpus live, installed or in a checkout.

A wheel carries them inside the package (`azrel_desktop/migrations`, `azrel_desktop/seed_data`);
a source checkout keeps them at the top level of the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]  # the azrel_desktop package


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name} folder is missing from this installation")


def migrations_dir() -> Path:
    return _find("migrations")


def seed_dir() -> Path:
    return _find("seed_data")


_CORPUS_VERSION = re.compile(r"^version:[ \t]*(\d+)[ \t]*(?:#.*)?$", re.MULTILINE)


def shipped_corpus_version() -> int | None:
    """The shipped corpus's version, read from corpus.yaml's text without YAML; None when unsure."""
    try:
        found = _CORPUS_VERSION.findall((seed_dir() / "corpus.yaml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return int(found[0]) if len(found) == 1 else None
