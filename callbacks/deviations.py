"""Avvikelser: the route handler, and the details of a row drawn when it is opened; the page's
filters are links (layouts/deviations.py), the filter bar's interaction is callbacks/filters.py."""

from __future__ import annotations

from typing import Any

from dash import Dash, html

from callbacks import drawn_when_opened, filters, sign_in
from callbacks.request import PageRequest
from dashboard.access import Principal
from dashboard.pages.deviations import deviations, one_goal
from dashboard.store import Store
from layouts import deviations as layout
from layouts import texts, urls
from layouts.ids import DeviationIds


def page(request: PageRequest) -> html.Div:
    """Avvikelser for the organisation, year and period, filtered: the `shown` most serious
    goals."""
    state, org, shown = request.state, request.org, urls.shown_from(request.search)
    only = urls.only_from(request.search)
    found = deviations(request.store, org, state.year, state.period, shown, only)
    return layout.page(org, state, filters.bar(request), found, only, shown=shown)


def details(store: Store, key: dict[str, Any], user: Principal) -> html.Section | html.P:
    """The details of the row `key` names (its id, from the browser: checked like a query), with
    the way to assess the goal if `user` may."""
    wanted = urls.details_from(key)
    org = store.org(wanted.state.org_code or "") if wanted else None
    periods = store.reported_periods()
    if wanted is None or org is None or (wanted.state.year, wanted.state.period) not in periods:
        return html.P(texts.DETAILS_GONE, className="muted")
    state = wanted.state
    found = one_goal(store, org, state.year, state.period, wanted.goal_code, wanted.owner_code)
    if found is None:
        return html.P(texts.DETAILS_GONE, className="muted")
    shown, since = found
    may_assess = sign_in.may_change(store, user)
    return layout.goal_section(shown.full[0], state, shown.orgs, shown.saves, since, may_assess)


def register(app: Dash, store: Store) -> None:
    """A row's details, drawn the first time it opens (a click or Enter/Space on its line)."""
    drawn_when_opened.register(
        app,
        DeviationIds.LINE,
        DeviationIds.DETAILS,
        urls.DETAILS_FIELDS,
        texts.DETAILS_LOADING,
        lambda key: details(store, key, sign_in.current()),
    )
