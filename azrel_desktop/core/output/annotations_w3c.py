"""The user's notes as W3C Web Annotations (JSON-LD), written out and read back.

`write_w3c` writes every note (or those with the given tags / words) as one
`AnnotationCollection` whose first page holds the annotations. A note on a passage targets a
`SpecificResource`: the source, with a `TextQuoteSelector` (exact, prefix, suffix) and a
`TextPositionSelector` (start, end). The positions count code points of the source's stored
text, which is NFC-normalised at import; the selector says so with `POSITION_UNIT` (an IRI
documented in the README), so that a reader counting UTF-16 units knows to convert. A note on
a record targets that record's IRI. The text of the note is a `TextualBody` with purpose
`commenting`, each tag one with purpose `tagging`.

`read_w3c` reads such a file (or a single annotation, a list of them, or an `AnnotationPage`)
back into the library in one transaction. It is idempotent by annotation id: an annotation
whose id the library already holds is skipped, so importing the same file twice adds nothing.
A passage is found by its id when the library holds it with the same quote; otherwise it is
placed by its position when the text there is the quote, else re-anchored by the quote and
its context, and stored as a selection of the user's. What cannot be placed is reported,
never guessed. Nothing is fetched: `@context` is written as a string and never resolved.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote, unquote

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import __version__
from ..corpus import models as m
from ..corpus.anchoring import Anchor, anchor_at, reanchor
from ..query.notes import TARGET_MODELS, AnnotationView, list_annotations
from ..research.annotations import Changes
from .note_batch import NoteBatch

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
IRI_PREFIX = "urn:azrel:"  # urn:azrel:<kind>:<id>, the id percent-encoded
VOCAB = "urn:azrel:vocab:"
# On a TextPositionSelector: what `start` and `end` count.
POSITION_UNIT = VOCAB + "positionUnit"
NFC_CODE_POINTS = VOCAB + "codePointsOfNFCText"
MAX_FILE_BYTES = 256 * 1024 * 1024  # a file of notes larger than this is refused, not read into memory


class W3CError(ValueError):
    """A file that is not W3C Web Annotations this library can read; the message says why."""


def iri(kind: str, record_id: str) -> str:
    return f"{IRI_PREFIX}{kind}:{quote(record_id, safe='')}"


def parse_iri(value: object) -> tuple[str, str] | None:
    """(kind, id) of one of this app's IRIs, else None."""
    if not isinstance(value, str) or not value.startswith(IRI_PREFIX):
        return None
    kind, sep, rest = value[len(IRI_PREFIX):].partition(":")
    return (kind, unquote(rest)) if sep and rest else None


def _stamp(when: datetime) -> str:
    return when.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _target(session: Session, v: AnnotationView) -> dict[str, Any] | str:
    if v.target_kind == "passage" and v.source_id is not None and v.start is not None and v.end is not None:
        p = session.get(m.Passage, v.target_id)
        s = session.get(m.Source, v.source_id)
        source: dict[str, Any] = {"id": iri("source", v.source_id), "type": "Text", "format": "text/plain"}
        if s is not None:
            source["dcterms:title"] = s.title
        return {
            "id": iri("passage", v.target_id),
            "type": "SpecificResource",
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": v.quote or "",
                 "prefix": p.prefix if p else "", "suffix": p.suffix if p else ""},
                {"type": "TextPositionSelector", "start": v.start, "end": v.end, POSITION_UNIT: NFC_CODE_POINTS},
            ],
        }
    return {"id": iri(v.target_kind, v.target_id), "dcterms:title": v.target_label}


def annotation_json(session: Session, v: AnnotationView) -> dict[str, Any]:
    bodies: list[dict[str, Any]] = []
    if v.body:
        bodies.append({"type": "TextualBody", "value": v.body, "format": "text/plain", "purpose": "commenting"})
    bodies.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in v.tags)
    out: dict[str, Any] = {
        "id": iri("annotation", v.id),
        "type": "Annotation",
        "motivation": "commenting" if v.body else "tagging",
        "created": _stamp(v.created_at),
        "modified": _stamp(v.updated_at),
    }
    if bodies:
        out["body"] = bodies
    out["target"] = _target(session, v)
    return out


