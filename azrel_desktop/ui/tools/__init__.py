"""Tools run as their own processes: the benchmark window and the README screenshots."""
