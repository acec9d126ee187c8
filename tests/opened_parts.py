"""Prognoser as a person sees it with every table opened: the page, then each closed table as
its callback draws it when opened (issue 20: the long tables are sent on demand)."""

from __future__ import annotations

from dash.development.base_component import Component

from callbacks import accuracy as accuracy_callbacks
from callbacks.routes import page
from layouts import texts, urls
from layouts.ids import AccuracyPartIds
from tests.opened_rows import _walk
from tests.shown import page_text as _text


def opened(store, search: str) -> str:
    """The page's JSON text followed by every closed table, drawn."""
    rendered = page(store, urls.ACCURACY_PATH, search)
    return _text(rendered) + "".join(_text(p) for p in parts(store, rendered))


def parts(store, rendered: Component) -> list[Component]:
    """Each table of a rendered Prognoser page still to be drawn, drawn as its callback does."""
    return [
        accuracy_callbacks.part(store, node.id)
        for node in _walk(rendered)
        if isinstance(getattr(node, "id", None), dict)
        and node.id["type"] == AccuracyPartIds.BODY
        and node.children == texts.PART_LOADING
    ]
