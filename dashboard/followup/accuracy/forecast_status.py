"""The indicators whose status rests on a forecast alone (the auditors' finding 1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain import rules
from dashboard.domain.model import (
    Indicator,
    Status,
)
from dashboard.store import Store, forecasts

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
    """Indicators with a forecast but no outcome in the period at the organisations (None: all),
    judged; met ones first."""
    found = [
        ForecastOnly(
            alone.org_id,
            alone.indicator,
            rules.indicator_status(alone.indicator.direction, alone.target, alone.reading),
        )
        for alone in forecasts.forecasts_alone(store.engine, org_ids, year, period)
    ]
    return sorted(
        found, key=lambda f: (f.result.status is not Status.MET, f.indicator.name, f.org_id)
    )
