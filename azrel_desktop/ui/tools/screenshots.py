"""Render the README screenshots offscreen at 1280×800.

    python -m azrel_desktop.ui.tools.screenshots OUTDIR [--db PATH]

Writes timeline.png (NATO, 1997–1999, one event selected), organisation.png (NATO),
source.png (the selected event's source with its passages highlighted), analysis.png (the
analysis page, unfiltered), timeline-dark.png (the timeline in the dark palette) and
timeline-az.png (the timeline in Azerbaijani). Without --db a fresh seeded library is built in
a temporary folder; settings never touch the user's. With --language az|ru every picture is
made in that language (and named with it: timeline-ru.png, …), to check the translations'
layout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = (1280, 800)


def _settle(app, until: Callable[[], bool] = lambda: False, timeout: float = 8.0) -> None:
    from PySide6.QtCore import QEventLoop, QThread

    from ..shell.runner import pool

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if until() and pool().activeThreadCount() == 0:
            break
        QThread.msleep(20)
    for _ in range(5):  # let layouts and deferred deletes finish
        app.processEvents()


def render(outdir: Path, db: Path | None = None, language: str | None = None) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="azrel-shots-"))
    os.environ["AZREL_SETTINGS_DIR"] = str(tmp / "settings")
    os.environ["AZREL_LANGUAGE"] = language or "en"  # the README's pictures are in English
    suffix = f"-{language}" if language else ""
    from ...core.query.filters import EventFilter
    from ...core.service import Library
    from .. import i18n
    from ..common.theme import follow_system_scheme
    from ..shell.app import make_app
    from ..shell.main_window import MainWindow
    from ..shell.navigation import Target
    from ..shell.runner import wait_for_workers

    app = make_app()
    library = Library.open(db or tmp / "azrel.sqlite3")
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        window = MainWindow(library, restore=False)
        window.resize(*SIZE)
        window.show()
        nato = next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))
        page = window.timeline
        page.set_filter(EventFilter(organisations=(nato,), date_from="1997", date_to="1999"))
        _settle(app, lambda: not page.chart.busy() and not page.panel.facets_busy())
        rows = library.rows(page.filter(), limit=50)
        chosen = next((r for r in rows if r.source_count and r.date_text), rows[0] if rows else None)
        if chosen is not None:
            page.select_event(chosen.id)
        _settle(app, lambda: True)
        written.append(_save(window, outdir / f"timeline{suffix}.png"))

        window.go(Target("organisation", nato))
        _settle(app, lambda: True)
        written.append(_save(window, outdir / f"organisation{suffix}.png"))

        detail = library.event(chosen.id) if chosen else None
        passage = detail.supporting[0] if detail and detail.supporting else None
        if passage is not None:
            window.go(Target("source", passage.source_id, passage_id=passage.id))
        else:
            source = library.records("source")[0]
            window.go(Target("source", source.id))
        _settle(app, lambda: True)
        written.append(_save(window, outdir / f"source{suffix}.png"))

        page.set_filter(EventFilter())
        window.show_analysis()
        analysis = window.page("analysis")
        _settle(app, lambda: not analysis.is_loading())  # type: ignore[attr-defined]
        written.append(_save(window, outdir / f"analysis{suffix}.png"))

        window.close()

        # A window made in the dark palette, as at a start in dark mode (rich text takes its
        # link colour from the palette when it is laid out).
        os.environ["AZREL_COLOR_SCHEME"] = "dark"
        follow_system_scheme(app)
        window = MainWindow(library, restore=False)
        window.resize(*SIZE)
        window.show()
        page = window.timeline
        page.set_filter(EventFilter(organisations=(nato,), date_from="1997", date_to="1999"))
        _settle(app, lambda: not page.chart.busy() and not page.panel.facets_busy())
        if chosen is not None:
            page.select_event(chosen.id)
        _settle(app, lambda: True)
        written.append(_save(window, outdir / f"timeline-dark{suffix}.png"))
        window.close()
        os.environ.pop("AZREL_COLOR_SCHEME", None)
        follow_system_scheme(app)

        if language is None:  # and one in Azerbaijani, the README's example of a translation
            i18n.install("az")
            window = MainWindow(library, restore=False)
            window.resize(*SIZE)
            window.show()
            page = window.timeline
            page.set_filter(EventFilter(organisations=(nato,), date_from="1997", date_to="1999"))
            _settle(app, lambda: not page.chart.busy() and not page.panel.facets_busy())
            if chosen is not None:
                page.select_event(chosen.id)
            _settle(app, lambda: True)
            written.append(_save(window, outdir / "timeline-az.png"))
            window.close()
            i18n.install("en")
    finally:
        wait_for_workers()
        library.close()
    return written


def _save(window, path: Path) -> Path:
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m azrel_desktop.ui.tools.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--db", type=Path, default=None, help="library to render (default: a fresh seeded one)")
    parser.add_argument("--language", choices=("az", "ru"), default=None,
                        help="make every picture in this interface language")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    for path in render(args.outdir, args.db, args.language):

        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
