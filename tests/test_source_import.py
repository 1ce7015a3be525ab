"""Importing the user's own sources: every format, the normalisation, the original bytes,
"already imported", and every kind of bad file (one sentence each, the batch goes on)."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import text

from azrel_desktop.core.corpus.dates import DateError
from azrel_desktop.core.sources import reading
from azrel_desktop.core.sources.normalise import join_pages, normalise, page_at
from azrel_desktop.core.sources.reading import SourceMetadata


def _one(library, path, **kw):
    report, _changes = library.import_sources([path], **kw)
    assert len(report.outcomes) == 1, report.outcomes
    return report.outcomes[0]


def _text(library, source_id):
    return library.source(source_id).text


# --- normalisation ------------------------------------------------------------------------


def test_normalise_settles_what_makes_offsets_drift():
    raw = "\ufeffOﬃce of the\r\nPresident\rof Azerbaijan\tand\t\tNATO\u00a0allies\r\n\r\n\r\n\r\nNext para\u00ad. Cafe\u0301"
    assert normalise(raw) == "Office of the\nPresident\nof Azerbaijan and NATO allies\n\nNext para. Café"


def test_page_starts_point_at_each_page_after_normalisation():
    text, starts = join_pages(["Page one\r\ntext ", "", "\ufeffPage three"])
    assert text == "Page one\ntext\n\nPage three"
    assert text[starts[2]:].startswith("Page three")
    assert page_at(starts, text.index("three")) == 3 and page_at(starts, 0) == 1
    assert page_at(None, 5) is None


# --- each format ---------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "content", "said"), [
    ("utf-8", "AZ", "utf-8"),
    ("utf-8-sig", "AZ", "utf-8 (with BOM)"),
    ("utf-16", "AZ", "utf-16"),
    ("cp1251", "RU", "cp1251"),
    ("cp1254", "TR", "cp1254"),
    ("latin-1", "FR", None),
])
def test_text_in_each_encoding_is_read_and_the_encoding_said(library, sample_files, encoding, content, said):
    body = {"AZ": sample_files.az_latin, "RU": sample_files.ru_cyrillic, "TR": sample_files.tr_latin,
            "FR": sample_files.latin1}[content]
    path = sample_files.write(f"text-{encoding}.txt", body, encoding)
    outcome = _one(library, path)
    assert outcome.status == "imported", outcome.message
    assert _text(library, outcome.source_id) == body.strip()
    if said:
        assert outcome.encoding == said
    else:  # Latin-1 text decodes the same in several single-byte code pages: any is right if the text is
        assert outcome.encoding
    assert f"read as {outcome.encoding}" in outcome.message
    assert library.source_info(outcome.source_id).encoding == outcome.encoding


def test_crlf_and_bom_are_gone_before_offsets_are_counted(library, sample_files):
    path = sample_files.write("crlf.txt", "\ufeffFirst line\r\nSecond line\r\n", "utf-8")
    outcome = _one(library, path)
    assert _text(library, outcome.source_id) == "First line\nSecond line"


def test_markdown_reads_as_prose_with_front_matter(library, sample_files):
    md = ("---\ntitle: Notes from Baku\nauthor: A. Researcher\ndate: 2023-11-02\n---\n"
          "# Interview\n\nThe minister said **NATO** was a *partner*, see [the text](https://x.example/a).\n\n"
          "> Quoted words\n\n```\ncode line\n```\n")
    outcome = _one(library, sample_files.write("notes.md", md))
    page = library.source(outcome.source_id)
    assert page.title == "Notes from Baku" and page.author == "A. Researcher" and page.published == "2023-11-02"
    assert page.text == "Interview\n\nThe minister said NATO was a partner, see the text.\n\nQuoted words\n\ncode line"


def test_html_keeps_the_article_and_its_metadata_not_the_boilerplate(library, sample_files):
    outcome = _one(library, sample_files.html("page.html"))
    assert outcome.status == "imported", outcome.message
    page = library.source(outcome.source_id)
    assert "Individual Partnership Action Plan" in page.text and "South Caucasus" in page.text
    for junk in ("Home", "BUY CHEAP", "Related articles", "Oil prices", "All rights reserved", "SCRIPT RAN"):
        assert junk not in page.text
    assert page.title == "Aliyev meets NATO chief"
    assert page.author == "Leyla Mammadova" and page.publisher == "Caspian News"
    assert page.published == "2024-05-03" and page.url == "https://news.example/aliyev-nato"
    assert page.language == "en" and page.kind == "web page"


def test_pdf_text_per_page_with_page_offsets(library, sample_files):
    pages = ["Chapter one\nAzerbaijan joined the Partnership for Peace in May 1994.",
             "Chapter two\nThe Individual Partnership Action Plan followed in 2005.",
             "Chapter three\nCooperation continued."]
    outcome = _one(library, sample_files.pdf("report.pdf", pages, title="Annual report", author="Institute"))
    assert outcome.status == "imported", outcome.message
    info = library.source_info(outcome.source_id)
    body = _text(library, outcome.source_id)
    assert info.metadata.title == "Annual report" and info.metadata.author == "Institute"
    assert len(info.page_starts) == 3
    assert info.page_of(body.index("Individual Partnership")) == 2
    assert info.page_of(body.index("Cooperation continued")) == 3
    assert body[info.page_starts[1]:].startswith("Chapter two")
    assert info.media_type == "application/pdf"


@pytest.mark.parametrize("title", ["untitled", "Microsoft Word - draft3.docx"])
def test_a_placeholder_pdf_title_gives_way_to_the_file_name(library, sample_files, title):
    outcome = _one(library, sample_files.pdf("Caspian security 2019.pdf", ["Text."], title=title))
    assert library.source(outcome.source_id).title == "Caspian security 2019"


def test_docx_paragraphs_headings_and_tables_in_order(library, sample_files):
    path = sample_files.docx("interview.docx", "Interview with an official",
                             ["First answer about the CSTO.", "Second answer about the EU."],
                             table=[["Year", "Event"], ["1994", "PfP"]], author="Field researcher")
    outcome = _one(library, path)
    page = library.source(outcome.source_id)
    assert page.text == ("Interview with an official\n\nFirst answer about the CSTO.\n\nSecond answer about "
                         "the EU.\n\nYear | Event\n\n1994 | PfP\n\nAfter the table.")
    assert page.title == "Interview with an official" and page.author == "Field researcher"


# --- bytes, hashes, already imported --------------------------------------------------------


def test_original_bytes_and_both_hashes_are_kept(library, sample_files):
    path = sample_files.pdf("kept.pdf", ["Some text worth keeping."])
    outcome = _one(library, path)
    name, media, data = library.source_file(outcome.source_id)
    assert (name, media, data) == ("kept.pdf", "application/pdf", path.read_bytes())
    info = library.source_info(outcome.source_id)
    assert info.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert info.text_sha256 == hashlib.sha256(_text(library, outcome.source_id).encode()).hexdigest()
    assert info.file_size == len(data) and info.imported_at is not None


def test_the_same_file_again_is_already_imported_unless_asked(library, sample_files):
    path = sample_files.write("a.txt", "A short statement by the ministry.")
    first = _one(library, path)
    copy = sample_files.write("copy-of-a.txt", "A short statement by the ministry.\n")
    again = _one(library, path)
    assert again.status == "already imported" and again.source_id == first.source_id
    assert "already imported" in again.message and "a.txt" in again.message
    same_text = _one(library, copy)
    assert same_text.status == "already imported" and "the same text" in same_text.message
    forced = _one(library, path, allow_duplicates=True)
    assert forced.status == "imported" and forced.source_id != first.source_id


def test_user_metadata_overrides_the_files_and_dates_become_edtf(library, sample_files):
    meta = SourceMetadata(title="My title", published="May 2024", publisher="Ministry", reliability="B2",
                          kind="statement", language="az")
    outcome = _one(library, sample_files.html("p.html"), metadata=meta)
    page = library.source(outcome.source_id)
    assert (page.title, page.published, page.publisher, page.reliability, page.kind, page.language) == \
        ("My title", "2024-05", "Ministry", "B2", "statement", "az")
    assert page.author == "Leyla Mammadova"  # not overridden: the file's


def test_an_unreadable_user_date_stops_the_batch_before_anything_is_stored(library, sample_files):
    before = len(library.sources())
    with pytest.raises(DateError, match="not a date"):
        library.import_sources([sample_files.write("x.txt", "Words.")], SourceMetadata(published="someday soon"))
    assert len(library.sources()) == before


# --- bibliographies ---------------------------------------------------------------------------


def test_bibtex_records_become_sources_with_their_attached_files(library, sample_files):
    sample_files.pdf("attached.pdf", ["The treaty was ratified by the Milli Majlis in 1997."])
    bib = r"""
