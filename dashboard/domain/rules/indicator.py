"""An indicator's status for a period, from its outcome or else its forecast (docs/rules.md §1)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dashboard.domain.model import (
    Basis,
    Direction,
    Reading,
    Status,
    Target,
    ValueStatus,
    counted_values,
)
from dashboard.domain.rules.config import DEFAULT_RULES, RuleConfig, StatusCounts, exact, finite


class IndicatorReason(StrEnum):
    """Why an indicator got its status."""

    NO_TARGET = "no_target"
    NO_VALUE = "no_value"
    SUPPRESSED = "suppressed"
    NOT_APPLICABLE = "not_applicable"
    NOT_MEASURED_HERE = "not_measured_here"  # neither the organisation nor any below it measures it
    MEASURED_BELOW = "measured_below"  # judged from the nearest organisations below that measure it
    REACHES_TARGET = "reaches_target"
    WITHIN_PARTLY_BAND = "within_partly_band"
    OUTSIDE_PARTLY_BAND = "outside_partly_band"


@dataclass(frozen=True)
class IndicatorResult:
    """An indicator's status for one period, with everything needed to explain it.

    `value` is the number the status was judged on (the outcome, else the forecast); with
    no target it is still filled in for display, but the status is NO_DATA. `outcome` and
    `forecast` are the reading's own numbers (None when missing, and always None when the
    reading's value status is not ok). An indicator MEASURED_BELOW has no value of its own:
    `share` is the mean score of the organisations below that measure it, `below` their counts.
    """

    status: Status
    basis: Basis
    value: float | None
    target: float | None
    partly_limit: float | None
    outcome_status: Status
    forecast_status: Status
    reason: IndicatorReason
    applicable: bool = True
    direction: Direction = Direction.HIGHER
    outcome: float | None = None
    forecast: float | None = None
    share: float | None = None
    below: StatusCounts | None = None


def default_partly_limit(
    direction: Direction, target: float, config: RuleConfig = DEFAULT_RULES
) -> float:
    """Where "partly met" begins when the target sets no limit: target ∓ tolerance·|target|."""
    band = exact(config.default_partly_tolerance) * abs(exact(target))
    limit = exact(target) - band if direction is Direction.HIGHER else exact(target) + band
    return float(limit)


def judge_value(
    direction: Direction, value: float, target: float, partly_limit: float
) -> IndicatorReason:
    """Judge one value against the target and partly limit, in exact decimals; the limit is
    inclusive and a wrong-side limit gives no band."""
    judged, goal, limit = exact(value), exact(target), exact(partly_limit)
    if direction is Direction.HIGHER:
        if judged >= goal:
            return IndicatorReason.REACHES_TARGET
        if judged >= limit:
            return IndicatorReason.WITHIN_PARTLY_BAND
    else:
        if judged <= goal:
            return IndicatorReason.REACHES_TARGET
        if judged <= limit:
            return IndicatorReason.WITHIN_PARTLY_BAND
    return IndicatorReason.OUTSIDE_PARTLY_BAND


_REASON_STATUS = {
    IndicatorReason.REACHES_TARGET: Status.MET,
    IndicatorReason.WITHIN_PARTLY_BAND: Status.PARTLY_MET,
    IndicatorReason.OUTSIDE_PARTLY_BAND: Status.NOT_MET,
}


def _status_of(reason: IndicatorReason | None) -> Status:
    """The status a judgement gives; no judgement is NO_DATA."""
    return Status.NO_DATA if reason is None else _REASON_STATUS[reason]


def indicator_status(
    direction: Direction,
    target: Target | None,
    reading: Reading | None,
    config: RuleConfig = DEFAULT_RULES,
) -> IndicatorResult:
    """An indicator's status: from the outcome if there is one, else only from the forecast.

    The value status wins over any number in the row (`counted_values`): an outcome marked
    missing is not judged, and nothing of a suppressed or not applicable row is."""
    outcome, forecast = (
        counted_values(reading.outcome, reading.forecast, reading.value_status)
        if reading
        else (None, None)
    )
    outcome, forecast = finite(outcome), finite(forecast)
    shown = outcome if outcome is not None else forecast
    target_value = finite(target.target) if target else None

    def no_data(reason: IndicatorReason, applicable: bool = True) -> IndicatorResult:
        return IndicatorResult(
            status=Status.NO_DATA,
            basis=Basis.NONE,
            value=shown,
            target=target_value,
            partly_limit=None,
            outcome_status=Status.NO_DATA,
            forecast_status=Status.NO_DATA,
            reason=reason,
            applicable=applicable,
            direction=direction,
            outcome=outcome,
            forecast=forecast,
        )

    if reading is not None and reading.value_status is ValueStatus.NOT_APPLICABLE:
        return no_data(IndicatorReason.NOT_APPLICABLE, applicable=False)
    if target is None or target_value is None:  # never guess a target (auditors' finding 1)
        return no_data(IndicatorReason.NO_TARGET)
    if shown is None:
        suppressed = reading is not None and reading.value_status is ValueStatus.SUPPRESSED
        return no_data(IndicatorReason.SUPPRESSED if suppressed else IndicatorReason.NO_VALUE)

    limit = finite(target.partly_limit)
    if limit is None:
        limit = default_partly_limit(direction, target_value, config)

    def judge(value: float | None) -> IndicatorReason | None:
        return None if value is None else judge_value(direction, value, target_value, limit)

    outcome_reason, forecast_reason = judge(outcome), judge(forecast)
    reason = outcome_reason if outcome_reason is not None else forecast_reason
    assert reason is not None  # shown is not None, so one of them was judged
    return IndicatorResult(
        status=_status_of(reason),
        basis=Basis.OUTCOME if outcome is not None else Basis.FORECAST,
        value=shown,
        target=target_value,
        partly_limit=limit,
        outcome_status=_status_of(outcome_reason),
        forecast_status=_status_of(forecast_reason),
        reason=reason,
        applicable=True,
        direction=direction,
        outcome=outcome,
        forecast=forecast,
    )
