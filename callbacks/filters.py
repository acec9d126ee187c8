"""The filter bar writes the URL; the route table then redraws the page from it.

Every page with view state draws the bar (`bar`); it has no page of its own.
"""

from __future__ import annotations

from dash import Dash, Input, Output, State, html, no_update

from callbacks.request import PageRequest
from dashboard.store import Store
from layouts import filters, urls
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
    def filters_to_url(year: str, period: str, org_code: str, search: str | None) -> object:
        periods = store.reported_periods()
        current = urls.parse(search, periods)
        chosen_year = urls.whole_number(str(year), 4)
        if current is None or chosen_year is None:
            return no_update
        wanted = current.with_changes(year=chosen_year, period=period, org_code=org_code)
        checked = urls.parse(urls.query(wanted), periods)
        new_search = urls.query(checked) if checked else None
        return new_search if new_search and new_search != search else no_update


def bar(request: PageRequest) -> html.Form:
    """The filter bar for a page's view state, offering the organisation's neighbourhood."""
    view = request.view
    if view is None:
        raise LookupError("a page without view state has no filter bar")
    neighbourhood = request.store.org_neighbourhood(view.org.id)
    return filters.filter_bar(view.state, view.periods, neighbourhood)
