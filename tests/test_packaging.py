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


# --- the bundle's size: ICU's data, symbol tables, the limit README states -----------------------

_icu_spec = importlib.util.spec_from_file_location("azrel_packaging_icu_data", PACKAGING / "icu_data.py")
icu_data = importlib.util.module_from_spec(_icu_spec)
_icu_spec.loader.exec_module(icu_data)


def _package(names: list[str]) -> bytes:
    """A small ICU common data package: a 32-byte header (magic, UDataInfo 'CmnD'), its items each
    a 16-byte-aligned body naming itself."""
    header = bytearray(32)
    header[0:2] = (32).to_bytes(2, "little")
    header[2:4] = icu_data.MAGIC
    header[4:6] = (20).to_bytes(2, "little")
    header[12:16] = b"CmnD"
    items = [(name, name.encode().ljust(64, b"\0")) for name in sorted(names)]
    return icu_data.write_package(bytes(header), items)


def test_the_icu_data_keeps_collation_and_locales_and_drops_what_qt_does_not_use_here():
    names = ["icudt73l/coll/de.res", "icudt73l/coll/ucadata.icu", "icudt73l/az.res", "icudt73l/root.res",
             "icudt73l/cnvalias.icu", "icudt73l/ibm-943_P15A-2003.cnv", "icudt73l/brkitr/cjdict.dict",
             "icudt73l/zone/de.res", "icudt73l/curr/en.res", "icudt73l/lang/ru.res", "icudt73l/unit/tr.res",
             "icudt73l/region/az.res", "icudt73l/translit/root.res", "icudt73l/rbnf/en.res"]
    header, items = icu_data.read_package(icu_data.shrink(_package(names)))
    kept = [name for name, _ in items]
    assert kept == ["icudt73l/az.res", "icudt73l/cnvalias.icu", "icudt73l/coll/de.res", "icudt73l/coll/ucadata.icu",
                    "icudt73l/root.res"]
    assert all(body.startswith(name.encode()) for name, body in items)  # each name still finds its own item
    assert len(header) == 32


def test_an_icu_data_package_reads_back_as_written_with_its_items_aligned():
    package = _package([f"icudt73l/item{i}.res" for i in range(7)])
    header, items = icu_data.read_package(package)
    assert icu_data.read_package(icu_data.write_package(header, items)) == (header, items)
    toc = len(header)
    for i in range(len(items)):
        data_offset = int.from_bytes(package[toc + 8 + 8 * i:toc + 12 + 8 * i], "little")
        assert (toc + data_offset) % 16 == 0
    with pytest.raises(ValueError):
        icu_data.read_package(b"\0" * 64)


def _qt_icu_data() -> Path | None:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


linux_toolchain = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and shutil.which("cc") and shutil.which("strip")),
    reason="Linux only: PySide6's Linux wheels ship ICU, and the step needs a C compiler")


@linux_toolchain
def test_the_bundled_icu_data_shrinks_and_qt_still_collates_and_upper_cases_with_it(tmp_path):
    original = _qt_icu_data()
    lib = tmp_path / "bundle" / "_internal" / "PySide6" / "Qt" / "lib" / original.name
    lib.parent.mkdir(parents=True)
    shutil.copy2(original, lib)
    (lib.parent.parent.parent.parent / original.name).symlink_to(lib)  # as PyInstaller links it
    saved = build.shrink_icu_data(tmp_path / "bundle", work=tmp_path / "work")
    assert saved > 15e6 and lib.stat().st_size < original.stat().st_size - 15e6


@linux_toolchain
def test_icu_data_without_what_qt_needs_is_not_put_in_place(tmp_path):
    original = _qt_icu_data()
    lib = tmp_path / "bundle" / original.name
    lib.parent.mkdir(parents=True)
    shutil.copy2(original, lib)
    without_collation = lambda name: icu_data.wanted(name) and "/coll/" not in name  # noqa: E731
    assert build.shrink_icu_data(tmp_path / "bundle", keep=without_collation, work=tmp_path / "work") == 0
    assert lib.read_bytes() == original.read_bytes()


@linux_toolchain
def test_symbol_tables_are_stripped_but_wheel_libraries_are_left_alone(tmp_path):
    source = tmp_path / "x.c"
    source.write_text("static int helper(void) { return 41; }\nint answer(void) { return helper() + 1; }\n")
    bundle = tmp_path / "bundle"
    for lib in (bundle / "_internal" / "libx.so.1", bundle / "_internal" / "numpy.libs" / "libopenblas.so"):
        lib.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cc", "-shared", "-fPIC", "-o", str(lib), str(source)], check=True)
    kept = (bundle / "_internal" / "numpy.libs" / "libopenblas.so").read_bytes()
    assert build.strip_symbols(bundle, tmp_path / "work") > 0
    stripped = (bundle / "_internal" / "libx.so.1").read_bytes()
    with pytest.raises(ValueError):
        icu_data.elf_section(stripped, ".symtab")
    assert (bundle / "_internal" / "numpy.libs" / "libopenblas.so").read_bytes() == kept
    import ctypes

    assert ctypes.CDLL(str(bundle / "_internal" / "libx.so.1")).answer() == 42
    assert build.strip_symbols(bundle, tmp_path / "work") == 0  # nothing left to strip


