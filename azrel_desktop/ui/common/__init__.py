"""Small shared pieces: plain-text widgets, offset conversion and the read-only row model."""
