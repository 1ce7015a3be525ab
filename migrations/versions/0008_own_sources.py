"""the user's own sources: the original file's bytes, earlier versions, unplaced passages, and
the full-text index of every source

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03

`sources` gains what an import knows (file name, media type, encoding, the file's SHA-256,
when it was imported, where each PDF page starts). The bytes themselves go to `source_files`
so a list of sources never reads them. Replacing a source's text keeps the old text in
`source_versions`; a passage that could not be placed in the new text is listed in
`passage_orphans` and keeps its offsets into that version. `source_fts` indexes every source's
title and text, kept in step by triggers (the dotless "ı" folded to "i" as in event_fts).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

FOLD = "replace({}, 'ı', 'i')"
INSERT = (f"INSERT INTO source_fts(rowid, source_id, title, body) VALUES "
          f"(new.rowid, new.id, {FOLD.format('new.title')}, {FOLD.format('new.text')});")
TRIGGERS = {
    "source_fts_insert": f"AFTER INSERT ON sources FOR EACH ROW BEGIN {INSERT} END",
    "source_fts_update": ("AFTER UPDATE OF id, title, text ON sources FOR EACH ROW BEGIN "
                          f"DELETE FROM source_fts WHERE rowid = old.rowid; {INSERT} END"),
    "source_fts_delete": "AFTER DELETE ON sources FOR EACH ROW BEGIN DELETE FROM source_fts WHERE rowid = old.rowid; END",
}


# `sources` is altered in place (ALTER TABLE ADD/DROP COLUMN, SQLite 3.35+), never recreated:
# a copy would lose the triggers 0005 and this revision put on it, and its drop would be
# refused while passages point at it.
IN_PLACE = {"recreate": "never"}


def upgrade() -> None:
    with op.batch_alter_table("sources", schema=None, **IN_PLACE) as batch_op:
        batch_op.add_column(sa.Column("file_name", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("media_type", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("encoding", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("file_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("imported_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("page_starts", sa.JSON(), nullable=True))
        batch_op.create_index(batch_op.f("ix_sources_file_sha256"), ["file_sha256"], unique=False)
    op.create_table(
        "source_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_source_files_source_id_sources"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_files")),
    )
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_files_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_source_files_sha256"), ["sha256"], unique=False)
    op.create_table(
        "source_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("page_starts", sa.JSON(), nullable=True),
        sa.Column("file_id", sa.Integer(), nullable=True),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["file_id"], ["source_files.id"], name=op.f("fk_source_versions_file_id_source_files")),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name=op.f("fk_source_versions_source_id_sources"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_versions")),
    )
    with op.batch_alter_table("source_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_source_versions_source_id"), ["source_id"], unique=False)
    op.create_table(
        "passage_orphans",
        sa.Column("passage_id", sa.String(length=64), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["passage_id"], ["passages.id"], name=op.f("fk_passage_orphans_passage_id_passages"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["version_id"], ["source_versions.id"],
                                name=op.f("fk_passage_orphans_version_id_source_versions")),
        sa.PrimaryKeyConstraint("passage_id", name=op.f("pk_passage_orphans")),
    )
    op.execute("CREATE VIRTUAL TABLE source_fts USING fts5("
               "source_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')")
    op.execute(f"INSERT INTO source_fts(rowid, source_id, title, body) "
               f"SELECT rowid, id, {FOLD.format('title')}, {FOLD.format('text')} FROM sources")
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS source_fts")
    op.drop_table("passage_orphans")
    with op.batch_alter_table("source_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_versions_source_id"))
    op.drop_table("source_versions")
    with op.batch_alter_table("source_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_source_files_sha256"))
        batch_op.drop_index(batch_op.f("ix_source_files_source_id"))
    op.drop_table("source_files")
    with op.batch_alter_table("sources", schema=None, **IN_PLACE) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_file_sha256"))
        batch_op.drop_column("page_starts")
        batch_op.drop_column("imported_at")
        batch_op.drop_column("file_sha256")
        batch_op.drop_column("encoding")
        batch_op.drop_column("media_type")
        batch_op.drop_column("file_name")
