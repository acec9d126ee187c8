"""The forecasts to check, read from the store: per organisation subtree, or per committee."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, RowMapping, and_, select

from dashboard.domain.model import (
    Gender,
    Indicator,
    OrgLevel,
    OrgUnit,
)
from dashboard.followup.accuracy.figures import (
    FORECAST_PERIODS,
    AccuracySummary,
    Figures,
    ForecastCheck,
    GroupAccuracy,
    figures_of,
    rank_key,
    summarize_found,
)
from dashboard.store import (
    Store,
    indicator_from_row,
    indicator_t,
    measurement_t,
    target_t,
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


def _paired_where(org_ids: Sequence[int] | None) -> list[ColumnElement[bool]]:
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
    """Every T1 and T2 forecast of the organisations (None: all) and indicators that has a helår
    outcome."""
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
    indicators = indicators_of(rows)
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
    """The forecasts of the tertials up to the year, per row of the organisation's table, in the
    documented order.

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
    return sorted(groups, key=lambda g: rank_key(g, periods[0]))


Counts = dict[int, dict[tuple[str, int], AccuracySummary]]


def _forecast_counts(store: Store) -> Counts:
    """Every organisation's forecasts summarised per tertial and year, each by `figures_of` as one
    check is.

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
    grouped: dict[int, dict[tuple[str, int], list[tuple[Indicator, int, Figures]]]] = defaultdict(
        lambda: defaultdict(list)
    )
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
        org_id: {key: summarize_found(found) for key, found in by_key.items()}
        for org_id, by_key in grouped.items()
    }


def _committee_counts(store: Store, orgs: Sequence[OrgUnit]) -> Counts:
    """The counts summed per nämnd (the city: its own), per tertial and year; kept like the
    counts."""
    by_id = {o.id: o for o in orgs}
    totals: Counts = defaultdict(dict)
    for org_id, by_key in store.summary(_forecast_counts, lambda: _forecast_counts(store)).items():
        committee = totals[committee_of(by_id[org_id], by_id).id]
        for key, summary in by_key.items():
            committee[key] = committee.get(key, AccuracySummary()) + summary
    return dict(totals)


def indicators_of(rows: Iterable[RowMapping]) -> dict[int, Indicator]:
    """The indicators of result rows that carry the indicator's columns, by id."""
    found: dict[int, Indicator] = {}
    for row in rows:
        if row["id"] not in found:
            found[row["id"]] = indicator_from_row(row)
    return found
