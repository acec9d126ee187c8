"""Målbedömning's data: the goal judged now at the organisation, and its assessments so far."""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.domain.model import Goal, OrgUnit
from dashboard.followup import assessments, control_room
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.control_room import GoalStatus
from dashboard.store import Store


def assessment_form(
    store: Store, goal: Goal, org: OrgUnit, year: int, period: str
) -> tuple[GoalStatus, Sequence[AuditEntry]]:
    """The goal's status computed now, and the history of its assessment at the organisation."""
    [status] = control_room.judge(store, [(goal, org.id)], year, period)
    return status, assessments.history(store, goal.id, org.id, year, period)
