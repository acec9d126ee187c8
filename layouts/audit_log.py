"""Ändringslogg: every change and refusal, newest first, filtered by user, kind and day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import dash_bootstrap_components as dbc
from dash import html

from dashboard.access.audit import ACTIONS, Event
from layouts import texts, urls
from layouts.components import data_table, empty_state, local_time
from layouts.ids import AuditIds


@dataclass(frozen=True)
class Filters:
    username: str | None
    action: str | None
    since: dt.date | None


def page(
    events: Sequence[Event], filters: Filters, usernames: Sequence[str], limit: int
) -> html.Div:
    """The filter form (a plain GET form, so the filters stay in the URL) and the table."""
    rows = [
        (
            local_time(e.at),
            e.username,
            texts.AUDIT_ACTION_LABEL.get(e.action, e.action),
            e.target,
            e.detail,
            html.Span(
                texts.AUDIT_OUTCOME_LABEL.get(e.outcome, e.outcome),
                className=f"outcome-{e.outcome}",
            ),
        )
        for e in events
    ]
    table = (
        data_table(texts.AUDIT_CAPTION.format(limit=limit), texts.AUDIT_COLUMNS, rows)
        if rows
        else empty_state(texts.AUDIT_EMPTY)
    )
    return html.Div(
        [html.H1(texts.AUDIT_HEADING), html.P(texts.AUDIT_INTRO), _form(filters, usernames), table],
        className="audit-page",
    )


def refused() -> html.Div:
    """What a non-administrator sees instead of the log."""
    return html.Div(
        [html.H1(texts.AUDIT_HEADING), dbc.Alert(texts.REFUSED_ADMIN_ONLY, color="info")]
    )


def _form(filters: Filters, usernames: Sequence[str]) -> html.Form:
    users = [("", texts.AUDIT_FILTER_ALL), *((name, name) for name in usernames)]
    actions = [("", texts.AUDIT_FILTER_ALL), *((a, texts.AUDIT_ACTION_LABEL[a]) for a in ACTIONS)]
    return html.Form(
        dbc.Row(
            [
                dbc.Col(
                    _select(
                        AuditIds.USER,
                        urls.AUDIT_USER_KEY,
                        texts.AUDIT_FILTER_USER,
                        users,
                        filters.username,
                    ),
                    md=3,
                ),
                dbc.Col(
                    _select(
                        AuditIds.ACTION,
                        urls.AUDIT_ACTION_KEY,
                        texts.AUDIT_FILTER_ACTION,
                        actions,
                        filters.action,
                    ),
                    md=3,
                ),
                dbc.Col(
                    [
                        dbc.Label(texts.AUDIT_FILTER_SINCE, html_for=AuditIds.SINCE),
                        dbc.Input(
                            id=AuditIds.SINCE,
                            name=urls.AUDIT_SINCE_KEY,
                            type="date",
                            value=filters.since.isoformat() if filters.since else None,
                        ),
                    ],
                    md=3,
                ),
                dbc.Col(
                    dbc.Button(texts.AUDIT_FILTER_BUTTON, type="submit", color="primary"),
                    md=3,
                    className="align-self-end",
                ),
            ],
            className="g-2",
        ),
        method="get",
        action=urls.AUDIT_PATH,
        className="filters",
        role="search",
    )


def _select(
    component_id: str, name: str, label: str, options: Sequence[tuple[str, str]], value: str | None
) -> html.Div:
    return html.Div(
        [
            dbc.Label(label, html_for=component_id),
            html.Select(
                [
                    html.Option(text, value=key, selected=key == (value or ""))
                    for key, text in options
                ],
                id=component_id,
                name=name,
                className="form-select",
            ),
        ]
    )
