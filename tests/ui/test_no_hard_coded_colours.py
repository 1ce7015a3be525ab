"""No UI module writes a colour of its own: every colour comes from the checked palette
(ui/common/palette.py, tested for colour vision and contrast in test_palette.py) or from the
palette-following helpers (ui/common/colours.py, ui/common/theme.py, tested in test_theme.py).
A colour written in place — '#b00020' in a style sheet, QColor(0, 0, 0, 120), QColor("white"),
Qt.GlobalColor.red — escapes those checks and does not follow a switch to dark."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import azrel_desktop.ui

UI = Path(azrel_desktop.ui.__file__).parent
# The modules that own the app's colours.
PALETTE_MODULES = {"common/palette.py", "common/colours.py", "common/theme.py", "common/colour_vision.py"}

_HEX = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
# a named colour in a style sheet ("color: red"); palette(...) and transparent follow the palette
_CSS_NAMED = re.compile(r"\b(?:color|background(?:-color)?|border(?:-\w+)?)\s*:[^;{}]*?\b"
                        r"(?!transparent\b|palette\b|solid\b|dashed\b|dotted\b|none\b)"
                        r"(white|black|red|green|blue|yellow|orange|gr[ae]y|purple|pink|brown|navy|teal|maroon)\b")
_STRINGS = {tokenize.STRING} | ({tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set())
_GLOBAL_ALLOWED = {"transparent"}


def hard_coded_colours(source: str) -> list[tuple[int, str]]:
    """(line, what) for each colour written in place in a module's source."""
    found = []
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline)
              if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT,
                                tokenize.DEDENT)]
    for i, tok in enumerate(tokens):
        if tok.type in _STRINGS:
            for match in (*_HEX.finditer(tok.string), *_CSS_NAMED.finditer(tok.string)):
                found.append((tok.start[0], match.group(0)))
        elif tok.type == tokenize.NAME and tok.string == "QColor" and i + 2 < len(tokens) \
                and tokens[i + 1].string == "(" and tokens[i + 2].type in (tokenize.STRING, tokenize.NUMBER):
            found.append((tok.start[0], f"QColor({tokens[i + 2].string}"))
        elif tok.type == tokenize.NAME and tok.string == "GlobalColor" and i + 2 < len(tokens) \
                and tokens[i + 1].string == "." and tokens[i + 2].string not in _GLOBAL_ALLOWED:
            found.append((tok.start[0], f"GlobalColor.{tokens[i + 2].string}"))
    return found


def test_the_check_finds_each_way_of_writing_a_colour():
    source = '''
label.setStyleSheet("color: #b00020;")
brush = QBrush(QColor(0, 0, 0, 120))
pen = QPen(QColor("white"))
fill = Qt.GlobalColor.red
css = f"QToolButton {{ border: 1px solid {c}; background: palette(base); color: red; }}"
short = "#fff"
'''
    assert [what for _line, what in hard_coded_colours(source)] == [
        "#b00020", "QColor(0", 'QColor("white"', "GlobalColor.red", "color: red", "#fff"]


def test_the_check_leaves_palette_colours_alone():
    source = '''
pixmap.fill(Qt.GlobalColor.transparent)
self.setStyleSheet("QListWidget { background: transparent; } QLabel { color: palette(link); }")
colour = QColor(pal.pick(pal.BOILERPLATE_TEXT, dark))  # not "#6b6b6b" written here
tag = "#1 of 3"
'''
    assert hard_coded_colours(source) == []


def test_no_ui_module_hard_codes_a_colour():
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        name = path.relative_to(UI).as_posix()
        if name in PALETTE_MODULES:
            continue
        for line, what in hard_coded_colours(path.read_text(encoding="utf-8")):
            offenders.append(f"ui/{name}:{line}: {what}")
    assert not offenders, "colours written outside the palette modules:\n" + "\n".join(offenders)
