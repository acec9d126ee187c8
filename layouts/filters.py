"""The filter bar every page shares: year, period and organisation, kept in the URL."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.domain.model import OrgUnit
from layouts import elements as el
from layouts import texts
from layouts.components import aria
from layouts.ids import FilterIds
from layouts.urls import ViewState


def filter_bar(
    state: ViewState,
    periods: Sequence[tuple[int, str]],
    orgs: Sequence[OrgUnit],
    path: str,
    search: str,
) -> html.Form:
    """Dropdowns whose changes the filter callback writes into the URL, through a Location of
    the bar's own (see callbacks/filters.py). The Location is drawn knowing the address: one
    without sets it once drawn, which makes Dash's renderer look at each of the page's
    components again (docs/developing.md, "A request")."""
    years = sorted({y for y, _ in periods}, reverse=True)
    return el.Form(
        [
            dcc.Location(
                id=FilterIds.URL,
                refresh="callback-nav",
                pathname=path,
                search=search,
                hash="",
                href=path + search,  # any value will do: it is only compared with the last one
            ),
            el.Row(
                [
                    el.Col(
                        _select(
                            FilterIds.YEAR,
                            texts.YEAR_LABEL,
                            [(y, str(y)) for y in years],
                            state.year,
                        ),
                        md=2,
                    ),
                    el.Col(
                        _select(
                            FilterIds.PERIOD,
                            texts.PERIOD_FIELD_LABEL,
                            [(p, texts.PERIOD_LABEL[p]) for y, p in periods if y == state.year],
                            state.period,
                        ),
                        md=3,
                    ),
                    el.Col(
                        _select(
                            FilterIds.ORG, texts.ORG_FIELD_LABEL, org_options(orgs), state.org_code
                        ),
                        md=7,
                    ),
                ],
                className="g-2",
            ),
        ],
        className="filters",
        role="search",
        **aria(label=texts.FILTERS_LABEL),
    )


def org_options(orgs: Sequence[OrgUnit]) -> list[tuple[str, str]]:
    """Organisations in tree order, each named with its parent, e.g. "Förskolan Solrosen (Förskola
    Skarpnäck)".

    Names come first so typing the first letters in the native list finds a unit.
    """
    by_id = {org.id: org for org in orgs}
    children: dict[int | None, list[OrgUnit]] = {}
    for org in orgs:
        children.setdefault(org.parent_id, []).append(org)
    options: list[tuple[str, str]] = []

    def visit(parent_id: int | None) -> None:
        for org in sorted(children.get(parent_id, []), key=lambda o: o.name):
            parent = by_id.get(org.parent_id) if org.parent_id is not None else None
            label = (
                f"{org.name} ({parent.name})"
                if parent and parent.parent_id is not None
                else org.name
            )
            options.append((org.code, label))
            visit(org.id)

    visit(None)
    return options


def _select(
    component_id: str, label: str, options: list[tuple[Any, str]], value: object
) -> html.Div:
    """A native <select>: the most robust choice for keyboards and screen readers."""
    return el.Div(
        [
            el.Label(label, html_for=component_id),
            dbc.Select(
                id=component_id,
                options=[{"label": text, "value": str(key)} for key, text in options],
                value=str(value) if value is not None else None,
            ),
        ]
    )
