"""Building the interface's catalogues: `pyside6-lupdate` over an area's folders, then
`pyside6-lrelease` into the committed `qm/` files.

    python -m azrel_desktop.ui.i18n.build            # update every ts/ file, then compile it
    python -m azrel_desktop.ui.i18n.build --release  # compile only (after translating)

A translator edits `ts/<area>_<lang>.ts` (in Qt Linguist or any editor), then runs the second
command and commits both files. The catalogues carry no source locations, so that moving code
does not change them.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from . import CATALOGUE_LANGUAGES, QM_DIR, TS_DIR

UI = Path(__file__).resolve().parents[1]
# Which folders of ui/ each catalogue covers; `main` also takes the modules at the top of ui/
# and this folder (Qt's own texts for the languages Qt has no catalogue of: `qt_texts.py`).
AREAS = {
    "main": ("shell", "timeline", "common", "tools", "i18n", "."),
    "work": ("coding", "notes", "records", "sources", "analysis"),
}


def sources(area: str, ui: Path = UI) -> list[Path]:
    files: list[Path] = []
    for folder in AREAS[area]:
        if folder == ".":
            files += sorted(ui.glob("*.py"))
        else:
            files += sorted((ui / folder).rglob("*.py"))
    return files


def tool(name: str) -> str:
    """A Qt tool of the PySide6 installed beside this Python (the venv's `pyside6-<name>`)."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise FileNotFoundError(f"pyside6-{name} was not found (install PySide6 in this environment)")
    return found


def update(area: str, language: str, ts_dir: Path = TS_DIR) -> Path:
    """Bring `ts/<area>_<language>.ts` up to date with the sources (new texts unfinished,
    texts no longer in the code dropped). English, the source language, takes only the texts
    with plural forms."""
    ts = ts_dir / f"{area}_{language}.ts"
    ts_dir.mkdir(parents=True, exist_ok=True)
    plural_only = ["-pluralonly"] if language == "en" else []
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", *plural_only,
                    "-source-language", "en", "-target-language", language,
                    *map(str, sources(area)), "-ts", str(ts)], check=True)
    return ts


def release(ts: Path, qm_dir: Path = QM_DIR) -> Path:
    qm_dir.mkdir(parents=True, exist_ok=True)
    qm = qm_dir / (ts.stem + ".qm")
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m azrel_desktop.ui.i18n.build")
    parser.add_argument("--release", action="store_true", help="compile only, without updating the .ts files")
    parser.add_argument("--area", choices=sorted(AREAS), action="append", help="only this area (repeatable)")
    args = parser.parse_args(argv)
    for area in args.area or sorted(AREAS):
        for language in CATALOGUE_LANGUAGES:

            ts = TS_DIR / f"{area}_{language}.ts"
            if not args.release:
                update(area, language)
            if ts.is_file():
                print(release(ts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
