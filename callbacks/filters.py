"""The filter bar writes the URL; the route table then redraws the page from it.

Every page with view state draws the bar (`bar`); it has no page of its own. The bar writes the
address through a Location drawn with it (`FilterIds.URL`, which tells the shell's Location as a
dcc.Link does): Dash keeps `prevent_initial_call` only when a callback's output is drawn with its
inputs, and with the shell's Location as output the bar asked the server once on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from dash import Dash, Input, Output, State, html, no_update

from callbacks.request import PageRequest
from dashboard.store import Store
from layouts import filters, urls
from layouts.ids import FilterIds, ShellIds


def register(app: Dash, store: Store) -> None:
    @app.callback(
        Output(FilterIds.URL, "search"),
        Input(FilterIds.YEAR, "value"),
        Input(FilterIds.PERIOD, "value"),
        Input(FilterIds.ORG, "value"),
        State(ShellIds.URL, "search"),
        prevent_initial_call=True,
    )
    def filters_to_url(year: str, period: str, org_code: str, search: str | None) -> object:
        root = store.root_org()
        periods = store.reported_periods()
        root_code = root.code if root else None
        chosen = chosen_search(search, periods, year, period, org_code, root_code)
        return no_update if chosen is None else chosen


def chosen_search(
    search: str | None,
    periods: Sequence[tuple[int, str]],
    year: str,
    period: str,
    org_code: str,
    root_code: str | None = None,
) -> str | None:
    """The query string with the bar's year, period and organisation; None when they are what the
    URL already shows (no organisation in it shows `root_code`'s): then there is nothing to
    write, and writing would push a second history entry for the same page. Keys the bar does
    not own (a list's filters, its length) are kept, except the part of an organisation that is
    no longer chosen."""
    current = urls.parse(search, periods)
    chosen_year = urls.whole_number(str(year), 4)
    if current is None or chosen_year is None:
        return None
    wanted = current.with_changes(year=chosen_year, period=period, org_code=org_code)
    checked = urls.parse(urls.query(wanted), periods)
    if checked is None or checked == current.with_changes(org_code=current.org_code or root_code):
        return None
    view = urls.query(checked)
    dropped = {urls.YEAR_KEY, urls.PERIOD_KEY, urls.ORG_KEY, *urls.query_values(view)}
    if checked.org_code != current.org_code:
        dropped.add(urls.WITHIN_KEY)
    rest = {k: v for k, v in urls.query_values(search).items() if k not in dropped}
    return f"{view}&{urlencode(rest)}" if rest else view


def bar(request: PageRequest) -> html.Form:
    """The filter bar for a page's view state, offering the organisation's neighbourhood."""
    view = request.view
    if view is None:
        raise LookupError("a page without view state has no filter bar")
    neighbourhood = request.store.org_neighbourhood(view.org.id)
    return filters.filter_bar(
        view.state, view.periods, neighbourhood, request.path, request.search or ""
    )
