"""Interaction: one module per page (its route handler and callbacks), plus the route table.

Each module's `register(app, store)` adds its callbacks to one app as closures over that app's
store; callbacks/routes.py holds every page's and every server route's path, and each page's
`register`.
"""

from collections.abc import Sequence

from dash import Dash

from callbacks import availability, filters, routes, shell, sign_in
from dashboard.settings import Settings
from dashboard.store import Store


def register_all(
    app: Dash, store: Store, settings: Settings, pages: Sequence[routes.Route] = routes.ROUTES
) -> None:
    """Register the routes and every page's callbacks as closures over this app's store.

    A page's own callbacks come with its line in the route table; these serve every page."""
    sign_in.register(app, store, settings)
    routes.add_server_routes(app.server, store)
    routes.register(app, store, settings, pages)
    shell.register(app, store)
    filters.register(app, store)
    availability.register(app, store)
