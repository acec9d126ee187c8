"""Indikatorsida: the route handler only; the page's one interaction is the filter bar's
(callbacks/filters.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters
from callbacks.request import PageRequest
from dashboard.pages.indicator import indicator_view
from dashboard.pages.national import national_view
from layouts import indicator as layout


def page(request: PageRequest) -> html.Div | None:
    """The indicator at the organisation, or None when there is no such indicator."""
    indicator = request.store.indicator(request.params["code"])
    if indicator is None:
        return None
    state, org = request.state, request.org
    view = indicator_view(request.store, indicator, org, state.year, state.period)
    national = national_view(request.store, indicator, state.year)
    lineage = request.store.org_lineage(org.id)
    return layout.page(view, lineage, state, filters.bar(request), national)
