"""The app factory: the only place that wires settings, store, layouts and callbacks."""

import functools
import gc
import os
import re
from collections.abc import Sequence

from dash import Dash, html
from flask import Response, request
from werkzeug.middleware.proxy_fix import ProxyFix

import callbacks
from callbacks import sign_in
from callbacks.availability import on_callback_error
from callbacks.routes import ROUTES, Route, nav_entries
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import make_engine
from dashboard.tools import warming
from dashboard.web import shipping, web_security
from layouts import shell, texts, urls
from layouts.sign_in import message_page

STORE_EXTENSION = "kontrollrummet_store"


def create_app(settings: Settings, routes: Sequence[Route] = ROUTES) -> Dash:
    """A Dash app on its own engine serving `routes`; nothing is kept in module globals."""
    # A write that ends every kept result prepares the first pages again before it commits
    # (tools/warming.py); what a summary keeps until the next upload stays out of the
    # collector's full passes (docs/performance.md).
    store = Store(
        make_engine(settings.database_url), prepare=warming.after_write, after_summary=gc.freeze
    )
    app = Dash(
        __name__,
        title=texts.APP_TITLE,
        update_title="",  # each page names itself (assets/navigation.js), no "Updating..."
        assets_folder=str(settings.assets_dir),
        assets_ignore=f"^{re.escape(shell.STARTUP_SCRIPT)}$",  # linked first, by shell.index_page
        suppress_callback_exceptions=True,  # pages render on demand
        external_stylesheets=[],
        on_error=on_callback_error,  # a database outage shows a Swedish message, not a broken page
    )
    app.index_string = shell.INDEX_STRING
    startup = os.path.join(settings.assets_dir, shell.STARTUP_SCRIPT)
    startup_src = f"{app.get_asset_url(shell.STARTUP_SCRIPT)}?m={os.path.getmtime(startup)}"
    app.interpolate_index = functools.partial(  # type: ignore[method-assign]
        shell.index_page, app.interpolate_index, startup_src
    )

    def frame() -> html.Div:  # per page load, for the person signed in (and once at startup)
        user = sign_in.current()
        return shell.layout(user, nav_entries(user, routes))

    app.layout = frame
    callbacks.register_all(app, store, settings, routes)
    if settings.proxy_count:  # behind nginx: the client's address and scheme come in X-Forwarded-*
        n = (
            settings.proxy_count
        )  # not the host: nginx passes Host on, and a client may send X-Forwarded-Host
        app.server.wsgi_app = ProxyFix(app.server.wsgi_app, x_for=n, x_proto=n, x_host=0)
    web_security.install(
        app.server,
        app.csp_hashes(),
        settings.max_upload_mb * 1_000_000,
        functools.partial(error_response, limit_mb=settings.max_upload_mb),
        settings.debug,
        hsts=settings.secure_cookies,
    )
    shipping.install(app.server)  # after web_security: its headers hook then runs last
    app.server.extensions[STORE_EXTENSION] = store  # for tools that inspect a running app
    # Everything built so far lives as long as the process: keep it out of the garbage
    # collector's full passes, which otherwise doubled p95 response times (docs/performance.md).
    gc.freeze()

    return app


def error_response(status: int, limit_mb: int) -> Response:
    """A Swedish error without details: a page for people, one line for the page's scripts."""
    heading, text = {
        404: (texts.NOT_FOUND_HEADING, texts.NOT_FOUND_TEXT),
        413: (texts.ERROR_HEADING, texts.REQUEST_TOO_LARGE.format(limit=limit_mb)),
    }.get(status, (texts.ERROR_HEADING, texts.ERROR_TEXT))
    if request.path.startswith(urls.CALLBACK_PREFIX):
        return Response(text, status, mimetype="text/plain")
    return Response(message_page(heading, text), status, mimetype="text/html")
