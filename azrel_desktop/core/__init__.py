"""The Qt-free core: models, database, dates, filters, seeding, export and annotations."""
