"""Right-click menus on the timeline's rows and chart, record pages, passages and notes, and
Help → Quick guide, in a real window offscreen: the menu is opened as a user opens it (the
view's own context-menu request), read, and one action chosen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.core.research.quotes import as_prose
from azrel_desktop.core.sources.reading import SourceMetadata
from azrel_desktop.ui.common.context_menus import prose
from azrel_desktop.ui.shell.main_window import MainWindow
from azrel_desktop.ui.shell.navigation import Target
from azrel_desktop.ui.shell.quick_guide import guide_text


@pytest.fixture
def window(qtbot, library):
    w = MainWindow(library, restore=False, warn=lambda *a: None)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w


def nato(library) -> str:
    return next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))


class MenuUser:
    """Waits for the popup menu a right-click opens, notes its items and picks one."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.items: list[str] = []
        self.enabled: dict[str, bool] = {}

    def right_click(self, open_menu, choose: str | None = None) -> list[str]:
        def look():
            menu = QApplication.activePopupWidget()
            if not isinstance(menu, QMenu):
                QTimer.singleShot(10, look)
                return
            actions = [a for a in menu.actions() if not a.isSeparator()]
            self.items = [a.text() for a in actions]
            self.enabled = {a.text(): a.isEnabled() for a in actions}
            picked = next((a for a in actions if a.text() == choose), None)
            self.seen = True
            menu.close()
            if picked is not None:
                picked.trigger()

        self.seen = False
        QTimer.singleShot(0, look)
        open_menu()  # a menu may open at once (exec) or once what it needs is read
        self.qtbot.waitUntil(lambda: self.seen, timeout=10_000)
        self.qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
        return self.items


def settled(qtbot, window):
    qtbot.waitUntil(lambda: not window.current_page().is_loading(), timeout=10_000)


def table_row_menu(qtbot, window, row: int = 0):
    table = window.timeline.table
    pos = table.visualRect(window.timeline.model.index(row, 1)).center()
    return lambda: table.customContextMenuRequested.emit(pos)


def nato_timeline(qtbot, window, library):
    page = window.timeline
    page.set_filter(EventFilter(organisations=(nato(library),), date_from="1997", date_to="1999"))
    settled(qtbot, window)
    return page


def test_a_timeline_row_offers_every_action(qtbot, window, library):
    page = nato_timeline(qtbot, window, library)
    row = page.model.event_row(0)
    detail = library.event(row.id)
    user = MenuUser(qtbot)
    items = user.right_click(table_row_menu(qtbot, window))
    assert items[:5] == ["Open", "Open source", "Add note…", "Copy citation", "Copy quote"]
    for link in detail.organisations:
        assert f"Filter timeline by organisation: {link.label}" in items
    for link in detail.countries:
        assert f"Filter timeline by country: {link.label}" in items


def test_copy_quote_puts_the_passage_as_prose_on_the_clipboard(qtbot, window, library):
    page = nato_timeline(qtbot, window, library)
    first = library.event(page.model.event_row(0).id).supporting[0]
    QGuiApplication.clipboard().clear()
    MenuUser(qtbot).right_click(table_row_menu(qtbot, window), "Copy quote")
    copied = QGuiApplication.clipboard().text()
    assert copied == prose(first.quote) and "\n" not in copied
    assert window.statusBar().currentMessage() == "Quote copied."


def test_copy_citation_reads_it_off_the_gui_thread(qtbot, window, library):
    page = nato_timeline(qtbot, window, library)
    first = library.event(page.model.event_row(0).id).supporting[0]
    expected = library.citation_text(record_id=page.model.event_row(0).id)
    QGuiApplication.clipboard().clear()
    MenuUser(qtbot).right_click(table_row_menu(qtbot, window), "Copy citation")
    qtbot.waitUntil(lambda: QGuiApplication.clipboard().text() == expected, timeout=10_000)
    assert as_prose(first.quote) in expected


def test_filter_by_country_shows_that_countrys_events(qtbot, window, library):
    page = nato_timeline(qtbot, window, library)
    country = library.event(page.model.event_row(0).id).countries[0]
    MenuUser(qtbot).right_click(table_row_menu(qtbot, window), f"Filter timeline by country: {country.label}")
    assert page.filter() == EventFilter(countries=(country.id,))
    settled(qtbot, window)
    assert page.model.total() == library.count(EventFilter(countries=(country.id,)))


def test_a_chart_item_has_the_events_menu(qtbot, window, library):
    page = nato_timeline(qtbot, window, library)
    qtbot.waitUntil(lambda: not page.chart.busy(), timeout=10_000)
    canvas = page.chart.canvas
    row = page.model.event_row(0)
    item = canvas.item_for(row.id)
    assert item is not None
    spot = next(QPoint(x, y) for y in range(canvas.viewport().height()) for x in range(0, canvas.viewport().width(), 2)
                if (hit := canvas.item_at(QPointF(x, y))) is not None and hit.row.id == row.id)
    items = MenuUser(qtbot).right_click(lambda: canvas.customContextMenuRequested.emit(spot), "Open")
    assert "Copy citation" in items
    assert page.selected_event() == row.id


