"""The SQL of assessments saved from the form, and of their saves (the assessment audit trail).

dashboard/followup/assessments.py decides what may be saved; this reads and writes the rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    Table,
    bindparam,
    func,
    insert,
    select,
    update,
)

from dashboard.domain.model import Assessment, Status
from dashboard.store import reporting
from dashboard.store.dialect import one_of
from dashboard.store.schema_followup import AssessmentAuditRecord
from dashboard.store.tables import assessment_t, table_of

audit_t = table_of(AssessmentAuditRecord)
Key = Mapping[str, Any]  # goal_id, org_id, year and period


def put(conn: Connection, key: Key, values: Mapping[str, Any]) -> Assessment | None:
    """Insert or overwrite an assessment as saved from the form (no upload wrote it); the one
    it replaced, if any."""
    before = _stored(conn, key)
    reporting.changed(conn, [(key["org_id"], key["year"], key["period"])])
    if before is None:
        conn.execute(insert(assessment_t).values(**key, **values, upload_id=None))
    else:
        stmt = update(assessment_t).where(*_where(assessment_t, key))
        conn.execute(stmt.values(**values, upload_id=None))
    return before


def add_save(conn: Connection, entry: Mapping[str, Any]) -> int:
    """Record a save in the assessment audit trail; its id."""
    key = conn.execute(insert(audit_t).values(**entry)).inserted_primary_key
    assert key is not None
    saved: int = key[0]
    return saved


def saves(engine: Engine, key: Key) -> list[dict[str, Any]]:
    """Every save of one assessment, newest first: rows of the audit trail."""
    stmt = select(audit_t).where(*_where(audit_t, key)).order_by(audit_t.c.id.desc())
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(stmt).mappings()]


def latest_saves(
    engine: Engine, org_ids: Sequence[int], year: int, period: str
) -> list[dict[str, Any]]:
    """The newest save per goal and organisation of the organisations' assessments in a period."""
    values = {"org_ids": list(org_ids), "year": year, "period": period}
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(_latest_saves(), values).mappings()]


@cache
def _latest_saves() -> Select[Any]:
    """`latest_saves`, built once (issue 20): :org_ids, :year, :period."""
    a = audit_t.c
    newest = (
        select(func.max(a.id))
        .where(
            one_of(a.org_id, "org_ids"),
            a.year == bindparam("year"),
            a.period == bindparam("period"),
        )
        .group_by(a.goal_id, a.org_id)
    )
    return select(audit_t).where(a.id.in_(newest))


def _where(table: Table, key: Key) -> list[ColumnElement[bool]]:
    return [table.c[name] == value for name, value in key.items()]


def _stored(conn: Connection, key: Key) -> Assessment | None:
    row = conn.execute(select(assessment_t).where(*_where(assessment_t, key))).mappings().first()
    if row is None:
        return None
    return Assessment(
        row["goal_id"],
        row["org_id"],
        row["year"],
        row["period"],
        Status(row["status"]),
        row["is_forecast"],
        row["analysis"],
        row["measures"],
        row["expected_followup"],
    )
