"""The app factory and the first page, driven through Dash's own HTTP endpoints."""

import json
from dataclasses import fields
from pathlib import Path

import pytest

from dashboard.app import create_app
from dashboard.domain.model import GoalLevel
from dashboard.settings import Settings
from dashboard.store.database import make_engine, upgrade
from dashboard.tools.bench import route_payload
from layouts import texts
from layouts.ids import FilterIds, ShellIds
from tests.clients import signed_in


@pytest.fixture
def client(demo_store):
    url = demo_store.engine.url.render_as_string(hide_password=False)
    return signed_in(create_app(Settings(database_url=url)))


def _route(client, pathname: str, search: str = "") -> str:
    """Ask the router for a page, as the browser does after loading the URL."""
    response = client.post("/_dash-update-component", json=route_payload(pathname, search))
    assert response.status_code == 200, response.data[:500]
    return json.dumps(response.get_json(), ensure_ascii=False)


def test_index_page_declares_swedish(client):
    html = client.get("/").get_data(as_text=True)
    assert '<html lang="sv">' in html
    assert "<title>Kontrollrummet</title>" in html


def test_overview_shows_every_kf_goal_with_a_status(client, demo_store):
    year, period = demo_store.reported_periods()[-1]
    page = _route(client, "/")
    kf_goals = demo_store.goals(year, (GoalLevel.COUNCIL,))
    assert kf_goals
    for goal in kf_goals:
        assert json.dumps(goal.title, ensure_ascii=False)[1:-1] in page
    assert page.count("goal-card status-") == len(kf_goals)
    assert any(label in page for label in texts.STATUS_LABEL.values())
    assert texts.PERIOD_LABEL[period] in page


def test_overview_follows_the_period_in_the_url(client, demo_store):
    year, period = demo_store.reported_periods()[0]
    page = _route(client, "/", f"?ar={year}&period={period}")
    intro = texts.OVERVIEW_INTRO[GoalLevel.COUNCIL].format(
        org=demo_store.root_org().name, period=texts.PERIOD_LABEL[period].lower(), year=year
    )
    assert json.dumps(intro, ensure_ascii=False)[1:-1] in page


def _filters(client, year: int, period: str, org: str, search: str):
    """The filter bar's callback, as the browser calls it when a filter changes."""
    payload = {
        "output": f"{FilterIds.URL}.search",
        "outputs": {"id": FilterIds.URL, "property": "search"},
        "inputs": [
            {"id": FilterIds.YEAR, "property": "value", "value": str(year)},
            {"id": FilterIds.PERIOD, "property": "value", "value": period},
            {"id": FilterIds.ORG, "property": "value", "value": org},
        ],
        "state": [{"id": ShellIds.URL, "property": "search", "value": search}],
        "changedPropIds": [f"{FilterIds.PERIOD}.value"],
    }
    return client.post("/_dash-update-component", json=payload)


def test_filters_write_the_url_keeping_the_rest_of_the_query(client, demo_store):
    year, period = demo_store.reported_periods()[0]
    response = _filters(client, year, period, "STAD", "?niva=namnd").get_json()
    assert (
        response["response"][FilterIds.URL]["search"]
        == f"?ar={year}&period={period}&org=STAD&niva=namnd"
    )


def test_a_new_period_keeps_the_lists_filters(client, demo_store):
    (year, first), (_, second) = demo_store.reported_periods()[:2]
    search = f"?ar={year}&period={first}&org=SKA&status=delvis&malniva=kf&nya=ja&visa=50"
    response = _filters(client, year, second, "SKA", search).get_json()
    assert response["response"][FilterIds.URL]["search"] == search.replace(first, second)


def test_another_organisation_drops_the_part_of_the_old_one(client, demo_store):
    year, period = demo_store.reported_periods()[-1]
    search = f"?ar={year}&period={period}&org=SKA&status=delvis&inom=SKA-IFO"
    response = _filters(client, year, period, "STAD", search).get_json()
    assert response["response"][FilterIds.URL]["search"] == (
        f"?ar={year}&period={period}&org=STAD&status=delvis"
    )


def test_filters_that_did_not_change_leave_the_url_alone(client, demo_store):
    """A bar that fires while its page is replaced, e.g. just after a count's link was
    followed, must not write the old page's view over the new page's filters (CI saw Avvikelser
    lose "status=delvis" that way)."""
    year, period = demo_store.reported_periods()[-1]
    search = f"?ar={year}&period={period}&org=SKA&status=delvis"
    assert _filters(client, year, period, "SKA", search).get_json()["response"] == {}


def test_unknown_path_says_so(client):
    assert texts.NOT_FOUND_HEADING in _route(client, "/finns-inte")


def test_a_second_app_gets_its_own_callbacks_and_database(client, tmp_path):
    empty = Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}", anonymous_read=True)
    upgrade(make_engine(empty.database_url))
    assert texts.EMPTY_DATABASE in _route(create_app(empty).server.test_client(), "/")
    assert texts.EMPTY_DATABASE not in _route(client, "/")


def test_accessibility_statement_names_the_contact_address(tmp_path):
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'k.db'}",
        contact_email="tillganglighet@kommun.se",
        anonymous_read=True,
    )
    upgrade(make_engine(settings.database_url))
    page = _route(create_app(settings).server.test_client(), "/tillganglighet")
    assert texts.A11Y_HEADING in page and "mailto:tillganglighet@kommun.se" in page


def test_every_setting_is_documented_in_the_readme():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for field in fields(Settings):
        assert f"`{field.name}`" in readme
        assert f"`KONTROLLRUMMET_{field.name.upper()}`" in readme


def test_filters_that_show_what_a_plain_address_shows_leave_it_alone(client, demo_store):
    """ "/" shows the city at the latest period: a bar firing with just that adds nothing to the
    address (a spurious write would make a new history entry and redraw the page)."""
    year, period = demo_store.reported_periods()[-1]
    root = demo_store.root_org().code
    assert _filters(client, year, period, root, "").get_json()["response"] == {}
