"""The bundle's `azrel-desktop` program (PyInstaller's entry script).

On Linux the bundle's `azrel` is a symbolic link to this program (one copy of the Python
archive instead of two): started under that name, it is the command-line tool.
"""

import sys
from pathlib import Path

if Path(sys.argv[0]).name == "azrel":
    from azrel_desktop.core.cli import main
else:
    from azrel_desktop.ui.shell.launch import main

raise SystemExit(main())
