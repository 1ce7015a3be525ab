"""A Linux start that cannot show a window says which packages to install, with no abort wall:
the detector on real libraries (the system's dynamic loader), the platform Qt would choose,
and the whole launcher in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from azrel_desktop.ui.shell import display_check as dc

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 libraries exist on Linux only")


def test_the_detector_asks_the_real_loader():
    assert dc.unloadable(["libc.so.6", "libazrel-not-here.so.9"]) == ["libazrel-not-here.so.9"]


def test_a_plugin_whose_dependency_is_missing_names_it(tmp_path):
    """A real shared library whose first dependency is renamed to one that exists nowhere:
    the loader's own error is read for the missing name."""
    import re

    import PySide6

    real = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicuuc.so.*[0-9]"))
    data = real.read_bytes()
    needed = re.search(rb"libicudata\.so\.\d+\x00", data).group()  # ICU's version varies with Qt's
    assert data.count(needed) == 1
    broken = tmp_path / "libqbroken.so"
    gone = needed.replace(b"libicudata", b"libicudaXa")
    broken.write_bytes(data.replace(needed, gone))
    assert dc.plugin_missing(broken) == gone.rstrip(b"\x00").decode()
    assert dc.plugin_missing(real) is None


def test_a_file_that_is_no_library_is_reported_with_the_loaders_words(tmp_path):
    bogus = tmp_path / "libqxcb.so"
    bogus.write_text("not an ELF file")
    assert dc.plugin_missing(bogus).startswith("libqxcb.so (")


def test_the_plugin_of_the_installed_qt_is_found_without_importing_qt():
    plugin = dc.xcb_plugin()
    assert plugin is not None and plugin.name == "libqxcb.so" and plugin.is_file()


@pytest.mark.parametrize(("argv", "env", "expected"), [
    ([], {}, ["xcb"]),
    ([], {"QT_QPA_PLATFORM": "offscreen"}, ["offscreen"]),
    (["-platform", "minimal"], {"QT_QPA_PLATFORM": "xcb"}, ["minimal"]),
    (["--platform=xcb:nomitshm"], {}, ["xcb"]),
    ([], {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, ["wayland", "xcb"]),
    ([], {"QT_QPA_PLATFORM": "wayland;xcb"}, ["wayland", "xcb"]),
])
def test_the_platform_qt_will_try(argv, env, expected):
    assert dc.wanted_platforms(argv, env) == expected


def test_xcb_is_checked_only_when_qt_would_reach_it():
    assert dc.xcb_will_be_used(["xcb"], {})
    assert not dc.xcb_will_be_used(["offscreen"], {})
    assert not dc.xcb_will_be_used(["wayland", "xcb"], {"WAYLAND_DISPLAY": "wayland-0"})
    assert dc.xcb_will_be_used(["wayland", "xcb"], {})  # no Wayland display: Qt falls back to X11
    assert dc.display_problem([], {"QT_QPA_PLATFORM": "offscreen"}) is None


def test_the_message_names_debian_and_fedora_packages():
    text = dc.install_hint(["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libfoo.so.2"])
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in text
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in text
    assert "libfoo.so.2" in text.splitlines()[-3]
    assert "Traceback" not in text


def test_no_display_is_said_in_one_sentence(monkeypatch):
    monkeypatch.setenv(dc.PRETEND_MISSING_ENV, "")  # every library present
    problem = dc.display_problem([], {"QT_QPA_PLATFORM": "xcb"})
    assert problem is not None and "DISPLAY is not set" in problem.message
    assert dc.display_problem([], {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}) is None


def _launch(tmp_path, env_extra, *args):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "AZREL_")) and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(AZREL_DATA_DIR=str(tmp_path / "data"), AZREL_DB=str(tmp_path / "lib.sqlite3"), **env_extra)
    return subprocess.run([sys.executable, "-m", "azrel_desktop", *args], env=env, capture_output=True,
                          text=True, timeout=120)


def test_the_launcher_explains_missing_x11_libraries_and_exits_69(tmp_path):
    done = _launch(tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0",
                              dc.PRETEND_MISSING_ENV: "libxcb-cursor.so.0,libxcb-keysyms.so.1"})
    assert done.returncode == dc.EXIT_NO_DISPLAY == 69
    assert "sudo apt install libxcb-cursor0 libxcb-keysyms1" in done.stderr
    assert "sudo dnf install xcb-util-cursor xcb-util-keysyms" in done.stderr
    assert "Traceback" not in done.stderr and "qt.qpa" not in done.stderr and "Aborted" not in done.stderr
    assert len(done.stderr.strip().splitlines()) < 12
    assert not (tmp_path / "lib.sqlite3").exists()  # nothing was created before the check
    log = (tmp_path / "data" / "logs" / "azrel-desktop.log").read_text(encoding="utf-8")
    assert "libxcb-cursor0" in log


def test_the_real_detector_agrees_with_the_loader_on_this_machine(tmp_path):
    """Whatever this machine lacks, the launcher (no injection) names exactly what the loader
    cannot load, or goes past the check."""
    missing = dc.unloadable([name for name, _deb, _rpm in dc.XCB_LIBRARIES])
    done = _launch(tmp_path, {"QT_QPA_PLATFORM": "xcb"}, "--db", str(tmp_path / "x.sqlite3"))
    if missing:
        assert done.returncode == 69
        for name in missing:
            assert name in done.stderr
    else:  # all present and no DISPLAY in this environment: the display sentence
        assert done.returncode == 69 and "DISPLAY is not set" in done.stderr