def test_a_record_pages_links_citations_and_events_have_menus(qtbot, window, library):
    window.go(Target("organisation", nato(library)))
    settled(qtbot, window)
    events = window.current_page().events.view
    qtbot.waitUntil(lambda: events.model().rowCount() > 0, timeout=10_000)
    pos = events.visualRect(events.model().index(0, 1)).center()
    items = MenuUser(qtbot).right_click(lambda: events.customContextMenuRequested.emit(pos))
    assert "Open" in items and "Add note…" in items


def test_a_passage_in_a_source_offers_its_actions(qtbot, window, library):
    nato_timeline(qtbot, window, library)
    passage = library.event(window.timeline.model.event_row(0).id).supporting[0]
    window.go(Target("source", passage.source_id, passage_id=passage.id))
    settled(qtbot, window)
    page = window.current_page()
    view = page.text_view
    cursor = view._cursor(_qt_offset(view, passage.start + 1))
    point = view.cursorRect(cursor).center()
    assert passage.start <= view.offset_at(point) < passage.end
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QGuiApplication.clipboard().clear()
    items = MenuUser(qtbot).right_click(lambda: view.contextMenuEvent(event), "Copy quote")
    assert "Annotate selection…" in items  # the text's own menu is kept
    assert "Open" in items and "Add note…" in items and "Copy citation" in items
    assert QGuiApplication.clipboard().text() == prose(passage.quote)


def _qt_offset(view, offset: int) -> int:
    from azrel_desktop.ui.common.qtext import to_qt

    return to_qt(view.source_text(), offset)


def test_notes_have_menus_on_the_annotations_page_and_on_cards(qtbot, window, library):
    event_id = library.rows(EventFilter(), limit=1)[0].id
    library.add_annotation("event", event_id, "Check the date", tags=("to check",))
    window.go(Target("annotations"))
    settled(qtbot, window)
    page = window.current_page()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    pos = page.table.visualRect(page.model.index(0, 1)).center()
    items = MenuUser(qtbot).right_click(lambda: page.table.customContextMenuRequested.emit(pos), "Open")
    assert items[0] == "Open"
    qtbot.waitUntil(lambda: window.timeline.selected_event() == event_id)
    from azrel_desktop.ui.notes.annotation_panel import AnnotationPanel

    panel = window.timeline.detail.findChild(AnnotationPanel)
    qtbot.waitUntil(lambda: len(panel.cards) == 1, timeout=10_000)
    card = panel.cards[0]
    items = MenuUser(qtbot).right_click(lambda: card.customContextMenuRequested.emit(QPoint(4, 4)))
    assert "Open" in items and "Add note…" in items


def test_add_note_is_disabled_in_a_read_only_library(qtbot, shared_library, monkeypatch):
    monkeypatch.setattr(type(shared_library), "readonly", property(lambda self: True))
    w = MainWindow(shared_library, restore=False, warn=lambda *a: None)
    qtbot.addWidget(w)
    w.show()
    settled(qtbot, w)
    user = MenuUser(qtbot)
    user.right_click(table_row_menu(qtbot, w))
    assert user.enabled["Add note…"] is False


def test_citation_text_names_title_publisher_date_and_page(library, sample_files):
    pages = ["Chapter one\nAzerbaijan joined the Partnership for Peace in May 1994.",
             "Chapter two\nThe Individual Partnership Action Plan followed in 2005."]
    report, _ = library.import_sources([sample_files.pdf("r.pdf", pages, title="Annual report")],
                                       SourceMetadata(publisher="Institute", published="2006-03"))
    source_id = report.outcomes[0].source_id
    text = library.source(source_id).text
    assert library.source_citation(source_id) == "Annual report, Institute, 2006-03"
    assert library.source_citation(source_id, text.index("Individual")) == "Annual report, Institute, 2006-03, p. 2"


def test_f1_opens_the_quick_guide_and_its_shortcuts_are_real(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "guide", None) is not None and window.guide.isVisible())
    assert "Quick guide" in window.guide.browser.toPlainText()
    window.page("source")  # Ctrl+F belongs to the source page
    bound = {seq.toString() for action in window.findChildren(QAction) for seq in action.shortcuts()}
    for keys in re.findall(r"^\| ([^|]+?) \|", guide_text(), flags=re.M):
        if keys == "Keys" or set(keys) <= {"-", " "}:
            continue
        for key in (k.strip() for k in keys.split("/")):
            assert QKeySequence(key).toString() in bound, f"the guide names {key}, which no action has"
    window.guide.close()  # a window of its own: it would outlive the main window in a test


def test_the_guide_renders_no_html(qtbot):
    from azrel_desktop.ui.shell.quick_guide import QuickGuide

    guide = QuickGuide()
    qtbot.addWidget(guide)
    assert "Shortcuts" in guide.browser.toPlainText()
    assert not guide.browser.openLinks() and not guide.browser.openExternalLinks()
