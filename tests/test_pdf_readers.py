"""Both PDF readers behind `core/sources/pdf.read_pdf` — PDFium (pypdfium2, used when installed)
and pypdf (the fallback) — give the same pages, page offsets and metadata, and refuse the same
bad files with the same sentence: encrypted, scanned, truncated; a script and an embedded file
are ignored; an owner password alone does not stop the import."""

from __future__ import annotations

import io

import pytest

from azrel_desktop.core.sources import pdf
from azrel_desktop.core.sources.reading import ImportRefused


@pytest.fixture(params=["pdfium", "pypdf"])
def reader(request, monkeypatch):
    monkeypatch.setattr(pdf, "READER", request.param)
    assert pdf.pdfium_available() == (request.param == "pdfium")
    return request.param


def test_pages_and_offsets_and_metadata(reader, sample_files):
    data = sample_files.pdf_bytes(["Chapter one\nAzerbaijan joined the Partnership for Peace in May 1994.",
                                   "Chapter two\nThe IPAP followed in 2005."], title="Partnership report",
                                  author="L. Mammadova")
    got = pdf.read_pdf(data)
    assert got.page_starts[0] == 0 and len(got.page_starts) == 2
    assert got.text[got.page_starts[1]:].startswith("Chapter two")
    assert "Partnership for Peace in May 1994." in got.text[:got.page_starts[1]]
    assert (got.metadata.title, got.metadata.author) == ("Partnership report", "L. Mammadova")
    assert any(n.startswith("the PDF says it was created on ") for n in got.notes)


@pytest.mark.parametrize(("make", "said"), [
    (lambda f: f.encrypted_pdf("e.pdf").read_bytes(), "encrypted with a password"),
    (lambda f: f.scanned_pdf("s.pdf").read_bytes(), "scanned: run OCR first"),
    (lambda f: f.pdf_bytes(["Some text on a page."] * 3)[:400], "damaged or truncated"),
])
def test_bad_files_are_refused_alike(reader, sample_files, make, said):
    with pytest.raises(ImportRefused, match=said):
        pdf.read_pdf(make(sample_files))


def test_an_owner_password_alone_opens(reader, sample_files):
    got = pdf.read_pdf(sample_files.encrypted_pdf("r.pdf", password="").read_bytes())
    assert got.text.strip() == "Confidential report on the talks."


def test_a_script_and_an_embedded_file_are_ignored(reader, sample_files):
    from pypdf import PdfReader, PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(sample_files.pdf_bytes(["Visible page text."]))).pages:
        writer.add_page(page)
    writer.add_open_action(JavaScript("app.alert('SCRIPT RAN');"))
    writer.add_attachment("secret.txt", b"EMBEDDED FILE CONTENT")
    out = io.BytesIO()
    writer.write(out)
    assert pdf.read_pdf(out.getvalue()).text == "Visible page text."


def test_cancel_stops_between_pages(reader, sample_files):
    from azrel_desktop.core.sources.reading import ImportCancelled

    calls = []

    def check():
        calls.append(1)
        if len(calls) > 1:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        pdf.read_pdf(sample_files.pdf_bytes(["one", "two", "three"]), check)
    assert len(calls) == 2
