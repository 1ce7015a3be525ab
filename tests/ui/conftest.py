"""Fixtures for the GUI tests: an AppContext over a real seeded database file, waits for what
loads in the background, and no background work left running after a test."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _drain_workers(request):
    """Every GUI test ends with no background work running: the pool is waited for before the
    test's library closes (a library the test uses is set up first, so it is closed after),
    and a task still running then fails the test."""
    from azrel_desktop.ui.shell.runner import wait_for_workers

    for name in ("library", "shared_library", "fresh_library"):
        if name in request.fixturenames:
            request.getfixturevalue(name)
    yield
    assert wait_for_workers(), "background work was still running at the end of the test"


@pytest.fixture(autouse=True)
def _no_window_left_open():
    """Fails a test that leaves a visible top-level window behind (an error box, a dialog, a
    menu): another test's "active modal widget" or "active window" would find it. Runs after
    pytest-qt has closed the widgets given to `qtbot.addWidget`; what is left is closed here,
    so that the next test starts clean. Tooltips are Qt's own and hide on a timer: ignored."""
    yield
    from PySide6.QtWidgets import QApplication, QToolTip

    app = QApplication.instance()
    if app is None:
        return
    QToolTip.hideText()
    left = [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.metaObject().className() != "QTipLabel"]
    names = [f"{w.metaObject().className()} {w.windowTitle()!r}" for w in left]
    for w in left:
        w.close()
    assert not left, f"the test left windows open: {names}"


@pytest.fixture
def chart(qtbot, library):
    """A timeline chart over the seeded library, shown and loaded with every event."""
    from azrel_desktop.core.query.filters import EventFilter
    from azrel_desktop.ui.timeline.timeline_chart import TimelineChart

    c = TimelineChart(library)
    qtbot.addWidget(c)
    c.resize(900, 320)
    c.show()
    with qtbot.waitSignal(c.loaded):
        c.set_filter(EventFilter())
    return c


@pytest.fixture
def wheel():
    """`wheel(canvas, y_delta, modifiers, x=...)`: a mouse wheel turned over the chart's canvas at
    (x, 80) in its viewport, as Qt delivers it; gives the position."""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    def turn(canvas, y_delta: int, modifiers=Qt.KeyboardModifier.NoModifier, x: float | None = None) -> QPointF:
        pos = QPointF(x if x is not None else canvas.LABEL_W + 300, 80)
        event = QWheelEvent(pos, canvas.viewport().mapToGlobal(pos), QPoint(0, 0), QPoint(0, y_delta),
                            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(canvas.viewport(), event)
        return pos

    return turn


@pytest.fixture
def ctx(qapp, library):
    from azrel_desktop.ui.shell.context import AppContext

    context = AppContext(library)
    yield context
    context.undo_stack.clear()


@pytest.fixture
def loaded(qtbot):
    """`loaded(model_or_page)` waits until an `EventTableModel` (or the page holding one as
    `.model`) shows the rows of its current filter — the table loads them in the background —
    and a page's other background reads (chips, the selected event's detail) are done."""

    def wait(obj, timeout: int = 10_000):
        model = getattr(obj, "model", obj)
        qtbot.waitUntil(lambda: not model.loading(), timeout=timeout)
        if hasattr(obj, "is_loading"):
            qtbot.waitUntil(lambda: not obj.is_loading(), timeout=timeout)
        return obj

    return wait


@pytest.fixture
def held_count(library, monkeypatch):
    """Hold every `Library.count` made off the GUI thread until `.set()` — a slow load on a
    big library, made deterministic. Released (and the workers drained) at the end."""
    import threading

    from azrel_desktop.ui.shell.runner import wait_for_workers

    gate = threading.Event()
    real = library.count
    main = threading.main_thread()

    def count(f):
        if threading.current_thread() is not main:
            assert gate.wait(10), "a held count was never released"
        return real(f)

    monkeypatch.setattr(library, "count", count)
    yield gate
    gate.set()
    wait_for_workers()


@pytest.fixture
def fetched(qtbot, loaded):
    """`fetched(model_or_page)`: the ids of all its rows, read a page at a time in the
    background as a view scrolled to the end reads them."""
    from PySide6.QtCore import QModelIndex

    def fetch(obj) -> list[str]:
        model = loaded(getattr(obj, "model", obj))
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            qtbot.waitUntil(lambda: not model.fetching(), timeout=10_000)
        return [model.event_id(r) for r in range(model.rowCount())]

    return fetch


class GuiThreadSql:
    """Every statement sent through a library's engine from the GUI (main) thread once
    `watch()` was called, with the Python stack frame in the app that sent it."""

    def __init__(self, library):
        self.library = library
        self.sent: list[tuple[str, str]] = []
        self._watching = False

    def watch(self) -> None:
        from sqlalchemy import event

        if not self._watching:
            event.listen(self.library.db.engine, "before_cursor_execute", self._note)
            self._watching = True

    def stop(self) -> None:
        from sqlalchemy import event

        if self._watching:
            event.remove(self.library.db.engine, "before_cursor_execute", self._note)
            self._watching = False

    def _note(self, conn, cursor, statement, *args) -> None:
        import threading
        import traceback

        if threading.current_thread() is threading.main_thread():
            app_frames = [f for f in traceback.extract_stack() if "azrel_desktop/ui" in f.filename.replace("\\", "/")]
            where = f"{app_frames[-1].filename}:{app_frames[-1].lineno} {app_frames[-1].name}" if app_frames else "?"
            self.sent.append((where, statement.split("\n")[0][:100]))

    def report(self) -> str:
        return "\n".join(f"{where}: {sql}" for where, sql in self.sent)


@pytest.fixture
def gui_thread_sql(library):
    """`gui_thread_sql.watch()` once the window is shown; `.sent` then lists each statement the
    GUI thread sent through the library (where from, and its first line)."""
    recorder = GuiThreadSql(library)
    yield recorder
    recorder.stop()


@pytest.fixture
def settled(qtbot):
    """`settled(view)` waits until a page, pane or panel that reads off the GUI thread shows
    what it was last asked for (`not view.is_loading()`), and returns it."""

    def wait(view, timeout: int = 10_000):
        qtbot.waitUntil(lambda: not view.is_loading(), timeout=timeout)
        return view

    return wait


@pytest.fixture
def written(qtbot):
    """`written(ctx)` waits until every change queued through `ctx.write` (a note saved, an undo
    or redo of a saved change) has landed — its undo command pushed and its changes announced
    — and returns the context."""

    def wait(context, timeout: int = 10_000):
        qtbot.waitUntil(lambda: not context.writes_busy(), timeout=timeout)
        return context

    return wait


@pytest.fixture(scope="session", autouse=True)
def _english_catalogues(qapp):
    """The tests read the interface in English, as the app shows it when no other language is
    chosen: with the English catalogues installed, which hold the plural forms ("1 note",
    "2 notes") of the texts that count. The i18n package's `install` does it when present;
    until then the catalogues are loaded here."""
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    try:
        from azrel_desktop.ui.i18n import install  # type: ignore[attr-defined]
    except ImportError:
        install = None
    if install is not None:
        install("en", qapp)
        yield
        return
    folder = Path(__file__).resolve().parents[2] / "azrel_desktop" / "ui" / "i18n" / "qm"
    translators = []
    for path in sorted(folder.glob("*_en.qm")):
        translator = QTranslator(qapp)
        assert translator.load(str(path)), path
        qapp.installTranslator(translator)
        translators.append(translator)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
