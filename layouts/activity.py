"""Aktivitetssida: one activity, its follow-ups per period, and the form to follow it up."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain.model import Activity, ActivityStatus, Goal, OrgUnit
from dashboard.followup.activity_followups import FollowUp, FollowUpProblem
from layouts import texts, urls
from layouts.assessment_form import text_field
from layouts.components import breadcrumb, data_table, empty_state
from layouts.ids import ActivityIds


def page(
    activity: Activity,
    goal: Goal,
    owner: OrgUnit,
    state: urls.ViewState,
    followups: Sequence[FollowUp],
    refusal: str | None,
) -> html.Div:
    """The activity's facts and history, and the form (or why this person may not use it)."""
    goal_href = urls.href(urls.goal_path(goal.code), state)
    return html.Div(
        [
            breadcrumb(
                [
                    (texts.OVERVIEW_CRUMB, urls.href(urls.OVERVIEW_PATH, state)),
                    (goal.title, goal_href),
                    (activity.title, None),
                ]
            ),
            html.P(texts.ACTIVITY_EYEBROW, className="eyebrow"),
            html.H1(activity.title),
            html.Div(facts(activity, goal, owner), id=ActivityIds.FACTS),
            dbc.Alert(refusal, color="info") if refusal else form(activity, state),
            html.Section(history_table(followups), id=ActivityIds.HISTORY),
        ],
        className="activity-page",
    )


def facts(activity: Activity, goal: Goal, owner: OrgUnit) -> html.Dl:
    """What the activity is, who holds it, and its status now."""
    values = (
        goal.title,
        owner.name,
        activity.responsible,
        activity.start_date.isoformat(),
        activity.end_date.isoformat(),
        texts.ACTIVITY_STATUS_LABEL[activity.status],
    )
    return html.Dl(
        [
            part
            for term, value in zip(texts.ACTIVITY_FACTS, values)
            for part in (html.Dt(term), html.Dd(value))
        ],
        className="activity-facts",
    )


def form(activity: Activity, state: urls.ViewState) -> html.Section:
    """Status and comment for the period in the URL, prefilled with the activity's status."""
    period = texts.PERIOD_LABEL[state.period].lower()
    return html.Section(
        [
            html.H2(
                texts.ACTIVITY_FORM_HEADING.format(period=period, year=state.year), className="h5"
            ),
            dcc.Store(
                id=ActivityIds.KEY,
                data={"activity": activity.code, "year": state.year, "period": state.period},
            ),
            html.Fieldset(
                [
                    html.Legend(texts.ACTIVITY_STATUS_LEGEND, className="form-label fs-6"),
                    dbc.RadioItems(
                        id=ActivityIds.STATUS,
                        name=ActivityIds.STATUS,  # one radio group: one Tab stop, arrows choose
                        value=activity.status.value,
                        options=[
                            {"label": texts.ACTIVITY_STATUS_LABEL[s], "value": s.value}
                            for s in ActivityStatus
                        ],
                    ),
                ],
                className="mb-3",
            ),
            text_field(
                ActivityIds.COMMENT, texts.ACTIVITY_COMMENT_LABEL, texts.ACTIVITY_COMMENT_HELP, ""
            ),
            dbc.Button(texts.ACTIVITY_SAVE, id=ActivityIds.SAVE, color="primary", n_clicks=0),
            html.Div(id=ActivityIds.FEEDBACK, className="mt-3", role="status"),
        ],
        className="activity-form",
    )


def history_table(followups: Sequence[FollowUp]) -> list[Any]:
    """Every follow-up, newest first."""
    if not followups:
        return [html.H2(texts.ACTIVITY_HISTORY_HEADING), empty_state(texts.NO_ACTIVITY_FOLLOW_UPS)]
    rows = [
        (
            str(f.year),
            texts.PERIOD_LABEL[f.period],
            texts.ACTIVITY_STATUS_LABEL[f.status],
            f.comment,
        )
        for f in followups
    ]
    return [
        html.H2(texts.ACTIVITY_HISTORY_HEADING),
        data_table(texts.ACTIVITY_HISTORY_CAPTION, texts.ACTIVITY_HISTORY_COLUMNS, rows),
    ]


def saved_message(saved: FollowUp) -> dbc.Alert:
    """Confirm what was saved."""
    period = texts.PERIOD_LABEL[saved.period].lower()
    return dbc.Alert(
        texts.ACTIVITY_SAVED.format(
            period=period, year=saved.year, status=texts.ACTIVITY_STATUS_LABEL[saved.status]
        ),
        color="success",
    )


def problem_list(found: Sequence[FollowUpProblem]) -> html.Div:
    """What is missing, each item leading to its field."""
    field = {
        FollowUpProblem.NO_STATUS: ActivityIds.STATUS,
        FollowUpProblem.NO_COMMENT: ActivityIds.COMMENT,
    }
    return html.Div(
        html.Ul(
            [
                html.Li(
                    html.A(
                        texts.ACTIVITY_PROBLEM_TEXT[p], href=f"#{field[p]}", className="alert-link"
                    )
                )
                for p in found
            ]
        ),
        className="alert alert-danger",
        role="alert",
    )
