"""Importing a batch of files: each file read, checked against what the library holds, and
stored in its own transaction; each failure one sentence naming the file and the reason, and
the batch goes on. A cancelled batch stops between files (or between a PDF's pages): what was
stored is whole, the rest absent.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from .normalise import normalise
from .reading import (
    SUPPORTED,
    Bibliography,
    Extracted,
    ImportCancelled,
    ImportRefused,
    Record,
    SourceMetadata,
    read_bytes,
    read_file,
)
from .store import (
    Existing,
    PassageMove,
    add_source,
    checked_overrides,
    find_existing,
    replace_text,
    resolved,
    sha256_text,
    source_with_url,
)

IMPORTED, REPLACED, ALREADY, FAILED, CANCELLED = "imported", "replaced", "already imported", "failed", "cancelled"


@dataclass(frozen=True)
class ImportOutcome:
    """What became of one file (or one record of a bibliography)."""

    path: str  # the file as the user named it
    status: str  # IMPORTED, REPLACED, ALREADY, FAILED or CANCELLED
    message: str  # one sentence naming the file
    source_id: str | None = None
    title: str | None = None
    encoding: str | None = None
    media_type: str | None = None
    record: str | None = None  # the bibliography record, for one that came from one
    moves: tuple[PassageMove, ...] = ()  # for a replaced text: what became of its passages

    @property
    def unplaced(self) -> tuple[PassageMove, ...]:
        return tuple(p for p in self.moves if p.how == "lost")

    @property
    def approximate(self) -> tuple[PassageMove, ...]:
        return tuple(p for p in self.moves if p.how == "fuzzy")


@dataclass(frozen=True)
class ImportReport:
    outcomes: tuple[ImportOutcome, ...] = field(default=())
    cancelled: bool = False

    def with_status(self, status: str) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def failed(self) -> list[ImportOutcome]:
        return self.with_status(FAILED)

    @property
    def stored(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if o.status in (IMPORTED, REPLACED)]

    @property
    def source_ids(self) -> frozenset[str]:
        return frozenset(o.source_id for o in self.stored if o.source_id)

    def summary(self) -> str:
        parts = []
        for status in (IMPORTED, REPLACED, ALREADY, FAILED, CANCELLED):
            n = len(self.with_status(status))
            if n:
                parts.append(f"{n} {status}" if status != REPLACED else f"{n} replaced by a new version")
        unplaced = sum(len(o.unplaced) for o in self.outcomes)
        if unplaced:
            parts.append(f"{unplaced} passage{'s' if unplaced != 1 else ''} could not be placed in a new version")
        return (", ".join(parts) or "nothing to import") + (" (cancelled)" if self.cancelled else "")


Progress = Callable[[int, int, str], None]


def _never() -> bool:
    return False


def import_paths(db, paths: Sequence[Path | str], overrides: SourceMetadata | None = None, *,
                 replaces: str | None = None, allow_duplicates: bool = False,
                 progress: Progress | None = None, cancelled: Callable[[], bool] = _never,
                 versions: Mapping[Path | str, str] | None = None) -> ImportReport:
    """Import files into `db`. `overrides` are the user's metadata (over the file's own);
    `replaces` names the source a single file is a new version of, `versions` the source each
    of several files is a new version of (by the file as given in `paths`); otherwise a file
    whose address matches one of the user's sources replaces its text. `allow_duplicates`
    imports a file already in the library again. Raises DateError (before anything is stored)
    for an unreadable date in `overrides`."""
    overrides = checked_overrides(overrides or SourceMetadata())
    files = [Path(p) for p in paths]
    if replaces is not None and len(files) != 1:
        raise ValueError("a new version replaces one source: give exactly one file")
    targets = {Path(p): sid for p, sid in (versions or {}).items() if sid}
    if len(set(targets.values())) != len(targets):
        raise ValueError("two files cannot both be the new version of one source")
    outcomes: list[ImportOutcome] = []

    def check() -> None:
        if cancelled():
            raise ImportCancelled()

    for index, path in enumerate(files):
        if progress:
            progress(index, len(files), path.name)
        if cancelled():
            outcomes.extend(ImportOutcome(str(p), CANCELLED, f"{p.name}: not imported (cancelled)")
                            for p in files[index:])
            return ImportReport(tuple(outcomes), cancelled=True)
        try:
            outcomes.extend(_import_one(db, path, overrides, targets.get(path, replaces), allow_duplicates, check))
        except ImportCancelled:
            outcomes.extend(ImportOutcome(str(p), CANCELLED, f"{p.name}: not imported (cancelled)")
                            for p in files[index:])
            return ImportReport(tuple(outcomes), cancelled=True)
    if progress:
        progress(len(files), len(files), "")
    return ImportReport(tuple(outcomes))


def _import_one(db, path: Path, overrides: SourceMetadata, replaces: str | None, allow_duplicates: bool,
                check) -> list[ImportOutcome]:
    name = path.name
    try:
        data = read_bytes(path)
        result = read_file(path, data, check)
    except ImportRefused as exc:
        return [ImportOutcome(str(path), FAILED, f"{name}: {exc}.")]
    except (MemoryError, RecursionError):
        return [ImportOutcome(str(path), FAILED, f"{name}: it is too large or too deeply nested to read.")]
    except ImportCancelled:
        raise
    except Exception as exc:  # a reader library's surprise on a hostile file must not stop the batch
        return [ImportOutcome(str(path), FAILED, f"{name}: it could not be read ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0][:120] if str(exc) else 'no detail'}).")]
    if isinstance(result, Bibliography):
        if replaces is not None:
            return [ImportOutcome(str(path), FAILED,
                                  f"{name}: a bibliography cannot be a new version of one source.")]
        return _import_records(db, path, result, overrides, allow_duplicates, check)
    return [_store_file(db, path, data, result, overrides, replaces, allow_duplicates)]


def _described(extracted: Extracted) -> str:
    bits = []
    if extracted.encoding:
        bits.append(f"read as {extracted.encoding}")
    if extracted.page_starts:
        bits.append(f"{len(extracted.page_starts)} pages")
    bits.extend(extracted.notes)
    return f" ({'; '.join(bits)})" if bits else ""


class _Facts(TypedDict):
    """What every outcome of one file says about how it was read."""

    encoding: str | None
    media_type: str | None
    record: str | None


def _store_file(db, path: Path, data: bytes, extracted: Extracted, overrides: SourceMetadata,
                replaces: str | None, allow_duplicates: bool, record: Record | None = None,
                label: str | None = None) -> ImportOutcome:
    name = label or path.name
    file_meta = record.metadata.over(extracted.metadata) if record is not None else extracted.metadata
    meta, notes = resolved(file_meta, overrides, path.stem)
    extra = _described(extracted) + (f" ({'; '.join(notes)})" if notes else "")
    common: _Facts = {"encoding": extracted.encoding, "media_type": extracted.media_type,
                      "record": record.label if record is not None else None}
    file_sha = hashlib.sha256(data).hexdigest()
    with db.write() as session:
        target = None
        if replaces is not None:
            from ..corpus import models as m

            src = session.get(m.Source, replaces)
            if src is None:
                return ImportOutcome(str(path), FAILED, f"{name}: there is no source {replaces!r} to replace.", **common)
            if src.is_seed:
                return ImportOutcome(str(path), FAILED, f"{name}: “{src.title}” belongs to the shipped corpus, which "
                                     "updates its own texts; import this file as a source of your own instead.",
                                     **common)
            target = (src.id, src.title)
        existing: Existing | None = None if allow_duplicates else find_existing(
            session, file_sha, sha256_text(extracted.text))
        if existing is not None and (target is None or existing.source_id == target[0] or existing.how == "file"):
            same = "this file" if existing.how == "file" else "the same text"
            return ImportOutcome(str(path), ALREADY, f"{name}: already imported — {same} is the source "
                                 f"“{existing.title}”.", existing.source_id, existing.title, **common)
        if target is None and not allow_duplicates:
            target = source_with_url(session, meta.url)
        if target is not None:
            replacement = replace_text(session, target[0], extracted, data, path.name)
            lost, fuzzy = len(replacement.lost), len(replacement.fuzzy)
            said = f"{name}: a new version of “{target[1]}”; {len(replacement.moves)} passages re-anchored"
            if fuzzy:
                said += f", {fuzzy} approximately (check them)"
            if lost:
                said += f", {lost} could not be placed (listed for you to fix)"
            return ImportOutcome(str(path), REPLACED, said + extra + ".", target[0], target[1],
                                 moves=replacement.moves, **common)
        source_id = add_source(session, meta, extracted, data, path.name)
    return ImportOutcome(str(path), IMPORTED, f"{name}: imported as “{meta.title}”{extra}.", source_id, meta.title,
                         **common)


def _import_records(db, path: Path, bib: Bibliography, overrides: SourceMetadata, allow_duplicates: bool,
                    check) -> list[ImportOutcome]:
    outcomes = []
    if not bib.records:
        return [ImportOutcome(str(path), FAILED, f"{path.name}: it holds no records.")]
    for record in bib.records:
        check()
        label = f"{path.name} [{record.label}]"
        attached = [f for f in record.files if f.suffix.lower() in SUPPORTED and f.is_file()]
        missing = [f for f in record.files if not f.is_file()]
        if attached:
            file = attached[0]
            try:
                data = read_bytes(file)
                extracted = read_file(file, data, check)
                if isinstance(extracted, Bibliography):
                    raise ImportRefused("its attachment is itself a bibliography")
            except ImportRefused as exc:
                outcomes.append(ImportOutcome(str(path), FAILED, f"{label}: its file {file.name}: {exc}.",
                                              record=record.label))
                continue
            outcomes.append(_store_file(db, file, data, extracted, overrides, None, allow_duplicates,
                                        record, f"{label} → {file.name}"))
            continue
        outcomes.append(_store_record(db, path, record, overrides, allow_duplicates, label, missing))
    return outcomes


def _store_record(db, path: Path, record: Record, overrides: SourceMetadata, allow_duplicates: bool,
                  label: str, missing: list[Path]) -> ImportOutcome:
    """A record without a readable file: a source with its metadata (and abstract as text)."""
    meta, notes = resolved(record.metadata, overrides, record.label or path.stem)
    body = normalise(record.abstract) if record.abstract else ""
    with db.write() as session:
        if not allow_duplicates:
            from sqlalchemy import text

            row = session.execute(text(
                "SELECT id, title FROM sources WHERE title = :t AND coalesce(url, '') = coalesce(:u, '') LIMIT 1"),
                {"t": meta.title, "u": meta.url}).first()
            if row is not None:
                return ImportOutcome(str(path), ALREADY, f"{label}: already imported as “{row[1]}”.", row[0], row[1],
                                     record=record.label)
        source_id = add_source(session, meta, None, None, None, body)
    what = "its abstract as text" if body else "no text yet (import its file as a new version later)"
    why = f"; its file {missing[0]} was not found" if missing else ""
    more = f" ({'; '.join(notes)})" if notes else ""
    return ImportOutcome(str(path), IMPORTED, f"{label}: imported as “{meta.title}” with {what}{why}{more}.",
                         source_id, meta.title, record=record.label)
