"""Att rapportera: its route handler, and the steps of the reporting round taken on it
(klarmarkera; approve or send back).

The step's key comes from the browser, so each step asks again who may take it
(dashboard/followup/reporting.py) and refuses, and logs, a hand-made request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dash import Dash, Input, Output, State, ctx, html

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal, audit
from dashboard.followup import reporting
from dashboard.followup.reporting import Refusal, ReportingRefused
from dashboard.pages.to_report import to_report
from dashboard.store import Store
from layouts import texts, urls
from layouts import to_report as layout
from layouts.components import refused
from layouts.ids import ReportingIds


def page(request: PageRequest) -> html.Div:
    """The list for the organisation in the URL; without one, an editor's own organisation."""
    org = request.org
    if urls.ORG_KEY not in urls.query_values(request.search) and not request.user.is_admin:
        own = request.user.scope_codes[0] if request.user.scope_codes else None
        org = (request.store.org(own) if own else None) or org
    data = to_report(request.store, org, request.user, dt.date.today())
    return layout.page(data, request.state)


def register(app: Dash, store: Store) -> None:
    @app.callback(  # a step taken leaves its button disabled: the page's state is behind now
        Output(ReportingIds.READY_FEEDBACK, "children"),
        Output(ReportingIds.READY, "disabled"),
        Input(ReportingIds.READY, "n_clicks"),
        State(ReportingIds.KEY, "data"),
        prevent_initial_call=True,
    )
    def mark_ready(_: int, key: Any) -> tuple[html.Div, bool]:
        return take_step(store, sign_in.current(), key, "ready")

    @app.callback(
        Output(ReportingIds.CONTROL_FEEDBACK, "children"),
        Output(ReportingIds.APPROVE, "disabled"),
        Output(ReportingIds.RETURN, "disabled"),
        Input(ReportingIds.APPROVE, "n_clicks"),
        Input(ReportingIds.RETURN, "n_clicks"),
        State(ReportingIds.KEY, "data"),
        State(ReportingIds.COMMENT, "value"),
        prevent_initial_call=True,
    )
    def control(approve: int | None, send_back: int | None, key: Any, comment: str | None) -> Any:
        step = "return" if ctx.triggered_id == ReportingIds.RETURN else "approve"
        message, taken = take_step(store, sign_in.current(), key, step, comment or "")
        return message, taken, taken


_AUDIT = {
    "ready": audit.REPORT_READY,
    "approve": audit.REPORT_APPROVE,
    "return": audit.REPORT_RETURN,
}
_DONE = {"ready": texts.MARKED_READY, "approve": texts.APPROVED, "return": texts.SENT_BACK}


def take_step(
    store: Store, user: Principal, key: Any, step: str, comment: str = ""
) -> tuple[html.Div, bool]:
    """Take one step for the report the key names, if this person may; the message to show and
    whether the step was taken."""
    org_code, year, period = _key(key)
    org = store.org(org_code) if org_code else None
    try:
        if org is None or year is None or period is None:
            raise ReportingRefused(Refusal.NOT_OPEN)
        if step == "ready":
            reporting.mark_ready(store, user, org, year, period)
        elif step == "approve":
            reporting.approve(store, user, org, year, period)
        else:
            reporting.send_back(store, user, org, year, period, comment)
    except ReportingRefused as refusal:
        reason = texts.REPORTING_REFUSAL[refusal.refusal]
        target = f"{org_code} {period} {year}"
        sign_in.record_refusal(store, user, _AUDIT[step], target, reason)
        return refused(reason), False
    return html.Div(_DONE[step], className="alert alert-success"), True


def _key(key: Any) -> tuple[str | None, int | None, str | None]:
    """The organisation code, year and period a page's key names, each None if malformed."""
    if not isinstance(key, dict):
        return None, None, None
    org, year, period = key.get("org"), key.get("year"), key.get("period")
    return (
        org if isinstance(org, str) else None,
        year if isinstance(year, int) and not isinstance(year, bool) else None,
        period if isinstance(period, str) else None,
    )
