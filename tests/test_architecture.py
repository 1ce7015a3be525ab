"""The layer rule, checked: the core never imports Qt or the UI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml")) == 0


def test_core_and_cli_run_without_qt_loaded():
    code = (
        "import sys\n"
        "import azrel_desktop.core.cli, azrel_desktop.core.service, azrel_desktop.core.output.export\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'azrel_desktop.ui'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
