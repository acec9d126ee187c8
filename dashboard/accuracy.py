"""Prognosträffsäkerhet: how the T1 and T2 full-year forecasts compared with the final outcome.

Makes optimism visible (DOMAIN.md, finding 2): a forecast is *too positive* when it lies on
the better side of the helår outcome, "better" read in the indicator's direction, by more
than the indicator's rounding (the same test as `rules.year_over_year`); docs/followup.md.
Also lists the indicators whose status rests on a forecast alone (finding 1).

One organisation's or one indicator's forecasts are checked one by one in Python; the
per-nämnd summary is counted in SQL, since a whole city has hundreds of thousands of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select

from dashboard import rules
from dashboard.model import (
    Direction,
    Gender,
    Indicator,
    OrgLevel,
    OrgUnit,
    Reading,
    Status,
    Trend,
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
# Below half a unit of the last decimal, a difference rounds to 0 (as in rules.year_over_year).
_MAX_DECIMALS = 6


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
    def change(self) -> rules.Change:
        """Forecast minus outcome, judged by the indicator's direction: BETTER is too positive."""
        return rules.year_over_year(self.forecast, self.outcome, self.indicator.direction, self.indicator.decimals)

    @property
    def error(self) -> float:
        """Forecast minus outcome in the indicator's unit, positive when the forecast was too positive."""
        return _sign(self.indicator.direction) * (self.forecast - self.outcome)

    @property
    def relative_error(self) -> float | None:
        """The error as a share of the outcome; None when the outcome is 0."""
        return self.error / abs(self.outcome) if self.outcome else None

    @property
    def promised_met(self) -> bool:
        """Whether the forecast reached the year's target but the outcome did not."""
        return self.target is not None and self._reaches(self.forecast) and not self._reaches(self.outcome)

    def _reaches(self, value: float) -> bool:
        reason = rules.judge_value(self.indicator.direction, value, self.target, self.target)
        return reason is rules.IndicatorReason.REACHES_TARGET


def _sign(direction: Direction) -> int:
    return 1 if direction is Direction.HIGHER else -1


@dataclass(frozen=True)
class AccuracySummary:
    """How a set of forecasts turned out; shares are of `count`."""

    count: int
    too_positive: int
    too_negative: int
    promised_met: int
    mean_relative_error: float | None  # in the indicators' directions; positive is too positive
    mean_error: float | None = None  # in the unit; only for one indicator

    @property
    def accurate(self) -> int:
        """Forecasts equal to the outcome at the indicator's rounding."""
        return self.count - self.too_positive - self.too_negative

    def share(self, count: int) -> float | None:
        """A count as a share of all forecasts; None without forecasts."""
        return count / self.count if self.count else None


def summarize(checks: Iterable[ForecastCheck]) -> AccuracySummary:
    """Count and average a set of forecast checks."""
    checks = list(checks)
    trends = [check.change.trend for check in checks]
    relative = [r for r in (check.relative_error for check in checks) if r is not None]
    return AccuracySummary(
        count=len(checks),
        too_positive=trends.count(Trend.BETTER),
        too_negative=trends.count(Trend.WORSE),
        promised_met=sum(check.promised_met for check in checks),
        mean_relative_error=sum(relative) / len(relative) if relative else None,
        mean_error=sum(check.error for check in checks) / len(checks) if checks else None,
    )


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
    store: Store, org_ids: Sequence[int], indicator_ids: Sequence[int] | None = None
) -> list[ForecastCheck]:
    """Every T1 and T2 forecast of the organisations (and indicators) that has a helår outcome, over all years."""
    stmt = (
        select(*indicator_t.c, _forecast.c.org_id, _forecast.c.year, _forecast.c.period,
               _forecast.c.forecast, _outcome.c.outcome.label("full_year"), target_t.c.target)
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
        ForecastCheck(row["org_id"], indicators[row["id"]], row["year"], row["period"], row["forecast"],
                      row["full_year"], row["target"])
        for row in rows
    ]


def committee_accuracy(store: Store, orgs: Sequence[OrgUnit], org_ids: Sequence[int]) -> list[GroupAccuracy]:
    """The forecasts summarised per nämnd (each organisation counts with its nämnd), the most optimistic first."""
    by_id = {org.id: org for org in orgs}
    wanted = set(org_ids)
    totals: dict[tuple[OrgUnit, str], list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0.0, 0])
    for (org_id, period), counts in store.summary(_forecast_counts, lambda: _forecast_counts(store)).items():
        if org_id in wanted:
            total = totals[committee_of(by_id[org_id], by_id), period]
            for index, value in enumerate(counts):
                total[index] += value
    by_committee: dict[OrgUnit, dict[str, AccuracySummary]] = defaultdict(dict)
    for (committee, period), (count, positive, negative, promised, relative_sum, relative_count) in totals.items():
        mean = relative_sum / relative_count if relative_count else None
        by_committee[committee][period] = AccuracySummary(count, positive, negative, promised, mean)
    groups = [GroupAccuracy(committee, summaries, ()) for committee, summaries in by_committee.items()]
    return sorted(groups, key=lambda g: (-g.too_positive_share("T1"), g.key.name))


