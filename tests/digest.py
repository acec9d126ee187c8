"""A fingerprint of a whole database, to show that a refused upload changed nothing."""

import hashlib

from sqlalchemy import select

from dashboard.schema import Base
from dashboard.store import Store


def database_digest(store: Store, leave_out: tuple[str, ...] = ()) -> str:
    """SHA-256 over every row of every table (but `leave_out`), in primary-key order."""
    digest = hashlib.sha256()
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in leave_out:
                continue
            digest.update(table.name.encode())
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()
