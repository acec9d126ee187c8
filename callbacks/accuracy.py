"""Prognoser: the route handler, and its long tables drawn when opened; the filter bar's
interaction is callbacks/filters.py."""

from __future__ import annotations

from typing import Any

from dash import Dash, html

from callbacks import drawn_when_opened, filters
from callbacks.request import PageRequest
from dashboard.pages.accuracy import (
    accuracy_page,
    committees,
    forecast_only,
    indicators,
    judged,
    org_index,
)
from dashboard.store import Store
from layouts import accuracy as layout
from layouts import texts, urls
from layouts.consistency import forecast_only_block, lean_table, pairs_block
from layouts.ids import AccuracyPart, AccuracyPartIds


def page(request: PageRequest) -> html.Div:
    """Forecast accuracy and consistency for the organisation and below."""
    state, org = request.state, request.org
    found = accuracy_page(
        request.store, org, state.year, state.period, urls.shown_from(request.search)
    )
    only_status = urls.status_from(request.search)
    return layout.page(org, state, filters.bar(request), **found.__dict__, only_status=only_status)


def part(store: Store, key: dict[str, Any]) -> Any:
    """The table the part `key` names (its id, from the browser: checked like a query)."""
    wanted = urls.part_from(key)
    org = store.org(wanted.state.org_code or "") if wanted else None
    if (
        wanted is None
        or org is None
        or (wanted.state.year, wanted.state.period) not in (store.reported_periods())
    ):
        return html.P(texts.PART_GONE, className="muted")
    state, shown = wanted.state, wanted.shown
    if wanted.part in (AccuracyPart.HOW_OFTEN, AccuracyPart.HOW_MUCH):
        groups = committees(store, org, state.year, state.period)
        if wanted.part is AccuracyPart.HOW_OFTEN:
            return layout.how_often_table(groups)
        return layout.how_much_table(groups)
    if wanted.part is AccuracyPart.INDICATORS:
        listed = indicators(store, org, state.year, state.period)
        return layout.indicator_block(listed[:shown], len(listed), state, shown)
    if wanted.part is AccuracyPart.FORECAST_ONLY:
        found_only = forecast_only(store, org, state.year, state.period)
        return forecast_only_block(state, found_only, org_index(store), shown, None)
    found = judged(store, org, state.year, state.period)
    if wanted.part is AccuracyPart.LEANS:
        return lean_table(found.leans, state, texts.PERIOD_LABEL[state.period].lower())
    return pairs_block(found.pairs[:shown], len(found.pairs), state, found.orgs, shown)


def register(app: Dash, store: Store) -> None:
    """A table drawn the first time its part opens (a click or Enter/Space on its line)."""
    drawn_when_opened.register(
        app,
        AccuracyPartIds.LINE,
        AccuracyPartIds.BODY,
        urls.PART_FIELDS,
        texts.PART_LOADING,
        lambda key: part(store, key),
    )
