"""The arithmetic of forecast accuracy, pure: one forecast against its outcome, and summaries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from dashboard.domain import rules
from dashboard.domain.model import (
    Direction,
    Indicator,
    OrgUnit,
)

FORECAST_PERIODS = ("T1", "T2")
MIN_FOR_RATE = 10  # fewer forecasts give a count but no rate (docs/followup.md)
RELATIVE_PRECISION = Decimal("1e-10")
SHARE_UNIT = "%"  # errors of shares are differences in procentenheter


class Verdict(StrEnum):
    """How a forecast turned out, in whole rounding steps of its indicator."""

    TOO_POSITIVE = "too_positive"
    ACCURATE = "accurate"
    TOO_NEGATIVE = "too_negative"


@lru_cache(maxsize=65536)
def _shown_steps(value: float, decimals: int) -> int:
    """A value as the pages show it, in whole steps: rounded half up at the decimals, exactly (as
    format_number)."""
    return int(rules.round_half_up(rules.exact(value), decimals).scaleb(decimals))


@lru_cache(maxsize=65536)
def _in_unit(steps: int, decimals: int) -> Decimal:
    return Decimal(steps).scaleb(-decimals)


@lru_cache(maxsize=65536)
def _relative(steps: int, outcome_steps: int) -> Decimal:
    # at a fixed precision, so sums are exact in any order (a per cent with eight decimals)
    return (Decimal(steps) / outcome_steps).quantize(RELATIVE_PRECISION)


@dataclass(frozen=True)
class ForecastCheck:
    """One full-year forecast (made at T1 or T2) against the helår outcome and target of the same
    year."""

    org_id: int
    indicator: Indicator
    year: int
    period: str
    forecast: float
    outcome: float
    target: float | None

    @property
    def step(self) -> Decimal:
        """One rounding step of the indicator: 10^-decimals."""
        return _step(self.indicator.decimals)

    @property
    def error(self) -> Decimal:
        """Shown forecast minus shown outcome in the indicator's unit, positive when too
        positive."""
        return self.figures().error

    @property
    def steps(self) -> int:
        """The error in whole rounding steps."""
        return int(self.error / self.step)

    @property
    def verdict(self) -> Verdict:
        """Too positive or too negative by at least one rounding step, else accurate."""
        return self.figures().verdict

    @property
    def relative_error(self) -> Decimal | None:
        """The error as a share of the shown outcome; None when that is 0."""
        return self.figures().relative_error

    @property
    def outcome_missed(self) -> bool:
        """Whether the year has a target and the helår outcome did not reach it."""
        return self.figures().outcome_missed

    @property
    def promised_met(self) -> bool:
        """Whether the forecast reached the year's target but the outcome did not."""
        return self.figures().promised_met

    def figures(self) -> Figures:
        """Every figure of the forecast at once (the definitions of docs/followup.md)."""
        return figures_of(self.indicator, self.forecast, self.outcome, self.target)


def figures_of(
    indicator: Indicator, forecast: float, outcome: float, target: float | None
) -> Figures:
    """A forecast's figures against the helår outcome and target: the one definition
    (docs/followup.md)."""
    sign, decimals = (1 if indicator.direction is Direction.HIGHER else -1), indicator.decimals
    shown_outcome = _shown_steps(outcome, decimals)
    steps = sign * (_shown_steps(forecast, decimals) - shown_outcome)  # whole rounding steps
    verdict = (
        Verdict.TOO_POSITIVE
        if steps >= 1
        else Verdict.TOO_NEGATIVE
        if steps <= -1
        else Verdict.ACCURATE
    )
    relative = _relative(steps, abs(shown_outcome)) if shown_outcome else None
    missed = reached = False
    if (
        target is not None
    ):  # exact decimals: 74.8 on a target of 74.8 reaches it (inclusive, rules.md)
        exact_target, exact_outcome, exact_forecast = (
            _exact(target),
            _exact(outcome),
            _exact(forecast),
        )
        missed = exact_outcome < exact_target if sign > 0 else exact_outcome > exact_target
        reached = exact_forecast >= exact_target if sign > 0 else exact_forecast <= exact_target
    return Figures(_in_unit(steps, decimals), verdict, relative, missed, missed and reached)


@dataclass(frozen=True)
class Figures:
    """One forecast's figures: error in the unit, verdict, relative error, target missed / reached
    only in it."""

    error: Decimal
    verdict: Verdict
    relative_error: Decimal | None
    outcome_missed: bool
    promised_met: bool


_exact = lru_cache(maxsize=65536)(rules.exact)  # thousands of forecasts share a few hundred values


