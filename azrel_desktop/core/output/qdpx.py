"""REFI-QDA project exchange (.qdpx): the library's sources, codes and coded passages written
for QDA tools (QualCoder, MAXQDA, NVivo, ATLAS.ti), and a .qdpx read back into sources and
passages.

**Writing.** A .qdpx is a zip holding `project.qde` (QDA-XML 1.0, namespace
`urn:QDA-XML:project:1.0`, UTF-8 with no byte-order mark before `<?xml`: several tools refuse
one) and `Sources/`, one plain-text file per source holding exactly its stored text (UTF-8, no
BOM, LF line ends: the stored text is normalised at import, so it has no CR). The code book is
a tree: Organisations (with their bodies below them), Countries, Event kinds and Tags, each a
group that is not codable itself. Each passage cited by a record or carrying a note is a
`PlainTextSelection`: its positions are the stored text's code points, which are exactly the
characters of the written file (no CRLF to count twice, a character outside the BMP counts
one, as in Python and as the standard's "characters" means); it is coded with the record's
organisations, countries and kind and the note's tags, and each record or note it supports is
a project `Note` it refers to. GUIDs are derived from the records' ids (UUID 5), so the same
library exports the same GUIDs and a re-import finds what it already holds.

**Reading.** A .qdpx is read with guards against a hostile file: members are only read, never
extracted to disk under their own names (no path traversal); the total and per-member
uncompressed sizes and the compression ratio are bounded (no zip bomb); the XML is parsed
with entities not resolved, no DTD loaded, and no network (no XXE). Text sources
(`internal://NAME` in `Sources/` or `sources/`, as QualCoder writes, or `PlainTextContent`)
go through the app's own source importer, so a source already in the library is recognised
and not duplicated; each coded selection becomes a passage of the user's with one note whose
tags are the codes' names and whose text the selection's description and notes. Positions in
the file count the characters of the text file as written, a CRLF as two (as MAXQDA and
NVivo count; ATLAS.ti and QualCoder count a line break as one even in a file written with CRLF,
and a project whose `origin` names them is read so); they are mapped
to the normalised stored text through the selected quote, so a selection lands on the same
words or is reported, never guessed. Importing the same file twice adds nothing.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import stat
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from lxml import etree
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ... import __version__
from ..corpus import models as m
from ..corpus.anchoring import Anchor, anchor_at, reanchor
from ..query.filters import EventFilter, compile_filter
from ..research.annotations import Changes
from ..sources.importer import ALREADY, IMPORTED, REPLACED, import_paths
from ..sources.normalise import normalise
from ..sources.reading import SourceMetadata
from ..sources.store import sha256_text
from .atomic_write import OutputError, _new_file_beside, _refuse_protected, _replace
from .note_batch import NoteBatch

NS = "urn:QDA-XML:project:1.0"
_Q = f"{{{NS}}}"
GUID_NAMESPACE = uuid.UUID("5b0c1f9e-3c1d-4d0e-9a43-7a7a2e1d0c51")  # this app's UUID-5 namespace
# Guards against a hostile archive.
MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, per member (text compresses about 3-10 times)


class QdpxError(ValueError):
    """A .qdpx that cannot be read (damaged, hostile, not REFI-QDA); the message says why."""


def guid(kind: str, ident: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"{kind}:{ident}"))


def _stamp(when: datetime | None = None) -> str:
    return (when or datetime.now(UTC)).replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def _clean(value: str | None) -> str:
    """Text XML 1.0 can hold: no C0 controls but tab and line ends, no lone surrogates."""
    if not value:
        return ""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", "", value)


# --- writing ---------------------------------------------------------------------------------


@dataclass
class _Codes:
    by_key: dict[tuple[str, str], str] = field(default_factory=dict)  # (group, id) -> guid


def _code(parent, guid_: str, name: str, codable: bool, description: str | None = None):
    el = etree.SubElement(parent, _Q + "Code", guid=guid_, name=_clean(name) or "(unnamed)",
                          isCodable="true" if codable else "false")
    if description:
        etree.SubElement(el, _Q + "Description").text = _clean(description)
    return el


def _codebook(session: Session, root, codes: _Codes) -> None:
    book = etree.SubElement(etree.SubElement(root, _Q + "CodeBook"), _Q + "Codes")
    orgs = session.execute(text("SELECT id, name, abbreviation, parent_id, description FROM organisations "
                                "ORDER BY name")).all()
    children: dict[str | None, list] = {}
    for row in orgs:
        children.setdefault(row.parent_id, []).append(row)
    group = _code(book, guid("group", "organisations"), "Organisations", False)

    def add_orgs(parent_el, parent_id: str | None, seen: set[str]) -> None:
        for row in children.get(parent_id, []):
            if row.id in seen:
                continue
            label = f"{row.name} ({row.abbreviation})" if row.abbreviation else row.name
            codes.by_key[("organisation", row.id)] = g = guid("organisation", row.id)
            add_orgs(_code(parent_el, g, label, True, row.description), row.id, seen | {row.id})

    add_orgs(group, None, set())
    group = _code(book, guid("group", "countries"), "Countries", False)
    for cid, name in session.execute(text("SELECT id, name FROM countries ORDER BY name")):
        codes.by_key[("country", cid)] = g = guid("country", cid)
        _code(group, g, name, True)
    group = _code(book, guid("group", "kinds"), "Event kinds", False)
    for kind in m.EVENT_KINDS:
        codes.by_key[("kind", kind)] = g = guid("kind", kind)
        _code(group, g, kind.replace("_", " "), True)
    tags = [t for (t,) in session.execute(text("SELECT DISTINCT tag FROM annotation_tags ORDER BY tag"))]
    if tags:
        group = _code(book, guid("group", "tags"), "Tags", False)
        for tag in tags:
            codes.by_key[("tag", tag)] = g = guid("tag", tag)
            _code(group, g, tag, True)


@dataclass
class _Selection:
    codes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _add_unique(values: list[str], value: str | None) -> None:
    if value and value not in values:
        values.append(value)


def _event_ids(session: Session, f: EventFilter) -> set[str] | None:
    if f.is_empty:
        return None
    c = compile_filter(f)
    return set(session.scalars(text(f"SELECT e.id FROM events e WHERE {c.where}"), c.params))


def build_project(session: Session, f: EventFilter | None = None) -> tuple[bytes, dict[str, tuple[str, str]]]:
    """project.qde's bytes and the text files to put beside it: {zip path: (guid, text)}.
    With a filter, the sources and passages the filter's events cite (and the notes on them)."""
    root = etree.Element(_Q + "Project", nsmap={None: NS}, name="AzRel Desktop library",
                         origin=f"AzRel Desktop {__version__}", creationDateTime=_stamp())
    user = guid("user", "azrel")
    etree.SubElement(etree.SubElement(root, _Q + "Users"), _Q + "User", guid=user, name="AzRel Desktop")
    codes = _Codes()
    _codebook(session, root, codes)
    events = _event_ids(session, f or EventFilter())
    selections: dict[str, _Selection] = {}
    notes: dict[str, tuple[str, str]] = {}  # guid -> (name, text), in the order first met

    def note(kind: str, ident: str, name: str, body: str) -> str:
        g = guid(f"note-{kind}", ident)
        notes.setdefault(g, (name, body))
        return g

    rows = session.execute(text("""SELECT c.passage_id, e.id, e.date, e.title, e.kind, e.summary, c.stance
        FROM event_citations c JOIN events e ON e.id = c.event_id ORDER BY e.date_start, e.id""")).all()
    orgs_of: dict[str, list[str]] = {}
    for eid, oid in session.execute(text("SELECT event_id, organisation_id FROM event_organisations")):
        orgs_of.setdefault(eid, []).append(oid)
    countries_of: dict[str, list[str]] = {}
    for eid, cid in session.execute(text("SELECT event_id, country_id FROM event_countries")):
        countries_of.setdefault(eid, []).append(cid)
    for pid, eid, date_, title, kind, summary, stance in rows:
        if events is not None and eid not in events:
            continue
        sel = selections.setdefault(pid, _Selection())
        _add_unique(sel.codes, codes.by_key.get(("kind", kind)))
        for oid in orgs_of.get(eid, ()):
            _add_unique(sel.codes, codes.by_key.get(("organisation", oid)))
        for cid in countries_of.get(eid, ()):
            _add_unique(sel.codes, codes.by_key.get(("country", cid)))
        said = "contradicts" if stance == "contradicts" else "supports"
        _add_unique(sel.notes, note("event", eid, f"{date_} {title}",
                                    f"Event {eid}: {date_} — {title}\n\n{summary or ''}\n\n(This passage {said} it.)"))
    if events is None:
        for _table, key, sql in (
            ("step_citations", "step_id", """SELECT x.passage_id, st.id, a.title || ': ' || replace(st.step, '_', ' ')
                || ' ' || st.date, st.country_id FROM step_citations x JOIN agreement_steps st ON st.id = x.step_id
                JOIN agreements a ON a.id = st.agreement_id"""),
            ("membership_citations", "membership_id", """SELECT x.passage_id, ms.id, c.name || ' in ' || o.name ||
                ': ' || replace(ms.status, '_', ' '), ms.country_id FROM membership_citations x
                JOIN memberships ms ON ms.id = x.membership_id JOIN countries c ON c.id = ms.country_id
                JOIN organisations o ON o.id = ms.organisation_id"""),
        ):
            for pid, rid, label, country in session.execute(text(sql)):
                sel = selections.setdefault(pid, _Selection())
                _add_unique(sel.codes, codes.by_key.get(("country", country)))
                _add_unique(sel.notes, note(key, rid, label, f"{label} ({rid})"))
    annotations = session.execute(text("""SELECT a.id, a.target_kind, a.target_id, a.body FROM annotations a
        ORDER BY a.created_at, a.id""")).all()
    tags_of: dict[str, list[str]] = {}
    for aid, tag in session.execute(text("SELECT annotation_id, tag FROM annotation_tags ORDER BY tag")):
        tags_of.setdefault(aid, []).append(tag)
    first_passage: dict[str, str] = {}
    for row in rows:
        first_passage.setdefault(row[1], row[0])
    for aid, kind, target, body in annotations:
        if kind == "passage" and (events is None or target in selections):
            pid = target  # with a filter, only the passages the filter's events cite
        elif kind == "event" and (events is None or target in events) and target in first_passage:
            pid = first_passage[target]  # a note on an event goes with the first passage citing it
        else:
            continue
        if session.get(m.Passage, pid) is None:
            continue
        sel = selections.setdefault(pid, _Selection())
        for tag in tags_of.get(aid, ()):
            _add_unique(sel.codes, codes.by_key.get(("tag", tag)))
        if body:
            _add_unique(sel.notes, note("annotation", aid, "Your note", body))
    passages = {p.id: p for p in session.scalars(select(m.Passage).where(m.Passage.id.in_(list(selections))))}
    by_source: dict[str, list[m.Passage]] = {}
    for p in passages.values():
        by_source.setdefault(p.source_id, []).append(p)
    source_ids = list(by_source) if events is not None else [
        s for (s,) in session.execute(text("SELECT id FROM sources ORDER BY title, id"))]
    files: dict[str, tuple[str, str]] = {}
    sources_el = etree.SubElement(root, _Q + "Sources")
    for sid in source_ids:
        src = session.get(m.Source, sid)
        if src is None:
            continue
        g = guid("source", sid)
        files[f"Sources/{g}.txt"] = (g, src.text)
        el = etree.SubElement(sources_el, _Q + "TextSource", guid=g, name=_clean(src.title) or sid,
                              plainTextPath=f"internal://{g}.txt", creatingUser=user)
        described = "; ".join(bit for bit in (src.author, src.publisher, src.published, src.url) if bit)
        if described:
            etree.SubElement(el, _Q + "Description").text = _clean(described)
        for p in sorted(by_source.get(sid, ()), key=lambda p: (p.start, p.end, p.id)):
            sel = selections[p.id]
            quote = " ".join(p.exact.split())
            pel = etree.SubElement(el, _Q + "PlainTextSelection", guid=guid("passage", p.id),
                                   name=_clean(quote[:200]), startPosition=str(p.start), endPosition=str(p.end),
                                   creatingUser=user)
            for code in sel.codes:
                coding = etree.SubElement(pel, _Q + "Coding", guid=guid("coding", f"{p.id}/{code}"),
                                          creatingUser=user)
                etree.SubElement(coding, _Q + "CodeRef", targetGUID=code)
            for n in sel.notes:
                etree.SubElement(pel, _Q + "NoteRef", targetGUID=n)
    if not len(sources_el):
        root.remove(sources_el)
    if notes:
        notes_el = etree.SubElement(root, _Q + "Notes")
        for g, (name, body) in notes.items():
            n_el = etree.SubElement(notes_el, _Q + "Note", guid=g, name=_clean(name)[:200], creatingUser=user)
            etree.SubElement(n_el, _Q + "PlainTextContent").text = _clean(body)
    # lxml writes no BOM; the declaration says UTF-8
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + etree.tostring(root, xml_declaration=False, encoding="UTF-8", pretty_print=True)), files


