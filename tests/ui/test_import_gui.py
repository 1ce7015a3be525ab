"""Importing from the window: File → Import sources…, a drop on the window, the progress
dialog with Cancel, the summary with each failed file's sentence and "Import anyway", the
Sources page with its search, the metadata editor with undo, and a new version of a text."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from azrel_desktop.ui.shell.main_window import MainWindow
from azrel_desktop.ui.shell.navigation import Target


@pytest.fixture
def window(qtbot, library):
    w = MainWindow(library, restore=False, warn=lambda *_a: None)
    qtbot.addWidget(w)
    w.show()
    return w


def finish(qtbot, job):
    if job.result is None:
        with qtbot.waitSignal(job.finished, timeout=20_000):
            pass
    return job.result


def messages(dialog) -> list[str]:
    return [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]


def test_file_import_sources_imports_each_file_and_reports_the_failures(qtbot, window, library, sample_files,
                                                                        monkeypatch, settled):
    good = sample_files.pdf("report.pdf", ["The CSTO summit was held in Yerevan.", "Page two of the report."])
    page = sample_files.html("article.html")
    bad = sample_files.write("broken.docx", b"PK\x03\x04 not really a zip")
    monkeypatch.setattr("azrel_desktop.ui.sources.import_actions.ask_files", lambda parent: [str(good), str(page),
                                                                                             str(bad)])
    window.import_action.trigger()
    job = window.last_import
    result = finish(qtbot, job)
    assert [o.status for o in result.report.outcomes] == ["imported", "imported", "failed"]
    dialog = job.result_dialog
    assert dialog.isVisible()
    lines = messages(dialog)
    assert lines[0].startswith("report.pdf: imported as") and "2 pages" in lines[0]
    assert lines[2].startswith("broken.docx: the Word file is damaged or truncated")
    assert dialog.summary.text() == "2 imported, 1 failed."
    assert not dialog.anyway_button.isVisible()
    # open the first source from the summary
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    dialog.open_button.click()
    assert window.current_page() is window.pages["source"]
    settled(window.pages["source"])
    assert window.pages["source"].record.title == "report"  # the PDF's title was reportlab's "untitled"
    assert window.pages["source"].passage_tree.topLevelItemCount() == 0
    assert window.pages["source"].meta_labels["file"].text().startswith("report.pdf · 2 pages · ")


def test_files_dropped_on_the_window_are_imported(qtbot, window, library, sample_files):
    paths = [sample_files.write("one.txt", "First dropped note."), sample_files.write("two.md", "# Second\n\nDropped.")]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    result = finish(qtbot, window.last_import)
    assert [o.title for o in result.report.outcomes] == ["First dropped note.", "Second"]
    assert {r.title for r in library.sources(own_only=True)} == {"First dropped note.", "Second"}


def test_text_that_is_not_a_file_is_not_taken_as_a_drop(qtbot, window):
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert window.last_import is None


def test_cancel_in_the_progress_dialog_keeps_whole_sources_only(qtbot, window, library, sample_files, monkeypatch):
    from azrel_desktop.core.sources import importer

    paths = [sample_files.write(f"n{i}.txt", f"Note number {i} about the talks.") for i in range(4)]
    gate, reached = threading.Event(), threading.Event()
    real = importer.read_file

    def held(path, data, check=lambda: None):
        if path.name == "n1.txt":  # the user cancels while the second file is being read
            reached.set()
            assert gate.wait(10)
        return real(path, data, check)

    monkeypatch.setattr(importer, "read_file", held)
    job = window.import_sources(paths)
    qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=5000)
    assert reached.wait(5)
    assert "n1.txt" in job.dialog.labelText()
    cancel = job.dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    gate.set()
    result = finish(qtbot, job)
    assert result.report.cancelled
    statuses = [o.status for o in result.report.outcomes]
    assert statuses[0] == "imported" and statuses[2:] == ["cancelled", "cancelled"]
    stored = {r.title for r in library.sources(own_only=True)}
    assert "Note number 0 about the talks." in stored and "Note number 3 about the talks." not in stored
    assert job.result_dialog.summary.text().endswith("(cancelled).")


def test_already_imported_is_offered_to_import_anyway(qtbot, window, library, sample_files):
    path = sample_files.write("same.txt", "The same statement twice.")
    finish(qtbot, window.import_sources([path]))
    job = window.import_sources([path])
    result = finish(qtbot, job)
    assert result.report.outcomes[0].status == "already imported"
    dialog = job.result_dialog
    assert dialog.anyway_button.isVisible() and dialog.anyway_button.text() == "Import anyway (1)"
    assert "already imported" in messages(dialog)[0]
    dialog.anyway_button.click()
    again = finish(qtbot, window.last_import)
    assert again.report.outcomes[0].status == "imported"
    assert len(library.sources(own_only=True)) == 2


def test_sources_page_searches_the_text_and_opens_a_source_at_its_hits(qtbot, qtmodeltester, window, library,
                                                                      sample_files):
    finish(qtbot, window.import_sources([sample_files.write("g.txt", "Talks in Gəncə. Later, Gəncə again; "
                                                            "and GƏNCƏ once more.")], dialog=False))
    window.sources_action.trigger()
    page = window.pages["sources"]
    qtbot.waitUntil(lambda: not page.is_loading() and page.model.rowCount() > 0, timeout=10_000)
    assert page.model.rowCount() == len(library.sources())
    page.search_field.setText("gəncə")  # as typed (QTest cannot type "ə")
    qtbot.waitUntil(lambda: not page.is_loading() and page._search == "gəncə", timeout=10_000)
    rows = page.rows()
    assert [(r.file_name, r.hits) for r in rows] == [("g.txt", 3)]
    assert page.model.data(page.model.index(0, 7)) == "3" and page.model.data(page.model.index(0, 4)) == "mine"
    assert page.model.data(page.model.index(0, 6)) == "0"  # passages cited from it
    assert page.count_label.text() == "1 source with 3 hits"
    qtmodeltester.check(page.model)
    page.open_row(0)
    source = window.pages["source"]
    assert window.current_page() is source
    qtbot.waitUntil(lambda: source.find_bar.isVisible() and source.find_bar.count_label.text() == "1 of 3",
                    timeout=10_000)
    body = source.record.text
    assert [body[s:e] for s, e in source.text_view.matches()] == ["Gəncə", "Gəncə", "GƏNCƏ"]


def test_metadata_editor_saves_checks_dates_and_undoes(qtbot, window, library, sample_files, settled):
    from azrel_desktop.ui.sources.metadata_dialog import SourceMetadataDialog

    result = finish(qtbot, window.import_sources([sample_files.write("m.txt", "Minutes of the meeting.")],
                                                 dialog=False))
    sid = result.report.outcomes[0].source_id
    window.go(Target("source", sid))
    page = settled(window.pages["source"])
    dialog = SourceMetadataDialog(window.ctx, sid, page)  # without the page's facts: it reads them itself
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.info is not None)
    assert dialog.fields["title"].text() == "Minutes of the meeting." and dialog.facts.text() == "File: m.txt · Read as ascii"
    dialog.fields["title"].setText("Minutes, 12 March 2021")
    dialog.fields["published"].setText("sometime later")
    dialog.save()  # saved off the GUI thread
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "not a date" in dialog.error.text() and library.source(sid).title == "Minutes of the meeting."
    dialog.fields["published"].setText("12 March 2021")
    dialog.fields["reliability"].setPlainText("<b>B2</b>: official record")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.error.text() == ""
    assert (library.source(sid).title, library.source(sid).published) == ("Minutes, 12 March 2021", "2021-03-12")
    assert settled(page).title_label.text() == "Minutes, 12 March 2021"  # the page followed the change
    assert page.meta_labels["reliability"].text() == "<b>B2</b>: official record"
    assert page.meta_labels["reliability"].textFormat() == Qt.TextFormat.PlainText
    window.undo_action.trigger()
    assert (library.source(sid).title, library.source(sid).published) == ("Minutes of the meeting.", None)
    assert settled(page).title_label.text() == "Minutes of the meeting."
    window.redo_action.trigger()
    assert library.source(sid).published == "2021-03-12"


def test_a_new_version_from_the_source_page_lists_the_passages_it_could_not_place(qtbot, window, library,
                                                                                   sample_files, settled):
    first = finish(qtbot, window.import_sources([sample_files.write("v1.txt", "Opening line. The delegation met "
                                                                   "in Ganja on Monday. Closing line.")], dialog=False))
    sid = first.report.outcomes[0].source_id
    body = library.source(sid).text
    start = body.index("The delegation")
    library.annotate_selection(sid, start, start + len("The delegation met in Ganja on Monday."), "check date")
    window.go(Target("source", sid))
    page = settled(window.pages["source"])
    assert not page.orphan_tree.isVisibleTo(page)
    job = page.new_version(sample_files.write("v2.txt", "Opening line. Entirely different words now. Closing line."))
    result = finish(qtbot, job)
    assert result.report.outcomes[0].status == "replaced"
    lines = [job.result_dialog.tree.topLevelItem(0).child(i).text(0)
             for i in range(job.result_dialog.tree.topLevelItem(0).childCount())]
    assert lines == ["not found in the new text: “The delegation met in Ganja on Monday.”"]
    assert settled(page).record.text.startswith("Opening line. Entirely different")
    assert page.orphan_tree.isVisibleTo(page) and page.orphan_tree.topLevelItemCount() == 1
    assert "The delegation met in Ganja" in page.orphan_tree.topLevelItem(0).text(0)
    assert page.version_button.isEnabled()  # own sources take new versions
    window.go(Target("source", "src-000"))
    settled(page)
    assert not page.version_button.isEnabled()  # the corpus updates its own texts
    assert not page.details_button.isEnabled()  # and its details


def test_a_pdf_passage_says_its_page(qtbot, window, library, sample_files, settled):
    result = finish(qtbot, window.import_sources([sample_files.pdf("p.pdf", ["First page.", "Second page: the quote."])],
                                                 dialog=False))
    sid = result.report.outcomes[0].source_id
    body = library.source(sid).text
    start = body.index("the quote")
    library.annotate_selection(sid, start, start + len("the quote"), "page two")
    window.go(Target("source", sid))
    item = settled(window.pages["source"]).passage_tree.topLevelItem(0)
    assert item.text(0) == "p. 2 · [your selection] the quote"


def test_a_long_list_says_how_much_of_it_is_shown(qtbot, window, library, monkeypatch):
    monkeypatch.setattr("azrel_desktop.ui.sources.sources_page.SHOWN", 2)
    window.go(Target("sources"))
    page = window.pages["sources"]
    qtbot.waitUntil(lambda: not page.is_loading(), timeout=10_000)
    assert page.model.rowCount() == 2 and page.count_label.text() == f"the first 2 of {len(library.sources())} sources"
    page.search_field.setText("Azerbaijan")
    qtbot.waitUntil(lambda: not page.is_loading() and page._search == "Azerbaijan", timeout=10_000)
    total = library.count_sources("Azerbaijan")
    assert total > 2 and page.count_label.text().startswith(f"the 2 best of {total} sources, with ")
