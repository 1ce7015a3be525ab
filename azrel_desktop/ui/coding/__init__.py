"""Recording what the sources say: dialogs that make events, agreement steps and membership
statuses from a selected passage, cite a passage for any record, edit and delete the user's own
records, each change undoable."""
