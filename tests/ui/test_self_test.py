"""`azrel-desktop --self-test` and the application icon."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from azrel_desktop.ui.shell import self_test
from azrel_desktop.ui.shell.app import APP_USER_MODEL_ID, ICON_SIZES, ICONS, app_icon, make_app


def test_self_test_builds_the_window_and_exits_0_touching_no_user_file(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AZREL_", "QT_", "XDG_"))}
    env["HOME"] = str(home)
    done = subprocess.run([sys.executable, "-m", "azrel_desktop", "--self-test"], env=env, capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr == ""  # no traceback, no Qt warning
    lines = done.stdout.splitlines()
    assert lines[-1] == "self-test: ok"
    assert any("first window shown" in line for line in lines)
    assert any("timeline rendered" in line for line in lines)
    assert list(home.iterdir()) == []  # offscreen, in a temporary folder: the user's data untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_self_test_fails_with_status_1_and_a_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(self_test, "LATE_IMPORTS", ("azrel_desktop.no_such_module",))
    assert self_test.run() == 1
    out = capsys.readouterr()
    assert "ModuleNotFoundError" in out.err and out.out.rstrip().endswith("self-test: FAILED")


def test_every_shipped_module_is_imported():
    names = self_test.app_modules()
    assert "azrel_desktop.core.output.export" in names and "azrel_desktop.ui.shell.main_window" in names
    assert not any(name.startswith("azrel_desktop.ui.tools") for name in names)


def test_the_window_icon_is_set_at_every_size(qapp):
    for size in ICON_SIZES:
        assert (ICONS / f"azrel-{size}.png").is_file()
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
    app = make_app([])
    assert not app.windowIcon().isNull()
    assert app.windowIcon().pixmap(32, 32).toImage().pixelColor(16, 16).alpha() == 255


@pytest.mark.skipif(sys.platform != "win32", reason="the task bar's app id exists on Windows only")
def test_windows_groups_the_app_under_its_own_id_not_pythonw(qapp):
    import ctypes
    from ctypes import wintypes

    make_app([])
    found = wintypes.LPWSTR()
    assert ctypes.windll.shell32.GetCurrentProcessExplicitAppUserModelID(ctypes.byref(found)) == 0
    assert found.value == APP_USER_MODEL_ID
