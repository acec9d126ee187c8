"""The tables' short names, rows as model objects, and SQL conditions the store's reads share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    Table,
    case,
    literal_column,
    select,
    true,
)

from dashboard.domain.model import (
    PERIOD_END_MONTH,
    Direction,
    Goal,
    GoalLevel,
    Indicator,
    OrgLevel,
    OrgUnit,
    Reading,
    Target,
    ValueStatus,
    counted_values,
)
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


def table_of(record: type[Base]) -> Table:
    """The Core table of an ORM class, typed as one."""
    table = record.__table__
    assert isinstance(table, Table)
    return table


org_t = table_of(OrgUnitRecord)
goal_t = table_of(GoalRecord)
indicator_t = table_of(IndicatorRecord)
link_t = table_of(GoalIndicatorRecord)
target_t = table_of(TargetRecord)
measurement_t = table_of(MeasurementRecord)
activity_t = table_of(ActivityRecord)
activity_update_t = table_of(ActivityUpdateRecord)
assessment_t = table_of(AssessmentRecord)
upload_t = table_of(UploadRecord)
period_t = table_of(ReportedPeriodRecord)


def among(column: ColumnElement[int], org_ids: Sequence[int] | None) -> ColumnElement[bool]:
    """SQL: the column is one of the organisations; None is every organisation, the whole city.

    The whole city as a list would be 1,681 bound values: 20 ms per query on PostgreSQL."""
    return true() if org_ids is None else column.in_(list(org_ids))


def path_ids(path: str | None) -> list[int]:
    """The organisation ids of a materialised path ("/1/4/17/"), from the top down: the
    organisation and every organisation above it."""
    return [int(part) for part in (path or "").strip("/").split("/") if part]


def subtree(org_id: int | BindParameter[int]) -> Select[tuple[int]]:
    """SQL: ids of the organisation and everything below it (its path is a prefix of theirs)."""
    own_path = select(org_t.c.path).where(org_t.c.id == org_id).scalar_subquery()
    return select(org_t.c.id).where(org_t.c.path.startswith(own_path))


def valid_in(year: int | BindParameter[int]) -> ColumnElement[bool]:
    """SQL condition: a goal is valid in the year (a number, or a bound parameter)."""
    return (goal_t.c.valid_from <= year) & (
        goal_t.c.valid_to.is_(None) | (goal_t.c.valid_to >= year)
    )


def period_order(pair: tuple[int, str]) -> tuple[int, int, str]:
    """Sort key: by year, then by the period's end month (FY after T2)."""
    year, period = pair
    return year, PERIOD_END_MONTH.get(period, 13), period


def org_from_row(row: Any) -> OrgUnit:
    """An OrgUnit from a row (a mapping) of the organisation table."""
    return OrgUnit(row["id"], row["code"], row["name"], OrgLevel(row["level"]), row["parent_id"])


GOAL_COLUMNS = [goal_t.c[field.name] for field in fields(Goal)]
_GOAL_LEVEL = {int(level): level for level in GoalLevel}


def goal_from_row(row: Any) -> Goal:
    """A Goal from a row of `GOAL_COLUMNS` (positional: pages read thousands of goals)."""
    goal_id, code, title, level, *rest = row
    return Goal(goal_id, code, title, _GOAL_LEVEL[level], *rest)


def indicator_from_row(row: Any) -> Indicator:
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


def target_from_row(row: Any) -> Target | None:
    """A Target from a row holding the target table's value columns (None without a target)."""
    if row["target"] is None:
        return None
    return Target(row["target"], row["partly_limit"], row["council_target"])


def reading_from(outcome: float | None, forecast: float | None, value_status: str) -> Reading:
    """A stored reading as pages may see it: a row whose value status is not ok carries no number,
    so a protected (skyddad) value is never shown, charted or judged, whatever the row holds."""
    status = ValueStatus(value_status)
    return Reading(*counted_values(outcome, forecast, status), status)


def latest_period_first(table: Table) -> tuple[Any, ...]:
    """ORDER BY terms putting a table's latest (year, period) first: by the period's end month,
    as `reported_periods` does, so the year's FY comes after its T2 (by name it would not)."""
    return table.c.year.desc(), period_end_month(table.c.period).desc(), table.c.period.desc()


def period_end_month(period: ColumnElement[str]) -> ColumnElement[int]:
    """SQL: the period's end month (13: none), its constants written into the statement: bound,
    they were 30 parameters every run of a statement processed, four times in the Målsida's
    activities (137 parameters, 200 µs of SQLAlchemy; issue 20). The names are our own
    constants (model.py: T1, FY, M01 …)."""
    whens: dict[Any, Any] = {
        literal_column(f"'{name}'"): literal_column(str(month))
        for name, month in PERIOD_END_MONTH.items()
    }
    return case(whens, value=period, else_=literal_column("13"))
