"""The pieces of the bundles that can be tried without building one (CI builds and smoke-tests
the real Linux bundle in `.ci/run`): the entry script's two names, the AppImage's entry, the
Linux menu installer, and the build script's size and stripping helpers."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from azrel_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
_spec = importlib.util.spec_from_file_location("azrel_packaging_build", PACKAGING / "build.py")
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="shell scripts of the Linux bundle")


@pytest.mark.parametrize(("name", "expected"), [("azrel", "azrel"), ("azrel-desktop", "azrel-desktop")])
def test_the_entry_script_is_the_cli_or_the_app_by_the_name_it_was_started_under(tmp_path, name, expected):
    program = tmp_path / name  # the script under the program's name, as the bundle's executable is
    shutil.copy2(PACKAGING / "entry_desktop.py", program)
    done = subprocess.run([sys.executable, str(program), "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{expected} {__version__}"


def _fake_program(path: Path, says: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'#!/bin/sh\necho "{says} $*"\n')
    path.chmod(0o755)


@unix_only
def test_the_appimage_entry_starts_the_app_or_the_cli(tmp_path):
    appdir = tmp_path / "AzRel.AppDir"
    _fake_program(appdir / "usr/lib/azrel-desktop/azrel-desktop", "desktop")
    _fake_program(appdir / "usr/lib/azrel-desktop/azrel", "cli")
    shutil.copy2(PACKAGING / "linux" / "AppRun", appdir / "AppRun")
    run = lambda argv0: subprocess.run([str(appdir / "AppRun"), "check"], capture_output=True, text=True,  # noqa: E731
                                       env={**os.environ, "ARGV0": argv0}).stdout.strip()
    assert run("/home/me/Apps/AzRel-Desktop-0.1.0-linux-x86_64.AppImage") == "desktop check"
    assert run("/home/me/bin/azrel") == "cli check"


@unix_only
def test_the_menu_installer_points_the_entry_at_the_bundle_folder(tmp_path):
    bundle = tmp_path / "my apps" / "azrel-desktop"
    bundle.mkdir(parents=True)
    for source, name in ((PACKAGING / "linux" / "azrel-desktop.desktop", "azrel-desktop.desktop"),
                         (ROOT / "azrel_desktop/ui/resources/azrel-256.png", "azrel-desktop.png"),
                         (PACKAGING / "linux" / "install-desktop-entry.sh", "install-desktop-entry.sh")):
        shutil.copy2(source, bundle / name)
    data = tmp_path / "data"
    done = subprocess.run(["sh", str(bundle / "install-desktop-entry.sh")], capture_output=True, text=True,
                          env={**os.environ, "XDG_DATA_HOME": str(data)})
    assert done.returncode == 0, done.stderr
    entry = (data / "applications" / "azrel-desktop.desktop").read_text()
    assert f'Exec="{bundle}/azrel-desktop" %f' in entry
    assert (data / "icons/hicolor/256x256/apps/azrel-desktop.png").read_bytes() == (bundle / "azrel-desktop.png").read_bytes()


def test_the_bundle_size_counts_files_once_and_not_links(tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.so").write_bytes(b"x" * 1000)
    (tmp_path / "b").write_bytes(b"y" * 24)
    if sys.platform != "win32":
        (tmp_path / "a-link.so").symlink_to(tmp_path / "lib" / "a.so")
    assert build.folder_size(tmp_path) == 1024


@pytest.mark.skipif(not (sys.platform.startswith("linux") and shutil.which("strip") and shutil.which("cc")),
                    reason="needs a Linux toolchain")
def test_debug_information_is_stripped_but_wheel_libraries_are_left_alone(tmp_path):
    source = tmp_path / "x.c"
    source.write_text("int answer(void) { return 42; }\n")
    bundle = tmp_path / "bundle"
    for lib in (bundle / "_internal" / "libx.so.1", bundle / "_internal" / "numpy.libs" / "libopenblas.so"):
        lib.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cc", "-g", "-shared", "-fPIC", "-o", str(lib), str(source)], check=True)
    kept = (bundle / "_internal" / "numpy.libs" / "libopenblas.so").read_bytes()
    assert build.strip_debug_info(bundle) > 0
    assert b".debug_info" not in (bundle / "_internal" / "libx.so.1").read_bytes()
    assert (bundle / "_internal" / "numpy.libs" / "libopenblas.so").read_bytes() == kept
