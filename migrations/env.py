"""Alembic environment: runs on the connection that azrel_desktop.core.store.database hands over."""

from alembic import context

config = context.config
connection = config.attributes.get("connection")
target_metadata = config.attributes.get("target_metadata")
if target_metadata is None:  # the models, for `alembic revision --autogenerate`; the app never asks
    from azrel_desktop.core.corpus.models import Base

    target_metadata = Base.metadata


def _include_name(name, type_, parent_names):
    # The FTS5 index and its shadow tables are created by raw SQL, not by the models.
    return not (type_ == "table" and name and name.startswith("event_fts"))


if connection is None:
    raise RuntimeError("AzRel migrations run through azrel_desktop.core.store.database, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    include_name=_include_name,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
