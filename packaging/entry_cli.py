"""The bundle's `azrel` command (PyInstaller's entry script)."""

from azrel_desktop.core.cli import main

raise SystemExit(main())
