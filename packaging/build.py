"""Build AzRel Desktop's one-folder bundle for the system this runs on.

    python packaging/build.py            # from an environment with `pip install '.[build]'`

writes `dist/azrel-desktop/` (on macOS also `dist/AzRel Desktop.app`): the desktop program
`azrel-desktop` (`azrel-desktop.exe`), the `azrel` command, the migrations, the seed corpus and
the icons, LICENSES.txt (each bundled component's version and licence), with only the Qt the app uses (see `packaging/azrel.spec`). On Linux the folder also
gets `azrel-desktop.desktop`, the icon and `install-desktop-entry.sh`, which adds the app to
the desktop's application menu, and numpy is one built from source without BLAS (compiled
with pip and the system's C/C++ compilers on the first build of each numpy version, then kept
under `build/numpy-no-blas/`). It ends by printing the bundle's size. The bundle can be installed read-only: it writes nothing into its own folder and keeps the
library in the user's data directory.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "packaging" / "azrel.spec"
NAME = "azrel-desktop"
# The Linux bundle's size (MB unpacked) that README states and CI holds it to: the build fails
# above it, naming what takes the space. On Windows and macOS the size is reported only.
LINUX_SIZE_LIMIT_MB = 150


def _icu_data():
    """packaging/icu_data.py (beside this script, which is run by path, not imported as a package)."""
    spec = importlib.util.spec_from_file_location("azrel_packaging_icu_data", ROOT / "packaging" / "icu_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def largest_parts(bundle: Path, count: int = 8) -> list[tuple[str, int]]:
    """The bundle's largest folders and files one level inside `_internal` (or the bundle), by size."""
    inside = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
    parts = [(p.name, folder_size(p) if p.is_dir() else p.stat().st_size)
             for p in inside.iterdir() if not p.is_symlink()]
    return sorted(parts, key=lambda part: -part[1])[:count]


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


# Loads each library named on the command line as Python would (every symbol bound at once) and
# prints the ones that load.
_LOADS = """
import ctypes, os, sys
for name in sys.argv[1:]:
    try:
        ctypes.CDLL(name, mode=os.RTLD_NOW | os.RTLD_LOCAL)
    except OSError:
        continue
    print(name)
"""


def _loadable(bundle: Path, paths: list[Path]) -> set[str]:
    folders = sorted({str(p.parent) for p in bundle.rglob("*.so*")})
    env = {**os.environ, "LD_LIBRARY_PATH": os.pathsep.join(folders)}
    done = subprocess.run([sys.executable, "-c", _LOADS, *map(str, paths)], capture_output=True, text=True,
                          env=env, check=False)
    return set(done.stdout.split())