@lru_cache(maxsize=16)
def _step(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


@dataclass(frozen=True)
class ErrorStats:
    """Errors pooled with every forecast weighing alike: bias (signed mean) and accuracy (mean
    absolute)."""

    count: int = 0
    signed_sum: Decimal = Decimal(0)
    absolute_sum: Decimal = Decimal(0)

    def __add__(self, other: ErrorStats) -> ErrorStats:
        return ErrorStats(
            self.count + other.count,
            self.signed_sum + other.signed_sum,
            self.absolute_sum + other.absolute_sum,
        )

    @property
    def bias(self) -> Decimal | None:
        """The mean signed error: plus means too positive on average; None without errors."""
        return self.signed_sum / self.count if self.count else None

    @property
    def mean_absolute(self) -> Decimal | None:
        """The mean absolute error: how far off, whichever side; None without errors."""
        return self.absolute_sum / self.count if self.count else None


@dataclass(frozen=True)
class AccuracySummary:
    """How a set of forecasts turned out; a rate only on `MIN_FOR_RATE` or more."""

    count: int = 0
    too_positive: int = 0
    too_negative: int = 0
    outcome_missed: int = 0  # forecasts whose helår outcome missed the year's target
    promised_met: int = 0  # of those, the forecasts that reached it
    shares: ErrorStats = field(default_factory=ErrorStats)  # indicators in %: procentenheter
    relative: ErrorStats = field(
        default_factory=ErrorStats
    )  # other units: relative to the outcome (not 0)
    in_unit: ErrorStats = field(default_factory=ErrorStats)  # in the unit: only for one indicator
    years: frozenset[int] = frozenset()

    @property
    def accurate(self) -> int:
        """Forecasts less than one rounding step from the outcome."""
        return self.count - self.too_positive - self.too_negative

    def rate(self, part: int, of: int | None = None) -> Decimal | None:
        """`part` of `of` (default: all forecasts); None below `MIN_FOR_RATE`."""
        of = self.count if of is None else of
        return Decimal(part) / of if of >= MIN_FOR_RATE else None

    def __add__(self, other: AccuracySummary) -> AccuracySummary:
        return AccuracySummary(
            self.count + other.count,
            self.too_positive + other.too_positive,
            self.too_negative + other.too_negative,
            self.outcome_missed + other.outcome_missed,
            self.promised_met + other.promised_met,
            self.shares + other.shares,
            self.relative + other.relative,
            self.in_unit + other.in_unit,
            self.years | other.years,
        )


def summarize(checks: Iterable[ForecastCheck]) -> AccuracySummary:
    """Count and average a set of forecast checks (each check's figures computed once)."""
    return summarize_found((check.indicator, check.year, check.figures()) for check in checks)


def summarize_found(found: Iterable[tuple[Indicator, int, Figures]]) -> AccuracySummary:
    count = too_positive = too_negative = missed = promised = shares_count = relative_count = 0
    zero = Decimal(0)
    shares_signed = shares_absolute = relative_signed = relative_absolute = errors_signed = (
        errors_absolute
    ) = zero
    years: set[int] = set()
    for (
        indicator,
        year,
        figures,
    ) in found:  # one pass: a city has about 475,000 (docs/performance.md)
        count += 1
        too_positive += figures.verdict is Verdict.TOO_POSITIVE
        too_negative += figures.verdict is Verdict.TOO_NEGATIVE
        missed += figures.outcome_missed
        promised += figures.promised_met
        error = figures.error
        absolute = -error if error < zero else error
        errors_signed += error
        errors_absolute += absolute
        if indicator.unit == SHARE_UNIT:
            shares_count += 1
            shares_signed += error
            shares_absolute += absolute
        elif (relative := figures.relative_error) is not None:
            relative_count += 1
            relative_signed += relative
            relative_absolute += -relative if relative < zero else relative
        years.add(year)
    return AccuracySummary(
        count,
        too_positive,
        too_negative,
        missed,
        promised,
        ErrorStats(shares_count, shares_signed, shares_absolute),
        ErrorStats(relative_count, relative_signed, relative_absolute),
        ErrorStats(count, errors_signed, errors_absolute),
        frozenset(years),
    )


# ---- groups ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupAccuracy:
    """The forecasts of one group (a nämnd, an organisation or an indicator) by tertial."""

    key: OrgUnit | Indicator
    by_period: dict[str, AccuracySummary]
    checks: tuple[ForecastCheck, ...]  # empty for a nämnd, which is summed from kept counts
    own_only: bool = (
        False  # an organisation's own forecasts only, not those of the organisations below
    )


def _grouped(
    checks: Iterable[ForecastCheck], key: Callable[[ForecastCheck], OrgUnit | Indicator]
) -> list[GroupAccuracy]:
    groups: dict[OrgUnit | Indicator, list[ForecastCheck]] = defaultdict(list)
    for check in checks:
        groups[key(check)].append(check)
    return [
        GroupAccuracy(
            group,
            {
                p: summarize(c for c in found if c.period == p)
                for p in FORECAST_PERIODS
                if any(c.period == p for c in found)
            },
            tuple(found),
        )
        for group, found in groups.items()
    ]


def by_indicator(checks: Iterable[ForecastCheck], period: str) -> list[GroupAccuracy]:
    """Forecasts summarised per indicator, the most too positive forecasts in the tertial first."""
    return sorted(
        _grouped(checks, lambda check: check.indicator), key=lambda g: rank_key(g, period)
    )


def by_org(
    checks: Iterable[ForecastCheck], orgs: Sequence[OrgUnit], period: str
) -> list[GroupAccuracy]:
    """Forecasts summarised per organisation (each its own only), the most too positive in the
    tertial first."""
    by_id = {org.id: org for org in orgs}
    groups = [
        GroupAccuracy(g.key, g.by_period, g.checks, own_only=True)
        for g in _grouped(checks, lambda check: by_id[check.org_id])
    ]
    return sorted(groups, key=lambda g: rank_key(g, period))


def rank_key(group: GroupAccuracy, period: str) -> tuple[bool, Decimal | int, int, str]:
    """Largest rate too positive first, then most too positive; rows without a rate last
    (docs/followup.md)."""
    summary = group.by_period.get(period, AccuracySummary())
    rate = summary.rate(summary.too_positive)
    return (rate is None, -(rate or 0), -summary.too_positive, group.key.name)
