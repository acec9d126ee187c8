"""A goal's status from its weighted parts, a part without data counting 0 (docs/rules.md §3)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from dashboard.domain.model import (
    Basis,
    Status,
)
from dashboard.domain.rules.config import (
    DEFAULT_RULES,
    EPSILON,
    STATUS_SCORE,
    RuleConfig,
    StatusCounts,
    status_from_score,
)
from dashboard.domain.rules.indicator import IndicatorReason, IndicatorResult


class GoalReason(StrEnum):
    """Why a goal got its status."""

    NO_PARTS = "no_parts"
    TOO_LITTLE_DATA = "too_little_data"
    SCORE_MET = "score_met"
    SCORE_PARTLY = "score_partly"
    SCORE_NOT_MET = "score_not_met"


class PartKind(StrEnum):
    """What a part of a goal's fulfilment is built from."""

    INDICATOR = "indicator"
    ACTIVITIES = "activities"


@dataclass(frozen=True)
class Part:
    """One weighted part of a goal's fulfilment: an indicator or the activities.

    `score` is 1.0/0.5/0.0 for an indicator (None without data) and a share in [0, 1] for
    the activities. `contribution` is filled in by `goal_fulfilment`.
    """

    kind: PartKind
    label: str
    weight: float
    status: Status
    basis: Basis
    score: float | None
    applicable: bool = True
    contribution: float | None = None
    measured: bool = (
        True  # False: linked to the goal but measured neither here nor below (listed, not counted)
    )

    def __post_init__(self) -> None:
        if not (math.isfinite(self.weight) and self.weight >= 0):
            raise ValueError(f"weight must be a finite number >= 0, got {self.weight!r}")
        if self.score is not None and not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be within [0, 1], got {self.score!r}")

    @property
    def has_data(self) -> bool:
        """Whether this part has a score (parts without one count as 0)."""
        return self.score is not None


@dataclass(frozen=True)
class GoalResult:
    """A goal's computed fulfilment and the parts it was computed from.

    `parts` are the included parts, each with its contribution (None when the goal has no
    score); `excluded` are parts left out (not applicable, not measured here, or switched off
    in the config). `outcome_status` is the status the goal would have if parts resting on a
    forecast alone had no value: where it is lower than `status`, the status rests on forecasts.
    """

    status: Status
    score: float | None
    basis: Basis
    coverage: float
    parts: tuple[Part, ...]
    counts: StatusCounts
    forecast_only: int
    reason: GoalReason
    excluded: tuple[Part, ...] = ()
    outcome_status: Status = Status.NO_DATA

    @property
    def met_on_forecast(self) -> bool:
        """Met, but not met without the parts that rest on a forecast alone (counted apart)."""
        return self.status is Status.MET and self.outcome_status is not Status.MET


def indicator_part(label: str, weight: float, result: IndicatorResult) -> Part:
    """An indicator's result as a part of a goal, scored 1 / 0.5 / 0 / None by its status
    (rolled up from below: the mean of the organisations' scores)."""
    below = result.reason is IndicatorReason.MEASURED_BELOW
    return Part(
        kind=PartKind.INDICATOR,
        label=label,
        weight=weight,
        status=result.status,
        basis=result.basis,
        score=result.share if below else STATUS_SCORE[result.status],
        applicable=result.applicable,
        measured=result.reason is not IndicatorReason.NOT_MEASURED_HERE,
    )


def count_statuses(items: Sequence[Part | IndicatorResult]) -> StatusCounts:
    """How many of the parts or results have each status."""
    return StatusCounts(
        met=sum(i.status is Status.MET for i in items),
        partly_met=sum(i.status is Status.PARTLY_MET for i in items),
        not_met=sum(i.status is Status.NOT_MET for i in items),
        no_data=sum(i.status is Status.NO_DATA for i in items),
    )


def _included(part: Part, config: RuleConfig) -> bool:
    """Whether a part counts: it is applicable and its kind is switched on."""
    if not part.applicable:
        return False
    if part.kind is PartKind.ACTIVITIES:
        return config.include_activities
    return True


_SCORE_REASON = {
    Status.MET: GoalReason.SCORE_MET,
    Status.PARTLY_MET: GoalReason.SCORE_PARTLY,
    Status.NOT_MET: GoalReason.SCORE_NOT_MET,
}


def combined_basis(parts: Sequence[Part]) -> Basis:
    """OUTCOME or FORECAST if every part with data rests on it, else MIXED; NONE without data."""
    bases = {p.basis for p in parts if p.has_data}
    if not bases:
        return Basis.NONE
    if len(bases) == 1:
        return bases.pop()
    return Basis.MIXED


def goal_fulfilment(parts: Sequence[Part], config: RuleConfig = DEFAULT_RULES) -> GoalResult:
    """A goal's status from its weighted parts; a part without data counts as 0 (docs/rules.md)."""
    result = _fulfilment(parts, config)
    if (
        not result.forecast_only
    ):  # nothing rests on a forecast alone: judging again would change nothing
        return dataclasses.replace(result, outcome_status=result.status)
    without_forecasts = [
        dataclasses.replace(p, status=Status.NO_DATA, basis=Basis.NONE, score=None)
        if p.basis is Basis.FORECAST
        else p
        for p in parts
    ]
    return dataclasses.replace(result, outcome_status=_fulfilment(without_forecasts, config).status)


def _fulfilment(parts: Sequence[Part], config: RuleConfig) -> GoalResult:
    included = tuple(p for p in parts if _included(p, config))
    excluded = tuple(p for p in parts if not _included(p, config))
    total = sum(p.weight for p in included)
    coverage = sum(p.weight for p in included if p.has_data) / total if total > 0 else 0.0

    score: float | None = None
    if total <= 0:
        reason = GoalReason.NO_PARTS
    elif coverage == 0 or coverage < config.min_coverage - EPSILON:
        reason = GoalReason.TOO_LITTLE_DATA  # too little to judge; never a guess (finding 1)
    else:
        score = sum(p.weight * p.score for p in included if p.score is not None) / total
        score = min(1.0, max(0.0, score))  # float noise must not leave [0, 1]
        reason = _SCORE_REASON[status_from_score(score, config)]
    status = status_from_score(score, config)

    # Each part's share of the score; no data contributes 0, and no score means no shares.
    with_contributions = tuple(
        dataclasses.replace(
            p, contribution=None if score is None else p.weight * (p.score or 0.0) / total
        )
        for p in included
    )
    return GoalResult(
        status=status,
        score=score,
        basis=Basis.NONE if score is None else combined_basis(included),
        coverage=coverage,
        parts=with_contributions,
        counts=count_statuses(included),
        forecast_only=sum(p.basis is Basis.FORECAST for p in included),
        reason=reason,
        excluded=excluded,
    )
