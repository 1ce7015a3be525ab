"""Writing the user's sources: a new source with its original bytes, its metadata later, and a
new version of its text that re-anchors every passage citing it.

Each function works inside the caller's write session, so the caller's one transaction per
source makes every source wholly stored or absent.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import uuid
from dataclasses import dataclass, fields
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..corpus import models as m
from ..corpus.anchoring import Anchor, place
from ..corpus.dates import DateError, is_valid_edtf, parse_phrase
from .extracted import Extracted, SourceMetadata

DEFAULT_KIND = "document"
DEFAULT_LANGUAGE = "und"  # BCP 47: undetermined
METADATA_FIELDS = tuple(f.name for f in fields(SourceMetadata))


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def new_source_id(title: str) -> str:
    folded = unicodedata.normalize("NFKD", title.lower().replace("ı", "i"))
    slug = re.sub(r"[^a-z0-9]+", "-", folded.encode("ascii", "ignore").decode()).strip("-")[:40].strip("-")
    return f"own-{slug or 'source'}-{uuid.uuid4().hex[:8]}"


def file_date(value: str | None) -> str | None:
    """A date as a file gives it, as EDTF, or None when it cannot be read (never an error:
    the file's metadata is a suggestion)."""
    if not value:
        return None
    value = value.strip()
    if is_valid_edtf(value):
        return value
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]", value)
    if iso and is_valid_edtf(iso.group(1)):
        return iso.group(1)
    try:
        return parse_phrase(value)
    except DateError:
        return None


def user_date(value: str | None, label: str = "published date") -> str | None:
    """A date the user typed, as EDTF; DateError (one sentence) when it cannot be read."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if is_valid_edtf(value):
        return value
    try:
        return parse_phrase(value)
    except DateError as exc:
        raise DateError(f"the {label} {value!r} is not a date AzRel can read "
                        "(use EDTF such as 2024-05-03, 2024-05 or 2024, or a phrase such as 'May 2024')") from exc


def checked_overrides(meta: SourceMetadata) -> SourceMetadata:
    """The user's metadata with its dates in EDTF; DateError for a date that cannot be read."""
    return SourceMetadata(**{
        **{k: (getattr(meta, k).strip() or None) if isinstance(getattr(meta, k), str) else getattr(meta, k)
           for k in METADATA_FIELDS},
        "published": user_date(meta.published),
        "data_as_of": user_date(meta.data_as_of, "data-as-of date"),
    })


def resolved(file_meta: SourceMetadata, overrides: SourceMetadata, fallback_title: str) -> tuple[SourceMetadata, list[str]]:
    """The metadata a new source gets: the user's values over the file's, the file's dates made
    EDTF (an unreadable one dropped, and said), a title always."""
    notes = []
    published = file_date(file_meta.published)
    if file_meta.published and published is None:
        notes.append(f"its date {file_meta.published!r} could not be read and was left empty")
    base = SourceMetadata(**{**file_meta.__dict__, "published": published,
                             "data_as_of": file_date(file_meta.data_as_of)})
    meta = overrides.over(base)
    title = (meta.title or "").strip() or fallback_title
    language = (meta.language or DEFAULT_LANGUAGE).strip()[:16]
    return SourceMetadata(**{**meta.__dict__, "title": title, "kind": meta.kind or DEFAULT_KIND,
                             "language": language}), notes


@dataclass(frozen=True)
class Existing:
    source_id: str
    title: str
    how: str  # 'file' (the same bytes) or 'text' (the same text from another file)


def find_existing(session: Session, file_sha: str, text_sha: str | None) -> Existing | None:
    """A source that already holds this file (now or as an earlier version) or this text."""
    row = session.execute(text(
        "SELECT s.id, s.title FROM sources s WHERE s.file_sha256 = :f "
        "UNION ALL SELECT s.id, s.title FROM source_files f JOIN sources s ON s.id = f.source_id "
        "WHERE f.sha256 = :f LIMIT 1"), {"f": file_sha}).first()
    if row is not None:
        return Existing(row[0], row[1], "file")
    if text_sha is not None:
        row = session.execute(text("SELECT id, title FROM sources WHERE sha256 = :t AND text != '' LIMIT 1"),
                              {"t": text_sha}).first()
        if row is not None:
            return Existing(row[0], row[1], "text")
    return None


