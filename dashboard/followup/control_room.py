"""The control room's numbers: each goal's computed status next to the organisation's own.

Glue between the store and the rules, kept out of callbacks so it can be tested without
Dash: it asks the store for plain facts and lets `rules` judge them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dashboard.domain import rules
from dashboard.domain.measures import Measure
from dashboard.domain.model import (
    Activity,
    Assessment,
    Gender,
    Goal,
    GoalLevel,
    Indicator,
    IndicatorFact,
    Measurement,
    Reading,
    period_end,
)
from dashboard.followup import measures
from dashboard.store import Measured, Store, path_ids


@dataclass(frozen=True)
class JudgedIndicator:
    """An indicator of a goal judged at an organisation: on its own value there, rolled up from the
    nearest organisations below that measure it (`below`), or listed as not measured here."""

    fact: IndicatorFact
    result: rules.IndicatorResult
    below: tuple[JudgedIndicator, ...] = ()

    @property
    def part(self) -> rules.Part:
        """The indicator as a part of its goal."""
        return rules.indicator_part(self.fact.indicator.name, self.fact.weight, self.result)


@dataclass(frozen=True)
class GoalStatus:
    """A goal's computed fulfilment for one organisation and period, and its own assessment."""

    goal: Goal
    org_id: int
    result: rules.GoalResult
    indicators: tuple[JudgedIndicator, ...]
    activities: tuple[
        Activity, ...
    ]  # held by the organisation or below, running in the year, as of the period
    assessment: Assessment | None
    disagreement: rules.Disagreement
    measures: tuple[Measure, ...] = ()  # open, decided at or before the period (measures.py)


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
    """Judge each (goal, organisation) pair, reading the store once per kind of fact.

    Every indicator linked to the goal is a part: measured at the organisation, rolled up from
    the nearest organisations below that measure it, or listed as not measured here (docs/rules.md
    §3)."""
    return with_assessments(store, pairs, results(store, pairs, year, period, config), year, period)


class Judged(NamedTuple):
    """A pair's judged indicators, the activities counted for it and its result: a goal judged
    without its assessment and measures, as a page shows a goal it only names (the Målsida's
    drill-down and child goals)."""

    indicators: tuple[JudgedIndicator, ...]
    activities: tuple[Activity, ...]
    result: rules.GoalResult


def results(
    store: Store,
    pairs: Sequence[tuple[Goal, int]],
    year: int,
    period: str,
    config: rules.RuleConfig = rules.DEFAULT_RULES,
) -> list[Judged]:
    """Each pair judged as `judge` judges it, in the pairs' order, without reading the
    assessments and measures that only a `GoalStatus` holds."""
    goal_ids = sorted({goal.id for goal, _ in pairs})
    org_ids = sorted({org_id for _, org_id in pairs})
    indicators = judged_indicators(store, pairs, year, period, config)
    activities = activities_below(store, goal_ids, org_ids, year, period)
    as_of = period_end(year, period)
    found = []
    for goal, org_id in pairs:
        judged = tuple(indicators[goal.id, org_id])
        held = tuple(activities.get((goal.id, org_id), ()))
        found.append(Judged(judged, held, goal_result(judged, held, as_of, config)))
    return found


def with_assessments(
    store: Store,
    pairs: Sequence[tuple[Goal, int]],
    judged: Sequence[Judged],
    year: int,
    period: str,
) -> list[GoalStatus]:
    """The pairs' statuses: each judged pair (`results`) with its organisation's own assessment
    of the goal (read for the pairs' goals only) and the measures still open."""
    goal_ids = sorted({goal.id for goal, _ in pairs})
    org_ids = sorted({org_id for _, org_id in pairs})
    assessments = {
        (a.goal_id, a.org_id): a for a in store.assessments(org_ids, year, period, goal_ids)
    }
    decided = measures.open_measures(store, [(g.id, o) for g, o in pairs], year, period)
    statuses = []
    for (goal, org_id), (indicators, held, result) in zip(pairs, judged, strict=True):
        assessment = assessments.get((goal.id, org_id))
        statuses.append(
            GoalStatus(
                goal,
                org_id,
                result,
                indicators,
                held,
                assessment,
                rules.disagreement(result.status, assessment),
                decided.get((goal.id, org_id), ()),
            )
        )
    return statuses


def judged_indicators(
    store: Store,
    pairs: Sequence[tuple[Goal, int]],
    year: int,
    period: str,
    config: rules.RuleConfig = rules.DEFAULT_RULES,
) -> dict[tuple[int, int], list[JudgedIndicator]]:
    """Each pair's judged indicators by (goal id, organisation id), as `judge` judges them:
    without the activities, assessments and measures a caller that needs only the indicators
    would read for nothing (the Målsida's movement since the previous period)."""
    own: dict[tuple[int, int, int], IndicatorFact] = {
        (fact.goal_id, fact.org_id, fact.indicator.id): fact
        for fact in _facts(store, pairs, year, period)
    }
    links = store.goal_links(sorted({goal.id for goal, _ in pairs}))
    indicators = {
        (goal.id, org_id): _judged_indicators(goal.id, org_id, links[goal.id], own, config)
        for goal, org_id in pairs
    }
    _roll_up(store, indicators, year, period, config)
    return indicators


def goal_result(
    judged: Sequence[JudgedIndicator],
    activities: Sequence[Activity],
    as_of: dt.date,
    config: rules.RuleConfig,
) -> rules.GoalResult:
    """A goal's result from its judged indicators and the activities counted for it."""
    parts = [j.part for j in judged]
    activity = rules.activity_part([a.state for a in activities], as_of, config)
    if activity is not None:
        parts.append(activity)
    return rules.goal_fulfilment(parts, config)


