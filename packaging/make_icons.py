"""Make the application icon's files from its drawing, `packaging/icons/azrel.svg`.

Writes the PNG sizes the window icon and the Linux desktop entry use into
`azrel_desktop/ui/resources/` (so the running app needs no SVG support), and `azrel.ico`
(Windows) and `azrel.icns` (macOS) into `packaging/icons/`. Qt renders the SVG; Pillow writes
the .ico and .icns. Run it after changing the drawing and commit what it writes:

    python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "packaging" / "icons" / "azrel.svg"
RESOURCES = ROOT / "azrel_desktop" / "ui" / "resources"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG drawing")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    RESOURCES.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        render(size, RESOURCES / f"azrel-{size}.png")
    big = SOURCE.parent / "azrel-1024.png"
    render(1024, big)
    try:
        with Image.open(big) as image:
            image.save(SOURCE.parent / "azrel.ico", sizes=[(s, s) for s in ICO_SIZES])
            image.save(SOURCE.parent / "azrel.icns", sizes=[(s, s) for s in ICNS_SIZES])
    finally:
        big.unlink()
    print(f"icons written to {RESOURCES} and {SOURCE.parent}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
