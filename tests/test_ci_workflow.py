"""The CI that runs beyond this machine: the GitHub Actions workflow covers Windows, macOS and
Linux for the oldest and newest Python, and Windows runs its own script with the same steps.
(actionlint checks the workflow's syntax in .ci/run; these check what it promises.)"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def _job():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]["test"]


def test_every_system_and_both_ends_of_the_python_range():
    matrix = _job()["strategy"]["matrix"]
    assert {os_.split("-")[0] for os_ in matrix["os"]} == {"ubuntu", "windows", "macos"}
    versions = [tuple(map(int, v.split("."))) for v in matrix["python"]]
    assert (3, 11) in versions and max(versions) >= (3, 14)
    assert _job()["strategy"]["fail-fast"] is False  # one system's failure hides no other's


def test_windows_runs_the_powershell_script_and_the_others_ci_run():
    runs = {step.get("if", ""): step["run"] for step in _job()["steps"] if "run" in step}
    assert runs["runner.os == 'Windows'"] == "./.ci/run.ps1"
    assert runs["runner.os != 'Windows'"] == "bash .ci/run"


def test_both_scripts_run_the_same_steps():
    bash = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    pwsh = (ROOT / ".ci" / "run.ps1").read_text(encoding="utf-8")
    for step in ("-m pytest", "ruff", "check .", "wheel -q --no-deps", " init", " check",
                 "export events --org NATO --from 1997 --to 1999"):
        assert step in bash and step in pwsh, step


def test_the_readme_names_both_scripts_and_the_systems():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ".ci/run.ps1" in readme and ".github/workflows/ci.yml" in readme
    assert all(name in readme for name in ("Windows", "macOS", "Linux"))
