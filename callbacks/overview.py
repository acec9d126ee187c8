"""Översikt's filters write the URL; the router then redraws the page from it."""

from dash import Dash, Input, Output, no_update

from callbacks import url_state
from dashboard.store import Store
from layouts.ids import OverviewIds, ShellIds


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(ShellIds.URL, "search"),
        Input(OverviewIds.YEAR, "value"),
        Input(OverviewIds.PERIOD, "value"),
        prevent_initial_call=True,
    )
    def filters_to_url(year: int, period: str) -> str:
        state = url_state.parse(url_state.query(url_state.ViewState(year, period)), store.reported_periods())
        return url_state.query(state) if state else no_update
