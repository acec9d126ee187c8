"""One indicator's forecasts (/prognoser/<kod>): year by year at the organisation, and per
organisation below it. Its data is dashboard/pages/indicator_accuracy.py's.
"""

from __future__ import annotations

from collections.abc import Sequence

from dash import dcc, html

from dashboard.domain.model import Indicator, OrgUnit
from dashboard.followup.accuracy import (
    FORECAST_PERIODS,
    ForecastCheck,
    GroupAccuracy,
)
from layouts import texts, urls
from layouts.accuracy import unit_rows
from layouts.components import (
    breadcrumb,
    data_table,
    empty_state,
    show_more,
)
from layouts.explanation import format_number
from layouts.format import difference
from layouts.ids import IndicatorAccuracyIds
from layouts.urls import ACCURACY_PATH, accuracy_path, shown_href

# Organisations listed at first and added by "show more": each has a row per tertial, so 24
# rows, as many as the other long lists (a nämnd's 55 organisations were 500 components).
ORGS_STEP = 12


def page(
    org: OrgUnit,
    state: urls.ViewState,
    indicator: Indicator,
    own: Sequence[ForecastCheck],
    by_org: Sequence[GroupAccuracy],
    shown: int = ORGS_STEP,
) -> html.Div:
    """One indicator's forecasts at the organisation year by year, and per organisation below it
    (the first `shown`, most too positive first)."""
    rows = unit_rows(
        by_org[:shown],
        lambda g: dcc.Link(
            g.key.name, href=urls.href(accuracy_path(indicator.code), state, org_code=g.key.code)
        ),
    )
    return html.Div(
        [
            breadcrumb(
                [
                    (texts.ACCURACY_HEADING.format(org=org.name), urls.href(ACCURACY_PATH, state)),
                    (indicator.name, None),
                ]
            ),
            html.H1(texts.INDICATOR_FORECASTS_HEADING.format(indicator=indicator.name)),
            html.P(
                texts.INDICATOR_FORECASTS_INTRO.format(
                    org=org.name, direction=texts.DIRECTION_LABEL[indicator.direction]
                ),
                className="lead",
            ),
            dcc.Link(
                texts.OPEN_INDICATOR, href=urls.href(urls.indicator_path(indicator.code), state)
            ),
            html.Section(
                [
                    html.H2(texts.YEAR_BY_YEAR.format(org=org.name)),
                    year_table(own) if own else empty_state(texts.NO_OWN_FORECASTS),
                ]
            ),
            html.Section(
                [
                    html.H2(texts.BY_ORG_FORECASTS_HEADING),
                    data_table(
                        texts.BY_ORG_ERRORS_CAPTION,
                        texts.BY_ORG_ERRORS_COLUMNS,
                        rows,
                        (2, 3, 4, 5, 6, 7),
                    )
                    if rows
                    else empty_state(texts.NO_FORECASTS),
                    show_more(
                        texts.ORGS_SHOWN,
                        shown,
                        len(by_org),
                        lambda more: shown_href(
                            accuracy_path(indicator.code), state, more, IndicatorAccuracyIds.BY_ORG
                        ),
                        ORGS_STEP,
                    ),
                ],
                id=IndicatorAccuracyIds.BY_ORG,
            ),
        ],
        className="accuracy-page",
    )


def year_table(checks: Sequence[ForecastCheck]) -> html.Div:
    """Every forecast against the full-year outcome, year by year, newest first."""
    by_year: dict[int, dict[str, ForecastCheck]] = {}
    for check in checks:
        by_year.setdefault(check.year, {})[check.period] = check
    rows = []
    for year, found in sorted(by_year.items(), reverse=True):
        indicator = next(iter(found.values())).indicator
        d, unit = indicator.decimals, indicator.unit
        rows.append(
            (
                str(year),
                *(
                    format_number(found[p].forecast, d, unit) if p in found else texts.MISSING_VALUE
                    for p in FORECAST_PERIODS
                ),
                format_number(next(iter(found.values())).outcome, d, unit),
                *(
                    difference(float(found[p].error), d, unit)
                    if p in found
                    else texts.MISSING_VALUE
                    for p in FORECAST_PERIODS
                ),
            )
        )
    return data_table(texts.YEAR_CAPTION, texts.YEAR_COLUMNS, rows, numeric=(1, 2, 3, 4, 5))