def _judged_indicators(
    goal_id: int,
    org_id: int,
    links: Sequence[tuple[Indicator, float]],
    own: dict[tuple[int, int, int], IndicatorFact],
    config: rules.RuleConfig,
) -> list[JudgedIndicator]:
    """The goal's indicators at the organisation: judged where it measures them, the rest marked
    not measured here until `_roll_up` finds them below."""
    judged = []
    for indicator, weight in links:
        fact = own.get((goal_id, org_id, indicator.id))
        if fact is None:
            fact = IndicatorFact(goal_id, org_id, indicator, weight, None, None)
            result = rules.not_measured_here(indicator.direction)
        else:
            result = rules.indicator_status(indicator.direction, fact.target, fact.reading, config)
        judged.append(JudgedIndicator(fact, result))
    return judged


def _roll_up(
    store: Store,
    indicators: dict[tuple[int, int], list[JudgedIndicator]],
    year: int,
    period: str,
    config: rules.RuleConfig,
) -> None:
    """Judge each indicator an organisation does not measure at the nearest organisations below
    it that do."""
    unmeasured = {
        key: [
            i
            for i, j in enumerate(judged)
            if j.result.reason is rules.IndicatorReason.NOT_MEASURED_HERE
        ]
        for key, judged in indicators.items()
    }
    roots = sorted({org_id for (_, org_id), where in unmeasured.items() if where})
    if not roots:
        return
    indicator_ids = sorted(
        {indicators[key][i].fact.indicator.id for key, where in unmeasured.items() for i in where}
    )
    below: dict[tuple[int, int], list[Measured]] = defaultdict(
        list
    )  # (root, indicator) → measured below the root
    wanted = set(roots)
    for measured in store.measured_below(indicator_ids, roots, year, period):
        for ancestor in path_ids(measured.path)[:-1]:
            if ancestor in wanted:
                below[ancestor, measured.indicator_id].append(measured)
    for (goal_id, org_id), where in unmeasured.items():
        judged = indicators[goal_id, org_id]
        for i in where:
            fact = judged[i].fact
            nearest = _nearest(below.get((org_id, fact.indicator.id), []))
            if not nearest:
                continue
            parts = tuple(
                JudgedIndicator(
                    IndicatorFact(
                        goal_id, m.org_id, fact.indicator, fact.weight, m.target, m.reading
                    ),
                    rules.indicator_status(fact.indicator.direction, m.target, m.reading, config),
                )
                for m in nearest
            )
            result = rules.rolled_up(fact.indicator.direction, [p.result for p in parts], config)
            judged[i] = JudgedIndicator(fact, result, parts)


def _nearest(measured: Sequence[Measured]) -> list[Measured]:
    """Those measuring organisations that have no other measuring organisation above them in the
    list."""
    orgs = {m.org_id for m in measured}
    return [m for m in measured if not orgs.intersection(path_ids(m.path)[:-1])]


def _facts(
    store: Store, pairs: Sequence[tuple[Goal, int]], year: int, period: str
) -> list[IndicatorFact]:
    """Indicator facts for exactly the pairs: goals at their own organisation in one query,
    the rest (few goals at a few organisations) as one goal × organisation product."""
    own = sorted({goal.id for goal, org_id in pairs if org_id == goal.org_id})
    other = [(goal, org_id) for goal, org_id in pairs if org_id != goal.org_id]
    if not other:
        return store.own_goal_indicator_facts(own, year, period) if own else []
    org_ids, goal_ids = sorted({o for _, o in other}), sorted({g.id for g, _ in other})
    if own:  # both in one statement (the Målsida: its goal below, its child goals at their own)
        found = store.pair_facts(own, org_ids, goal_ids, year, period)
    else:
        found = store.goal_indicator_facts(org_ids, year, period, goal_ids)
    wanted = {(goal.id, org_id) for goal, org_id in pairs}
    kept: dict[tuple[int, int, int], IndicatorFact] = {}  # a pair both own and in the product: once
    for fact in found:
        if (fact.goal_id, fact.org_id) in wanted:
            kept.setdefault((fact.goal_id, fact.org_id, fact.indicator.id), fact)
    return list(kept.values())


def activities_below(
    store: Store, goal_ids: Sequence[int], org_ids: Sequence[int], year: int, period: str
) -> dict[tuple[int, int], list[Activity]]:
    """Each goal's activities in the year held by each organisation or anything below it, as of the
    period.

    An activity's holder path ("/1/4/17/") lists all its ancestors, so each activity is
    matched against the wanted organisations by id, not by comparing every pair.
    """
    wanted = set(org_ids)
    found: dict[tuple[int, int], list[Activity]] = defaultdict(list)
    for path, activity in store.activities_of(goal_ids, year, period):
        for ancestor in path_ids(path):
            if ancestor in wanted:
                found[activity.goal_id, ancestor].append(activity)
    return found


@dataclass(frozen=True)
class IndicatorLine:
    """One row of a goal's indicator table: the judgement, last year and the gender split."""

    judged: JudgedIndicator
    last_year: rules.Change
    genders: rules.GenderSplit


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
            outcome(year, Gender.TOTAL),
            outcome(year - 1, Gender.TOTAL),
            indicator.direction,
            indicator.decimals,
        ),
        rules.gender_split(
            outcome(year, Gender.WOMEN), outcome(year, Gender.MEN), indicator.gender_split
        ),
    )
