"""Importing from the window: File → Import sources…, a drop on the window, the progress
dialog with Cancel, the summary with each failed file's sentence and "Import anyway", the
Sources page with its search, the metadata editor with undo, and a new version of a text."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from azrel_desktop.ui.shell.main_window import MainWindow
from azrel_desktop.ui.shell.navigation import Target


@pytest.fixture
def window(qtbot, library):
    w = MainWindow(library, restore=False, warn=lambda *_a: None)
    qtbot.addWidget(w)
    w.show()
    yield w
    for dialog in w.findChildren(QDialog):  # the import's result stays open beside the window
        dialog.close()


def finish(qtbot, job):
    if job.result is None:
        with qtbot.waitSignal(job.finished, timeout=20_000):
            pass
    return job.result


def messages(dialog) -> list[str]:
    return [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]


def planned(qtbot, window):
    """The dialog File → Import sources… opens after the files are chosen, with the user's sources read."""
    qtbot.waitUntil(lambda: getattr(window, "import_plan", None) is not None)
    plan = window.import_plan
    qtbot.waitUntil(lambda: not plan.loading())
    return plan


def press_import(qtbot, window, plan):
    before = window.last_import
    qtbot.mouseClick(plan.buttons.button(plan.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.last_import is not before)
    return window.last_import


def test_file_import_sources_imports_each_file_and_reports_the_failures(qtbot, window, library, sample_files,
                                                                        monkeypatch, settled):
    good = sample_files.pdf("report.pdf", ["The CSTO summit was held in Yerevan.", "Page two of the report."])
    page = sample_files.html("article.html")
    bad = sample_files.write("broken.docx", b"PK\x03\x04 not really a zip")
    monkeypatch.setattr("azrel_desktop.ui.sources.import_actions.ask_files", lambda parent: [str(good), str(page),
                                                                                             str(bad)])
    window.import_action.trigger()
    plan = planned(qtbot, window)
    assert [plan.chooser(p).currentText() for p in (good, page, bad)] == ["a new source"] * 3
    job = press_import(qtbot, window, plan)
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
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())  # undo writes off the GUI thread
    assert (library.source(sid).title, library.source(sid).published) == ("Minutes of the meeting.", None)
    assert settled(page).title_label.text() == "Minutes of the meeting."
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: not window.ctx.writes_busy())
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


def test_file_import_sources_lets_the_user_say_which_source_a_file_replaces(qtbot, window, library, sample_files,
                                                                            monkeypatch, settled):
    """File → Import sources…: a revised file under another name is chosen as the new version of
    the source it revises; the passages citing the old text move to the new one, the one whose
    words are gone is listed; a file with the name of an earlier import is proposed as its new
    version, and the user can say it is a new source instead."""
    from azrel_desktop.core.research.drafts import Cite, EventDraft

    old = ("Minutes of the Ganja meeting. The delegation met the governor on Monday. "
           "Both sides agreed to reopen the railway to Gazakh. The meeting ended at noon.")
    first = finish(qtbot, window.import_sources([sample_files.write("minutes.txt", old),
                                                 sample_files.write("notes.txt", "Notes on the Ganja meeting.")],
                                                dialog=False))
    sid, notes_id = (o.source_id for o in first.report.outcomes)
    kept = "Both sides agreed to reopen the railway to Gazakh."
    at = old.index(kept)
    event, _ = library.create_event(EventDraft("Railway to Gazakh to reopen", "2024-05", "cooperation"),
                                    [Cite(sid, at, at + len(kept))])
    gone = "The delegation met the governor on Monday."
    g = old.index(gone)
    library.annotate_selection(sid, g, g + len(gone), "which Monday?")

    new = ("Minutes of the Ganja meeting (revised). The agenda was changed at the last minute. "
           "Both sides agreed to reopen the railway to Gazakh. The meeting ended at noon.")
    revised = sample_files.write("minutes-revised-final.txt", new)
    other = sample_files.path("elsewhere")
    other.mkdir()
    same_name = other / "notes.txt"
    same_name.write_text("Different notes, taken by someone else.", encoding="utf-8")
    fresh = sample_files.write("fresh.txt", "A source of its own.")
    monkeypatch.setattr("azrel_desktop.ui.sources.import_actions.ask_files",
                        lambda parent: [str(revised), str(same_name), str(fresh)])
    window.import_action.trigger()
    plan = planned(qtbot, window)
    chooser = plan.chooser(revised)
    assert chooser.currentText() == "a new source" and chooser.isEnabled()
    assert plan.chooser(same_name).currentText() == "a new version of “Notes on the Ganja meeting.”"  # proposed
    assert "has the name of a source you imported before" in plan.note.text()
    title = library.source(sid).title
    chooser.setCurrentIndex(chooser.findText(f"a new version of “{title}”"))  # picked from the list
    assert chooser.currentData() == sid
    plan.chooser(same_name).setCurrentIndex(0)  # no: a new source
    assert plan.versions() == {revised: sid}
    job = press_import(qtbot, window, plan)
    result = finish(qtbot, job)
    assert [o.status for o in result.report.outcomes] == ["replaced", "imported", "imported"]
    assert result.report.outcomes[0].source_id == sid
    # the citation moved to the same words in the new text; the note's passage is listed, not dropped
    page = library.source(sid)
    assert page.text == new
    [cited] = [p for p in library.event(event.id).supporting]
    assert (cited.quote, new[cited.start:cited.end]) == (kept, kept)
    lines = [job.result_dialog.tree.topLevelItem(0).child(i).text(0)
             for i in range(job.result_dialog.tree.topLevelItem(0).childCount())]
    assert lines == [f"not found in the new text: “{gone}”"]
    assert library.source_info(sid).orphans and library.source_info(sid).orphans[0].quote == gone
    assert library.source(notes_id).text == "Notes on the Ganja meeting."  # not replaced: the user said so
    window.go(Target("source", sid))
    source_page = settled(window.pages["source"])
    assert source_page.orphan_tree.topLevelItemCount() == 1


def test_the_import_plan_refuses_one_source_twice_and_a_typed_name_that_is_no_source(qtbot, window, library,
                                                                                     sample_files, monkeypatch):
    first = finish(qtbot, window.import_sources([sample_files.write("a.txt", "Alpha text.")], dialog=False))
    sid = first.report.outcomes[0].source_id
    one, two = sample_files.write("b.txt", "Beta text."), sample_files.write("c.txt", "Gamma text.")
    bib = sample_files.write("refs.bib", "@article{k, title={T}}")
    monkeypatch.setattr("azrel_desktop.ui.sources.import_actions.ask_files",
                        lambda parent: [str(one), str(two), str(bib)])
    window.import_action.trigger()
    plan = planned(qtbot, window)
    assert not plan.chooser(bib).isEnabled() and plan.chooser(bib).count() == 1  # records are new sources
    for path in (one, two):
        plan.chooser(path).setCurrentIndex(plan.chooser(path).findData(sid))
    plan.accept()
    assert plan.isVisible() and "the same source" in plan.note.text()
    plan.chooser(two).setEditText("No such source")
    plan.chooser(one).setCurrentIndex(0)
    plan.accept()
    assert plan.isVisible() and "is not one of your sources" in plan.note.text()
    plan.reject()
    qtbot.waitUntil(lambda: window.import_plan is None)
    assert library.source(sid).text == "Alpha text." and len(library.sources(own_only=True)) == 1
