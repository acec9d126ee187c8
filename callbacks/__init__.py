"""Interaction: each module registers its callbacks on an app, bound to that app's store."""

from dash import Dash

from callbacks import activities, availability, filters, followup, router, sign_in, upload
from dashboard.settings import Settings
from dashboard.store import Store


def register_all(app: Dash, store: Store, settings: Settings) -> None:
    """Register every page's callbacks as closures over this app's store."""
    sign_in.register(app, store, settings)
    router.register(app, store, settings)
    filters.register(app, store)
    followup.register(app, store)
    upload.register(app, store)
    activities.register(app, store)
    availability.register(app, store)
