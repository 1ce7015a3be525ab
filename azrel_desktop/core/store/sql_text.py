"""SQLAlchemy's `text`, imported at its first use: modules that a command-line fast path imports
(the filter, the dimension registry, the derived-data bookkeeping) write SQL with it, and such a
command must not pay for importing SQLAlchemy when it never runs a statement through it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import TextClause


def text(sql: str) -> TextClause:
    from sqlalchemy import text as _text

    return _text(sql)
