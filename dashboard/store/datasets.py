"""Writing a whole dataset (the demo, the benchmark's city) and the reported-period summary."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select

from dashboard.domain.dataset import Dataset, MeasurementRow
from dashboard.store import reporting
from dashboard.store.tables import (
    activity_t,
    activity_update_t,
    assessment_t,
    goal_t,
    indicator_t,
    link_t,
    measurement_t,
    org_t,
    period_t,
    target_t,
    upload_t,
)

BATCH_SIZE = 20_000


def write_dataset(
    conn: Connection, data: Dataset, user_name: str, file_name: str, kind: str
) -> dict[str, int]:
    """Insert a whole dataset in the writer's transaction, recorded as one upload; returns row
    counts."""
    upload_id = _start_upload(conn, user_name, file_name, kind)
    counts = _DatasetWriter(conn, upload_id).write(data)
    reporting.changed_by_upload(conn, upload_id)
    refresh_reported_periods(conn)
    conn.execute(
        upload_t.update()
        .where(upload_t.c.id == upload_id)
        .values(rows_inserted=sum(counts.values()), checksum=_checksum(counts))
    )
    return counts


class _DatasetWriter:
    """Resolves business codes to ids while inserting, in dependency order."""

    def __init__(self, conn: Connection, upload_id: int) -> None:
        self.conn = conn
        self.upload_id = upload_id
        self.org_ids: dict[str, int] = {}
        self.goal_ids: dict[str, int] = {}
        self.indicator_ids: dict[str, int] = {}
        self.activity_ids: dict[str, int] = {}

    def write(self, data: Dataset) -> dict[str, int]:
        counts = {
            "org_unit": self._org_units(data),
            "goal": self._goals(data),
            "indicator": self._indicators(data),
        }
        counts["goal_indicator"] = self._insert(
            link_t,
            (
                {
                    "goal_id": self.goal_ids[r.goal_code],
                    "indicator_id": self.indicator_ids[r.indicator_code],
                    "weight": r.weight,
                }
                for r in data.goal_indicators
            ),
        )
        counts["target"] = self._insert(
            target_t,
            (
                {
                    "indicator_id": self.indicator_ids[r.indicator_code],
                    "org_id": self.org_ids[r.org_code],
                    "year": r.year,
                    "target": r.target,
                    "partly_limit": r.partly_limit,
                    "council_target": r.council_target,
                }
                for r in data.targets
            ),
        )
        counts["measurement"] = self._insert(
            measurement_t, map(self._measurement, data.measurements)
        )
        counts["activity"] = self._activities(data)
        counts["activity_update"] = self._insert(
            activity_update_t,
            (
                {
                    "activity_id": self.activity_ids[r.activity_code],
                    "year": r.year,
                    "period": r.period,
                    "status": r.status.value,
                    "comment": r.comment,
                }
                for r in data.activity_updates
            ),
        )
        counts["assessment"] = self._insert(
            assessment_t,
            (
                {
                    "goal_id": self.goal_ids[r.goal_code],
                    "org_id": self.org_ids[r.org_code],
                    "year": r.year,
                    "period": r.period,
                    "status": r.status.value,
                    "is_forecast": r.is_forecast,
                    "analysis": r.analysis,
                    "measures": r.measures,
                }
                for r in data.assessments
            ),
        )
        return counts

    def _org_units(self, data: Dataset) -> int:
        paths: dict[str, str] = {}
        for row in sorted(data.org_units, key=lambda r: r.level):
            parent_id = self.org_ids[row.parent_code] if row.parent_code else None
            new_id = self._insert_one(
                org_t,
                code=row.code,
                name=row.name,
                level=int(row.level),
                parent_id=parent_id,
                path="",
            )
            paths[row.code] = (paths[row.parent_code] if row.parent_code else "/") + f"{new_id}/"
            self.conn.execute(
                org_t.update().where(org_t.c.id == new_id).values(path=paths[row.code])
            )
            self.org_ids[row.code] = new_id
        return len(paths)

    def _goals(self, data: Dataset) -> int:
        for row in sorted(data.goals, key=lambda r: r.level):
            self.goal_ids[row.code] = self._insert_one(
                goal_t,
                code=row.code,
                title=row.title,
                description=row.description,
                level=int(row.level),
                org_id=self.org_ids[row.org_code],
                parent_id=self.goal_ids[row.parent_code] if row.parent_code else None,
                valid_from=row.valid_from,
                valid_to=row.valid_to,
            )
        return len(data.goals)

    def _indicators(self, data: Dataset) -> int:
        for row in data.indicators:
            self.indicator_ids[row.code] = self._insert_one(
                indicator_t,
                code=row.code,
                name=row.name,
                unit=row.unit,
                direction=row.direction.value,
                decimals=row.decimals,
                level=int(row.level),
                gender_split=row.gender_split,
                kolada_kpi=row.kolada_kpi,
            )
        return len(data.indicators)

    def _activities(self, data: Dataset) -> int:
        for row in data.activities:
            self.activity_ids[row.code] = self._insert_one(
                activity_t,
                code=row.code,
                goal_id=self.goal_ids[row.goal_code],
                org_id=self.org_ids[row.org_code],
                title=row.title,
                responsible=row.responsible,
                start_date=row.start_date,
                end_date=row.end_date,
                status=row.status.value,
            )
        return len(data.activities)

    def _measurement(self, row: MeasurementRow) -> dict[str, Any]:
        return {
            "indicator_id": self.indicator_ids[row.indicator_code],
            "org_id": self.org_ids[row.org_code],
            "year": row.year,
            "period": row.period,
            "gender": row.gender.value,
            "outcome": row.outcome,
            "forecast": row.forecast,
            "value_status": row.value_status.value,
            "comment": row.comment,
        }

    def _insert_one(self, table: Table, **values: Any) -> int:
        result = self.conn.execute(insert(table).values(upload_id=self.upload_id, **values))
        return _new_id(result.inserted_primary_key)

    def _insert(self, table: Table, rows: Iterable[dict[str, Any]]) -> int:
        total = 0
        for batch in _batches(rows, BATCH_SIZE):
            for row in batch:
                row["upload_id"] = self.upload_id
            self.conn.execute(insert(table), batch)
            total += len(batch)
        return total


def add_reported_periods(conn: Connection, periods: Iterable[tuple[int, str]]) -> None:
    """Add the periods of newly inserted measurements to the summary, inside the writer's
    transaction.

    An upload never removes measurement rows, so the summary only grows; rebuilding it read
    every row (0.25 s on SQLite, 0.5 s on PostgreSQL at two million rows) on each upload.
    """
    new = set(periods) - set(conn.execute(select(period_t.c.year, period_t.c.period)).tuples())
    if new:
        conn.execute(
            period_t.insert(), [{"year": year, "period": period} for year, period in sorted(new)]
        )


def refresh_reported_periods(conn: Connection) -> None:
    """Rebuild the reported-period summary from the measurements, inside the writer's
    transaction."""
    conn.execute(period_t.delete())
    distinct = select(measurement_t.c.year, measurement_t.c.period).distinct()
    conn.execute(period_t.insert().from_select(["year", "period"], distinct))


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def _start_upload(conn: Connection, user_name: str, file_name: str, kind: str) -> int:
    result = conn.execute(
        insert(upload_t).values(
            created_at=dt.datetime.now(dt.UTC),
            user_name=user_name,
            file_name=file_name,
            kind=kind,
            checksum="",
            rows_inserted=0,
            rows_updated=0,
        )
    )
    return _new_id(result.inserted_primary_key)


def _new_id(key: Any) -> int:
    """The id an INSERT made (the first column of its primary key)."""
    new_id: int = key[0]
    return new_id


def _checksum(counts: dict[str, int]) -> str:
    return hashlib.sha256(repr(sorted(counts.items())).encode()).hexdigest()


MEASUREMENT_KEY = ("indicator_id", "org_id", "year", "period", "gender")
MEASUREMENT_VALUES = ("outcome", "forecast", "value_status", "comment", "upload_id")


def ids_by_code(engine: Engine) -> tuple[dict[str, int], dict[str, int], int | None]:
    """Organisation ids and indicator ids by code, and the newest upload's id."""
    with engine.connect() as conn:
        orgs = {code: id_ for code, id_ in conn.execute(select(org_t.c.code, org_t.c.id))}
        indicators = {
            code: id_ for code, id_ in conn.execute(select(indicator_t.c.code, indicator_t.c.id))
        }
        upload_id = conn.execute(select(func.max(upload_t.c.id))).scalar()
    return orgs, indicators, upload_id


def raw_measurement_upsert(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    """A driver-level executemany of INSERT … ON CONFLICT DO UPDATE of measurement rows (ids
    resolved, columns in `MEASUREMENT_KEY + MEASUREMENT_VALUES` order): the import's floor."""
    names = MEASUREMENT_KEY + MEASUREMENT_VALUES
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"  # SQLite; psycopg
    updates = ", ".join(f"{v} = excluded.{v}" for v in MEASUREMENT_VALUES)
    sql = (
        f"INSERT INTO measurement ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))}) "
        f"ON CONFLICT ({', '.join(MEASUREMENT_KEY)}) DO UPDATE SET {updates}"
    )
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.cursor().executemany(sql, rows)
