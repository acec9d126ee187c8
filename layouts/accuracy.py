"""Prognoser och bedömningar: how often forecasts and own assessments were rosier than the data.

Three sections answer the auditors' findings (DOMAIN.md): forecast accuracy per nämnd and
indicator, indicators "met" on a forecast alone, and whether similar results are assessed
alike. The measures are defined in docs/followup.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from dash import dcc, html

from dashboard.accuracy import (
    FORECAST_PERIODS,
    AccuracySummary,
    ForecastCheck,
    ForecastOnly,
    GroupAccuracy,
)
from dashboard.consistency import Lean
from dashboard.goal_results import Brief
from dashboard.model import Indicator, OrgUnit, Status
from layouts import texts, urls
from layouts.components import (
    basis_tag,
    breadcrumb,
    data_table,
    empty_state,
    show_more,
    status_badge,
)
from layouts.explanation import format_number, format_percent, score_points
from layouts.figures import COLOURS, Figure, base_figure
from layouts.followup_urls import ACCURACY_PATH, shown_href
from layouts.overview import own_assessment_note

SECTION_IDS = ("traffsakerhet", "utan-utfall", "likvardighet")


def page(
    org: OrgUnit,
    state: urls.ViewState,
    filter_bar,
    committees: Sequence[GroupAccuracy],
    indicators: Sequence[GroupAccuracy],
    forecast_only: Sequence[ForecastOnly],
    leans: Sequence[Lean],
    pairs: Sequence[tuple[Brief, Brief]],
    pair_count: int,
    orgs: dict[int, OrgUnit],
    shown: int | None = None,
) -> html.Div:
    """The whole page for an organisation and everything below it; long tables list `shown` rows
    (`pairs` are the shown ones of `pair_count`)."""
    period = texts.PERIOD_LABEL[state.period].lower()
    return html.Div(
        [
            html.H1(texts.ACCURACY_HEADING.format(org=org.name)),
            filter_bar,
            html.P(texts.ACCURACY_INTRO.format(org=org.name), className="lead"),
            html.Nav(
                html.Ul([html.Li(html.A(label, href=f"#{anchor}")) for anchor, label in
                         zip(SECTION_IDS, texts.ACCURACY_SECTIONS)]),
                **{"aria-label": texts.ON_THIS_PAGE},
            ),
            accuracy_section(org, state, committees, indicators),
            forecast_only_section(state, forecast_only, orgs, period, shown),
            consistency_section(state, leans, pairs, pair_count, orgs, period, shown),
        ],
        className="accuracy-page",
    )


# ---- forecast accuracy ----------------------------------------------------------------------


def accuracy_section(
    org: OrgUnit, state: urls.ViewState, committees: Sequence[GroupAccuracy], indicators: Sequence[GroupAccuracy]
) -> html.Section:
    """Per nämnd, then per indicator of the organisation, how the forecasts turned out."""
    children: list = [html.H2(texts.ACCURACY_SECTIONS[0]), html.P(texts.ACCURACY_DEFINITION)]
    if not committees:
        return html.Section([*children, empty_state(texts.NO_FORECASTS)], id=SECTION_IDS[0])
    worst = committees[0]
    children += [
        html.P(texts.MOST_OPTIMISTIC.format(committee=worst.key.name,
                                         share=format_percent(worst.too_positive_share("T1"))), className="finding"),
        html.Div(
            dcc.Graph(figure=committee_figure(committees), config={"displayModeBar": False, "responsive": True}),
            role="img", className="figure", **{"aria-label": texts.COMMITTEE_FIGURE_LABEL},
        ),
        data_table(texts.COMMITTEE_CAPTION, texts.COMMITTEE_COLUMNS, committee_rows(committees), numeric=(2, 3, 4, 5, 6, 7)),
        html.H3(texts.INDICATOR_ACCURACY_HEADING.format(org=org.name), className="h5 mt-4"),
        indicator_table(indicators, state) if indicators else empty_state(texts.NO_OWN_FORECASTS),
    ]
    return html.Section(children, id=SECTION_IDS[0])


def committee_figure(committees: Sequence[GroupAccuracy]) -> Figure:
    """The share of too positive forecasts per nämnd at T1 and T2, as grouped bars labelled with their values."""
    names = [group.key.name for group in committees]
    traces = []
    for period, colour, pattern in (("T1", COLOURS["total"], ""), ("T2", COLOURS["last"], "/")):
        shares = [group.too_positive_share(period) * 100 for group in committees]
        traces.append({"type": "bar", "orientation": "h", "name": texts.PERIOD_LABEL[period], "y": names, "x": shares,
                       "marker": {"color": colour, "pattern": {"shape": pattern}},
                       "text": [format_number(s, 0, "%") for s in shares], "textposition": "outside"})
    figure = base_figure(texts.COMMITTEE_FIGURE_TITLE, "", traces, barmode="group", height=max(300, 90 * len(committees)))
    figure["layout"]["xaxis"] = {"title": {"text": texts.SHARE_TOO_POSITIVE}, "range": [0, 105], "gridcolor": "#e5e5e5"}
    figure["layout"]["yaxis"] = {"automargin": True, "autorange": "reversed"}  # most optimistic on top
    figure["layout"]["legend"] = {"orientation": "h", "y": -0.3}
    return figure


def committee_rows(committees: Sequence[GroupAccuracy]) -> list[tuple]:
    """A row per nämnd and tertial."""
    return [
        (group.key.name, texts.PERIOD_LABEL[period], *summary_cells(group.by_period[period]))
        for group in committees
        for period in FORECAST_PERIODS
        if period in group.by_period
    ]


def summary_cells(summary: AccuracySummary) -> tuple:
    """Count, shares too positive / right / too negative, mean relative error, target reached only by forecast."""
    return (
        str(summary.count),
        format_percent(summary.share(summary.too_positive)),
        format_percent(summary.share(summary.accurate)),
        format_percent(summary.share(summary.too_negative)),
        signed(None if summary.mean_relative_error is None else summary.mean_relative_error * 100, 1, "%"),
        format_percent(summary.share(summary.promised_met)),
    )


def signed(value: float | None, decimals: int, unit: str) -> str:
    """A number with an explicit + when positive (positive errors are too positive)."""
    text = format_number(value, decimals, unit)
    return f"+{text}" if value is not None and round(value, decimals) > 0 else text


def error_unit(indicator: Indicator) -> str:
    """The unit of an error: a difference between shares is in percentage points."""
    return texts.PERCENTAGE_POINTS if indicator.unit == "%" else indicator.unit


def period_cells(group: GroupAccuracy, indicator: Indicator) -> list[str]:
    """Per tertial: the share of too positive forecasts and the mean error in the indicator's unit."""
    cells = []
    for period in FORECAST_PERIODS:
        summary = group.by_period.get(period)
        cells += [
            format_percent(summary.share(summary.too_positive)) if summary else texts.MISSING_VALUE,
            signed(summary.mean_error, indicator.decimals + 1, error_unit(indicator)) if summary
            else texts.MISSING_VALUE,  # a mean deserves one more decimal than the values
        ]
    return cells


