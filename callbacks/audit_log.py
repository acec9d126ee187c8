"""Ändringslogg: the audit log for administrators, filtered by the query string."""

from __future__ import annotations

import datetime as dt

from dash import html

from callbacks import sign_in
from dashboard.access import Principal, accounts, audit
from dashboard.store import Store
from layouts import audit_log, texts, urls

LIMIT = 500


def page(store: Store, user: Principal, search: str | None) -> html.Div:
    """The log for the filters in the URL (?anvandare=…&handelse=…&fran=2026-05-01)."""
    if not user.is_admin:
        sign_in.record_refusal(
            store, user, audit.AUDIT_LOG, "ändringsloggen", texts.REFUSED_ADMIN_ONLY
        )
        return audit_log.refused()
    query = urls.query_values(search)
    filters = audit_log.Filters(
        urls.plain_text(query.get("anvandare"), urls.MAX_TEXT_LENGTH),
        _action(query.get("handelse")),
        _day(query.get("fran")),
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
