"""The control room's numbers: each goal's computed status next to the organisation's own.

Glue between the store and the rules, kept out of callbacks so it can be tested without
Dash: it asks the store for plain facts and lets `rules` judge them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard import rules
from dashboard.model import Assessment, Goal, GoalLevel, IndicatorFact, period_end
from dashboard.store import Store


@dataclass(frozen=True)
class JudgedIndicator:
    fact: IndicatorFact
    result: rules.IndicatorResult


@dataclass(frozen=True)
class GoalStatus:
    """A goal's computed fulfilment for one organisation and period, and its own assessment."""

    goal: Goal
    result: rules.GoalResult
    indicators: tuple[JudgedIndicator, ...]
    assessment: Assessment | None
    disagreement: rules.Disagreement


def goal_statuses(
    store: Store,
    org_id: int,
    year: int,
    period: str,
    levels: Sequence[GoalLevel] = (GoalLevel.COUNCIL,),
    config: rules.RuleConfig = rules.DEFAULT_RULES,
) -> list[GoalStatus]:
    """Judge every goal at the given levels for the organisation, year and period."""
    goals = store.goals(year, levels)
    goal_ids = [goal.id for goal in goals]
    applicable = store.measured_indicator_ids(org_id, year)
    facts: dict[int, list[IndicatorFact]] = {goal_id: [] for goal_id in goal_ids}
    for fact in store.goal_indicator_facts(org_id, year, period, goal_ids):
        if fact.indicator.id in applicable:
            facts[fact.goal_id].append(fact)
    activities = store.goal_activities(org_id, goal_ids) if config.include_activities else {}
    assessments = {a.goal_id: a for a in store.assessments(org_id, year, period)}
    as_of = period_end(year, period)
    statuses = []
    for goal in goals:
        judged = tuple(
            JudgedIndicator(fact, rules.indicator_status(fact.indicator.direction, fact.target, fact.reading, config))
            for fact in facts[goal.id]
        )
        parts = [rules.indicator_part(j.fact.indicator.name, j.fact.weight, j.result) for j in judged]
        activity = rules.activity_part(activities.get(goal.id, []), as_of, config)
        if activity is not None:
            parts.append(activity)
        result = rules.goal_fulfilment(parts, config)
        assessment = assessments.get(goal.id)
        statuses.append(
            GoalStatus(goal, result, judged, assessment, rules.disagreement(result.status, assessment))
        )
    return statuses
