"""The open-data API's resources (/api/v1/, issue 19): one table that the server's routes, the
CSV and JSON writers and the OpenAPI description are all made from. No Flask here.

Each resource reads a page of rows (`limit` + `offset`) in a fixed order. Goal results are the
kept results (dashboard/followup/goal_results.py), judged and kept first where missing; measured
values never carry a protected number (dashboard/store/open_data.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from itertools import islice

from dashboard.domain import rules
from dashboard.domain.model import (
    Basis,
    Direction,
    Gender,
    Goal,
    GoalLevel,
    OrgUnit,
    Status,
    ValueStatus,
)
from dashboard.followup import goal_results
from dashboard.store import Store, open_data
from dashboard.store.open_data import Row

VERSION = "v1"
DEFAULT_LIMIT, MAX_LIMIT = 1000, 10_000  # rows per page


class Filter(StrEnum):
    """What a resource's rows may be filtered by (their query keys: layouts/urls.py)."""

    YEAR = "year"
    PERIOD = "period"
    ORG = "org"  # the organisation and everything below it
    INDICATOR = "indicator"


@dataclass(frozen=True)
class Field:
    """One column of a resource: its name, JSON type, meaning, and the values it may take."""

    name: str
    kind: str  # a JSON Schema type: "string", "integer", "number" or "boolean"
    about: str
    nullable: bool = False
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Query:
    """A request's filters, checked: None is "not filtered"."""

    year: int | None = None
    period: str | None = None
    org: OrgUnit | None = None
    indicator: str | None = None


@dataclass(frozen=True)
class Resource:
    name: str  # the path segment under /api/v1/
    summary: str
    fields: tuple[Field, ...]
    filters: tuple[Filter, ...]
    read: Callable[[Store, Query, int, int], list[Row]]  # a page: (store, query, limit, offset)


