"""What the meeting sees of åtgärder and förväntat resultat: per goal at an organisation, the
measures decided at this period, those decided earlier and still open ("att följa upp"), and the
year's förväntat resultat och arbetssätt.

Read by control_room (open measures feed the deviations), the Målsida and the tertial report;
the writes are in measure_writes.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain.measures import ExpectedResult, Measure
from dashboard.store import Store
from dashboard.store import measures as stored

Pair = tuple[int, int]  # (goal id, organisation id)


@dataclass(frozen=True)
class GoalMeasures:
    """A goal's measures and expected result at one organisation, as one period's meeting sees
    them."""

    decided: tuple[Measure, ...] = ()  # decided at this period, whatever their status now
    to_follow_up: tuple[Measure, ...] = ()  # decided earlier, neither done nor closed
    expected: ExpectedResult | None = None


def measures_of(
    store: Store, pairs: Sequence[Pair], year: int, period: str
) -> dict[Pair, GoalMeasures]:
    """Each pair's measures and expected result at the period; pairs with none are left out."""
    decided, follow = _split(store, pairs, year, period)
    wanted = set(pairs)
    expected = {
        (e.goal_id, e.org_id): e
        for e in stored.expected_of(
            store.engine, sorted({g for g, _ in pairs}), sorted({o for _, o in pairs}), year
        )
        if (e.goal_id, e.org_id) in wanted
    }
    return {
        key: GoalMeasures(tuple(decided[key]), tuple(follow[key]), expected.get(key))
        for key in sorted(set(decided) | set(follow) | set(expected))
    }


def goal_measures(store: Store, goal_id: int, org_id: int, year: int, period: str) -> GoalMeasures:
    """One goal's measures and expected result at the organisation and period."""
    return measures_of(store, [(goal_id, org_id)], year, period).get(
        (goal_id, org_id), GoalMeasures()
    )


def open_measures(
    store: Store, pairs: Sequence[Pair], year: int, period: str
) -> dict[Pair, tuple[Measure, ...]]:
    """The measures still open that were decided at or before the period: the ones that can be
    overdue there (deviations.measure_items)."""
    decided, follow = _split(store, pairs, year, period)
    return {
        key: tuple(m for m in (*follow[key], *decided[key]) if m.open)
        for key in set(decided) | set(follow)
    }


def _split(
    store: Store, pairs: Sequence[Pair], year: int, period: str
) -> tuple[dict[Pair, list[Measure]], dict[Pair, list[Measure]]]:
    """The pairs' measures decided at the period, and those decided earlier and still open."""
    decided: dict[Pair, list[Measure]] = defaultdict(list)
    follow: dict[Pair, list[Measure]] = defaultdict(list)
    if not pairs:
        return decided, follow
    wanted = set(pairs)
    goal_ids, org_ids = sorted({g for g, _ in pairs}), sorted({o for _, o in pairs})
    read = store.read_once(
        ("measures", tuple(goal_ids), tuple(org_ids)),
        lambda: stored.of_pairs(store.engine, goal_ids, org_ids),
    )  # the Målsida's goal, judged, and its åtgärder section ask for the same
    for measure in read:
        key = (measure.goal_id, measure.org_id)
        if key not in wanted:
            continue
        if measure.decided_at(year, period):
            decided[key].append(measure)
        elif measure.open and measure.decided_before(year, period):
            follow[key].append(measure)
    return decided, follow
