"""`layouts.elements` builds the repeated parts of pages without Dash's constructor (issue 20):
what it builds must be the instance Dash would have built, sent as the same JSON."""

import json

import dash_bootstrap_components as dbc
import plotly
import pytest
from dash import dcc, html

from layouts import elements as el
from layouts.elements import cheap

CASES = [
    (el.Td, html.Td, "5,0", {"className": "num", "data-label": "Utfall"}),
    (el.Td, html.Td, None, {"className": None}),
    (el.Span, html.Span, ["▲", html.B("x")], {"className": "symbol", "aria-hidden": "true"}),
    (el.Li, html.Li, "en rad", {}),
    (el.Div, html.Div, [], {"role": "region", "tabIndex": 0, "aria-label": "Tabell"}),
    (el.Link, dcc.Link, "Mål 1", {"href": "/mal/1", "title": "Sortera"}),
    (el.Col, dbc.Col, html.P("kort"), {"lg": 6}),
    (el.Card, dbc.Card, None, {"className": "goal-card"}),
]


def _sent(component) -> str:
    return json.dumps(component, cls=plotly.utils.PlotlyJSONEncoder)


@pytest.mark.parametrize(("build", "kind", "children", "props"), CASES)
def test_an_element_is_the_component_dash_builds(build, kind, children, props):
    build(children, **props)  # perhaps the class's first: made by Dash itself
    built, expected = build(children, **props), kind(children, **props)
    assert type(built) is kind
    assert built.__dict__ == expected.__dict__
    assert _sent(built) == _sent(expected)


def test_an_element_refuses_a_property_its_class_does_not_have():
    td = cheap(html.Td)
    with pytest.raises(TypeError):
        td("a", colour="red")  # the first: Dash's own check
    td("a")
    with pytest.raises(TypeError, match="colour"):
        td("a", colour="red")
    el.Link("a", href="/")
    with pytest.raises(TypeError):
        el.Link("a", href="/", **{"data-x": 1})  # dcc.Link takes no data-*


def test_elements_of_a_class_share_nothing_a_page_can_change():
    first, second = el.Li("a", className="x"), el.Li("b", className="y")
    second.children = "c"
    assert (first.children, first.className) == ("a", "x")


BUILDERS = [
    name
    for name, value in vars(el).items()
    if callable(value) and name[0].isupper() and getattr(value, "__module__", "") == el.__name__
]


@pytest.mark.parametrize("name", BUILDERS)
def test_every_builder_makes_the_instance_its_dash_class_would(name):
    build = getattr(el, name)
    props = {"className": "c", **({"href": "/"} if name == "Link" else {})}
    kind = type(build("t", **props))
    built, expected = build("t", **props), kind("t", **props)
    assert type(built) is kind
    assert kind.__name__ == name
    assert built.__dict__ == expected.__dict__
