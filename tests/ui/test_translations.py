"""The interface in Azerbaijani and Russian (issue 15, item 14).

The catalogues: every message translated in both languages, each translation keeping exactly
its source's placeholders, the committed .qm files compiled from the committed .ts files, and
the .ts files current with the code (lupdate finds nothing new and nothing gone).

The language: chosen by AZREL_LANGUAGE, else Preferences, else the system; Preferences stores
the choice and says it takes effect after a restart.

No visible text left untranslated: the real main window is built in each language and toured
(every page, the menus and toolbar, the dialogs of the Preferences, reports, saved views,
notes and records, a context menu, a filter notice); every visible text (window titles,
labels, buttons, actions with their tooltips and status tips, menus, table headers and cells,
placeholders, combo items, tab titles, group box titles) must be made of the catalogue's
translations, the library's own data (titles, quotes, names: the corpus is never translated)
and a short list of language-neutral words. An English interface text left as it is fails.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QObject, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from azrel_desktop.core.query.filters import EventFilter
from azrel_desktop.ui import i18n
from azrel_desktop.ui.i18n import build
from azrel_desktop.ui.shell.navigation import Target

LANGUAGES = ("az", "ru")
# Folders whose texts the `work` catalogue translates, made on a branch of its own: until it is
# merged their untranslated texts are listed (printed), not failed. EMPTY THIS when merging it.
AWAITING_WORK_CATALOGUE: tuple[str, ...] = ()
# Words that are the same in every language of the interface (names, formats, keys).
NEUTRAL_WORDS = frozenset(["English", "Azərbaycanca", "Русский", "AzRel", "Desktop", "NATO", "EDTF", "CSV", "UTF", "PDF", "HTML", "Excel", "LibreOffice", "Word", "Markdown", "APA", "Chicago", "Harvard", "Cite", "Them", "Right", "OK", "Ctrl", "Shift", "Alt", "Admiralty", "SHA", "xlsx", "sqlite", "db", "docx", "md", "pdf", "html", "htm", "csv", "spring"])
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


# --- the catalogues ----------------------------------------------------------------------------

@dataclass
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: list[str] = field(default_factory=list)
    finished: bool = True


def messages(ts: Path) -> list[Message]:
    found = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            numerus = m.get("numerus") == "yes"
            texts = [f.text or "" for f in tr.iter("numerusform")] if numerus else [tr.text or ""]
            found.append(Message(name, m.findtext("source") or "", m.findtext("comment") or "", numerus, texts,
                                 tr.get("type") not in ("unfinished", "vanished", "obsolete")))
    return found


def catalogues(language: str) -> list[Path]:
    return sorted(i18n.TS_DIR.glob(f"*_{language}.ts"))


def test_the_main_catalogue_exists_in_every_language():
    for language in i18n.CATALOGUE_LANGUAGES:
        assert (i18n.TS_DIR / f"main_{language}.ts").is_file()
        assert (i18n.QM_DIR / f"main_{language}.qm").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    for ts in catalogues(language):
        untranslated = [(m.context, m.source) for m in messages(ts)
                        if not m.finished or not all(t.strip() for t in m.translations)]
        assert untranslated == [], f"{ts.name}: untranslated {untranslated}"


@pytest.mark.parametrize("language", i18n.CATALOGUE_LANGUAGES)
def test_every_translation_keeps_its_sources_placeholders(language):
    wrong = []
    for ts in catalogues(language):
        for m in messages(ts):
            wanted = sorted(PLACEHOLDER.findall(m.source))
            for text in m.translations:
                if sorted(PLACEHOLDER.findall(text)) != wanted or ("%n" in m.source) != ("%n" in text):
                    wrong.append((m.context, m.source, text))
    assert wrong == []


def test_a_translation_that_drops_a_placeholder_is_caught(tmp_path):
    """The check above can fail: a catalogue whose translation lost `{path}`."""
    ts = tmp_path / "main_ru.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ru">'
                  "<context><name>X</name><message><source>Writing {path}…</source>"
                  "<translation>Запись…</translation></message></context></TS>", encoding="utf-8")
    (m,) = messages(ts)
    assert sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(m.translations[0]))


def _translator(path: Path) -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(path)), path
    return translator


@pytest.mark.parametrize("language", i18n.CATALOGUE_LANGUAGES)
def test_the_committed_qm_files_are_compiled_from_the_committed_ts_files(qapp, tmp_path, language):
    for ts in catalogues(language):
        fresh = _translator(build.release(ts, tmp_path))
        committed = _translator(i18n.QM_DIR / (ts.stem + ".qm"))
        for m in messages(ts):
            for n in ((1, 2, 5, 21) if m.numerus else (-1,)):
                assert committed.translate(m.context, m.source, m.comment or None, n) == \
                    fresh.translate(m.context, m.source, m.comment or None, n), (ts.name, m.source, n)


@pytest.mark.parametrize("area", sorted({p.stem.split("_")[0] for p in i18n.TS_DIR.glob("*.ts")}))
def test_the_catalogues_are_current_with_the_code(tmp_path, area):
    """lupdate over the area's folders finds no text the committed catalogue lacks, and none it
    has that the code no longer says: run `python -m azrel_desktop.ui.i18n.build` after changing
    a text."""
    for language in i18n.CATALOGUE_LANGUAGES:
        committed = i18n.TS_DIR / f"{area}_{language}.ts"
        shutil.copy(committed, tmp_path / committed.name)
        updated = build.update(area, language, ts_dir=tmp_path)
        keys = lambda ts: sorted((m.context, m.source, m.comment, m.numerus) for m in messages(ts))  # noqa: E731
        assert keys(updated) == keys(committed), f"{committed.name} is not current: run the build"


# --- choosing the language -----------------------------------------------------------------------

def test_the_environment_wins_then_preferences_then_the_system():
    assert i18n.resolve("ru", env="az", locale_name="en_GB") == "az"
    assert i18n.resolve("ru", env=None, locale_name="az_AZ") == "ru"
    assert i18n.resolve("en", env="", locale_name="ru_RU") == "en"
    assert i18n.resolve("system", env=None, locale_name="az_Latn_AZ") == "az"
    assert i18n.resolve("system", env=None, locale_name="ru_RU") == "ru"
    assert i18n.resolve(None, env=None, locale_name="de_DE") == "en"
    assert i18n.resolve("system", env="klingon", locale_name="ru_UA") == "ru"


def test_preferences_stores_the_language_and_says_it_shows_after_a_restart(qtbot, monkeypatch):
    from azrel_desktop.ui.shell.preferences import PreferencesDialog

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    names = [dialog.language.itemText(i) for i in range(dialog.language.count())]
    assert names == ["System default", "English", "Azərbaycanca", "Русский"]
    assert dialog.choice() == i18n.SYSTEM and dialog.restart_note.isVisible()
    assert "restart" in dialog.restart_note.text()
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert i18n.stored_choice() == "ru" and i18n.chosen_language() == "ru"
    monkeypatch.setenv(i18n.ENV, "az")
    assert i18n.chosen_language() == "az"  # the environment wins (tests, screenshots)
    again = PreferencesDialog()
    qtbot.addWidget(again)
    assert again.choice() == "ru"  # the stored choice is shown, not the environment's


def test_the_preferences_action_is_in_the_edit_menu(qtbot, library):
    from azrel_desktop.ui.shell.main_window import MainWindow

    window = MainWindow(library, restore=False)
    qtbot.addWidget(window)
    edit = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Edit")
    assert window.preferences_action in edit.actions()
    assert window.preferences_action.menuRole() == QAction.MenuRole.PreferencesRole
    window.preferences_action.trigger()
    qtbot.waitUntil(lambda: window.preferences.isVisible())
    window.preferences.reject()


@pytest.fixture
def interface(qapp):
    """Install a language for one test; English again afterwards."""
    def install(language: str) -> str:
        return i18n.install(language)

    yield install
    i18n.install("en")


def test_make_app_installs_the_language_of_azrel_language(interface, monkeypatch):
    from PySide6.QtCore import QCoreApplication

    from azrel_desktop.ui.shell.app import make_app

    monkeypatch.setenv(i18n.ENV, "az")
    make_app()
    assert i18n.installed_language() == "az"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fayl"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "İmtina"  # Qt has no Azerbaijani
    monkeypatch.setenv(i18n.ENV, "ru")
    interface("ru")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Файл"
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"  # Qt's own Russian


def test_english_has_its_plural_forms(interface):
    from azrel_desktop.ui.timeline.timeline_model import _Plural

    interface("en")
    assert (_Plural().notes(1), _Plural().notes(3)) == ("1 note", "3 notes")
    interface("ru")
    assert [_Plural().notes(n) for n in (1, 3, 5, 21)] == ["1 заметка", "3 заметки", "5 заметок", "21 заметка"]


def test_dates_and_numbers_follow_the_interface_language(interface):
    from azrel_desktop.ui.common.core_labels import date_label, number

    assert date_label("1994-05-04") == "4 May 1994" and date_label("1998-21") == "spring 1998"
    interface("ru")
    assert date_label("1994-05-04") == "4 мая 1994" and date_label("1997-05") == "май 1997"
    assert date_label("1998-21") == "весна 1998" and date_label("1997~") == "около 1997"
    assert number(12345).replace("\N{NO-BREAK SPACE}", " ") == "12 345"
    interface("az")
    assert date_label("1994-05-04") == "4 may 1994" and date_label("/1999") == "1999 qədər"
    assert (date_label("19XX"), date_label("20XX")) == ("XX əsr", "XXI əsr")  # Roman: no suffix to agree
    interface("ru")
    assert (date_label("18XX"), date_label("20XX")) == ("XIX век", "XXI век")


def test_english_dates_read_as_the_core_writes_them(interface):
    """The interface's dates in English are the core's (CLI, exports) word for word."""
    from azrel_desktop.core.corpus.dates import describe
    from azrel_desktop.ui.common.core_labels import date_label

    interface("en")
    for value in ("1994-05-04", "1997-05", "1998-21", "1997~", "1997?", "199X", "19XX", "20XX", "/1999",
                  "1999/", "1997-05/1997-07", "1997-05-04~", "2001-11-19%", "1990-02/1991"):
        assert date_label(value) == describe(value), value


def test_the_quick_guide_is_translated():
    from azrel_desktop.ui.shell.quick_guide import guide_text

    english = guide_text("en")
    for language, letters in (("az", "əğış"), ("ru", "абвгд")):
        text = guide_text(language)
        assert text != english and any(c in text for c in letters)
        assert text.count("Ctrl+") == english.count("Ctrl+")  # every shortcut kept


def _citing_links(library):
    """Every record a passage of the corpus is cited for, as the source pages list them."""
    for source in library.records("source"):
        for p in library.source(source.id).passages:
            yield from p.supports
            yield from p.contradicts


def test_the_records_a_passage_is_cited_for_are_worded_in_the_interface_language(library, interface):
    """The core composes these labels in English ("Azerbaijan — member of NACC"); the
    interface words them again from their parts: in English exactly as the core did."""
    from azrel_desktop.ui.common.core_labels import citing_label

    links = list(_citing_links(library))
    kinds = {(link.kind, link.role) for link in links}
    assert {("organisation", "membership"), ("agreement", None), ("event", None)} <= kinds
    interface("en")
    assert [citing_label(link) for link in links] == [link.label for link in links]
    nacc = next(link for link in links if link.label == "Azerbaijan — member of NACC")
    pfp = next(link for link in links if link.label.endswith("— signed 1994-05-04"))
    interface("ru")
    assert citing_label(nacc) == "Azerbaijan — NACC: член"
    assert citing_label(pfp) == f"{pfp.name} — подписано: 1994-05-04"
    interface("az")
    assert citing_label(nacc) == "Azerbaijan — NACC: üzv"


def test_what_a_source_is_cited_for_is_counted_in_the_interface_language(library, interface):
    from azrel_desktop.core.query.records import Link
    from azrel_desktop.ui.common.core_labels import cited_counts

    nato = next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))
    sources = library.organisation(nato).sources
    assert sources and all(link.counts for link in sources)
    interface("en")
    assert [cited_counts(link) for link in sources] == [link.role for link in sources]  # as the core says
    said = Link("source", "s", "A source", "32 events, 1 description, 1 founding date, 9 statuses",
                counts=(("event", 32), ("description", 1), ("founding date", 1), ("status", 9)))
    interface("ru")
    assert cited_counts(said) == "32 события, 1 описание, 1 дата основания, 9 статусов"
    assert cited_counts(Link("source", "s", "A source", "5 events", counts=(("event", 5),))) == "5 событий"
    assert all("event" not in cited_counts(link) for link in sources)
    odd = Link("source", "s", "A source", "2 maps", counts=(("map", 2),))
    assert cited_counts(odd) == "2 maps"  # a kind it does not know: the core's words


def test_a_membership_bound_is_a_date_in_the_interface_language(interface):
    from azrel_desktop.ui.coding.vocabulary import interval_bound

    interface("ru")
    assert interval_bound("19 November 2001", end=True, edtf="2001-11-19") == "19 ноября 2001"
    assert interval_bound("open", end=True) == "без окончания"
    interface("en")
    assert interval_bound("September 1999", end=False, edtf="1999-09") == "September 1999"


# --- no visible text left untranslated ----------------------------------------------------------

def _plain(text: str) -> str:
    """A text as the user reads it: no mnemonic marks, no tooltip markup."""
    if text.startswith("<"):
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def _folder(obj: QObject | None) -> str:
    """Which folder of ui/ shows `obj`: the nearest owner made by a module of ui/ (the shared
    widgets of ui/common belong to whichever page holds them)."""
    while obj is not None:
        module = type(obj).__module__
        if module.startswith("azrel_desktop.ui.") and not module.startswith("azrel_desktop.ui.common"):
            return module.split(".")[2]
        obj = obj.parent()
    return "shell"


@dataclass(frozen=True)
class Seen:
    text: str
    where: str
    folder: str


def _columns(model, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model, whose columnCount is private in PySide
        return 1


def _item_texts(view: QAbstractItemView):
    model = view.model()
    if model is None:
        return
    for column in range(_columns(model, QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield model.headerData(column, Qt.Orientation.Horizontal, role)

    def walk(parent, depth):
        for row in range(min(model.rowCount(parent), 40)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    yield model.data(index, role)
            if depth < 2:
                yield from walk(model.index(row, 0, parent), depth + 1)

    yield from walk(QModelIndex(), 0)


def collect(tops: list[QWidget], into: set[Seen]) -> None:
    """Every text a user can see in these windows and their menus."""
    def add(text, where: str, owner: QObject) -> None:
        if isinstance(text, str):
            text = _plain(text)
            if text:
                into.add(Seen(text, where, _folder(owner)))

    for top in tops:
        widgets = [top, *top.findChildren(QWidget)]
        for w in widgets:
            if isinstance(w, QMenu):
                add(w.title(), "menu", w)
                for action in w.actions():
                    if not action.isSeparator():
                        add(action.text(), "menu item", action)
                        add(action.statusTip(), "status tip", action)
                continue
            if not w.isVisible():
                continue
            if w.isWindow():  # the main window's title is its page's
                page = w.current_page() if hasattr(w, "current_page") else None
                add(w.windowTitle(), "window title", page if page is not None else w)
            add(w.toolTip(), "tooltip", w)
            add(w.statusTip(), "status tip", w)
            if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.RichText:
                add(w.text(), "label", w)
            elif isinstance(w, QAbstractButton):
                add(w.text(), "button", w)
            elif isinstance(w, QLineEdit):
                add(w.placeholderText(), "placeholder", w)
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    add(w.itemText(i), "combo item", w)
            elif isinstance(w, QGroupBox):
                add(w.title(), "group box", w)
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    add(w.tabText(i), "tab", w)
                    add(w.tabToolTip(i), "tab tooltip", w)
            elif isinstance(w, QAbstractItemView):
                for text in _item_texts(w):
                    add(text, "table", w)
        for action in top.findChildren(QAction):
            if not action.isSeparator():
                add(action.text(), "action", action)
                add(action.toolTip(), "action tooltip", action)
                add(action.statusTip(), "status tip", action)


def library_data(library) -> set[str]:
    """Every text the library holds (the corpus and the user's records), except the columns
    of the core's vocabulary, which the interface translates."""
    vocabulary = {("events", "kind"), ("agreements", "kind"), ("agreement_steps", "step"),
                  ("memberships", "status"), ("passages", "kind")}
    found: set[str] = set()
    conn = sqlite3.connect(f"file:{library.path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if table.startswith("sqlite_") or "fts" in table or table in ("alembic_version", "app_meta"):
                continue
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                if (table, column) in vocabulary or column in ("stance", "evidence", "precision", "id"):
                    continue
                for (value,) in conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}" '
                                             f'WHERE typeof("{column}") = \'text\''):
                    found.add(value.strip())
                    if value[:1] in "[{":  # a list kept as JSON (a person's other names)
                        try:
                            parsed = json.loads(value)
                        except ValueError:
                            continue
                        items = parsed.values() if isinstance(parsed, dict) else parsed
                        found.update(str(v).strip() for v in items if isinstance(v, str))
    finally:
        conn.close()
    return {v for v in found if v}


