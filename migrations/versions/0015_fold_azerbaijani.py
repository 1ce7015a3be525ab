"""the sources' full-text index folds the Azerbaijani schwa "ə" (and "Ə") to "e", as it folds the
dotless "ı" to "i"

Revision ID: 0015
Revises: 0012
Create Date: 2026-12-03

FTS5's `unicode61 remove_diacritics 2` strips the marks of "ş ç ğ ö ü" but keeps "ı" and "ə",
letters of their own, so "Seher" never found "Şəhər". Migration 0008's triggers folded "ı"
only; these fold "ə" and "Ə" too (one code point for one: offsets are unchanged) and the index
is filled again. The events' index (`event_fts`) is derived data with a format version and is
rebuilt by the app when it opens the file.

This script describes its own SQL; it never imports the application's models.
"""

from alembic import op

revision = "0015"
down_revision = "0013"
branch_labels = None
depends_on = None


def _fold(column: str, letters: tuple[tuple[str, str], ...]) -> str:
    for letter, plain in letters:
        column = f"replace({column}, '{letter}', '{plain}')"
    return column


NEW = (("ı", "i"), ("ə", "e"), ("Ə", "e"))
OLD = (("ı", "i"),)


def _triggers(letters: tuple[tuple[str, str], ...]) -> dict[str, str]:
    insert = (f"INSERT INTO source_fts(rowid, source_id, title, body) VALUES "
              f"(new.rowid, new.id, {_fold('new.title', letters)}, {_fold('new.text', letters)});")
    return {
        "source_fts_insert": f"AFTER INSERT ON sources FOR EACH ROW BEGIN {insert} END",
        "source_fts_update": ("AFTER UPDATE OF id, title, text ON sources FOR EACH ROW BEGIN "
                              f"DELETE FROM source_fts WHERE rowid = old.rowid; {insert} END"),
    }


def _apply(letters: tuple[tuple[str, str], ...]) -> None:
    for name, body in _triggers(letters).items():
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(f"CREATE TRIGGER {name} {body}")
    op.execute("DELETE FROM source_fts")
    op.execute(f"INSERT INTO source_fts(rowid, source_id, title, body) "
               f"SELECT rowid, id, {_fold('title', letters)}, {_fold('text', letters)} FROM sources")


def upgrade() -> None:
    _apply(NEW)


def downgrade() -> None:
    _apply(OLD)