def indicator_table(groups: Sequence[GroupAccuracy], state: urls.ViewState) -> html.Div:
    """A row per indicator, linking to its forecasts year by year and per organisation."""
    rows = [
        (dcc.Link(group.key.name, href=urls.href(accuracy_path(group.key.code), state)),
         str(len({c.year for c in group.checks})), *period_cells(group, group.key))
        for group in groups
    ]
    return data_table(texts.INDICATOR_ACCURACY_CAPTION, texts.INDICATOR_ACCURACY_COLUMNS, rows, numeric=(1, 2, 3, 4, 5))


def indicator_page(
    org: OrgUnit, state: urls.ViewState, indicator: Indicator, own: Sequence[ForecastCheck],
    by_org: Sequence[GroupAccuracy],
) -> html.Div:
    """One indicator's forecasts at the organisation year by year, and per organisation below it."""
    rows = [
        (dcc.Link(group.key.name, href=urls.href(accuracy_path(indicator.code), state, org_code=group.key.code)),
         str(len({c.year for c in group.checks})), *period_cells(group, indicator))
        for group in by_org
    ]
    return html.Div(
        [
            breadcrumb([(texts.ACCURACY_HEADING.format(org=org.name), urls.href(ACCURACY_PATH, state)),
                        (indicator.name, None)]),
            html.H1(texts.INDICATOR_FORECASTS_HEADING.format(indicator=indicator.name)),
            html.P(texts.INDICATOR_FORECASTS_INTRO.format(org=org.name, direction=texts.DIRECTION_LABEL[
                indicator.direction]), className="lead"),
            dcc.Link(texts.OPEN_INDICATOR, href=urls.href(urls.indicator_path(indicator.code), state)),
            html.Section([html.H2(texts.YEAR_BY_YEAR.format(org=org.name)),
                          year_table(own) if own else empty_state(texts.NO_OWN_FORECASTS)]),
            html.Section([html.H2(texts.BY_ORG_FORECASTS_HEADING),
                          data_table(texts.BY_ORG_FORECASTS_CAPTION, texts.BY_ORG_FORECASTS_COLUMNS, rows, (1, 2, 3, 4, 5))
                          if rows else empty_state(texts.NO_FORECASTS)]),
        ],
        className="accuracy-page",
    )