def strip_symbols(bundle: Path, work: Path = WORK / "strip") -> int:
    """Remove the symbol tables Linux libraries do not need to be loaded (`strip --strip-unneeded`:
    the dynamic symbols stay), from the libraries that still carry them; returns the bytes saved.
    The wheels' `.libs` folders are left alone (see `strip_debug_info`), and a stripped library
    replaces its original only if it loads wherever the original did."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return 0
    icu_data = _icu_data()
    candidates = []
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or any(part.endswith(".libs") for part in path.parts):
            continue
        try:
            icu_data.elf_section(path.read_bytes(), ".symtab")
        except ValueError:
            continue  # already stripped, or not an ELF file
        candidates.append(path)
    shutil.rmtree(work, ignore_errors=True)
    copies = {}
    for i, path in enumerate(candidates):
        copy = work / str(i) / path.name
        copy.parent.mkdir(parents=True)
        shutil.copy2(path, copy)
        subprocess.run([strip, "--strip-unneeded", str(copy)], check=True)
        copies[path] = copy
    loads_before = _loadable(bundle, candidates)
    loads_after = _loadable(bundle, list(copies.values()))
    saved = 0
    for path, copy in copies.items():
        if str(path) in loads_before and str(copy) not in loads_after:
            print(f"kept unstripped (it no longer loads stripped): {path.relative_to(bundle)}")
            continue
        saved += path.stat().st_size - copy.stat().st_size
        shutil.copy2(copy, path)
    shutil.rmtree(work, ignore_errors=True)
    return saved


# Qt's collation and case mapping, run against a shrunk ICU data library before it replaces the
# original: German and Swedish sort "ä" differently, and Turkish upper-cases "i" to "İ".
_ICU_CHECK = """
from PySide6.QtCore import QCollator, QLocale
words = ["z", "a", "\u00e4"]
de, sv = QCollator(QLocale("de_DE")), QCollator(QLocale("sv_SE"))
assert sorted(words, key=de.sortKey) == ["a", "\u00e4", "z"], "German collation"
assert sorted(words, key=sv.sortKey) == ["a", "z", "\u00e4"], "Swedish collation"
assert QLocale("tr_TR").toUpper("i") == "\u0130", "Turkish upper case"
assert QLocale("az_AZ").toUpper("i") == "\u0130", "Azerbaijani upper case"
print("ok")
"""


def shrink_icu_data(bundle: Path, keep=None, work: Path = WORK / "icu") -> int:
    """Replace the bundle's ICU data library with one holding only what Qt can use in this app
    (see packaging/icu_data.py), after checking Qt's collation and case mapping against it;
    returns the bytes saved (0 when there is nothing to shrink, no C compiler, or the check
    fails: then the original stays). `keep(name)` chooses the items (default: icu_data.wanted)."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    libraries = sorted(p for p in bundle.rglob("libicudata.so.*") if not p.is_symlink())
    if not sys.platform.startswith("linux") or compiler is None or len(libraries) != 1:
        return 0
    icu_data = _icu_data()
    library = libraries[0]
    major = library.name.rsplit(".", 1)[-1]
    image = library.read_bytes()
    offset, size = icu_data.elf_section(image, ".rodata")
    smaller = icu_data.shrink(image[offset:offset + size], keep or icu_data.wanted)
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudata.dat").write_bytes(smaller)
    (work / "icudata.S").write_text(
        f'\t.section .rodata\n\t.globl icudt{major}_dat\n\t.type icudt{major}_dat, @object\n'
        f'\t.balign 16\nicudt{major}_dat:\n\t.incbin "icudata.dat"\n'
        f'\t.size icudt{major}_dat, .-icudt{major}_dat\n\t.section .note.GNU-stack,"",@progbits\n',
        encoding="ascii")
    built = work / library.name
    subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(built),
                    "icudata.S"], check=True, cwd=work)
    check = subprocess.run([sys.executable, "-c", _ICU_CHECK], capture_output=True, text=True,
                           env={**os.environ, "LD_PRELOAD": str(built), "QT_QPA_PLATFORM": "offscreen"})
    if check.returncode != 0 or check.stdout.strip() != "ok" or check.stderr.strip():
        print(f"ICU data kept whole: Qt failed its check with the smaller data ({check.stderr.strip()})")
        return 0
    saved = library.stat().st_size - built.stat().st_size
    if saved <= 0:  # (already shrunk)
        return 0
    shutil.copy2(built, library)
    return saved


# numpy's wheels link OpenBLAS and its Fortran runtime (28 MB of the Linux bundle), used only to
# multiply matrices and for linear algebra; the app counts, sorts and sums arrays (the facet
# index: bincount, argsort, cumsum, isin, ...), which numpy does itself. So on Linux the bundle
# takes numpy built from source without BLAS and LAPACK (numpy then uses its own unoptimised
# loops and bundled LAPACK-lite, where anything asks for them) - same version, same results.
NUMPY_NO_BLAS = ["-Csetup-args=-Dblas=none", "-Csetup-args=-Dlapack=none", "-Csetup-args=-Dallow-noblas=true"]
NUMPY_WORK = ROOT / "build" / "numpy-no-blas"

