"""Reading the list of sources and what the app knows about one of them: plain dataclasses for
the Sources page, the metadata editor and the command line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..query.source_search import hit_spans, index_for, parse_query
from .extracted import SourceMetadata
from .normalise import page_at
from .store import metadata_of


@dataclass(frozen=True)
class SourceRow:
    """One line of the Sources page."""

    id: str
    title: str
    author: str | None
    publisher: str | None
    published: str | None
    kind: str
    language: str
    is_seed: bool
    file_name: str | None
    media_type: str | None
    imported_at: datetime | None
    characters: int
    passages: int
    hits: int | None = None  # occurrences of the searched words (None when not searching)


@dataclass(frozen=True)
class OrphanView:
    """A passage that could not be placed in its source's current text."""

    passage_id: str
    quote: str
    prefix: str
    suffix: str
    version_id: int
    replaced_at: datetime
    records: tuple[str, ...]


@dataclass(frozen=True)
class SourceInfo:
    """Everything about one source except its passages (the source page has those)."""

    id: str
    metadata: SourceMetadata
    is_seed: bool
    file_name: str | None
    media_type: str | None
    encoding: str | None
    file_sha256: str | None
    text_sha256: str
    file_size: int | None
    imported_at: datetime | None
    page_starts: tuple[int, ...] | None
    versions: int
    orphans: tuple[OrphanView, ...]

    def page_of(self, offset: int) -> int | None:
        return page_at(list(self.page_starts) if self.page_starts else None, offset)


_ROW_SQL = """
SELECT s.id, s.title, s.author, s.publisher, s.published, s.kind, s.language, s.is_seed, s.file_name,
       s.media_type, s.imported_at, length(s.text),
       (SELECT count(*) FROM passages p WHERE p.source_id = s.id AND p.kind = 'citation')
FROM sources s
"""


def _row(r, hits: int | None = None) -> SourceRow:
    imported = r[10]
    if isinstance(imported, str):
        imported = datetime.fromisoformat(imported)
    return SourceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], r[9], imported, r[11] or 0,
                     r[12], hits)


def list_sources(session: Session, search: str = "", *, own_only: bool = False,
                 limit: int | None = None) -> list[SourceRow]:
    """Every source by title, or (with `search`) those holding the words, most hits first.
    With `limit`, only that many: the first by title, or the best matches by the engine's rank
    (the hits are counted in their texts, so a broad word over thousands of sources stays quick)."""
    where = " WHERE NOT s.is_seed" if own_only else ""
    query = parse_query(search)
    if query.empty:
        sql = _ROW_SQL + where + " ORDER BY s.title COLLATE NOCASE, s.id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_row(r) for r in session.execute(text(sql))]
    ids = index_for(session).matching(session, search, own_only=own_only, limit=limit)
    if not ids:
        return []
    rows = {r[0]: r for r in session.execute(
        text(_ROW_SQL + " WHERE s.id IN (SELECT value FROM json_each(:ids))" + (" AND NOT s.is_seed" if own_only else "")),
        {"ids": json.dumps(ids)})}
    out = []
    for sid in ids:
        r = rows.get(sid)
        if r is None:
            continue
        body = session.execute(text("SELECT text FROM sources WHERE id = :i"), {"i": sid}).scalar_one()
        out.append(_row(r, len(hit_spans(body, query))))
    out.sort(key=lambda row: -(row.hits or 0))  # stable: ties keep the engine's rank
    return out


def count_sources(session: Session, search: str = "", *, own_only: bool = False) -> int:
    """How many sources `list_sources` would give without a limit."""
    if parse_query(search).empty:
        sql = "SELECT count(*) FROM sources" + (" WHERE NOT is_seed" if own_only else "")
        return session.execute(text(sql)).scalar_one()
    return index_for(session).count(session, search, own_only=own_only)


def source_hits(session: Session, source_id: str, search: str) -> list[tuple[int, int]]:
    body = session.execute(text("SELECT text FROM sources WHERE id = :i"), {"i": source_id}).scalar()
    return hit_spans(body or "", parse_query(search))


def source_info(session: Session, source_id: str) -> SourceInfo:
    from .store import _records_citing

    src = session.get(m.Source, source_id)
    if src is None:
        raise KeyError(source_id)
    size = session.execute(text("SELECT size FROM source_files WHERE source_id = :i ORDER BY id DESC LIMIT 1"),
                           {"i": source_id}).scalar()
    versions = session.execute(text("SELECT count(*) FROM source_versions WHERE source_id = :i"),
                               {"i": source_id}).scalar_one()
    orphans = tuple(
        OrphanView(r[0], r[1], r[2], r[3], r[4], datetime.fromisoformat(r[5]) if isinstance(r[5], str) else r[5],
                   _records_citing(session, r[0]))
        for r in session.execute(text(
            "SELECT p.id, p.exact, p.prefix, p.suffix, o.version_id, v.replaced_at FROM passage_orphans o "
            "JOIN passages p ON p.id = o.passage_id JOIN source_versions v ON v.id = o.version_id "
            "WHERE p.source_id = :i ORDER BY p.id"), {"i": source_id}))
    return SourceInfo(
        id=src.id, metadata=metadata_of(src), is_seed=src.is_seed, file_name=src.file_name,
        media_type=src.media_type, encoding=src.encoding, file_sha256=src.file_sha256, text_sha256=src.sha256,
        file_size=size, imported_at=src.imported_at,
        page_starts=tuple(src.page_starts) if src.page_starts else None, versions=versions, orphans=orphans,
    )


def original_file(session: Session, source_id: str) -> tuple[str, str, bytes] | None:
    """(name, media type, bytes) of the file a source was last imported from."""
    row = session.execute(text("SELECT name, media_type, data FROM source_files WHERE source_id = :i "
                               "ORDER BY id DESC LIMIT 1"), {"i": source_id}).first()
    return (row[0], row[1], bytes(row[2])) if row else None
