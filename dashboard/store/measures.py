"""The SQL of åtgärder and of the year's förväntat resultat och arbetssätt.

dashboard/followup/measures.py decides what may be written; this reads and writes the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, RowMapping, bindparam, insert, select, update

from dashboard.domain.measures import ExpectedResult, Measure, MeasureStatus, StatusChange
from dashboard.store.dialect import one_of
from dashboard.store.schema_measures import ExpectedResultRecord, MeasureRecord
from dashboard.store.tables import table_of

measure_t = table_of(MeasureRecord)
expected_t = table_of(ExpectedResultRecord)


def add(conn: Connection, values: dict[str, Any]) -> int:
    """Insert a measure (every column but `id`); its id."""
    key = conn.execute(insert(measure_t).values(**values)).inserted_primary_key
    assert key is not None
    added: int = key[0]
    return added


def set_status(
    conn: Connection, measure_id: int, status: MeasureStatus, change: StatusChange
) -> None:
    """Change a measure's status, keeping when and by whom."""
    stmt = update(measure_t).where(measure_t.c.id == measure_id)
    conn.execute(
        stmt.values(status=status.value, status_changed_at=change.at, status_changed_by=change.by)
    )


def by_id(conn: Connection, measure_id: int) -> Measure | None:
    """One measure, read inside a writer's transaction."""
    row = conn.execute(select(measure_t).where(measure_t.c.id == measure_id)).mappings().first()
    return None if row is None else _measure(row)


# Read on every Målsida: built once and run with bound values (issue 20, docs/performance.md).
_OF_PAIRS = (
    select(measure_t)
    .where(
        one_of(measure_t.c.goal_id, "goal_ids"),
        one_of(measure_t.c.org_id, "org_ids"),
    )
    .order_by(measure_t.c.year, measure_t.c.id)
)
_EXPECTED = select(expected_t).where(
    one_of(expected_t.c.goal_id, "goal_ids"),
    one_of(expected_t.c.org_id, "org_ids"),
    expected_t.c.year == bindparam("year"),
)


def of_pairs(engine: Engine, goal_ids: Sequence[int], org_ids: Sequence[int]) -> list[Measure]:
    """Every measure of the goals at the organisations (callers keep the pairs they want), in the
    order they were decided."""
    values = {"goal_ids": list(goal_ids), "org_ids": list(org_ids)}
    with engine.connect() as conn:
        return [_measure(row) for row in conn.execute(_OF_PAIRS, values).mappings()]


def put_expected(conn: Connection, expected: ExpectedResult) -> ExpectedResult | None:
    """Insert or overwrite the year's förväntat resultat och arbetssätt; the one it replaced."""
    before = _expected(conn, expected.goal_id, expected.org_id, expected.year)
    values = {
        "expected_result": expected.expected_result,
        "way_of_working": expected.way_of_working,
    }
    if before is None:
        key = {"goal_id": expected.goal_id, "org_id": expected.org_id, "year": expected.year}
        conn.execute(insert(expected_t).values(**key, **values))
    else:
        e = expected_t.c
        stmt = update(expected_t).where(
            e.goal_id == expected.goal_id, e.org_id == expected.org_id, e.year == expected.year
        )
        conn.execute(stmt.values(**values))
    return before


def expected_of(
    engine: Engine, goal_ids: Sequence[int], org_ids: Sequence[int], year: int
) -> list[ExpectedResult]:
    """The förväntat resultat och arbetssätt written for the goals at the organisations in a
    year."""
    values = {"goal_ids": list(goal_ids), "org_ids": list(org_ids), "year": year}
    with engine.connect() as conn:
        return [_expected_row(row) for row in conn.execute(_EXPECTED, values).mappings()]


def _expected(conn: Connection, goal_id: int, org_id: int, year: int) -> ExpectedResult | None:
    e = expected_t.c
    stmt = select(expected_t).where(e.goal_id == goal_id, e.org_id == org_id, e.year == year)
    row = conn.execute(stmt).mappings().first()
    return None if row is None else _expected_row(row)


def _expected_row(row: RowMapping) -> ExpectedResult:
    return ExpectedResult(
        row["goal_id"], row["org_id"], row["year"], row["expected_result"], row["way_of_working"]
    )


def _measure(row: RowMapping) -> Measure:
    due: dt.date = row["due_date"]
    return Measure(
        id=row["id"],
        goal_id=row["goal_id"],
        org_id=row["org_id"],
        year=row["year"],
        period=row["period"],
        text=row["text"],
        responsible=row["responsible"],
        due_date=due,
        status=MeasureStatus(row["status"]),
        changed=_change(row["status_changed_at"], row["status_changed_by"]),
    )


def _change(at: dt.datetime | None, by: str | None) -> StatusChange | None:
    if at is None or by is None:
        return None
    return StatusChange(at if at.tzinfo else at.replace(tzinfo=dt.UTC), by)  # SQLite drops it