# Run with the candidate folder first on the path: prints where numpy came from, whether it was
# built with BLAS, and the results of the operations the facet index uses.
_NUMPY_CHECK = """
import json, numpy as np
deps = np.__config__.CONFIG["Build Dependencies"]
a = np.array([3, 1, 2, 3, 3, 0], dtype=np.int64)
print(json.dumps({"file": np.__file__, "version": np.__version__,
                  "blas": deps["blas"].get("name"), "lapack": deps["lapack"].get("name"),
                  "bincount": np.bincount(a, minlength=5).tolist(), "argsort": np.argsort(a, kind="stable").tolist(),
                  "cumsum": np.cumsum(a).tolist(), "isin": np.isin(a, [3, 0]).tolist(),
                  "unique": np.unique(a).tolist(), "matmul": (np.arange(4.0).reshape(2, 2) @ np.ones(2)).tolist()}))
"""
_NUMPY_EXPECTED = {"blas": "none", "lapack": "none", "bincount": [1, 1, 1, 3, 0], "argsort": [5, 1, 2, 0, 3, 4],
                   "cumsum": [3, 4, 6, 9, 12, 12], "isin": [True, False, False, True, True, True],
                   "unique": [0, 1, 2, 3], "matmul": [1.0, 5.0]}


def numpy_is_blas_free(folder: Path) -> str | None:
    """None if the numpy in `folder` (imported with it first on the path) is this environment's
    version, built without BLAS and LAPACK, and computes what the app asks of it; else why not."""
    import json

    version = importlib.metadata.version("numpy")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(folder), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-c", _NUMPY_CHECK], capture_output=True, text=True, env=env,
                          cwd=folder, check=False)
    if done.returncode != 0:
        return f"it does not import ({done.stderr.strip().splitlines()[-1:]})"
    got = json.loads(done.stdout)
    if not Path(got["file"]).resolve().is_relative_to(folder.resolve()):
        return f"numpy was imported from {got['file']}, not from {folder}"
    if got["version"] != version:
        return f"it is numpy {got['version']}, not {version}"
    wrong = {key: got[key] for key, value in _NUMPY_EXPECTED.items() if got[key] != value}
    return f"unexpected: {wrong}" if wrong else None


def numpy_without_blas(work: Path = NUMPY_WORK, *, build_wheel=None) -> Path | None:
    """A folder holding this environment's numpy version built without BLAS (Linux only; None
    elsewhere): the wheel is built once per numpy version and Python (`pip wheel` from the
    sdist, a few minutes) and kept under `work/wheels`, then unpacked beside it. PyInstaller runs
    with the folder first on the path, so the bundle takes that numpy; the environment's own
    numpy is left as it is. `build_wheel(version, wheels)` builds the wheel (default: pip)."""
    if not sys.platform.startswith("linux"):
        return None
    version = importlib.metadata.version("numpy")
    tag = f"{sys.implementation.cache_tag}-{sysconfig.get_platform().replace('-', '_')}"
    folder = work / f"numpy-{version}-{tag}"
    if (folder / "numpy").is_dir() and numpy_is_blas_free(folder) is None:
        return folder
    wheels = work / "wheels" / tag
    python_tag = f"cp{sys.version_info.major}{sys.version_info.minor}"

    def cached() -> list[Path]:
        return sorted(wheels.glob(f"numpy-{version}-{python_tag}-*.whl"))

    if not cached():
        wheels.mkdir(parents=True, exist_ok=True)
        print(f"building numpy {version} without BLAS (once per numpy version; kept in {wheels}) ...", flush=True)
        started = time.monotonic()
        (build_wheel or _pip_wheel_numpy)(version, wheels)
        print(f"numpy {version} without BLAS built in {time.monotonic() - started:.0f} s")
    if not cached():
        raise SystemExit(f"build.py: building numpy {version} without BLAS left no wheel in {wheels}")
    shutil.rmtree(folder, ignore_errors=True)
    with zipfile.ZipFile(cached()[-1]) as wheel:
        wheel.extractall(folder)
    problem = numpy_is_blas_free(folder)
    if problem:
        shutil.rmtree(folder, ignore_errors=True)
        raise SystemExit(f"build.py: the numpy built without BLAS cannot be bundled: {problem}")
    return folder


def _pip_wheel_numpy(version: str, wheels: Path) -> None:
    # (--no-cache-dir: pip's own cache would hand this wheel to a later plain source install)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-binary", "numpy", "--no-cache-dir",
                    f"numpy=={version}", "--wheel-dir", str(wheels), *NUMPY_NO_BLAS], check=True)


