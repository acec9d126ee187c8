"""Alembic environment: runs on the engine the caller hands over (see dashboard.store.database)."""

from alembic import context

from dashboard.store import (  # noqa: F401 (register their tables on Base)
    schema_access,
    schema_followup,
    schema_measures,
    schema_reference,
    schema_reporting,
    schema_results,
    schema_tokens,
)
from dashboard.store.schema import Base

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only alter tables by copying them
    )
    context.run_migrations()
