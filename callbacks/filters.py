"""The filter bar writes the URL; the router then redraws the page from it."""

from __future__ import annotations

from dash import Dash, Input, Output, State, no_update

from dashboard.store import Store
from layouts import urls
from layouts.ids import FilterIds, ShellIds


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(ShellIds.URL, "search"),
        Input(FilterIds.YEAR, "value"),
        Input(FilterIds.PERIOD, "value"),
        Input(FilterIds.ORG, "value"),
        State(ShellIds.URL, "search"),
        prevent_initial_call=True,
    )
    def filters_to_url(year: str, period: str, org_code: str, search: str | None) -> str:
        periods = store.reported_periods()
        current = urls.parse(search, periods)
        chosen_year = urls.whole_number(str(year), 4)
        if current is None or chosen_year is None:
            return no_update
        wanted = current.with_changes(year=chosen_year, period=period, org_code=org_code)
        new_search = urls.query(urls.parse(urls.query(wanted), periods))
        return new_search if new_search != search else no_update
