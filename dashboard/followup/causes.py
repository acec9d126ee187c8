"""Varför?: the counted parts of a judged goal, from the one that pulls it down the most.

Each part's points of 100 follow docs/rules.md §3; the goal page draws them (layouts/causes.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain import rules
from dashboard.domain.model import STATUS_ORDER
from dashboard.followup.control_room import GoalStatus, JudgedIndicator


@dataclass(frozen=True)
class Cause:
    """A counted part of a goal with the points of 100 it gives and those it keeps from the goal."""

    part: rules.Part
    judged: JudgedIndicator | None  # None for the activities
    points: float
    lost: float

    @property
    def measured_at(self) -> int:
        """The organisation to open the indicator at: where it is measured, the worst one below
        if rolled up."""
        assert self.judged is not None
        below = worst_first(self.judged.below)
        return below[0].fact.org_id if below else self.judged.fact.org_id


def worst_first(judged: Sequence[JudgedIndicator]) -> list[JudgedIndicator]:
    """Judgements from the one that pulls down the most: not met, no value, partly met, met."""
    return sorted(judged, key=lambda j: STATUS_ORDER[j.result.status])


def causes(status: GoalStatus) -> list[Cause]:
    """Every counted part of the goal, the one that pulls it down the most first (docs/rules.md
    §3)."""
    total = sum(p.weight for p in status.result.parts)
    if total <= 0:
        return []
    indicators = [(j.part, j) for j in status.indicators]
    activities = [(p, None) for p in status.result.parts if p.kind is rules.PartKind.ACTIVITIES]
    found = [
        Cause(
            part,
            judged,
            100 * part.weight * (part.score or 0.0) / total,
            100 * part.weight * (1 - (part.score or 0.0)) / total,
        )
        for part, judged in indicators + activities
        if part.applicable
    ]
    return sorted(found, key=lambda cause: -cause.lost)


def not_counted(status: GoalStatus) -> list[JudgedIndicator]:
    """The goal's indicators that do not count here: not measured at or below the organisation,
    or not applicable."""
    return [j for j in status.indicators if not j.result.applicable]
