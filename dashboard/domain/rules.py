"""The one documented rule set that turns data into fulfilment statuses (docs/rules.md).

Pure functions on model values: no database, no Dash, no Swedish text. Reason codes are
English `StrEnum`s; `layouts/texts.py` holds their Swedish wording.

The rules answer the city auditors' findings (revisionsrapport 7/2022, see DOMAIN.md):
a missing value is never met, a forecast is never reported as an outcome, activities
count, and one rule applies everywhere.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from dashboard.domain.model import (
    ActivityState,
    ActivityStatus,
    Assessment,
    Basis,
    Direction,
    Reading,
    Status,
    Target,
    Trend,
    ValueStatus,
    counted_values,
)

# Guards the threshold comparisons against float noise, e.g. 0.7999999999999999 for 0.8,
# so that a score a controller computes by hand as exactly 80 % counts as met.
_EPSILON = 1e-9


@dataclass(frozen=True)
class RuleConfig:
    """The tunable parts of the rule; the defaults are the documented rule (docs/rules.md)."""

    # The partly band is 10 % of |target| wide when Target.partly_limit is None.
    default_partly_tolerance: float = 0.10
    met_threshold: float = 0.80  # goal score needed for MET
    partly_threshold: float = 0.40  # goal score needed for PARTLY_MET
    min_coverage: float = 0.50  # share of weight that must have data, else NO_DATA
    include_activities: bool = True
    activity_weight: float = 1.0


DEFAULT_RULES = RuleConfig()


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


# The score a part gets from its status; NO_DATA scores nothing (None), and counts as 0.
STATUS_SCORE: dict[Status, float | None] = {
    Status.MET: 1.0,
    Status.PARTLY_MET: 0.5,
    Status.NOT_MET: 0.0,
    Status.NO_DATA: None,
}


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
class StatusCounts:
    """How many parts have each status."""

    met: int = 0
    partly_met: int = 0
    not_met: int = 0
    no_data: int = 0

    def of(self, status: Status) -> int:
        """The count for one status."""
        return {
            Status.MET: self.met,
            Status.PARTLY_MET: self.partly_met,
            Status.NOT_MET: self.not_met,
            Status.NO_DATA: self.no_data,
        }[status]


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


@dataclass(frozen=True)
class Change:
    """A change from the same period last year, judged by the indicator's direction."""

    current: float | None
    previous: float | None
    absolute: float | None
    relative: float | None
    trend: Trend


@dataclass(frozen=True)
class GenderSplit:
    """Women's and men's values side by side, and whether an expected split is missing."""

    women: float | None
    men: float | None
    gap: float | None
    split_missing: bool


def _finite(value: float | None) -> float | None:
    """A value, or None when it is missing or NaN (NaN must never compare as met)."""
    if value is None or math.isnan(value):
        return None
    return value


def exact(value: float) -> Decimal:
    """A stored number as the decimal a person wrote (its shortest repr): 6.8 is 6.8, not 6.7999…

    Limits and comparisons are made on these, so 6,8 + 10 % is exactly 7,48 and a value of
    7,48 lies on the limit, as a controller computing by hand finds (docs/rules.md §1)."""
    return Decimal(repr(float(value)))


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """The one rounding of displayed numbers and trend words: half away from zero (0,5 → 1)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def default_partly_limit(
    direction: Direction, target: float, config: RuleConfig = DEFAULT_RULES
) -> float:
    """Where "partly met" begins when the target sets no limit: target ∓ tolerance·|target|, exactly."""
    band = exact(config.default_partly_tolerance) * abs(exact(target))
    limit = exact(target) - band if direction is Direction.HIGHER else exact(target) + band
    return float(limit)


def judge_value(
    direction: Direction, value: float, target: float, partly_limit: float
) -> IndicatorReason:
    """Judge one value against the target and partly limit, in exact decimals; the limit is inclusive
    and a wrong-side limit gives no band."""
    value, target, partly_limit = exact(value), exact(target), exact(partly_limit)
    if direction is Direction.HIGHER:
        if value >= target:
            return IndicatorReason.REACHES_TARGET
        if value >= partly_limit:
            return IndicatorReason.WITHIN_PARTLY_BAND
    else:
        if value <= target:
            return IndicatorReason.REACHES_TARGET
        if value <= partly_limit:
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
    outcome, forecast = _finite(outcome), _finite(forecast)
    shown = outcome if outcome is not None else forecast
    target_value = _finite(target.target) if target else None

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
    if target_value is None:  # never guess a target (auditors' finding 1)
        return no_data(IndicatorReason.NO_TARGET)
    if shown is None:
        suppressed = reading is not None and reading.value_status is ValueStatus.SUPPRESSED
        return no_data(IndicatorReason.SUPPRESSED if suppressed else IndicatorReason.NO_VALUE)

    limit = _finite(target.partly_limit)
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


def status_from_score(score: float | None, config: RuleConfig = DEFAULT_RULES) -> Status:
    """The status a score in [0, 1] earns by the goal thresholds; None is NO_DATA."""
    if score is None:
        return Status.NO_DATA
    if score >= config.met_threshold - _EPSILON:
        return Status.MET
    if score >= config.partly_threshold - _EPSILON:
        return Status.PARTLY_MET
    return Status.NOT_MET


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
    elif coverage == 0 or coverage < config.min_coverage - _EPSILON:
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


def year_over_year(
    current: float | None,
    previous: float | None,
    direction: Direction,
    decimals: int,
) -> Change:
    """The change from the same period last year, in exact decimals; UNCHANGED when it rounds
    (half up, as it is displayed) to 0 at `decimals`."""
    current, previous = _finite(current), _finite(previous)
    if current is None or previous is None:
        return Change(current, previous, None, None, Trend.UNKNOWN)
    difference = exact(current) - exact(previous)
    absolute = float(difference)
    relative = absolute / abs(previous) if previous != 0 else None
    if round_half_up(difference, decimals) == 0:
        trend = Trend.UNCHANGED
    elif (absolute > 0) == (direction is Direction.HIGHER):
        trend = Trend.BETTER
    else:
        trend = Trend.WORSE
    return Change(current, previous, absolute, relative, trend)


def gender_split(women: float | None, men: float | None, expected: bool) -> GenderSplit:
    """Women's and men's values, the gap women − men, and whether an expected split is missing."""
    women, men = _finite(women), _finite(men)
    gap = women - men if women is not None and men is not None else None
    return GenderSplit(women, men, gap, split_missing=expected and (women is None or men is None))


class Disagreement(StrEnum):
    """How an organisation's own assessment relates to the computed status."""

    NONE = "none"
    MORE_POSITIVE = "more_positive"
    MORE_NEGATIVE = "more_negative"
    WITHOUT_EVIDENCE = "without_evidence"  # assessed as (partly) met where the data show nothing


_STATUS_RANK = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.MET: 2}


def disagreement(computed: Status, assessment: Assessment | None) -> Disagreement:
    """Flag an own assessment that differs from the computed status (auditors' finding 2)."""
    if assessment is None or assessment.status is computed:
        return Disagreement.NONE
    if computed is Status.NO_DATA:
        claims = assessment.status in (Status.MET, Status.PARTLY_MET)
        return Disagreement.WITHOUT_EVIDENCE if claims else Disagreement.NONE
    if assessment.status is Status.NO_DATA:
        return Disagreement.NONE
    if _STATUS_RANK[assessment.status] > _STATUS_RANK[computed]:
        return Disagreement.MORE_POSITIVE
    return Disagreement.MORE_NEGATIVE