def source_with_url(session: Session, url: str | None) -> tuple[str, str] | None:
    """The user's source at this address (a newer version of it replaces its text)."""
    if not url:
        return None
    row = session.execute(text("SELECT id, title FROM sources WHERE url = :u AND NOT is_seed "
                               "ORDER BY imported_at DESC LIMIT 1"), {"u": url.strip()}).first()
    return (row[0], row[1]) if row else None


def add_source(session: Session, meta: SourceMetadata, extracted: Extracted | None, data: bytes | None,
               file_name: str | None, body: str = "") -> str:
    """Store a new source (with its file's bytes when there is a file); its id."""
    body = extracted.text if extracted is not None else body
    source_id = new_source_id(meta.title or "source")
    stamp = now()
    file_sha = hashlib.sha256(data).hexdigest() if data is not None else None
    session.add(m.Source(
        id=source_id, title=meta.title, publisher=meta.publisher, author=meta.author, url=meta.url,
        published=meta.published, data_as_of=meta.data_as_of, kind=meta.kind or DEFAULT_KIND,
        language=meta.language or DEFAULT_LANGUAGE, reliability=meta.reliability, text=body,
        sha256=sha256_text(body), is_seed=False, file_name=file_name,
        media_type=extracted.media_type if extracted is not None else None,
        encoding=extracted.encoding if extracted is not None else None, file_sha256=file_sha,
        imported_at=stamp, page_starts=extracted.page_starts if extracted is not None else None,
    ))
    session.flush()
    if data is not None and extracted is not None:
        session.add(m.SourceFile(source_id=source_id, name=file_name or "", media_type=extracted.media_type,
                                 size=len(data), sha256=file_sha, data=data, added_at=stamp))
    return source_id


def update_metadata(session: Session, source_id: str, changes: dict[str, str | None]) -> tuple[SourceMetadata, SourceMetadata]:
    """Set the given metadata fields (dates checked); the metadata before and after."""
    src = session.get(m.Source, source_id)
    if src is None:
        raise ValueError(f"there is no source {source_id!r}")
    if src.is_seed:  # a newer corpus would overwrite the edit without a word
        raise ValueError(f"“{src.title}” belongs to the shipped corpus, whose details are read-only; "
                         "add a note to it instead")
    before = metadata_of(src)
    for key, value in changes.items():
        if key not in METADATA_FIELDS:
            raise ValueError(f"{key!r} is not a source field")
        value = value.strip() if isinstance(value, str) else value
        if key == "title" and not value:
            raise ValueError("a source needs a title")
        if key == "published":
            value = user_date(value)
        elif key == "data_as_of":
            value = user_date(value, "data-as-of date")
        elif key == "kind":
            value = value or DEFAULT_KIND
        elif key == "language":
            value = (value or DEFAULT_LANGUAGE)[:16]
        elif not value:
            value = None
        setattr(src, key, value)
    session.flush()
    return before, metadata_of(src)


def metadata_of(src: m.Source) -> SourceMetadata:
    return SourceMetadata(**{k: getattr(src, k) for k in METADATA_FIELDS})


@dataclass(frozen=True)
class PassageMove:
    """What happened to one passage when its source's text was replaced."""

    passage_id: str
    how: str  # 'same', 'exact', 'fuzzy' (placed on a span resembling its quote: check it), 'lost'
    quote: str  # the quote as it was
    new_quote: str | None  # the quote now (None when lost)
    start: int | None
    end: int | None
    records: tuple[str, ...] = ()  # what the passage supports, for the user to find it


