"""The route table: a page added by one line of it is served, has its menu entry and callbacks.

The tiny page here stands for a new developer's page (docs/developing.md, "Add a page"): a
handler that draws the filter bar and a button, and one callback; nothing else is touched.
"""

from __future__ import annotations

import json

import pytest
from dash import Dash, Input, Output, html

from callbacks import filters
from callbacks.request import PageRequest
from callbacks.routes import ROUTES, Route, match, nav_entries
from dashboard.access import ANONYMOUS
from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.tools.bench import route_payload
from layouts import urls
from tests.clients import signed_in

TINY_PATH = "/liten/<code>"
TINY_LABEL = "Liten sida"


def tiny_page(request: PageRequest) -> html.Div:
    """Its data would come from dashboard/pages/liten.py, its drawing from layouts/liten.py."""
    return html.Div(
        [
            html.H1(f"Liten {request.params['code']} {request.org.name} {request.state.year}"),
            filters.bar(request),
            html.Button("Tryck", id="tiny-button"),
            html.P(id="tiny-answer"),
        ]
    )


def tiny_callbacks(app: Dash, store: Store) -> None:
    @app.callback(Output("tiny-answer", "children"), Input("tiny-button", "n_clicks"))
    def answer(clicks: int | None) -> str:
        return f"{clicks or 0} tryck, {len(store.reported_periods())} perioder"


TINY_ROUTES = (*ROUTES, Route(TINY_PATH, tiny_page, TINY_LABEL, callbacks=tiny_callbacks))


@pytest.fixture
def client(demo_store):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    return signed_in(create_app(Settings(database_url=url), TINY_ROUTES))


def _post(client, payload: dict) -> str:
    response = client.post(f"{urls.CALLBACK_PREFIX}update-component", json=payload)
    assert response.status_code == 200, response.data[:500]
    return json.dumps(response.get_json(), ensure_ascii=False)


def test_a_page_added_to_the_route_table_is_served(client, demo_store):
    year, period = demo_store.reported_periods()[0]
    page = _post(client, route_payload("/liten/A1", f"?ar={year}&period={period}&org=SKA"))
    assert f"Liten A1 {demo_store.org('SKA').name} {year}" in page
    assert "filter-year" in page  # the filter bar, writing the URL as on every page


def test_its_menu_entry_and_callback_come_with_its_line(client):
    layout = client.get(f"{urls.CALLBACK_PREFIX}layout").get_data(as_text=True)
    assert TINY_LABEL in layout
    payload = {
        "output": "tiny-answer.children",
        "outputs": {"id": "tiny-answer", "property": "children"},
        "inputs": [{"id": "tiny-button", "property": "n_clicks", "value": 2}],
        "changedPropIds": ["tiny-button.n_clicks"],
        "state": [],
    }
    assert "2 tryck" in _post(client, payload)


def test_the_standard_app_does_not_serve_it(demo_store):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    page = _post(signed_in(create_app(Settings(database_url=url))), route_payload("/liten/A1", ""))
    assert "Liten A1" not in page


def test_patterns_match_as_the_router_always_did():
    assert match(urls.OVERVIEW_PATH, "/") == {} and match(urls.OVERVIEW_PATH, "//") == {}
    assert match(urls.DEVIATIONS_PATH, "/avvikelser/") is None
    assert match(urls.GOAL_PATTERN, "/mal/K1/") == {"code": "K1"}
    assert match(urls.GOAL_PATTERN, "/mal/A/B") == {"code": "A/B"}  # a code may hold a slash
    assert match(urls.ASSESSMENT_PATTERN, "/mal/A/B/bedomning") == {"code": "A/B"}
    assert match(urls.GOAL_PATTERN, "/malX/K1") is None


def test_the_menu_is_the_routes_with_a_label():
    labels = [entry.label for entry in nav_entries(ANONYMOUS, TINY_ROUTES)]
    assert labels[-1] == TINY_LABEL
    assert [e.path for e in nav_entries(ANONYMOUS)] == [
        r.pattern for r in ROUTES if r.nav and r.shown_to(ANONYMOUS)
    ]
