"""Fixtures for the GUI tests: an AppContext over a real seeded database file."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, library):
    from azrel_desktop.ui.shell.context import AppContext

    context = AppContext(library)
    yield context
    context.undo_stack.clear()


@pytest.fixture
def loaded(qtbot):
    """`loaded(model_or_page)` waits until an `EventTableModel` (or the page holding one as
    `.model`) shows the rows of its current filter — the table loads them in the background."""

    def wait(obj, timeout: int = 10_000):
        model = getattr(obj, "model", obj)
        qtbot.waitUntil(lambda: not model.loading(), timeout=timeout)
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
