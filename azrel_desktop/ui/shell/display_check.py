"""Whether Qt can open a window on this Linux desktop, asked before Qt is imported.

Qt's X11 platform plugin (xcb) needs a dozen system libraries that desktop installs often lack
(`libxcb-cursor0` on Debian and Ubuntu). Without them Qt prints a wall of text and aborts the
process. This module finds out first, by asking the system's dynamic loader for the plugin and
its libraries, and turns the answer into one message naming the packages to install on Debian or
Ubuntu and on Fedora. It also catches the commonest other dead end: no display at all.

Standard library only: it runs before Qt, SQLAlchemy or the window are imported.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

# The exit status of a start that cannot show a window on this system (BSD's EX_UNAVAILABLE).
EXIT_NO_DISPLAY = 69

# Every library the xcb plugin of Qt 6 loads beyond what any desktop has, with the package that
# provides it on Debian/Ubuntu and on Fedora. Ordered as the README lists them.
XCB_LIBRARIES: tuple[tuple[str, str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)
# Tests only: pretend these libraries are missing (comma-separated), to run the whole start
# on a machine that has them.
PRETEND_MISSING_ENV = "AZREL_TEST_PRETEND_MISSING_LIBS"


@dataclass(frozen=True)
class DisplayProblem:
    """Why Qt cannot open a window here, as the sentence to print."""

    message: str
    missing: tuple[str, ...] = ()


def wanted_platforms(argv: list[str], env: dict[str, str] | os._Environ) -> list[str]:
    """The platform plugins Qt will try, in order: `-platform` on the command line, else
    `QT_QPA_PLATFORM`, else Qt 6's default (Wayland first in a Wayland session, then X11)."""
    spec = None
    for i, arg in enumerate(argv):
        if arg in ("-platform", "--platform") and i + 1 < len(argv):
            spec = argv[i + 1]
        elif arg.startswith(("-platform=", "--platform=")):
            spec = arg.split("=", 1)[1]
    spec = spec or env.get("QT_QPA_PLATFORM", "")
    if not spec:
        wayland = env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY")
        spec = "wayland;xcb" if wayland else "xcb"
    return [name.split(":", 1)[0].strip() for name in spec.split(";") if name.strip()]


def xcb_will_be_used(platforms: list[str], env: dict[str, str] | os._Environ) -> bool:
    """True when Qt would reach the xcb plugin: it comes first, or only after Wayland entries
    that cannot work because no Wayland display is running."""
    for name in platforms:
        if name == "xcb":
            return True
        if name == "wayland" and not env.get("WAYLAND_DISPLAY"):
            continue
        return False
    return False


def unloadable(libraries: list[str] | tuple[str, ...]) -> list[str]:
    """The libraries (by file name, as the loader searches for them) that cannot be loaded,
    from the system or, in a bundle, from the bundle's own folder (where PyInstaller puts the
    libraries it took from the build machine)."""
    bundled = Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else None
    missing = []
    for name in libraries:
        try:
            ctypes.CDLL(name)
        except OSError:
            if bundled is None or not _loads(bundled / name):
                missing.append(name)
    return missing


def _loads(path: Path) -> bool:
    try:
        ctypes.CDLL(str(path))
    except OSError:
        return False
    return True


def library_named_in(error: str) -> str | None:
    """The library a dynamic loader's error names ("libfoo.so.1: cannot open shared object
    file: …"), or None."""
    match = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file", error)
    return match.group(1) if match else None


def xcb_plugin() -> Path | None:
    """Qt's xcb plugin file in the installed PySide6 (or the bundle), found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for candidate in (Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so",
                          Path(folder) / "plugins" / "platforms" / "libqxcb.so"):
            if candidate.is_file():
                return candidate
    return None


def plugin_missing(plugin: Path) -> str | None:
    """Load `plugin` as Qt would; None if it loads, else the library the loader could not find
    (or the loader's whole complaint, when it names none)."""
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return library_named_in(str(exc)) or f"{plugin.name} ({exc})"
    return None


def missing_xcb_libraries(plugin: Path | None = None) -> list[str]:
    """The system libraries the xcb plugin needs and the loader cannot find. Every library of
    the table is tried (the loader itself stops at the first missing one), then the plugin
    itself, whose error names a missing library the table does not know."""
    pretend = os.environ.get(PRETEND_MISSING_ENV)
    if pretend is not None:
        return [name for name in pretend.split(",") if name]
    missing = unloadable([name for name, _deb, _rpm in XCB_LIBRARIES])
    plugin = plugin if plugin is not None else xcb_plugin()
    if not missing and plugin is not None:
        other = plugin_missing(plugin)
        if other:
            missing.append(other)
    return missing


def install_hint(missing: list[str]) -> str:
    """The message for missing libraries: what is missing and the packages that provide it."""
    known = {name: (deb, rpm) for name, deb, rpm in XCB_LIBRARIES}
    deb = sorted({known[name][0] for name in missing if name in known})
    rpm = sorted({known[name][1] for name in missing if name in known})
    lines = ["AzRel Desktop cannot open its window: Qt's X11 support needs system libraries that are "
             f"not installed ({', '.join(missing)}).", ""]
    if deb:
        lines += ["On Debian or Ubuntu, install them with:",
                  f"    sudo apt install {' '.join(deb)}",
                  "On Fedora:",
                  f"    sudo dnf install {' '.join(rpm)}", ""]
    unknown = [name for name in missing if name not in known]
    if unknown:
        lines += [f"Install the package that provides {', '.join(unknown)} (your system's package search "
                  "finds it by file name).", ""]
    lines.append("Then start AzRel Desktop again. The command-line tool `azrel` works without them.")
    return "\n".join(lines)


def display_problem(argv: list[str] | None = None, env: dict[str, str] | os._Environ | None = None
                    ) -> DisplayProblem | None:
    """Why Qt could not open a window on this system, or None when it should (always None off
    Linux, and for platforms other than X11, such as offscreen)."""
    if not sys.platform.startswith("linux"):
        return None
    argv = sys.argv[1:] if argv is None else argv
    env = os.environ if env is None else env
    if not xcb_will_be_used(wanted_platforms(argv, env), env):
        return None
    missing = missing_xcb_libraries()
    if missing:
        return DisplayProblem(install_hint(missing), tuple(missing))
    if not env.get("DISPLAY"):
        return DisplayProblem(
            "AzRel Desktop cannot open its window: no graphical display was found (DISPLAY is not set). "
            "Start it from your desktop session, or over SSH with `ssh -X`. The command-line tool `azrel` "
            "works without a display.")
    return None
