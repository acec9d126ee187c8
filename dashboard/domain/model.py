"""The domain model: plain, frozen values that the store returns and the rules consume.

Nothing here knows about SQL or Dash. Enum values are what the database stores, so they
are stable English words; the Swedish labels live in `layouts/texts/`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum


class OrgLevel(IntEnum):
    """Depth in the organisation tree: stad → nämnd → avdelning → enhet."""

    CITY = 1
    COMMITTEE = 2
    DEPARTMENT = 3
    UNIT = 4


class GoalLevel(IntEnum):
    """Depth in the goal tree (målnedbrytning): inriktningsmål → KF-mål → nämndmål → enhetsmål."""

    DIRECTION = 1
    COUNCIL = 2
    COMMITTEE = 3
    UNIT = 4


class Direction(StrEnum):
    """Whether a higher or a lower value of an indicator is better."""

    HIGHER = "higher"
    LOWER = "lower"


class Gender(StrEnum):
    """Kolada's gender codes: totalt, kvinnor/flickor, män/pojkar."""

    TOTAL = "T"
    WOMEN = "K"
    MEN = "M"


class ValueStatus(StrEnum):
    """Why a measurement row has, or lacks, its outcome (docs/rules.md §1.3).

    MISSING leaves the forecast in force (an outcome not there yet); SUPPRESSED and
    NOT_APPLICABLE void the whole row: a protected value is never shown, not even as a forecast."""

    OK = "ok"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"
    SUPPRESSED = "suppressed"  # hidden for confidentiality (too few individuals)


class Status(StrEnum):
    """A fulfilment status. NO_DATA is never shown as, or counted as, met."""

    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"


# Worse to better, as a goal's parts and its movement between periods are told: a missing
# value ranks below partly met, so a value gone missing never reads as an improvement.
STATUS_ORDER = {Status.NOT_MET: 0, Status.NO_DATA: 1, Status.PARTLY_MET: 2, Status.MET: 3}


class Basis(StrEnum):
    """What a status rests on: an outcome (utfall), only a forecast (prognos), or nothing."""

    OUTCOME = "outcome"
    FORECAST = "forecast"
    MIXED = "mixed"
    NONE = "none"


class Trend(StrEnum):
    """A change judged by the indicator's direction."""

    BETTER = "better"
    UNCHANGED = "unchanged"
    WORSE = "worse"
    UNKNOWN = "unknown"


class ActivityStatus(StrEnum):
    """Follow-up status of an activity (genomförd / pågår / ej påbörjad / försenad / inställd)."""

    DONE = "done"
    ONGOING = "ongoing"
    NOT_STARTED = "not_started"
    DELAYED = "delayed"
    CANCELLED = "cancelled"


def counted_values(
    outcome: float | None, forecast: float | None, status: ValueStatus
) -> tuple[float | None, float | None]:
    """The outcome and forecast a row's value status lets count: the status wins over any number."""
    if status is ValueStatus.OK:
        return outcome, forecast
    if status is ValueStatus.MISSING:
        return None, forecast
    return None, None


# Reporting periods and the last month each covers; months "M01".."M12" are allowed too.
PERIOD_END_MONTH = {"T1": 4, "T2": 8, "FY": 12} | {f"M{m:02d}": m for m in range(1, 13)}
TERTIAL_PERIODS = ("T1", "T2", "FY")


def period_end(year: int, period: str) -> dt.date:
    """The last day of a reporting period, e.g. T1 2026 → 2026-04-30."""
    month = PERIOD_END_MONTH[period]
    next_month_start = dt.date(year + month // 12, month % 12 + 1, 1)
    return next_month_start - dt.timedelta(days=1)


@dataclass(frozen=True)
class OrgUnit:
    id: int
    code: str
    name: str
    level: OrgLevel
    parent_id: int | None


@dataclass(frozen=True)
class Goal:
    id: int
    code: str
    title: str
    level: GoalLevel
    org_id: int
    parent_id: int | None
    valid_from: int
    valid_to: int | None


@dataclass(frozen=True)
class Indicator:
    id: int
    code: str
    name: str
    unit: str
    direction: Direction
    decimals: int
    level: GoalLevel
    gender_split: bool
    kolada_kpi: str | None = None


@dataclass(frozen=True)
class Target:
    """Årsmål for one indicator, organisation and year, with the band that counts as partly met.

    `partly_limit` is the value where "delvis uppfyllt" begins (below the target when higher
    is better, above it when lower is better); None means the documented default band.
    """

    target: float
    partly_limit: float | None = None
    council_target: float | None = None


@dataclass(frozen=True)
class Reading:
    """One indicator's numbers for an organisation, year, period and gender."""

    outcome: float | None
    forecast: float | None
    value_status: ValueStatus = ValueStatus.OK


@dataclass(frozen=True)
class ActivityState:
    """What the rules need of an activity to judge whether it is on track."""

    status: ActivityStatus
    start_date: dt.date
    end_date: dt.date


@dataclass(frozen=True)
class Assessment:
    """An organisation's own målbedömning of a goal for a year and period."""

    goal_id: int
    org_id: int
    year: int
    period: str
    status: Status
    is_forecast: bool
    analysis: str
    measures: str
    expected_followup: str = ""  # how the year's förväntat resultat is followed up this period


@dataclass(frozen=True)
class IndicatorFact:
    """One indicator serving one goal, with an organisation's target and total reading."""

    goal_id: int
    org_id: int
    indicator: Indicator
    weight: float
    target: Target | None
    reading: Reading | None


@dataclass(frozen=True)
class Activity:
    """An activity under a goal, with its status and comment as followed up for a period.

    `followed_up` is False when no follow-up exists up to that period: the activity then counts
    as not started (docs/rules.md §2), since nothing reported shows that it has begun."""

    id: int
    code: str
    goal_id: int
    org_id: int
    title: str
    responsible: str
    start_date: dt.date
    end_date: dt.date
    status: ActivityStatus
    comment: str = ""
    followed_up: bool = True

    @property
    def state(self) -> ActivityState:
        """What the rules need to judge it."""
        return ActivityState(self.status, self.start_date, self.end_date)


@dataclass(frozen=True)
class Measurement:
    """One stored reading with its keys."""

    indicator_id: int
    org_id: int
    year: int
    period: str
    gender: Gender
    reading: Reading
