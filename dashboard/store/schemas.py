"""The whole schema: every `schema_*` module imported, so all their tables are on `METADATA`.

Migrations compare against it and `drop_everything` drops it; a new `schema_<concern>.py` is
added here once, not in each of them.
"""

from dashboard.store import (  # noqa: F401 (imported for their tables on Base)
    schema_access,
    schema_followup,
    schema_measures,
    schema_reference,
    schema_reporting,
    schema_results,
    schema_summaries,
    schema_tokens,
)
from dashboard.store.schema import Base

METADATA = Base.metadata
