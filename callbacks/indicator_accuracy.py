"""One indicator's forecasts: the route handler only; the page has no callbacks (its links
change the URL, which the route table follows)."""

from __future__ import annotations

from dash import html

from callbacks.request import PageRequest
from dashboard.pages.indicator_accuracy import indicator_accuracy
from layouts import indicator_accuracy as layout
from layouts import urls


def page(request: PageRequest) -> html.Div | None:
    """One indicator's forecasts, or None when there is no such indicator."""
    indicator = request.store.indicator(request.params["code"])
    if indicator is None:
        return None
    state, org = request.state, request.org
    own, by_org = indicator_accuracy(request.store, org, state.year, state.period, indicator)
    shown = urls.shown_from(request.search, layout.ORGS_STEP)
    return layout.page(org, state, indicator, own, by_org, shown)
