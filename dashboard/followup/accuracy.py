"""Prognosträffsäkerhet: how the T1 and T2 full-year forecasts compared with the final outcome.

Makes optimism visible (DOMAIN.md, finding 2) in figures a controller can check by hand
(docs/followup.md, "Prognosernas träffsäkerhet"; issue 14, finding 6):

- forecast and outcome are compared as shown, rounded half up to the indicator's decimals, in
  exact decimals; a forecast is *too positive* when it is better, in the indicator's direction,
  by at least one rounding step (10^-decimals), *too negative* when worse by a step;
- the bias (mean signed error) and the accuracy (mean absolute error) are kept apart, so an
  optimistic and a pessimistic forecast do not cancel;
- errors of shares are pooled in procentenheter; other units only relative to the outcome,
  every forecast weighing alike;
- a rate is given only on at least `MIN_FOR_RATE` forecasts, and always with its count.

Also lists the indicators whose status rests on a forecast alone (finding 1).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import and_, select

from dashboard.domain import rules
from dashboard.domain.model import (
    Direction,
    Gender,
    Indicator,
    OrgLevel,
    OrgUnit,
    Reading,
    Status,
    ValueStatus,
)
from dashboard.store import (
    Store,
    among,
    indicator_from_row,
    indicator_t,
    measurement_t,
    target_from_row,
    target_t,
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
    """A value as the pages show it, in whole steps: rounded half up at the decimals, exactly (as format_number)."""
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
    """One full-year forecast (made at T1 or T2) against the helår outcome and target of the same year."""

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
        """Shown forecast minus shown outcome in the indicator's unit, positive when too positive."""
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
    """A forecast's figures against the helår outcome and target: the one definition (docs/followup.md)."""
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
    """One forecast's figures: error in the unit, verdict, relative error, target missed / reached only in it."""

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
    """Errors pooled with every forecast weighing alike: bias (signed mean) and accuracy (mean absolute)."""

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
    return _summarize((check.indicator, check.year, check.figures()) for check in checks)


def _summarize(found: Iterable[tuple[Indicator, int, Figures]]) -> AccuracySummary:
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


def shown_periods(period: str) -> tuple[str, ...]:
    """The tertials whose forecasts a period's page shows: T1 or T2 itself, else both."""
    return (period,) if period in FORECAST_PERIODS else FORECAST_PERIODS


def within(
    checks: Iterable[ForecastCheck], year: int, periods: Sequence[str]
) -> list[ForecastCheck]:
    """The forecasts of the tertials, made in the year or before (the page's filters)."""
    return [c for c in checks if c.year <= year and c.period in periods]


def subtree(orgs: Sequence[OrgUnit], root_id: int) -> list[OrgUnit]:
    """The organisation and everything below it, parents first."""
    children: dict[int | None, list[OrgUnit]] = defaultdict(list)
    for org in orgs:
        children[org.parent_id].append(org)
    found = [org for org in orgs if org.id == root_id]
    for org in found:  # grows while iterating: a breadth-first walk
        found.extend(children[org.id])
    return found


def committee_of(org: OrgUnit, by_id: dict[int, OrgUnit]) -> OrgUnit:
    """The nämnd an organisation belongs to (the city is its own)."""
    while org.level > OrgLevel.COMMITTEE and org.parent_id is not None:
        org = by_id[org.parent_id]
    return org


# ---- the forecasts, paired with the outcome of the same year ---------------------------------

_forecast = measurement_t.alias("forecast")
_outcome = measurement_t.alias("outcome")
_PAIRED = (
    _forecast.join(
        _outcome,
        and_(
            _outcome.c.indicator_id == _forecast.c.indicator_id,
            _outcome.c.org_id == _forecast.c.org_id,
            _outcome.c.year == _forecast.c.year,
            _outcome.c.gender == _forecast.c.gender,
            _outcome.c.period == "FY",
        ),
    )
    .join(indicator_t, indicator_t.c.id == _forecast.c.indicator_id)
    .outerjoin(
        target_t,
        and_(
            target_t.c.indicator_id == _forecast.c.indicator_id,
            target_t.c.org_id == _forecast.c.org_id,
            target_t.c.year == _forecast.c.year,
        ),
    )
)


