"""The SQL of uploads: where each kind of file is stored, the upload log, and what undo restores.

An upload records itself in `upload` and, for each row it updated, the values it replaced in
`upload_change`; rows it inserted carry its `upload_id`. The bulk writes themselves, which
differ between SQLite and PostgreSQL, are in `dashboard.store.dialect`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    FromClause,
    RowMapping,
    Select,
    Table,
    bindparam,
    select,
)
from sqlalchemy import delete as delete_from
from sqlalchemy import insert as insert_into
from sqlalchemy import update as update_of

from dashboard.store import (
    activity_t,
    activity_update_t,
    assessment_t,
    goal_t,
    indicator_t,
    link_t,
    measurement_t,
    org_t,
    reporting,
    target_t,
    upload_t,
)
from dashboard.store.national import (
    comparison_group_t,
    kolada_kpi_t,
    kolada_municipality_t,
    kolada_org_t,
    kolada_value_t,
    national_setting_t,
)
from dashboard.store.schema import Base, UploadChangeRecord


def _table(clause: FromClause) -> Table:
    """An ORM class's table as the Table it is (SQLAlchemy types `__table__` more loosely)."""
    assert isinstance(clause, Table)
    return clause


change_t = _table(UploadChangeRecord.__table__)
ACTIVE, UNDONE = "active", "undone"
# Tables whose rows uploads write, parents before children.
DATA_TABLES = [t for t in Base.metadata.sorted_tables if "upload_id" in t.c and t is not change_t]
EDITED_IN_APP = tuple(map(_table, (assessment_t, activity_t, activity_update_t)))  # forms too


@dataclass(frozen=True)
class TableMap:
    """Where a layout's rows are stored; `refs` names the table whose code each code field holds."""

    table: Table
    refs: Mapping[str, Table] = field(default_factory=dict)
    extra: Mapping[str, Any] = field(default_factory=dict)  # set on insert, e.g. a path to fill in

    def column(self, field_name: str) -> str:
        """The table column of a layout field: codes of other tables become ids."""
        return field_name.replace("_code", "_id") if field_name in self.refs else field_name


_org, _goal, _indicator, _activity = map(_table, (org_t, goal_t, indicator_t, activity_t))
TABLES = {  # by layout kind
    "org_units": TableMap(_org, {"parent_code": _org}, {"path": ""}),
    "kolada_orgs": TableMap(kolada_org_t, {"org_code": _org}),
    "goals": TableMap(_goal, {"org_code": _org, "parent_code": _goal}),
    "indicators": TableMap(_indicator),
    "goal_indicators": TableMap(_table(link_t), {"goal_code": _goal, "indicator_code": _indicator}),
    "targets": TableMap(_table(target_t), {"indicator_code": _indicator, "org_code": _org}),
    "measurements": TableMap(
        _table(measurement_t), {"indicator_code": _indicator, "org_code": _org}
    ),
    "activities": TableMap(_activity, {"goal_code": _goal, "org_code": _org}),
    "activity_updates": TableMap(_table(activity_update_t), {"activity_code": _activity}),
    "assessments": TableMap(_table(assessment_t), {"goal_code": _goal, "org_code": _org}),
    # National context (issue 19): Kolada ids, never organisation units.
    "kolada": TableMap(kolada_value_t),  # a Kolada file's rows, beside the outcomes they make
    "kolada_kpis": TableMap(kolada_kpi_t),
    "kolada_municipalities": TableMap(kolada_municipality_t),
    "comparison_groups": TableMap(comparison_group_t),
    "national_settings": TableMap(national_setting_t),
}


# ---- reading what is stored -----------------------------------------------------------------


def stored_rows(
    kind: str, fields: Sequence[str], among: Mapping[str, Sequence[Any]] | None = None
) -> Select[Any]:
    """A kind's rows as layout fields (codes, not ids), then primary key, upload and ids; only
    those whose fields hold one of the values `among` gives (a unit's report need not read the
    city's)."""
    table_map = TABLES[kind]
    table = table_map.table
    joined: FromClause = table
    selected: list[Any] = []
    where: list[ColumnElement[bool]] = []
    for name in fields:
        if name in table_map.refs:
            other = table_map.refs[name].alias(name)
            joined = joined.outerjoin(other, other.c.id == table.c[table_map.column(name)])
            column = other.c.code
        else:
            column = table.c[name]
        selected.append(column.label(name))
        if among and name in among:
            where.append(column.in_(list(among[name])))
    selected.append(table.c.upload_id.label("old_upload_id"))
    selected += [table.c[table_map.column(name)].label(f"id_{name}") for name in table_map.refs]
    selected += [
        table.c[name].label(label)
        for name, label in key_labels(kind, fields).items()
        if label.startswith("key_")
    ]
    return select(*selected).select_from(joined).where(*where)


