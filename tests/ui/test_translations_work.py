"""The `work` catalogues (ui/coding, notes, records, sources, analysis) in Azerbaijani and
Russian: every message of the code is in them, finished, with exactly its source's placeholders;
and the windows and dialogs of those folders, built offscreen with a catalogue installed, show
no English text of the interface — labels, buttons, actions, menus, headers, combo items, list
and tree items, placeholders, tooltips, accessible names, window titles.

What comes from the data (titles, quotes, names) is not translated and is not looked at: the
check compares what the widgets show with the English source texts of the catalogue (a text
whose translation is the same in that language, such as "URL", is not a finding).
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)

from azrel_desktop.ui.shell.navigation import Target

UI = Path(__file__).resolve().parents[2] / "azrel_desktop" / "ui"
TS_DIR, QM_DIR = UI / "i18n" / "ts", UI / "i18n" / "qm"
FOLDERS = ("coding", "notes", "records", "sources", "analysis")
LANGUAGES = ("az", "ru")
MINE = tuple(f"azrel_desktop.ui.{folder}." for folder in FOLDERS)
FORMS = {"az": 2, "ru": 3, "en": 2}  # Qt's plural forms of each language
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Qt's own standard buttons ("OK", "Cancel", …) are translated by Qt's catalogues, not these
QT_BUTTONS = {"OK", "&OK", "Cancel", "&Cancel", "Save", "&Save", "Close", "&Close", "Yes", "&Yes"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translations: tuple[str, ...]
    numerus: bool
    finished: bool


def messages(language: str) -> list[Message]:
    root = ET.parse(TS_DIR / f"work_{language}.ts").getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            tr = m.find("translation")
            assert tr is not None
            numerus = m.get("numerus") == "yes"
            texts = tuple(f.text or "" for f in tr.iter("numerusform")) if numerus else (tr.text or "",)
            found.append(Message(name, m.findtext("source") or "", texts, numerus, tr.get("type") is None))
    return found


# --- the catalogues ---------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_has_a_finished_translation_with_the_same_placeholders(language):
    found = messages(language)
    assert len(found) > 400  # the folders' whole interface, not a sample
    problems = []
    for m in found:
        if not m.finished or not all(t.strip() for t in m.translations):
            problems.append(f"unfinished: {m.context}: {m.source!r}")
        if m.numerus and len(m.translations) != FORMS[language]:
            problems.append(f"{len(m.translations)} plural forms: {m.source!r}")
        for t in m.translations:
            if sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(m.source)):
                problems.append(f"placeholders differ: {m.source!r} -> {t!r}")
            if m.numerus and "%n" not in t:
                problems.append(f"no %n: {m.source!r} -> {t!r}")
    assert not problems, "\n".join(problems)


def test_the_english_catalogue_holds_the_plural_forms():
    found = messages("en")
    assert found and all(m.numerus and m.finished and len(m.translations) == 2 for m in found)
    assert all("(s)" not in t for m in found for t in m.translations)


def test_the_catalogues_hold_every_text_of_the_code_and_are_compiled(tmp_path):
    """lupdate over the folders' code finds no text the committed catalogues lack, and each
    compiled .qm is what lrelease makes of its .ts today."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    files = [str(p) for folder in FOLDERS for p in sorted((UI / folder).rglob("*.py"))]
    fresh = tmp_path / "work_ru.ts"
    subprocess.run([str(tool), "-silent", "-locations", "none", "-source-language", "en", "-target-language", "ru",
                    *files, "-ts", str(fresh)], check=True)
    in_code = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot().iter("context")
               for m in c.iter("message")}
    for language in LANGUAGES:
        catalogued = {(m.context, m.source) for m in messages(language)}
        assert in_code - catalogued == set(), f"texts of the code missing from work_{language}.ts"
        assert catalogued - in_code == set(), f"work_{language}.ts holds texts the code no longer has"
        qm = tmp_path / f"work_{language}.qm"
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent",
                        str(TS_DIR / f"work_{language}.ts"), "-qm", str(qm)], check=True)
        assert qm.read_bytes() == (QM_DIR / f"work_{language}.qm").read_bytes(), f"work_{language}.qm is stale"


