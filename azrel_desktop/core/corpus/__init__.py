"""The data model and the shipped corpus: models, seeding, partial dates and passage anchoring."""
