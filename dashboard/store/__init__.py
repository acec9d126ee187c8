"""The only code that reads and writes the database; it returns model dataclasses.

Reads use Core `select()` on one connection and hand back plain values, so callbacks and
layouts never see sessions, rows or SQL. Every query runs on SQLite and PostgreSQL alike;
what differs is in dialect.py. Every write goes through `Store.writing` (writing.py).
Per concern: tables.py (names and rows), facts.py, activities.py, datasets.py, accounts.py,
audit.py, assessments.py, result_store.py (everything kept between requests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, Select, bindparam, func, select
from sqlalchemy.exc import SQLAlchemyError

from dashboard.domain.dataset import Dataset
from dashboard.domain.model import (
    PERIOD_END_MONTH,
    Activity,
    Assessment,
    Goal,
    GoalLevel,
    Indicator,
    OrgUnit,
    Status,
)
from dashboard.store import database, datasets, dialect, result_store, summaries
from dashboard.store.activities import activities_as_of, activities_in_year, activity_from_row
from dashboard.store.datasets import add_reported_periods, refresh_reported_periods
from dashboard.store.dialect import one_of
from dashboard.store.facts import FactReads, Measured
from dashboard.store.national import NationalReads
from dashboard.store.request_reads import RequestReads
from dashboard.store.schema import Base
from dashboard.store.tables import (
    GOAL_COLUMNS,
    activity_t,
    activity_update_t,
    among,
    assessment_t,
    goal_from_row,
    goal_t,
    indicator_from_row,
    indicator_t,
    latest_period_first,
    link_t,
    measurement_t,
    org_from_row,
    org_t,
    path_ids,
    period_order,
    period_t,
    reading_from,
    subtree,
    target_from_row,
    target_t,
    upload_t,
    valid_in,
)
from dashboard.store.writing import Writing

__all__ = [  # what the rest of the app reads from `dashboard.store`
    "GOAL_COLUMNS",
    "Measured",
    "Store",
    "Writing",
    "activity_t",
    "activity_update_t",
    "add_reported_periods",
    "among",
    "assessment_t",
    "database",
    "goal_from_row",
    "goal_t",
    "indicator_from_row",
    "indicator_t",
    "latest_period_first",
    "link_t",
    "measurement_t",
    "org_t",
    "path_ids",
    "period_t",
    "reading_from",
    "refresh_reported_periods",
    "result_store",
    "target_from_row",
    "target_t",
    "upload_t",
    "valid_in",
]
T = TypeVar("T")
Prepare = Callable[["Store"], None]


class Store(FactReads, NationalReads):
    """Reads and writes Kontrollrummet's data on one engine."""

    def __init__(
        self,
        engine: Engine,
        prepare: Prepare | None = None,
        after_summary: Callable[[], None] | None = None,
    ) -> None:
        """`prepare` runs in a write that ends every kept result, once its data is written, on
        a store that keeps what it computes in that write (to judge the city's first pages
        again, tools/warming.py); `after_summary` after `summary` keeps a new value (the app
        factory's choice)."""
        self.engine = engine
        self._prepare = prepare
        self._summaries = summaries.Summaries(engine, True, after_summary)
        self._request = RequestReads()

    @classmethod
    def within(cls, conn: Connection, keeping: bool = False) -> Store:
        """A store whose reads all run on this connection: a writer's, seeing its own changes.
        Its summaries stay its own, unless `keeping`: then they and the goal results it judges
        are kept in the write's transaction, for every reader once it commits (only once the
        write's data is all written: `Store.writing` prepares the first pages so)."""
        store = cls(_OnConnection(conn))  # type: ignore[arg-type]  # stands in for the engine
        store._summaries = summaries.Summaries(store.engine, keeping)
        return store

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
                "databasen saknar det senaste schemat; "
                "kör `kontrollrummet db upgrade` (eller `kontrollrummet demo`)"
            )

    # ---- one request ---------------------------------------------------------------------
    def one_request(self) -> AbstractContextManager[None]:
        """Within it, the data version, the reported periods, an organisation's path and
        neighbourhood, an organisation by id and a goal's links are read once (request_reads.py);
        the router's request is one."""
        return self._request.scope()

    def read_once(self, key: Hashable, read: Callable[[], T]) -> T:
        """`read()`, made once within a request: for a read two parts of a page make alike (the
        Målsida's goal and its åtgärder read the same measures). The value is shared: never
        change it."""
        return self._request.once(key, read)

    # ---- writing -------------------------------------------------------------------------
    @contextmanager
    def writing(self, actor: str | None, *, lock: bool = True) -> Iterator[Writing]:
        """The one write path (writing.py): a transaction, under the write lock unless `lock` is
        False (account and log writes, which no upload plans against and which must not wait for
        one); `actor` is whose write is audited (None: nobody's, such as a sign-in attempt)."""
        self._request.forget()
        with self.engine.begin() as conn:
            if lock:  # an upload running now must not record stale values for undo
                dialect.lock_writes(conn)
            unit = Writing(conn, Store.within(conn), actor, lock)
            conn.info["writing"] = True  # what tests/test_one_write_path.py checks at run time
            try:
                yield unit
                unit.finish()
                if unit.ended_results and self._prepare is not None:
                    self._prepare(Store.within(conn, keeping=True))
            finally:
                conn.info.pop("writing")
                self._request.forget()

    def write_dataset(
        self, data: Dataset, *, user_name: str, file_name: str, kind: str
    ) -> dict[str, int]:
        """Insert a whole dataset in one transaction, recorded as one upload; returns row counts."""
        with self.writing(user_name) as w:
            w.results_ended()
            w.audited()  # its upload record
            return datasets.write_dataset(w.conn, data, user_name, file_name, kind)

    # ---- reading -------------------------------------------------------------------------

    def data_version(self) -> tuple[Any, ...]:
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
        """`compute()`, kept until the data changes (summaries.py): summaries over all years.

        Forecast accuracy per nämnd aggregates half a million rows at city scale (about 1.5 s)
        and changes only with an upload; one process computes it once per change, and every
        worker reads it from the database.
        """
        return self._summaries.get(self._version(), key, compute)

    def year_summary(self, key: Hashable, year: int, compute: Callable[[], T]) -> T:
        """`compute()` over one year's data alone, kept like `summary` but until a write changes
        that year: an upload of one year's outcomes carries the other years' over, as it carries
        their goal results (result_store.invalidate). The forecasts of ten years at the
        Stockholm scale took 5 s to count after every upload; one year's take a tenth."""
        return self._summaries.get(self._version(), key, compute, year)

    def result_generation(self) -> int:
        """The kept goal results' generation (result_store.py): the data version's first part."""
        generation: int = self._version()[0]
        return generation

    def _version(self) -> summaries.Version:
        return self._request.once("data version", lambda: summaries.version(self.engine))

    def table_counts(self) -> dict[str, int]:
        """Rows per table of entered data (not the derived goal results), for summaries, tests."""
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
            return [org_from_row(row) for row in conn.execute(stmt).mappings()]

    def orgs_by_id(self, org_ids: Iterable[int]) -> dict[int, OrgUnit]:
        """The organisation units with these ids, by id; in a request, those read before are not
        read again (the Målsida names where its parts are measured: often itself)."""
        found = {org_id: self._request.known(("org", org_id)) for org_id in sorted(set(org_ids))}
        missing = [org_id for org_id, org in found.items() if org is None]
        if missing:
            with self.engine.connect() as conn:
                for row in conn.execute(_ORGS, {"ids": missing}).mappings():
                    found[row["id"]] = self._noted(row)
        return {org_id: org for org_id, org in found.items() if org is not None}

    def root_org(self) -> OrgUnit | None:
        """The top of the organisation tree (the city), if any."""
        return self._one(_ROOT, {}, self._noted)

    def goals(self, year: int, levels: Sequence[GoalLevel] = tuple(GoalLevel)) -> list[Goal]:
        """Goals valid in a year at the given levels, ordered by level and code."""
        values = {"levels": [int(level) for level in levels], "year": year}
        with self.engine.connect() as conn:
            return [goal_from_row(row) for row in conn.execute(_goals_select(), values)]

    def reported_periods(self) -> list[tuple[int, str]]:
        """Every (year, period) that has at least one measurement, oldest first."""
        return list(self._request.once("reported periods", self._reported_periods))

    def _reported_periods(self) -> list[tuple[int, str]]:
        with self.engine.connect() as conn:
            pairs = [(row.year, row.period) for row in conn.execute(_PERIODS)]
        return sorted(pairs, key=period_order)

    def assessments(
        self,
        org_ids: Sequence[int],
        year: int,
        period: str,
        goal_ids: Sequence[int] | None = None,
    ) -> list[Assessment]:
        """The organisations' own assessments of their goals (of these goals only, if given) for
        a period."""
        values = {"ids": list(org_ids), "year": year, "period": period}
        stmt = _ASSESSMENTS
        if goal_ids is not None:
            stmt, values["goal_ids"] = _ASSESSMENTS_OF_GOALS, list(goal_ids)
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
                    expected_followup=row.expected_followup,
                )
                for row in conn.execute(stmt, values)
            ]

    def goal(self, code: str) -> Goal | None:
        """The goal with this code."""
        return self._first_goal(_GOAL_BY_CODE, code)

    def goal_by_id(self, goal_id: int) -> Goal | None:
        """The goal with this id."""
        return self._first_goal(_GOAL_BY_ID, goal_id)

    def child_goals(self, goal_id: int, year: int, within_org_id: int | None = None) -> list[Goal]:
        """The goals directly below a goal valid in a year, optionally only those owned within an
        organisation."""
        values = {"goal_id": goal_id, "year": year, "org_id": within_org_id}
        with self.engine.connect() as conn:
            rows = conn.execute(_child_goals(within_org_id is not None), values)
            return [goal_from_row(row) for row in rows]

    def goals_within(self, org_id: int, year: int, level: GoalLevel) -> list[Goal]:
        """Goals of a level owned by the organisation, its ancestors or anything below it."""
        values = {"org_id": org_id, "year": year, "level": int(level)}
        with self.engine.connect() as conn:
            return [goal_from_row(row) for row in conn.execute(_goals_within(), values)]

    def org(self, code: str) -> OrgUnit | None:
        """The organisation unit with this code."""
        with self.engine.connect() as conn:
            row = conn.execute(_ORG, {"code": code}).mappings().first()
        return self._noted(row) if row else None

    def org_by_id(self, org_id: int) -> OrgUnit | None:
        """The organisation unit with this id."""
        return self._one(_ORG_BY_ID, {"id": org_id}, self._noted)

    def org_path(self, org_id: int) -> str | None:
        """The organisation's materialised path ("/1/4/17/"): what access scopes compare."""
        path: str | None = self._org_path(org_id)
        return path

    def org_lineage(self, org_id: int) -> list[OrgUnit]:
        """The organisation and its ancestors, from the top down (read from its path)."""
        ids = path_ids(self._org_path(org_id))
        if self._request.active:  # the neighbourhood, read once, holds them
            return [org for org in self.org_neighbourhood(org_id) if org.id in ids]
        with self.engine.connect() as conn:
            return [org_from_row(row) for row in conn.execute(_LINEAGE, {"ids": ids}).mappings()]

    def org_neighbourhood(self, org_id: int) -> list[OrgUnit]:
        """The organisation, its ancestors, and the children of each: what a tree picker shows.

        At Stockholm scale that is ≈ 50 units instead of 1,681 on every page. Read once in a
        request, where it also gives the organisation's lineage and children (the Målsida asks
        for all three; issue 20).
        """
        return list(
            self._request.once(("org neighbourhood", org_id), lambda: self._neighbourhood(org_id))
        )

    def _neighbourhood(self, org_id: int) -> list[OrgUnit]:
        lineage = path_ids(self._org_path(org_id))
        with self.engine.connect() as conn:
            rows = conn.execute(_NEIGHBOURHOOD, {"ids": lineage}).mappings()
            found = [self._noted(row) for row in rows]
        for ancestor in lineage:  # all the children of each: the roll-up skips a unit's subtree
            children = tuple(org.id for org in found if org.parent_id == ancestor)
            self._request.note(("org children", ancestor), children)
        return found

    def org_children(self, org_id: int) -> list[OrgUnit]:
        """The organisation units directly below one, by name."""
        if self._request.active:  # the neighbourhood, read once, holds them
            return [org for org in self.org_neighbourhood(org_id) if org.parent_id == org_id]
        with self.engine.connect() as conn:
            rows = conn.execute(_CHILDREN, {"id": org_id}).mappings()
            return [org_from_row(row) for row in rows]

    def _noted(self, row: Any) -> OrgUnit:
        """The organisation of a row; within a request it and its path are kept, so nothing reads
        them again."""
        org = org_from_row(row)
        self._request.note(("org", org.id), org)
        self._request.note(("org path", org.id), row["path"])
        return org

    def indicator(self, code: str) -> Indicator | None:
        """The indicator with this code."""
        return self._one(_INDICATOR, {"code": code}, indicator_from_row)

    def activities_of(
        self, goal_ids: Sequence[int], year: int, period: str
    ) -> list[tuple[str, Activity]]:
        """(holder's org path, activity) for the goals' activities running in the year, each with
        its
        status and comment as followed up for the period (docs/rules.md §2): never a later
        follow-up.

        One query for all goals; callers keep those below an organisation by its id in the path.
        """
        values = {
            "goal_ids": list(goal_ids),
            "year": year,
            "end_month": PERIOD_END_MONTH[period],
            "first_day": dt.date(year, 1, 1),
            "last_day": dt.date(year, 12, 31),
        }
        with self.engine.connect() as conn:
            rows = conn.execute(activities_in_year(), values)
            return [(row.path, activity_from_row(row)) for row in rows]

    def activity(self, code: str) -> tuple[str, Activity] | None:
        """(holder's org path, activity) of the activity with this code, its current status and
        latest comment."""
        with self.engine.connect() as conn:
            row = conn.execute(activities_as_of().where(activity_t.c.code == code)).first()
        return (row.path, activity_from_row(row)) if row else None

    def _first_goal(self, stmt: Select[Any], key: str | int) -> Goal | None:
        with self.engine.connect() as conn:
            row = conn.execute(stmt, {"key": key}).first()
        return goal_from_row(row) if row else None

    def _one(
        self, stmt: Select[Any], values: dict[str, Any], convert: Callable[[Any], T]
    ) -> T | None:
        with self.engine.connect() as conn:
            row = conn.execute(stmt, values).mappings().first()
        return convert(row) if row else None

    def _org_path(self, org_id: int) -> str | None:
        return self._request.once(("org path", org_id), lambda: self._read_org_path(org_id))

    def _read_org_path(self, org_id: int) -> str | None:
        with self.engine.connect() as conn:
            path: str | None = conn.execute(_PATH, {"id": org_id}).scalar()
            return path

    def _scalar(self, stmt: Select[Any]) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(stmt).scalar()


