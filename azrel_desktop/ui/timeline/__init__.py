"""The timeline page: filter panel, chips, chart, event table and detail pane."""
