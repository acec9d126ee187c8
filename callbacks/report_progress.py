"""Rapportering: its route handler, and the administrators' form that opens a period for
reporting with its deadlines.

Readers see why the page is not for them; the deadlines' save asks again whether the person is
an administrator and refuses, and logs, a hand-made request.
"""

from __future__ import annotations

import datetime as dt

from dash import Dash, Input, Output, State, html

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal, audit
from dashboard.domain.model import TERTIAL_PERIODS
from dashboard.followup import reporting
from dashboard.followup.reporting import ReportingRefused
from dashboard.pages.report_progress import report_progress
from dashboard.store import Store
from layouts import report_progress as layout
from layouts import texts, urls
from layouts.components import refused
from layouts.ids import ReportingIds


def page(request: PageRequest) -> html.Div:
    """The progress at and below the organisation in the URL, for editors and administrators."""
    user = request.user
    if not user.may_edit_something:
        return html.Div([html.H1(texts.NAV_PROGRESS), html.P(texts.PROGRESS_READERS)])
    today = dt.date.today()
    data = report_progress(request.store, request.org, today)
    shown = urls.shown_from(request.search)
    return layout.page(request.org.name, data, request.state, user.is_admin, today, shown)


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(ReportingIds.DEADLINE_FEEDBACK, "children"),
        Input(ReportingIds.DEADLINE_SAVE, "n_clicks"),
        State(ReportingIds.DEADLINE_YEAR, "value"),
        State(ReportingIds.DEADLINE_PERIOD, "value"),
        *(State(field, "value") for field in layout.DEADLINE_FIELDS.values()),
        prevent_initial_call=True,
    )
    def save(_: int, year: object, period: object, *days: object) -> html.Div:
        return set_deadlines(store, sign_in.current(), year, period, days)


def set_deadlines(
    store: Store, user: Principal, year: object, period: object, days: tuple[object, ...]
) -> html.Div:
    """Open the period with the deadlines given, if this person may; the message to show."""
    parsed_year = urls.whole_number(str(year), 4) if year is not None else None
    deadlines = {
        level: day
        for level, text in zip(layout.DEADLINE_FIELDS, days)
        if (day := _date(text)) is not None
    }
    malformed = any(text and _date(text) is None for text in days)
    if parsed_year is None or period not in TERTIAL_PERIODS or malformed:
        return refused(texts.BAD_DEADLINE)
    assert isinstance(period, str)
    try:
        reporting.set_deadlines(store, user, parsed_year, period, deadlines)
    except ReportingRefused as refusal:
        reason = texts.REPORTING_REFUSAL[refusal.refusal]
        sign_in.record_refusal(store, user, audit.REPORTING_DEADLINES, f"{period} {year}", reason)
        return refused(reason)
    return html.Div(
        texts.DEADLINES_SAVED.format(period=texts.PERIOD_LABEL[period], year=parsed_year),
        className="alert alert-success",
    )


def _date(text: object) -> dt.date | None:
    if not isinstance(text, str) or len(text) != 10:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
