"""Avvikelser: what a follow-up meeting should talk about, the most serious first.

The auditors found over 800 steering signals drowning what matters (DOMAIN.md, finding 4),
so the meeting starts from what deviates: goals computed as not (or only partly) met,
indicators below target or without an outcome, late activities, and own assessments that
disagree with the computed status. What counts as a deviation, and how serious; `agenda`
decides which goals a meeting looks at and ranks them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from dashboard.domain import rules
from dashboard.domain.measures import Measure
from dashboard.domain.model import Activity, Basis, Status
from dashboard.followup.control_room import GoalStatus, JudgedIndicator


class DeviationKind(StrEnum):
    """What deviates; the order of the members is the order within a goal."""

    GOAL_NOT_MET = "goal_not_met"
    GOAL_PARTLY_MET = "goal_partly_met"
    GOAL_NO_DATA = "goal_no_data"
    GOAL_MET_ON_FORECAST = (
        "goal_met_on_forecast"  # met, but not without the parts resting on forecasts
    )
    ASSESSMENT_WITHOUT_EVIDENCE = "assessment_without_evidence"
    ASSESSMENT_MORE_POSITIVE = "assessment_more_positive"
    ASSESSMENT_MORE_NEGATIVE = "assessment_more_negative"
    INDICATOR_NOT_MET = "indicator_not_met"
    INDICATOR_PARTLY_MET = "indicator_partly_met"
    INDICATOR_NO_VALUE = "indicator_no_value"
    INDICATOR_FORECAST_ONLY = "indicator_forecast_only"
    ACTIVITY_OVERDUE = "activity_overdue"
    ACTIVITY_LATE_START = "activity_late_start"
    MEASURE_OVERDUE = "measure_overdue"  # an åtgärd open past its due date


KIND_ORDER = {kind: index for index, kind in enumerate(DeviationKind)}

# How serious a kind is: 0 demands action, 1 needs attention, 2 is worth knowing.
KIND_SEVERITY = {
    DeviationKind.GOAL_NOT_MET: 0,
    DeviationKind.ASSESSMENT_WITHOUT_EVIDENCE: 0,
    DeviationKind.INDICATOR_NOT_MET: 0,
    DeviationKind.ACTIVITY_OVERDUE: 0,
    DeviationKind.MEASURE_OVERDUE: 0,
    DeviationKind.GOAL_PARTLY_MET: 1,
    DeviationKind.GOAL_NO_DATA: 1,
    DeviationKind.GOAL_MET_ON_FORECAST: 1,
    DeviationKind.ASSESSMENT_MORE_POSITIVE: 1,
    DeviationKind.INDICATOR_PARTLY_MET: 1,
    DeviationKind.INDICATOR_NO_VALUE: 1,
    DeviationKind.INDICATOR_FORECAST_ONLY: 1,
    DeviationKind.ACTIVITY_LATE_START: 1,
    DeviationKind.ASSESSMENT_MORE_NEGATIVE: 2,
}

_GOAL_KIND = {
    Status.NOT_MET: DeviationKind.GOAL_NOT_MET,
    Status.PARTLY_MET: DeviationKind.GOAL_PARTLY_MET,
    Status.NO_DATA: DeviationKind.GOAL_NO_DATA,
}
_ASSESSMENT_KIND = {
    rules.Disagreement.WITHOUT_EVIDENCE: DeviationKind.ASSESSMENT_WITHOUT_EVIDENCE,
    rules.Disagreement.MORE_POSITIVE: DeviationKind.ASSESSMENT_MORE_POSITIVE,
    rules.Disagreement.MORE_NEGATIVE: DeviationKind.ASSESSMENT_MORE_NEGATIVE,
}
_INDICATOR_KIND = {
    Status.NOT_MET: DeviationKind.INDICATOR_NOT_MET,
    Status.PARTLY_MET: DeviationKind.INDICATOR_PARTLY_MET,
    Status.NO_DATA: DeviationKind.INDICATOR_NO_VALUE,
}
# An activity's score by the rule (rules.activity_score): 0 delayed or overdue, 0.5 late to start.
_ACTIVITY_KIND = {0.0: DeviationKind.ACTIVITY_OVERDUE, 0.5: DeviationKind.ACTIVITY_LATE_START}


@dataclass(frozen=True)
class Deviation:
    """One thing that deviates under a goal; `indicator`, `activity` or `measure` says which, if
    any."""

    kind: DeviationKind
    indicator: JudgedIndicator | None = None
    activity: Activity | None = None
    measure: Measure | None = None

    @property
    def severity(self) -> int:
        """0 demands action, 1 needs attention, 2 is worth knowing."""
        return KIND_SEVERITY[self.kind]


@dataclass(frozen=True)
class GoalDeviations:
    """A goal judged for one organisation and everything under it that deviates."""

    status: GoalStatus
    items: tuple[Deviation, ...]

    @property
    def severity(self) -> int:
        """The severity of the most serious deviation."""
        return min(item.severity for item in self.items)

    def of(self, *kinds: DeviationKind) -> list[Deviation]:
        """The deviations of the given kinds."""
        return [item for item in self.items if item.kind in kinds]

    @property
    def kinds(self) -> Counter[DeviationKind]:
        """How many deviations of each kind (what `counts` adds up)."""
        return Counter(item.kind for item in self.items)


def deviations_of(status: GoalStatus, as_of: dt.date) -> list[Deviation]:
    """Everything that deviates under a judged goal, in the order of the kinds."""
    found = (
        goal_items(status)
        + indicator_items(status.indicators)
        + activity_items(status.activities, as_of)
        + measure_items(status.measures, as_of)
    )
    return sorted(found, key=lambda d: KIND_ORDER[d.kind])


def goal_items(status: GoalStatus) -> list[Deviation]:
    """The goal's own status and its assessment, where they deviate."""
    items = []
    if status.result.status in _GOAL_KIND:
        items.append(Deviation(_GOAL_KIND[status.result.status]))
    if status.result.met_on_forecast:  # counted apart from met on outcome (auditors' finding 1)
        items.append(Deviation(DeviationKind.GOAL_MET_ON_FORECAST))
    if status.disagreement in _ASSESSMENT_KIND:
        items.append(Deviation(_ASSESSMENT_KIND[status.disagreement]))
    return items


