"""The user's own research: notes and tags on records, passages and spans."""
