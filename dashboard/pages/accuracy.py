"""Prognoser's data: forecast accuracy, indicators met on a forecast alone, and consistency.

What only an upload changes (the tree, the forecasts) is kept in the store until the next one;
the assessments change with every save, so they are read each time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dashboard.domain.model import OrgUnit
from dashboard.followup import accuracy, consistency, goal_results
from dashboard.followup.accuracy import ForecastOnly, GroupAccuracy
from dashboard.followup.consistency import Lean
from dashboard.followup.goal_results import Brief
from dashboard.store import Store


@dataclass(frozen=True)
class Accuracy:
    """The page's tables, named as the layout's arguments."""

    committees: list[GroupAccuracy]
    indicators: list[GroupAccuracy]
    forecast_only: list[ForecastOnly]
    goals_met: tuple[int, int]
    leans: list[Lean]
    pairs: list[tuple[Brief, Brief]]
    pair_count: int
    orgs: dict[int, OrgUnit]
    shown: int


def accuracy_page(store: Store, org: OrgUnit, year: int, period: str, shown: int) -> Accuracy:
    """For the organisation and below; the long lists cut to their first `shown` rows."""
    orgs = store.summary(("org_units",), store.org_units)
    assessed = _assessed(store, orgs, org, year, period)
    pairs = consistency.differing_pairs(assessed)
    return Accuracy(
        committees=committees(store, org, year, period),
        indicators=indicators(store, org, year, period),
        forecast_only=forecast_only(store, org, year, period),
        goals_met=consistency.met_on_forecast(assessed),
        leans=consistency.lean_by_committee(assessed, orgs),
        pairs=pairs[:shown],
        pair_count=len(pairs),
        orgs=org_index(store),
        shown=shown,
    )


def committees(store: Store, org: OrgUnit, year: int, period: str) -> list[GroupAccuracy]:
    """The forecast accuracy per row of the organisation's table (kept until the next upload);
    also what its tables drawn on demand show."""
    orgs = store.summary(("org_units",), store.org_units)
    periods = accuracy.shown_periods(period)
    return store.summary(
        committee_key(org, year, period),
        lambda: accuracy.committee_accuracy(store, orgs, org, year, periods),
    )


def indicators(store: Store, org: OrgUnit, year: int, period: str) -> list[GroupAccuracy]:
    """The forecast accuracy per indicator of the organisation's own forecasts, of the filters'
    tertial up to the year (also what its table drawn on demand shows)."""
    periods = accuracy.shown_periods(period)

    def summed() -> list[GroupAccuracy]:  # about 2 ms a request at a nämnd (issue 20): kept
        checks = store.summary(
            ("forecast checks", org.id), lambda: accuracy.forecast_checks(store, [org.id])
        )
        return accuracy.by_indicator(accuracy.within(checks, year, periods), periods[0])

    return store.summary(("forecast accuracy per indicator", org.id, year, period), summed)


def forecast_only(store: Store, org: OrgUnit, year: int, period: str) -> list[ForecastOnly]:
    """The indicators below the organisation whose status rests on a forecast alone (kept until
    the next upload; also what its table drawn on demand shows)."""
    orgs = store.summary(("org_units",), store.org_units)
    return store.summary(
        ("forecast only", org.id, year, period),
        lambda: accuracy.forecast_only(store, _within(orgs, org), year, period),
    )


def committee_key(org: OrgUnit, year: int, period: str) -> tuple[Any, ...]:
    """The summary key of an organisation's forecast accuracy per row: the costliest of the
    first pages' (tools/warming.py asks whether the city's is kept)."""
    return ("committee accuracy", org.id, year, accuracy.shown_periods(period))


@dataclass(frozen=True)
class Judged:
    """The consistency section's tables, drawn when opened: leans and every differing pair."""

    leans: list[Lean]
    pairs: list[tuple[Brief, Brief]]
    orgs: dict[int, OrgUnit]


def judged(store: Store, org: OrgUnit, year: int, period: str) -> Judged:
    """How the organisation's nämnder assess against the computed status (read each time)."""
    orgs = store.summary(("org_units",), store.org_units)
    assessed = _assessed(store, orgs, org, year, period)
    return Judged(
        leans=consistency.lean_by_committee(assessed, orgs),
        pairs=consistency.differing_pairs(assessed),
        orgs=org_index(store),
    )


def org_index(store: Store) -> dict[int, OrgUnit]:
    """Every organisation by its id, as the tables name them (kept until the next upload)."""
    return {o.id: o for o in store.summary(("org_units",), store.org_units)}


def _within(orgs: list[OrgUnit], org: OrgUnit) -> list[int] | None:
    # the whole city: no list of every unit
    return None if org.parent_id is None else [o.id for o in accuracy.subtree(orgs, org.id)]


def _assessed(
    store: Store, orgs: list[OrgUnit], org: OrgUnit, year: int, period: str
) -> list[Brief]:
    return goal_results.assessed(store, _within(orgs, org), year, period)
