"""Where the shipped migrations and seed corpus live, installed or in a checkout.

A wheel carries them inside the package (`azrel_desktop/migrations`, `azrel_desktop/seed_data`);
a source checkout keeps them at the top level of the repository.
"""

from __future__ import annotations

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
