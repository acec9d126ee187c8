"""Översikt: every KF goal, grouped under its inriktningsmål, with computed status."""

from __future__ import annotations

from collections.abc import Sequence

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.control_room import GoalStatus
from dashboard.model import Goal, OrgUnit
from dashboard.rules import Disagreement, GoalResult
from layouts import explanation, texts
from layouts.components import basis_note, status_badge
from layouts.ids import OverviewIds


def page(
    org: OrgUnit,
    year: int,
    period: str,
    periods: Sequence[tuple[int, str]],
    direction_goals: Sequence[Goal],
    statuses: Sequence[GoalStatus],
) -> html.Div:
    """The whole Översikt page for one organisation, year and period."""
    return html.Div(
        [
            html.H1(texts.OVERVIEW_HEADING.format(org=org.name)),
            filters(year, period, periods),
            html.P(texts.OVERVIEW_INTRO.format(period=texts.PERIOD_LABEL[period], year=year), className="lead"),
            *[
                direction_section(goal, [s for s in statuses if s.goal.parent_id == goal.id])
                for goal in direction_goals
            ],
        ]
    )


def filters(year: int, period: str, periods: Sequence[tuple[int, str]]) -> html.Form:
    """Year and period pickers; their values live in the URL."""
    years = sorted({y for y, _ in periods}, reverse=True)
    return html.Form(
        dbc.Row(
            [
                dbc.Col(_select(OverviewIds.YEAR, texts.YEAR_LABEL, [(y, str(y)) for y in years], year), md=3),
                dbc.Col(
                    _select(
                        OverviewIds.PERIOD,
                        texts.PERIOD_FIELD_LABEL,
                        [(p, texts.PERIOD_LABEL[p]) for y, p in periods if y == year],
                        period,
                    ),
                    md=4,
                ),
            ]
        ),
        className="filters",
        role="search",
    )


def _select(component_id: str, label: str, options: list[tuple], value) -> html.Div:
    return html.Div(
        [
            dbc.Label(label, html_for=component_id),
            dcc.Dropdown(
                id=component_id,
                options=[{"label": text, "value": key} for key, text in options],
                value=value,
                clearable=False,
            ),
        ]
    )


def direction_section(goal: Goal, statuses: Sequence[GoalStatus]) -> html.Section:
    """One inriktningsmål with its KF goals as cards."""
    return html.Section(
        [
            html.H2(goal.title, className="direction-goal"),
            dbc.Row([dbc.Col(goal_card(status), lg=6) for status in statuses], className="g-3"),
        ],
        className="mb-4",
    )


def goal_card(status: GoalStatus) -> dbc.Card:
    """A KF goal's computed status, score, counts, basis and own assessment."""
    result = status.result
    return dbc.Card(
        dbc.CardBody(
            [
                html.H3(status.goal.title, className="h5"),
                html.Div([status_badge(result.status), _score(result)], className="status-line"),
                html.P(counts_text(result), className="counts"),
                basis_note(result.basis),
                assessment_note(status),
                html.Details(
                    [html.Summary(texts.WHY), html.Ul([html.Li(line) for line in explanation.goal_explanation(result)])]
                ),
            ]
        ),
        className=f"goal-card status-{result.status}",
    )


def _score(result: GoalResult) -> html.Span:
    if result.score is None:
        return html.Span(texts.NO_SCORE, className="score")
    return html.Span(texts.SCORE.format(score=round(result.score * 100)), className="score")


def counts_text(result: GoalResult) -> str:
    """E.g. "3 uppfyllda · 1 delvis · 0 ej uppfyllda · 1 saknar värde"."""
    counts = result.counts
    return texts.COUNTS.format(
        met=counts.met, partly=counts.partly_met, not_met=counts.not_met, missing=counts.no_data
    )


def assessment_note(status: GoalStatus) -> html.Div:
    """The organisation's own assessment, flagged when it disagrees with the computed status."""
    if status.assessment is None:
        return html.Div(texts.NO_ASSESSMENT, className="assessment muted")
    own = texts.STATUS_LABEL[status.assessment.status]
    if status.assessment.is_forecast:
        own = texts.ASSESSMENT_FORECAST.format(status=own)
    children = [html.Span(texts.OWN_ASSESSMENT.format(status=own))]
    if status.disagreement is not Disagreement.NONE:
        children.append(
            html.Span(texts.DISAGREEMENT_LABEL[status.disagreement], className="disagreement")
        )
    return html.Div(children, className="assessment")
