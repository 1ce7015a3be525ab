"""What leaves the app: CSV export, its cells and its stored rows."""
