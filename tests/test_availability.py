"""A database outage: /healthz says 503, pages say so in Swedish, and the same app recovers."""

import json

import pytest

from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import Store
from dashboard.store.database import create_database, make_engine
from dashboard.tools.bench import route_payload
from dashboard.tools.demo_accounts import add_demo_accounts
from dashboard.upload import change_sets, csv_export
from layouts import texts
from layouts.ids import FilterIds, ShellIds
from tests.clients import signed_in
from tests.tiny import tiny_dataset


def _tiny_database(server, name: str) -> str:
    url = create_database(server.url, name)
    store = Store(make_engine(url))
    store.create_schema()
    change_sets.commit(store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    add_demo_accounts(store, actor="test")
    store.engine.dispose()
    return url


@pytest.fixture
def client(own_postgres):
    return signed_in(create_app(Settings(database_url=_tiny_database(own_postgres, "outage"))))


def _post(client, payload: dict) -> str:
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.data[:500]
    return json.dumps(response.get_json(), ensure_ascii=False)


def _filters_payload() -> dict:
    """The filter bar's callback: its output is the URL, not the content area."""
    return {
        "output": f"{FilterIds.URL}.search",
        "outputs": {"id": FilterIds.URL, "property": "search"},
        "inputs": [
            {"id": FilterIds.YEAR, "property": "value", "value": "2025"},
            {"id": FilterIds.PERIOD, "property": "value", "value": "T2"},
            {"id": FilterIds.ORG, "property": "value", "value": "STAD"},
        ],
        "state": [{"id": ShellIds.URL, "property": "search", "value": ""}],
        "changedPropIds": [f"{FilterIds.PERIOD}.value"],
    }


def test_outage_gives_503_and_a_swedish_message_then_recovers(client, own_postgres):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert "goal-card" in _post(client, route_payload("/", ""))

    own_postgres.pause()
    health = client.get("/healthz")
    assert health.status_code == 503 and health.get_json() == {"status": "unavailable"}
    # Even who is signed in cannot be looked up:
    # every request, page or callback, says so in Swedish.
    for answer in [
        client.post("/_dash-update-component", json=payload)
        for payload in (
            route_payload("/", ""),
            route_payload("/avvikelser", ""),
            _filters_payload(),
        )
    ] + [client.get("/"), client.get("/ladda-ned/avvikelser.xlsx")]:
        body = answer.get_data(as_text=True)
        assert answer.status_code == 503 and texts.DATABASE_UNAVAILABLE_HEADING in body
        assert "Traceback" not in body

    own_postgres.resume()  # the same app, no restart: the pool replaces its dead connections
    assert client.get("/healthz").status_code == 200
    assert "goal-card" in _post(client, route_payload("/", ""))


def test_with_open_reading_the_outage_message_fills_the_content_area(own_postgres):
    """Without a user to look up, the callback itself meets the outage; Dash's on_error answers."""
    url = _tiny_database(own_postgres, "open")
    client = create_app(Settings(database_url=url, anonymous_read=True)).server.test_client()
    assert "goal-card" in _post(client, route_payload("/", ""))
    own_postgres.pause()
    for payload in (route_payload("/", ""), _filters_payload()):
        answer = _post(client, payload)
        assert texts.DATABASE_UNAVAILABLE_HEADING in answer and ShellIds.CONTENT in answer
    own_postgres.resume()
    assert "goal-card" in _post(client, route_payload("/", ""))
