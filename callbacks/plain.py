"""A drawn page as the plain data Dash would send for it, made in one walk.

Dash serialises a callback's components one by one through `to_plotly_json`, called from the
JSON encoder's `default` hook: for each component it asks `hasattr` of every property name
its class knows and tests every attribute against the wildcard prefixes, and then the encoder
runs in Python instead of C. Handing Dash the same dicts, built here from each component's
own attributes in the same order, gives the same bytes in about a third of the time (the
router's answer: tests/test_plain.py compares them). The components themselves are left as
they are, so layouts and their tests keep walking component trees; only a component built once
for every page (`layouts.components.shared`, which nothing changes) keeps its plain form, sent
again wherever it appears (an Översikt holds 48 trend points).
"""

from __future__ import annotations

from typing import Any

from dash.development.base_component import Component

from layouts.elements import PLAIN_SLOT

_LEAVES = frozenset({str, int, float, bool, type(None)})  # most values: tested first, by type


def plain(value: Any) -> Any:
    """`value` with every component in it replaced by its `to_plotly_json` dict, recursively;
    anything else that is not a list, tuple or dict is left for Dash's encoder."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list or kind is tuple:
        return [plain(item) for item in value]
    if isinstance(value, Component):
        return _component(value)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def _component(component: Component) -> dict[str, Any]:
    """What `Component.to_plotly_json` returns, with the property values made plain too: the
    class's properties in their declared order, then the wildcard ones (`data-*`, `aria-*`) in
    the order they were set."""
    attributes = component.__dict__
    kept = attributes.get(PLAIN_SLOT)
    if kept is not None:
        return kept  # type: ignore[no-any-return]
    props = {}
    for name in component._prop_names:  # type: ignore[attr-defined]
        if name in attributes:
            item = attributes[name]
            props[name] = item if type(item) in _LEAVES else plain(item)
    for key, item in attributes.items():
        if "-" in key:  # no other attribute has one: a property name is an identifier
            for prefix in component._valid_wildcard_attributes:  # type: ignore[attr-defined]
                if key.startswith(prefix):
                    props[key] = plain(item)
                    break
    made = {"props": props, "type": component._type, "namespace": component._namespace}
    if PLAIN_SLOT in attributes:  # built once for every page, never changed: sent the same
        attributes[PLAIN_SLOT] = made
    return made