def _forecast_counts(store: Store) -> dict[tuple[int, str], tuple]:
    """Every organisation's forecast counts per tertial over all years, as `summarize` defines them.

    Counted in SQL: about 475,000 pairs and 1.2-1.6 s at the whole city. Only uploads change
    them, so they are kept until the next (`Store.summary`), and any scope sums its own.
    """
    f, o = _forecast.c, _outcome.c
    sign = case((indicator_t.c.direction == Direction.HIGHER.value, 1.0), else_=-1.0)
    error = sign * (f.forecast - o.outcome)
    rounding = case(*((indicator_t.c.decimals == d, 0.5 * 10.0**-d) for d in range(_MAX_DECIMALS)), else_=0.0)
    reached = target_t.c.target.is_not(None) & (sign * (f.forecast - target_t.c.target) >= 0)
    missed = sign * (o.outcome - target_t.c.target) < 0
    relative = case((o.outcome != 0, error / func.abs(o.outcome)))
    stmt = (
        select(
            f.org_id, f.period, func.count().label("count"),
            func.sum(case((error > rounding, 1), else_=0)).label("too_positive"),
            func.sum(case((error < -rounding, 1), else_=0)).label("too_negative"),
            func.sum(case((reached & missed, 1), else_=0)).label("promised_met"),
            func.sum(relative).label("relative_sum"), func.count(relative).label("relative_count"),
        )
        .select_from(_PAIRED)
        .where(*_paired_where(None))
        .group_by(f.org_id, f.period)
    )
    with store.engine.connect() as conn:
        return {(row.org_id, row.period): tuple(value or 0 for value in row[2:]) for row in conn.execute(stmt)}


# ---- met without outcome --------------------------------------------------------------------


@dataclass(frozen=True)
class ForecastOnly:
    """An indicator at an organisation whose status rests on a forecast alone: no outcome exists."""

    org_id: int
    indicator: Indicator
    result: rules.IndicatorResult


def forecast_only(store: Store, org_ids: Sequence[int] | None, year: int, period: str) -> list[ForecastOnly]:
    """Indicators with a forecast but no outcome in the period at the organisations (None: all), judged;
    met ones first."""
    m = measurement_t.c
    stmt = (
        select(*indicator_t.c, m.org_id, m.outcome, m.forecast, m.value_status,
               target_t.c.target, target_t.c.partly_limit, target_t.c.council_target)
        .select_from(measurement_t)
        .join(indicator_t, indicator_t.c.id == m.indicator_id)
        .outerjoin(target_t, and_(target_t.c.indicator_id == m.indicator_id, target_t.c.org_id == m.org_id,
                                  target_t.c.year == m.year))
        .where(among(m.org_id, org_ids), m.gender == Gender.TOTAL.value, m.year == year, m.period == period,
               m.outcome.is_(None), m.forecast.is_not(None))
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
    return sorted(found, key=lambda f: (f.result.status is not Status.MET, f.indicator.name, f.org_id))


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
    checks: tuple[ForecastCheck, ...]  # empty for a nämnd, which is counted in SQL

    def too_positive_share(self, period: str) -> float:
        """The share of the period's forecasts that were too positive (0 without any)."""
        summary = self.by_period.get(period)
        return (summary.share(summary.too_positive) or 0.0) if summary else 0.0


def _grouped(checks: Iterable[ForecastCheck], key) -> list[GroupAccuracy]:
    groups: dict[object, list[ForecastCheck]] = defaultdict(list)
    for check in checks:
        groups[key(check)].append(check)
    return [
        GroupAccuracy(
            group,
            {p: summarize(c for c in found if c.period == p) for p in FORECAST_PERIODS
             if any(c.period == p for c in found)},
            tuple(found),
        )
        for group, found in groups.items()
    ]


def by_indicator(checks: Iterable[ForecastCheck]) -> list[GroupAccuracy]:
    """Forecasts summarised per indicator, the largest mean error at T1 first."""
    groups = _grouped(checks, lambda check: check.indicator)
    return sorted(groups, key=lambda g: (-(g.by_period.get("T1", summarize(())).mean_relative_error or 0.0),
                                         g.key.name))


def by_org(checks: Iterable[ForecastCheck], orgs: Sequence[OrgUnit]) -> list[GroupAccuracy]:
    """Forecasts summarised per organisation, the most optimistic first."""
    by_id = {org.id: org for org in orgs}
    groups = _grouped(checks, lambda check: by_id[check.org_id])
    return sorted(groups, key=lambda g: (-g.too_positive_share("T1"), g.key.name))
