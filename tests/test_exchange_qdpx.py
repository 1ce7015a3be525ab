"""REFI-QDA project exchange: the .qdpx written validates against the published schema, its
positions are the texts' characters, and a .qdpx from QualCoder (or a hostile one) is read safely."""

from __future__ import annotations

import io
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from azrel_desktop.core.cli import main
from azrel_desktop.core.corpus import models as m
from azrel_desktop.core.output import qdpx

XSD = Path(__file__).parent / "data" / "refi-qda" / "Project-mrt2019.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}


def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD), etree.XMLParser(no_network=True, resolve_entities=False)))


def _export(library, path: Path, *extra) -> zipfile.ZipFile:
    assert main(["--db", str(library.path), "export", "project", "--format", "qdpx", "-o", str(path), *extra]) == 0
    return zipfile.ZipFile(path)


def test_the_project_validates_against_the_refi_qda_schema_and_has_no_bom(library, tmp_path):
    z = _export(library, tmp_path / "lib.qdpx")
    qde = z.read("project.qde")
    assert qde.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')  # no BOM before it
    doc = etree.fromstring(qde)
    schema = _schema()
    assert schema.validate(doc), schema.error_log
    groups = [c.get("name") for c in doc.find("q:CodeBook/q:Codes", NS)]
    assert groups[:3] == ["Organisations", "Countries", "Event kinds"]
    nato = doc.xpath("//q:Code[starts-with(@name, 'North Atlantic Treaty Organization')]", namespaces=NS)[0]
    assert any(c.get("name").startswith("Partnership for Peace") for c in nato.iter(f"{{{NS['q']}}}Code"))
    assert doc.findall("q:Notes/q:Note", NS), "the records are notes"


def test_selections_count_characters_of_the_written_text_even_with_crlf_and_non_bmp(library, tmp_path):
    src = tmp_path / "crlf.txt"
    src.write_bytes("Line 𝔸 one\r\nSecond 🇦🇿 line names NATO here.\r\nThird.".encode())
    (report, _changes) = library.import_sources([src])
    sid = report.outcomes[0].source_id
    with library.db.read() as s:
        stored = s.get(m.Source, sid).text
    start = stored.index("NATO")
    library.annotate_selection(sid, start, start + 4, "coded", tags=("alliance",))
    z = _export(library, tmp_path / "lib.qdpx")
    doc = etree.fromstring(z.read("project.qde"))
    assert _schema().validate(doc)
    guid = qdpx.guid("source", sid)
    body = z.read(f"Sources/{guid}.txt")
    assert not body.startswith(b"\xef\xbb\xbf") and b"\r" not in body
    written = body.decode("utf-8")
    assert written == stored
    el = doc.xpath(f"//q:TextSource[@guid='{guid}']", namespaces=NS)[0]
    assert el.get("plainTextPath") == f"internal://{guid}.txt"
    [sel] = el.findall("q:PlainTextSelection", NS)
    s0, s1 = int(sel.get("startPosition")), int(sel.get("endPosition"))
    assert written[s0:s1] == "NATO" and s0 == start
    tag_code = doc.xpath("//q:Code[@name='Tags']/q:Code[@name='alliance']", namespaces=NS)[0]
    assert [c.get("targetGUID") for c in sel.iterfind("q:Coding/q:CodeRef", NS)] == [tag_code.get("guid")]


def test_a_filtered_project_holds_only_what_the_filter_cites(library, tmp_path):
    every = _export(library, tmp_path / "all.qdpx")
    nato = _export(library, tmp_path / "nato.qdpx", "--org", "NATO")
    sources = [n for n in nato.namelist() if n.startswith("Sources/")]
    assert 0 < len(sources) < len([n for n in every.namelist() if n.startswith("Sources/")])


