"""One indicator's forecasts: its checks at the organisation, and grouped per organisation below."""

from __future__ import annotations

from dashboard.domain.model import Indicator, OrgUnit
from dashboard.followup import accuracy
from dashboard.followup.accuracy import ForecastCheck, GroupAccuracy
from dashboard.store import Store


def indicator_accuracy(
    store: Store, org: OrgUnit, year: int, period: str, indicator: Indicator
) -> tuple[list[ForecastCheck], list[GroupAccuracy]]:
    """One indicator's forecasts at the organisation year by year, and per organisation below it."""
    orgs = store.org_units()
    periods = accuracy.shown_periods(period)
    checks = accuracy.forecast_checks(
        store, [o.id for o in accuracy.subtree(orgs, org.id)], [indicator.id]
    )
    own = [c for c in checks if c.org_id == org.id and c.year <= year]
    return own, accuracy.by_org(accuracy.within(checks, year, periods), orgs, periods[0])
