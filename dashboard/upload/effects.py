"""What a change to outcomes does: each value old → new, and each goal's status before → after.

One function for the upload page's preview and the report form alike (issue 18). The goals are
judged by the control room's own rules (`control_room.judge`) twice: on the store as it is, and
on the store as it would be with the new readings laid over it, so nothing is written to see
the effect. A goal is judged at the organisation whose value changed and at the goal's own
organisation, when that is the same organisation or one above it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dashboard.domain.model import (
    Gender,
    Goal,
    GoalLevel,
    Indicator,
    IndicatorFact,
    OrgUnit,
    Reading,
    Status,
    ValueStatus,
)
from dashboard.followup import control_room
from dashboard.store import Measured, Store, reading_from
from dashboard.upload.plan import Preview, RowChange

VALUE_FIELDS = ("outcome", "forecast")
# Organisations whose goals are judged before and after: a few queries each, so a preview of a
# whole nämnd's file stays quick; beyond this the values are listed and the goals not judged.
MAX_JUDGED_ORGS = 20
GoalKey = tuple[int, int]  # goal id, organisation id


@dataclass(frozen=True)
class ValueChange:
    """One value of one indicator at one organisation, before and after (None: no value)."""

    indicator: Indicator
    org: OrgUnit
    year: int
    period: str
    gender: str
    field: str  # "outcome" or "forecast"
    before: float | None
    after: float | None


@dataclass(frozen=True)
class GoalChange:
    """A goal's computed status at an organisation before and after the change."""

    goal: Goal
    org: OrgUnit
    year: int
    period: str
    before: Status
    after: Status

    @property
    def changed(self) -> bool:
        return self.before is not self.after


@dataclass(frozen=True)
class Effect:
    """What a change does; `judged` is False when it was too large to judge the goals."""

    values: tuple[ValueChange, ...]
    goals: tuple[GoalChange, ...]
    judged: bool = True


def effect_of_preview(store: Store, preview: Preview) -> Effect:
    """The effect of an upload's preview (nothing when it has problems)."""
    if not preview.ok:
        return Effect((), ())
    changes = [change for file in preview.files for change in file.row_changes]
    return effect(store, changes, judged=not any(f.too_many_to_judge for f in preview.files))


def effect(store: Store, changes: Sequence[RowChange], *, judged: bool = True) -> Effect:
    """The value changes of new or changed outcome rows, and the goals' statuses they move."""
    indicators = _by_code(store.indicator, {c.key["indicator_code"] for c in changes})
    orgs = _by_code(store.org, {c.key["org_code"] for c in changes})
    values = [
        value
        for change in changes
        if change.key["indicator_code"] in indicators and change.key["org_code"] in orgs
        for value in _values(change, indicators, orgs)
    ]
    if len(orgs) > MAX_JUDGED_ORGS:
        return Effect(tuple(values), (), judged=False)
    totals: dict[tuple[int, str], dict[tuple[int, int], Reading]] = defaultdict(dict)
    for change in changes:
        if (
            change.key["gender"] == Gender.TOTAL.value
            and change.key["indicator_code"] in indicators
        ):
            indicator, org = indicators[change.key["indicator_code"]], orgs[change.key["org_code"]]
            reading = _reading({**(change.before or {}), **change.after})
            totals[change.key["year"], change.key["period"]][indicator.id, org.id] = reading
    goals = [
        goal_change
        for (year, period), readings in sorted(totals.items())
        for goal_change in _goal_changes(store, year, period, readings)
    ]
    return Effect(tuple(values), tuple(goals), judged)


def _by_code(find: Any, codes: set[str]) -> dict[str, Any]:
    found = {code: find(code) for code in sorted(codes)}
    return {code: value for code, value in found.items() if value is not None}


def _values(
    change: RowChange, indicators: Mapping[str, Indicator], orgs: Mapping[str, OrgUnit]
) -> list[ValueChange]:
    before = _counted(change.before) if change.before is not None else {}
    after = _counted({**(change.before or {}), **change.after})
    return [
        ValueChange(
            indicators[change.key["indicator_code"]],
            orgs[change.key["org_code"]],
            change.key["year"],
            change.key["period"],
            change.key["gender"],
            name,
            before.get(name),
            after.get(name),
        )
        for name in VALUE_FIELDS
        if name in change.after and before.get(name) != after.get(name)
    ]


