"""Alembic environment: runs on the engine the caller hands over (see dashboard.store.database)."""

from alembic import context

from dashboard.store.schemas import METADATA

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=METADATA,
        render_as_batch=True,  # SQLite can only alter tables by copying them
    )
    context.run_migrations()
