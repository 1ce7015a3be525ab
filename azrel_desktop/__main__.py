"""`python -m azrel_desktop` starts the desktop app."""

import sys

from azrel_desktop.ui.shell.launch import main

sys.exit(main())
