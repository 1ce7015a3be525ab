"""The source page: a source's metadata, its full text verbatim with every passage highlighted
by what it supports, the list of passages with the records citing each, find in text, the
user's own annotated selections, and the notes on the source and on each passage.

Everything shown from the source is plain text: the body goes into a read-only
QPlainTextEdit, metadata into PlainLabels, and the URL is shown, never opened.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.corpus.evidence import LOW_RELIABILITY
from ...core.query.records import Link, NotFound, SourcePassage
from ...core.query.records import SourcePage as SourceRecord
from ...core.research.annotations import AnnotationView
from ...core.research.quotes import as_prose
from ...core.sources.catalogue import SourceInfo
from ..coding.flows import CodingFlows
from ..coding.vocabulary import QT_TRANSLATE_NOOP, reliability_label
from ..coding.vocabulary import stance as stance_words
from ..common import palette as pal
from ..common.colours import colour_item, is_dark, show_as_alert, show_as_warning_banner
from ..common.context_menus import Subject, fill_menu, menu_text
from ..common.core_labels import citing_label, date_label
from ..common.widgets import PlainLabel, plain_tooltip
from ..notes import undo
from ..notes.annotation_panel import AnnotationPanel, NoteDialog
from ..records.links import add_row, heading_label, target_for
from ..shell.context import AppContext
from ..shell.loading import Loader
from ..shell.navigation import Target
from ..shell.runner import LatestCall
from .reliability_editor import edit_reliability
from .source_text import HIGHLIGHT_CLASSES, SourceTextView, Span

# The legend's words for what is drawn (ui/common/palette's KIND_LABELS, marked for lupdate);
# translated when shown, an entry not listed here shown as the palette names it.
LEGEND_WORDS = {
    "event": QT_TRANSLATE_NOOP("Legend", "event"),
    "agreement": QT_TRANSLATE_NOOP("Legend", "agreement step"),
    "membership": QT_TRANSLATE_NOOP("Legend", "membership / status"),
    "organisation": QT_TRANSLATE_NOOP("Legend", "organisation fact"),
    "dispute": QT_TRANSLATE_NOOP("Legend", "contradicts a record"),
    "user": QT_TRANSLATE_NOOP("Legend", "your annotated selection"),
    "boilerplate": QT_TRANSLATE_NOOP("Legend", "not part of the article"),
}


def legend_word(cls: str) -> str:
    english = HIGHLIGHT_CLASSES.get(cls, cls)
    return QCoreApplication.translate("Legend", LEGEND_WORDS[cls]) if LEGEND_WORDS.get(cls) == english else english


PASSAGE_ROLE = Qt.ItemDataRole.UserRole
LINK_ROLE = Qt.ItemDataRole.UserRole + 1


def swatch(kinds: str | tuple[str, ...], size: int = 12, dark: bool = False) -> QIcon:
    """A small square as the text shows the kind(s): the fill (a stripe each), the boilerplate's
    grey, and the margin bar's colour along its left edge."""
    kinds = (kinds,) if isinstance(kinds, str) else kinds
    pixmap = QPixmap(size, size)
    fills = [pal.KIND_FILLS[k] for k in kinds if k in pal.KIND_FILLS]
    if not fills:
        pixmap.fill(QColor(pal.pick(pal.BOILERPLATE_TEXT, dark)))
        return QIcon(pixmap)
    pixmap.fill(QColor(fills[0]))
    painter = QPainter(pixmap)
    width = max(1, size // len(fills))
    for i, fill in enumerate(fills):
        painter.fillRect(i * width, 0, width if i < len(fills) - 1 else size - i * width, size, QColor(fill))
    marks = [pal.kind_mark(k, dark) for k in kinds if k in pal.KIND_MARKS]
    if marks:
        painter.fillRect(0, 0, 3, size, QColor(marks[0]))
    painter.end()
    return QIcon(pixmap)


def _date(value: str | None) -> str:
    if not value:
        return QCoreApplication.translate("SourcePage", "not stated")
    shown = date_label(value)
    return f"{shown}  ({value})" if shown != value else value


class _Plurals(QObject):
    """Plural texts said outside a QObject: lupdate reads the plural form (%n) of `tr` calls only."""

    def pages(self, n: int) -> str:
        return self.tr("%n page(s)", "", n)


def _file_line(info: SourceInfo) -> str:
    """Where an imported source came from: file, how it was read, when (the corpus: 'shipped')."""
    if info.is_seed:
        return QCoreApplication.translate("SourcePage", "the shipped corpus")
    if not info.file_name:
        return QCoreApplication.translate("SourcePage", "a bibliographic record (no file)")
    bits = [info.file_name]
    if info.page_starts:
        bits.append(_Plurals().pages(len(info.page_starts)))
    if info.encoding:
        bits.append(QCoreApplication.translate("SourcePage", "read as {encoding}").format(encoding=info.encoding))
    if info.file_size is not None:
        bits.append(QCoreApplication.translate("SourcePage", "{size} bytes").format(size=f"{info.file_size:,}"))
    if info.imported_at is not None:
        bits.append(QCoreApplication.translate("SourcePage", "imported {time} UTC").format(time=f"{info.imported_at:%Y-%m-%d %H:%M}"))
    if info.versions:
        bits.append(QCoreApplication.translate("SourcePage", "version {number}").format(number=info.versions + 1))
    return " · ".join(bits)


def passage_summary(p: SourcePassage) -> str:
    lines = [f"{p.label}: " if p.label else ""]
    quote = as_prose(p.quote)
    lines[0] += f"“{quote[:160]}{'…' if len(quote) > 160 else ''}”"
    lines += [f"{stance_words('supports')}: {citing_label(link)}" for link in p.supports]
    lines += [f"{stance_words('contradicts')}: {citing_label(link)}" for link in p.contradicts]
    lines += [QCoreApplication.translate("SourcePage", "note: {text}").format(text=a.body) for a in p.annotations]
    return "\n".join(lines)


class FindLine(QLineEdit):
    """The find field: Enter → next match, Shift+Enter → previous, Esc → close."""

    def __init__(self, bar: FindBar):
        super().__init__(bar)
        self.bar = bar

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.bar.step(not event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.bar.close_bar()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Find in the source text: every match highlighted, with a count and next / previous."""

    def __init__(self, view: SourceTextView, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(PlainLabel(self.tr("Find:"), self, wrap=False, selectable=False))
        self.field = FindLine(self)
        self.field.setPlaceholderText(self.tr("text in this source (Enter: next, Shift+Enter: previous, Esc: close)"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(self.tr("Find in source text"))
        self.field.textChanged.connect(self._search)
        layout.addWidget(self.field, 1)
        self.count_label = PlainLabel("", self, wrap=False, selectable=False)
        self.count_label.setMinimumWidth(90)
        layout.addWidget(self.count_label)
        for text, forward, tip in (("▲", False, self.tr("Previous match (Shift+Enter)")),
                                   ("▼", True, self.tr("Next match (Enter)"))):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.clicked.connect(lambda _=False, f=forward: self.step(f))
            layout.addWidget(button)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAccessibleName(self.tr("Close find bar"))
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        if self.field.text():
            self._search(self.field.text())

    def close_bar(self) -> None:
        self.view.clear_find()
        self.hide()
        self.view.setFocus()

    def show_hits(self, search: str, spans: list[tuple[int, int]]) -> None:
        """Open showing the hits of a search of the sources (the words, not one string)."""
        self.show()
        self.field.blockSignals(True)
        self.field.setText(search)
        self.field.blockSignals(False)
        self.view.show_matches(spans)
        self._show_count()

    def research(self) -> None:
        """Search again (the text changed under the bar)."""
        self._search(self.field.text())

    def step(self, forward: bool = True) -> None:
        self.view.find_step(forward)
        self._show_count()

    def _search(self, needle: str) -> None:
        self.view.find_matches(needle)
        self._show_count()

    def _show_count(self) -> None:
        n = self.view.match_count()
        if not self.field.text():
            self.count_label.setText("")
        elif n == 0:
            self.count_label.setText(self.tr("no matches"))
        else:
            self.count_label.setText(self.tr("{number} of {count}").format(number=self.view.current_match() + 1,
                                                                          count=n))


class Legend(QWidget):
    """What is drawn on the text, and only that: each kind of record present with how many
    passages show it, then the marks that are not kinds (several kinds, the current passage)."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(2)
        self._grid = layout
        self.labels: dict[str, QLabel] = {}
        self.icons: dict[str, QLabel] = {}
        self._counts: dict[str, int] = {}
        entries = [(cls, legend_word(cls)) for cls in HIGHLIGHT_CLASSES]
        entries += [("several", self.tr("striped: supports several kinds")),
                    ("current", self.tr("outlined: the current passage"))]
        for index, (cls, meaning) in enumerate(entries):
            row, column = divmod(index, self.COLUMNS)
            icon = QLabel(self)
            label = QLabel(meaning, self)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(icon, row, 2 * column)
            layout.addWidget(label, row, 2 * column + 1)
            self.labels[cls] = label
            self.icons[cls] = icon
        layout.setColumnStretch(2 * self.COLUMNS - 1, 1)
        self.labels["current"].setToolTip(self.tr("The passage you jumped to or clicked has a frame around it; "
                                                  "its colours stay those of its kinds."))
        self._paint_icons()
        self.set_counts({})

    def _paint_icons(self) -> None:
        dark = is_dark(self.palette())
        for cls, icon in self.icons.items():
            if cls == "several":
                icon.setPixmap(swatch(("event", "membership"), dark=dark).pixmap(QSize(12, 12)))
            elif cls == "current":
                pixmap = QPixmap(12, 12)
                pixmap.fill(Qt.GlobalColor.transparent)
                painter = QPainter(pixmap)
                painter.setPen(self.palette().text().color())
                painter.drawRect(1, 1, 10, 10)
                painter.end()
                icon.setPixmap(pixmap)
            else:
                icon.setPixmap(swatch(cls, dark=dark).pixmap(QSize(12, 12)))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()

    def set_counts(self, counts: dict[str, int], several: int = 0) -> None:
        """Show each kind drawn with its count (`counts`: kind -> passages showing it) and hide
        the kinds this source does not have; `several` passages are striped."""
        self._counts = {k: v for k, v in counts.items() if v}
        index = 0
        for cls, label in self.labels.items():
            if cls in HIGHLIGHT_CLASSES:
                label.setText(self.tr("{kind} ({count})").format(kind=legend_word(cls), count=counts.get(cls, 0)))
                shown = counts.get(cls, 0) > 0
            elif cls == "several":
                label.setText(self.tr("striped: supports several kinds ({count})").format(count=several))
                shown = several > 0
            else:
                shown = True
            # the entries shown sit side by side, with no holes where a kind is absent
            self._grid.removeWidget(label)
            self._grid.removeWidget(self.icons[cls])
            label.setVisible(shown)
            self.icons[cls].setVisible(shown)
            if shown:
                row, column = divmod(index, self.COLUMNS)
                self._grid.addWidget(self.icons[cls], row, 2 * column)
                self._grid.addWidget(label, row, 2 * column + 1)
                index += 1

    def counts(self) -> dict[str, int]:
        """The kinds the legend lists, with their counts."""
        return dict(self._counts)


class SourcePage(QWidget):
    """A source's text with its passages marked, its details, and the notes on it; read off the
    GUI thread (`loaded` when the source asked for is shown)."""

    loaded = Signal()
    annotated = Signal(object)  # the AnnotationView of a note on a selection, once saved
    reliability_opened = Signal(object)  # the reliability editor, once what it lists is read

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record: SourceRecord | None = None
        self._source_id: str | None = None
        self._current_passage: str | None = None
        self._passages: dict[str, SourcePassage] = {}
        self.info: SourceInfo | None = None

        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.message = PlainLabel("", self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.message)
        content = QWidget(self)
        self.stack.addWidget(content)
        layout = QVBoxLayout(content)

        self.title_label = heading_label("", content, size=1.5)
        layout.addWidget(self.title_label)
        self.subtitle_label = PlainLabel("", content)
        layout.addWidget(self.subtitle_label)
        self.reliability_banner = PlainLabel("", content)
        self.reliability_banner.setObjectName("lowReliabilityBanner")
        show_as_warning_banner(self.reliability_banner)
        self.reliability_banner.hide()
        layout.addWidget(self.reliability_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal, content)
        layout.addWidget(splitter, 1)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        tools = QHBoxLayout()
        self.find_button = QPushButton(self.tr("Find… (Ctrl+F)"), left)
        self.annotate_button = QPushButton(self.tr("Annotate selection…"), left)
        self.annotate_button.setEnabled(False)
        tools.addWidget(self.find_button)
        tools.addWidget(self.annotate_button)
        # recording from the selection: a row of its own under the page's tools
        coding_row = QHBoxLayout()
        coding_row.addWidget(PlainLabel(self.tr("Record from the selection:"), left, wrap=False, selectable=False))
        self.coding_buttons: dict[str, QPushButton] = {}
        for what, text, key in (("event", self.tr("New event…"), "Ctrl+Shift+E"),
                                ("cite", self.tr("Cite for…"), "Ctrl+Shift+C"),
                                ("step", self.tr("Agreement step…"), "Ctrl+Shift+A"),
                                ("membership", self.tr("Membership…"), "Ctrl+Shift+M")):
            button = QPushButton(text, left)
            button.setObjectName(f"coding_{what}_button")
            action = QCoreApplication.translate("SourceTextView", dict(SourceTextView.CODING_ACTIONS)[what])
            button.setToolTip(self.tr("{action} ({key}; select text first)").format(action=action.removesuffix("…"),
                                                                                   key=key))
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, w=what: self.record_from_selection(w))
            coding_row.addWidget(button)
            self.coding_buttons[what] = button
            shortcut = QAction(text, self)
            shortcut.setShortcut(QKeySequence(key))
            shortcut.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.triggered.connect(lambda _=False, w=what: self.record_from_selection(w))
            self.addAction(shortcut)
        self.details_button = QPushButton(self.tr("Edit details…"), left)
        self.details_button.setToolTip(self.tr("Change the title, authors, dates and other details of this source"))
        self.version_button = QPushButton(self.tr("New version…"), left)
        self.version_button.setToolTip(self.tr("Import a newer version of this text; its passages are placed again"))
        tools.addWidget(self.details_button)
        tools.addWidget(self.version_button)
        self.error_label = PlainLabel("", left)
        show_as_alert(self.error_label)
        tools.addWidget(self.error_label, 1)
        left_layout.addLayout(tools)
        coding_row.addStretch(1)
        left_layout.addLayout(coding_row)
        self.text_view = SourceTextView(left)
        self.find_bar = FindBar(self.text_view, left)
        self.find_bar.hide()
        left_layout.addWidget(self.find_bar)
        left_layout.addWidget(self.text_view, 1)
        self.legend = Legend(left)
        left_layout.addWidget(self.legend)

        right_scroll = QScrollArea(splitter)
        right_scroll.setWidgetResizable(True)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setMinimumWidth(380)
        right = QWidget(right_scroll)
        right_scroll.setWidget(right)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(heading_label(self.tr("About this source"), right))
        self.meta = self._build_meta(right)
        right_layout.addLayout(self.meta)
        # long text wraps badly inside a form layout, so the reliability note gets its own rows
        right_layout.addWidget(PlainLabel(self.tr("Reliability:"), right, wrap=False, selectable=False))
        grade_row = QHBoxLayout()
        grade = PlainLabel("", right)
        grade.setObjectName("meta_reliability_grade")
        grade.setToolTip(plain_tooltip(self.tr("The Admiralty code's source grade: A completely reliable, B usually "
                                               "reliable, C fairly reliable, D not usually reliable, E unreliable, "
                                               "F reliability cannot be judged. D and E count as low reliability "
                                               "in the evidence grades of the claims citing it.")))
        grade_row.addWidget(grade, 1)
        self.edit_reliability = QPushButton(self.tr("Edit reliability…"), right)
        self.edit_reliability.setObjectName("editReliability")
        self.edit_reliability.setToolTip(self.tr("Grade this source (your own sources only: the corpus grades its own)"))
        self.edit_reliability.clicked.connect(self._edit_reliability)
        grade_row.addWidget(self.edit_reliability)
        right_layout.addLayout(grade_row)
        self.meta_labels["reliability_grade"] = grade
        reliability = PlainLabel("", right)
        reliability.setObjectName("meta_reliability")
        right_layout.addWidget(reliability)
        self.meta_labels["reliability"] = reliability
        copies = PlainLabel("", right)
        copies.setObjectName("meta_copies")
        right_layout.addWidget(copies)
        self.meta_labels["copies"] = copies
        right_layout.addSpacing(8)
        right_layout.addWidget(heading_label(self.tr("Passages"), right))
        right_layout.addWidget(PlainLabel(self.tr("Click a passage to find it in the text; double-click a record to "
                                                  "open it."), right))
        self.passage_tree = QTreeWidget(right)
        self.passage_tree.setHeaderHidden(True)
        self.passage_tree.header().setStretchLastSection(True)
        self.passage_tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.passage_tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.passage_tree.setWordWrap(True)
        self.passage_tree.setUniformRowHeights(False)
        self.passage_tree.setMinimumHeight(260)
        self.passage_tree.setAccessibleName(self.tr("Passages of this source"))
        right_layout.addWidget(self.passage_tree, 1)
        self.orphans_heading = heading_label(self.tr("Passages not found in this version"), right)
        right_layout.addWidget(self.orphans_heading)
        self.orphans_note = PlainLabel(self.tr("A newer version of the text no longer holds these quotes. They keep "
                                               "their notes and citations; cite the right words again, or import a "
                                               "version that holds them."), right)
        right_layout.addWidget(self.orphans_note)
        self.orphan_tree = QTreeWidget(right)
        self.orphan_tree.setHeaderHidden(True)
        self.orphan_tree.setWordWrap(True)
        self.orphan_tree.setAccessibleName(self.tr("Passages not found in this version"))
        self.orphan_tree.setMaximumHeight(160)
        right_layout.addWidget(self.orphan_tree)
        self.passage_notes = AnnotationPanel(ctx, right, heading=self.tr("Notes on the selected passage"),
                                             no_target_text=self.tr("Select a passage to see and add its notes."))
        right_layout.addWidget(self.passage_notes)
        self.source_notes = AnnotationPanel(ctx, right, heading=self.tr("Notes on this source"))
        right_layout.addWidget(self.source_notes)
        right_layout.addStretch(1)
        splitter.addWidget(left)
        splitter.addWidget(right_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([820, 420])

        find_action = QAction(self.tr("Find in text"), self)
        find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find_action.triggered.connect(self.open_find)
        self.addAction(find_action)
        self.find_action = find_action

        self.find_button.clicked.connect(self.open_find)
        self.details_button.clicked.connect(self.edit_details)
        self.version_button.clicked.connect(self.ask_new_version)
        self.annotate_button.clicked.connect(self.ask_annotate_selection)
        self.text_view.annotate_requested.connect(self.ask_annotate_selection)
        self.text_view.coding_requested.connect(self.record_from_selection)
        self.coding = CodingFlows(ctx, self)
        self.coding.saved.connect(self._on_coded)
        self.text_view.find_requested.connect(self.open_find)
        self.text_view.selectionChanged.connect(self._update_annotate_button)
        self.text_view.span_clicked.connect(self._on_span_clicked)
        self.text_view.menu_hook = self._passage_menu
        self.passage_tree.itemClicked.connect(self._on_item_clicked)
        self.passage_tree.itemActivated.connect(self._on_item_activated)
        ctx.changed.connect(self._on_changed)
        self.passage_notes.set_target(None, None)
        self.hits_call = LatestCall(self)  # the hits of a search of the sources, found in the background
        self._target: Target | None = None  # where to go once the source asked for is shown
        self._select_when_shown: str | None = None  # a passage just made, selected once it is read
        # Another source on its way greys the whole page; the same one read again after a
        # change only its passages, so the text keeps its focus and selection.
        self.loader = Loader(self, self._show_loaded, failed=self._show_failure, greyed=lambda: (
            [w for w in (self.stack.widget(1),) if w is not None] if self.record is not None
            and self.record.id != self._source_id
            else [self.passage_tree]))
        self.loader.loaded.connect(self.loaded)
        self.hits_call.finished.connect(self._show_hits)

    def _build_meta(self, parent: QWidget) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.meta_labels: dict[str, PlainLabel] = {}
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, caption in (("publisher", self.tr("Publisher:")), ("author", self.tr("Author:")),
                             ("url", self.tr("URL:")), ("published", self.tr("Published:")),
                             ("data_as_of", self.tr("Data as of:")), ("kind", self.tr("Kind:")),
                             ("language", self.tr("Language:")), ("sha256", "SHA-256:"),
                             ("file", self.tr("Imported from:"))):
            label = PlainLabel("", parent)
            if key in ("sha256", "url", "file"):
                label.setWordWrap(True)
                label.setMinimumWidth(10)
            label.setObjectName(f"meta_{key}")
            add_row(form, caption, label)
            self.meta_labels[key] = label
        return form

    # --- page protocol --------------------------------------------------------------------
    def title(self) -> str:
        return self.record.title if self.record else self.tr("Source")

    def is_loading(self) -> bool:
        """Whether the source asked for (or its notes, or its hits) is still on its way."""
        return (self.loader.busy() or self.hits_call.busy() or self.passage_notes.is_loading()
                or self.source_notes.is_loading())

    def show_target(self, target: Target) -> None:
        """Open the source (read off the GUI thread), then go to the target's passage or span."""
        if target.id != self._source_id or self.record is None:
            self._source_id = target.id
            self._current_passage = None
            self.passage_tree.verticalScrollBar().setValue(0)
        self._target = target
        self.refresh()

    def _go_to_target(self, target: Target) -> None:
        hits = next((x[1] for x in target.extra if isinstance(x, tuple) and x[:1] == ("hits",)), None)
        if hits:
            # finding the words in a long text takes a while: off the GUI thread
            assert self.record is not None  # shown before its hits are looked for
            library, source_id = self.ctx.library, self.record.id
            self.hits_call.start(lambda: (source_id, hits, library.source_hits(source_id, hits)))
        if target.passage_id:
            if target.passage_id in self._passages:
                self.select_passage(target.passage_id, flash=True)
            elif self._select_orphan(target.passage_id):
                self.ctx.status.emit(self.tr("That passage is not in this version of the text; it is listed under "
                                             "“Passages not found in this version”."))
            else:
                self.ctx.status.emit(self.tr("That passage is no longer in this source."))
        elif target.start is not None and target.end is not None:
            exact = next((p.id for p in self._passages.values()
                          if (p.start, p.end) == (target.start, target.end)), None)
            if exact:
                self.select_passage(exact, flash=True)
            else:
                self.text_view.flash(target.start, target.end)

    def refresh(self) -> None:
        """Read the source and its facts off the GUI thread; the source shown stays (greyed if
        the wait is noticeable) until they arrive."""
        if not self._source_id:
            return
        if self.record is None:
            self.message.setText(self.tr("Loading…"))
            self.stack.setCurrentWidget(self.message)
        library, source_id = self.ctx.library, self._source_id

        def read():
            try:
                return source_id, library.source(source_id), library.source_info(source_id)
            except NotFound:
                return source_id, None, None

        self.loader.load(read)

    def _show_loaded(self, result) -> None:
        source_id, record, info = result
        target, self._target = self._target, None
        if record is None:
            self.record = None
            self.info = None
            self._passages = {}
            self.message.setText(self.tr("There is no source “{id}” in this library (a newer corpus may have "
                                         "removed it).").format(id=source_id))
            self.stack.setCurrentWidget(self.message)
            return
        self._show_record(record, info)
        if target is not None:
            self._go_to_target(target)
        chosen, self._select_when_shown = self._select_when_shown, None
        if chosen in self._passages:
            self.select_passage(chosen, flash=False)

    def _show_failure(self, message: str) -> None:
        self._target = None
        if self.record is None:
            self.message.setText(self.tr("The source could not be read: {reason}").format(reason=message))
            self.stack.setCurrentWidget(self.message)
        else:
            self.ctx.status.emit(self.tr("The source could not be read again: {reason}").format(reason=message))

    def _show_record(self, record: SourceRecord, info: SourceInfo) -> None:
        self.record = record
        self.stack.setCurrentIndex(1)
        self.title_label.setText(record.title)
        published = (self.tr("published {date}").format(date=date_label(record.published)) if record.published
                     else self.tr("publication date not stated"))
        self.subtitle_label.setText(" · ".join(x for x in (record.kind, published, record.publisher) if x))
        self._fill_meta(record)
        self._show_reliability(record)
        self.info = info
        self._fill_orphans()
        self.meta_labels["file"].setText(_file_line(self.info))
        writable = not self.ctx.library.readonly
        self.details_button.setEnabled(writable and not self.info.is_seed)
        self.details_button.setToolTip(self.tr("The shipped corpus's details are read-only; add a note instead")
                                       if self.info.is_seed else
                                       self.tr("Change the title, authors, dates and other details of this source"))
        self.version_button.setEnabled(writable and not self.info.is_seed)
        self.version_button.setToolTip(self.tr("The shipped corpus updates its own texts") if self.info.is_seed else
                                       self.tr("Import a newer version of this text; its passages are placed again"))
        # A user passage whose last note was deleted (or undone) is no longer shown: the core
        # keeps the span, but without a note or a citation it means nothing to the user.
        visible = [p for p in record.passages
                   if p.kind != "user" or p.annotations or p.supports or p.contradicts]
        self._passages = {p.id: p for p in visible}
        if self._current_passage not in self._passages:
            self._current_passage = None
        text_changed = self.text_view.set_source_text(record.text)
        current = self._passages.get(self._current_passage or "")
        self.text_view.set_current_span((current.start, current.end) if current else None)
        self.text_view.set_spans([Span(p.start, p.end, p.highlight, p.id, p.classes) for p in visible],
                                 {p.id: passage_summary(p) for p in visible})
        self.text_view.set_can_annotate(not self.ctx.library.readonly)
        if text_changed and self.find_bar.isVisible():
            self.find_bar.research()
        counts: dict[str, int] = {}
        for p in visible:
            for cls in p.classes:
                counts[cls] = counts.get(cls, 0) + 1
        self.legend.set_counts(counts, sum(1 for p in visible if len(p.classes) > 1))
        self._fill_tree(visible)
        self.source_notes.set_target("source", record.id)
        self.passage_notes.set_target("passage" if self._current_passage else None, self._current_passage)
        self._update_annotate_button()

    def _show_reliability(self, r: SourceRecord) -> None:
        """A banner over the text of a source of low reliability (D or E), with the reason."""
        low = (r.reliability_grade or "") in LOW_RELIABILITY
        if low:
            reason = " ".join((r.reliability or "").split())
            if len(reason) > 240:
                reason = reason[:239] + "…"
            self.reliability_banner.setText(
                self.tr("{symbol} A source of low reliability: {grade}. Every claim resting on it alone is graded "
                        "uncorroborated.").format(symbol=pal.LOW_RELIABILITY_SYMBOL, grade=reliability_label(r.reliability_grade))
                + (f"\n{reason}" if reason else ""))
            self.reliability_banner.setToolTip(plain_tooltip(r.reliability or reliability_label(r.reliability_grade)))
        self.reliability_banner.setVisible(low)

    def _fill_meta(self, r: SourceRecord) -> None:
        values = {
            "publisher": r.publisher or self.tr("not stated"), "author": r.author or self.tr("not stated"),
            "url": r.url or self.tr("none"), "published": _date(r.published), "data_as_of": _date(r.data_as_of),
            "kind": r.kind, "language": r.language, "reliability": r.reliability or self.tr("no note"),
            "sha256": r.sha256, "reliability_grade": reliability_label(r.reliability_grade),
            "copies": "\n".join(
                ([self.tr("A copy of: {title} (not an independent witness)").format(title=r.copies.label)]
                 if r.copies else [])
                + [self.tr("Copied by: {title}").format(title=c.label) for c in r.copied_by]),
        }
        for key, value in values.items():
            self.meta_labels[key].setText(value)
        self.meta_labels["copies"].setVisible(bool(r.copies or r.copied_by))
        self.edit_reliability.setVisible(not r.is_seed)
        self.edit_reliability.setEnabled(not r.is_seed and not self.ctx.library.readonly)

    def _edit_reliability(self) -> None:
        if self.record is not None and not self.record.is_seed:
            self._reliability_reader = edit_reliability(self.ctx, self.record, self,
                                                        opened=self.reliability_opened.emit)

    def _fill_tree(self, passages: list[SourcePassage]) -> None:
        tree = self.passage_tree
        scrolled = tree.verticalScrollBar().value()
        tree.clear()
        for p in passages:
            quote = as_prose(p.quote)
            text = f"{quote[:140]}{'…' if len(quote) > 140 else ''}"
            if p.kind == "boilerplate":
                text = self.tr("[not part of the article] {text}").format(text=p.label or text)
            elif p.kind == "user" and (p.supports or p.contradicts):
                text = self.tr("[your citation] {text}").format(text=text)
            elif p.kind == "user":
                text = self.tr("[your selection] {text}").format(text=text)
            page = self.info.page_of(p.start) if self.info is not None else None
            if page is not None:
                text = self.tr("p. {page} · {text}").format(page=page, text=text)
            item = QTreeWidgetItem([text])
            item.setIcon(0, swatch(p.classes, dark=is_dark(self.palette())))
            item.setData(0, PASSAGE_ROLE, p.id)
            item.setToolTip(0, plain_tooltip(passage_summary(p)))
            for stance, links in (("supports", p.supports), ("contradicts", p.contradicts)):
                for link in links:
                    child = QTreeWidgetItem([f"{stance_words(stance)}: {citing_label(link)}"])
                    child.setData(0, PASSAGE_ROLE, p.id)
                    child.setData(0, LINK_ROLE, link)
                    child.setToolTip(0, plain_tooltip(self.tr("Double-click to open: {label}").format(label=citing_label(link))))
                    if stance == "contradicts":
                        colour_item(tree, child, "alert")
                    item.addChild(child)
            for note in p.annotations:
                body = " ".join(note.body.split())
                child = QTreeWidgetItem([self.tr("note: {text}").format(
                    text=f"{body[:120]}{'…' if len(body) > 120 else ''}")])
                child.setData(0, PASSAGE_ROLE, p.id)
                child.setToolTip(0, plain_tooltip(note.body))
                item.addChild(child)
            tree.addTopLevelItem(item)
            item.setExpanded(True)
            if p.id == self._current_passage:
                tree.setCurrentItem(item)
        tree.verticalScrollBar().setValue(scrolled)  # a note added elsewhere must not move the list

    def _fill_orphans(self) -> None:
        orphans = self.info.orphans if self.info is not None else ()
        self.orphan_tree.clear()
        for o in orphans:
            quote = as_prose(o.quote)
            shown = f"“{quote[:140]}{'…' if len(quote) > 140 else ''}”"
            item = QTreeWidgetItem([self.tr("{quote} — cited by {records}").format(
                quote=shown, records=", ".join(o.records)) if o.records else shown])
            item.setData(0, PASSAGE_ROLE, o.passage_id)
            item.setToolTip(0, plain_tooltip(f"…{o.prefix}[{o.quote}]{o.suffix}…\n" + self.tr(
                "Not found since the version of {time}").format(time=f"{o.replaced_at:%Y-%m-%d %H:%M}")))
            self.orphan_tree.addTopLevelItem(item)
        for widget in (self.orphans_heading, self.orphans_note, self.orphan_tree):
            widget.setVisible(bool(orphans))

    def _select_orphan(self, passage_id: str) -> bool:
        for i in range(self.orphan_tree.topLevelItemCount()):
            item = self.orphan_tree.topLevelItem(i)
            if item is not None and item.data(0, PASSAGE_ROLE) == passage_id:
                self.orphan_tree.setCurrentItem(item)
                self.passage_notes.set_target("passage", passage_id)
                return True
        return False

    def _show_hits(self, result) -> None:
        if result is None or self.record is None or result[0] != self.record.id:
            return
        _source_id, search, spans = result
        self.find_bar.show_hits(search, spans)

    # --- details and versions -------------------------------------------------------------
    def edit_details(self) -> bool:
        """Open the metadata editor; True when the user saved a change."""
        from .metadata_dialog import SourceMetadataDialog

        if self.record is None:
            return False
        info = self.info if self.info is not None and self.info.id == self.record.id else None
        dialog = SourceMetadataDialog(self.ctx, self.record.id, self, info)
        self.details_dialog: SourceMetadataDialog | None = dialog  # reachable while open (tests drive it)
        try:
            return dialog.exec() == SourceMetadataDialog.DialogCode.Accepted
        finally:
            self.details_dialog = None

    def ask_new_version(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from .import_actions import file_filter

        if self.record is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("New version of “{title}”").format(title=self.record.title),
                                              "", file_filter())
        if path:
            self.new_version(path)

    def new_version(self, path):
        """Import `path` as a new version of this source, in the background; the job."""
        from .import_actions import run_import

        if self.record is None:
            return None
        return run_import(self.ctx, [path], self.window(), replaces=self.record.id)

    # --- passages -------------------------------------------------------------------------
    def current_passage_id(self) -> str | None:
        return self._current_passage

    def highlighted_spans(self) -> list[tuple[int, int, str]]:
        return [(s.start, s.end, s.cls) for s in self.text_view.spans()]

    def passage_item(self, passage_id: str) -> QTreeWidgetItem | None:
        for i in range(self.passage_tree.topLevelItemCount()):
            item = self.passage_tree.topLevelItem(i)
            if item is not None and item.data(0, PASSAGE_ROLE) == passage_id:
                return item
        return None

    def select_passage(self, passage_id: str, *, flash: bool = True) -> None:
        p = self._passages.get(passage_id)
        if p is None:
            return
        self._current_passage = passage_id
        self.text_view.set_current_span((p.start, p.end))
        item = self.passage_item(passage_id)
        if item is not None and self.passage_tree.currentItem() is not item:
            self.passage_tree.setCurrentItem(item)
            self.passage_tree.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtTop)
        self.passage_notes.set_target("passage", passage_id)
        if flash:
            self.text_view.flash(p.start, p.end)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        passage_id = item.data(0, PASSAGE_ROLE)
        if passage_id:
            self.select_passage(passage_id, flash=item.data(0, LINK_ROLE) is None)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        link: Link | None = item.data(0, LINK_ROLE)
        if link is not None:
            target = target_for(link)
            if target is not None:
                self.ctx.go(target)
        else:
            self._on_item_clicked(item)

    def _passage_menu(self, menu, offset: int) -> None:
        """Right-click in the text: the actions of each passage under the pointer."""
        record = self.record
        if record is None:
            return
        under = [p for p in record.passages if p.start <= offset < p.end and p.kind != "boilerplate"]
        for passage in under:
            subject = Subject("passage", passage.id, record.title, source_id=record.id, passage_id=passage.id,
                              start=passage.start, end=passage.end, quote=passage.quote,
                              organisations=tuple((link.id, link.label) for link in passage.supports
                                                  if link.kind == "organisation"),
                              countries=tuple((link.id, link.label) for link in passage.supports
                                              if link.kind == "country"))
            menu.addSeparator()
            into = menu if len(under) == 1 else menu.addMenu(menu_text(self.tr("Passage “{quote}”").format(
                quote=passage.quote)))
            fill_menu(into, self.ctx, subject, self)

    def _on_span_clicked(self, spans: list[Span]) -> None:
        # the innermost passage under the click, without a flash: the user is already there
        if spans[0].id:
            self.select_passage(spans[0].id, flash=False)

    # --- find & annotate ------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def _update_annotate_button(self) -> None:
        readonly = self.ctx.library.readonly
        self.annotate_button.setEnabled(not readonly and self.text_view.textCursor().hasSelection())
        for button in self.coding_buttons.values():
            button.setEnabled(not readonly and self.text_view.textCursor().hasSelection())
        self.annotate_button.setToolTip(self.tr("This library file is read-only.") if readonly
                                        else self.tr("Write a note on the selected text"))

    def ask_annotate_selection(self) -> None:
        span = self.text_view.selection_span()
        if span is None or self.record is None or self.ctx.library.readonly:
            return
        quote = self.record.text[span[0]:span[1]]
        answer = NoteDialog.ask(self, self.tr("Annotate selection"), context=quote)
        if answer is not None:
            self.annotate_selection(*answer, span=span)

    def annotate_selection(self, body: str, tags=(), *, span: tuple[int, int] | None = None) -> bool:
        """Save a note on the selected text (or `span`, in code points) as a new user passage,
        off the GUI thread; `annotated(view)` when it has landed, the refusal shown under the
        text if not. False if there was nothing to annotate."""
        span = span or self.text_view.selection_span()
        if span is None or self.record is None:
            return False
        self.error_label.setText("")

        def done(view: AnnotationView) -> None:
            self._select_when_shown = view.target_id  # the source is read again after the change
            if view.target_id in self._passages:
                self.select_passage(view.target_id, flash=False)
            self.annotated.emit(view)

        def failed(reason: str) -> None:  # the core says why a selection cannot be annotated
            self.error_label.setText(self.tr("Not saved: {reason}").format(reason=reason))
            self.ctx.status.emit(self.tr("Selection not annotated: {reason}").format(reason=reason))

        undo.annotate_selection(self.ctx, self.record.id, span[0], span[1], body, tags, done=done, failed=failed)
        return True

    def record_from_selection(self, what: str):
        """Open the dialog that records from the selected text: "event", "cite", "step" or
        "membership" (see ui/coding)."""
        span = self.text_view.selection_span()
        if span is None or self.record is None or self.ctx.library.readonly:
            return None
        if not self.record.text[span[0]:span[1]].strip():
            self.error_label.setText(self.tr("Not recorded: the selection holds only spaces"))
            return None
        self.error_label.setText("")
        if what == "cite":
            return self.coding.cite(self.record.id, *span, source=self.record)
        return self.coding.new_record(what, self.record.id, *span, source=self.record)

    def _on_coded(self, saved) -> None:
        passage = getattr(saved, "passage_id", None)
        if passage is None and self.record is not None:
            for p in self._passages.values():
                if any(link.id == getattr(saved, "id", None) for link in p.supports):
                    passage = p.id
        if passage:
            self.select_passage(passage, flash=False)

    def _on_changed(self, changes) -> None:
        if self._source_id and changes.kinds & {"annotation", "passage", "source", "event", "corpus", "record",
                                                "citation"}:
            self.refresh()
