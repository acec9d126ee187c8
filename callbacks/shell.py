"""The frame's callbacks: the main menu's links keep the URL's year, period and organisation,
and each drawn page's title goes to the browser, the live region and (after a navigation) focus
goes to the page's h1 (assets/navigation.js).

The menu's entries come from the route table (callbacks/routes.py `nav_entries`); the frame
itself is drawn by layouts/shell.py and has no data of its own, so no dashboard/pages module.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output, State

from dashboard.store import Store
from layouts import urls
from layouts.ids import ShellIds

NAV_LINKS = {"type": ShellIds.NAV_LINK, "index": ALL}


def register(app: Dash, store: Store) -> None:
    app.clientside_callback(
        ClientsideFunction("kontrollrummet", "pageShown"),
        Output(ShellIds.ANNOUNCER, "children"),
        Input(ShellIds.PAGE_TITLE, "data"),
    )

    @app.callback(
        Output(NAV_LINKS, "href"),
        Output(NAV_LINKS, "className"),
        Input(ShellIds.URL, "pathname"),
        Input(ShellIds.URL, "search"),
        State(NAV_LINKS, "id"),
    )
    def nav_links(
        pathname: str | None, search: str | None, ids: list[dict[str, str]]
    ) -> tuple[list[str], list[str]]:
        paths = [link["index"] for link in ids]
        state = urls.parse(search, store.reported_periods())
        plain = state and urls.ViewState(state.year, state.period, state.org_code)  # no level, sort
        hrefs = [urls.href(path, plain) if plain else path for path in paths]
        # dcc.Link takes no aria-current, so the current page is marked by a class
        here = pathname or urls.OVERVIEW_PATH
        return hrefs, ["current" if here == path else "" for path in paths]
