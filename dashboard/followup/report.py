"""The tertial report of one organisation: every goal with its computed status and basis,
its indicators (with the same period last year and the K/M split, as the city's routine asks)
and activities, and the organisation's own assessment with its justification.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain import rules
from dashboard.domain.model import Activity, OrgUnit, period_end
from dashboard.followup import agenda, assessments
from dashboard.followup.control_room import (
    GoalStatus,
    IndicatorLine,
    compare,
    readings_by_key,
)
from dashboard.store import Store


@dataclass(frozen=True)
class GoalReport:
    """One goal for its organisation; `saved` is the form save behind the current assessment, if
    any."""

    status: GoalStatus
    lines: tuple[IndicatorLine, ...]  # the indicators, as the Målsida shows them
    activities: tuple[tuple[Activity, bool], ...]  # (activity, overdue)
    saved: assessments.AuditEntry | None


@dataclass(frozen=True)
class TertialReport:
    org: OrgUnit
    year: int
    period: str
    goals: tuple[GoalReport, ...]
    orgs: dict[int, OrgUnit]


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
    goals = tuple(
        GoalReport(
            status,
            tuple(
                IndicatorLine(j, *compare(j.fact.indicator, status.org_id, year, readings))
                for j in status.indicators
            ),
            tuple((a, rules.is_overdue(a.state, as_of)) for a in status.activities),
            saved.get((status.goal.id, status.org_id)),
        )
        for status in statuses
    )
    return TertialReport(org, year, period, goals, {o.id: o for o in store.org_units()})
