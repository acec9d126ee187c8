"""Avvikelser: what a follow-up meeting should talk about, the most serious first.

The auditors found over 800 steering signals drowning what matters (DOMAIN.md, finding 4),
so the meeting starts from what deviates: goals computed as not (or only partly) met,
indicators below target or without an outcome, late activities, and own assessments that
disagree with the computed status. Everything is judged by `control_room.judge`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from dashboard import control_room, rules
from dashboard.control_room import GoalStatus, JudgedIndicator
from dashboard.model import Activity, Basis, Goal, GoalLevel, OrgUnit, Status, period_end
from dashboard.store import Store


class DeviationKind(StrEnum):
    """What deviates; the order of the members is the order within a goal."""

    GOAL_NOT_MET = "goal_not_met"
    GOAL_PARTLY_MET = "goal_partly_met"
    GOAL_NO_DATA = "goal_no_data"
    ASSESSMENT_WITHOUT_EVIDENCE = "assessment_without_evidence"
    ASSESSMENT_MORE_POSITIVE = "assessment_more_positive"
    ASSESSMENT_MORE_NEGATIVE = "assessment_more_negative"
    INDICATOR_NOT_MET = "indicator_not_met"
    INDICATOR_PARTLY_MET = "indicator_partly_met"
    INDICATOR_NO_VALUE = "indicator_no_value"
    INDICATOR_FORECAST_ONLY = "indicator_forecast_only"
    ACTIVITY_OVERDUE = "activity_overdue"
    ACTIVITY_LATE_START = "activity_late_start"


KIND_ORDER = {kind: index for index, kind in enumerate(DeviationKind)}

# How serious a kind is: 0 demands action, 1 needs attention, 2 is worth knowing.
SEVERITY = {
    DeviationKind.GOAL_NOT_MET: 0,
    DeviationKind.ASSESSMENT_WITHOUT_EVIDENCE: 0,
    DeviationKind.INDICATOR_NOT_MET: 0,
    DeviationKind.ACTIVITY_OVERDUE: 0,
    DeviationKind.GOAL_PARTLY_MET: 1,
    DeviationKind.GOAL_NO_DATA: 1,
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
# An activity's score by the rule (rules.activity_score): 0 is delayed or overdue, 0.5 late to start.
_ACTIVITY_KIND = {0.0: DeviationKind.ACTIVITY_OVERDUE, 0.5: DeviationKind.ACTIVITY_LATE_START}


@dataclass(frozen=True)
class Deviation:
    """One thing that deviates under a goal; `indicator` or `activity` says which, if either."""

    kind: DeviationKind
    indicator: JudgedIndicator | None = None
    activity: Activity | None = None

    @property
    def severity(self) -> int:
        """0 demands action, 1 needs attention, 2 is worth knowing."""
        return SEVERITY[self.kind]


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


def meeting_goals(store: Store, org: OrgUnit, year: int) -> list[tuple[Goal, int]]:
    """KF goals judged for the organisation, and the nämnd- and enhetsmål within it judged for their owners."""
    pairs = [(goal, org.id) for goal in store.goals(year, (GoalLevel.COUNCIL,))]
    for level in (GoalLevel.COMMITTEE, GoalLevel.UNIT):
        pairs += [(goal, goal.org_id) for goal in store.goals_within(org.id, year, level)]
    return pairs


def judged_goals(store: Store, org: OrgUnit, year: int, period: str) -> list[GoalStatus]:
    """Every goal of the meeting judged, leaving out goals with nothing to judge at their organisation."""
    statuses = control_room.judge(store, meeting_goals(store, org, year), year, period)
    return [s for s in statuses if s.result.reason is not rules.GoalReason.NO_PARTS]


def deviations(store: Store, org: OrgUnit, year: int, period: str) -> list[GoalDeviations]:
    """Goals with at least one deviation, the most serious first."""
    as_of = period_end(year, period)
    found = []
    for status in judged_goals(store, org, year, period):
        items = goal_items(status) + indicator_items(status.indicators) + activity_items(status.activities, as_of)
        if items:
            found.append(GoalDeviations(status, tuple(sorted(items, key=lambda d: KIND_ORDER[d.kind]))))
    return sorted(found, key=_rank)


def goal_items(status: GoalStatus) -> list[Deviation]:
    """The goal's own status and its assessment, where they deviate."""
    items = []
    if status.result.status in _GOAL_KIND:
        items.append(Deviation(_GOAL_KIND[status.result.status]))
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


def activity_items(activities: Sequence[Activity], as_of) -> list[Deviation]:
    """Activities delayed, past their end date, or not started although they should have."""
    items = []
    for activity in activities:
        kind = _ACTIVITY_KIND.get(rules.activity_score(activity.state, as_of))
        if kind is not None:
            items.append(Deviation(kind, activity=activity))
    return items


_STATUS_RANK = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.NO_DATA: 2, Status.MET: 3}


def _rank(goal: GoalDeviations) -> tuple:
    """Worst status first, then the most serious deviation, the most of them, the lowest score."""
    serious = sum(item.severity == 0 for item in goal.items)
    result = goal.status.result
    return (_STATUS_RANK[result.status], goal.severity, -serious, result.score or 0.0, goal.status.goal.code)


def counts(found: Sequence[GoalDeviations]) -> dict[DeviationKind, int]:
    """How many deviations of each kind, counted per goal (an indicator may serve two goals)."""
    totals = {kind: 0 for kind in DeviationKind}
    for goal in found:
        for item in goal.items:
            totals[item.kind] += 1
    return totals
