"""The activities as one part of a goal, each scored at the period's end (docs/rules.md §2)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dashboard.domain.model import (
    ActivityState,
    ActivityStatus,
    Basis,
)
from dashboard.domain.rules.config import DEFAULT_RULES, RuleConfig, status_from_score
from dashboard.domain.rules.goal import Part, PartKind


def is_overdue(activity: ActivityState, as_of: dt.date) -> bool:
    """Whether an activity that is neither done nor cancelled has passed its end date."""
    unfinished = activity.status not in (ActivityStatus.DONE, ActivityStatus.CANCELLED)
    return unfinished and activity.end_date < as_of


def activity_score(activity: ActivityState, as_of: dt.date) -> float | None:
    """An activity's score at a period's end: 1 on track, 0.5 late to start, 0 delayed or overdue;
    None (not counted) when cancelled or not planned to start until after the period."""
    if activity.status is ActivityStatus.CANCELLED or activity.start_date > as_of:
        return None
    if activity.status is ActivityStatus.DONE:
        return 1.0
    if activity.status is ActivityStatus.DELAYED or is_overdue(activity, as_of):
        return 0.0
    if activity.status is ActivityStatus.NOT_STARTED and activity.start_date < as_of:
        return 0.5
    return 1.0


def activity_part(
    activities: Sequence[ActivityState],
    as_of: dt.date,
    config: RuleConfig = DEFAULT_RULES,
    label: str = "activities",
) -> Part | None:
    """The goal's activities as one part scored by their mean; None when none is left to count."""
    scores = [s for s in (activity_score(a, as_of) for a in activities) if s is not None]
    if not scores:
        return None
    score = sum(scores) / len(scores)
    return Part(
        kind=PartKind.ACTIVITIES,
        label=label,
        weight=config.activity_weight,
        status=status_from_score(score, config),
        basis=Basis.OUTCOME,  # an activity's follow-up status is a fact, not a forecast
        score=score,
    )
