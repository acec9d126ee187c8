"""Prognoser: the route handler only; the page's one interaction is the filter bar's
(callbacks/filters.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters
from callbacks.request import PageRequest
from dashboard.pages.accuracy import accuracy_page
from layouts import accuracy as layout
from layouts import urls


def page(request: PageRequest) -> html.Div:
    """Forecast accuracy and consistency for the organisation and below."""
    state, org = request.state, request.org
    found = accuracy_page(
        request.store, org, state.year, state.period, urls.shown_from(request.search)
    )
    only_status = urls.status_from(request.search)
    return layout.page(org, state, filters.bar(request), **found.__dict__, only_status=only_status)
