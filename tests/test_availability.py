"""A database outage: /healthz says 503, pages say so in Swedish, and the same app recovers."""

import json

import pytest

from dashboard import change_sets, csv_export
from dashboard.app import create_app
from dashboard.bench import route_payload
from dashboard.database import make_engine
from dashboard.settings import Settings
from dashboard.store import Store
from layouts import texts
from layouts.ids import FilterIds, ShellIds
from tests.postgres import create_database
from tests.tiny import tiny_dataset


@pytest.fixture
def client(own_postgres):
    url = create_database(own_postgres.url, "outage")
    store = Store(make_engine(url))
    store.create_schema()
    change_sets.commit(store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    store.engine.dispose()
    return create_app(Settings(database_url=url)).server.test_client()


def _post(client, payload: dict) -> str:
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.data[:500]
    return json.dumps(response.get_json(), ensure_ascii=False)


def _filters_payload() -> dict:
    """The filter bar's callback: its output is the URL, not the content area."""
    return {
        "output": f"{ShellIds.URL}.search",
        "outputs": {"id": ShellIds.URL, "property": "search"},
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
    for payload in (route_payload("/", ""), route_payload("/avvikelser", ""), _filters_payload()):
        answer = _post(client, payload)
        assert texts.DATABASE_UNAVAILABLE_HEADING in answer and ShellIds.CONTENT in answer
        assert "Traceback" not in answer
    download = client.get("/ladda-ned/avvikelser.xlsx")
    assert download.status_code == 503
    assert texts.DATABASE_UNAVAILABLE_HEADING in download.get_data(as_text=True)

    own_postgres.resume()  # the same app, no restart: the pool replaces its dead connections
    assert client.get("/healthz").status_code == 200
    assert "goal-card" in _post(client, route_payload("/", ""))
