"""Interaction: each module registers its callbacks on an app, bound to that app's store."""

from dash import Dash

from callbacks import filters, router
from dashboard.store import Store


def register_all(app: Dash, store: Store) -> None:
    """Register every page's callbacks as closures over this app's store."""
    router.register(app, store)
    filters.register(app, store)
