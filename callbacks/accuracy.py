"""Prognoser and one indicator's forecasts: route handlers only; the pages' one interaction is
the filter bar's (callbacks/filters.py)."""

from __future__ import annotations

from dash import html

from callbacks import filters
from callbacks.request import PageRequest
from dashboard.pages.accuracy import accuracy_page, indicator_accuracy
from layouts import accuracy as layout
from layouts import urls


def page(request: PageRequest) -> html.Div:
    """Forecast accuracy and consistency for the organisation and below."""
    state, org = request.state, request.org
    found = accuracy_page(
        request.store, org, state.year, state.period, urls.shown_from(request.search)
    )
    return layout.page(org, state, filters.bar(request), **found.__dict__)


def indicator_page(request: PageRequest) -> html.Div | None:
    """One indicator's forecasts, or None when there is no such indicator."""
    indicator = request.store.indicator(request.params["code"])
    if indicator is None:
        return None
    state, org = request.state, request.org
    own, by_org = indicator_accuracy(request.store, org, state.year, state.period, indicator)
    return layout.indicator_page(org, state, indicator, own, by_org)