class Checker:
    """Says what is left of a text once the translations, the data and the neutral words are
    taken out of it: a text fully in the interface's language leaves nothing. Pieces are taken
    out as whole words, without regard to case (a grade starts a sentence capitalised), and a
    text elided with "…" may end inside a piece of data."""

    def __init__(self, language: str, data: set[str]):
        self.english: set[str] = set()
        fragments: set[str] = set()
        for ts in catalogues(language):
            for m in messages(ts):
                for text in m.translations:
                    if text != m.source:
                        self.english.add(_plain(m.source))
                    for piece in re.split(r"\{[a-z_]+\}|%L?n|\n", _bare(_plain(text))):
                        if len(piece.strip()) >= 2:
                            fragments.add(piece.strip())
        self.data = data
        self.data_bare = {_bare(d) for d in data}
        self.fragments = _pieces(fragments)
        self.data_pieces = _pieces({_bare(d) for d in data
                                    if len(d) < 5000 and (len(d) >= 4 or (len(d) >= 2 and not d.islower()))})
        locale = QLocale({"az": "az_Latn_AZ", "ru": "ru_RU"}[language])
        months = {f(m, fmt) for m in range(1, 13) for f in (locale.monthName, locale.standaloneMonthName)
                  for fmt in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)}
        self.neutral = {w.casefold() for w in NEUTRAL_WORDS} | {
            w.casefold() for m in months for w in re.findall(r"[^\W\d_]+", m)}

    def _elided_data(self, text: str) -> bool:
        head = _bare(text).strip()
        return len(head) >= 30 and any(d.startswith(head) for d in self.data_bare)

    def left_over(self, text: str) -> str:
        if text in self.data or self._elided_data(text):
            return ""
        bare = _PATH.sub(" ", _bare(self._without_elided_quotes(text)))
        # Every place a piece starts is tried (a lookahead finds overlapping pieces), so a piece
        # that ends inside another ("Organisations:" of a label, ": type to find" of a
        # placeholder) does not hide it; what no piece covers is left over.
        covered = bytearray(len(bare))
        for pattern in (self.fragments, self.data_pieces):
            for match in pattern.finditer(bare):
                covered[match.start():match.start() + len(match.group(1))] = b"\1" * len(match.group(1))
        residue = "".join(" " if c else ch for ch, c in zip(bare, covered, strict=True))
        words = [w for w in re.findall(r"[^\W\d_]{2,}", residue) if w.casefold() not in self.neutral]
        return " ".join(words)

    def _without_elided_quotes(self, text: str) -> str:
        """The text less the quotes of the library cut short with "…" (a passage in a cell or a
        tooltip): each must be the beginning of a text the library holds, at least 20 letters
        long, so an English sentence of the interface is never taken for one."""
        def cut(match: re.Match) -> str:
            head = match.group(1).strip()
            return " " if len(head) >= 20 and any(d.startswith(head) for d in self.data) else match.group(0)

        return _ELIDED_QUOTE.sub(cut, text)

    def problems(self, seen: set[Seen]) -> list[str]:
        found = []
        for s in sorted(seen, key=lambda s: (s.folder, s.where, s.text)):
            left = self.left_over(s.text)
            if left:
                kind = "English left as is" if s.text in self.english else "untranslated"
                found.append(f"[{s.folder}] {s.where}: {s.text!r} ({kind}: {left})")
        return found


