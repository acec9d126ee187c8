"""The control room's numbers: each goal's computed status next to the organisation's own.

Glue between the store and the rules, kept out of callbacks so it can be tested without
Dash: it asks the store for plain facts and lets `rules` judge them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard import rules
from dashboard.model import (
    Activity,
    Assessment,
    Gender,
    Goal,
    GoalLevel,
    Indicator,
    IndicatorFact,
    Measurement,
    OrgUnit,
    Reading,
    period_end,
)
from dashboard.store import Store


@dataclass(frozen=True)
class JudgedIndicator:
    fact: IndicatorFact
    result: rules.IndicatorResult


@dataclass(frozen=True)
class GoalStatus:
    """A goal's computed fulfilment for one organisation and period, and its own assessment."""

    goal: Goal
    org_id: int
    result: rules.GoalResult
    indicators: tuple[JudgedIndicator, ...]
    activities: tuple[Activity, ...]  # held by the organisation or below, running in the year
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
    """Judge every goal at the given levels for one organisation, year and period."""
    goals = store.goals(year, levels)
    return judge(store, [(goal, org_id) for goal in goals], year, period, config)


def judge(
    store: Store,
    pairs: Sequence[tuple[Goal, int]],
    year: int,
    period: str,
    config: rules.RuleConfig = rules.DEFAULT_RULES,
) -> list[GoalStatus]:
    """Judge each (goal, organisation) pair, reading the store once per kind of fact."""
    goal_ids = sorted({goal.id for goal, _ in pairs})
    org_ids = sorted({org_id for _, org_id in pairs})
    facts: dict[tuple[int, int], list[IndicatorFact]] = defaultdict(list)
    for fact in _facts(store, pairs, year, period):
        facts[fact.goal_id, fact.org_id].append(fact)
    activities = activities_below(store, goal_ids, org_ids, year)
    assessments = {(a.goal_id, a.org_id): a for a in store.assessments(org_ids, year, period)}
    as_of = period_end(year, period)
    statuses = []
    for goal, org_id in pairs:
        judged = tuple(
            JudgedIndicator(
                fact, rules.indicator_status(fact.indicator.direction, fact.target, fact.reading, config)
            )
            for fact in facts[goal.id, org_id]
        )
        parts = [rules.indicator_part(j.fact.indicator.name, j.fact.weight, j.result) for j in judged]
        held = tuple(activities.get((goal.id, org_id), ()))
        activity = rules.activity_part([a.state for a in held], as_of, config)
        if activity is not None:
            parts.append(activity)
        result = rules.goal_fulfilment(parts, config)
        assessment = assessments.get((goal.id, org_id))
        statuses.append(
            GoalStatus(goal, org_id, result, judged, held, assessment, rules.disagreement(result.status, assessment))
        )
    return statuses


def _facts(store: Store, pairs: Sequence[tuple[Goal, int]], year: int, period: str) -> list[IndicatorFact]:
    """Indicator facts for exactly the pairs: goals at their own organisation in one query,
    the rest (few goals at a few organisations) as one goal × organisation product."""
    own = sorted({goal.id for goal, org_id in pairs if org_id == goal.org_id})
    other = [(goal, org_id) for goal, org_id in pairs if org_id != goal.org_id]
    found = store.own_goal_indicator_facts(own, year, period) if own else []
    if other:
        wanted = {(goal.id, org_id) for goal, org_id in other}
        product = store.goal_indicator_facts(
            sorted({o for _, o in other}), year, period, sorted({g.id for g, _ in other})
        )
        found += [fact for fact in product if (fact.goal_id, fact.org_id) in wanted]
    return found


def activities_below(
    store: Store, goal_ids: Sequence[int], org_ids: Sequence[int], year: int
) -> dict[tuple[int, int], list[Activity]]:
    """Each goal's activities in the year held by each organisation or anything below it.

    An activity's holder path ("/1/4/17/") lists all its ancestors, so each activity is
    matched against the wanted organisations by id, not by comparing every pair.
    """
    wanted = set(org_ids)
    found: dict[tuple[int, int], list[Activity]] = defaultdict(list)
    for path, activity in store.activities_of(goal_ids, year):
        for ancestor in path.strip("/").split("/"):
            if int(ancestor) in wanted:
                found[activity.goal_id, int(ancestor)].append(activity)
    return found


