"""Starting the desktop app: `azrel-desktop [--db PATH]` and `python -m azrel_desktop`.

The library is opened in the thread pool (the first run creates, migrates and seeds the
file) with a progress dialog naming each stage. At a start, and whenever the file is being
created, the dialog shows at once (the window's modules are imported on the GUI thread
meanwhile, which would hold back a delayed one); otherwise only when opening takes longer than
half a second.
While it opens (mostly SQLite's integrity check, which leaves Python free), the GUI thread
imports the window's modules; once the window is built, the objects of the start-up are
frozen out of the garbage collector, whose full passes over them would stall the GUI.
A file that cannot be used gets a message box saying why and offering another file or Quit;
the user never sees a traceback.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QEventLoop, QLocale, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from ...core.errors import DamagedDatabaseError, DatabaseError
from ...core.service import Library
from ..common.theme import follow_system_scheme
from ..i18n import QT_TRANSLATE_NOOP
from .arguments import parse_args, tune_interpreter
from .runner import Task, wait_for_workers
from .settings import APPLICATION, ORGANISATION, route_qt_settings

PROGRESS_DELAY_MS = 500
CREATING = QT_TRANSLATE_NOOP("app", "Creating your library (the first start takes a few seconds)…")
ICONS = Path(__file__).resolve().parents[1] / "resources"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
QUIT, CHOOSE, RESTORE = "quit", "choose", "restore"



def _describe_open_error(
path: Path | None) -> Callable[[BaseException], str]:
    def describe(exc: BaseException) -> str:
        if isinstance(exc, DatabaseError):
            return str(exc)
        # OSError and the like: still a sentence, never a traceback
        return QCoreApplication.translate("app", "{path} could not be opened: {error}").format(path=path or Library.default_path(), error=exc)
    return describe


def window_opener(path: Path | None, progress: Callable[[str], None] | None = None) -> Library:
    """The window's open: without the daily backup, which `file_check` makes in the background
    once the whole file is found sound (a copy of a large file would hold back the window)."""
    return Library.open(path, progress=progress, auto_backup=False)


def open_in_background(path: Path | None, *, opener: Callable[..., Library] = window_opener,
                       parent: QWidget | None = None, delay_ms: int = PROGRESS_DELAY_MS,
                       errors: list | None = None,
                       meanwhile: Callable[[], None] | None = None) -> tuple[Library | None, str | None]:
    """Open the library off the GUI thread while the GUI stays responsive.

    Returns (library, None) or (None, message); the exception is appended to `errors` if given.
    A progress dialog shows after `delay_ms`. `meanwhile` runs on the GUI thread once the
    opening has started (start-up uses it to import the window's modules in the meantime).
    """
    task = Task(lambda progress: opener(path, progress=progress.report),
                describe_error=_describe_open_error(path))
    loop = QEventLoop()
    outcome: dict[str, object] = {}
    creating = not (path or Library.default_path()).exists()
    label = (QCoreApplication.translate("app", CREATING) if creating
             else QCoreApplication.translate("app", "Opening the library…"))
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(APPLICATION)
    dialog.setCancelButton(None)  # a migration must not be interrupted halfway
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.reset()  # a new QProgressDialog may show itself; only the timer below shows it
    dialog.hide()
    timer = QTimer(singleShot=True, interval=delay_ms)
    timer.timeout.connect(dialog.show)

    def finish(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    task.signals.progress.connect(lambda values: dialog.setLabelText(values[0]), Qt.ConnectionType.QueuedConnection)
    task.signals.done.connect(lambda lib: finish("library", lib), Qt.ConnectionType.QueuedConnection)
    def failed(message: str, exc: object) -> None:
        if errors is not None:
            errors.append(exc)
        finish("error", message)

    task.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    task.start()
    if creating or meanwhile is not None:
        # A first start creates and seeds the file (seconds), and `meanwhile` keeps the GUI
        # thread busy importing the window for longer than the delay: no timer could show the
        # dialog in time, so it is shown, and painted, now.
        dialog.show()
        for _ in range(3):
            QApplication.processEvents()
    else:
        timer.start()
    if meanwhile is not None:
        meanwhile()
    if not outcome:
        loop.exec()
    timer.stop()
    dialog.hide()
    dialog.deleteLater()
    return outcome.get("library"), outcome.get("error")  # type: ignore[return-value]


def error_dialog(message: str, parent: QWidget | None = None) -> str:
    """Say why the file cannot be used; return CHOOSE (another file) or QUIT."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("app", "{app} cannot open the library").format(app=APPLICATION))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message)
    box.setInformativeText(QCoreApplication.translate("app", "You can choose another library file (or a new file name to start a fresh "
                               "library), or quit. The file was not changed."))
    choose = box.addButton(QCoreApplication.translate("app", "Choose another file…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.exec()
    return CHOOSE if box.clickedButton() is choose else QUIT


def damaged_dialog(error: DamagedDatabaseError, parent: QWidget | None = None) -> str:
    """Offer the newest verified backup of a damaged file; return RESTORE, CHOOSE or QUIT."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("app", "{app}: the library is damaged").format(app=APPLICATION))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    backup_time = QDateTime.fromSecsSinceEpoch(int(error.backup_time.timestamp()))
    when = QLocale().toString(backup_time, QLocale.FormatType.LongFormat)
    box.setInformativeText(QCoreApplication.translate("app", "The damaged file was kept as {name}. Restore the backup from {time}?").format(
        name=error.moved_to.name, time=when))
    restore = box.addButton(QCoreApplication.translate("app", "Restore backup from {time}").format(
        time=QLocale().toString(backup_time, QLocale.FormatType.ShortFormat)), QMessageBox.ButtonRole.AcceptRole)

    choose = box.addButton(QCoreApplication.translate("app", "Choose another file…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("app", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return RESTORE if clicked is restore else CHOOSE if clicked is choose else QUIT


def notice_dialog(message: str, parent: QWidget | None = None) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, APPLICATION, message, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def choose_file(start: Path | None, parent: QWidget | None = None) -> Path | None:
    folder = str(start.parent if start else Library.default_path().parent)
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("app", "Open or create an AzRel library"), folder,
        QCoreApplication.translate("app", "AzRel libraries (*.sqlite3 *.db);;All files (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite)
    return Path(path) if path else None


def open_library(path: Path | None, *, ask: Callable[[str], str] = error_dialog,
                 choose: Callable[[Path | None], Path | None] = choose_file,
                 opener: Callable[..., Library] = window_opener,
                 ask_damaged: Callable[[DamagedDatabaseError], str] = damaged_dialog,
                 meanwhile: Callable[[], None] | None = None) -> Library | None:
    """Open `path`, and on failure explain and let the user restore a backup (for a damaged
    file), pick another file, or quit. `meanwhile` runs (once) while the first attempt opens."""
    while True:
        errors: list = []
        library, error = open_in_background(path, opener=opener, errors=errors, meanwhile=meanwhile)
        meanwhile = None
        if library is not None:
            return library
        damaged = next((e for e in errors if isinstance(e, DamagedDatabaseError)), None)
        answer = ask_damaged(damaged) if damaged else ask(error or QCoreApplication.translate("app", "The library could not be opened."))
        if answer == RESTORE and damaged is not None:
            try:
                Library.restore_file(path or Library.default_path(), damaged.backup)
            except DatabaseError as exc:
                if ask(str(exc)) != CHOOSE:
                    return None
            else:
                continue
        elif answer != CHOOSE:
            return None
        chosen = choose(path)
        if chosen is None:
            return None
        path = chosen


def build_main_window(library: Library, *, restore: bool = True):
    from .main_window import MainWindow

    return MainWindow(library, restore=restore)


def prepare_window() -> None:
    """Import what the first window is made of (while the library opens), then keep the
    imported modules' objects out of the garbage collector's way."""
    from . import main_window  # noqa: F401

    Library.preload()
    settle_heap()


def settle_heap() -> None:
    """Move every object alive now (modules, the window, its first rows) to the collector's
    permanent generation: a full collection no longer walks them, which at start-up took
    30–130 ms each time on the GUI thread. They are freed as usual when their count drops.
    Full collections are rare already (`arguments.tune_interpreter`)."""
    gc.collect(1)  # young garbage first, so it is not frozen
    gc.freeze()


def start_window(path: Path | None, *, restore: bool = True, ask: Callable[[str], str] = error_dialog,
                 opener: Callable[..., Library] = window_opener):
    """Open the library (in the background) and build the first window, not yet shown:
    (library, window), or (None, None) when the user gave up."""
    library = open_library(path, ask=ask, meanwhile=prepare_window, opener=opener)
    if library is None:
        return None, None
    window = build_main_window(library, restore=restore)
    settle_heap()
    return library, window


def app_icon() -> QIcon:
    """The application icon at every size drawn (packaging/make_icons.py makes them), so that
    title bars, task bars and docks each pick a sharp one."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICONS / f"azrel-{size}.png"))
    return icon


# Windows groups task-bar buttons, and picks their icon, by this id; without it a pip-installed
# app is grouped with (and shown as) pythonw.
APP_USER_MODEL_ID = "AzRel.AzRelDesktop"


def set_windows_app_id() -> None:
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)  # type: ignore[attr-defined]


def make_app(qt_args: list[str] | None = None) -> QApplication:
    tune_interpreter()
    set_windows_app_id()
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "azrel-desktop", *(qt_args or [])])
    if not isinstance(app, QApplication):
        raise RuntimeError(f"a {type(app).__name__} without widgets is already running in this process")
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    route_qt_settings()  # Qt's file dialogs keep their state beside ours
    from ..i18n import install as install_language

    install_language(app=app)  # before any window: Preferences' language, or AZREL_LANGUAGE
    app.setApplicationDisplayName(APPLICATION)
    app.setWindowIcon(app_icon())  # Windows showed pythonw's, macOS Python's
    app.setDesktopFileName("azrel-desktop")  # Wayland matches the window to azrel-desktop.desktop
    follow_system_scheme(app)  # light or dark as the system is, text at AA contrast in both
    return app


