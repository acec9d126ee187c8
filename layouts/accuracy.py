"""Prognoser och bedömningar: how often forecasts and own assessments were rosier than the data.

Three sections answer the auditors' findings (DOMAIN.md): forecast accuracy per nämnd and
indicator, indicators "met" on a forecast alone, and whether similar results are assessed
alike. The measures are defined in docs/followup.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from dash import dcc, html

from dashboard.domain.model import OrgUnit, Status
from dashboard.followup.accuracy import (
    MIN_FOR_RATE,
    SHARE_UNIT,
    AccuracySummary,
    ForecastOnly,
    GroupAccuracy,
    shown_periods,
)
from dashboard.followup.consistency import Lean
from dashboard.followup.goal_results import Brief
from layouts import charts, texts, urls
from layouts.accuracy_parts import collapsed
from layouts.components import (
    aria,
    data_table,
    empty_state,
    show_more,
)
from layouts.consistency import consistency_section, forecast_only_section
from layouts.explanation import format_number
from layouts.figures import COLOURS, BarChart, Bars
from layouts.format import count, difference, difference_unit, relative_difference
from layouts.ids import AccuracyIds, AccuracyPart
from layouts.urls import ACCURACY_PATH, accuracy_path, shown_href

SECTION_IDS = tuple(AccuracyIds)  # the page's sections, in order


def page(
    org: OrgUnit,
    state: urls.ViewState,
    filter_bar: html.Form,
    committees: Sequence[GroupAccuracy],
    indicators: Sequence[GroupAccuracy],
    forecast_only: Sequence[ForecastOnly],
    goals_met: tuple[int, int],
    leans: Sequence[Lean],
    pairs: Sequence[tuple[Brief, Brief]],
    pair_count: int,
    orgs: dict[int, OrgUnit],
    shown: int | None = None,
    only_status: Status | None = None,
) -> html.Div:
    """The whole page for an organisation and everything below it; long tables list `shown` rows
    (`pairs` are the shown ones of `pair_count`); `only_status` filters the indicators met without
    an outcome, as their count links."""
    period = texts.PERIOD_LABEL[state.period].lower()
    return html.Div(
        [
            html.H1(texts.ACCURACY_HEADING.format(org=org.name)),
            filter_bar,
            html.P(texts.ACCURACY_INTRO.format(org=org.name), className="lead"),
            html.Nav(
                html.Ul(
                    [
                        html.Li(html.A(label, href=f"#{anchor}"))
                        for anchor, label in zip(SECTION_IDS, texts.ACCURACY_SECTIONS)
                    ]
                ),
                **aria(label=texts.ON_THIS_PAGE),
            ),
            accuracy_section(org, state, committees, indicators, shown),
            forecast_only_section(
                state, forecast_only, orgs, period, goals_met, org.code, shown, only_status
            ),
            consistency_section(state, leans, pairs, pair_count, orgs, period, org.code, shown),
        ],
        className="accuracy-page",
    )


# ---- forecast accuracy ----------------------------------------------------------------------


def accuracy_section(
    org: OrgUnit,
    state: urls.ViewState,
    committees: Sequence[GroupAccuracy],
    indicators: Sequence[GroupAccuracy],
    shown: int | None = None,
) -> html.Section:
    """Per nämnd (or for the organisation), then per indicator of the organisation (the first
    `shown`), how the forecasts turned out."""
    periods = shown_periods(state.period)
    here = state.with_changes(org_code=org.code)  # names the tables drawn when opened
    children: list[Any] = [
        html.H2(texts.ACCURACY_SECTIONS[0]),
        html.P(count(texts.ACCURACY_EXPLAINED, MIN_FOR_RATE)),
    ]
    if not committees:
        return html.Section([*children, empty_state(texts.NO_FORECASTS)], id=AccuracyIds.HOW_OFTEN)
    years = sorted(set().union(*(s.years for g in committees for s in g.by_period.values())))
    children += [
        html.P(scope_text(periods, years)),
        most_too_positive(committees, periods[0]),
        charts.chart(
            committee_figure(committees, periods),
            count(texts.RATE_FIGURE_LABEL, MIN_FOR_RATE, period=period_text(periods)),
        ),
        *(
            collapsed(line, here, part, urls.SHOWN_STEP)
            for part, line in (
                (AccuracyPart.HOW_OFTEN, how_often_line(committees)),
                (AccuracyPart.HOW_MUCH, how_much_line(committees)),
            )
        ),
        html.H3(texts.INDICATOR_ACCURACY_HEADING.format(org=org.name), className="h5 mt-4"),
        collapsed(
            indicators_line(indicators),
            here,
            AccuracyPart.INDICATORS,
            shown or len(indicators),
            indicator_block(indicators[:shown], len(indicators), state, shown)
            if urls.asked_for_more(shown)
            else None,
        )
        if indicators
        else empty_state(texts.NO_OWN_FORECASTS),
    ]
    return html.Section(children, id=AccuracyIds.HOW_OFTEN)


def indicators_line(indicators: Sequence[GroupAccuracy]) -> str:
    """The closed per-indicator table's line: how many indicators had more forecasts better
    than the outcome than worse."""
    rosier = sum(
        sum(s.too_positive for s in g.by_period.values())
        > sum(s.too_negative for s in g.by_period.values())
        for g in indicators
    )
    return count(texts.INDICATORS_LINE, len(indicators), rosier=rosier)


def indicator_block(
    shown_groups: Sequence[GroupAccuracy], total: int, state: urls.ViewState, shown: int | None
) -> html.Div:
    """The first `shown` of `total` indicators and the way to more (drawn when opened, or open
    when the reader asked for more)."""
    return html.Div(
        [
            indicator_table(shown_groups, state),
            show_more(
                texts.INDICATORS_SHOWN,
                shown,
                total,
                lambda more: shown_href(ACCURACY_PATH, state, more, AccuracyIds.HOW_OFTEN),
            ),
        ]
    )


def how_often_table(committees: Sequence[GroupAccuracy]) -> html.Div:
    """Per row and tertial, how often the forecasts turned out too positive (drawn when opened)."""
    return data_table(
        texts.HOW_OFTEN_CAPTION,
        texts.HOW_OFTEN_COLUMNS,
        how_often_rows(committees),
        numeric=(2, 3, 4, 5, 6, 7),
    )


def how_much_table(committees: Sequence[GroupAccuracy]) -> html.Div:
    """Per row and tertial, how far the forecasts were off (drawn when opened)."""
    return data_table(
        texts.HOW_MUCH_CAPTION,
        texts.HOW_MUCH_COLUMNS,
        how_much_rows(committees),
        numeric=(2, 3, 4, 5, 6, 7),
    )


def _total(committees: Sequence[GroupAccuracy]) -> AccuracySummary:
    # the rows split the organisation's forecasts without overlap (committee_accuracy)
    return sum((s for g in committees for s in g.by_period.values()), AccuracySummary())


def how_often_line(committees: Sequence[GroupAccuracy]) -> str:
    """The closed how-often table's line: how many of all its forecasts were too positive."""
    total = _total(committees)
    return count(texts.HOW_OFTEN_LINE, total.count, too_positive=format_number(total.too_positive))


