"""Avvikelser as a person sees it with every listed row opened: the page, then each row's details
as its callback draws them when the row opens (issue 20: details are sent on demand)."""

from __future__ import annotations

from dash.development.base_component import Component

from callbacks import deviations as deviation_callbacks
from callbacks.routes import page
from dashboard.access import ANONYMOUS, Principal
from layouts import urls
from layouts.ids import DeviationIds
from tests.shown import page_text as _text


def opened(store, search: str, user: Principal = ANONYMOUS) -> str:
    """The page's JSON text followed by every listed row's details, as `user` sees them."""
    rendered = page(store, urls.DEVIATIONS_PATH, search, user)
    return _text(rendered) + "".join(_text(d) for d in details(store, rendered, user))


def details(store, rendered: Component, user: Principal = ANONYMOUS) -> list[Component]:
    """Each listed row's details in a rendered Avvikelser page, drawn as its callback does."""
    keys = [node.id for node in _walk(rendered) if isinstance(getattr(node, "id", None), dict)]
    rows = [k for k in keys if k["type"] == DeviationIds.DETAILS]
    return [deviation_callbacks.details(store, key, user) for key in rows]


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list | tuple) else [children]:
        if isinstance(child, Component):
            yield from _walk(child)