def qdpx_bytes(session: Session, f: EventFilter | None = None) -> tuple[bytes, int]:
    """The whole .qdpx as bytes, and how many sources it holds."""
    qde, files = build_project(session, f or EventFilter())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", qde)
        for name, (_g, body) in files.items():
            z.writestr(name, body.encode("utf-8"))
    return buffer.getvalue(), len(files)


def write_binary_atomically(path: Path | str, data: bytes) -> None:
    """`data` into a new file beside `path`, moved into place only when complete (the rules of
    `export.write_atomically`: the open library, its backups and any database are refused)."""
    path = Path(path)
    _refuse_protected(path)
    tmp, fd = _new_file_beside(path)
    try:
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            with contextlib.suppress(OSError):
                os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
        except OSError as exc:
            raise OutputError(f"{path} could not be written ({exc.strerror or exc}; check that the disk "
                              "has space); an earlier file of that name was left as it was.") from exc
        _replace(tmp, path, os.replace, time.sleep)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def write_qdpx(session: Session, path: Path | str, f: EventFilter | None = None) -> int:
    data, count = qdpx_bytes(session, f or EventFilter())
    write_binary_atomically(path, data)
    return count


# --- reading ---------------------------------------------------------------------------------


def _safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(data: bytes):
    if b"<!ENTITY" in data[:65536].upper():
        raise QdpxError("its project.qde declares XML entities, which a project file never needs (refused)")
    try:
        return etree.fromstring(data, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise QdpxError(f"its project.qde is not well-formed XML ({exc})") from exc


class _Archive:
    """A zip read member by member within the bounds above; names are looked up, never used as
    paths on disk."""

    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise QdpxError(f"{path.name} is not a .qdpx (zip) file ({exc})") from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise QdpxError(f"{path.name} holds {len(infos)} files, more than a project can ({MAX_MEMBERS})")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise QdpxError(f"{path.name} would unpack to {total // 2**20} MB, over the {MAX_TOTAL_BYTES // 2**20} "
                            "MB limit")
        self.names = {i.filename.replace("\\", "/").casefold(): i for i in infos if not i.is_dir()}

    def find(self, name: str) -> zipfile.ZipInfo | None:
        return self.names.get(name.replace("\\", "/").casefold())

    def read(self, info: zipfile.ZipInfo) -> bytes:
        if info.file_size > MAX_MEMBER_BYTES:
            raise QdpxError(f"{info.filename} is {info.file_size // 2**20} MB, over the limit for one file")
        if info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_RATIO and info.file_size > 2**20:
            raise QdpxError(f"{info.filename} is compressed {info.file_size // max(info.compress_size, 1)} times, "
                            "as a zip bomb is (refused)")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as exc:
            raise QdpxError(f"{info.filename} cannot be read from the archive ({exc})") from exc
        if len(data) > MAX_MEMBER_BYTES:
            raise QdpxError(f"{info.filename} unpacks to more than its stated size (refused)")
        return data

    def close(self) -> None:
        self.zip.close()


def _member_for(path_attr: str) -> str | None:
    """The archive path of an `internal://` source; None for an external one."""
    if not path_attr.startswith("internal://"):
        return None
    name = path_attr[len("internal://"):].replace("\\", "/")
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or not pure.name:
        raise QdpxError(f"a source's path {path_attr!r} leaves the archive (refused)")
    return name


@dataclass
class QdpxImport:
    """What an import of a .qdpx did."""

    sources_added: list[str] = field(default_factory=list)
    sources_known: list[str] = field(default_factory=list)
    passages_added: int = 0
    notes_added: int = 0
    already: int = 0  # selections the library held from an earlier import
    skipped: list[str] = field(default_factory=list)  # one sentence each
    changes: Changes = field(default_factory=lambda: Changes(frozenset()))

    def summary(self) -> str:
        parts = [f"{len(self.sources_added)} sources imported", f"{len(self.sources_known)} already in the library",
                 f"{self.passages_added} coded passages added"]
        if self.already:
            parts.append(f"{self.already} already there")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return ", ".join(parts)


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _children(el, name: str) -> list:
    return [c for c in el if _local(c) == name]


def _code_names(root) -> dict[str, str]:
    """Each codable code's guid -> its name as a path ("Organisations/NATO")."""
    out: dict[str, str] = {}

    def walk(el, trail: tuple[str, ...]) -> None:
        for code in _children(el, "Code"):
            name = (code.get("name") or "").strip()
            here = (*trail, name) if name else trail
            if code.get("guid"):
                out[code.get("guid").strip("{}").lower()] = "/".join(here)
            walk(code, here)

    for book in _children(root, "CodeBook"):
        for codes in _children(book, "Codes"):
            walk(codes, ())
    return out


def _note_texts(root, read_member: Callable[[str], bytes | None]) -> dict[str, str]:
    out: dict[str, str] = {}
    for notes in _children(root, "Notes"):
        for n in _children(notes, "Note"):
            body = "".join(c.text or "" for c in _children(n, "PlainTextContent"))
            if not body and n.get("plainTextPath"):
                member = _member_for(n.get("plainTextPath"))
                data = read_member(member) if member else None
                body = data.decode("utf-8-sig", "replace") if data else ""
            if n.get("guid"):
                out[n.get("guid").strip("{}").lower()] = body.strip()
    return out


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def file_positions(raw: str, *, crlf_as_one: bool) -> str:
    """The text as the exporting tool counted it: a CRLF two characters (as written), or one."""
    return raw.replace("\r\n", "\n") if crlf_as_one else raw


def _place(stored: str, counted: str, start: int, end: int) -> Anchor | None:
    """Where a selection of `counted` (the file's text as the tool counted it) lies in the
    normalised `stored` text: found by its quote and context, near the proportional position."""
    if not 0 <= start < end <= len(counted):
        return None
    if counted == stored:  # the very text the library holds: the positions are its own
        return anchor_at(stored, start, end)
    exact = normalise(counted[start:end])
    if not exact:
        return None
    prefix = normalise(counted[max(0, start - 64):start])[-32:]
    suffix = normalise(counted[end:end + 64])[:32]
    guess = int(start * len(stored) / max(len(counted), 1))
    return reanchor(stored, Anchor(guess, guess + len(exact), exact, prefix, suffix))


def read_qdpx(db, path: Path | str) -> QdpxImport:
    """Import a .qdpx's text sources and coded selections; see the module's docstring."""
    path = Path(path)
    archive = _Archive(path)
    result = QdpxImport()
    try:
        info = archive.find("project.qde")
        if info is None:
            candidates = [i for name, i in archive.names.items() if name.endswith(".qde") and "/" not in name]
            info = candidates[0] if len(candidates) == 1 else None
        if info is None:
            raise QdpxError(f"{path.name} holds no project.qde")
        root = parse_xml(archive.read(info))
        if _local(root) != "Project" or not str(etree.QName(root).namespace or "").startswith("urn:QDA-XML:project:"):
            raise QdpxError(f"{path.name} is not a REFI-QDA project (its root is not a QDA-XML Project)")
        # ATLAS.ti and QualCoder count a line break as one character even where the text file
        # they wrote has CRLF (QualCoder's "MAXQDA line endings" option writes CRLF but keeps
        # its positions); MAXQDA and NVivo count the characters of the file as written.
        origin = (root.get("origin") or "").casefold()
        crlf_as_one = "atlas" in origin or "qualcoder" in origin

        def read_member(name: str) -> bytes | None:
            for folder in ("", "Sources/", "sources/"):
                found = archive.find(folder + name)
                if found is not None:
                    return archive.read(found)
            return None

        codes = _code_names(root)
        note_texts = _note_texts(root, read_member)
        with tempfile.TemporaryDirectory(prefix="azrel-qdpx-") as tmp:
            for sources in _children(root, "Sources"):
                for index, src in enumerate(sources):
                    kind = _local(src)
                    if kind == "TextSource":
                        _import_source(db, src, index, Path(tmp), read_member, codes, note_texts, crlf_as_one,
                                       result)
                        continue
                    # a PDF's text representation (as MAXQDA and NVivo write one) is a text source
                    text_of = _children(src, "Representation") if kind == "PDFSource" else []
                    if text_of:
                        text_of[0].set("name", src.get("name") or text_of[0].get("name") or "")
                        _import_source(db, text_of[0], index, Path(tmp), read_member, codes, note_texts,
                                       crlf_as_one, result)
                    elif kind:
                        result.skipped.append(f"{src.get('name') or kind}: a {kind} "
                                              "(only text, and PDFs' text representations, are imported)")
    finally:
        archive.close()
    return result


def _import_source(db, src, index: int, tmp: Path, read_member, codes: dict[str, str], note_texts: dict[str, str],
                   crlf_as_one: bool, result: QdpxImport) -> None:
    name = (src.get("name") or f"source {index + 1}").strip()
    content = "".join(c.text or "" for c in _children(src, "PlainTextContent"))
    if content:
        raw = content
    else:
        member = _member_for(src.get("plainTextPath") or "")
        data = read_member(member) if member else None
        if data is None:
            where = src.get("plainTextPath") or "no plainTextPath"
            result.skipped.append(f"{name}: its text ({where}) is not in the archive")
            return
        raw = _decode(data).removeprefix("\ufeff")
    if not raw.strip():
        result.skipped.append(f"{name}: its text is empty")
        return
    with db.read() as session:  # the very text a library holds (a .qdpx this app wrote): no import needed
        same = session.execute(select(m.Source.id).where(m.Source.sha256 == sha256_text(raw))).first()
    if same is not None:
        result.sources_known.append(same[0])
        _import_selections(db, same[0], raw, src, codes, note_texts, name, result)
        return
    file = tmp / f"source-{index + 1}.txt"  # our own name: the archive's never reaches the disk
    file.write_text(raw.replace("\r\n", "\n"), encoding="utf-8", newline="\n")
    title = re.sub(r"\.(txt|text|docx?|pdf|rtf|html?)$", "", name, flags=re.I) or name
    report = import_paths(db, [file], SourceMetadata(title=_clean(title)[:500]))
    outcome = report.outcomes[0]
    if outcome.status not in (IMPORTED, ALREADY, REPLACED) or outcome.source_id is None:
        result.skipped.append(f"{name}: {outcome.message.split(': ', 1)[-1]}")
        return
    (result.sources_added if outcome.status == IMPORTED else result.sources_known).append(outcome.source_id)
    if outcome.status == IMPORTED:
        result.changes |= Changes(frozenset({"source"}), frozenset({outcome.source_id}))
    _import_selections(db, outcome.source_id, file_positions(raw, crlf_as_one=crlf_as_one), src, codes, note_texts, name,
                       result)


def _import_selections(db, source_id: str, counted: str, src, codes: dict[str, str], note_texts: dict[str, str],
                       name: str, result: QdpxImport) -> None:
    with db.write() as session:
        source = session.get(m.Source, source_id)
        assert source is not None
        batch = NoteBatch(session)
        for sel in _children(src, "PlainTextSelection"):
            _import_selection(session, batch, source, counted, sel, codes, note_texts, name, result)
        result.changes |= batch.finish()


def _import_selection(session: Session, batch: NoteBatch, source: m.Source, counted: str, sel,
                      codes: dict[str, str], note_texts: dict[str, str], name: str, result: QdpxImport) -> None:
    sel_guid = (sel.get("guid") or "").strip("{}").lower()
    # the selection's own GUID makes a re-import find it; lacking one, its place does
    place = f"{source.id}:{sel.get('startPosition')}:{sel.get('endPosition')}"
    note_id = f"qdpx-{sel_guid or guid('selection', place)}"
    if note_id in batch.ids or session.get(m.Annotation, note_id) is not None:
        result.already += 1
        return
    try:
        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
    except (TypeError, ValueError):
        result.skipped.append(f"{name}: a selection without usable positions")
        return
    found = _place(source.text, counted, start, end)
    if found is None:
        result.skipped.append(f"{name}: the selection at {start}-{end} could not be placed in its text")
        return
    tags = [codes[c.get("targetGUID", "").strip("{}").lower()] for coding in _children(sel, "Coding")
            for c in _children(coding, "CodeRef") if c.get("targetGUID", "").strip("{}").lower() in codes]
    bodies = ["".join(d.text or "" for d in _children(sel, "Description")).strip()]
    for holder in (sel, *_children(sel, "Coding")):
        bodies.extend(note_texts.get(n.get("targetGUID", "").strip("{}").lower(), "")
                      for n in _children(holder, "NoteRef"))
    body = _clean("\n\n".join(dict.fromkeys(b for b in bodies if b)))
    passage = session.scalars(select(m.Passage).where(
        m.Passage.source_id == source.id, m.Passage.start == found.start, m.Passage.end == found.end)).first()
    if passage is None:
        a = anchor_at(source.text, found.start, found.end)
        passage = m.Passage(id="user-" + uuid.uuid4().hex, source_id=source.id, start=a.start, end=a.end,
                            exact=a.exact, prefix=a.prefix, suffix=a.suffix, kind="user", label="your selection",
                            is_seed=False)
        session.add(passage)
        session.flush()
        result.passages_added += 1
        batch.new_passages.add(passage.id)
    batch.add("passage", passage.id, body, [t[-64:] for t in tags], note_id)
    result.notes_added += 1
