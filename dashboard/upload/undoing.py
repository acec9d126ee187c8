"""Undoing an upload: refused while later uploads or web forms built on it, else restored.

Called inside `change_sets.undo`'s transaction, which holds the write lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

from dashboard.store import upload_rows
from dashboard.store.upload_rows import UNDONE


@dataclass(frozen=True)
class UndoResult:
    upload_id: int
    file_name: str
    restored: int  # rows given back the values the upload replaced
    deleted: int  # rows the upload had added


class UndoRefused(Exception):
    """The upload cannot be undone; the message says why, in Swedish."""


def undo_upload(conn: Connection, upload_id: int, user_name: str) -> UndoResult:
    """Restore what the upload replaced and delete what it added; UndoRefused if it may not."""
    found = upload_rows.upload_log(conn, upload_id)
    if not found:
        raise UndoRefused(f"Uppladdning {upload_id} finns inte.")
    file_name = found[0]["file_name"]
    name = f"Uppladdning {upload_id} ({file_name})"
    if found[0]["status"] == UNDONE:
        raise UndoRefused(f"{name} är redan ångrad.")
    later = upload_rows.later_uploads(conn, upload_id)
    if later:
        numbers = ", ".join(map(str, later))
        raise UndoRefused(
            f"{name} kan inte ångras: senare uppladdning {numbers} har ändrat samma "
            "rader. Ångra den eller dem först."
        )
    edited = upload_rows.edited_in_app(conn, upload_id)
    if edited:
        raise UndoRefused(
            f"{name} kan inte ångras: {edited} av de målbedömningar eller aktiviteter den "
            "ändrade har sedan dess sparats i Kontrollrummet, och en ångring skulle skriva "
            "över dem."
        )
    restored = upload_rows.restore(conn, upload_id)
    deleted = upload_rows.delete_added(conn, upload_id)
    upload_rows.refresh_paths(conn)
    upload_rows.mark_undone(conn, upload_id, user_name)
    return UndoResult(upload_id, file_name, restored, deleted)