def accuracy_path(indicator_code: str) -> str:
    """The page of one indicator's forecasts."""
    return f"{ACCURACY_PATH}/{quote(indicator_code)}"


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
                *(format_number(found[p].forecast, d, unit) if p in found else texts.MISSING_VALUE
                  for p in FORECAST_PERIODS),
                format_number(next(iter(found.values())).outcome, d, unit),
                *(signed(found[p].error, d, error_unit(indicator)) if p in found else texts.MISSING_VALUE
                  for p in FORECAST_PERIODS),
            )
        )
    return data_table(texts.YEAR_CAPTION, texts.YEAR_COLUMNS, rows, numeric=(1, 2, 3, 4, 5))


# ---- met without outcome --------------------------------------------------------------------


def forecast_only_section(
    state: urls.ViewState, found: Sequence[ForecastOnly], orgs: dict[int, OrgUnit], period: str,
    shown: int | None = None,
) -> html.Section:
    """How many indicators have a status that rests on a forecast alone, and which."""
    heading = html.H2(texts.ACCURACY_SECTIONS[1])
    if not found:
        return html.Section([heading, empty_state(texts.NO_FORECAST_ONLY.format(period=period, year=state.year))],
                            id=SECTION_IDS[1])
    met = sum(f.result.status is Status.MET for f in found)
    rows = [
        (
            dcc.Link(f.indicator.name, href=urls.href(urls.indicator_path(f.indicator.code), state,
                                                      org_code=orgs[f.org_id].code)),
            orgs[f.org_id].name,
            format_number(f.result.forecast, f.indicator.decimals, f.indicator.unit),
            format_number(f.result.target, f.indicator.decimals, f.indicator.unit),
            html.Span([status_badge(f.result.status), " ", basis_tag(f.result.basis)]),
        )
        for f in found[:shown]
    ]
    return html.Section(
        [
            heading,
            html.P(texts.FORECAST_ONLY_FINDING.format(met=met, total=len(found), period=period, year=state.year),
                   className="finding"),
            data_table(texts.FORECAST_ONLY_CAPTION, texts.FORECAST_ONLY_COLUMNS, rows, numeric=(2, 3)),
            _show_more(state, shown, len(found), SECTION_IDS[1]),
        ],
        id=SECTION_IDS[1],
    )


# ---- consistency ----------------------------------------------------------------------------


def consistency_section(
    state: urls.ViewState,
    leans: Sequence[Lean],
    pairs: Sequence[tuple[Brief, Brief]],
    pair_count: int,
    orgs: dict[int, OrgUnit],
    period: str,
    shown: int | None = None,
) -> html.Section:
    """How each nämnd's assessments lean, and similar results assessed differently."""
    children: list = [html.H2(texts.ACCURACY_SECTIONS[2]), html.P(texts.CONSISTENCY_DEFINITION)]
    if not leans:
        return html.Section([*children, empty_state(texts.NO_ASSESSMENTS.format(period=period, year=state.year))],
                            id=SECTION_IDS[2])
    rosiest = leans[0]
    children += [
        html.P(texts.ROSIEST.format(committee=rosiest.committee.name, total=rosiest.count,
                                 count=rosiest.more_positive + rosiest.without_evidence), className="finding"),
        data_table(texts.LEAN_CAPTION.format(period=period, year=state.year), texts.LEAN_COLUMNS,
                   [lean_row(lean) for lean in leans], numeric=(1, 2, 3, 4, 5)),
        html.H3(texts.PAIRS_HEADING, className="h5 mt-4"),
        pair_table(pairs, state, orgs) if pairs else empty_state(texts.NO_PAIRS),
        _show_more(state, shown, pair_count, SECTION_IDS[2]),
    ]
    return html.Section(children, id=SECTION_IDS[2])


def _show_more(state: urls.ViewState, shown: int | None, total: int, section: str) -> html.P | None:
    return show_more(texts.ROWS_SHOWN, shown, total, lambda more: shown_href(ACCURACY_PATH, state, more, section))


def lean_row(lean: Lean) -> tuple:
    """Count and shares of one nämnd's assessments against the computed status."""
    def share(count: int) -> str:
        return f"{count} ({format_percent(lean.share(count))})"

    return (lean.committee.name, str(lean.count), share(lean.agree), share(lean.more_positive),
            share(lean.without_evidence), share(lean.more_negative))


def pair_table(pairs: Sequence[tuple[Brief, Brief]], state: urls.ViewState,
               orgs: dict[int, OrgUnit]) -> html.Div:
    """A row per pair: the goal, and each organisation's computed score and own assessment."""
    def side(brief: Brief) -> html.Span:
        org = orgs[brief.org_id]
        return html.Span(
            [dcc.Link(org.name, href=urls.href(urls.goal_path(brief.goal.code), state, org_code=org.code)), " ",
             html.Span(texts.COMPUTED_SCORE.format(score=score_points(brief.score))),
             own_assessment_note(brief.assessment_status, brief.assessment_forecast, brief.disagreement)]
        )

    rows = [(a.goal.title, side(a), side(b)) for a, b in pairs]
    return data_table(texts.PAIRS_CAPTION, texts.PAIRS_COLUMNS, rows)