@dataclass(frozen=True)
class Replacement:
    source_id: str
    version_id: int
    moves: tuple[PassageMove, ...]

    @property
    def lost(self) -> tuple[PassageMove, ...]:
        return tuple(p for p in self.moves if p.how == "lost")

    @property
    def fuzzy(self) -> tuple[PassageMove, ...]:
        return tuple(p for p in self.moves if p.how == "fuzzy")


def _records_citing(session: Session, passage_id: str) -> tuple[str, ...]:
    rows = session.execute(text(
        "SELECT 'event ' || event_id FROM event_citations WHERE passage_id = :p "
        "UNION ALL SELECT 'agreement step ' || step_id FROM step_citations WHERE passage_id = :p "
        "UNION ALL SELECT 'membership ' || membership_id FROM membership_citations WHERE passage_id = :p "
        "UNION ALL SELECT 'organisation ' || organisation_id FROM organisation_citations WHERE passage_id = :p"),
        {"p": passage_id})
    return tuple(r[0] for r in rows)


def replace_text(session: Session, source_id: str, extracted: Extracted, data: bytes | None,
                 file_name: str | None) -> Replacement:
    """Give a source a new version of its text: the old text is kept as a version, every
    passage re-anchored (exactly, else approximately), and one that cannot be placed is kept
    with its old offsets and listed as an orphan of the version it was made on."""
    from ..query.search import reindex_events

    src = session.get(m.Source, source_id)
    if src is None:
        raise KeyError(source_id)
    stamp = now()
    old_file_id = session.execute(select(m.SourceFile.id).where(m.SourceFile.source_id == source_id)
                                  .order_by(m.SourceFile.id.desc()).limit(1)).scalar()
    version = m.SourceVersion(source_id=source_id, text=src.text, sha256=src.sha256,
                              page_starts=src.page_starts, file_id=old_file_id, replaced_at=stamp)
    session.add(version)
    session.flush()
    new_text = extracted.text
    orphans = {o.passage_id: o for o in session.scalars(
        select(m.PassageOrphan).join(m.Passage).where(m.Passage.source_id == source_id))}
    moves: list[PassageMove] = []
    changed_quotes: list[str] = []
    for p in session.scalars(select(m.Passage).where(m.Passage.source_id == source_id).order_by(m.Passage.start)):
        placement = place(new_text, Anchor(p.start, p.end, p.exact, p.prefix, p.suffix))
        old_quote = p.exact
        if placement.anchor is None:
            if p.id not in orphans:
                session.add(m.PassageOrphan(passage_id=p.id, version_id=version.id, found_at=stamp))
            moves.append(PassageMove(p.id, "lost", old_quote, None, None, None, _records_citing(session, p.id)))
            continue
        a = placement.anchor
        if a.exact != p.exact:
            changed_quotes.append(p.id)
        p.start, p.end, p.exact, p.prefix, p.suffix = a.start, a.end, a.exact, a.prefix, a.suffix
        if p.id in orphans:
            session.delete(orphans[p.id])
        moves.append(PassageMove(p.id, placement.how, old_quote, a.exact, a.start, a.end,
                                 _records_citing(session, p.id) if placement.how == "fuzzy" else ()))
    file_sha = hashlib.sha256(data).hexdigest() if data is not None else None
    src.text = new_text
    src.sha256 = sha256_text(new_text)
    src.page_starts = extracted.page_starts
    src.media_type = extracted.media_type
    src.encoding = extracted.encoding
    if data is not None:
        src.file_name = file_name
        src.file_sha256 = file_sha
        session.add(m.SourceFile(source_id=source_id, name=file_name or "", media_type=extracted.media_type,
                                 size=len(data), sha256=file_sha, data=data, added_at=stamp))
    session.flush()
    if changed_quotes:
        events = session.execute(text("SELECT DISTINCT event_id FROM event_citations WHERE passage_id IN "
                                      "(SELECT value FROM json_each(:ids))"),
                                 {"ids": json.dumps(changed_quotes)}).scalars().all()
        if events:
            reindex_events(session, events)
    return Replacement(source_id, version.id, tuple(moves))
