"""The chronology report as a Word document with real footnotes (python-docx).

python-docx has no footnote API, so the footnotes part is written here: `word/footnotes.xml`
with the two separator notes Word expects (ids -1 and 0) and one `w:footnote` per citation,
related to the document part, declared in the settings (`w:footnotePr`), and referenced from the
text by `w:footnoteReference` runs; the "Footnote Text" and "Footnote Reference" styles are added
when the template lacks them. Word and LibreOffice show them as footnotes at the page's foot.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from .citations import Runs
from .report import Footnote, Report, ReportEvent, _actors

# Characters XML 1.0 cannot hold: python-docx and lxml refuse them, so data loses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(value: str | None) -> str:
    return _NOT_XML.sub("", value or "")


def _add_runs(paragraph, r: Runs) -> None:
    for t, styles in r:
        run = paragraph.add_run(_x(t))
        run.italic = "italic" in styles or None
        run.bold = "bold" in styles or None
        run.underline = "underline" in styles or None
        if "superscript" in styles:
            run.font.superscript = True
        if "subscript" in styles:
            run.font.subscript = True
        if "small-caps" in styles:
            run.font.small_caps = True


class _Footnotes:
    """The footnotes part of one document."""

    def __init__(self, document):
        from docx.enum.style import WD_STYLE_TYPE
        from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.part import XmlPart
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn
        from docx.shared import Pt

        self.qn = qn
        styles = document.styles
        names = {s.name for s in styles}
        if "Footnote Text" not in names:
            text_style = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
            text_style.base_style = styles["Normal"]
            text_style.font.size = Pt(9)
            text_style.paragraph_format.space_after = Pt(0)
        if "Footnote Reference" not in names:
            ref_style = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
            ref_style.font.superscript = True
        self.text_style = styles["Footnote Text"].style_id
        self.ref_style = styles["Footnote Reference"].style_id
        xml = (f"<w:footnotes {nsdecls('w', 'r')}>"
               '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
               'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
               'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
               "</w:footnotes>")
        self.part = XmlPart(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, parse_xml(xml),
                            document.part.package)
        document.part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        settings = document.settings.element
        pr = parse_xml(f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        compat = settings.find(qn("w:compat"))
        if compat is not None:  # the schema's order: footnotePr comes before compat
            compat.addprevious(pr)
        else:
            settings.append(pr)

    def add(self, paragraph, note: Footnote, lead: str = "") -> None:
        """A footnote reference at the end of `paragraph`, and the note with `note`'s text."""
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        qn = self.qn
        run = paragraph.add_run()
        run.style = paragraph.part.document.styles["Footnote Reference"]
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(note.number))
        run._r.append(ref)

        fn = OxmlElement("w:footnote")
        fn.set(qn("w:id"), str(note.number))
        p = OxmlElement("w:p")
        fn.append(p)
        self.part.element.append(fn)
        para = Paragraph(p, paragraph._parent)  # type: ignore[arg-type]  # a w:p made by OxmlElement is a CT_P
        para.style = paragraph.part.document.styles["Footnote Text"]
        mark = para.add_run()
        mark.style = paragraph.part.document.styles["Footnote Reference"]
        mark._r.append(OxmlElement("w:footnoteRef"))  # type: ignore[arg-type]  # any element may go in a run
        para.add_run(" " + _x(lead) + "“" + _x(note.quote) + "” ")
        _add_runs(para, note.citation)
        para.add_run(".")


def _event(document, notes: _Footnotes, e: ReportEvent) -> None:
    document.add_heading(_x(f"{e.date_written} — {e.title}"), level=2)
    dates = document.add_paragraph()
    dates.add_run(_x(f"EDTF {e.date} · {e.bounds} · {e.kind} · evidence: {e.evidence}"
                     + (f" · {e.location}" if e.location else ""))).italic = True
    body = document.add_paragraph(_x(" ".join((e.summary or "").split())) if e.summary else "Sources:")
    if e.summary or e.supporting:
        for n in e.supporting:
            notes.add(body, n)
    for label, value in _actors(e):
        p = document.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        p.add_run(_x(value))
    if e.disputed or e.contradicting:
        p = document.add_paragraph()
        p.add_run("Disputed.").bold = True
        if e.dispute_note:
            p.add_run(" " + _x(" ".join(e.dispute_note.split())))
        p.add_run(" Supported by the passages cited above; contradicted by"
                  + ("" if e.contradicting else " no recorded passage"))
        for n in e.contradicting:
            notes.add(p, n, "Contradicting: ")
        p.add_run(".")
    if e.notes:
        p = document.add_paragraph()
        p.add_run("Notes:").bold = True
        for body in e.notes:
            document.add_paragraph(_x(body), style="List Bullet")


def write_docx(report: Report, out: BinaryIO) -> int:
    """Write the report to a binary file object; return the number of events."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = _x(report.title)
    document.core_properties.comments = _x(report.filter_description)
    document.styles["Normal"].font.size = Pt(11)
    notes = _Footnotes(document)
    document.add_heading(_x(report.title), level=1)
    meta = document.add_paragraph()
    meta.add_run(_x(f"{report.filter_description} · {len(report.events)} event"
                    f"{'s' if len(report.events) != 1 else ''} · citations: {report.style_title} · "
                    f"made {report.made_at:%Y-%m-%d %H:%M} with AzRel Desktop")).italic = True
    for e in report.events:
        _event(document, notes, e)
    if report.bibliography:
        document.add_heading("Bibliography", level=2)
        for entry in report.bibliography:
            p = document.add_paragraph()
            p.paragraph_format.left_indent = Pt(24)
            p.paragraph_format.first_line_indent = Pt(-24)
            _add_runs(p, entry)
    document.save(out)
    return len(report.events)
