"""What Help → About says about the software itself: the app's version and the version and
licence of every component it runs on (Python, Qt, SQLite and every Python package the app
requires, directly or through another), read from the running installation's package metadata
rather than written down, so a bundle reports what it really contains. `packaging/build.py`
writes the same list into the bundle as LICENSES.txt.
"""

from __future__ import annotations

import re
import sqlite3
import sys
from dataclasses import dataclass
from importlib import metadata

from ... import __version__

APP_DISTRIBUTION = "azrel-desktop"
# What About must always name; an installation that cannot is incomplete (the self-test checks).
REQUIRED = ("Python", "Qt", "SQLite", "PySide6-Essentials", "SQLAlchemy", "alembic", "platformdirs", "PyYAML", "numpy")
# Licences of what has no package metadata of its own.
KNOWN = {"Qt": "LGPL-3.0-only", "Python": "PSF-2.0", "SQLite": "Public Domain"}


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    # (typeshed's PackageMetadata lacks `get`, which the email.message.Message it is has)
    expression = meta.get("License-Expression")  # type: ignore[attr-defined]
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()  # type: ignore[attr-defined]
    if text and "\n" not in text and len(text) < 60:
        return text
    return ", ".join(classifiers) or "see the package"


def runtime_distributions(root: str = APP_DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed packages the app runs on: its own requirements and theirs, each once, in
    the order found (optional extras and what is not installed here are left out)."""
    found: dict[str, metadata.Distribution] = {}
    pending = [root]
    while pending:
        name = pending.pop(0)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _normal(dist.metadata["Name"])
        if key in found:
            continue
        found[key] = dist
        for requirement in dist.requires or []:
            if "extra ==" in requirement.replace("extra==", "extra =="):
                continue
            match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
            if match:
                pending.append(match.group(1))
    found.pop(_normal(root), None)
    return list(found.values())


def missing_required(names: list[str]) -> list[str]:
    """Which of REQUIRED are not among `names` (package names compared as pip does)."""
    have = {_normal(name) for name in names}
    return [name for name in REQUIRED if _normal(name) not in have]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def components() -> list[Component]:
    """Python, Qt, SQLite, then every package the app runs on, by name."""
    from PySide6.QtCore import qVersion

    found = [Component("Python", sys.version.split()[0], KNOWN["Python"]),
             Component("Qt", qVersion(), KNOWN["Qt"]),
             Component("SQLite", sqlite3.sqlite_version, KNOWN["SQLite"])]
    packages = sorted(runtime_distributions(), key=lambda d: _normal(d.metadata["Name"]))
    for dist in packages:
        name = dist.metadata["Name"]
        found.append(Component(name, dist.version, _licence(dist)))
    return found


def about_text(library_path: object, events: int) -> str:
    """The About box's plain text."""
    from PySide6.QtCore import QCoreApplication, QLocale

    lines = [QCoreApplication.translate("about", "AzRel Desktop {version} (MIT licence)").format(version=__version__), "",
             QCoreApplication.translate("about", "A research browser for the foreign relations of Azerbaijan. "
                                                 "Every fact is cited to an exact passage of a source."), "",
             QCoreApplication.translate("about", "Library: {path}").format(path=library_path),
             QCoreApplication.translate("about", "Events: {count}").format(count=QLocale().toString(events)), "",
             QCoreApplication.translate("about", "Built with:")]

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
