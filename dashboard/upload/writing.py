"""A planned file written: an upload record, its new rows, its changed rows and their old values.

Codes become ids as the table stores them; the rows go to the database column by column
(`dashboard.store.dialect`), and each updated row's replaced values are kept for undo.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection

from dashboard.store import measurement_t, org_t, reporting, upload_rows
from dashboard.store.dialect import MissingReferences, insert_columns, update_columns
from dashboard.store.upload_rows import as_json, change_t
from dashboard.upload.checks import UNKNOWN
from dashboard.upload.known_codes import KnownCodes
from dashboard.upload.plan import FilePlan
from dashboard.upload.problems import ImportIssue, ImportProblem, Phrase, UploadRejected

CHANGE_COLUMNS = ["upload_id", "table_name", "row_key", "old_values", "previous_upload_id"]


@dataclass(frozen=True)
class SavedFile:
    """One committed file; `upload_id` is None when it changed nothing and so was not recorded."""

    file_name: str
    kind: str | None
    table: str
    upload_id: int | None
    inserted: int
    updated: int
    unchanged: int
    reference_rows: int = 0  # a Kolada file's comparison values inserted or changed


def apply_plan(conn: Connection, plan: FilePlan, codes: KnownCodes, user_name: str) -> SavedFile:
    """Write one file's plan and record it as an upload; UploadRejected if a reference is gone."""
    table = plan.table_map.table
    parts = [part for part in (plan, plan.reference) if part is not None]
    saved = SavedFile(
        plan.parsed.name,
        plan.kind,
        table.name,
        None,
        len(plan.inserts),
        len(plan.updates),
        plan.unchanged,
        len(plan.reference.inserts) + len(plan.reference.updates) if plan.reference else 0,
    )
    if not plan.changes:
        return saved  # nothing changes, so nothing is recorded
    upload_id = upload_rows.record_upload(
        conn,
        user_name=user_name,
        file_name=plan.parsed.name,
        kind=plan.kind,
        checksum=plan.parsed.checksum,
        rows_inserted=sum(len(part.inserts) for part in parts),
        rows_updated=sum(len(part.updates) for part in parts),
        rows_unchanged=sum(part.unchanged for part in parts),
    )
    try:
        for part in parts:  # one upload: undo removes the comparison values with the outcomes
            _insert_rows(conn, part, codes, upload_id)
            _update_rows(conn, part, codes, upload_id)
    except MissingReferences as missing:  # a row deleted since the plan: nothing is saved
        raise UploadRejected(missing_problems(missing)) from missing
    reporting.changed_by_upload(conn, upload_id)  # reopens a marked report whose values change
    if table is org_t:
        upload_rows.refresh_paths(conn)
    if "code" in table.c:
        codes.refresh(table)
    return replace(saved, upload_id=upload_id)


def judged_scope(plans: Sequence[FilePlan]) -> tuple[set[int], set[str]] | None:
    """The years and organisations (codes) whose kept goal results the plans' changes can
    alter: those of the outcome rows they write (a goal of a year is judged from that year's
    outcomes at its organisation and below only, docs/rules.md §3a: the organisations above
    them end too, `result_store.invalidate`), or None when any change reaches every year and
    organisation (targets, indicators, goals, organisations). Comparison values judge
    nothing."""
    years: set[int] = set()
    orgs: set[str] = set()
    for plan in plans:
        if not (plan.inserts or plan.updates):
            continue
        if plan.table_map.table is not measurement_t:
            return None
        written = [*plan.inserts, *(i for i, _ in plan.updates)]
        years.update(plan.parsed.columns["year"][i] for i in written)
        orgs.update(plan.parsed.columns["org_code"][i] for i in written)
    return years, orgs


def inserted_periods(plan: FilePlan) -> Iterator[tuple[int, str]]:
    """The (year, period) of each measurement row the file inserts."""
    if plan.table_map.table is measurement_t and plan.inserts:
        years, periods = plan.parsed.columns["year"], plan.parsed.columns["period"]
        yield from {(years[i], periods[i]) for i in plan.inserts}


def missing_problems(missing: MissingReferences) -> list[ImportProblem]:
    """Ids a large insert found missing (a row deleted since the plan), as problems."""
    return [
        ImportProblem(
            m.table,
            None,
            m.column,
            ", ".join(map(str, m.ids)),
            ImportIssue.UNKNOWN_CODE,
            {"what": UNKNOWN.get(m.parent_table, Phrase.MISSING_ID), "table": m.parent_table},
        )
        for m in missing.missing
    ]


def _insert_rows(conn: Connection, plan: FilePlan, codes: KnownCodes, upload_id: int) -> None:
    table = plan.table_map.table
    groups: list[Sequence[int]] = [plan.inserts]
    if "parent_id" in table.c:  # parents first: a level at a time, ids known before children
        levels = plan.parsed.columns["level"]
        groups = [
            [i for i in plan.inserts if levels[i] == level]
            for level in sorted({levels[i] for i in plan.inserts})
        ]
    fields = [
        column.field
        for column in plan.layout.columns
        if column.field in plan.parsed.columns or column.default is not None
    ]
    extra = {"upload_id": upload_id, **plan.table_map.extra}
    for group in groups:
        insert_columns(conn, table, *_table_columns(plan, group, fields, codes, extra))
        codes.refresh(table)


def _update_rows(conn: Connection, plan: FilePlan, codes: KnownCodes, upload_id: int) -> None:
    if not plan.updates:
        return
    table, table_map = plan.table_map.table, plan.table_map
    fields = plan.value_fields()
    names, columns = _table_columns(
        plan, [index for index, _ in plan.updates], fields, codes, {"upload_id": upload_id}
    )
    stored = [old._mapping for _, old in plan.updates]
    keys = upload_rows.key_labels(plan.layout.kind, plan.layout.fields)
    key_columns = [[row[label] for row in stored] for label in keys.values()]
    update_columns(conn, table, names, list(keys), [*columns, *key_columns])
    old_columns = [table_map.column(name) for name in fields] + ["upload_id"]
    old_labels = [f"id_{name}" if name in table_map.refs else name for name in fields]
    old_labels.append("old_upload_id")
    changes = [
        (
            upload_id,
            table.name,
            as_json(dict(zip(keys, key))),
            as_json(dict(zip(old_columns, (row[label] for label in old_labels)))),
            row["old_upload_id"],
        )
        for row, key in zip(stored, zip(*key_columns))
    ]
    insert_columns(conn, change_t, CHANGE_COLUMNS, list(zip(*changes)))


def _table_columns(
    plan: FilePlan,
    indexes: Sequence[int],
    fields: list[str],
    codes: KnownCodes,
    extra: Mapping[str, Any],
) -> tuple[list[str], list[Sequence[Any]]]:
    """The rows' columns as the table stores them: codes become ids, absent fields defaults."""
    table_map, columns = plan.table_map, plan.parsed.columns
    whole = len(indexes) == len(plan.parsed.rows)
    names: list[str] = []
    values: list[Sequence[Any]] = []
    for name in fields:
        cells: Sequence[Any]
        if name not in columns:
            cells = [plan.layout.column(name).default] * len(indexes)
        else:
            cells = columns[name] if whole else [columns[name][i] for i in indexes]
            if name in table_map.refs:
                ids = codes.ids(table_map.refs[name])
                cells = [None if code is None else ids[code] for code in cells]
        names.append(table_map.column(name))
        values.append(cells)
    names += list(extra)
    values += [[value] * len(indexes) for value in extra.values()]
    return names, values