# Statements every page runs, built once and run with bound values: building one took
# SQLAlchemy a few tenths of a millisecond of Python (docs/performance.md, issue 20).
_PERIODS = select(period_t.c.year, period_t.c.period)
_PATH = select(org_t.c.path).where(org_t.c.id == bindparam("id"))
_ORGS = select(org_t).where(one_of(org_t.c.id, "ids"))
_ORG = select(org_t).where(org_t.c.code == bindparam("code")).limit(1)
_ORG_BY_ID = select(org_t).where(org_t.c.id == bindparam("id")).limit(1)
_ROOT = select(org_t).where(org_t.c.parent_id.is_(None)).order_by(org_t.c.id).limit(1)
_INDICATOR = select(indicator_t).where(indicator_t.c.code == bindparam("code")).limit(1)
_LINEAGE = select(org_t).where(one_of(org_t.c.id, "ids")).order_by(org_t.c.level)
_NEIGHBOURHOOD = (
    select(org_t)
    .where(one_of(org_t.c.id, "ids") | one_of(org_t.c.parent_id, "ids"))
    .order_by(org_t.c.level, org_t.c.name)
)
_CHILDREN = select(org_t).where(org_t.c.parent_id == bindparam("id")).order_by(org_t.c.name)
_GOAL_BY_CODE = select(*GOAL_COLUMNS).where(goal_t.c.code == bindparam("key")).limit(1)
_GOAL_BY_ID = select(*GOAL_COLUMNS).where(goal_t.c.id == bindparam("key")).limit(1)
_ASSESSMENTS = select(assessment_t).where(
    one_of(assessment_t.c.org_id, "ids"),
    assessment_t.c.year == bindparam("year"),
    assessment_t.c.period == bindparam("period"),
)
_ASSESSMENTS_OF_GOALS = _ASSESSMENTS.where(one_of(assessment_t.c.goal_id, "goal_ids"))