@dataclass(frozen=True)
class IndicatorLine:
    """One row of a goal's indicator table: the judgement, last year and the gender split."""

    judged: JudgedIndicator
    last_year: rules.Change
    genders: rules.GenderSplit


@dataclass(frozen=True)
class GoalView:
    """Everything the goal page shows for one goal, organisation, year and period."""

    status: GoalStatus
    ancestors: tuple[Goal, ...]
    by_org: tuple[tuple[OrgUnit, GoalStatus], ...]
    children: tuple[GoalStatus, ...]
    lines: tuple[IndicatorLine, ...]
    activities: tuple[tuple[Activity, bool], ...]  # (activity, overdue)


def goal_view(store: Store, goal: Goal, org: OrgUnit, year: int, period: str) -> GoalView:
    """Judge a goal at an organisation, its result in each sub-organisation, and its child goals."""
    sub_orgs = store.org_children(org.id)
    children = store.child_goals(goal.id, year, within_org_id=org.id)
    statuses = judge(
        store,
        [(goal, org.id)] + [(goal, sub.id) for sub in sub_orgs] + [(c, c.org_id) for c in children],
        year,
        period,
    )
    status, by_org, child_statuses = statuses[0], statuses[1 : 1 + len(sub_orgs)], statuses[1 + len(sub_orgs) :]
    as_of = period_end(year, period)
    return GoalView(
        status=status,
        ancestors=tuple(_ancestors(store, goal)),
        by_org=tuple(
            (sub, sub_status)
            for sub, sub_status in zip(sub_orgs, by_org)
            if sub_status.result.reason is not rules.GoalReason.NO_PARTS
        ),
        children=tuple(child_statuses),
        lines=tuple(indicator_lines(store, status.indicators, org.id, year, period)),
        activities=tuple(
            (activity, rules.is_overdue(activity.state, as_of))
            for activity in status.activities
        ),
    )


def _ancestors(store: Store, goal: Goal) -> list[Goal]:
    chain: list[Goal] = []
    parent_id = goal.parent_id
    while parent_id is not None and (parent := store.goal_by_id(parent_id)) is not None:
        chain.insert(0, parent)
        parent_id = parent.parent_id
    return chain


def indicator_lines(
    store: Store, judged: Sequence[JudgedIndicator], org_id: int, year: int, period: str
) -> list[IndicatorLine]:
    """Add the same period last year and the K/M split to each judged indicator."""
    ids = [j.fact.indicator.id for j in judged]
    readings = readings_by_key(store.measurements(ids, [org_id], period, [year - 1, year]))
    return [IndicatorLine(j, *compare(j.fact.indicator, org_id, year, readings)) for j in judged]


ReadingKey = tuple[int, int, int, Gender]  # indicator id, organisation id, year, gender


def readings_by_key(measurements: Sequence[Measurement]) -> dict[ReadingKey, Reading]:
    """Index readings for `compare`."""
    return {(m.indicator_id, m.org_id, m.year, m.gender): m.reading for m in measurements}


def compare(
    indicator: Indicator, org_id: int, year: int, readings: dict[ReadingKey, Reading]
) -> tuple[rules.Change, rules.GenderSplit]:
    """The change from the same period last year and this year's K/M split of one indicator."""

    def outcome(at_year: int, gender: Gender) -> float | None:
        reading = readings.get((indicator.id, org_id, at_year, gender))
        return reading.outcome if reading else None

    return (
        rules.year_over_year(
            outcome(year, Gender.TOTAL), outcome(year - 1, Gender.TOTAL), indicator.direction, indicator.decimals
        ),
        rules.gender_split(outcome(year, Gender.WOMEN), outcome(year, Gender.MEN), indicator.gender_split),
    )
