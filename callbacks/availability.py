"""What people and probes see when the database does not answer.

`/healthz` runs a trivial query (200 "ok", or 503) for load balancers and systemd. A
callback that fails because the database is down puts a Swedish message in the content
area instead of failing silently; a plain route answers 503 with the same message, and so
does a callback whose signed-in user cannot be looked up (the page's script then reloads
the page to show it: assets/session.js). Once
the database is back, the next request works: the pool pings connections before use
(dashboard/store/database.py), so no worker needs a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from dash import Dash, ctx, no_update, set_props
from flask import Flask, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from dashboard.store import Store, database
from layouts import texts
from layouts.components import database_unavailable
from layouts.ids import ShellIds
from layouts.sign_in import message_page

log = logging.getLogger(__name__)
CONTENT = {"id": ShellIds.CONTENT, "property": "children"}


def healthz_view(store: Store) -> Callable[[], ResponseReturnValue]:
    """The health check's view for the route table: 200 "ok" while the database answers, else
    503."""

    def healthz() -> ResponseReturnValue:
        if database.reachable(store.engine):
            return jsonify(status="ok")
        return jsonify(status="unavailable"), 503

    return healthz


def register(app: Dash, store: Store) -> None:
    """Outages become a Swedish page (503) on every plain route."""

    server: Flask = app.server

    @server.errorhandler(DBAPIError)
    @server.errorhandler(PoolTimeout)
    def unavailable_route(error: Exception) -> ResponseReturnValue:
        if not is_outage(error):
            raise error
        log.warning("database unavailable: %s", error)
        return message_page(
            texts.DATABASE_UNAVAILABLE_HEADING, texts.DATABASE_UNAVAILABLE_TEXT
        ), 503


def is_outage(error: Exception) -> bool:
    """Whether the error means the database cannot be reached now, rather than a bug."""
    if isinstance(error, DBAPIError):
        return isinstance(error, OperationalError) or error.connection_invalidated
    return isinstance(error, PoolTimeout)


def on_callback_error(error: Exception) -> object:
    """Dash's on_error: an outage becomes the message in the content area; anything else is
    raised."""
    if not is_outage(error):
        raise error
    log.warning("database unavailable in a callback: %s", error)
    outputs = ctx.outputs_list
    if outputs == CONTENT:
        return database_unavailable()
    if isinstance(outputs, list) and CONTENT in outputs:
        return [database_unavailable() if spec == CONTENT else no_update for spec in outputs]
    set_props(ShellIds.CONTENT, {"children": database_unavailable()})
    return None