def key_labels(kind: str, fields: Sequence[str]) -> dict[str, str]:
    """Primary key column → its label in `stored_rows`, which selects each column only once."""
    table_map = TABLES[kind]
    columns = {table_map.column(name): name for name in fields}
    return {
        column.name: (
            f"id_{columns[column.name]}"
            if columns.get(column.name) in table_map.refs
            else columns.get(column.name, f"key_{column.name}")
        )
        for column in table_map.table.primary_key.columns
    }


def code_ids(conn: Connection, table: Table) -> dict[str, int]:
    """Code → id of a coded table (org_unit, goal, indicator, activity)."""
    return {code: id_ for code, id_ in conn.execute(select(table.c.code, table.c.id)).tuples()}


def kolada_org_codes(conn: Connection) -> dict[str, str]:
    """Kolada id → organisation code, as stored."""
    query = select(kolada_org_t.c.kolada_id, org_t.c.code).join(
        org_t, org_t.c.id == kolada_org_t.c.org_id
    )
    return {kolada_id: code for kolada_id, code in conn.execute(query).tuples()}


def kolada_kpis(conn: Connection) -> dict[str, str]:
    """Indicator code → its Kolada KPI id, for the indicators that have one."""
    query = select(indicator_t.c.code, indicator_t.c.kolada_kpi).where(
        indicator_t.c.kolada_kpi.is_not(None)
    )
    return {code: kpi for code, kpi in conn.execute(query).tuples()}


def tree(conn: Connection, table: Table) -> dict[str, list[Any]]:
    """Code → [level, parent's code] of every row of a tree (org_unit or goal)."""
    parent = table.alias("parent")
    query = select(table.c.code, table.c.level, parent.c.code).outerjoin(
        parent, parent.c.id == table.c.parent_id
    )
    return {code: [level, parent_code] for code, level, parent_code in conn.execute(query)}


def upload_log(conn: Connection, upload_id: int | None = None) -> Sequence[RowMapping]:
    """Every recorded upload, newest first (or only the one with this id)."""
    query = select(upload_t).order_by(upload_t.c.id.desc())
    if upload_id is not None:
        query = query.where(upload_t.c.id == upload_id)
    return conn.execute(query).mappings().all()


# ---- recording an upload --------------------------------------------------------------------


def record_upload(conn: Connection, **values: Any) -> int:
    """Add an active upload to the log, now; returns its id."""
    query = insert_into(_table(upload_t)).values(
        created_at=dt.datetime.now(dt.UTC), status=ACTIVE, **values
    )
    inserted = conn.execute(query).inserted_primary_key
    assert inserted is not None
    upload_id: int = inserted[0]
    return upload_id


def as_json(values: Mapping[str, Any]) -> str:
    """A row's key or old values as `upload_change` keeps them."""
    return json.dumps(values, default=_json_value)