@cache
def _child_goals(within: bool) -> Select[Any]:
    """`Store.child_goals`: below :goal_id, valid in :year, owned within :org_id if `within`."""
    stmt = (
        select(*GOAL_COLUMNS)
        .where(goal_t.c.parent_id == bindparam("goal_id"), valid_in(bindparam("year")))
        .order_by(goal_t.c.code)
    )
    if within:
        stmt = stmt.where(goal_t.c.org_id.in_(subtree(bindparam("org_id"))))
    return stmt


@cache
def _goals_within() -> Select[Any]:
    """`Store.goals_within`: of :level, valid in :year, owned at, above or below :org_id."""
    owner = org_t.alias("owner")
    own_path = select(org_t.c.path).where(org_t.c.id == bindparam("org_id")).scalar_subquery()
    related = owner.c.path.startswith(own_path) | own_path.startswith(owner.c.path)
    return (
        select(*GOAL_COLUMNS)
        .join(owner, owner.c.id == goal_t.c.org_id)
        .where(goal_t.c.level == bindparam("level"), valid_in(bindparam("year")), related)
        .order_by(goal_t.c.code)
    )


@cache
def _goals_select() -> Select[Any]:
    """`Store.goals`: :levels, valid in :year."""
    return (
        select(*GOAL_COLUMNS)
        .where(one_of(goal_t.c.level, "levels"), valid_in(bindparam("year")))
        .order_by(goal_t.c.level, goal_t.c.code)
    )


class _OnConnection:
    """Stands in for an engine in `Store.within`: every `connect()` is the one connection, left
    open."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self.url = conn.engine.url

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        yield self.conn
