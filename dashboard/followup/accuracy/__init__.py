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

`figures` holds the arithmetic (no store), `checks` reads the forecasts to check, and
`forecast_status` lists what rests on a forecast alone; import from this package.
"""

from __future__ import annotations

from dashboard.followup.accuracy.checks import (
    committee_accuracy,
    committee_of,
    forecast_checks,
    shown_periods,
    subtree,
    within,
)
from dashboard.followup.accuracy.figures import (
    FORECAST_PERIODS,
    MIN_FOR_RATE,
    SHARE_UNIT,
    AccuracySummary,
    ErrorStats,
    Figures,
    ForecastCheck,
    GroupAccuracy,
    Verdict,
    by_indicator,
    by_org,
    figures_of,
    summarize,
)
from dashboard.followup.accuracy.forecast_status import ForecastOnly, forecast_only

__all__ = [
    "FORECAST_PERIODS",
    "MIN_FOR_RATE",
    "SHARE_UNIT",
    "AccuracySummary",
    "ErrorStats",
    "Figures",
    "ForecastCheck",
    "ForecastOnly",
    "GroupAccuracy",
    "Verdict",
    "by_indicator",
    "by_org",
    "committee_accuracy",
    "committee_of",
    "figures_of",
    "forecast_checks",
    "forecast_only",
    "shown_periods",
    "subtree",
    "summarize",
    "within",
]