def test_a_bundle_above_the_stated_size_fails_naming_what_is_largest(tmp_path):
    inside = tmp_path / "bundle" / "_internal"
    (inside / "PySide6").mkdir(parents=True)
    (inside / "PySide6" / "libQt6Gui.so.6").write_bytes(b"q" * 700_000)
    (inside / "libpython.so").write_bytes(b"p" * 400_000)
    assert build.check_size(tmp_path / "bundle", 1.2) is None
    problem = build.check_size(tmp_path / "bundle", 1.0)
    assert problem is not None and "1.1 MB unpacked, above the limit of 1 MB" in problem
    assert problem.index("PySide6 0.7 MB") < problem.index("libpython.so 0.4 MB")


def test_readme_states_the_size_ci_holds_the_linux_bundle_to():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"CI fails the build above {build.LINUX_SIZE_LIMIT_MB} MB" in readme


def test_the_app_uses_only_the_qt_modules_the_bundle_keeps():
    """The bundle keeps an allow-list of Qt modules (packaging/azrel.spec); a module the app
    imports beyond it would be missing from every bundle. (`ui/tools`, the screenshot and benchmark
    tools, is not bundled.)"""
    import re

    spec = (PACKAGING / "azrel.spec").read_text(encoding="utf-8")
    kept = set(re.findall(r'"(Qt\w+)"', re.search(r"QT_MODULES = \{([^}]*)\}", spec).group(1)))
    used = set()
    tools = ROOT / "azrel_desktop" / "ui" / "tools"
    for path in (ROOT / "azrel_desktop").rglob("*.py"):
        if tools in path.parents:
            continue
        used |= set(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used and used <= kept, f"imported but not bundled: {sorted(used - kept)}"


# --- numpy without BLAS (the Linux bundle) -------------------------------------------------------

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle's numpy")


@linux_only
def test_numpy_from_a_wheel_that_links_blas_is_not_taken_for_the_bundle():
    import numpy

    problem = build.numpy_is_blas_free(Path(numpy.__file__).resolve().parent.parent)
    assert problem is not None and problem.startswith("unexpected: {'blas': ") and "'lapack': " in problem


@linux_only
def test_the_numpy_wheel_is_built_once_per_version_and_refused_unless_it_is_blas_free(tmp_path):
    """The wheel is built into the cache when no wheel of this numpy version is there (one of
    another version does not count), reused after, and a numpy that does not pass the check is
    never handed to PyInstaller."""
    import importlib.metadata
    import sysconfig
    import zipfile

    version = importlib.metadata.version("numpy")
    tag = f"{sys.implementation.cache_tag}-{sysconfig.get_platform().replace('-', '_')}"
    python_tag = f"cp{sys.version_info.major}{sys.version_info.minor}"
    wheels = tmp_path / "wheels" / tag
    wheels.mkdir(parents=True)
    (wheels / f"numpy-0.0.1-{python_tag}-{python_tag}-linux_x86_64.whl").write_bytes(b"another version")
    built = []

    def build_wheel(wanted: str, folder: Path) -> None:
        built.append(wanted)
        with zipfile.ZipFile(folder / f"numpy-{wanted}-{python_tag}-{python_tag}-linux_x86_64.whl", "w") as wheel:
            wheel.writestr("numpy/__init__.py", "raise ImportError('a numpy that does not work')\n")

    for _attempt in range(2):
        with pytest.raises(SystemExit, match="the numpy built without BLAS cannot be bundled: it does not import"):
            build.numpy_without_blas(tmp_path, build_wheel=build_wheel)
        assert not (tmp_path / f"numpy-{version}-{tag}").exists()
    assert built == [version]


def test_licences_list_only_the_packages_whose_metadata_the_bundle_carries(tmp_path):
    """LICENSES.txt names what is in the bundle: a package installed here but left out of it
    (cryptography) is not listed, one carried under an underscored folder name is."""
    inside = tmp_path / "bundle" / "_internal"
    for folder in ("numpy-2.4.6.dist-info", "PySide6_Essentials-6.11.3.dist-info", "lxml_html_clean-0.4.6.dist-info",
                   "pyyaml-6.0.4.dist-info", "sqlalchemy-2.1.9.dist-info"):
        (inside / folder).mkdir(parents=True)
    (inside / "not-a-folder-1.0.dist-info").write_text("")
    names = build.bundled_distributions(tmp_path / "bundle")
    assert names == ["lxml-html-clean", "numpy", "pyside6-essentials", "pyyaml", "sqlalchemy"]
    done = subprocess.run([sys.executable, "-c", build._LICENCES, *names], capture_output=True, text=True,
                          check=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    listed = {line.split(" ")[0] for line in done.stdout.splitlines() if ": " in line}
    assert {"numpy", "lxml_html_clean", "SQLAlchemy", "PyYAML", "Python", "Qt"} <= listed
    assert "cryptography" not in listed and "alembic" not in listed
