"""Översikt's data: the goals of the chosen level judged for their organisations."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.model import Goal, GoalLevel, OrgUnit
from dashboard.followup import control_room
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.history import Point, histories
from dashboard.store import Store

ORGS_BY_ID = ("organisations by id",)  # the whole tree: a card names where a part is measured


@dataclass(frozen=True)
class Overview:
    direction_goals: list[Goal]
    statuses: list[GoalStatus]
    owners: dict[int, OrgUnit]
    histories: dict[tuple[int, int], list[Point]]  # each card's status over the last periods


def overview(store: Store, org: OrgUnit, year: int, period: str, level: GoalLevel) -> Overview:
    """KF goals judged for the organisation; nämnd- and enhetsmål for their own organisations."""
    if level is GoalLevel.COUNCIL:  # the KF goals with the direction goals: one read
        both = store.goals(year, (GoalLevel.DIRECTION, GoalLevel.COUNCIL))
        direction = [g for g in both if g.level is GoalLevel.DIRECTION]
        council = [(g, org.id) for g in both if g.level is GoalLevel.COUNCIL]
        statuses = control_room.judge(store, council, year, period)
    else:
        direction = store.goals(year, (GoalLevel.DIRECTION,))
        goals = store.goals_within(org.id, year, level)
        statuses = control_room.judge(store, [(g, g.org_id) for g in goals], year, period)
    return Overview(
        direction_goals=direction,
        statuses=statuses,
        owners=store.summary(ORGS_BY_ID, lambda: {o.id: o for o in store.org_units()}),
        histories=histories(store, [(s.goal, s.org_id) for s in statuses], year, period),
    )
