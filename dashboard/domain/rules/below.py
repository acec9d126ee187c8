"""Indicators an organisation does not measure: rolled up from below, or only listed (§3a)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dashboard.domain.model import (
    Basis,
    Direction,
    Status,
)
from dashboard.domain.rules.config import DEFAULT_RULES, STATUS_SCORE, RuleConfig, status_from_score
from dashboard.domain.rules.goal import combined_basis, count_statuses, indicator_part
from dashboard.domain.rules.indicator import IndicatorReason, IndicatorResult


def not_measured_here(direction: Direction) -> IndicatorResult:
    """An indicator linked to a goal that neither the organisation nor any below it measures:
    listed beside the goal, never counted (docs/rules.md §3, "Var delarna mäts")."""
    return IndicatorResult(
        Status.NO_DATA,
        Basis.NONE,
        None,
        None,
        None,
        Status.NO_DATA,
        Status.NO_DATA,
        IndicatorReason.NOT_MEASURED_HERE,
        applicable=False,
        direction=direction,
    )


def rolled_up(
    direction: Direction, below: Sequence[IndicatorResult], config: RuleConfig = DEFAULT_RULES
) -> IndicatorResult:
    """An indicator the organisation does not measure itself, judged from the nearest organisations
    below it that do: the mean of their scores (no value counts 0), with the goal's thresholds.

    So a part measured below never disappears higher up, just as activities roll up."""
    counted = [r for r in below if r.applicable]
    if not counted:  # not applicable wherever it is measured
        return dataclasses.replace(
            not_measured_here(direction), reason=IndicatorReason.NOT_APPLICABLE
        )
    scores = [STATUS_SCORE[r.status] for r in counted]
    known = [score for score in scores if score is not None]
    share = sum(known) / len(scores) if known else None
    return IndicatorResult(
        status=status_from_score(share, config),
        basis=combined_basis([indicator_part("", 1.0, r) for r in counted]),
        value=None,
        target=None,
        partly_limit=None,
        outcome_status=Status.NO_DATA,
        forecast_status=Status.NO_DATA,
        reason=IndicatorReason.MEASURED_BELOW,
        direction=direction,
        share=share,
        below=count_statuses(counted),
    )
