"""PySide6 reads the source of each module imported after it (to know whether its
`__feature__` switches apply there); `ui/shell/source_cache.py` has what it read dropped again,
with the same answer."""

from __future__ import annotations

import importlib
import linecache
import sys

from azrel_desktop.ui.shell.source_cache import forget_read_sources


def test_the_check_leaves_no_source_behind_and_answers_as_before(tmp_path, monkeypatch):
    assert forget_read_sources()  # the PySide6 the app runs on has the check
    check = sys.modules["PySide6.support.feature"]._mod_uses_pyside
    (tmp_path / "azrel_probe_plain.py").write_text("import os\nVALUE = 1\n" * 2000, encoding="utf-8")
    (tmp_path / "azrel_probe_qt.py").write_text("from PySide6 import QtCore\nVALUE = 2\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    answers = {}
    for name in ("azrel_probe_plain", "azrel_probe_qt"):
        module = importlib.import_module(name)
        monkeypatch.delitem(sys.modules, name)
        answers[name] = check(module)
        assert module.__file__ not in linecache.cache  # read, and dropped again
    assert answers == {"azrel_probe_plain": False, "azrel_probe_qt": True}
    linecache.getlines(__file__)  # what others put there stays
    assert check(sys.modules[__name__]) is True and __file__ in linecache.cache  # (this file names PySide6)


def test_installing_twice_wraps_once():
    assert forget_read_sources() and forget_read_sources()
    check = sys.modules["PySide6.support.feature"]._mod_uses_pyside
    assert check.__closure__ is not None
    inner = check.__closure__[0].cell_contents
    assert not getattr(inner, "_azrel_forgets_sources", False)
