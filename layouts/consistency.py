"""Prognoser's last two sections: indicators "met" on a forecast alone, and whether similar
results are assessed alike (docs/followup.md). Drawn for layouts/accuracy.py, whose page they
belong to; the data is dashboard/followup/consistency.py's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dash import dcc, html

from dashboard.domain.model import OrgUnit, Status
from dashboard.followup.accuracy import (
    ForecastOnly,
)
from dashboard.followup.consistency import Lean
from dashboard.followup.goal_results import Brief
from layouts import texts, urls
from layouts.accuracy_parts import collapsed
from layouts.components import (
    basis_tag,
    data_table,
    empty_state,
    show_more,
    status_badge,
)
from layouts.explanation import format_number, format_percent, score_points
from layouts.format import count
from layouts.ids import AccuracyIds, AccuracyPart
from layouts.overview import own_assessment_note
from layouts.urls import ACCURACY_PATH, shown_href

# ---- met without outcome --------------------------------------------------------------------


def forecast_only_section(
    state: urls.ViewState,
    found: Sequence[ForecastOnly],
    orgs: dict[int, OrgUnit],
    period: str,
    goals_met: tuple[int, int],
    org_code: str,
    shown: int | None = None,
    only_status: Status | None = None,
) -> html.Section:
    """How many assessed goals are met only thanks to forecasts, and how many indicators have a
    status that rests on a forecast alone, and which; the count of met ones opens the table
    filtered to them (`only_status`). The table is closed until opened, drawn open when filtered
    or when the reader asked for more than the first `SHOWN_STEP` (`shown`)."""
    met_goals, on_forecast = goals_met
    heading = html.Div(
        [
            html.H2(texts.ACCURACY_SECTIONS[1]),
            html.P(
                count(
                    texts.GOALS_MET_ON_FORECAST,
                    on_forecast,
                    met=met_goals,
                    period=period,
                    year=state.year,
                ),
                className="finding",
            ),
        ]
    )
    if not found:
        return html.Section(
            [heading, empty_state(texts.NO_FORECAST_ONLY.format(period=period, year=state.year))],
            id=AccuracyIds.FORECAST_ONLY,
        )
    met = sum(f.result.status is Status.MET for f in found)
    here = state.with_changes(org_code=org_code)  # names the table drawn when opened
    asked = only_status is not None or urls.asked_for_more(shown)
    return html.Section(
        [
            heading,
            html.P(
                count(
                    texts.FORECAST_ONLY_FINDING, len(found), met=met, period=period, year=state.year
                ),
                className="finding",
            ),
            forecast_only_door(state, met, only_status),
            collapsed(
                count(texts.FORECAST_ONLY_LINE, len(found)),
                here,
                AccuracyPart.FORECAST_ONLY,
                shown or len(found),
                forecast_only_block(state, found, orgs, shown, only_status) if asked else None,
            ),
        ],
        id=AccuracyIds.FORECAST_ONLY,
    )


def forecast_only_block(
    state: urls.ViewState,
    found: Sequence[ForecastOnly],
    orgs: dict[int, OrgUnit],
    shown: int | None,
    only_status: Status | None,
) -> html.Div:
    """The first `shown` indicators resting on a forecast alone (those of `only_status` when
    filtered) and the way to more (drawn when opened, or open when asked for)."""
    listed = [f for f in found if only_status is None or f.result.status is only_status]
    rows = [
        (
            dcc.Link(
                f.indicator.name,
                href=urls.href(
                    urls.indicator_path(f.indicator.code), state, org_code=orgs[f.org_id].code
                ),
            ),
            orgs[f.org_id].name,
            format_number(f.result.forecast, f.indicator.decimals, f.indicator.unit),
            format_number(f.result.target, f.indicator.decimals, f.indicator.unit),
            html.Span([status_badge(f.result.status), " ", basis_tag(f.result.basis)]),
        )
        for f in listed[:shown]
    ]
    return html.Div(
        [
            data_table(
                texts.FORECAST_ONLY_CAPTION, texts.FORECAST_ONLY_COLUMNS, rows, numeric=(2, 3)
            ),
            _show_more(state, shown, len(listed), AccuracyIds.FORECAST_ONLY),
        ]
    )


def forecast_only_door(state: urls.ViewState, met: int, only_status: Status | None) -> html.P:
    """The count of met indicators as a link to them, or, filtered, the way back to all."""
    if only_status is not None:
        return html.P(
            [
                texts.FORECAST_ONLY_SHOWN,
                " ",
                dcc.Link(
                    texts.SHOW_ALL,
                    href=urls.accuracy_href(state, None, AccuracyIds.FORECAST_ONLY),
                ),
            ],
            className="filter-note",
        )
    door = urls.accuracy_href(state, Status.MET, AccuracyIds.FORECAST_ONLY)
    return html.P(
        dcc.Link(count(texts.FORECAST_ONLY_DOOR, met), href=door) if met else None,
        className="filter-note",
    )


# ---- consistency ----------------------------------------------------------------------------


def consistency_section(
    state: urls.ViewState,
    leans: Sequence[Lean],
    pairs: Sequence[tuple[Brief, Brief]],
    pair_count: int,
    orgs: dict[int, OrgUnit],
    period: str,
    org_code: str,
    shown: int | None = None,
) -> html.Section:
    """How each nämnd's assessments lean, and similar results assessed differently; the tables
    closed until opened, the pairs drawn open when the reader asked for more than the first
    `SHOWN_STEP` (`shown`)."""
    children: list[Any] = [
        html.H2(texts.ACCURACY_SECTIONS[2]),
        html.P(texts.CONSISTENCY_DEFINITION),
    ]
    if not leans:
        return html.Section(
            [*children, empty_state(texts.NO_ASSESSMENTS.format(period=period, year=state.year))],
            id=AccuracyIds.CONSISTENCY,
        )
    rosiest = leans[0]
    here = state.with_changes(org_code=org_code)  # names the tables drawn when opened
    children += [
        html.P(
            count(
                texts.ROSIEST,
                rosiest.count,
                committee=rosiest.committee.name,
                count=rosiest.more_positive + rosiest.without_evidence,
            ),
            className="finding",
        ),
        collapsed(leans_line(leans), here, AccuracyPart.LEANS, urls.SHOWN_STEP),
        html.H3(texts.PAIRS_HEADING, className="h5 mt-4"),
        collapsed(
            count(texts.PAIRS_LINE, pair_count),
            here,
            AccuracyPart.PAIRS,
            shown or pair_count,
            pairs_block(pairs, pair_count, state, orgs, shown)
            if urls.asked_for_more(shown)
            else None,
        )
        if pair_count
        else empty_state(texts.NO_PAIRS),
    ]
    return html.Section(children, id=AccuracyIds.CONSISTENCY)


def lean_table(leans: Sequence[Lean], state: urls.ViewState, period: str) -> html.Div:
    """Each nämnd's assessments against the computed status (drawn when opened)."""
    return data_table(
        texts.LEAN_CAPTION.format(period=period, year=state.year),
        texts.LEAN_COLUMNS,
        [lean_row(lean) for lean in leans],
        numeric=(1, 2, 3, 4, 5),
    )


