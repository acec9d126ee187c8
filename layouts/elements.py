"""Dash components for the parts pages repeat (table cells, list items, cards), built cheaply.

Dash's generated constructors check every keyword against the class's properties, formatting an
error message for each whether it is needed or not, and give each instance its own copies of
the property lists: 9–13 µs a component, a sixth of a page's time above its database floor
(issue 20, docs/performance.md). `el.Span(...)` here makes the instance `html.Span(...)` would
— the same attributes, so the same JSON (tests/test_elements.py) — in under 2 µs: the first of
each class is Dash's own, and the property lists it was given are shared with the later ones
(nothing changes them). A property the class does not have is still refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import dash_bootstrap_components as dbc
from dash import dcc, html
from dash.development.base_component import Component

C = TypeVar("C", bound=Component)
# A component built once for every page (layouts.components.shared) holds this attribute: the
# router keeps its plain form there the first time it sends it (callbacks/plain.py).
PLAIN_SLOT = "_plain"
# What Dash's constructor gives each instance besides its properties: the same for a class.
CLASS_LISTS = (
    "_prop_names",
    "_valid_wildcard_attributes",
    "available_properties",
    "available_wildcard_properties",
)


def cheap(kind: type[C]) -> Callable[..., C]:
    """`kind`'s constructor for a class that takes `children` first, cheaply."""
    template: tuple[dict[str, Any], frozenset[str], tuple[str, ...]] | None = None

    def build(children: Any = None, **props: Any) -> C:
        nonlocal template
        if template is None:  # the class's first: Dash's constructor, which checks everything
            made = kind(children, **props)  # type: ignore[call-arg]
            template = (
                {name: made.__dict__[name] for name in CLASS_LISTS},
                frozenset(made.__dict__["_prop_names"]),
                tuple(made.__dict__["_valid_wildcard_attributes"]),
            )
            return made
        lists, names, wildcards = template
        for name in props:
            if name not in names and not (wildcards and name.startswith(wildcards)):
                raise TypeError(f"{kind.__name__} has no property {name!r}")
        made = kind.__new__(kind)
        attributes = made.__dict__
        attributes.update(lists)
        attributes["children"] = children
        attributes.update(props)
        return made

    build.__name__ = build.__qualname__ = kind.__name__
    return build


A = cheap(html.A)
Br = cheap(html.Br)
Caption = cheap(html.Caption)
Details = cheap(html.Details)
Div = cheap(html.Div)
Em = cheap(html.Em)
Form = cheap(html.Form)
H1 = cheap(html.H1)
H2 = cheap(html.H2)
H3 = cheap(html.H3)
Li = cheap(html.Li)
Nav = cheap(html.Nav)
Ol = cheap(html.Ol)
P = cheap(html.P)
Section = cheap(html.Section)
Span = cheap(html.Span)
Strong = cheap(html.Strong)
Summary = cheap(html.Summary)
Table = cheap(html.Table)
Tbody = cheap(html.Tbody)
Td = cheap(html.Td)
Th = cheap(html.Th)
Thead = cheap(html.Thead)
Tr = cheap(html.Tr)
Ul = cheap(html.Ul)
Link = cheap(dcc.Link)
Button = cheap(dbc.Button)
Card = cheap(dbc.Card)
CardBody = cheap(dbc.CardBody)
Col = cheap(dbc.Col)
Label = cheap(dbc.Label)
Row = cheap(dbc.Row)