def _values(enum: type[Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in enum)


def _org_id(query: Query) -> int | None:
    return query.org.id if query.org else None


def period_of(store: Store, query: Query) -> tuple[int, str] | None:
    """The reported period goal results are for: as asked, else the newest that fits (None if
    none does)."""
    fitting = [
        (year, period)
        for year, period in store.reported_periods()
        if query.year in (None, year) and query.period in (None, period)
    ]
    return fitting[-1] if fitting else None


def _goal_results(store: Store, query: Query, limit: int, offset: int) -> list[Row]:
    found = period_of(store, query)
    if found is None:
        return []
    year, period = found
    orgs = open_data.org_ids(store.engine, _org_id(query))
    page = list(islice(_pairs(store.goals(year), orgs), offset, offset + limit))
    briefs = goal_results.briefs(store, [(goal, org_id) for goal, org_id, _ in page], year, period)
    return [
        {
            "goal_code": goal.code,
            "org_code": org_code,
            "year": year,
            "period": period,
            "status": brief.status.value,
            "score": brief.score,
            "basis": brief.basis.value,
            "reason": brief.reason.value,
            "assessment_status": brief.assessment_status.value if brief.assessment_status else None,
        }
        for (goal, _, org_code), brief in zip(page, briefs)
    ]


def _pairs(
    goals: Sequence[Goal], orgs: Sequence[tuple[int, str]]
) -> Iterator[tuple[Goal, int, str]]:
    """Per organisation in tree order: its own goals, and every KF goal (as Översikt judges
    them for any organisation), by level and code."""
    council = [goal for goal in goals if goal.level is GoalLevel.COUNCIL]
    owned: dict[int, list[Goal]] = defaultdict(list)
    for goal in goals:
        owned[goal.org_id].append(goal)
    for org_id, code in orgs:
        own = owned.get(org_id, [])
        ids = {goal.id for goal in own}
        for goal in sorted([*own, *(g for g in council if g.id not in ids)], key=_goal_order):
            yield goal, org_id, code


def _goal_order(goal: Goal) -> tuple[int, str]:
    return int(goal.level), goal.code


def _values_page(store: Store, query: Query, limit: int, offset: int) -> list[Row]:
    filters = (query.year, query.period, _org_id(query), query.indicator)
    return open_data.values(store.engine, filters, limit, offset)


ORG_CODE = Field("org_code", "string", "The organisation's code.")
YEAR = Field("year", "integer", "The year.")
PERIOD = Field("period", "string", "The reporting period: T1, T2, FY or M01–M12.")
LEVEL = Field("level", "integer", "Depth in its tree, from 1 (the top).")

RESOURCES: tuple[Resource, ...] = (
    Resource(
        "goal-results",
        "Each goal's computed result per organisation for one reported period (default: the "
        "newest): its own goals and every KF goal, per organisation in tree order.",
        (
            Field("goal_code", "string", "The goal's code."),
            ORG_CODE,
            YEAR,
            PERIOD,
            Field("status", "string", "The computed status.", choices=_values(Status)),
            Field("score", "number", "The weighted score from 0 to 1.", nullable=True),
            Field("basis", "string", "What the status rests on.", choices=_values(Basis)),
            Field("reason", "string", "Why it got its status.", choices=_values(rules.GoalReason)),
            Field(
                "assessment_status",
                "string",
                "The organisation's own assessment, if made.",
                nullable=True,
                choices=_values(Status),
            ),
        ),
        (Filter.YEAR, Filter.PERIOD, Filter.ORG),
        _goal_results,
    ),
    Resource(
        "indicator-values",
        "Measured values per indicator, organisation, period and gender. A protected (skyddad) "
        "or not applicable value carries no number; a missing one keeps its forecast.",
        (
            Field("indicator_code", "string", "The indicator's code."),
            ORG_CODE,
            YEAR,
            PERIOD,
            Field("gender", "string", "T total, K women, M men.", choices=_values(Gender)),
            Field("outcome", "number", "The outcome (utfall).", nullable=True),
            Field("forecast", "number", "The forecast (prognos).", nullable=True),
            Field(
                "value_status",
                "string",
                "Why a value is there or not.",
                choices=_values(ValueStatus),
            ),
        ),
        (Filter.YEAR, Filter.PERIOD, Filter.ORG, Filter.INDICATOR),
        _values_page,
    ),
    Resource(
        "organisations",
        "The organisation tree, parents before children.",
        (
            Field("code", "string", "The organisation's code."),
            Field("name", "string", "Its name."),
            LEVEL,
            Field("parent_code", "string", "The code of the one above.", nullable=True),
        ),
        (Filter.ORG,),
        lambda store, query, limit, offset: open_data.organisations(
            store.engine, _org_id(query), limit, offset
        ),
    ),
    Resource(
        "goals",
        "The goal tree (målnedbrytning), by level and code; with a year, the goals valid in it.",
        (
            Field("code", "string", "The goal's code."),
            Field("title", "string", "Its title."),
            LEVEL,
            Field("org_code", "string", "The organisation that owns it."),
            Field("parent_code", "string", "The goal it breaks down.", nullable=True),
            Field("valid_from", "integer", "The first year it is valid."),
            Field("valid_to", "integer", "The last year it is valid.", nullable=True),
        ),
        (Filter.YEAR, Filter.ORG),
        lambda store, query, limit, offset: open_data.goals(
            store.engine, query.year, _org_id(query), limit, offset
        ),
    ),
    Resource(
        "indicators",
        "Every indicator's metadata, by code.",
        (
            Field("code", "string", "The indicator's code."),
            Field("name", "string", "Its name."),
            Field("unit", "string", "Its unit, e.g. %."),
            Field(
                "direction",
                "string",
                "Whether higher or lower is better.",
                choices=_values(Direction),
            ),
            Field("decimals", "integer", "Decimals shown."),
            LEVEL,
            Field("gender_split", "boolean", "Whether it is reported per gender."),
            Field("kolada_kpi", "string", "Its Kolada KPI id.", nullable=True),
        ),
        (),
        lambda store, query, limit, offset: open_data.indicators(store.engine, limit, offset),
    ),
)
BY_NAME = {resource.name: resource for resource in RESOURCES}


def page(
    store: Store, resource: Resource, query: Query, limit: int, offset: int
) -> tuple[list[Row], bool]:
    """A page of the resource's rows, and whether more follow."""
    rows = resource.read(store, query, limit + 1, offset)
    return rows[:limit], len(rows) > limit
