"""Avvikelser: the route handler only; the page's one interaction is the filter bar's
(callbacks/filters.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters
from callbacks.request import PageRequest
from dashboard.pages.deviations import deviations
from layouts import deviations as layout
from layouts import urls


def page(request: PageRequest) -> html.Div:
    """Avvikelser for the organisation, year and period: the `shown` most serious goals."""
    state, org, shown = request.state, request.org, urls.shown_from(request.search)
    found, meeting = deviations(request.store, org, state.year, state.period, shown)
    bar = filters.bar(request)
    return layout.page(
        org, state, bar, found, meeting.full, meeting.orgs, meeting.saves, shown=shown
    )
