"""The upload log, and a table's rows as records of its layout (for exports and backups)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from dashboard.store import Store, upload_rows
from dashboard.upload.csv_formats import BY_KIND, kind_label


@dataclass(frozen=True)
class Upload:
    """An entry of the upload log."""

    id: int
    created_at: dt.datetime
    user_name: str
    file_name: str
    kind: str
    kind_label: str
    checksum: str
    rows_inserted: int
    rows_updated: int
    rows_unchanged: int
    status: str  # "active" or "undone"
    undone_at: dt.datetime | None
    undone_by: str | None


def list_uploads(store: Store, upload_id: int | None = None) -> list[Upload]:
    """Every recorded upload, newest first (or only the one with this id)."""
    with store.engine.connect() as conn:
        rows = upload_rows.upload_log(conn, upload_id)
    return [
        Upload(
            **{name: row[name] for name in Upload.__dataclass_fields__ if name != "kind_label"},
            kind_label=kind_label(row["kind"]),
        )
        for row in rows
    ]


def find_upload(store: Store, upload_id: int) -> Upload | None:
    """One upload by id, or None."""
    found = list_uploads(store, upload_id)
    return found[0] if found else None


def stored_records(store: Store, kind: str) -> list[tuple[Any, ...]]:
    """A table's rows as records of a layout (codes, not ids), sorted by business key."""
    with store.engine.connect() as conn:
        return records_in(conn, kind)


def records_in(conn: Connection, kind: str) -> list[tuple[Any, ...]]:
    """`stored_records` on a given connection, e.g. one snapshot for every table of a dump."""
    layout = BY_KIND[kind]
    rows = conn.execute(upload_rows.stored_rows(kind, layout.fields)).all()
    fields = len(layout.fields)
    key_at = itemgetter(*(layout.fields.index(name) for name in layout.key))
    return sorted((tuple(row[:fields]) for row in rows), key=key_at)