_ELIDED_QUOTE = re.compile(r"“([^“”\n]+?)…”")  # a quote of the library shown cut short
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\]+){2,}")  # a file's path, which is the user's


def _bare(text: str) -> str:
    """Without the ellipsis of a command that opens a dialog (an action's tooltip drops it)."""
    return text.replace("…", " ").replace("...", " ")


def _pieces(texts: set[str]) -> re.Pattern:
    """One pattern matching any of `texts` as whole words, the longest first."""
    def whole(t: str) -> str:  # a boundary where the piece begins or ends with a letter or digit
        return ((r"(?<!\w)" if re.match(r"\w", t) else "") + re.escape(t)
                + (r"(?!\w)" if re.search(r"\w$", t) else ""))

    ordered = sorted((t for t in texts if t.strip()), key=len, reverse=True)
    return re.compile("(?=(" + ("|".join(whole(t) for t in ordered) or "(?!)") + "))", re.IGNORECASE)


def settled(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.current_page().is_loading(), timeout=15_000)


def tour(qtbot, library, window) -> set[Seen]:
    """The app as a user goes through it, collecting what is shown at each step."""
    from azrel_desktop.ui.coding.dialogs import EventDialog
    from azrel_desktop.ui.common.context_menus import build_menu, event_subject
    from azrel_desktop.ui.notes.annotation_panel import NoteDialog
    from azrel_desktop.ui.shell.output_actions import ReportDialog
    from azrel_desktop.ui.shell.preferences import PreferencesDialog
    from azrel_desktop.ui.timeline.saved_views import SavedViewsDialog

    seen: set[Seen] = set()

    def look(*extra: QWidget) -> None:
        collect([window, *extra], seen)
        message = window.statusBar().currentMessage()
        if message:
            seen.add(Seen(_plain(message), "status bar", "shell"))

    nato = next(link.id for link in library.records("organisation") if link.label.endswith("(NATO)"))
    f = EventFilter(organisations=(nato,), date_from="1997", date_to="1999")
    rows = library.rows(f, limit=50)
    chosen = next(r for r in rows if r.source_count)
    window.timeline.set_filter(f)
    settled(qtbot, window)
    window.timeline.select_event(chosen.id)
    settled(qtbot, window)
    look()
    disputed = library.rows(EventFilter(disputed=True), limit=1)
    if disputed:
        window.timeline.set_filter(EventFilter(disputed=True))
        settled(qtbot, window)
        window.timeline.select_event(disputed[0].id)
        settled(qtbot, window)
        look()
    panel = window.timeline.panel
    panel.dates.date_from.setText("sometime")  # an invalid date: said inline and as a chip
    panel.dates.date_from.editingFinished.emit()
    settled(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.timeline.chips.notices))
    look()
    menu = build_menu(window.ctx, event_subject(chosen), window)
    look(menu)
    window.timeline.chart.set_mode("country")
    settled(qtbot, window)
    look()

    window.go(Target("organisation", nato))
    settled(qtbot, window)
    look()
    for kind in ("agreement", "country", "person", "source"):
        window.go(Target(kind, library.records(kind)[0].id))
        settled(qtbot, window)
        look()
    for kind in ("annotations", "sources"):
        window.go(Target(kind))
        settled(qtbot, window)
        look()
    window.show_analysis()
    settled(qtbot, window)
    look()

    window.sources_menu.aboutToShow.emit()
    qtbot.waitUntil(lambda: len(window.sources_menu.actions()) > 1)
    with qtbot.waitSignal(window.saved_views.listed, timeout=10_000):
        window.saved_views.menu.aboutToShow.emit()
    look()
    dialogs = [PreferencesDialog(window), ReportDialog(window), SavedViewsDialog(window.saved_views, window),
               NoteDialog(window, QCoreApplication.translate("context_menus", "Add note"), context="…"), EventDialog(window.ctx, quote="…", parent=window)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        collect([dialog], seen)
        dialog.reject()
    window.show_guide()
    collect([window.guide], seen)
    window.guide.reject()
    from azrel_desktop.ui.shell.about import about_text

    for line in about_text(library.path, library.total()).splitlines()[:6]:
        if line.strip():
            seen.add(Seen(line.strip(), "about box", "shell"))
    return seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_visible_text_is_left_untranslated(qtbot, library, interface, language, capsys):
    from azrel_desktop.ui.shell.main_window import MainWindow

    interface(language)
    window = MainWindow(library, restore=False, warn=lambda *_a: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settled(qtbot, window)
    seen = tour(qtbot, library, window)
    assert len(seen) > 300  # the tour saw the app, not an empty window

    typed = {"sometime"}  # what the tour typed is the user's, like the data
    problems = Checker(language, library_data(library) | typed).problems(seen)
    awaited = [p for p in problems if p.split("]")[0][1:] in AWAITING_WORK_CATALOGUE]
    failing = [p for p in problems if p not in awaited]
    if awaited:
        with capsys.disabled():
            print(f"\n{len(awaited)} texts of {', '.join(AWAITING_WORK_CATALOGUE)} await the work catalogue "
                  f"({language}); for example:\n  " + "\n  ".join(awaited[:10]))
    assert failing == [], f"{len(failing)} texts not in {language}:\n" + "\n".join(failing)


def test_the_check_fails_on_english_left_as_is(library):
    """The check above can fail: an English interface text, or one mixed into a translated
    sentence, is caught; data and translations are not."""
    checker = Checker("ru", library_data(library))
    title = next(iter(d for d in checker.data if len(d) > 20))
    assert checker.left_over("Export to CSV…") == "Export to"
    assert checker.left_over(f"Открыть страницу: {title}") == ""
    assert checker.left_over(f"Open the page of {title}") == "Open the page of"
    assert checker.left_over("Экспорт в CSV…") == ""
    assert checker.left_over("12 345") == ""
    quote = next(d for d in checker.data if len(d) > 60 and d[:1].isalpha() and "\n" not in d)
    assert checker.left_over(f"подтверждает: “{quote[:40]}…”") == ""  # a quote cut short is data
    assert checker.left_over("“Open the page of the source at the passage…”") != ""  # English is not
    seen = {Seen("Export to CSV…", "action", "shell"), Seen("Экспорт в CSV…", "action", "shell")}
    assert checker.problems(seen) == ["[shell] action: 'Export to CSV…' (English left as is: Export to)"]