def collection(session: Session, *, tags: tuple[str, ...] = (), text_contains: str = "") -> dict[str, Any]:
    views = sorted(list_annotations(session, tags=tags, text_contains=text_contains),
                   key=lambda v: (v.created_at, v.id))
    items = [annotation_json(session, v) for v in views]
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{uuid.uuid4()}",
        "type": "AnnotationCollection",
        "label": "AzRel Desktop notes",
        "generator": {"id": IRI_PREFIX + "app", "type": "Software", "name": f"AzRel Desktop {__version__}"},
        "generated": _stamp(datetime.now(UTC)),
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def write_w3c(session: Session, out: TextIO, *, tags: tuple[str, ...] = (), text_contains: str = "") -> int:
    """Write the notes as one AnnotationCollection; return how many."""
    data = collection(session, tags=tags, text_contains=text_contains)
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return int(data["total"])


# --- reading ---------------------------------------------------------------------------------


@dataclass
class W3CImport:
    """What an import of annotations did."""

    added: list[str] = field(default_factory=list)  # annotation ids
    already: list[str] = field(default_factory=list)  # ids the library held: skipped
    reanchored: list[str] = field(default_factory=list)  # placed by their quote, not their position
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (id or position, why)
    changes: Changes = field(default_factory=lambda: Changes(frozenset()))

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.already)} already in the library"]
        if self.reanchored:
            parts.append(f"{len(self.reanchored)} placed by their quote")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def load_annotations(path: Path | str) -> list[dict[str, Any]]:
    """The annotations a file holds, in order; W3CError for a file that is not such JSON."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise W3CError(f"{path} cannot be read ({exc.strerror or exc})") from exc
    if size > MAX_FILE_BYTES:
        raise W3CError(f"{path} is {size // (1024 * 1024)} MB, more than a file of notes can be "
                       f"({MAX_FILE_BYTES // (1024 * 1024)} MB)")
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise W3CError(f"{path} is not UTF-8 text") from exc
    except (json.JSONDecodeError, RecursionError) as exc:
        raise W3CError(f"{path} is not JSON ({exc})") from exc
    items = _items(data)
    if items is None:
        raise W3CError(f"{path} holds no W3C Web Annotations (expected an Annotation, a list of them, "
                       "an AnnotationPage or an AnnotationCollection)")
    return items


def _types(obj: Any) -> set[str]:
    t = obj.get("type", obj.get("@type")) if isinstance(obj, dict) else None
    values = t if isinstance(t, list) else [t]
    return {v.removeprefix("oa:") for v in values if isinstance(v, str)}


def _items(data: Any) -> list[dict[str, Any]] | None:
    if isinstance(data, list):
        return [d for d in data if isinstance(d, dict)]
    if not isinstance(data, dict):
        return None
    kinds = _types(data)
    if "Annotation" in kinds:
        return [data]
    if "AnnotationPage" in kinds:
        return [d for d in data.get("items") or [] if isinstance(d, dict)]
    if "AnnotationCollection" in kinds:
        page = data.get("first")
        pages: list[dict[str, Any]] = []
        while isinstance(page, dict) and len(pages) < 100_000:
            pages.extend(d for d in page.get("items") or [] if isinstance(d, dict))
            page = page.get("next") if isinstance(page.get("next"), dict) else None
        return pages
    return None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _note_id(raw: dict[str, Any]) -> str:
    """This library's id for an annotation: its own for one it wrote, else one derived from the
    foreign id (or, lacking one, from the content), the same at every import."""
    ident = raw.get("id", raw.get("@id"))
    mine = parse_iri(ident)
    if mine and mine[0] == "annotation" and 0 < len(mine[1]) <= 64:
        return mine[1]
    basis = ident if isinstance(ident, str) and ident else json.dumps(raw, sort_keys=True, ensure_ascii=False)
    return "w3c-" + hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _bodies(raw: dict[str, Any]) -> tuple[str, list[str]]:
    notes: list[str] = []
    tags: list[str] = []
    if isinstance(raw.get("bodyValue"), str):
        notes.append(raw["bodyValue"])
    motivation = raw.get("motivation")
    for body in _as_list(raw.get("body")):
        if isinstance(body, str):
            continue  # a body that is a link to elsewhere: nothing to read without fetching it
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purpose = body.get("purpose") or motivation
        (tags if purpose == "tagging" else notes).append(body["value"])
    return "\n\n".join(n for n in notes if n), tags


def _nfc(value: Any) -> str:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else ""


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True)
class _Place:
    kind: str
    target_id: str
    reanchored: bool = False
    new_passage: m.Passage | None = None


def _place_passage(session: Session, target: dict[str, Any]) -> _Place | str:
    source_ref = target.get("source")
    source_iri = source_ref.get("id", source_ref.get("@id")) if isinstance(source_ref, dict) else source_ref
    ref = parse_iri(source_iri)
    if ref is None or ref[0] != "source":
        return f"its source {source_iri!r} is not one of this library's"
    source = session.get(m.Source, ref[1])
    if source is None:
        return f"the library has no source {ref[1]!r}"
    exact = prefix = suffix = ""
    start = end = None
    for sel in _as_list(target.get("selector")):
        kinds = _types(sel)
        if "TextQuoteSelector" in kinds:
            exact, prefix, suffix = _nfc(sel.get("exact")), _nfc(sel.get("prefix")), _nfc(sel.get("suffix"))
        elif "TextPositionSelector" in kinds:
            start, end = _int(sel.get("start")), _int(sel.get("end"))
    passage_ref = parse_iri(target.get("id", target.get("@id")))
    if passage_ref and passage_ref[0] == "passage":
        known = session.get(m.Passage, passage_ref[1])
        if known is not None and known.source_id == source.id and (not exact or known.exact == exact):
            return _Place("passage", known.id)
    text = source.text
    if exact:
        if start is not None and end is not None and text[start:end] == exact and 0 <= start < end:
            found: Anchor | None = anchor_at(text, start, end)
            moved = False
        else:
            found = reanchor(text, Anchor(start or 0, (start or 0) + len(exact), exact, prefix, suffix))
            moved = found is not None and start is not None
        if found is None:
            return f"its quote is not in the source {source.title!r}"
    elif start is not None and end is not None and 0 <= start < end <= len(text):
        found, moved = anchor_at(text, start, end), False
    else:
        return "it has neither a quote nor a position in its source"
    same = session.scalars(select(m.Passage).where(
        m.Passage.source_id == source.id, m.Passage.start == found.start, m.Passage.end == found.end)).first()
    if same is not None:
        return _Place("passage", same.id, moved)
    p = m.Passage(id="user-" + uuid.uuid4().hex, source_id=source.id, start=found.start, end=found.end,
                  exact=found.exact, prefix=found.prefix, suffix=found.suffix, kind="user",
                  label="your selection", is_seed=False)
    return _Place("passage", p.id, moved, p)


def _place(session: Session, raw: dict[str, Any]) -> _Place | str:
    reasons = []
    for target in _as_list(raw.get("target")):
        if isinstance(target, dict) and (target.get("selector") is not None or "SpecificResource" in _types(target)):
            placed = _place_passage(session, target)
        else:
            ident = target.get("id", target.get("@id")) if isinstance(target, dict) else target
            ref = parse_iri(ident)
            if ref is None or ref[0] not in TARGET_MODELS or (ref[0] == "passage" and \
                    session.get(m.Passage, ref[1]) is None):
                placed = f"its target {ident!r} is not a record of this library"
            elif session.get(TARGET_MODELS[ref[0]], ref[1]) is None:
                placed = f"the library has no {ref[0]} {ref[1]!r}"
            else:
                placed = _Place(ref[0], ref[1])
        if isinstance(placed, _Place):
            return placed
        reasons.append(placed)
    return reasons[0] if reasons else "it has no target"


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        stamp = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp.astimezone(UTC).replace(tzinfo=None) if stamp.tzinfo else stamp


def import_annotations(db, items: list[dict[str, Any]]) -> W3CImport:
    """Add the annotations the library does not hold yet, in one transaction."""
    result = W3CImport()
    with db.write() as session:
        batch = NoteBatch(session)
        for index, raw in enumerate(items):
            note_id = _note_id(raw)
            label = str(raw.get("id", raw.get("@id")) or f"annotation {index + 1}")
            if "Annotation" not in _types(raw):
                result.skipped.append((label, "it is not an Annotation"))
                continue
            if note_id in batch.ids or session.get(m.Annotation, note_id) is not None:
                result.already.append(note_id)
                continue
            body, tags = _bodies(raw)
            if any("\ud800" <= ch <= "\udfff" for ch in body + "".join(tags)):
                result.skipped.append((label, "its text holds half of a character"))
                continue
            placed = _place(session, raw)
            if isinstance(placed, str):
                result.skipped.append((label, placed))
                continue
            if placed.new_passage is not None:
                session.add(placed.new_passage)
                session.flush()
                batch.new_passages.add(placed.target_id)
            batch.add(placed.kind, placed.target_id, body, tags, note_id, _when(raw.get("created")),
                      _when(raw.get("modified")))
            result.added.append(note_id)
            if placed.reanchored:
                result.reanchored.append(note_id)
        result.changes = batch.finish()
    return result


def read_w3c(db, path: Path | str) -> W3CImport:
    return import_annotations(db, load_annotations(path))
