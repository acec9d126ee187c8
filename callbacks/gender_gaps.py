"""Kvinnor och män: the route handler only; the page's one interaction is the filter bar's
(callbacks/filters.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters
from callbacks.request import PageRequest
from dashboard.pages.gender_gaps import gender_gaps_page
from layouts import gender_gaps as layout


def page(request: PageRequest) -> html.Div:
    """Each gender-split indicator's gap between women and men at the organisation."""
    state, org = request.state, request.org
    found = gender_gaps_page(request.store, org, state.year, state.period)
    return layout.page(org, state, filters.bar(request), found.gaps, found.moves)
