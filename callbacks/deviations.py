"""Avvikelser: the route handler only; the page's filters are links (layouts/deviations.py), the
filter bar's interaction is callbacks/filters.py."""

from __future__ import annotations

from dash import html

from callbacks import filters, sign_in
from callbacks.request import PageRequest
from dashboard.pages.deviations import deviations
from layouts import deviations as layout
from layouts import urls


def page(request: PageRequest) -> html.Div:
    """Avvikelser for the organisation, year and period, filtered: the `shown` most serious
    goals."""
    state, org, shown = request.state, request.org, urls.shown_from(request.search)
    only = urls.only_from(request.search)
    found = deviations(request.store, org, state.year, state.period, shown, only)
    may_assess = sign_in.may_change(request.store, request.user)
    return layout.page(org, state, filters.bar(request), found, only, may_assess, shown=shown)
