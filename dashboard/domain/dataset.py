"""Records keyed by business codes, the shape in which data enters the store.

The demo generator produces them and the store writes them; codes (not database ids) make
the same data loadable again and into any database. NamedTuples keep millions of
measurement rows cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from dashboard.domain.model import (
    ActivityStatus,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Status,
    ValueStatus,
)


class OrgRow(NamedTuple):
    code: str
    name: str
    level: OrgLevel
    parent_code: str | None


class GoalRow(NamedTuple):
    code: str
    title: str
    level: GoalLevel
    org_code: str
    parent_code: str | None
    valid_from: int
    valid_to: int | None = None
    description: str = ""


class IndicatorRow(NamedTuple):
    code: str
    name: str
    unit: str
    direction: Direction
    decimals: int
    level: GoalLevel
    gender_split: bool
    kolada_kpi: str | None = None


class GoalIndicatorRow(NamedTuple):
    goal_code: str
    indicator_code: str
    weight: float = 1.0


class TargetRow(NamedTuple):
    indicator_code: str
    org_code: str
    year: int
    target: float
    partly_limit: float | None = None
    council_target: float | None = None


class MeasurementRow(NamedTuple):
    indicator_code: str
    org_code: str
    year: int
    period: str
    gender: Gender
    outcome: float | None
    forecast: float | None
    value_status: ValueStatus = ValueStatus.OK
    comment: str = ""


class ActivityRow(NamedTuple):
    code: str
    goal_code: str
    org_code: str
    title: str
    responsible: str
    start_date: dt.date
    end_date: dt.date
    status: ActivityStatus


class ActivityUpdateRow(NamedTuple):
    activity_code: str
    year: int
    period: str
    status: ActivityStatus
    comment: str = ""


class AssessmentRow(NamedTuple):
    goal_code: str
    org_code: str
    year: int
    period: str
    status: Status
    is_forecast: bool
    analysis: str = ""
    measures: str = ""


@dataclass
class Dataset:
    """Everything needed to fill a store; measurements may be a lazy iterable."""

    org_units: list[OrgRow] = field(default_factory=list)
    goals: list[GoalRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    goal_indicators: list[GoalIndicatorRow] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    measurements: Iterable[MeasurementRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    activity_updates: list[ActivityUpdateRow] = field(default_factory=list)
    assessments: list[AssessmentRow] = field(default_factory=list)