# --- what the windows show --------------------------------------------------------------------

def english_patterns(language: str) -> list[tuple[re.Pattern, str]]:
    """Each English source text whose translation differs, as a pattern matching it with any
    values put in its placeholders."""
    patterns = []
    for m in messages(language):
        if m.source in m.translations:
            continue
        # a template with few words of its own (".+ of .+") would match the data's English
        # titles; those are checked by their translated words elsewhere on the same widgets
        if PLACEHOLDER.search(m.source) and len(re.findall(r"[A-Za-z]", PLACEHOLDER.sub("", m.source))) < 8:
            continue
        body = re.escape(m.source).replace("%n", r"\d+").replace(r"\(s\)", r"s?")
        body = re.sub(r"\\\{[a-z_]+\\\}", ".+", body)
        patterns.append((re.compile(body, re.DOTALL), m.source))
    return patterns


def model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    # a model of another part of the interface (the timeline's events table on record pages)
    # is that part's catalogue's business, checked by its own tour
    if model is None or (type(model).__module__.startswith("azrel_desktop.")
                         and not type(model).__module__.startswith(MINE)):
        return []
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    rows = min(model.rowCount(), 30)
    for r in range(rows):
        for c in range(model.columnCount()):
            index = model.index(r, c, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def tree_texts(tree: QTreeWidget) -> list[str]:
    header = tree.headerItem()
    texts = [header.text(c) for c in range(tree.columnCount())] if header is not None else []
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item is None:
            continue
        for c in range(tree.columnCount()):
            texts += [item.text(c), item.toolTip(c)]
        stack += [item.child(j) for j in range(item.childCount())]
    return texts


def shown_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text the widget and its children show or say."""
    found: list[tuple[str, str]] = []
    for w in [top, *top.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName()}".strip()
        texts = [w.toolTip(), w.accessibleName(), w.statusTip(), w.whatsThis()]
        if w.isWindow():
            texts.append(w.windowTitle())
        if isinstance(w, QLabel):
            texts.append(w.text())
        if isinstance(w, QAbstractButton):
            box = w.parentWidget()
            standard = isinstance(box, QDialogButtonBox) and box.standardButton(w) != QDialogButtonBox.StandardButton.NoButton
            if not (standard and w.text() in QT_BUTTONS):
                texts.append(w.text())
        if isinstance(w, QLineEdit | QPlainTextEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
            texts += [str(w.itemData(i, Qt.ItemDataRole.ToolTipRole) or "") for i in range(w.count())]
        if isinstance(w, QListWidget):
            texts += [t for i in range(w.count()) if (item := w.item(i)) for t in (item.text(), item.toolTip())]
        elif isinstance(w, QTreeWidget):
            texts += tree_texts(w)
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QComboBox):
            texts += model_texts(w)
        if isinstance(w, QMenu):
            texts += [t for a in w.actions() for t in (a.text(), a.toolTip())]
        for action in w.actions():
            texts += [action.text(), action.statusTip()]
        for attribute in ("empty_text",):  # painted texts kept on the painting widget
            if isinstance(getattr(w, attribute, None), str):
                texts.append(getattr(w, attribute))
        found += [(where, t) for t in texts if t and t.strip()]
    return found


def english_left(top: QWidget, language: str) -> list[str]:
    patterns = english_patterns(language)
    left = []
    for where, text in shown_texts(top):
        for line in {text, *text.split("\n")}:
            hit = next((source for pattern, source in patterns if pattern.fullmatch(line.strip())), None)
            if hit is not None:
                left.append(f"{where}: {line.strip()!r} (source {hit!r})")
    return sorted(set(left))


@pytest.fixture
def translated(qapp, request):
    """Install the `work` catalogue of `request.param`; removed afterwards, so that the other
    tests read English."""
    language = request.param
    translator = QTranslator(qapp)
    assert translator.load(str(QM_DIR / f"work_{language}.qm"))
    qapp.installTranslator(translator)
    yield language
    qapp.removeTranslator(translator)


def settle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.is_loading(), timeout=15_000)


def build_windows(qtbot, ctx, library, tmp_path) -> dict[str, QWidget]:
    """One of each window, page and dialog of the folders, in a state that shows its texts."""
    from azrel_desktop.core.research.date_proposal import propose_dates
    from azrel_desktop.ui.analysis.analysis_page import AnalysisPage
    from azrel_desktop.ui.coding.dialogs import ActorDialog, CiteDialog, EventDialog, MembershipDialog, StepDialog
    from azrel_desktop.ui.notes.annotation_panel import NoteDialog
    from azrel_desktop.ui.notes.annotations_page import AnnotationsPage
    from azrel_desktop.ui.records.actor_pages import CountryPage, PersonPage
    from azrel_desktop.ui.records.agreement_page import AgreementPage
    from azrel_desktop.ui.records.organisation_page import OrganisationPage
    from azrel_desktop.ui.sources.import_job import ImportJob
    from azrel_desktop.ui.sources.import_plan import ImportPlanDialog
    from azrel_desktop.ui.sources.import_result import ImportResultDialog
    from azrel_desktop.ui.sources.metadata_dialog import SourceMetadataDialog
    from azrel_desktop.ui.sources.reliability_editor import ReliabilityDialog
    from azrel_desktop.ui.sources.source_page import SourcePage
    from azrel_desktop.ui.sources.sources_page import SourcesPage

    library.add_annotation("organisation", "org-nato", "A note on NATO", ("nato",))
    built: dict[str, QWidget] = {}

    def keep(name: str, widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        widget.resize(1280, 800)
        built[name] = widget
        return widget

    pages = (("organisation", OrganisationPage, Target("organisation", "org-nato")),
             ("country", CountryPage, Target("country", "AZ")),
             ("person", PersonPage, Target("person", "per-heydar-aliyev")),
             ("agreement", AgreementPage, Target("agreement", "agr-cis-charter")),
             ("source", SourcePage, Target("source", "src-001")),
             ("sources", SourcesPage, Target("sources")),
             ("annotations", AnnotationsPage, Target("annotations")))
    for name, page_class, target in pages:
        page = keep(name, page_class(ctx))
        page.show_target(target)
        settle(qtbot, page)
    source_page = built["source"]
    assert isinstance(source_page, SourcePage) and source_page.record is not None
    passage = source_page.record.passages[0]
    source_page.select_passage(passage.id, flash=False)
    settle(qtbot, source_page)
    source_page.find_bar.show_hits("Azerbaijan", [(0, 3)])
    built["source menu"] = source_page.text_view.build_context_menu()
    built["missing record"] = keep("missing record", OrganisationPage(ctx))
    built["missing record"].show_target(Target("organisation", "org-nowhere"))  # type: ignore[attr-defined]
    settle(qtbot, built["missing record"])

    analysis = keep("analysis", AnalysisPage(ctx))
    analysis.reload()
    qtbot.waitUntil(lambda: bool(analysis.tables) and not analysis.is_loading(), timeout=15_000)

    quote = source_page.record.text[passage.start:passage.end]
    proposals = propose_dates(quote, source_page.record.published)
    keep("event dialog", EventDialog(ctx, quote=quote, proposals=proposals, cites=[object()]))
    keep("step dialog", StepDialog(ctx, quote=quote, proposals=proposals))
    keep("membership dialog", MembershipDialog(ctx, quote=quote, proposals=proposals))
    cite = keep("cite dialog", CiteDialog(ctx, quote=quote))
    qtbot.waitUntil(lambda: not cite.busy(), timeout=15_000)  # type: ignore[attr-defined]
    for kind in ("organisation", "country", "person"):
        keep(f"new {kind}", ActorDialog(ctx, kind, "Typed name"))
    keep("note dialog", NoteDialog(None, QCoreApplication.translate("SourcePage", "Annotate selection"), context=quote))
    metadata = keep("metadata dialog", SourceMetadataDialog(ctx, "src-001"))
    qtbot.waitUntil(lambda: metadata.info is not None, timeout=15_000)  # type: ignore[attr-defined]
    keep("reliability dialog", ReliabilityDialog(library.source("src-001"), [("src-000", "Another source")]))

    text_file = tmp_path / "talks.txt"
    text_file.write_text("Azerbaijan and NATO met in Baku on 4 May 1994.\n", encoding="utf-8")
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{a, title={A book}, year={1999}}\n", encoding="utf-8")
    plan = keep("import plan", ImportPlanDialog(ctx, [text_file, bib]))
    qtbot.waitUntil(lambda: not plan.loading(), timeout=15_000)  # type: ignore[attr-defined]
    report, _changes = library.import_sources([text_file])
    again, _changes = library.import_sources([text_file, tmp_path / "missing.txt"])
    keep("import result", ImportResultDialog(report))
    keep("import result, again", ImportResultDialog(again))
    job = ImportJob(ctx, [text_file], dialog_parent=built["sources"])
    assert job.dialog is not None
    job._on_progress(0, 1, "talks.txt")
    built["import progress"] = job.dialog
    return built


@pytest.mark.parametrize("translated", LANGUAGES, indirect=True)
def test_no_english_text_is_left_in_the_folders_windows(qtbot, ctx, library, tmp_path, translated):
    built = build_windows(qtbot, ctx, library, tmp_path)
    assert len(built) >= 20
    left = {name: english_left(widget, translated) for name, widget in built.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert not left, "\n".join(f"{name}: {text}" for name, texts in left.items() for text in texts)
    # and the check sees the interface: a known label is there in the language installed
    expected = QCoreApplication.translate("SourcePage", "About this source")
    assert expected != "About this source"
    assert any(text == expected for _where, text in shown_texts(built["source"]))
    # the import's summary is counted in the interface's words, not the core's English
    summary = built["import result, again"].summary.text()  # type: ignore[attr-defined]
    assert summary and not re.search(r"imported|failed", summary), summary


def test_the_check_finds_english_when_no_catalogue_is_installed(qtbot, ctx, library, tmp_path):
    """Without the Azerbaijani catalogue the same windows are full of findings: the check is not
    blind."""
    built = build_windows(qtbot, ctx, library, tmp_path)
    found = [text for widget in built.values() for text in english_left(widget, "az")]
    assert len(found) > 100
    assert any("'About this source'" in text for text in found)


@pytest.mark.parametrize("translated", ["ru"], indirect=True)
def test_the_membership_legend_wraps_its_longer_words_instead_of_cutting_them(qtbot, library, translated):
    from PySide6.QtGui import QFontMetrics

    from azrel_desktop.ui.records.membership_strip import MembershipStrip

    strip = MembershipStrip()
    qtbot.addWidget(strip)
    strip.set_memberships(library.organisation("org-nato").memberships)
    heights = {}
    for width in (1400, 700):
        strip.resize(width, strip.sizeHint().height())
        heights[width] = strip.sizeHint().height()
        fm = QFontMetrics(strip.font())
        for (_mark, _colour, text), (x, _row) in zip(strip._legend_entries(), strip._legend_places(width),
                                                     strict=True):
            assert x + fm.horizontalAdvance(text) <= width, f"{text!r} cut at {width} px"
        assert strip.minimumHeight() >= heights[width]
    assert heights[700] > heights[1400]  # the legend took another row, and the strip grew for it
    assert "нет поздних свидетельств" in " ".join(text for _m, _c, text in strip._legend_entries())