def how_much_line(committees: Sequence[GroupAccuracy]) -> str:
    """The closed how-much table's line: the bias of all its forecasts, shares and others."""
    total = _total(committees)
    return texts.HOW_MUCH_LINE.format(
        shares=difference(_float(total.shares.bias), 1, SHARE_UNIT),
        relative=relative_difference(_float(total.relative.bias)),
    )


def period_text(periods: Sequence[str]) -> str:
    """The tertials named in a sentence."""
    return (
        texts.PERIOD_LABEL[periods[0]].lower() if len(periods) == 1 else texts.ACCURACY_PERIODS_BOTH
    )


def scope_text(periods: Sequence[str], years: Sequence[int]) -> str:
    """Which forecasts the section counts: the tertials and the years (the page's filters)."""
    if len(years) == 1:
        return texts.ACCURACY_SCOPE_ONE_YEAR.format(period=period_text(periods), first=years[0])
    return texts.ACCURACY_SCOPE.format(period=period_text(periods), first=years[0], last=years[-1])


def group_name(group: GroupAccuracy) -> str:
    """A row's name, saying when it counts an organisation's own forecasts only."""
    return texts.OWN_ONLY.format(org=group.key.name) if group.own_only else group.key.name


def most_too_positive(committees: Sequence[GroupAccuracy], period: str) -> html.P | None:
    """The row with the largest rate too positive, with its count, when two or more rows have a
    rate."""
    rated = [
        g
        for g in committees
        if (s := g.by_period.get(period)) and s.rate(s.too_positive) is not None
    ]
    if len(rated) < 2:
        return None
    worst, summary = rated[0], rated[0].by_period[period]
    return html.P(
        count(
            texts.MOST_TOO_POSITIVE,
            summary.count,
            period=texts.PERIOD_LABEL[period].lower(),
            committee=group_name(worst),
            count=summary.too_positive,
            share=rate_text(summary.rate(summary.too_positive)),
        ),
        className="finding",
    )