def _json_value(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot store {value!r} as JSON")


def refresh_paths(conn: Connection) -> None:
    """Recompute every organisation's materialised path ("/1/4/17/") after the tree changed."""
    rows = conn.execute(select(org_t.c.id, org_t.c.parent_id, org_t.c.path)).all()
    parent_of = {row.id: row.parent_id for row in rows}
    paths: dict[int, str] = {}

    def path(org_id: int) -> str:
        if org_id not in paths:
            parent = parent_of[org_id]
            paths[org_id] = (path(parent) if parent else "/") + f"{org_id}/"
        return paths[org_id]

    changed = [{"key_id": row.id, "path": path(row.id)} for row in rows if path(row.id) != row.path]
    if changed:
        conn.execute(update_of(_org).where(org_t.c.id == bindparam("key_id")), changed)


# ---- whose rows an upload holds ------------------------------------------------------------

STRUCTURE_TABLES = (  # administrators'
    *map(_table, (org_t, indicator_t, link_t, kolada_org_t)),
    kolada_kpi_t,
    kolada_municipality_t,
    comparison_group_t,
    national_setting_t,
)
ORG_TABLES = tuple(map(_table, (goal_t, target_t, measurement_t, activity_t, assessment_t)))


def org_paths(conn: Connection) -> dict[str, str]:
    """Organisation code → its path ("/1/4/17/")."""
    query = select(org_t.c.code, org_t.c.path)
    return {code: path for code, path in conn.execute(query).tuples()}


def owners(conn: Connection, table: Table) -> dict[str, str]:
    """Code → organisation code of every stored goal or activity."""
    query = select(table.c.code, org_t.c.code).join(org_t, org_t.c.id == table.c.org_id)
    return {code: org_code for code, org_code in conn.execute(query).tuples()}


def holds_structure(conn: Connection, upload_id: int) -> bool:
    """Whether the upload wrote any of the shared structure (organisations, indicators...)."""
    return any(
        conn.execute(select(t.c.upload_id).where(t.c.upload_id == upload_id).limit(1)).first()
        for t in STRUCTURE_TABLES
    )


def paths_written(conn: Connection, upload_id: int) -> set[str]:
    """The paths of the organisations whose rows the upload holds."""
    paths = {
        path
        for table in ORG_TABLES
        for path in conn.execute(
            select(org_t.c.path)
            .distinct()
            .join(table, table.c.org_id == org_t.c.id)
            .where(table.c.upload_id == upload_id)
        ).scalars()
    }
    paths.update(
        conn.execute(
            select(org_t.c.path)
            .distinct()
            .join(activity_t, activity_t.c.org_id == org_t.c.id)
            .join(activity_update_t, activity_update_t.c.activity_id == activity_t.c.id)
            .where(activity_update_t.c.upload_id == upload_id)
        ).scalars()
    )
    return paths


# ---- undoing an upload ----------------------------------------------------------------------


def later_uploads(conn: Connection, upload_id: int) -> list[int]:
    """Active uploads that changed rows this upload had written."""
    query = (
        select(upload_t.c.id)
        .distinct()
        .join(change_t, change_t.c.upload_id == upload_t.c.id)
        .where(change_t.c.previous_upload_id == upload_id, upload_t.c.status == ACTIVE)
        .order_by(upload_t.c.id)
    )
    return list(conn.execute(query).scalars())


def edited_in_app(conn: Connection, upload_id: int) -> int:
    """How many assessments and activities the upload updated have since been saved from a web form.

    A form save clears the row's upload_id (dashboard/followup/assessments.py,
    activity_followups.py), so such a row no longer carries this upload's id.
    """
    edited = 0
    for table in EDITED_IN_APP:
        keys = conn.execute(
            select(change_t.c.row_key).where(
                change_t.c.upload_id == upload_id, change_t.c.table_name == table.name
            )
        ).scalars()
        for row_key in keys:
            key = json.loads(row_key)
            current = conn.execute(
                select(table.c.upload_id).where(
                    *(table.c[name] == value for name, value in key.items())
                )
            ).scalar()
            edited += current != upload_id
    return edited


def restore(conn: Connection, upload_id: int) -> int:
    """Put back the values the upload replaced, upload_id included; returns the row count.

    Called first when undoing: a marked report whose values the undo changes reopens."""
    reporting.changed_by_upload(conn, upload_id)
    rows = conn.execute(
        select(change_t.c.table_name, change_t.c.row_key, change_t.c.old_values)
        .where(change_t.c.upload_id == upload_id)
        .order_by(change_t.c.id)
    ).all()
    by_table: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for table_name, row_key, old_values in rows:
        table = Base.metadata.tables[table_name]
        values = {
            name: _from_json(table, name, value) for name, value in json.loads(old_values).items()
        }
        keys = {
            f"key_{name}": _from_json(table, name, value)
            for name, value in json.loads(row_key).items()
        }
        by_table[table_name].append(values | keys)
    for table_name, params in by_table.items():
        table = Base.metadata.tables[table_name]
        names = [column.name for column in table.primary_key.columns]
        by_key = update_of(table).where(
            *(table.c[name] == bindparam(f"key_{name}") for name in names)
        )
        conn.execute(by_key, params)
    return len(rows)


def delete_added(conn: Connection, upload_id: int) -> int:
    """Remove the rows the upload inserted, children first; returns the row count."""
    return sum(
        conn.execute(delete_from(table).where(table.c.upload_id == upload_id)).rowcount
        for table in reversed(DATA_TABLES)
    )


def mark_undone(conn: Connection, upload_id: int, user_name: str) -> None:
    """Record in the log who undid the upload, and when."""
    conn.execute(
        update_of(_table(upload_t))
        .where(upload_t.c.id == upload_id)
        .values(status=UNDONE, undone_at=dt.datetime.now(dt.UTC), undone_by=user_name)
    )


def _from_json(table: Table, name: str, value: Any) -> Any:
    if value is not None and isinstance(table.c[name].type, Date):
        return dt.date.fromisoformat(value)
    return value