def _paired_where(org_ids: Sequence[int] | None) -> list:
    """The pairs' conditions, for the organisations (every organisation if None)."""
    scope = [] if org_ids is None else [_forecast.c.org_id.in_(list(org_ids))]
    return [
        *scope,
        _forecast.c.gender == Gender.TOTAL.value,
        _forecast.c.period.in_(FORECAST_PERIODS),
        _forecast.c.forecast.is_not(None),
        _outcome.c.outcome.is_not(None),
    ]


def forecast_checks(
    store: Store, org_ids: Sequence[int] | None, indicator_ids: Sequence[int] | None = None
) -> list[ForecastCheck]:
    """Every T1 and T2 forecast of the organisations (None: all) and indicators that has a helår outcome."""
    stmt = (
        select(
            *indicator_t.c,
            _forecast.c.org_id,
            _forecast.c.year,
            _forecast.c.period,
            _forecast.c.forecast,
            _outcome.c.outcome.label("full_year"),
            target_t.c.target,
        )
        .select_from(_PAIRED)
        .where(*_paired_where(org_ids))
        .order_by(indicator_t.c.code, _forecast.c.org_id, _forecast.c.year, _forecast.c.period)
    )
    if indicator_ids is not None:
        stmt = stmt.where(_forecast.c.indicator_id.in_(list(indicator_ids)))
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    indicators = _indicators(rows)
    return [
        ForecastCheck(
            row["org_id"],
            indicators[row["id"]],
            row["year"],
            row["period"],
            row["forecast"],
            row["full_year"],
            row["target"],
        )
        for row in rows
    ]


def committee_accuracy(
    store: Store, orgs: Sequence[OrgUnit], org: OrgUnit, year: int, periods: Sequence[str]
) -> list[GroupAccuracy]:
    """The forecasts of the tertials up to the year, per row of the organisation's table, in the documented order.

    Seen from the city, a row per nämnd (with everything below it) and one for the city's own
    forecasts; seen from a nämnd or below, one row for the organisation and everything below it,
    named after it (never after a nämnd it only belongs to)."""
    if org.level <= OrgLevel.COMMITTEE:
        counts = store.summary(_committee_counts, lambda: _committee_counts(store, orgs))
        by_id = {o.id: o for o in orgs}
        rows = {
            by_id[key]: [found]
            for key, found in counts.items()
            if key == org.id or (org.parent_id is None and by_id[key].parent_id == org.id)
        }
    else:
        counts = store.summary(_forecast_counts, lambda: _forecast_counts(store))
        rows = {org: [counts[o.id] for o in subtree(orgs, org.id) if o.id in counts]}
    groups = []
    for key, parts in rows.items():
        by_period: dict[str, AccuracySummary] = {}
        for part in parts:
            for (period, made), summary in part.items():
                if made <= year and period in periods:
                    by_period[period] = by_period.get(period, AccuracySummary()) + summary
        if by_period:
            groups.append(
                GroupAccuracy(
                    key,
                    dict(sorted(by_period.items())),
                    (),
                    own_only=key.level < OrgLevel.COMMITTEE,
                )
            )
    return sorted(groups, key=lambda g: _rank(g, periods[0]))


def _rank(group: GroupAccuracy, period: str) -> tuple:
    """Largest rate too positive first, then most too positive; rows without a rate last (docs/followup.md)."""
    summary = group.by_period.get(period, AccuracySummary())
    rate = summary.rate(summary.too_positive)
    return (rate is None, -(rate or 0), -summary.too_positive, group.key.name)


Counts = dict[int, dict[tuple[str, int], AccuracySummary]]


