"""A fingerprint of a whole database, to show that a refused upload changed nothing."""

import hashlib

from sqlalchemy import select

from dashboard.store import Store
from dashboard.store.schemas import METADATA


def database_digest(store: Store, leave_out: tuple[str, ...] = ()) -> str:
    """SHA-256 over every row of every table (but `leave_out` and derived ones), in primary-key
    order."""
    digest = hashlib.sha256()
    with store.engine.connect() as conn:
        for table in METADATA.sorted_tables:
            if table.name in leave_out or table.info.get("derived"):
                continue
            digest.update(table.name.encode())
            for row in conn.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


# Not in the import formats, so not in a dump: who changed what when (the upload log and the
# audit trails), the accounts with what signing in needs (README "Drift"), and the reporting
# round's deadlines and report states (docs/deployment.md, "Backup and restore").
HISTORY = (
    "upload",
    "upload_change",
    "assessment_audit",
    "audit_event",
    "user_account",
    "user_scope",
    "login_attempt",
    "app_secret",
    "api_token",  # with the accounts it belongs to (docs/api.md)
    "reporting_deadline",
    "report_state",
    # Written in the app at the meeting and in no import format yet, so not in a dump either
    # (docs/deployment.md, "Backup and restore"; docs/meeting.md).
    "measure",
    "expected_result",
)
DERIVED = ("id", "path", "upload_id")  # given by the database that stores the rows


def content_digest(store: Store) -> str:
    """SHA-256 over the data as people know it: references as codes, ids and history left out.

    Two databases have the same digest when one was restored from the other's dump, on
    either backend, whatever ids each handed out.
    """
    digest = hashlib.sha256()
    with store.engine.connect() as conn:
        for table in METADATA.sorted_tables:
            if table.name in HISTORY or table.info.get("derived"):
                continue
            columns = [_as_code(column) for column in table.c if column.name not in DERIVED]
            digest.update(table.name.encode())
            for row in sorted(repr(tuple(row)) for row in conn.execute(select(*columns))):
                digest.update(row.encode())
    return digest.hexdigest()


def _as_code(column):
    """A foreign key column as the referenced row's code; any other column as it is."""
    if not column.foreign_keys:
        return column
    [key] = column.foreign_keys
    other = key.column.table.alias()
    return select(other.c.code).where(other.c.id == column).scalar_subquery().label(column.name)
