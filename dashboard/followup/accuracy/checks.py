"""The forecasts to check, read from the store: per organisation subtree, or per committee."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from dashboard.domain.model import (
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
from dashboard.store import Store, forecasts


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


def forecast_checks(
    store: Store, org_ids: Sequence[int] | None, indicator_ids: Sequence[int] | None = None
) -> list[ForecastCheck]:
    """Every T1 and T2 forecast of the organisations (None: all) and indicators that has a helår
    outcome."""
    return [
        ForecastCheck(
            pair.org_id,
            pair.indicator,
            pair.year,
            pair.period,
            pair.forecast,
            pair.full_year,
            pair.target,
        )
        for pair in forecasts.pairs(store.engine, FORECAST_PERIODS, org_ids, indicator_ids)
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
        counts = _committee_counts(store, orgs)
        by_id = {o.id: o for o in orgs}
        rows = {
            by_id[key]: [found]
            for key, found in counts.items()
            if key == org.id or (org.parent_id is None and by_id[key].parent_id == org.id)
        }
    else:
        counts = _forecast_counts(store)
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

    One definition for every figure: the pairs are read once (about 475,000 at the whole city,
    ten years) and only uploads change them, so each year's are kept until an upload changes
    that year (`Store.year_summary`), and any scope, year and tertial sums its own.
    """
    return _of_every_year(store, _year_counts, lambda year: _year_counts(store, year))


def _year_counts(store: Store, year: int) -> Counts:
    """The forecasts made in one year, summarised per organisation and tertial."""
    grouped: dict[int, dict[tuple[str, int], list[tuple[Indicator, int, Figures]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for pair in forecasts.all_pairs(store.engine, FORECAST_PERIODS, year):
        grouped[pair.org_id][pair.period, pair.year].append(
            (
                pair.indicator,
                pair.year,
                figures_of(pair.indicator, pair.forecast, pair.full_year, pair.target),
            )
        )
    return {
        org_id: {key: summarize_found(found) for key, found in by_key.items()}
        for org_id, by_key in grouped.items()
    }


def _committee_counts(store: Store, orgs: Sequence[OrgUnit]) -> Counts:
    """The counts summed per nämnd (the city: its own), per tertial and year; kept like the
    counts."""
    return _of_every_year(
        store, _year_committee_counts, lambda year: _year_committee_counts(store, orgs, year)
    )


def _year_committee_counts(store: Store, orgs: Sequence[OrgUnit], year: int) -> Counts:
    """One year's counts summed per nämnd."""
    by_id = {o.id: o for o in orgs}
    totals: Counts = defaultdict(dict)
    year_counts = store.year_summary(_year_counts, year, lambda: _year_counts(store, year))
    for org_id, by_key in year_counts.items():
        committee = totals[committee_of(by_id[org_id], by_id).id]
        for key, summary in by_key.items():
            committee[key] = committee.get(key, AccuracySummary()) + summary
    return dict(totals)


def _of_every_year(
    store: Store, key: Callable[..., Counts], count: Callable[[int], Counts]
) -> Counts:
    """Each reported year's counts, each kept for its year, together."""
    together: Counts = defaultdict(dict)
    for year in sorted({year for year, _ in store.reported_periods()}):
        for org_id, by_key in store.year_summary(key, year, partial(count, year)).items():
            together[org_id].update(by_key)
    return dict(together)