def indicator_items(judged: Sequence[JudgedIndicator]) -> list[Deviation]:
    """Indicators below target or without a value, and those met on a forecast alone."""
    items = []
    for indicator in judged:
        result = indicator.result
        if not result.applicable:
            continue
        if result.status in _INDICATOR_KIND:
            items.append(Deviation(_INDICATOR_KIND[result.status], indicator=indicator))
        elif result.basis is Basis.FORECAST:  # met, but no outcome exists (auditors' finding 1)
            items.append(Deviation(DeviationKind.INDICATOR_FORECAST_ONLY, indicator=indicator))
    return items


def activity_items(activities: Sequence[Activity], as_of: dt.date) -> list[Deviation]:
    """Activities delayed, past their end date, or not started although they should have."""
    items = []
    for activity in activities:
        score = rules.activity_score(activity.state, as_of)
        kind = None if score is None else _ACTIVITY_KIND.get(score)
        if kind is not None:
            items.append(Deviation(kind, activity=activity))
    return items


def measure_items(measures: Sequence[Measure], as_of: dt.date) -> list[Deviation]:
    """Åtgärder still open past their due date."""
    return [
        Deviation(DeviationKind.MEASURE_OVERDUE, measure=m) for m in measures if m.overdue(as_of)
    ]


_STATUS_RANK = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.NO_DATA: 2, Status.MET: 3}


def rank(
    status: Status, score: float | None, code: str, kinds: Mapping[DeviationKind, int]
) -> tuple[int, int, int, float, str]:
    """Worst status first, then the most serious deviation, the most of them, the lowest score."""
    present = [kind for kind, count in kinds.items() if count]
    serious = sum(count for kind, count in kinds.items() if KIND_SEVERITY[kind] == 0)
    return (
        _STATUS_RANK[status],
        min(KIND_SEVERITY[kind] for kind in present),
        -serious,
        score or 0.0,
        code,
    )


def counts(found: Iterable[Mapping[DeviationKind, int]]) -> dict[DeviationKind, int]:
    """How many deviations of each kind, counted per goal (an indicator may serve two goals)."""
    totals = {kind: 0 for kind in DeviationKind}
    for kinds in found:
        for kind, count in kinds.items():
            totals[kind] += count
    return totals
