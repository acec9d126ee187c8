"""The router hands Dash its page as plain data (callbacks/plain.py) instead of components, since
Dash's own serialising of components was a fifth of a page's time above its database floor
(issue 20). What the browser gets must be the same, byte for byte, also when a component built
once for every page (`layouts.components.shared`) is sent again in its kept plain form."""

import pytest
from dash import dcc, html
from dash._utils import to_json

from callbacks import routes
from callbacks.plain import plain
from callbacks.routes import Route, page
from dashboard.access import ANONYMOUS
from dashboard.domain.model import Status
from layouts import urls
from layouts.components import status_badge
from layouts.elements import PLAIN_SLOT

PAGES = [
    ("/", "?ar=2026&period=T2"),
    ("/", "?ar=2026&period=T2&niva=namnd"),
    ("/", "?ar=2026&period=T2&niva=enhet"),
    (urls.goal_path("KF1.3"), "?ar=2026&period=T2"),
    (urls.DEVIATIONS_PATH, "?ar=2026&period=T2"),
    (urls.ACCURACY_PATH, "?ar=2026&period=T2"),
    (urls.GENDER_GAPS_PATH, "?ar=2026&period=T2"),
    (urls.PRESENTATION_PATH, "?ar=2026&period=T2"),
    (urls.ACCESSIBILITY_PATH, ""),
    ("/finns-inte", ""),
]


@pytest.mark.parametrize(("path", "search"), PAGES)
def test_a_page_as_plain_data_is_the_same_json_as_its_components(demo_store, path, search):
    drawn = routes.titled(page(demo_store, path, search), None)
    assert to_json(plain(drawn)) == to_json(drawn)
    again = routes.titled(page(demo_store, path, search), None)  # shared parts' kept forms
    assert to_json(plain(again)) == to_json(drawn)


def test_a_shared_component_keeps_its_plain_form_and_nothing_else_does():
    badge = status_badge(Status.MET)
    sent = plain(html.Div([badge, badge]))
    assert badge.__dict__[PLAIN_SLOT] is sent["props"]["children"][0]
    assert to_json(sent["props"]["children"][1]) == to_json(badge)
    cell = html.Td("5")
    plain(cell)
    assert PLAIN_SLOT not in cell.__dict__


def test_an_indicator_page_with_its_charts_is_the_same_json(demo_store):
    code = demo_store.goal_indicator_facts(
        [demo_store.root_org().id], 2026, "T2", [g.id for g in demo_store.goals(2026)]
    )[0].indicator.code
    drawn = page(demo_store, urls.indicator_path(code), "?ar=2026&period=T2")
    assert any(isinstance(c, html.Picture) for c in drawn._traverse())  # a chart goes through too
    assert to_json(plain(drawn)) == to_json(drawn)


def test_wildcards_tuples_and_components_inside_properties_come_out_as_dash_sends_them():
    drawn = html.Div(
        (
            html.Span("a", **{"aria-hidden": "true", "data-x": 1}),
            None,
            3.5,
            dcc.Dropdown(options=[{"label": html.B("fet"), "value": "v"}], value="v", id="d"),
        ),
        className="c",
        style={"width": "1px"},
    )
    assert to_json(plain(drawn)) == to_json(drawn)


def test_a_handler_that_draws_an_empty_page_gets_the_not_found_page(demo_store):
    empty = Route("/tom", lambda _request: html.Div([]), data=False)
    content, view = routes.serve(demo_store, "/tom", "", ANONYMOUS, None, (empty,))
    assert view is None
    assert to_json(content) == to_json(routes.not_found())
