"""A goal's status over the last periods: the trend Översikt's cards and the Målsida show, and
the movement since the previous period.

Read from the kept goal results (goal_results.py), so a page shows a goal's last six periods
without judging them again; only the first page after a write judges the ones not kept. A
goal is matched in an earlier year by its code, at the same organisation, as Avvikelser's
movement is (docs/followup.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from dashboard.domain.model import Goal, period_end
from dashboard.followup import goal_results
from dashboard.followup.goal_results import Brief
from dashboard.followup.movement import Movement, Standing, movement
from dashboard.store import Store

TREND_PERIODS = 6  # two years of tertials and full years


class Point(NamedTuple):
    """A goal's standing at one period; None when it was not valid or had nothing to judge."""

    period: tuple[int, str]
    standing: Standing | None


def recent_periods(
    periods: Sequence[tuple[int, str]], year: int, period: str, count: int = TREND_PERIODS
) -> list[tuple[int, str]]:
    """The last `count` reported periods of this one's kind (tertials and full years, or
    months) up to and including it, oldest first."""
    monthly = period.startswith("M")
    end = period_end(year, period)
    same = [(y, p) for y, p in periods if p.startswith("M") == monthly and period_end(y, p) <= end]
    return sorted(same, key=lambda yp: period_end(*yp))[-count:]


def histories(
    store: Store,
    pairs: Sequence[tuple[Goal, int]],
    year: int,
    period: str,
    count: int = TREND_PERIODS,
) -> dict[tuple[int, int], list[Point]]:
    """Each (goal, organisation) pair's points over the recent periods, by (goal id, org id)."""
    found: dict[tuple[int, int], list[Point]] = {(g.id, org_id): [] for g, org_id in pairs}
    periods = recent_periods(store.reported_periods(), year, period, count)
    by_code = {y: goals_by_code(store, y) for y in {y for y, _ in periods}}
    matched = {
        then: [
            (by_code[then[0]][g.code], org_id, g.id)
            for g, org_id in pairs
            if g.code in by_code[then[0]]
        ]
        for then in periods
    }
    kept = goal_results.briefs_over(
        store,
        {
            then: [(g, org_id) for g, org_id, _ in found_then]
            for then, found_then in matched.items()
        },
    )
    for then in periods:
        standings = {
            (now_id, org_id): standing_of(brief)
            for (_, org_id, now_id), brief in zip(matched[then], kept[then], strict=True)
        }
        for key, points in found.items():
            points.append(Point(then, standings.get(key)))
    return found


def standing_of(brief: Brief) -> Standing | None:
    """A brief's standing, or None when the goal had nothing to judge at the organisation."""
    return Standing(brief.status, any(brief.kinds.values())) if brief.judged else None


def moved(points: Sequence[Point]) -> tuple[Point | None, Movement | None]:
    """The previous period's point and the movement from it to the last (None: nothing before,
    or nothing to say)."""
    if len(points) < 2 or points[-1].standing is None:
        return None, None
    before, now = points[-2], points[-1].standing
    return before, movement(before.standing, now)


def goals_by_code(store: Store, year: int) -> dict[str, Goal]:
    """The goals valid in a year by code, kept until the next upload."""
    return store.summary(("goals by code", year), lambda: {g.code: g for g in store.goals(year)})
