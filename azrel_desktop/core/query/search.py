"""Free-text search: the FTS5 index over events and the translation of any user input into a
safe FTS5 query.

The index holds, per event, its title, summary, the quotes of its passages and the user's
notes on it (and on the passages it cites); it follows every edit in the edit's own write
transaction (core/derived re-indexes the events the change log names). Input is never passed to MATCH as syntax: words
are extracted and each is quoted, so `"`, `-`, `AND`, `(`, `%`, `_` or NUL cannot break the
query. Double-quoted runs become phrases; the last bare word matches as a prefix.

The rowids a query matches are remembered for the latest few queries, under a token that every
change to the index renews, so one filter change runs the search once for its count, its first
page and its facets.
"""

from __future__ import annotations

import threading
import unicodedata
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from .. import derived
from ..derived.store import FOLDS, SEARCH_INDEX, SEARCH_SEQ, SEARCH_TOKEN
from ..store.sql_text import text

if TYPE_CHECKING:
    import numpy as np
    from sqlalchemy.orm import Session

# Characters the index tokenizer (`unicode61 remove_diacritics 2`) keeps in a token: letters,
# numbers, private-use characters, and combining marks (which it then strips). Everything else,
# the underscore included, separates tokens.
_TOKEN_CATEGORIES = ("L", "N", "M")

# The tokenizer folds "I" and "İ" to "i" and strips the marks of "ş ç ğ ö ü", but keeps the
# Azerbaijani dotless "ı" and the schwa "ə" (letters of their own, not an "i" or "e" with a mark),
# so "Baki" would never find "Bakı", nor "Seher" "Şəhər". Both the index and the query fold them,
# by the one table `derived.store.FOLDS` (one code point for one, so offsets into a folded text
# are those of the original and highlights fall on the text as written).
_FOLD = str.maketrans(dict(FOLDS))


def _is_token_char(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in _TOKEN_CATEGORIES or category == "Co"


def _words(segment: str) -> list[str]:
    words: list[str] = []
    current: list[str] = []
    for ch in segment + " ":
        if _is_token_char(ch):
            current.append(ch)
            continue
        # a run of combining marks alone would be an empty token, which matches nothing
        if current and any(unicodedata.category(c)[0] != "M" for c in current):
            words.append("".join(current))
        current = []
    return words


def _match(words: list[str], prefix: bool) -> str:
    """One phrase; with a folded letter ("ı", "ə") also the unfolded spelling, which an index
    built before the folding still holds."""
    star = "*" if prefix else ""
    typed = " ".join(words)
    folded = typed.translate(_FOLD)
    if folded == typed:
        return f'"{typed}"{star}'
    return f'("{folded}"{star} OR "{typed}"{star})'


def fts_query(user_text: str | None) -> str | None:
    """An FTS5 MATCH expression for what the user typed, or None when it holds no words."""
    if not user_text:
        return None
    cleaned = unicodedata.normalize("NFC", user_text.replace("\x00", " "))
    phrases: list[list[str]] = []
    # Split into quoted phrases and the rest; an unbalanced quote just ends the phrase.
    segments = cleaned.split('"')
    for index, segment in enumerate(segments):
        words = _words(segment)
        if not words:
            continue
        if index % 2 == 1 and len(words) > 1:
            phrases.append(words)
        else:
            phrases.extend([w] for w in words)
    if not phrases:
        return None
    # the last bare word (not a quoted one) matches as a prefix: "Sola" finds "Solana"
    tail = cleaned.rstrip()
    prefix = bool(tail) and _is_token_char(tail[-1]) and len(phrases[-1]) == 1
    parts = [_match(words, prefix and i == len(phrases) - 1) for i, words in enumerate(phrases)]
    return " AND ".join(parts)


INDEX_VERSION_KEY, TOKEN_KEY = SEARCH_INDEX, SEARCH_TOKEN  # (their app_meta keys)
INDEX_VERSION = "3"  # raise when what the index holds, or how, changes: files rebuild it on open
# What the index holds per event, and how it follows edits (triggers log them, `derived.catch_up`
# re-indexes the logged events in every write transaction), is core/derived's business. A new
# random token is written with every change to the index, in the same transaction: matches
# remembered under a token are those of the index's contents, whoever asks and whatever was
# restored.


def rowid_array(value: str | None) -> np.ndarray:
    """Rowids from a `group_concat(rowid)` value (numpy is imported here, on first use)."""
    import numpy as np

    if not value:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(value, dtype=np.int64, sep=",")


class _Matches:
    """The rowids a query matches, remembered per file and index token, for the few latest
    queries: a filter change counts them, plans its first page by them and facets them."""

    SIZE = 4  # a broad term at 1M events holds 4 MB

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._memo: OrderedDict[tuple, np.ndarray] = OrderedDict()

    def rowids(self, session: Session, query: str) -> np.ndarray:
        token = derived.store.value(session, SEARCH_TOKEN)
        key = (str(session.get_bind().engine.url), token, query)
        if token is not None:
            with self._lock:
                found = self._memo.get(key)
                if found is not None:
                    self._memo.move_to_end(key)
                    return found
        ids = rowid_array(derived.store.match(session, query))
        ids.flags.writeable = False  # shared by every caller
        if token is not None:
            with self._lock:
                self._memo[key] = ids
                while len(self._memo) > self.SIZE:
                    self._memo.popitem(last=False)
        return ids

    def clear(self) -> None:
        with self._lock:
            self._memo.clear()


_matches = _Matches()


def matching_rowids(session: Session, query: str) -> np.ndarray:
    """Rowids (ascending, read-only) of the events an FTS5 query (`fts_query`) matches."""
    return _matches.rowids(session, query)


def match_count(session: Session, query: str) -> int:
    return len(_matches.rowids(session, query))


def forget_matches() -> None:
    """Drop every remembered match (they are only ever a shortcut)."""
    _matches.clear()


REBUILDING = "Rebuilding the search index (a minute or two for a million events)…"


def ensure_index(db, progress: Callable[[str], None] | None = None) -> bool:
    """Rebuild the search index of a file whose index is from an older version (saying so first
    through `progress`: minutes at a million events); True if rebuilt. A file indexed before the
    index had a token gets one (until then no match is remembered)."""
    with db.read() as session:
        now = derived.state(session)
    if db.readonly:
        return False
    if now.meta.get(SEARCH_INDEX) == INDEX_VERSION:
        if SEARCH_TOKEN not in now.meta:
            with db.write() as session:
                derived.store.put(session, SEARCH_TOKEN, uuid.uuid4().hex)
        return False
    if progress:
        progress(REBUILDING)
    with db.write() as session:
        reindex_events(session)
    return True


def reindex_events(session: Session, event_ids: Iterable[str] | None = None) -> None:
    """Rebuild the search rows of the given events (all events when None: the index is then
    current to the change log's newest sequence)."""
    if event_ids is not None:
        derived.store.reindex_events_by_id(session, event_ids)
        return
    session.flush()
    derived.store.reindex_search(session, None)
    derived.store.put(session, SEARCH_INDEX, INDEX_VERSION)
    derived.store.put(session, SEARCH_SEQ, derived.state(session).seq)


def events_for_annotation_target(session: Session, kind: str, target_id: str) -> list[str]:
    """Events whose search text includes notes on this target."""
    if kind == "event":
        return [target_id]
    if kind == "passage":
        rows = session.execute(
            text("SELECT event_id FROM event_citations WHERE passage_id = :p"), {"p": target_id}
        )
        return [r[0] for r in rows]
    return []
