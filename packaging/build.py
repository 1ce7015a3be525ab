"""Build AzRel Desktop's one-folder bundle for the system this runs on.

    python packaging/build.py            # from an environment with `pip install '.[build]'`

writes `dist/azrel-desktop/` (on macOS also `dist/AzRel Desktop.app`): the desktop program
`azrel-desktop` (`azrel-desktop.exe`), the `azrel` command, the migrations, the seed corpus and
the icons, LICENSES.txt (each bundled component's version and licence), with only the Qt the app uses (see `packaging/azrel.spec`). On Linux the folder also
gets `azrel-desktop.desktop`, the icon and `install-desktop-entry.sh`, which adds the app to
the desktop's application menu. It ends by printing the bundle's
size. The bundle can be installed read-only: it writes nothing into its own folder and keeps the
library in the user's data directory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "packaging" / "azrel.spec"
NAME = "azrel-desktop"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def strip_debug_info(bundle: Path) -> int:
    """Remove debug information from the Linux libraries that carry it (a Python built from
    source: libpython alone is 23 MB with it, 6 without); returns the bytes saved. Only debug
    sections go, and never from the libraries wheels bring in their `.libs` folders, which
    auditwheel laid out in a way `strip` breaks (numpy's OpenBLAS then fails to load)."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return 0
    saved = 0
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or any(part.endswith(".libs") for part in path.parts):
            continue
        if b".debug_info" not in path.read_bytes():
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    return saved


def build(*, clean: bool = False) -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is missing: install the build extra first (pip install '.[build]')") from None
    args = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
            "--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        args.append("--clean")
    started = time.monotonic()
    subprocess.run(args, check=True, cwd=ROOT)
    bundle = DIST / NAME
    if sys.platform.startswith("linux"):
        (bundle / "azrel").symlink_to(NAME)  # the entry script turns into the CLI under this name
        shutil.copy2(ROOT / "packaging" / "linux" / f"{NAME}.desktop", bundle / f"{NAME}.desktop")
        shutil.copy2(ROOT / "azrel_desktop" / "ui" / "resources" / "azrel-256.png", bundle / f"{NAME}.png")
        shutil.copy2(ROOT / "packaging" / "linux" / "install-desktop-entry.sh", bundle / "install-desktop-entry.sh")
    licences = subprocess.run([sys.executable, "-c", "from azrel_desktop.ui.shell.about import licences_text; "
                               "print(licences_text(), end='')"], check=True, capture_output=True, text=True,
                              cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
    (bundle / "LICENSES.txt").write_text(licences, encoding="utf-8")
    saved = strip_debug_info(bundle)
    if saved:
        print(f"debug information stripped: {saved / 1e6:.1f} MB")
    size = folder_size(bundle)
    print(f"built {bundle} in {time.monotonic() - started:.0f} s: {size / 1e6:.1f} MB unpacked")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch (PyInstaller's cache emptied)")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    build(clean=args.clean)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
