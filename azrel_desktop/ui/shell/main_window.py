"""`MainWindow`: the page stack, back/forward history, menus, status bar and saved settings.

Pages are created lazily, one per kind (the timeline page also shows single events). Every
page has `show_target(Target)` and `title()`; pages navigate with `ctx.go(Target)`, which
lands in `MainWindow.go`. The window remembers its geometry, the timeline's splitters and
sort, and the last filter between runs.
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ...core.query.filters import EventFilter
from ...core.query.records import Link
from ...core.service import Library
from ..common.colours import show_as_warning_banner
from ..common.export_formats import EVENT_FORMATS, XLSX, ExportChoice, ExportFormat, ask_export_path
from ..common.widgets import PlainLabel
from .backup_actions import BackupActions, ask_backup_to_restore, confirm_restore
from .context import AppContext
from .export_job import ExportJob, ExportResult
from .navigation import History, Target
from .runner import LatestCall, wait_for_workers
from .settings import APPLICATION, settings
from .undo_keys import UndoKeys, focus_page

if TYPE_CHECKING:
    from ..sources.import_job import ImportJob
    from ..timeline.timeline_page import TimelinePage

# Page key -> (module, class). `event` targets open the timeline page.
PAGE_CLASSES = {
    "timeline": ("timeline.timeline_page", "TimelinePage"),
    "organisation": ("records.organisation_page", "OrganisationPage"),
    "agreement": ("records.agreement_page", "AgreementPage"),
    "country": ("records.actor_pages", "CountryPage"),
    "person": ("records.actor_pages", "PersonPage"),
    "source": ("sources.source_page", "SourcePage"),
    "annotations": ("notes.annotations_page", "AnnotationsPage"),
    "sources": ("sources.sources_page", "SourcesPage"),
    "analysis": ("analysis.analysis_page", "AnalysisPage"),
}
FILTER_KEY = "timeline/filter"


def page_key(kind: str) -> str:
    return "timeline" if kind == "event" else kind


def _menu_text(text: str, limit: int = 70) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("&", "&&")


def _key_sequences(*keys) -> list[QKeySequence]:
    """Shortcuts without duplicates (a platform's standard key may equal an explicit one)."""
    seen: dict[str, QKeySequence] = {}
    for key in keys:
        seqs = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        for seq in seqs:
            if not seq.isEmpty():
                seen.setdefault(seq.toString(), seq)
    return list(seen.values())


def history_keys(forward: bool, platform: str = sys.platform) -> tuple[str, ...]:
    """Back and Forward keys named explicitly: Qt's standard Back key includes Backspace on
    Windows, which would leave the page whenever Backspace reaches the window. macOS has
    ⌘[ and ⌘] (Qt writes ⌘ as Ctrl), as in Safari and Finder; the others Alt+arrow."""
    if platform == "darwin":
        return ("Ctrl+]",) if forward else ("Ctrl+[",)
    return ("Alt+Right",) if forward else ("Alt+Left",)


def plain_menu_action(menu: QMenu, text: str) -> QAction:
    """A menu item whose text comes from the data. It gets no menu role: on macOS Qt would
    otherwise move an item it guesses from its text ("About…", "Preferences", "Quit …") into
    the application menu."""
    action = menu.addAction(_menu_text(text))
    action.setMenuRole(QAction.MenuRole.NoRole)
    return action


def plain_submenu(menu: QMenu, text: str) -> QMenu:
    sub = menu.addMenu(_menu_text(text))
    sub.menuAction().setMenuRole(QAction.MenuRole.NoRole)
    return sub


class Page(Protocol):
    """What the window asks of every page (a QWidget in its stack), whichever module made it."""

    def title(self) -> str: ...

    def show_target(self, target: Target) -> None: ...


class MissingPage(QWidget):
    """Stands in for a page whose module is not installed, so navigation never crashes."""

    def __init__(self, kind: str, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        lay = QVBoxLayout(self)
        lay.addWidget(PlainLabel(self.tr("The {kind} page is not available: {reason}").format(
            kind=kind, reason=reason), self))
        lay.addStretch(1)

    def title(self) -> str:
        return self.kind.capitalize()

    def show_target(self, target: Target) -> None:
        pass


class MainWindow(QMainWindow):
    def __init__(self, library: Library, parent: QWidget | None = None, *, restore: bool = True,
                 warn: Callable[[QWidget, str, str], None] | None = None):
        super().__init__(parent)
        self.ctx = AppContext(library, self)
        self.history = History()
        self.pages: dict[str, QWidget] = {}
        self.last_export: ExportJob | None = None
        self.last_import: ImportJob | None = None  # the latest ImportJob (ui/sources/import_actions.py)
        self.setAcceptDrops(True)  # files dropped on the window are imported
        self._pending_timeline_state: QSettings | None = None  # applied once the window has its size
        # The filter is also saved shortly after each change, so a crash does not lose it.
        self._save_filter_soon = QTimer(self, singleShot=True, interval=1000)
        self._save_filter_soon.timeout.connect(self._save_filter)
        self._warn = warn or (lambda parent, title, text: _plain_box(parent, title, text, QMessageBox.Icon.Warning))
        self.setWindowTitle(APPLICATION)
        self.resize(1280, 800)
        self.setMinimumSize(900, 600)

        self.stack = QStackedWidget(self)
        central = QWidget(self)
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.readonly_banner = PlainLabel(
            self.tr("Read-only: {path} cannot be written, so you can browse and export but not "
                    "save notes. Copy the file somewhere writable to annotate.").format(path=library.path), central)
        self.readonly_banner.setObjectName("readonlyBanner")
        show_as_warning_banner(self.readonly_banner)
        self.readonly_banner.setVisible(library.readonly)
        lay.addWidget(self.readonly_banner)
        lay.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.backups = BackupActions(self.ctx, self)
        # What the Help and Go menus read from the library, read off the GUI thread.
        self._about_call = LatestCall(self)
        self._about_call.finished.connect(self._show_about)
        self.backups.done.connect(lambda msg: self.statusBar().showMessage(msg, 15000))
        self.backups.failed.connect(lambda msg: self._warn(self, self.tr("Backup"), msg))
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().showMessage(f"{library.path}", 5000)
        if library.readonly:
            self.statusBar().addPermanentWidget(PlainLabel(self.tr("Read-only"), self, wrap=False, selectable=False))
        self.ctx.navigate.connect(self.go)
        self.ctx.status.connect(lambda msg: self.statusBar().showMessage(msg, 10000))
        self.ctx.changed.connect(lambda _c: QTimer.singleShot(0, self._update_title))
        self._watched: QObject | None = None  # the QWindow whose mouse presses are watched

        start = Target("timeline")
        if restore:
            f = self._restore_settings()
            if f is not None:
                start = Target("timeline", extra=(f,))
        self.go(start)

    # --- pages ----------------------------------------------------------------------------
    def page(self, kind: str) -> QWidget:
        """The page showing `kind` targets, created on first use."""
        key = page_key(kind)
        page = self.pages.get(key)
        if page is None:
            module_name, class_name = PAGE_CLASSES[key]
            try:
                module = importlib.import_module(f"azrel_desktop.ui.{module_name}")
                page = getattr(module, class_name)(self.ctx, self.stack)
            except (ImportError, AttributeError) as exc:
                page = MissingPage(key, str(exc), self.stack)
            self.pages[key] = page
            self.stack.addWidget(page)
            loaded = getattr(page, "loaded", None)
            if loaded is not None:  # a page reads its record off the GUI thread; its title follows
                loaded.connect(self._update_title)
            if key == "timeline" and not isinstance(page, MissingPage):
                page.selectionChanged.connect(lambda _id: self._update_title())
                page.filterChanged.connect(lambda _f: self._save_filter_soon.start())
                if self._pending_timeline_state is not None and self.isVisible():
                    self._restore_timeline_layout()
        return page

    @property
    def timeline(self):
        return self.page("timeline")

    def _timeline_page(self) -> TimelinePage | None:
        """The timeline page once it has been made; None before, or when its module failed."""
        page = self.pages.get("timeline")
        if page is None or isinstance(page, MissingPage):
            return None
        return cast("TimelinePage", page)  # imported by name: PAGE_CLASSES

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    # --- navigation ---------------------------------------------------------------------------
    def go(self, target: Target) -> None:
        self._remember_current()
        self.history.visit(target)
        self._show(target)

    def back(self) -> bool:
        if not self.history.can_go_back():
            return False
        self._remember_current()
        self._show(self.history.back())
        return True

    def forward(self) -> bool:
        if not self.history.can_go_forward():
            return False
        self._remember_current()
        self._show(self.history.forward())
        return True

    def _remember_current(self) -> None:
        """Record where the timeline is now (filter, selected event) before leaving it."""
        page = self.current_page()
        current = self.history.current
        if current is not None and page_key(current.kind) == "timeline" and page is not None \
                and hasattr(page, "current_target"):
            self.history.current = page.current_target()

    def _show(self, target: Target | None) -> None:
        if target is None:
            return
        page = self.page(target.kind)
        self.stack.setCurrentWidget(page)
        cast(Page, page).show_target(target)  # pages are imported by name: PAGE_CLASSES
        focus_page(page)
        self._update_title()
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def _update_title(self) -> None:
        page = self.current_page()
        title = page.title() if page is not None and hasattr(page, "title") else ""
        self.setWindowTitle(f"{title} — {APPLICATION}" if title else APPLICATION)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Mouse back/forward buttons anywhere in this window; child views would otherwise eat them.
        # Watched on the window's QWindow, which gets each mouse event before the widget under
        # it: an application-wide filter would run Python for every event of every object.
        if event.type() == QEvent.Type.MouseButtonPress and watched is self._watched \
                and isinstance(event, QMouseEvent) and self._mouse_nav(event):
            return True
        return super().eventFilter(watched, event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self._mouse_nav(event):
            super().mousePressEvent(event)

    def _mouse_nav(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.BackButton:
            self.back()
        elif event.button() == Qt.MouseButton.ForwardButton:
            self.forward()
        else:
            return False
        event.accept()
        return True

    # --- actions and menus ------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcuts=(), tip: str = "",
                role: QAction.MenuRole = QAction.MenuRole.NoRole) -> QAction:
        action = QAction(text, self)
        action.setMenuRole(role)  # never guessed from the text (see plain_menu_action)
        if shortcuts:
            action.setShortcuts(_key_sequences(*shortcuts))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        style = self.style()
        self.back_action = self._action(self.tr("Back"), self.back, history_keys(forward=False),
                                        self.tr("Go back to the previous page"))
        self.back_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.forward_action = self._action(self.tr("Forward"), self.forward, history_keys(forward=True),
                                           self.tr("Go forward again"))
        self.forward_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        self.export_action = self._action(self.tr("Export to CSV…"), lambda: self.export_csv(), ("Ctrl+E",),
                                          self.tr("Export the timeline's events, filtered and sorted as shown"))
        self.export_notes_action = self._action(self.tr("Export annotations…"), lambda: self.export_annotations(),
                                                tip=self.tr("Export all your notes to CSV"))
        self.backup_action = self._action(self.tr("Back up now"), lambda: self.backups.back_up(),
                                          tip=self.tr("A verified copy of the library in the backups folder"))
        self.restore_action = self._action(self.tr("Restore from backup…"), self.restore_backup,
                                           tip=self.tr("Replace the library with a backup; the current file is "
                                                       "kept aside"))
        self.restore_action.setEnabled(not self.ctx.library.readonly)
        self.quit_action = self._action(self.tr("Quit"), self.close, (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
                                        role=QAction.MenuRole.QuitRole)
        stack = self.ctx.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setMenuRole(QAction.MenuRole.NoRole)
        self.undo_action.setShortcuts(_key_sequences(QKeySequence.StandardKey.Undo, "Ctrl+Z"))
        self.redo_action = stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setMenuRole(QAction.MenuRole.NoRole)
        self.redo_action.setShortcuts(_key_sequences("Ctrl+Shift+Z", QKeySequence.StandardKey.Redo))
        self.undo_keys = UndoKeys(self, self.undo_action, self.redo_action)
        self.timeline_action = self._action(self.tr("Timeline"), lambda: self.go(Target("timeline")), ("Ctrl+1",))
        self.annotations_action = self._action(self.tr("Annotations"), lambda: self.go(Target("annotations")),
                                               ("Ctrl+2",))
        self.sources_action = self._action(self.tr("Sources"), lambda: self.go(Target("sources")), ("Ctrl+3",),
                                           self.tr("Every source, or those whose text holds words"))
        self.analysis_action = self._action(self.tr("Analysis"), self.show_analysis, ("Ctrl+4",),
                                            self.tr("Counts per year by organisation, country and source, "
                                                    "under the timeline's filter"))
        self.import_action = self._action(self.tr("Import sources…"), lambda: self.import_sources(), ("Ctrl+I",),
                                          self.tr("Import your own texts, PDFs, Word files, web pages or "
                                                  "bibliographies"))
        self.import_action.setEnabled(not self.ctx.library.readonly)
        self.search_action = self._action(self.tr("Search the timeline"), self.focus_search, ("Ctrl+L",))
        self.about_action = self._action(self.tr("About AzRel Desktop"), self.about, role=QAction.MenuRole.AboutRole)
        self.preferences_action = self._action(self.tr("Preferences…"), self.show_preferences,
                                               (QKeySequence.StandardKey.Preferences,),
                                               self.tr("The interface language"),
                                               role=QAction.MenuRole.PreferencesRole)
        from .output_actions import OutputActions

        self.outputs = OutputActions(self)  # Export report…, Export to Excel workbook…, Copy citation
        self.guide_action = self._action(self.tr("Quick guide"), self.show_guide,
                                         (QKeySequence.StandardKey.HelpContents, "F1"),
                                         self.tr("The walkthrough and the shortcuts"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.export_notes_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        self.outputs.install(file_menu, edit, before=self.export_notes_action)
        edit.addSeparator()
        edit.addAction(self.preferences_action)
        go = bar.addMenu(self.tr("&Go"))
        for action in (self.back_action, self.forward_action):
            go.addAction(action)
        go.addSeparator()
        go.addAction(self.timeline_action)
        go.addAction(self.search_action)
        go.addAction(self.annotations_action)
        go.addAction(self.sources_action)
        go.addAction(self.analysis_action)
        self.organisations_menu = go.addMenu(self.tr("Organisations"))
        self._fill_organisations(self.organisations_menu, self.ctx.library.records("organisation"))
        self.sources_menu = go.addMenu(self.tr("Sources"))
        self._sources_reader: LatestCall | None = None
        # A large library has thousands of sources: the menu is filled when it is first opened.
        self.sources_menu.aboutToShow.connect(self._fill_sources)
        # an import or an edit of a title changes the list: it is filled again when next opened
        self.ctx.changed.connect(lambda c: self.sources_menu.clear() if "source" in c.kinds else None)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)
        from ..timeline import saved_views

        self.saved_views = saved_views.install(self, self.ctx, lambda: self.timeline, before=help_menu.menuAction())
        for menu in (file_menu, edit, go, self.organisations_menu, self.sources_menu, help_menu):
            menu.menuAction().setMenuRole(QAction.MenuRole.NoRole)

    def _fill_sources(self) -> None:
        """Read the sources off the GUI thread; the menu says "Loading…" until they come."""
        if self.sources_menu.actions():
            return
        loading = self.sources_menu.addAction(self.tr("Loading…"))
        loading.setEnabled(False)
        loading.setMenuRole(QAction.MenuRole.NoRole)
        if self._sources_reader is None:
            self._sources_reader = LatestCall(self)
            self._sources_reader.finished.connect(self._show_sources)
        library = self.ctx.library
        self._sources_reader.start(lambda: library.records("source"))

    def _show_sources(self, links: list[Link]) -> None:
        self.sources_menu.clear()
        for link in links:
            action = plain_menu_action(self.sources_menu, link.label)
            action.triggered.connect(lambda _c=False, i=link.id: self.go(Target("source", i)))

    def _fill_organisations(self, menu: QMenu, orgs: list[Link]) -> None:
        children: dict[str | None, list[Link]] = {}
        for link in orgs:
            children.setdefault(link.role, []).append(link)  # role is the parent id

        def add(into: QMenu, parent_id: str | None) -> None:
            for link in children.get(parent_id, []):
                if children.get(link.id):
                    sub = plain_submenu(into, link.label)
                    plain_menu_action(sub, link.label).triggered.connect(
                        lambda _c=False, i=link.id: self.go(Target("organisation", i)))
                    sub.addSeparator()
                    add(sub, link.id)
                else:
                    plain_menu_action(into, link.label).triggered.connect(
                        lambda _c=False, i=link.id: self.go(Target("organisation", i)))

        add(menu, None)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Navigation"), self)
        bar.setObjectName("navigationToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.back_action)
        bar.addAction(self.forward_action)
        bar.addSeparator()
        bar.addAction(self.timeline_action)
        bar.addAction(self.annotations_action)
        bar.addAction(self.sources_action)
        bar.addAction(self.analysis_action)
        bar.addSeparator()
        bar.addAction(self.export_action)
        self.addToolBar(bar)
        self.toolbar = bar

    def show_analysis(self) -> None:
        """The analysis page, counting under the timeline's filter as it is now."""
        timeline = self._timeline_page()
        f = timeline.filter() if timeline is not None else EventFilter()
        self.go(Target("analysis", extra=(f,)))

    def focus_search(self) -> None:
        if page_key(self.history.current.kind if self.history.current else "") != "timeline":
            self.go(Target("timeline"))
        self.timeline.focus_search()

    def show_guide(self) -> None:
        from .quick_guide import QuickGuide

        if getattr(self, "guide", None) is None:
            self.guide = QuickGuide(self)
        self.guide.show()
        self.guide.raise_()

    def show_preferences(self) -> None:
        from .preferences import PreferencesDialog

        if getattr(self, "preferences", None) is None:
            self.preferences = PreferencesDialog(self)
        self.preferences.open()

    def about(self) -> None:

        """The About box, once the number of events it states is read (off the GUI thread)."""
        self._about_call.start(self.ctx.library.total)

    def _show_about(self, total: int) -> None:
        from .about import about_text

        _plain_box(self, self.tr("About AzRel Desktop"), about_text(self.ctx.library.path, total),
                   QMessageBox.Icon.Information)

    def restore_backup(self, path: Path | None = None, *, confirm=confirm_restore) -> bool:
        """Restore from `path` (or a chosen file) after the user confirms."""
        path = path or ask_backup_to_restore(self)
        if path is None or not confirm(self, path):
            return False
        self.backups.restore(path)
        return True

    # --- export -----------------------------------------------------------------------------------
    def export_csv(self, path: str | Path | None = None, *, dialog: bool = True,
                   excel: bool = False) -> ExportJob | None:
        """Export the timeline's filter in its sort order; `path` (with `excel` for the
        byte-order mark) skips the file dialog, which offers the formats itself."""
        if path is None:
            choice = self._ask_path(self.tr("Export events"), "azrel-events.csv", EVENT_FORMATS)
            if choice is None:
                return None
            if choice.format is XLSX:  # the same rows, filter and order, as a workbook
                return self.outputs.export_xlsx(choice.path, dialog=dialog)
            path, excel = choice.path, choice.format.excel
        page = self.timeline
        job = ExportJob.events(self.ctx.library, page.filter(), page.sort_key(), path, self, excel=excel,
                               dialog_parent=self if dialog else None)
        return self._run(job)

    def export_annotations(self, path: str | Path | None = None, *, dialog: bool = True,
                           excel: bool = False) -> ExportJob | None:
        if path is None:
            choice = self._ask_path(self.tr("Export annotations"), "azrel-annotations.csv")
            if choice is None:
                return None
            path, excel = choice.path, choice.format.excel
        job = ExportJob.annotations(self.ctx.library, path, self, excel=excel,
                                    dialog_parent=self if dialog else None)
        return self._run(job)

    def _ask_path(self, caption: str, name: str, formats: list[ExportFormat] | None = None) -> ExportChoice | None:
        return ask_export_path(self, caption, name, formats)

    def _run(self, job: ExportJob) -> ExportJob:
        self.last_export = job
        job.finished.connect(self._export_finished)
        self.statusBar().showMessage(self.tr("Exporting to {path}…").format(path=job.path))
        job.start()
        return job

    def _export_finished(self, result: ExportResult) -> None:
        self.statusBar().showMessage(result.message, 15000)
        if result.error:
            self._warn(self, self.tr("Export failed"), self.tr("{message}\n\nThe file {path} was not changed.").format(
                message=result.message, path=result.path))
        elif result.warnings and not result.cancelled:
            self._warn(self, self.tr("Exported, with a warning"),
                       "\n\n".join((f"{result.message}.", *result.warnings)))


    # --- importing sources ---------------------------------------------------------------------
    def import_sources(self, paths=None, *, dialog: bool = True):
        """Import files; the ImportJob, or None. When `paths` is None (File → Import sources…) the
        files are asked for, then the user says what each becomes — a new source or a new
        version of one of theirs (`import_plan`, open until answered) — and the import starts
        when they do (`last_import`)."""
        from ..sources.import_actions import ask_files, run_import
        from ..sources.import_plan import ImportPlanDialog

        if paths is not None:
            return run_import(self.ctx, list(paths), self, show_result=dialog)
        chosen = ask_files(self)
        if not chosen or self.ctx.library.readonly:
            return run_import(self.ctx, chosen, self, show_result=dialog)  # says why not, if read-only
        plan = ImportPlanDialog(self.ctx, chosen, self)
        self.import_plan: ImportPlanDialog | None = plan

        def answered(result: int) -> None:
            self.import_plan = None
            plan.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                run_import(self.ctx, chosen, self, show_result=dialog, versions=plan.versions())

        plan.finished.connect(answered)
        plan.open()  # window-modal, without a nested event loop
        return None

    def _dropped_files(self, event) -> list[str]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, event) -> None:
        if self._dropped_files(event) and not self.ctx.library.readonly:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if self._dropped_files(event) and not self.ctx.library.readonly:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        files = self._dropped_files(event)
        if files and not self.ctx.library.readonly:
            event.acceptProposedAction()
            self.import_sources(files)
        else:
            super().dropEvent(event)

    # --- settings -------------------------------------------------------------------------------
    def _restore_settings(self) -> EventFilter | None:
        s = settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, (QByteArray, bytes)):
            self.restoreGeometry(geometry)
        state = s.value("window/state")
        if isinstance(state, (QByteArray, bytes)):
            self.restoreState(state)
        self._pending_timeline_state = s
        raw = s.value(FILTER_KEY)
        if not raw:
            return None
        try:
            return EventFilter.from_dict(json.loads(str(raw)))
        except (ValueError, TypeError):  # an old or hand-edited value: start unfiltered
            return None

    def save_settings(self) -> None:
        s = settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        timeline = self._timeline_page()
        if timeline is not None:
            timeline.save_state(s)
        self._save_filter(s)

    def _save_filter(self, s: QSettings | None = None) -> None:
        timeline = self._timeline_page()
        if timeline is None:
            return
        s = s or settings()
        s.setValue(FILTER_KEY, json.dumps(timeline.filter().to_dict()))
        s.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        # (the stubs say windowHandle() is never None; Qt's documentation says it may be)
        if handle is not None and handle is not self._watched:  # type: ignore[redundant-expr]
            self._watched = handle
            handle.installEventFilter(self)
        if self._pending_timeline_state is not None and "timeline" in self.pages:
            self._restore_timeline_layout()

    def _restore_timeline_layout(self) -> None:
        # Splitter sizes restored before the window has its real size get rescaled, so wait.
        s, self._pending_timeline_state = self._pending_timeline_state, None
        timeline = self._timeline_page()
        if timeline is not None and s is not None:
            timeline.restore_state(s)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.last_export is not None and self.last_export.running():
            self.last_export.cancel()
        if self.outputs.last_job is not None and self.outputs.last_job.running():
            self.outputs.last_job.cancel()
        if self.last_import is not None and self.last_import.running():
            self.last_import.cancel()  # the source being stored finishes whole; the rest are not started
        self._save_filter_soon.stop()
        self.save_settings()
        self.ctx.finish_writes()  # an undo or note queued behind a running write is kept
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        wait_for_workers()
        super().closeEvent(event)


def _plain_box(parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon) -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
