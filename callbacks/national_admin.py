"""Jämförelser: the administrator's page (route handler) and its forms' callbacks; each
save goes through dashboard/followup/national_admin.py, which refuses anyone but an
administrator and audits the change."""

from __future__ import annotations

from dash import Dash, Input, Output, State, ctx, html

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.followup import national_admin as decide
from dashboard.pages.national_admin import kpi_search, national_settings
from dashboard.store import Store
from layouts import national_admin as layout
from layouts import texts
from layouts.components import refused
from layouts.ids import NationalIds

ACTION = "national_admin"  # a refused visit, in the Ändringslogg


def page(request: PageRequest) -> html.Div:
    """The page for administrators; everyone else is refused (and the refusal logged)."""
    if not request.user.is_admin:
        sign_in.record_refusal(
            request.store, request.user, ACTION, texts.NAV_NATIONAL, texts.REFUSED_ADMIN_ONLY
        )
        return html.Div(refused(texts.REFUSED_ADMIN_ONLY))
    return layout.page(national_settings(request.store))


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(NationalIds.HOME_FEEDBACK, "children"),
        Input(NationalIds.HOME_SAVE, "n_clicks"),
        State(NationalIds.HOME, "value"),
        prevent_initial_call=True,
    )
    def save_home(_clicks: int, value: str | None) -> html.Div:
        return layout.feedback(decide.set_home(store, sign_in.current(), value or ""))

    @app.callback(
        Output(NationalIds.GROUP_FEEDBACK, "children"),
        Input(NationalIds.GROUP_SAVE, "n_clicks"),
        Input(NationalIds.GROUP_CHOOSE, "n_clicks"),
        State(NationalIds.GROUP_NAME, "value"),
        State(NationalIds.GROUP_MEMBERS, "value"),
        prevent_initial_call=True,
    )
    def save_group(_save: int, _choose: int, name: str | None, members: str | None) -> html.Div:
        chosen = ctx.triggered_id == NationalIds.GROUP_CHOOSE
        return group_feedback(store, name or "", members or "", chosen=chosen)

    @app.callback(
        Output(NationalIds.SEARCH_RESULTS, "children"),
        Input(NationalIds.SEARCH_GO, "n_clicks"),
        State(NationalIds.SEARCH, "value"),
        prevent_initial_call=True,
    )
    def search(_clicks: int, text: str | None) -> html.Div:
        if not sign_in.current().is_admin:
            return html.Div(refused(texts.REFUSED_ADMIN_ONLY))
        return layout.search_results(kpi_search(store, text or ""))

    @app.callback(
        Output(NationalIds.LINK_FEEDBACK, "children"),
        Input(NationalIds.LINK_SAVE, "n_clicks"),
        State(NationalIds.LINK_INDICATOR, "value"),
        State(NationalIds.LINK_KPI, "value"),
        prevent_initial_call=True,
    )
    def link(_clicks: int, indicator: str | None, kpi: str | None) -> html.Div:
        user = sign_in.current()
        return layout.feedback(decide.link_indicator(store, user, indicator or "", kpi or ""))

    @app.callback(
        Output(NationalIds.UNIT_FEEDBACK, "children"),
        Input(NationalIds.UNIT_SAVE, "n_clicks"),
        State(NationalIds.UNIT_ORG, "value"),
        State(NationalIds.UNIT_ID, "value"),
        prevent_initial_call=True,
    )
    def link_unit(_clicks: int, org: str | None, kolada_id: str | None) -> html.Div:
        user = sign_in.current()
        return layout.feedback(decide.link_unit(store, user, org or "", kolada_id or ""))


def group_feedback(store: Store, name: str, members: str, *, chosen: bool) -> html.Div:
    """Save the group (or choose it to be shown), as the person behind the request."""
    user = sign_in.current()
    if chosen:
        return layout.feedback(decide.choose_group(store, user, name.strip()))
    return layout.feedback(decide.save_group(store, user, name, members))