def _qualcoder_like(path: Path, *, origin: str = "QualCoder 3.6", folder: str = "sources") -> dict:
    """A project in QualCoder's shape: lower-case `sources/`, a text file with a BOM and CRLF
    line ends, internal:// paths, a code tree, a coded selection with a note."""
    text = "Héllo 𝔘 world.\r\n\r\nSecond line.\r\nThird 🇦🇿.\r\nAzerbaijan joined the Partnership for Peace in 1994.\r\nEnd."
    # MAXQDA counts the file's characters (CRLF two); ATLAS.ti and QualCoder a line break as one
    counted = text if "MAXQDA" in origin else text.replace("\r\n", "\n")
    start = counted.index("Partnership for Peace")
    end = start + len("Partnership for Peace")
    g = {k: str(uuid.uuid4()) for k in ("src", "sel", "parent", "child", "note", "coding", "user")}
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="study" origin="{origin}">
 <Users><User guid="{g['user']}" name="coder"/></Users>
 <CodeBook><Codes>
  <Code guid="{g['parent']}" name="NATO" isCodable="true">
   <Code guid="{g['child']}" name="PfP" isCodable="true"/>
  </Code>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="{g['src']}" name="interview.txt" plainTextPath="internal://{g['src']}.txt">
   <PlainTextSelection guid="{g['sel']}" name="x" startPosition="{start}" endPosition="{end}">
    <Coding guid="{g['coding']}"><CodeRef targetGUID="{g['child']}"/></Coding>
    <NoteRef targetGUID="{g['note']}"/>
   </PlainTextSelection>
  </TextSource>
 </Sources>
 <Notes><Note guid="{g['note']}" name="memo"><PlainTextContent>Memo: joining date.</PlainTextContent></Note></Notes>
