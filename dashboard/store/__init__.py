"""The only code that reads and writes the database; it returns model dataclasses.

Reads use Core `select()` on one connection and hand back plain values, so callbacks and
layouts never see sessions, rows or SQL. Every query runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from itertools import islice
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Connection, Engine, Select, Table, case, func, insert, or_, select, true
from sqlalchemy.exc import SQLAlchemyError

from dashboard.domain.dataset import Dataset, MeasurementRow
from dashboard.domain.model import (
    PERIOD_END_MONTH,
    Activity,
    ActivityStatus,
    Assessment,
    Direction,
    Gender,
    Goal,
    GoalLevel,
    Indicator,
    IndicatorFact,
    Measurement,
    OrgLevel,
    OrgUnit,
    Reading,
    Status,
    Target,
    ValueStatus,
    counted_values,
)
from dashboard.store import database, result_store
from dashboard.store.schema import (
    ActivityRecord,
    ActivityUpdateRecord,
    AssessmentRecord,
    Base,
    GoalIndicatorRecord,
    GoalRecord,
    IndicatorRecord,
    MeasurementRecord,
    OrgUnitRecord,
    ReportedPeriodRecord,
    TargetRecord,
    UploadRecord,
)

BATCH_SIZE = 20_000
MAX_ROOTS = 20  # `measured_below` reads the whole city rather than OR more subtrees than this
MAX_SUMMARIES = 256  # kept at once; beyond that they are all forgotten together
_VERSION = object()  # the key under which `Store.summary` keeps the data version
T = TypeVar("T")

org_t = OrgUnitRecord.__table__
goal_t = GoalRecord.__table__
indicator_t = IndicatorRecord.__table__
link_t = GoalIndicatorRecord.__table__
target_t = TargetRecord.__table__
measurement_t = MeasurementRecord.__table__
activity_t = ActivityRecord.__table__
activity_update_t = ActivityUpdateRecord.__table__
assessment_t = AssessmentRecord.__table__
upload_t = UploadRecord.__table__
period_t = ReportedPeriodRecord.__table__


class Measured(NamedTuple):
    """An organisation that measures an indicator in a year: its path, target and total reading."""

    org_id: int
    path: str
    indicator_id: int
    target: Target | None
    reading: Reading | None


class Store:
    """Reads and writes Kontrollrummet's data on one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._summaries: dict[Hashable, Any] = {}  # see `summary`

    @classmethod
    def within(cls, conn: Connection) -> Store:
        """A store whose reads all run on this connection: a writer's, seeing its own uncommitted changes."""
        return cls(_OnConnection(conn))  # type: ignore[arg-type]  (stands in for the engine's reads)

    def create_schema(self) -> None:
        """Bring the database to the newest schema through the migrations."""
        database.upgrade(self.engine)

    def check(self) -> None:
        """Fail with a DatabaseError naming the database if it cannot be reached or is empty."""
        try:
            current = database.is_current(self.engine)
        except SQLAlchemyError as error:
            raise database.DatabaseError(database.describe_failure(self.engine, error)) from error
        if not current:
            raise database.DatabaseError(
                f"{self.engine.url.render_as_string(hide_password=True)}: "
                "databasen saknar det senaste schemat; kör `kontrollrummet db upgrade` (eller `kontrollrummet demo`)"
            )

    # ---- writing -------------------------------------------------------------------------

    def write_dataset(
        self, data: Dataset, *, user_name: str, file_name: str, kind: str
    ) -> dict[str, int]:
        """Insert a whole dataset in one transaction, recorded as one upload; returns row counts."""
        with self.engine.begin() as conn:
            result_store.invalidate(conn)
            upload_id = _start_upload(conn, user_name, file_name, kind)
            counts = _DatasetWriter(conn, upload_id).write(data)
            refresh_reported_periods(conn)
            conn.execute(
                upload_t.update()
                .where(upload_t.c.id == upload_id)
                .values(rows_inserted=sum(counts.values()), checksum=_checksum(counts))
            )
        return counts

    # ---- reading -------------------------------------------------------------------------

    def data_version(self) -> tuple:
        """Changes with every write of outcomes, targets, indicators or organisations.

        Each upload, undo and dataset write records itself in `upload` (a new row, or
        `undone_at` set); saving an assessment from the web form does not, nor change those.
        """
        with self.engine.connect() as conn:
            return tuple(
                conn.execute(
                    select(func.max(upload_t.c.id), func.count(upload_t.c.undone_at))
                ).one()
            )

    def summary(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, kept in this store until `data_version` changes: for summaries over all years.

        Forecast accuracy per nämnd aggregates half a million rows at city scale (about 1.5 s)
        and changes only with an upload; every worker computes it once per change.
        """
        version = self.data_version()
        if self._summaries.get(_VERSION) != version or len(self._summaries) > MAX_SUMMARIES:
            self._summaries = {_VERSION: version}
        if key not in self._summaries:
            self._summaries[key] = compute()
            # Kept until the next upload: out of the garbage collector's full passes, which walked
            # tens of thousands of kept objects (40-50 ms) every few whole-city pages.
            gc.freeze()
        return self._summaries[key]

    def table_counts(self) -> dict[str, int]:
        """Rows per table of entered data (not the derived goal results), for summaries and tests."""
        with self.engine.connect() as conn:
            return {
                table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in Base.metadata.sorted_tables
                if not table.info.get("derived")
            }

    def org_units(self) -> list[OrgUnit]:
        """The whole organisation tree, parents before children."""
        stmt = select(org_t).order_by(org_t.c.level, org_t.c.name)
        with self.engine.connect() as conn:
            return [_org(row) for row in conn.execute(stmt).mappings()]

    def orgs_by_id(self, org_ids: Iterable[int]) -> dict[int, OrgUnit]:
        """The organisation units with these ids, by id."""
        stmt = select(org_t).where(org_t.c.id.in_(sorted(set(org_ids))))
        with self.engine.connect() as conn:
            return {row["id"]: _org(row) for row in conn.execute(stmt).mappings()}

    def root_org(self) -> OrgUnit | None:
        """The top of the organisation tree (the city), if any."""
        stmt = select(org_t).where(org_t.c.parent_id.is_(None)).order_by(org_t.c.id).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(stmt).mappings().first()
        return _org(row) if row else None

    def goals(self, year: int, levels: Sequence[GoalLevel] = tuple(GoalLevel)) -> list[Goal]:
        """Goals valid in a year at the given levels, ordered by level and code."""
        stmt = (
            select(*GOAL_COLUMNS)
            .where(
                goal_t.c.level.in_([int(level) for level in levels]),
                valid_in(year),
            )
            .order_by(goal_t.c.level, goal_t.c.code)
        )
        with self.engine.connect() as conn:
            return [goal_from_row(row) for row in conn.execute(stmt)]

    def reported_periods(self) -> list[tuple[int, str]]:
        """Every (year, period) that has at least one measurement, oldest first."""
        stmt = select(period_t.c.year, period_t.c.period)
        with self.engine.connect() as conn:
            pairs = [(row.year, row.period) for row in conn.execute(stmt)]
        return sorted(pairs, key=_period_order)

    def goal_indicator_facts(
        self, org_ids: Sequence[int], year: int, period: str, goal_ids: Sequence[int]
    ) -> list[IndicatorFact]:
        """Each indicator of the goals with each organisation's target and total reading.

        Only indicators an organisation measures itself (has a target or reading for in the
        year) are returned; `control_room.judge` rolls the others up from the organisations
        below that measure them, or lists them as not measured here (docs/rules.md §3a).
        """
        measured = _measured_pairs(org_ids, year)
        stmt = _facts_select(
            measured.c.org_id,
            lambda source: source.join(measured, measured.c.indicator_id == link_t.c.indicator_id),
            year,
            period,
        ).where(link_t.c.goal_id.in_(list(goal_ids)))
        return self._facts(stmt.order_by(link_t.c.goal_id, measured.c.org_id, indicator_t.c.code))

    def goal_links(self, goal_ids: Sequence[int]) -> dict[int, list[tuple[Indicator, float]]]:
        """Each goal's linked indicators with their weights, by indicator code: measured or not."""
        stmt = (
            select(link_t.c.goal_id, link_t.c.weight, *indicator_t.c)
            .join(indicator_t, indicator_t.c.id == link_t.c.indicator_id)
            .where(link_t.c.goal_id.in_(list(goal_ids)))
            .order_by(link_t.c.goal_id, indicator_t.c.code)
        )
        links: dict[int, list[tuple[Indicator, float]]] = {goal_id: [] for goal_id in goal_ids}
        with self.engine.connect() as conn:
            for row in conn.execute(stmt).mappings():
                links[row["goal_id"]].append((indicator_from_row(row), row["weight"]))
        return links

    def measured_below(
        self, indicator_ids: Sequence[int], roots: Sequence[int] | None, year: int, period: str
    ) -> list[Measured]:
        """Every organisation within the roots (None: the whole city) that measures one of the
        indicators in the year (a target or a row for it), with its target and total reading.

        Callers keep those below each root by its id in the path; past `MAX_ROOTS` roots, or a
        root at the top, the whole city is read."""
        m, o = measurement_t, org_t
        within = true()
        if roots is not None and len(roots) <= MAX_ROOTS:
            with self.engine.connect() as conn:
                paths = list(
                    conn.execute(select(o.c.path).where(o.c.id.in_(list(roots)))).scalars()
                )
            if not any(path.count("/") <= 2 for path in paths):  # no root is the city itself
                within = or_(*(o.c.path.startswith(path) for path in paths))
        wanted = (target_t.c.indicator_id.in_(list(indicator_ids)), target_t.c.year == year)
        pairs = (
            select(target_t.c.indicator_id, target_t.c.org_id)
            .where(*wanted)
            .union(
                select(m.c.indicator_id, m.c.org_id).where(
                    m.c.indicator_id.in_(list(indicator_ids)), m.c.year == year
                )
            )
            .subquery("measured")
        )
        stmt = (
            select(
                pairs.c.indicator_id,
                pairs.c.org_id,
                o.c.path,
                target_t.c.target,
                target_t.c.partly_limit,
                target_t.c.council_target,
                m.c.outcome,
                m.c.forecast,
                m.c.value_status,
            )
            .select_from(
                pairs.join(o, o.c.id == pairs.c.org_id)
                .outerjoin(
                    target_t,
                    (target_t.c.indicator_id == pairs.c.indicator_id)
                    & (target_t.c.org_id == pairs.c.org_id)
                    & (target_t.c.year == year),
                )
                .outerjoin(
                    m,
                    (m.c.indicator_id == pairs.c.indicator_id)
                    & (m.c.org_id == pairs.c.org_id)
                    & (m.c.year == year)
                    & (m.c.period == period)
                    & (m.c.gender == Gender.TOTAL.value),
                )
            )
            .where(within)
            .order_by(o.c.path, pairs.c.indicator_id)
        )
        with self.engine.connect() as conn:
            return [
                Measured(
                    row["org_id"],
                    row["path"],
                    row["indicator_id"],
                    target_from_row(row),
                    None
                    if row["value_status"] is None
                    else reading_from(row["outcome"], row["forecast"], row["value_status"]),
                )
                for row in conn.execute(stmt).mappings()
            ]

    def assessments(self, org_ids: Sequence[int], year: int, period: str) -> list[Assessment]:
        """The organisations' own assessments of their goals for a period."""
        stmt = select(assessment_t).where(
            assessment_t.c.org_id.in_(list(org_ids)),
            assessment_t.c.year == year,
            assessment_t.c.period == period,
        )
        with self.engine.connect() as conn:
            return [
                Assessment(
                    goal_id=row.goal_id,
                    org_id=row.org_id,
                    year=row.year,
                    period=row.period,
                    status=Status(row.status),
                    is_forecast=row.is_forecast,
                    analysis=row.analysis,
                    measures=row.measures,
                )
                for row in conn.execute(stmt)
            ]

    def goal(self, code: str) -> Goal | None:
        """The goal with this code."""
        return self._first_goal(select(*GOAL_COLUMNS).where(goal_t.c.code == code))

    def goal_by_id(self, goal_id: int) -> Goal | None:
        """The goal with this id."""
        return self._first_goal(select(*GOAL_COLUMNS).where(goal_t.c.id == goal_id))

    def child_goals(self, goal_id: int, year: int, within_org_id: int | None = None) -> list[Goal]:
        """The goals directly below a goal valid in a year, optionally only those owned within an organisation."""
        stmt = (
            select(*GOAL_COLUMNS)
            .where(goal_t.c.parent_id == goal_id, valid_in(year))
            .order_by(goal_t.c.code)
        )
        if within_org_id is not None:
            stmt = stmt.where(goal_t.c.org_id.in_(_subtree(within_org_id)))
        with self.engine.connect() as conn:
            return [goal_from_row(row) for row in conn.execute(stmt)]

    def goals_within(self, org_id: int, year: int, level: GoalLevel) -> list[Goal]:
        """Goals of a level owned by the organisation, its ancestors or anything below it."""
        owner = org_t.alias("owner")
        own_path = select(org_t.c.path).where(org_t.c.id == org_id).scalar_subquery()
        related = owner.c.path.startswith(own_path) | own_path.startswith(owner.c.path)
        stmt = (
            select(*GOAL_COLUMNS)
            .join(owner, owner.c.id == goal_t.c.org_id)
            .where(goal_t.c.level == int(level), valid_in(year), related)
            .order_by(goal_t.c.code)
        )
        with self.engine.connect() as conn:
            return [goal_from_row(row) for row in conn.execute(stmt)]

    def org(self, code: str) -> OrgUnit | None:
        """The organisation unit with this code."""
        return self._one(select(org_t).where(org_t.c.code == code), _org)

    def org_by_id(self, org_id: int) -> OrgUnit | None:
        """The organisation unit with this id."""
        return self._one(select(org_t).where(org_t.c.id == org_id), _org)

    def org_path(self, org_id: int) -> str | None:
        """The organisation's materialised path ("/1/4/17/"): what access scopes compare."""
        return self._scalar(select(org_t.c.path).where(org_t.c.id == org_id))

    def org_lineage(self, org_id: int) -> list[OrgUnit]:
        """The organisation and its ancestors, from the top down (read from its path)."""
        path = self._scalar(select(org_t.c.path).where(org_t.c.id == org_id))
        ids = [int(part) for part in (path or "").strip("/").split("/") if part]
        stmt = select(org_t).where(org_t.c.id.in_(ids)).order_by(org_t.c.level)
        with self.engine.connect() as conn:
            return [_org(row) for row in conn.execute(stmt).mappings()]

    def org_neighbourhood(self, org_id: int) -> list[OrgUnit]:
        """The organisation, its ancestors, and the children of each: what a tree picker shows.

        At Stockholm scale that is ≈ 50 units instead of 1,681 on every page.
        """
        path = self._scalar(select(org_t.c.path).where(org_t.c.id == org_id)) or ""
        lineage = [int(part) for part in path.strip("/").split("/") if part]
        stmt = (
            select(org_t)
            .where(org_t.c.id.in_(lineage) | org_t.c.parent_id.in_(lineage))
            .order_by(org_t.c.level, org_t.c.name)
        )
        with self.engine.connect() as conn:
            return [_org(row) for row in conn.execute(stmt).mappings()]

    def org_children(self, org_id: int) -> list[OrgUnit]:
        """The organisation units directly below one, by name."""
        stmt = select(org_t).where(org_t.c.parent_id == org_id).order_by(org_t.c.name)
        with self.engine.connect() as conn:
            return [_org(row) for row in conn.execute(stmt).mappings()]

    def indicator(self, code: str) -> Indicator | None:
        """The indicator with this code."""
        return self._one(select(indicator_t).where(indicator_t.c.code == code), indicator_from_row)

    def measurements(
        self,
        indicator_ids: Sequence[int],
        org_ids: Sequence[int],
        period: str,
        years: Sequence[int] | None = None,
    ) -> list[Measurement]:
        """Readings of every gender for the indicators and organisations in one period; all years if none given."""
        m = measurement_t
        stmt = select(m).where(
            m.c.indicator_id.in_(list(indicator_ids)),
            m.c.org_id.in_(list(org_ids)),
            m.c.period == period,
        )
        if years is not None:
            stmt = stmt.where(m.c.year.in_(list(years)))
        with self.engine.connect() as conn:
            return [
                Measurement(
                    row.indicator_id,
                    row.org_id,
                    row.year,
                    row.period,
                    Gender(row.gender),
                    reading_from(row.outcome, row.forecast, row.value_status),
                )
                for row in conn.execute(stmt.order_by(m.c.year))
            ]

    def targets(
        self,
        indicator_ids: Sequence[int],
        org_ids: Sequence[int],
        years: Sequence[int] | None = None,
    ) -> dict[tuple[int, int, int], Target]:
        """Targets keyed by (indicator id, organisation id, year); all years if none given."""
        t = target_t
        stmt = select(t).where(
            t.c.indicator_id.in_(list(indicator_ids)), t.c.org_id.in_(list(org_ids))
        )
        if years is not None:
            stmt = stmt.where(t.c.year.in_(list(years)))
        with self.engine.connect() as conn:
            return {
                (row.indicator_id, row.org_id, row.year): Target(
                    row.target, row.partly_limit, row.council_target
                )
                for row in conn.execute(stmt)
            }

    def own_goal_indicator_facts(
        self, goal_ids: Sequence[int], year: int, period: str
    ) -> list[IndicatorFact]:
        """Like `goal_indicator_facts`, but each goal only at the organisation that owns it.

        The whole city's nämnd- and enhetsmål each at its own organisation: driven by the
        goals' owners, so no goal × organisation cross product is ever formed.
        """
        stmt = _facts_select(
            goal_t.c.org_id,
            lambda source: source.join(goal_t, goal_t.c.id == link_t.c.goal_id),
            year,
            period,
        ).where(
            link_t.c.goal_id.in_(list(goal_ids)),
            _measures(goal_t.c.org_id, link_t.c.indicator_id, year),
        )
        return self._facts(stmt.order_by(link_t.c.goal_id, indicator_t.c.code))

    def _facts(self, stmt) -> list[IndicatorFact]:
        with self.engine.connect() as conn:
            indicators: dict[int, Indicator] = {}  # thousands of rows share a few dozen indicators
            return [_fact(row, indicators) for row in conn.execute(stmt).mappings()]

    def activities_of(
        self, goal_ids: Sequence[int], year: int, period: str
    ) -> list[tuple[str, Activity]]:
        """(holder's org path, activity) for the goals' activities running in the year, each with its
        status and comment as followed up for the period (docs/rules.md §2): never a later follow-up.

        One query for all goals; callers keep those below an organisation by its id in the path.
        """
        stmt = (
            _activities_as_of(year, period)
            .where(
                activity_t.c.goal_id.in_(list(goal_ids)),
                activity_t.c.start_date <= dt.date(year, 12, 31),
                activity_t.c.end_date >= dt.date(year, 1, 1),
            )
            .order_by(activity_t.c.end_date, activity_t.c.code)
        )
        with self.engine.connect() as conn:
            return [(row.path, _activity(row)) for row in conn.execute(stmt)]

    def activity(self, code: str) -> tuple[str, Activity] | None:
        """(holder's org path, activity) of the activity with this code, its current status and latest comment."""
        with self.engine.connect() as conn:
            row = conn.execute(_activities_as_of().where(activity_t.c.code == code)).first()
        return (row.path, _activity(row)) if row else None

    def _first_goal(self, stmt) -> Goal | None:
        with self.engine.connect() as conn:
            row = conn.execute(stmt.limit(1)).first()
        return goal_from_row(row) if row else None

    def _one(self, stmt, convert):
        with self.engine.connect() as conn:
            row = conn.execute(stmt.limit(1)).mappings().first()
        return convert(row) if row else None

    def _scalar(self, stmt):
        with self.engine.connect() as conn:
            return conn.execute(stmt).scalar()


class _OnConnection:
    """Stands in for an engine in `Store.within`: every `connect()` is the one connection, left open."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self.url = conn.engine.url

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        yield self.conn


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

    def _measurement(self, row: MeasurementRow) -> dict:
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

    def _insert_one(self, table, **values) -> int:
        result = self.conn.execute(insert(table).values(upload_id=self.upload_id, **values))
        return result.inserted_primary_key[0]

    def _insert(self, table, rows: Iterable[dict]) -> int:
        total = 0
        for batch in _batches(rows, BATCH_SIZE):
            for row in batch:
                row["upload_id"] = self.upload_id
            self.conn.execute(insert(table), batch)
            total += len(batch)
        return total


def add_reported_periods(conn: Connection, periods: Iterable[tuple[int, str]]) -> None:
    """Add the periods of newly inserted measurements to the summary, inside the writer's transaction.

    An upload never removes measurement rows, so the summary only grows; rebuilding it read
    every row (0.25 s on SQLite, 0.5 s on PostgreSQL at two million rows) on each upload.
    """
    new = set(periods) - set(conn.execute(select(period_t.c.year, period_t.c.period)).tuples())
    if new:
        conn.execute(
            period_t.insert(), [{"year": year, "period": period} for year, period in sorted(new)]
        )


def refresh_reported_periods(conn: Connection) -> None:
    """Rebuild the reported-period summary from the measurements, inside the writer's transaction."""
    conn.execute(period_t.delete())
    distinct = select(measurement_t.c.year, measurement_t.c.period).distinct()
    conn.execute(period_t.insert().from_select(["year", "period"], distinct))


def among(column, org_ids: Sequence[int] | None):
    """SQL: the column is one of the organisations; None is every organisation, the whole city.

    The whole city as a list would be 1,681 bound values: 20 ms per query on PostgreSQL."""
    return true() if org_ids is None else column.in_(list(org_ids))


def _subtree(org_id: int):
    """SQL: ids of the organisation and everything below it (its path is a prefix of theirs)."""
    own_path = select(org_t.c.path).where(org_t.c.id == org_id).scalar_subquery()
    return select(org_t.c.id).where(org_t.c.path.startswith(own_path))


def valid_in(year: int):
    """SQL condition: a goal is valid in the year."""
    return (goal_t.c.valid_from <= year) & (
        goal_t.c.valid_to.is_(None) | (goal_t.c.valid_to >= year)
    )


def _facts_select(org_id, add_organisations, year: int, period: str):
    """The indicator-facts SELECT: goal links and indicators, joined by `add_organisations`
    to the table holding `org_id`, with that organisation's target and total reading."""
    m = measurement_t
    source = add_organisations(link_t.join(indicator_t, indicator_t.c.id == link_t.c.indicator_id))
    target_on = (target_t.c.indicator_id == link_t.c.indicator_id) & (target_t.c.org_id == org_id)
    reading_on = (
        (m.c.indicator_id == link_t.c.indicator_id) & (m.c.org_id == org_id) & (m.c.year == year)
    )
    return select(
        link_t.c.goal_id,
        org_id.label("org_id"),
        link_t.c.weight,
        *indicator_t.c,
        target_t.c.target,
        target_t.c.partly_limit,
        target_t.c.council_target,
        m.c.outcome,
        m.c.forecast,
        m.c.value_status,
    ).select_from(
        source.outerjoin(target_t, target_on & (target_t.c.year == year)).outerjoin(
            m, reading_on & (m.c.period == period) & (m.c.gender == Gender.TOTAL.value)
        )
    )


def _measures(org_id, indicator_id, year: int):
    """SQL: the organisation has a target or a measurement for the indicator in the year (one row's check)."""
    conditions = []
    for table in (
        target_t.alias(),
        measurement_t.alias(),
    ):  # aliases: no correlation with the outer joins
        key = (
            (table.c.indicator_id == indicator_id)
            & (table.c.org_id == org_id)
            & (table.c.year == year)
        )
        conditions.append(select(table.c.indicator_id).where(key).exists())
    return conditions[0] | conditions[1]


def _measured_pairs(org_ids: Sequence[int], year: int):
    """SQL: the (indicator, organisation) pairs with a target or a measurement in the year.

    A UNION the planner can drive from the (org_id, year, …) indexes; an OR of two EXISTS
    per row took a second on PostgreSQL at Stockholm scale.
    """
    targets = select(target_t.c.indicator_id, target_t.c.org_id).where(
        target_t.c.org_id.in_(list(org_ids)), target_t.c.year == year
    )
    readings = select(measurement_t.c.indicator_id, measurement_t.c.org_id).where(
        measurement_t.c.org_id.in_(list(org_ids)), measurement_t.c.year == year
    )
    return targets.union(readings).subquery("measured")


def _batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
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
    return result.inserted_primary_key[0]


def _checksum(counts: dict[str, int]) -> str:
    return hashlib.sha256(repr(sorted(counts.items())).encode()).hexdigest()


def _period_order(pair: tuple[int, str]) -> tuple[int, int, str]:
    year, period = pair
    return year, PERIOD_END_MONTH.get(period, 13), period


def _org(row) -> OrgUnit:
    return OrgUnit(row["id"], row["code"], row["name"], OrgLevel(row["level"]), row["parent_id"])


GOAL_COLUMNS = [goal_t.c[field.name] for field in fields(Goal)]
_GOAL_LEVEL = {int(level): level for level in GoalLevel}


def goal_from_row(row) -> Goal:
    """A Goal from a row of `GOAL_COLUMNS` (positional: pages read thousands of goals)."""
    goal_id, code, title, level, *rest = row
    return Goal(goal_id, code, title, _GOAL_LEVEL[level], *rest)


def indicator_from_row(row) -> Indicator:
    """An Indicator from a row holding the indicator table's columns."""
    return Indicator(
        id=row["id"],
        code=row["code"],
        name=row["name"],
        unit=row["unit"],
        direction=Direction(row["direction"]),
        decimals=row["decimals"],
        level=GoalLevel(row["level"]),
        gender_split=row["gender_split"],
        kolada_kpi=row["kolada_kpi"],
    )


def target_from_row(row) -> Target | None:
    """A Target from a row holding the target table's value columns (None without a target)."""
    if row["target"] is None:
        return None
    return Target(row["target"], row["partly_limit"], row["council_target"])


def _fact(row, indicators: dict[int, Indicator]) -> IndicatorFact:
    target = target_from_row(row)
    has_reading = row["value_status"] is not None
    reading = (
        reading_from(row["outcome"], row["forecast"], row["value_status"]) if has_reading else None
    )
    indicator = indicators.get(row["id"]) or indicators.setdefault(
        row["id"], indicator_from_row(row)
    )
    return IndicatorFact(row["goal_id"], row["org_id"], indicator, row["weight"], target, reading)


def reading_from(outcome: float | None, forecast: float | None, value_status: str) -> Reading:
    """A stored reading as pages may see it: a row whose value status is not ok carries no number,
    so a protected (skyddad) value is never shown, charted or judged, whatever the row holds."""
    status = ValueStatus(value_status)
    return Reading(*counted_values(outcome, forecast, status), status)


def latest_period_first(table: Table) -> tuple:
    """ORDER BY terms putting a table's latest (year, period) first: by the period's end month,
    as `reported_periods` does, so the year's FY comes after its T2 (by name it would not)."""
    end_month = case(PERIOD_END_MONTH, value=table.c.period, else_=13)
    return table.c.year.desc(), end_month.desc(), table.c.period.desc()


def _activities_as_of(year: int | None = None, period: str | None = None) -> Select:
    """Activities with their holder's org path and the status and comment of their latest follow-up up
    to the period's end (its own or an earlier one; none: not followed up yet). Without a period: the
    current status and the latest comment."""
    u = activity_update_t.c
    latest = select(u.status, u.comment).where(u.activity_id == activity_t.c.id)
    if year is not None:
        end_month = case(PERIOD_END_MONTH, value=u.period, else_=13)
        latest = latest.where(
            (u.year < year) | ((u.year == year) & (end_month <= PERIOD_END_MONTH[period]))
        )
    latest = latest.order_by(*latest_period_first(activity_update_t)).limit(1)
    status = (
        activity_t.c.status
        if year is None
        else latest.with_only_columns(u.status).scalar_subquery()
    )
    return select(
        *(column for column in activity_t.c if column.name != "status"),
        status.label("status"),
        org_t.c.path,
        latest.with_only_columns(u.comment).scalar_subquery().label("comment"),
    ).join(org_t, org_t.c.id == activity_t.c.org_id)


def _activity(row) -> Activity:
    followed_up = row.status is not None
    status = ActivityStatus(row.status) if followed_up else ActivityStatus.NOT_STARTED
    return Activity(
        row.id,
        row.code,
        row.goal_id,
        row.org_id,
        row.title,
        row.responsible,
        row.start_date,
        row.end_date,
        status,
        row.comment or "",
        followed_up,
    )
