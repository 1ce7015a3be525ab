"""The application shell: start-up, the main window, its menus and settings, and background work."""
