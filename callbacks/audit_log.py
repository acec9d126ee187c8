"""Ändringslogg: the audit log for administrators, filtered by the query string.

A route handler only: the filters are a plain form that writes the URL, and the log comes
straight from dashboard/access/audit.py, so the page has no dashboard/pages module.
"""

from __future__ import annotations

import datetime as dt

from dash import html

from callbacks import sign_in
from callbacks.request import PageRequest
from dashboard.access import accounts, audit
from layouts import audit_log, texts, urls

LIMIT = 500


def page(request: PageRequest) -> html.Div:
    """The log for the filters in the URL (?anvandare=…&handelse=…&fran=2026-05-01)."""
    store, user = request.store, request.user
    if not user.is_admin:
        sign_in.record_refusal(
            store, user, audit.AUDIT_LOG, "ändringsloggen", texts.REFUSED_ADMIN_ONLY
        )
        return audit_log.refused()
    query = urls.query_values(request.search)
    filters = audit_log.Filters(
        urls.plain_text(query.get(urls.AUDIT_USER_KEY), urls.MAX_TEXT_LENGTH),
        _action(query.get(urls.AUDIT_ACTION_KEY)),
        _day(query.get(urls.AUDIT_SINCE_KEY)),
    )
    found = audit.events(store, filters.username, filters.action, filters.since, LIMIT)
    return audit_log.page(found, filters, [a.username for a in accounts.accounts(store)], LIMIT)


def _action(value: str | None) -> str | None:
    return value if value in audit.ACTIONS else None


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
