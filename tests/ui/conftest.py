"""Fixtures for the GUI tests: an AppContext over a real seeded database file."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, library):
    from azrel_desktop.ui.context import AppContext

    context = AppContext(library)
    yield context
    context.undo_stack.clear()
