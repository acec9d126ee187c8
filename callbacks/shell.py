"""The frame's one callback: the main menu's links keep the URL's year, period and organisation
and mark the page shown. It runs in the browser (assets/navigation.js `navLinks`) when the URL
changes, before the page is drawn: a callback answered after a page is drawn makes Dash's
renderer look at each of the page's components again. For the same reason the page's title goes
to the browser, the live region and (after a navigation) focus from the router's answer itself
(assets/startup.js), not from a callback.

The menu's entries come from the route table (callbacks/routes.py `nav_entries`); the frame
itself is drawn by layouts/shell.py and has no data of its own, so no dashboard/pages module.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Dash, Input, Output, State

from dashboard.store import Store
from layouts.ids import ShellIds

NAV_LINKS = {"type": ShellIds.NAV_LINK, "index": ALL}


def register(app: Dash, store: Store) -> None:
    app.clientside_callback(
        ClientsideFunction("kontrollrummet", "navLinks"),
        Output(NAV_LINKS, "href"),
        Output(NAV_LINKS, "className"),
        Input(ShellIds.URL, "pathname"),
        Input(ShellIds.URL, "search"),
        State(NAV_LINKS, "id"),
    )
