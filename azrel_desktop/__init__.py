"""AzRel Desktop: a research browser for the foreign relations of Azerbaijan."""

__version__ = "0.1.0"
