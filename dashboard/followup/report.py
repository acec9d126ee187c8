"""The tertial report of one organisation: every goal with its computed status and basis, its
movement since the previous period, its indicators (with the same period last year and the K/M
split, as the city's routine asks), activities, åtgärder and förväntat resultat, and the
organisation's own assessment with its justification.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dashboard.domain import rules
from dashboard.domain.model import Activity, OrgUnit, period_end
from dashboard.followup import agenda, assessments, goal_results, measures
from dashboard.followup.control_room import (
    GoalStatus,
    IndicatorLine,
    compare,
    readings_by_key,
)
from dashboard.followup.deviations import deviations_of
from dashboard.followup.measures import GoalMeasures
from dashboard.followup.movement import Movement, Standing, movement, previous_period
from dashboard.store import Store


@dataclass(frozen=True)
class GoalReport:
    """One goal for its organisation; `saved` is the form save behind the current assessment, if
    any."""

    status: GoalStatus
    lines: tuple[IndicatorLine, ...]  # the indicators, as the Målsida shows them
    activities: tuple[tuple[Activity, bool], ...]  # (activity, overdue)
    saved: assessments.AuditEntry | None
    before: Standing | None = None  # at the previous period, if it was judged there
    moved: Movement | None = None  # since the previous period; None: no deviation then or now
    measures: GoalMeasures = field(default_factory=GoalMeasures)


@dataclass(frozen=True)
class TertialReport:
    org: OrgUnit
    year: int
    period: str
    goals: tuple[GoalReport, ...]
    orgs: dict[int, OrgUnit]
    previous: tuple[int, str] | None = None  # the period movements are measured from


def tertial_report(store: Store, org: OrgUnit, year: int, period: str) -> TertialReport:
    """Judge the meeting's goals in document order: level, then code."""
    statuses = sorted(
        agenda.judged_goals(store, org, year, period), key=lambda s: (s.goal.level, s.goal.code)
    )
    saved = assessments.current_saves(store, statuses, year, period)
    as_of = period_end(year, period)
    readings = readings_by_key(
        store.measurements(
            sorted({j.fact.indicator.id for s in statuses for j in s.indicators}),
            sorted({s.org_id for s in statuses}),
            period,
            [year - 1, year],
        )
    )
    pairs = [(s.goal.id, s.org_id) for s in statuses]
    found = measures.measures_of(store, pairs, year, period)
    previous = previous_period(store.reported_periods(), year, period)
    before = _standings(store, statuses, previous)
    goals = tuple(
        GoalReport(
            status,
            tuple(
                IndicatorLine(j, *compare(j.fact.indicator, status.org_id, year, readings))
                for j in status.indicators
            ),
            tuple((a, rules.is_overdue(a.state, as_of)) for a in status.activities),
            saved.get(key := (status.goal.id, status.org_id)),
            before.get(key),
            movement(
                before.get(key),
                Standing(status.result.status, bool(deviations_of(status, as_of))),
            ),
            found.get(key, GoalMeasures()),
        )
        for status in statuses
    )
    orgs = {o.id: o for o in store.org_units()}
    return TertialReport(org, year, period, goals, orgs, previous)


def _standings(
    store: Store, statuses: list[GoalStatus], previous: tuple[int, str] | None
) -> dict[tuple[int, int], Standing]:
    """Each goal's standing at the previous period, from the kept briefs; none without one."""
    if previous is None:
        return {}
    briefs = goal_results.briefs(store, [(s.goal, s.org_id) for s in statuses], *previous)
    return {
        (b.goal.id, b.org_id): Standing(b.status, any(b.kinds.values())) for b in briefs if b.judged
    }