# LICENSES.txt: Help -> About's list of components, less the packages installed here whose
# metadata the bundle does not carry (those the spec leaves out), named on the command line.
_LICENCES = """
import sys
from azrel_desktop.ui.shell import about
bundled = set(sys.argv[1:])
everything = about.runtime_distributions
about.runtime_distributions = lambda root=about.APP_DISTRIBUTION: [
    dist for dist in everything(root) if about._normal(dist.metadata["Name"]) in bundled]
print(about.licences_text(), end="")
"""


def bundled_distributions(bundle: Path) -> list[str]:
    """The names (normalised as pip does) of the packages whose metadata is in the bundle."""
    import re

    return sorted({re.sub(r"[-_.]+", "-", path.name.split("-")[0]).lower()
                   for path in bundle.rglob("*.dist-info") if path.is_dir()})


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
    env = dict(os.environ)
    numpy_folder = numpy_without_blas()
    if numpy_folder is not None:  # found before the environment's numpy, by PyInstaller and its hooks
        print(f"numpy without BLAS for the bundle: {numpy_folder.relative_to(ROOT) if numpy_folder.is_relative_to(ROOT) else numpy_folder}")
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(numpy_folder), os.environ.get("PYTHONPATH")]))
    subprocess.run(args, check=True, cwd=ROOT, env=env)
    bundle = DIST / NAME
    if sys.platform.startswith("linux"):
        (bundle / "azrel").symlink_to(NAME)  # the entry script turns into the CLI under this name
        shutil.copy2(ROOT / "packaging" / "linux" / f"{NAME}.desktop", bundle / f"{NAME}.desktop")
        shutil.copy2(ROOT / "azrel_desktop" / "ui" / "resources" / "azrel-256.png", bundle / f"{NAME}.png")
        shutil.copy2(ROOT / "packaging" / "linux" / "install-desktop-entry.sh", bundle / "install-desktop-entry.sh")
    licences = subprocess.run([sys.executable, "-c", _LICENCES, *bundled_distributions(bundle)], check=True,
                              capture_output=True, text=True, cwd=ROOT, env={**env, "QT_QPA_PLATFORM": "offscreen"}).stdout
    (bundle / "LICENSES.txt").write_text(licences, encoding="utf-8")
    saved = strip_debug_info(bundle)
    if saved:
        print(f"debug information stripped: {saved / 1e6:.1f} MB")
    saved = shrink_icu_data(bundle)
    if saved:
        print(f"ICU data reduced to what Qt uses here: {saved / 1e6:.1f} MB saved")
    saved = strip_symbols(bundle)
    if saved:
        print(f"symbol tables stripped: {saved / 1e6:.1f} MB")
    size = folder_size(bundle)
    print(f"built {bundle} in {time.monotonic() - started:.0f} s: {size / 1e6:.1f} MB unpacked")
    return bundle


def check_size(bundle: Path, limit_mb: float) -> str | None:
    """None if the bundle is within `limit_mb` MB unpacked, else a sentence saying by how much
    and what is largest in it."""
    size = folder_size(bundle) / 1e6
    if size <= limit_mb:
        return None
    largest = ", ".join(f"{name} {part / 1e6:.1f} MB" for name, part in largest_parts(bundle))
    return (f"the bundle is {size:.1f} MB unpacked, above the limit of {limit_mb:g} MB (README states the "
            f"Linux bundle's: packaging/build.py, LINUX_SIZE_LIMIT_MB); largest: {largest}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch (PyInstaller's cache emptied)")
    parser.add_argument("--max-mb", type=float, default=LINUX_SIZE_LIMIT_MB if sys.platform.startswith("linux") else None,
                        help="fail when the bundle is larger than this many MB unpacked "
                             f"(on Linux {LINUX_SIZE_LIMIT_MB} by default, as README states)")
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    bundle = build(clean=args.clean)
    if args.max_mb is not None:
        problem = check_size(bundle, args.max_mb)
        if problem:
            print(f"build.py: {problem}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