def _reading(row: Mapping[str, Any]) -> Reading:
    status = row.get("value_status") or ValueStatus.OK.value
    return reading_from(row.get("outcome"), row.get("forecast"), status)


def _counted(row: Mapping[str, Any]) -> dict[str, float | None]:
    """The outcome and forecast that count (a protected value counts as none)."""
    reading = _reading(row)
    return {"outcome": reading.outcome, "forecast": reading.forecast}


def _goal_changes(
    store: Store, year: int, period: str, readings: dict[tuple[int, int], Reading]
) -> list[GoalChange]:
    pairs = _pairs(store, year, readings)
    if not pairs:
        return []
    before = control_room.judge(store, pairs, year, period)
    after = control_room.judge(_Overlaid(store, readings), pairs, year, period)
    names = store.orgs_by_id({org_id for _, org_id in pairs})
    return [
        GoalChange(old.goal, names[old.org_id], year, period, old.result.status, new.result.status)
        for old, new in zip(before, after)
    ]


def _pairs(
    store: Store, year: int, readings: Mapping[tuple[int, int], Reading]
) -> list[tuple[Goal, int]]:
    """Each goal linked to a changed indicator, at the changed organisation and at its own."""
    pairs: dict[GoalKey, Goal] = {}
    for org_id in sorted({org_id for _, org_id in readings}):
        lineage = {org.id for org in store.org_lineage(org_id)}
        goals = [
            goal
            for level in GoalLevel
            for goal in store.goals_within(org_id, year, level)
            if goal.org_id in lineage
        ]
        links = store.goal_links([goal.id for goal in goals])
        changed = {indicator_id for indicator_id, org in readings if org == org_id}
        for goal in goals:
            if changed & {indicator.id for indicator, _ in links[goal.id]}:
                pairs[goal.id, org_id] = goal
                pairs[goal.id, goal.org_id] = goal
    return [(goal, org_id) for (_, org_id), goal in sorted(pairs.items(), key=_order)]


def _order(item: tuple[GoalKey, Goal]) -> tuple[str, int]:
    (_, org_id), goal = item
    return goal.code, org_id


class _Overlaid(Store):
    """The store as it would read with the new total readings: what `judge` sees "after"."""

    def __init__(self, store: Store, readings: dict[tuple[int, int], Reading]) -> None:
        super().__init__(store.engine)
        self._readings = readings  # (indicator id, organisation id) → reading

    def goal_indicator_facts(
        self, org_ids: Sequence[int], year: int, period: str, goal_ids: Sequence[int]
    ) -> list[IndicatorFact]:
        return [
            self._fact(f) for f in super().goal_indicator_facts(org_ids, year, period, goal_ids)
        ]

    def own_goal_indicator_facts(
        self, goal_ids: Sequence[int], year: int, period: str
    ) -> list[IndicatorFact]:
        return [self._fact(f) for f in super().own_goal_indicator_facts(goal_ids, year, period)]

    def pair_facts(
        self,
        own_goal_ids: Sequence[int],
        org_ids: Sequence[int],
        goal_ids: Sequence[int],
        year: int,
        period: str,
    ) -> list[IndicatorFact]:
        found = super().pair_facts(own_goal_ids, org_ids, goal_ids, year, period)
        return [self._fact(f) for f in found]

    def measured_below(
        self, indicator_ids: Sequence[int], roots: Sequence[int] | None, year: int, period: str
    ) -> list[Measured]:
        found = super().measured_below(indicator_ids, roots, year, period)
        return [
            m._replace(reading=self._readings.get((m.indicator_id, m.org_id), m.reading))
            for m in found
        ]

    def _fact(self, fact: IndicatorFact) -> IndicatorFact:
        reading = self._readings.get((fact.indicator.id, fact.org_id))
        if reading is None:
            return fact
        return IndicatorFact(
            fact.goal_id, fact.org_id, fact.indicator, fact.weight, fact.target, reading
        )
