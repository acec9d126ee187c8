"""Översikt's reads (issue 20): for the KF goals, the direction goals come with them."""

import pytest

from dashboard.domain.model import GoalLevel
from dashboard.followup import control_room
from dashboard.pages.overview import overview

YEAR, PERIOD = 2026, "T2"


@pytest.mark.parametrize("org_code", ["STAD", "SKA"])
def test_the_kf_goals_and_the_direction_goals_are_read_together(demo_store, org_code, monkeypatch):
    org = demo_store.org(org_code)
    asked: list[tuple[int, tuple[GoalLevel, ...]]] = []
    goals = demo_store.goals

    def counted(year, levels=tuple(GoalLevel)):
        asked.append((year, tuple(levels)))
        return goals(year, levels)

    monkeypatch.setattr(demo_store, "goals", counted)
    found = overview(demo_store, org, YEAR, PERIOD, GoalLevel.COUNCIL)
    monkeypatch.undo()
    every = tuple(GoalLevel)  # the trend's goals by code, kept as a summary
    assert [levels for year, levels in asked if year == YEAR and levels != every] == [
        (GoalLevel.DIRECTION, GoalLevel.COUNCIL)
    ]
    assert found.direction_goals == demo_store.goals(YEAR, (GoalLevel.DIRECTION,))
    assert found.direction_goals
    assert found.statuses == control_room.goal_statuses(demo_store, org.id, YEAR, PERIOD)
