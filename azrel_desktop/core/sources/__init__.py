"""Bringing the user's own sources in: reading files of each format into normalised text with
metadata (one module per format), the limits that keep hostile files harmless, storing a source
with its original bytes, and replacing a source's text with a new version that re-anchors its
passages. Qt-free."""
