"""The app factory: the only place that wires settings, store, layouts and callbacks."""

import gc

from dash import Dash

import callbacks
from callbacks.availability import on_callback_error
from dashboard.database import make_engine
from dashboard.settings import Settings
from dashboard.store import Store
from layouts import shell, texts

STORE_EXTENSION = "kontrollrummet_store"


def create_app(settings: Settings) -> Dash:
    """A Dash app on its own engine; nothing is kept in module globals."""
    store = Store(make_engine(settings.database_url))
    app = Dash(
        __name__,
        title=texts.APP_TITLE,
        assets_folder=str(settings.assets_dir),
        suppress_callback_exceptions=True,  # pages render on demand
        external_stylesheets=[],
        on_error=on_callback_error,  # a database outage shows a Swedish message, not a broken page
    )
    app.index_string = shell.INDEX_STRING
    app.layout = shell.layout()
    callbacks.register_all(app, store, settings)
    app.server.extensions[STORE_EXTENSION] = store  # for tools that inspect a running app
    # Everything built so far lives as long as the process: keep it out of the garbage
    # collector's full passes, which otherwise doubled p95 response times (docs/performance.md).
    gc.freeze()

    return app