</Project>"""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", qde.encode("utf-8"))
        z.writestr(f"{folder}/{g['src']}.txt", "\ufeff".encode() + text.encode("utf-8"))
    return g


@pytest.mark.parametrize("origin, folder", [("QualCoder 3.6", "sources"), ("MAXQDA 2022", "Sources"),
                                            ("ATLAS.ti 23", "Sources")])
def test_a_qualcoder_project_becomes_a_source_with_a_coded_passage_once(library, tmp_path, origin, folder):
    path = tmp_path / "study.qdpx"
    g = _qualcoder_like(path, origin=origin, folder=folder)
    result = qdpx.read_qdpx(library.db, path)
    assert len(result.sources_added) == 1 and result.passages_added == 1 and not result.skipped
    notes = [n for n in library.annotations() if n.id == f"qdpx-{g['sel']}"]
    assert len(notes) == 1
    note = notes[0]
    assert note.quote == "Partnership for Peace"  # the same words, whatever counting the tool used
    assert note.tags == ("NATO/PfP",) and note.body == "Memo: joining date."
    again = qdpx.read_qdpx(library.db, path)
    assert again.sources_added == [] and again.passages_added == 0 and again.already == 1
    assert len([n for n in library.annotations() if n.id.startswith("qdpx-")]) == 1


def test_our_own_project_read_back_duplicates_nothing(library, fresh_library, tmp_path):
    src = tmp_path / "mine.txt"
    src.write_text("A text of mine about the CSTO summit.", encoding="utf-8")
    (report, _c) = library.import_sources([src])
    sid = report.outcomes[0].source_id
    start = "A text of mine about the CSTO summit.".index("CSTO summit")
    library.annotate_selection(sid, start, start + len("CSTO summit"), "summit", tags=("csto",))
    with library.db.read() as s:
        cited = s.query(m.EventCitation).first()
    library.add_annotation("passage", cited.passage_id, "zanzibarquux remark")
    path = tmp_path / "lib.qdpx"
    _export(library, path)
    with fresh_library.db.read() as s:
        sources_before = s.query(m.Source).count()
    first = qdpx.read_qdpx(fresh_library.db, path)
    assert len(first.sources_added) == 1 and not first.skipped
    assert first.passages_added == 1  # the corpus's passages are found where they are, not made again
    second = qdpx.read_qdpx(fresh_library.db, path)
    assert second.sources_added == [] and second.passages_added == 0 and second.notes_added == 0
    with fresh_library.db.read() as s:
        assert s.query(m.Source).count() == sources_before + 1
    from azrel_desktop.core.query.filters import EventFilter

    # the imported notes are searchable with the events their passages support
    assert fresh_library.count(EventFilter(text="zanzibarquux")) >= 1
    mine = [n for n in fresh_library.annotations() if n.quote == "CSTO summit"]
    assert len(mine) == 1 and "csto" in [t.split("/")[-1] for t in mine[0].tags]


def _zip(path: Path, members: dict[str, bytes], *, compression=zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression=compression) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


GOOD_QDE = b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>' \
           b'<TextSource guid="00000000-0000-0000-0000-000000000001" name="t" ' \
           b'plainTextPath="internal://%s"/></Sources></Project>'


def test_a_path_that_leaves_the_archive_is_refused(library, tmp_path):
    path = _zip(tmp_path / "evil.qdpx", {"project.qde": GOOD_QDE % b"../../outside.txt",
                                         "outside.txt": b"secret"})
    with pytest.raises(qdpx.QdpxError, match="leaves the archive"):
        qdpx.read_qdpx(library.db, path)
    assert not (tmp_path.parent / "outside.txt").exists()


def test_external_entities_are_refused(library, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read", encoding="utf-8")
    qde = (f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>').encode()
    path = _zip(tmp_path / "xxe.qdpx", {"project.qde": qde})
    with pytest.raises(qdpx.QdpxError, match="entities"):
        qdpx.read_qdpx(library.db, path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(library, tmp_path):
    path = _zip(tmp_path / "bomb.qdpx", {"project.qde": GOOD_QDE % b"big.txt", "big.txt": b"\0" * (8 * 2**20)},
                compression=zipfile.ZIP_DEFLATED)
    assert path.stat().st_size < 2**20
    with pytest.raises(qdpx.QdpxError, match="zip bomb"):
        qdpx.read_qdpx(library.db, path)


@pytest.mark.parametrize("content, says", [(b"not a zip", "is not a .qdpx"),
                                           (None, "holds no project.qde")])
def test_a_file_that_is_not_a_project_is_refused_in_one_line(capsys, db_path, tmp_path, content, says):
    path = tmp_path / "x.qdpx"
    if content is None:
        _zip(path, {"readme.txt": b"hello"})
    else:
        path.write_bytes(content)
    assert main(["--db", str(db_path), "import-project", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert says in err and "\n" not in err


def test_qdpx_needs_an_output_file(capsys, db_path):
    assert main(["--db", str(db_path), "export", "project", "--format", "qdpx"]) == 2
    assert "give -o FILE" in capsys.readouterr().err


def test_the_schema_ships_with_its_licence_note():
    note = (XSD.parent / "README.md").read_text(encoding="utf-8")
    assert "MIT" in note and "7841112e27897debf996f76209b9c5a5d074d66c1297a2f19f5ef250d29303bd" in note
    assert b"MIT license" in XSD.read_bytes()
    assert io.BytesIO(XSD.read_bytes()).read(5) == b"<?xml"


def test_a_pdf_sources_text_representation_is_imported_and_pictures_are_reported(library, tmp_path):
    g = {k: str(uuid.uuid4()) for k in ("pdf", "rep", "sel", "pic", "code")}
    text = "Minutes of the meeting.\nThe EAPC met in Baku."
    start = text.index("EAPC")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="NVivo 14">
 <CodeBook><Codes><Code guid="{g['code']}" name="EAPC" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <PDFSource guid="{g['pdf']}" name="minutes.pdf" path="internal://{g['pdf']}.pdf">
   <Representation guid="{g['rep']}" plainTextPath="internal://{g['rep']}.txt">
    <PlainTextSelection guid="{g['sel']}" startPosition="{start}" endPosition="{start + 4}">
     <Coding guid="{uuid.uuid4()}"><CodeRef targetGUID="{g['code']}"/></Coding>
    </PlainTextSelection>
   </Representation>
  </PDFSource>
  <PictureSource guid="{g['pic']}" name="photo.jpg" path="internal://{g['pic']}.jpg"/>
 </Sources>
</Project>"""
    path = _zip(tmp_path / "nvivo.qdpx", {"project.qde": qde.encode(), f"Sources/{g['rep']}.txt": text.encode()})
    assert _schema().validate(etree.fromstring(qde.encode()))
    result = qdpx.read_qdpx(library.db, path)
    assert len(result.sources_added) == 1 and result.passages_added == 1
    assert len(result.skipped) == 1 and "photo.jpg: a PictureSource" in result.skipped[0]
    [note] = [n for n in library.annotations() if n.id == f"qdpx-{g['sel']}"]
    assert note.quote == "EAPC" and note.tags == ("EAPC",)
    with library.db.read() as s:
        assert s.get(m.Source, result.sources_added[0]).title == "minutes"


def test_a_selection_in_the_very_text_the_library_holds_keeps_its_span():
    # a corpus text is stored as shipped (double spaces, a span ending in a space): its own
    # positions are used as they are, not re-found through the normalised quote
    stored = "The  Council  met in Baku .\nThen it left."
    start, end = stored.index("Council"), stored.index(".")
    found = qdpx._place(stored, stored, start, end)
    assert (found.start, found.end, found.exact) == (start, end, "Council  met in Baku ")
    # a tool's file of an imported (normalised) text, with CRLF, is placed by its words
    normalised = "The Council met in Baku.\nThen it left."
    written = normalised.replace("\n", "\r\n")
    s0 = written.index("Then")
    other = qdpx._place(normalised, written, s0, s0 + len("Then it"))
    assert (other.start, other.exact) == (normalised.index("Then"), "Then it")