def leans_line(leans: Sequence[Lean]) -> str:
    """The closed lean table's line: how many assessments are rosier than the computation."""
    return count(
        texts.LEANS_LINE,
        sum(lean.count for lean in leans),
        positive=format_number(sum(lean.more_positive + lean.without_evidence for lean in leans)),
    )


def pairs_block(
    pairs: Sequence[tuple[Brief, Brief]],
    pair_count: int,
    state: urls.ViewState,
    orgs: dict[int, OrgUnit],
    shown: int | None,
) -> html.Div:
    """The first `shown` of the `pair_count` pairs and the way to more (drawn when opened)."""
    return html.Div(
        [
            pair_table(pairs, state, orgs),
            _show_more(state, shown, pair_count, AccuracyIds.CONSISTENCY),
        ]
    )


def _show_more(state: urls.ViewState, shown: int | None, total: int, section: str) -> html.P | None:
    return show_more(
        texts.ROWS_SHOWN, shown, total, lambda more: shown_href(ACCURACY_PATH, state, more, section)
    )


def lean_row(lean: Lean) -> tuple[Any, ...]:
    """Count and shares of one nämnd's assessments against the computed status."""

    def share(count: int) -> str:
        return f"{count} ({format_percent(lean.share(count))})"

    return (
        lean.committee.name,
        str(lean.count),
        share(lean.agree),
        share(lean.more_positive),
        share(lean.without_evidence),
        share(lean.more_negative),
    )


def pair_table(
    pairs: Sequence[tuple[Brief, Brief]], state: urls.ViewState, orgs: dict[int, OrgUnit]
) -> html.Div:
    """A row per pair: the goal, and each organisation's computed score and own assessment."""

    def side(brief: Brief) -> html.Span:
        org = orgs[brief.org_id]
        return html.Span(
            [
                dcc.Link(
                    org.name,
                    href=urls.href(urls.goal_path(brief.goal.code), state, org_code=org.code),
                ),
                " ",
                html.Span(texts.COMPUTED_SCORE.format(score=score_points(brief.score)))
                if brief.score is not None  # a pair differs in judged scores: never None here
                else None,
                own_assessment_note(
                    brief.assessment_status, brief.assessment_forecast, brief.disagreement
                ),
            ]
        )

    rows = [(a.goal.title, side(a), side(b)) for a, b in pairs]
    return data_table(texts.PAIRS_CAPTION, texts.PAIRS_COLUMNS, rows)