def main(argv: list[str] | None = None, *, exec_app: bool = True,
         ask: Callable[[str], str] = error_dialog,
         tell: Callable[[str], None] = notice_dialog) -> int:
    args, qt_args = parse_args(sys.argv[1:] if argv is None else list(argv))
    app = make_app(qt_args)
    library, window = start_window(args.db, ask=ask)
    if library is None:
        return 1
    while True:
        window.show()
        if library.notice and not library.readonly:  # read-only has its own banner
            tell(library.notice)
        if not exec_app:  # tests: the window is built and shown; close it again
            window.close()
            wait_for_workers()
            library.close()
            return 0
        check = start_whole_file_check(library, window)
        code = app.exec()
        check.stop()
        wait_for_workers()
        library.close()
        if not check.recover_asked:
            return code
        # Opened again with the whole file checked first: the damaged file is moved aside and
        # a backup offered (`damaged_dialog`), or the user's records salvaged.
        library, window = start_window(library.path, ask=ask, opener=whole_check_opener)
        if library is None:
            return 1


def whole_check_opener(path: Path | None, progress: Callable[[str], None] | None = None) -> Library:
    return Library.open(path, progress=progress, whole_check=True, auto_backup=False)


def start_whole_file_check(library: Library, window: QWidget, *, delay_ms: int | None = None):
    """Check every page of the file in the background once the window shows (see
    `file_check`); on damage the user may have the window closed and the file recovered."""
    from .file_check import START_AFTER_MS, WholeFileCheck, damage_found_dialog

    check = WholeFileCheck(library, ask=lambda problem: damage_found_dialog(problem, window),
                           recover=lambda: QApplication.exit(0), parent=window)
    check.start(START_AFTER_MS if delay_ms is None else delay_ms)
    return check
