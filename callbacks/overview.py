"""Översikt: the route handler only; the page's one interaction is the filter bar's
(callbacks/filters.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters
from callbacks.request import PageRequest
from dashboard.pages.overview import overview
from layouts import overview as layout


def page(request: PageRequest) -> html.Div:
    """The goals of the chosen level judged for the organisation."""
    state, org = request.state, request.org
    found = overview(request.store, org, state.year, state.period, state.level)
    return layout.page(
        org,
        state,
        filters.bar(request),
        found.direction_goals,
        found.statuses,
        found.owners,
        found.histories,
    )
