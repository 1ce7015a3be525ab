"""What Help → About says about the software itself: the app's version and the version and
licence of every component it runs on (Python, Qt, SQLite and the Python packages a bundle
carries), read from the running installation rather than written down, so a bundle reports what
it really contains. `packaging/build.py` writes the same list into the bundle as LICENSES.txt.
"""

from __future__ import annotations

import sqlite3
import sys
from dataclasses import dataclass
from importlib import metadata

from ... import __version__

# The Python packages the app runs on (the runtime dependencies in pyproject.toml and what
# they bring), by distribution name.
PACKAGES = ("PySide6-Essentials", "shiboken6", "SQLAlchemy", "alembic", "Mako", "MarkupSafe", "platformdirs",
            "PyYAML", "numpy", "typing_extensions", "greenlet")
# The runtime dependencies: an installation whose About cannot name these is incomplete.
REQUIRED = ("Python", "Qt", "SQLite", "PySide6-Essentials", "SQLAlchemy", "alembic", "platformdirs", "PyYAML", "numpy")
# Licences of what has no package metadata of its own, or whose metadata only names a file.
KNOWN = {"Qt": "LGPL-3.0-only", "Python": "PSF-2.0", "SQLite": "Public Domain", "PySide6-Essentials": "LGPL-3.0-only",
         "shiboken6": "LGPL-3.0-only"}


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 60:
        return text
    return ", ".join(classifiers) or "see the package"


def components() -> list[Component]:
    """Python, Qt, SQLite and each installed package of PACKAGES, in that order."""
    from PySide6.QtCore import qVersion

    found = [Component("Python", sys.version.split()[0], KNOWN["Python"]),
             Component("Qt", qVersion(), KNOWN["Qt"]),
             Component("SQLite", sqlite3.sqlite_version, KNOWN["SQLite"])]
    for name in PACKAGES:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found.append(Component(name, dist.version, KNOWN.get(name) or _licence(dist)))
    return found


def about_text(library_path: object, events: int) -> str:
    """The About box's plain text."""
    lines = [f"AzRel Desktop {__version__} (MIT licence)", "",
             "A research browser for the foreign relations of Azerbaijan. Every fact is cited to an "
             "exact passage of a source.", "",
             f"Library: {library_path}", f"Events: {events}", "", "Built with:"]
    lines += [f"  {c.name} {c.version} — {c.licence}" for c in components()]
    return "\n".join(lines)


def licences_text() -> str:
    """LICENSES.txt of a bundle: each component with its version and licence."""
    lines = [f"AzRel Desktop {__version__} is released under the MIT licence. It bundles:", ""]
    lines += [f"{c.name} {c.version}: {c.licence}" for c in components()]
    lines += ["", "Qt and PySide6 are used under the GNU LGPL version 3: they are loaded as the separate shared "
              "libraries in this folder, which you may replace with your own builds of the same version. Their "
              "source is at https://download.qt.io/official_releases/."]
    return "\n".join(lines) + "\n"
