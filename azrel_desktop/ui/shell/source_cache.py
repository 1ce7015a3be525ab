"""Keeps PySide6 from holding the source of every module imported after it.

For each module imported once PySide6 is loaded, PySide6 asks whether the module's source
mentions "PySide6" (to know whether its `__feature__` switches apply there: `_mod_uses_pyside`
in PySide6's `support/feature.py`, through `inspect.getsource`), and `linecache` keeps every
line so read for the rest of the process: at start-up, SQLAlchemy's, numpy's and the app's own
source, 25 MB of strings in the window process. `forget_read_sources` wraps that check so what
it read is dropped again at once; its answer is unchanged. A PySide6 without that check is left
as it is.
"""

from __future__ import annotations

import linecache
import sys

_MARK = "_azrel_forgets_sources"


def forget_read_sources() -> bool:
    """Import PySide6 and install the wrapper (once), before the heavy imports; whether
    PySide6 has the check it wraps."""
    import PySide6  # noqa: F401 - (its import sets up the check)

    feature = sys.modules.get("PySide6.support.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if check is None:
        return False
    if getattr(check, _MARK, False):
        return True

    def uses_pyside(module) -> bool:
        before = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in set(linecache.cache) - before:  # only what this check read
                linecache.cache.pop(name, None)

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True
