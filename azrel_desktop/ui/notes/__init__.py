"""The user's notes: the annotations page, the note panel and undoable note changes."""
