"""Indikatorsida: one indicator's trend, against last year, by gender and across units."""

from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.domain.model import Gender, OrgUnit
from dashboard.pages.indicator import IndicatorView, OrgResult, TrendPoint
from dashboard.pages.national import NationalView
from layouts import charts, explanation, figures, texts, urls
from layouts.components import (
    SEVERITY,
    basis_tag,
    breadcrumb,
    change_cell,
    data_table,
    empty_state,
    indicator_status_badge,
    status_badge,
)
from layouts.explanation import format_number
from layouts.format import difference
from layouts.national import national_section, references


def page(
    view: IndicatorView,
    lineage: list[OrgUnit],
    state: urls.ViewState,
    filter_bar: html.Form,
    national: NationalView | None = None,
) -> html.Div:
    """The indicator page; `national`: its Kolada comparison (layouts/national.py)."""
    indicator = view.indicator
    own = view.own.result
    return html.Div(
        [
            breadcrumb(
                [
                    (texts.OVERVIEW_CRUMB, urls.href(urls.OVERVIEW_PATH, state)),
                    (indicator.name, None),
                ]
            ),
            html.P(
                texts.INDICATOR_EYEBROW.format(
                    unit=indicator.unit,
                    direction=texts.DIRECTION_LABEL[indicator.direction].lower(),
                ),
                className="eyebrow",
            ),
            html.H1(indicator.name),
            html.P([texts.JUDGED_FOR, html.Strong(view.org.name)], className="org-trail"),
            filter_bar,
            html.Div([status_badge(own.status), basis_tag(own.basis)], className="status-line big"),
            html.Ul(
                [
                    html.Li(t)
                    for t in explanation.indicator_explanation(
                        own, indicator.decimals, indicator.unit
                    )
                ]
            ),
            trend_section(view, national),
            national_section(national, indicator, view.year) if national else None,
            compared_sections(view, state),
        ],
        className="indicator-page",
    )


def trend_section(view: IndicatorView, national: NationalView | None = None) -> html.Section:
    """Trend chart over the years for the chosen period, with the same numbers as a table;
    Riket and the group's median from Kolada as reference lines."""
    indicator, period_label = view.indicator, texts.PERIOD_LABEL[view.period]
    if not view.trend:
        return html.Section([html.H2(texts.TREND_HEADING), empty_state(texts.NO_HISTORY)])
    d, unit = indicator.decimals, indicator.unit

    def value(point: TrendPoint, gender: Gender, field: str) -> str:
        reading = point.readings.get(gender)
        return format_number(getattr(reading, field) if reading else None, d, unit)

    rows = [
        (
            point.year,
            format_number(point.target.target if point.target else None, d, unit),
            value(point, Gender.TOTAL, "outcome"),
            value(point, Gender.TOTAL, "forecast"),
            value(point, Gender.WOMEN, "outcome"),
            value(point, Gender.MEN, "outcome"),
        )
        for point in view.trend
    ]
    return html.Section(
        [
            html.H2(texts.TREND_HEADING),
            charts.chart(
                figures.trend_figure(indicator, view.trend, period_label, references(national)),
                texts.TREND_HEADING,
            ),
            html.Details(
                [
                    html.Summary(texts.SHOW_TABLE),
                    data_table(
                        texts.TREND_CAPTION.format(period=period_label),
                        texts.TREND_COLUMNS,
                        rows,
                        (1, 2, 3, 4, 5),
                    ),
                ]
            ),
        ]
    )


def compared_sections(view: IndicatorView, state: urls.ViewState) -> html.Div:
    """Last year, gender and target comparisons across the sub-organisations."""
    if not view.compared:
        return html.Div(empty_state(texts.NO_COMPARISON))
    indicator = view.indicator
    ranked = sorted(view.compared, key=lambda r: r.org.name)
    return html.Div(
        [
            html.Section(
                [
                    html.H2(texts.COMPARISON_HEADING),
                    data_table(
                        texts.COMPARISON_CAPTION,
                        texts.COMPARISON_COLUMNS,
                        [_comparison_row(r, view, state) for r in _worst_first(view.compared)],
                        (2, 3, 4, 5, 7),
                    ),
                ]
            ),
            html.Section(
                [
                    html.H2(texts.LAST_YEAR_HEADING),
                    charts.chart(
                        figures.last_year_figure(indicator, ranked, view.year),
                        texts.LAST_YEAR_HEADING,
                    ),
                ]
            ),
            gender_section(view) if indicator.gender_split else None,
        ]
    )


def _worst_first(results: tuple[OrgResult, ...]) -> list[OrgResult]:
    return sorted(results, key=lambda r: (SEVERITY[r.result.status], r.org.name))


def _comparison_row(r: OrgResult, view: IndicatorView, state: urls.ViewState) -> tuple[Any, ...]:
    d, unit = view.indicator.decimals, view.indicator.unit
    return (
        dcc.Link(
            r.org.name,
            href=urls.href(urls.indicator_path(view.indicator.code), state, org_code=r.org.code),
        ),
        html.Span([indicator_status_badge(r.result), " ", basis_tag(r.result.basis)]),
        format_number(r.result.target, d, unit),
        format_number(r.result.outcome, d, unit),  # a forecast is never shown in the outcome column
        format_number(r.result.forecast, d, unit),
        format_number(r.last_year.previous, d, unit),
        change_cell(r.last_year, d, unit),
        texts.SPLIT_MISSING if r.genders.split_missing else difference(r.genders.gap, d, unit),
    )


def gender_section(view: IndicatorView) -> html.Section:
    """Women and men per organisation, and who lacks the split they should report."""
    missing = [r.org.name for r in view.compared if r.genders.split_missing]
    return html.Section(
        [
            html.H2(texts.GENDER_HEADING),
            charts.chart(
                figures.gender_figure(view.indicator, view.compared), texts.GENDER_HEADING
            ),
            html.P(texts.SPLIT_MISSING_LIST.format(orgs=", ".join(missing))) if missing else None,
        ]
    )
