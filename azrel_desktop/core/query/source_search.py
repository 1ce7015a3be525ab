"""Search of the sources' full text: which sources hold the words, and where in each text.

`SourceIndex` is the storage-neutral interface (which sources match, best first);
`SqliteSourceIndex` fills it with the FTS5 table `source_fts` (migration 0008 keeps it in step
with `sources` by triggers; a PostgreSQL implementation would use a tsvector column). The
offsets of the hits are computed here against the stored text itself, never taken from an
engine's snippet, so they are code points of the text the source page shows: the words are
folded the way the index folds them (case, diacritics, the dotless "ı").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from .search import _FOLD, _words, fts_query


@dataclass(frozen=True)
class SourceQuery:
    """What the user typed, as phrases of folded words; the last bare word may be a prefix."""

    phrases: tuple[tuple[str, ...], ...]
    prefix: bool

    @property
    def empty(self) -> bool:
        return not self.phrases


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.translate(_FOLD).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


def parse_query(user_text: str | None) -> SourceQuery:
    """The same reading of the input as `search.fts_query`: quoted runs are phrases, the last
    bare word matches as a prefix."""
    if not user_text:
        return SourceQuery((), False)
    cleaned = unicodedata.normalize("NFC", user_text.replace("\x00", " "))
    phrases: list[tuple[str, ...]] = []
    for index, segment in enumerate(cleaned.split('"')):
        words = [fold(w) for w in _words(segment)]
        if not words:
            continue
        if index % 2 == 1 and len(words) > 1:
            phrases.append(tuple(words))
        else:
            phrases.extend((w,) for w in words)
    tail = cleaned.rstrip()
    prefix = bool(phrases) and bool(tail) and _words(tail[-1:]) != [] and len(phrases[-1]) == 1
    return SourceQuery(tuple(phrases), prefix)


_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


def hit_spans(body: str, query: SourceQuery, limit: int = 10_000) -> list[tuple[int, int]]:
    """(start, end) code-point spans of every occurrence of any of the query's phrases in
    `body`, in order (at most `limit`)."""
    if query.empty or not body:
        return []
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _TOKEN.finditer(body)]
    spans: list[tuple[int, int]] = []
    last = len(query.phrases) - 1
    for i in range(len(tokens)):
        for n, phrase in enumerate(query.phrases):
            if i + len(phrase) > len(tokens):
                continue
            ok = True
            for k, word in enumerate(phrase):
                token = tokens[i + k][2]
                is_prefix = query.prefix and n == last and k == len(phrase) - 1
                if not (token.startswith(word) if is_prefix else token == word):
                    ok = False
                    break
            if ok:
                spans.append((tokens[i][0], tokens[i + len(phrase) - 1][1]))
                break
        if len(spans) >= limit:
            break
    return spans


class SourceIndex(Protocol):
    def matching(self, session: Session, user_text: str, *, own_only: bool = False,
                 limit: int | None = None) -> list[str]:
        """Ids of the sources whose title or text holds every word, best match first."""

    def count(self, session: Session, user_text: str, *, own_only: bool = False) -> int:
        """How many sources `matching` gives without a limit."""


class SqliteSourceIndex:
    """The FTS5 implementation (`source_fts`, rowids shared with `sources`; the title weighs
    five times the text in the rank)."""

    _OWN = " AND rowid IN (SELECT rowid FROM sources WHERE NOT is_seed)"

    def matching(self, session: Session, user_text: str, *, own_only: bool = False,
                 limit: int | None = None) -> list[str]:
        query = fts_query(user_text)
        if query is None:
            return []
        sql = ("SELECT source_id FROM source_fts WHERE source_fts MATCH :q" + (self._OWN if own_only else "")
               + " ORDER BY bm25(source_fts, 0, 5.0, 1.0)")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in session.execute(text(sql), {"q": query})]

    def count(self, session: Session, user_text: str, *, own_only: bool = False) -> int:
        query = fts_query(user_text)
        if query is None:
            return 0
        sql = "SELECT count(*) FROM source_fts WHERE source_fts MATCH :q" + (self._OWN if own_only else "")
        return session.execute(text(sql), {"q": query}).scalar_one()


def index_for(session: Session) -> SourceIndex:
    """The implementation for the session's database (SQLite only, for now)."""
    return SqliteSourceIndex()
