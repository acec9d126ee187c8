"""The goal page's data: the goal judged at the organisation, and the form save behind its
assessment."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.model import Goal, OrgUnit
from dashboard.followup import assessments, control_room, indicator_movement
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.control_room import GoalView
from dashboard.followup.history import Point, histories
from dashboard.followup.indicator_movement import IndicatorMove
from dashboard.pages.national import NationalView, national_views
from dashboard.store import Store


@dataclass(frozen=True)
class GoalPage:
    view: GoalView
    lineage: list[OrgUnit]
    saved: AuditEntry | None  # the last save of the assessment shown, if made with the form
    history: list[Point]  # its status over the last periods, this one last
    national: dict[int, NationalView]  # indicator id → its Kolada comparison (docs/national.md)
    moves: dict[str, IndicatorMove]  # indicator code → its movement since the previous period


def goal_page(store: Store, goal: Goal, org: OrgUnit, year: int, period: str) -> GoalPage:
    """The goal at the organisation, its organisation's lineage and its assessment's last save."""
    view = control_room.goal_view(store, goal, org, year, period)
    status = view.status
    saves = assessments.current_saves(store, [status], year, period)
    saved = saves.get((status.goal.id, status.org_id))
    points = histories(store, [(goal, org.id)], year, period)[goal.id, org.id]
    indicators = [line.judged.fact.indicator for line in view.lines]
    national = national_views(store, indicators, year)
    moves = indicator_movement.moves(store, goal, org.id, year, period, view.lines)
    return GoalPage(view, store.org_lineage(org.id), saved, points, national, moves)
