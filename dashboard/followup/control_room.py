"""The control room's numbers: each goal's computed status next to the organisation's own.

Glue between the store and the rules, kept out of callbacks so it can be tested without
Dash: it asks the store for plain facts and lets `rules` judge them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

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
    OrgUnit,
    Reading,
    period_end,
)
from dashboard.followup import measures
from dashboard.store import Measured, Store


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
    goal_ids = sorted({goal.id for goal, _ in pairs})
    org_ids = sorted({org_id for _, org_id in pairs})
    indicators = judged_indicators(store, pairs, year, period, config)
    activities = activities_below(store, goal_ids, org_ids, year, period)
    assessments = {(a.goal_id, a.org_id): a for a in store.assessments(org_ids, year, period)}
    decided = measures.open_measures(store, [(g.id, o) for g, o in pairs], year, period)
    as_of = period_end(year, period)
    statuses = []
    for goal, org_id in pairs:
        judged = tuple(indicators[goal.id, org_id])
        held = tuple(activities.get((goal.id, org_id), ()))
        result = goal_result(judged, held, as_of, config)
        assessment = assessments.get((goal.id, org_id))
        statuses.append(
            GoalStatus(
                goal,
                org_id,
                result,
                judged,
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
        for ancestor in _ids(measured.path)[:-1]:
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


def _ids(path: str) -> list[int]:
    """The organisation ids of a materialised path ("/1/4/17/"), from the top down."""
    return [int(part) for part in path.strip("/").split("/") if part]


def _nearest(measured: Sequence[Measured]) -> list[Measured]:
    """Those measuring organisations that have no other measuring organisation above them in the
    list."""
    orgs = {m.org_id for m in measured}
    return [m for m in measured if not orgs.intersection(_ids(m.path)[:-1])]


def _facts(
    store: Store, pairs: Sequence[tuple[Goal, int]], year: int, period: str
) -> list[IndicatorFact]:
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
        for ancestor in _ids(path):
            if ancestor in wanted:
                found[activity.goal_id, ancestor].append(activity)
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
    org: OrgUnit
    ancestors: tuple[Goal, ...]
    by_org: tuple[tuple[OrgUnit, GoalStatus], ...]
    itself: GoalStatus | None  # the organisation's own measurements, beside its sub-organisations
    children: tuple[GoalStatus, ...]
    lines: tuple[IndicatorLine, ...]
    activities: tuple[tuple[Activity, bool], ...]  # (activity, overdue)
    places: dict[int, OrgUnit]  # the organisations the page names: where parts are measured


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
    status, by_org, child_statuses = (
        statuses[0],
        statuses[1 : 1 + len(sub_orgs)],
        statuses[1 + len(sub_orgs) :],
    )
    as_of = period_end(year, period)
    return GoalView(
        status=status,
        org=org,
        ancestors=tuple(_ancestors(store, goal)),
        by_org=tuple(
            (sub, sub_status)
            for sub, sub_status in zip(sub_orgs, by_org)
            if sub_status.result.reason is not rules.GoalReason.NO_PARTS
        ),
        itself=own_measurements(status, as_of) if sub_orgs else None,
        children=tuple(child_statuses),
        lines=tuple(indicator_lines(store, status.indicators, org.id, year, period)),
        activities=tuple(
            (activity, rules.is_overdue(activity.state, as_of)) for activity in status.activities
        ),
        places=store.orgs_by_id(measuring_orgs([status])),
    )


def measuring_orgs(statuses: Sequence[GoalStatus]) -> set[int]:
    """The organisations where the goals' indicators are measured (to name them on a page)."""
    return {b.fact.org_id for s in statuses for j in s.indicators for b in (j, *j.below)}


def own_measurements(status: GoalStatus, as_of: dt.date) -> GoalStatus | None:
    """The goal judged on what the organisation measures and holds itself, without anything below
    it:
    the drill-down's "Nämnden själv" row, so a part failing at this level is seen. None if it has
    none."""
    here = tuple(
        j
        for j in status.indicators
        if not j.below and j.result.reason is not rules.IndicatorReason.NOT_MEASURED_HERE
    )
    held = tuple(a for a in status.activities if a.org_id == status.org_id)
    if not here and not held:
        return None
    result = goal_result(here, held, as_of, rules.DEFAULT_RULES)
    return dataclasses.replace(
        status,
        result=result,
        indicators=here,
        activities=held,
        assessment=None,
        disagreement=rules.Disagreement.NONE,
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
            outcome(year, Gender.TOTAL),
            outcome(year - 1, Gender.TOTAL),
            indicator.direction,
            indicator.decimals,
        ),
        rules.gender_split(
            outcome(year, Gender.WOMEN), outcome(year, Gender.MEN), indicator.gender_split
        ),
    )
