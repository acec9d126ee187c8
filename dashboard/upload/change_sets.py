"""The upload's operations: preview it, commit it all or nothing, undo it.

`preview` plans the files against the database (`plan`) without writing. `commit` plans them
again inside one transaction and, when nothing is wrong, writes each file (`writing`) and
records it as an upload together with the values it replaced, which is what `undo` restores
(`undoing`). The rest of the package, one concern a module: `csv_import` reads a file
(`csv_text`, `kolada_json`, `measured_values`, `row_checks`), `checks` and `kolada` need the
database, `problems` are codes, `upload_log` lists what was loaded; the SQL is in
`dashboard.store.upload_rows` and `dashboard.store.dialect`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError

from dashboard.store import (
    Store,
    add_reported_periods,
    refresh_reported_periods,
)
from dashboard.store.upload_rows import UNDONE
from dashboard.upload.csv_formats import kind_label
from dashboard.upload.known_codes import KnownCodes as _Context
from dashboard.upload.parsed_file import UploadFile
from dashboard.upload.plan import Preview, Scope
from dashboard.upload.plan import in_write_order as _in_write_order
from dashboard.upload.plan import plan_upload as _plan
from dashboard.upload.problems import UploadRejected
from dashboard.upload.undoing import UndoRefused, UndoResult
from dashboard.upload.undoing import undo_upload as _undo
from dashboard.upload.upload_log import find_upload, list_uploads, records_in, stored_records
from dashboard.upload.writing import SavedFile
from dashboard.upload.writing import apply_plan as _apply
from dashboard.upload.writing import inserted_periods as _inserted_periods
from dashboard.upload.writing import judged_scope as _judged_scope

__all__ = [  # what callers outside the package use, beside the operations defined here
    "UNDONE",
    "UndoRefused",
    "UploadFile",
    "UploadRejected",
    "find_upload",
    "kind_label",
    "list_uploads",
    "records_in",
    "stored_records",
]


def preview(store: Store, uploads: Sequence[UploadFile], scope: Scope | None = None) -> Preview:
    """Read the files and compare them with the database, writing nothing."""
    with _without_gc(), store.engine.connect() as conn:
        plans, problems = _plan(conn, uploads, scope)
    return Preview([plan.preview() for plan in plans], problems)


def commit(
    store: Store, uploads: Sequence[UploadFile], *, user_name: str, scope: Scope | None = None
) -> list[SavedFile]:
    """Write all files in one transaction, one upload record per file; UploadRejected if wrong.

    `scope` refuses rows the uploader may not write (dashboard.upload.upload_scope); None:
    everything."""
    # Under the write lock, so a concurrent upload is planned against what this one saves.
    with _without_gc(), store.writing(user_name) as w:
        conn = w.conn
        plans, problems = _plan(conn, uploads, scope)
        if problems:
            raise UploadRejected(problems)
        if any(plan.inserts or plan.updates for plan in plans):  # comparison values judge nothing
            judged = _judged_scope(plans)  # the years and organisations the outcomes are of
            if judged is None:
                w.results_ended()
            else:
                w.results_ended(years=judged[0], org_codes=judged[1])
        else:
            w.results_untouched()
        context = _Context(conn, [])  # ids as the writes create them
        saved = [_apply(conn, plan, context, user_name) for plan in _in_write_order(plans)]
        add_reported_periods(conn, (period for plan in plans for period in _inserted_periods(plan)))
        w.audited()  # each file's upload record
        return saved


def undo(store: Store, upload_id: int, *, user_name: str) -> UndoResult:
    """Restore what an upload replaced and remove the rows it added; UndoRefused if impossible."""
    try:
        with store.writing(user_name) as w:
            w.results_ended()
            result = _undo(w.conn, upload_id, user_name)
            refresh_reported_periods(w.conn)
            w.audited()  # the upload record's undone_at and undone_by
            return result
    except IntegrityError as error:
        raise UndoRefused(
            f"Uppladdning {upload_id} kan inte ångras: senare uppladdningar använder rader som den "
            "lade till (t.ex. värden för en ny enhet eller indikator). Ångra dem först."
        ) from error


@contextmanager
def _without_gc() -> Iterator[None]:
    """Pause the cycle collector while an upload runs.

    A million rows are millions of new lists and tuples, none in a cycle; collecting them
    over and over took a fifth of an import's time (docs/benchmarks.md).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