def _forecast_counts(store: Store) -> Counts:
    """Every organisation's forecasts summarised per tertial and year, each by `figures_of` as one check is.

    One definition for every figure: the pairs are read once (about 475,000 at the whole city)
    and only uploads change them, so they are kept until the next (`Store.summary`), and any
    scope, year and tertial sums its own.
    """
    f = _forecast.c
    stmt = (
        select(
            f.indicator_id,
            f.org_id,
            f.year,
            f.period,
            f.forecast,
            _outcome.c.outcome,
            target_t.c.target,
        )
        .select_from(_PAIRED)
        .where(*_paired_where(None))
    )
    grouped: dict[int, dict[tuple[str, int], list]] = defaultdict(lambda: defaultdict(list))
    with store.engine.connect() as conn:
        indicators = {
            row["id"]: indicator_from_row(row)
            for row in conn.execute(select(indicator_t)).mappings()
        }
        for indicator_id, org_id, year, period, forecast, outcome, target in conn.execute(
            stmt
        ).all():
            indicator = indicators[indicator_id]
            grouped[org_id][period, year].append(
                (indicator, year, figures_of(indicator, forecast, outcome, target))
            )
    return {
        org_id: {key: _summarize(found) for key, found in by_key.items()}
        for org_id, by_key in grouped.items()
    }


def _committee_counts(store: Store, orgs: Sequence[OrgUnit]) -> Counts:
    """The counts summed per nämnd (the city: its own), per tertial and year; kept like the counts."""
    by_id = {o.id: o for o in orgs}
    totals: Counts = defaultdict(dict)
    for org_id, by_key in store.summary(_forecast_counts, lambda: _forecast_counts(store)).items():
        committee = totals[committee_of(by_id[org_id], by_id).id]
        for key, summary in by_key.items():
            committee[key] = committee.get(key, AccuracySummary()) + summary
    return dict(totals)


# ---- met without outcome --------------------------------------------------------------------


@dataclass(frozen=True)
class ForecastOnly:
    """An indicator at an organisation whose status rests on a forecast alone: no outcome exists."""

    org_id: int
    indicator: Indicator
    result: rules.IndicatorResult


def forecast_only(
    store: Store, org_ids: Sequence[int] | None, year: int, period: str
) -> list[ForecastOnly]:
    """Indicators with a forecast but no outcome in the period at the organisations (None: all), judged;
    met ones first."""
    m = measurement_t.c
    stmt = (
        select(
            *indicator_t.c,
            m.org_id,
            m.outcome,
            m.forecast,
            m.value_status,
            target_t.c.target,
            target_t.c.partly_limit,
            target_t.c.council_target,
        )
        .select_from(measurement_t)
        .join(indicator_t, indicator_t.c.id == m.indicator_id)
        .outerjoin(
            target_t,
            and_(
                target_t.c.indicator_id == m.indicator_id,
                target_t.c.org_id == m.org_id,
                target_t.c.year == m.year,
            ),
        )
        .where(
            among(m.org_id, org_ids),
            m.gender == Gender.TOTAL.value,
            m.year == year,
            m.period == period,
            m.outcome.is_(None),
            m.forecast.is_not(None),
        )
    )
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).mappings().all()
    indicators = _indicators(rows)
    found = [
        ForecastOnly(
            row["org_id"],
            indicators[row["id"]],
            rules.indicator_status(
                indicators[row["id"]].direction,
                target_from_row(row),
                Reading(row["outcome"], row["forecast"], ValueStatus(row["value_status"])),
            ),
        )
        for row in rows
    ]
    return sorted(
        found, key=lambda f: (f.result.status is not Status.MET, f.indicator.name, f.org_id)
    )


def _indicators(rows) -> dict[int, Indicator]:
    """The indicators of result rows that carry the indicator's columns, by id."""
    found: dict[int, Indicator] = {}
    for row in rows:
        if row["id"] not in found:
            found[row["id"]] = indicator_from_row(row)
    return found


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


def _grouped(checks: Iterable[ForecastCheck], key) -> list[GroupAccuracy]:
    groups: dict[object, list[ForecastCheck]] = defaultdict(list)
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
    return sorted(_grouped(checks, lambda check: check.indicator), key=lambda g: _rank(g, period))


def by_org(
    checks: Iterable[ForecastCheck], orgs: Sequence[OrgUnit], period: str
) -> list[GroupAccuracy]:
    """Forecasts summarised per organisation (each its own only), the most too positive in the tertial first."""
    by_id = {org.id: org for org in orgs}
    groups = [
        GroupAccuracy(g.key, g.by_period, g.checks, own_only=True)
        for g in _grouped(checks, lambda check: by_id[check.org_id])
    ]
    return sorted(groups, key=lambda g: _rank(g, period))