def committee_figure(committees: Sequence[GroupAccuracy], periods: Sequence[str]) -> BarChart:
    """The rate of too positive forecasts per row and tertial, as bars labelled with rate and count;
    rows with too few forecasts for a rate have no bar, in the documented order top down."""
    bars = []
    for period, colour, striped in (("T1", COLOURS["total"], False), ("T2", COLOURS["last"], True)):
        if period not in periods:
            continue
        summaries = [group.by_period.get(period, AccuracySummary()) for group in committees]
        rates = [s.rate(s.too_positive) for s in summaries]
        bars.append(
            Bars(
                texts.PERIOD_LABEL[period],
                tuple(None if r is None else float(r * 100) for r in rates),
                colour,
                striped,
                tuple(
                    ""
                    if r is None
                    else texts.FIGURE_BAR_TEXT.format(
                        share=rate_text(r), count=s.too_positive, total=s.count
                    )
                    for r, s in zip(rates, summaries, strict=True)
                ),
            )
        )
    return BarChart(
        texts.RATE_FIGURE_TITLE.format(period=period_text(periods)),
        texts.SHARE_TOO_POSITIVE,
        tuple(group_name(group) for group in committees),
        tuple(bars),
        domain=(0.0, 100.0),
    )


def rate_text(rate: Decimal | None) -> str:
    """A rate as a whole per cent."""
    return format_number(None if rate is None else float(rate * 100), 0, "%")


def count_cell(summary: AccuracySummary, count: int, of: int | None = None) -> str:
    """A count with its rate of the row's forecasts (or of `of`), the rate only from the minimum
    on."""
    rate = summary.rate(count, of)
    shown = str(count) if of is None else texts.PROMISED_OF_MISSED.format(count=count, of=of)
    return (
        shown if rate is None else texts.COUNT_WITH_RATE.format(count=shown, share=rate_text(rate))
    )


def _rows(groups: Sequence[GroupAccuracy]) -> Iterator[tuple[Any, ...]]:
    for group in groups:
        for period, summary in group.by_period.items():
            yield group, period, summary


def how_often_rows(committees: Sequence[GroupAccuracy]) -> list[tuple[Any, ...]]:
    """Per row and tertial: the forecasts counted too positive, right and too negative, and the
    target
    reached only in the forecast of those whose outcome missed it."""
    return [
        (
            group_name(group),
            texts.TERTIAL_SHORT[period],
            *verdict_cells(summary),
            str(summary.outcome_missed),
            count_cell(summary, summary.promised_met, summary.outcome_missed),
        )
        for group, period, summary in _rows(committees)
    ]


def verdict_cells(summary: AccuracySummary) -> tuple[str, ...]:
    """The count, and the forecasts too positive, right and too negative with their rates."""
    return (
        str(summary.count),
        count_cell(summary, summary.too_positive),
        count_cell(summary, summary.accurate),
        count_cell(summary, summary.too_negative),
    )


def how_much_rows(committees: Sequence[GroupAccuracy]) -> list[tuple[Any, ...]]:
    """Per row and tertial: bias and mean absolute error of shares in procentenheter, of others
    relative."""

    return [
        (
            group_name(group),
            texts.TERTIAL_SHORT[period],
            str(summary.shares.count),
            difference(_float(summary.shares.bias), 1, ""),  # the unit is in the heading
            format_number(_float(summary.shares.mean_absolute), 1),
            str(summary.relative.count),
            relative_difference(_float(summary.relative.bias)),
            format_number(
                _float(
                    None
                    if summary.relative.mean_absolute is None
                    else summary.relative.mean_absolute * 100
                ),
                1,
                "%",
            ),
        )
        for group, period, summary in _rows(committees)
    ]


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def unit_rows(
    groups: Sequence[GroupAccuracy], name: Callable[[GroupAccuracy], Any]
) -> list[tuple[Any, ...]]:
    """Per group and tertial: the verdicts, and bias and mean absolute error in the indicator's
    unit."""
    rows = []
    for group, period, summary in _rows(groups):
        indicator = group.checks[0].indicator
        decimals = indicator.decimals + 1  # a mean deserves one more decimal than the values
        rows.append(
            (
                name(group),
                texts.TERTIAL_SHORT[period],
                *verdict_cells(summary),
                difference(_float(summary.in_unit.bias), decimals, indicator.unit),
                format_number(
                    _float(summary.in_unit.mean_absolute), decimals, difference_unit(indicator.unit)
                ),
            )
        )
    return rows


def indicator_table(groups: Sequence[GroupAccuracy], state: urls.ViewState) -> html.Div:
    """A row per indicator and tertial, linking to its forecasts year by year and per
    organisation."""
    rows = unit_rows(
        groups, lambda g: dcc.Link(g.key.name, href=urls.href(accuracy_path(g.key.code), state))
    )
    return data_table(
        texts.INDICATOR_ERRORS_CAPTION,
        texts.INDICATOR_ERRORS_COLUMNS,
        rows,
        numeric=(2, 3, 4, 5, 6, 7),
    )