@string{ms = "Milli Majlis Press"}
@article{aliyev1997,
  title = {Ratification of the {CFE} Flank Document},
  author = {M{\"u}ller, J{\"o}rg and Həsənov, Əli},
  journal = ms,
  year = 1997, month = jun,
  url = {https://example.org/cfe},
  file = {Full Text PDF:attached.pdf:application/pdf}
}
@book{nofile,
  title = "A book without a file",
  author = "Smith, Anna",
  year = {2001},
  abstract = {Short abstract of the book.},
  file = {missing.pdf}
}
@comment{ignored}
"""
    report, changes = library.import_sources([sample_files.write("refs.bib", bib)])
    assert [o.status for o in report.outcomes] == ["imported", "imported"], [o.message for o in report.outcomes]
    first = library.source(report.outcomes[0].source_id)
    assert first.title == "Ratification of the CFE Flank Document"
    assert first.author == "Jörg Müller; Əli Həsənov" and first.publisher == "Milli Majlis Press"
    assert first.published == "1997-06" and first.url == "https://example.org/cfe" and first.kind == "article"
    assert "ratified by the Milli Majlis" in first.text
    assert library.source_file(first.id)[0] == "attached.pdf"
    second = library.source(report.outcomes[1].source_id)
    assert second.text == "Short abstract of the book." and second.published == "2001"
    assert "missing.pdf was not found" in report.outcomes[1].message
    assert changes.kinds == {"source"}


def test_ris_and_csl_json_records(library, sample_files):
    sample_files.write("note.txt", "Interview notes: the delegation arrived on Tuesday.")
    ris = ("TY  - NEWS\nTI  - Delegation arrives\nAU  - Quliyev, Rauf\nPY  - 2022/03/15/\nPB  - Report.az\n"
           f"UR  - https://report.example/1\nL1  - file://{sample_files.path('note.txt').as_posix()}\nER  - \n"
           "TY  - JOUR\nT1  - Second record\nDA  - 2020\nAB  - An abstract.\nER  - \n")
    csl = ('[{"id": "item1", "type": "report", "title": "CSL report", "author": [{"family": "Aliyeva", '
           '"given": "Nigar"}, {"literal": "OSCE"}], "issued": {"date-parts": [[2019, 7, 4]]}, '
           '"publisher": "OSCE", "URL": "https://osce.example/r", "language": "en", "abstract": "Findings."}]')
    report, _ = library.import_sources([sample_files.write("refs.ris", ris), sample_files.write("items.json", csl)])
    assert [o.status for o in report.outcomes] == ["imported"] * 3, [o.message for o in report.outcomes]
    first, second, third = (library.source(o.source_id) for o in report.outcomes)
    assert (first.title, first.author, first.published, first.publisher) == \
        ("Delegation arrives", "Rauf Quliyev", "2022-03-15", "Report.az")
    assert first.text.startswith("Interview notes")
    assert second.title == "Second record" and second.text == "An abstract." and second.published == "2020"
    assert (third.title, third.author, third.published, third.url) == \
        ("CSL report", "Nigar Aliyeva; OSCE", "2019-07-04", "https://osce.example/r")


# --- bad files: one sentence each, the batch goes on ------------------------------------------


def _bad_cases(sample_files, monkeypatch):
    import io
    import zipfile

    big = sample_files.path("huge.txt")
    with big.open("wb") as f:
        f.truncate(reading.MAX_FILE_BYTES + 1)  # sparse: no disk used
    good_pdf = sample_files.pdf_bytes(["Text that is there."] * 3)
    bomb = b"<w:document>" + b" " * (30 * 2**20) + b"</w:document>"
    lol = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>'
           b'<w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>')
    notdocx = io.BytesIO()
    with zipfile.ZipFile(notdocx, "w") as z:
        z.writestr("readme.txt", "hello")
    return {
        "encrypted.pdf": (sample_files.encrypted_pdf("encrypted.pdf"), "encrypted with a password"),
        "scan.pdf": (sample_files.scanned_pdf("scan.pdf"), "scanned: run OCR first"),
        "truncated.pdf": (sample_files.write("truncated.pdf", good_pdf[: len(good_pdf) // 3]), "damaged or truncated"),
        "fake.pdf": (sample_files.write("fake.pdf", "just text"), "not a PDF"),
        "truncated.docx": (sample_files.write("truncated.docx", sample_files.docx_bytes("H", ["p"])[:900]),
                           "damaged or truncated"),
        "bomb.docx": (sample_files.docx_with_part("bomb.docx", "word/document.xml", bomb), "zip bomb"),
        "dtd.docx": (sample_files.docx_with_part("dtd.docx", "word/document.xml", lol), "declares a DTD"),
        "other.docx": (sample_files.write("other.docx", notdocx.getvalue()), "not a Word document"),
        "binary.txt": (sample_files.write("binary.txt", bytes(range(256)) * 40), "binary data"),
        "empty.txt": (sample_files.write("empty.txt", b""), "it is empty"),
        "blank.txt": (sample_files.write("blank.txt", "  \r\n\t\n"), "holds no text"),
        "photo.jpg": (sample_files.write("photo.jpg", b"\xff\xd8\xff\xe0" + b"x" * 100), "not supported"),
        "huge.txt": (big, "over the 100 MB limit"),
        "old.doc": (sample_files.write("old.doc", b"\xd0\xcf\x11\xe0" + b"x" * 100), "save it as .docx"),
        "folder.txt": (sample_files.path("folder.txt"), "it is a folder"),
        "broken.json": (sample_files.write("broken.json", "{not json"), "not valid JSON"),
    }


def test_every_bad_file_gets_one_sentence_and_the_batch_goes_on(library, sample_files, monkeypatch):
    cases = _bad_cases(sample_files, monkeypatch)
    cases["folder.txt"][0].mkdir()
    good = sample_files.write("good.txt", "A good file among bad ones.")
    paths = [p for p, _ in cases.values()]
    paths.insert(len(paths) // 2, good)
    before = {r.id for r in library.sources()}
    report, _ = library.import_sources(paths)
    by_file = {o.path.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]: o for o in report.outcomes}
    assert by_file["good.txt"].status == "imported"
    for name, (_path, reason) in cases.items():
        outcome = by_file[name]
        assert outcome.status == "failed", (name, outcome.message)
        assert outcome.message.startswith(f"{name}: ") and reason in outcome.message, outcome.message
        assert "\n" not in outcome.message and outcome.message.endswith(".")
    after = {r.id for r in library.sources()}
    assert after - before == {by_file["good.txt"].source_id}
    assert report.summary() == f"1 imported, {len(cases)} failed"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_restricted_only_by_an_owner_password_imports(library, sample_files, algorithm):
    outcome = _one(library, sample_files.encrypted_pdf(f"restricted-{algorithm}.pdf", password="", algorithm=algorithm))
    assert outcome.status == "imported", outcome.message
    assert "Confidential report" in _text(library, outcome.source_id)


def test_a_docx_whose_parts_add_up_past_the_limit_is_refused(library, sample_files, monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 20_000)
    from azrel_desktop.core.sources import docx_file

    monkeypatch.setattr(docx_file, "MAX_UNPACKED_BYTES", 20_000)
    outcome = _one(library, sample_files.docx("many.docx", "Heading", ["words " * 5000]))
    assert outcome.status == "failed" and "zip bomb" in outcome.message


def test_a_web_page_fetches_nothing_and_runs_nothing(library, sample_files, monkeypatch):
    import socket
    import urllib.request

    def refuse(*_a, **_k):
        raise AssertionError("the import tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    xxe = ('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    path = sample_files.html("hostile.html", extra_head='<link rel="import" href="https://evil.example/x">',
                             paragraphs=[*sample_files.article, "Entity: &xxe; end."])
    path.write_text(xxe + path.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    outcome = _one(library, path)
    assert outcome.status == "imported", outcome.message
    assert "root:" not in _text(library, outcome.source_id)


def test_a_pdfs_script_and_embedded_file_are_ignored(library, sample_files):
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(sample_files.pdf_bytes(["Visible page text."]))).pages:
        writer.add_page(page)
    writer.add_open_action(JavaScript("app.alert('SCRIPT RAN');"))
    writer.add_attachment("secret.txt", b"EMBEDDED FILE CONTENT")
    out = io.BytesIO()
    writer.write(out)
    outcome = _one(library, sample_files.write("active.pdf", out.getvalue()))
    assert outcome.status == "imported", outcome.message
    assert _text(library, outcome.source_id) == "Visible page text."


def test_a_failure_while_storing_leaves_no_part_of_the_source(library, sample_files, monkeypatch):
    from azrel_desktop.core.sources import store

    def broken(session, *args, **kwargs):
        session.add(store.m.Source(id="half", title="half", kind="x", language="en", text="t", sha256="s"))
        session.flush()
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("azrel_desktop.core.sources.importer.add_source", broken)
    with pytest.raises(sqlite3.OperationalError):
        library.import_sources([sample_files.write("x.txt", "Words here.")])
    with library.db.read() as s:
        assert s.execute(text("SELECT count(*) FROM sources WHERE id = 'half'")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM source_files")).scalar_one() == 0


def test_cancel_stops_between_files_and_keeps_what_was_whole(library, sample_files):
    paths = [sample_files.write(f"f{i}.txt", f"File number {i} text.") for i in range(4)]
    seen: list[str] = []

    def progress(done, of, name):
        seen.append(name)

    report, _ = library.import_sources(paths, progress=progress, cancelled=lambda: len(seen) > 2)
    assert report.cancelled
    assert [o.status for o in report.outcomes] == ["imported", "imported", "cancelled", "cancelled"]
    assert len(library.sources(own_only=True)) == 2
    assert report.summary() == "2 imported, 2 cancelled (cancelled)"


def test_azrel_check_verifies_imported_files(library, sample_files):
    from azrel_desktop.core.store.integrity import check_database

    _one(library, sample_files.pdf("c.pdf", ["Checked text."]))
    with library.db.read() as s:
        assert check_database(s).ok
    with library.db.write() as s:
        s.execute(text("UPDATE source_files SET data = X'00'"))
    with library.db.read() as s:
        problems = check_database(s).problems
    assert any("no longer matches its SHA-256" in p for p in problems)
