"""Att rapportera and Rapportering (issue 18): the landing after signing in, what each role is
offered, and hand-made callback requests refused without a change."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from callbacks.routes import page
from dashboard.access import accounts
from dashboard.app import create_app
from dashboard.domain.reporting import ReportState
from dashboard.followup import due
from dashboard.followup.reporting import Refusal
from dashboard.settings import Settings
from dashboard.store import reporting as stored
from layouts import texts, urls
from layouts.ids import ReportingIds
from tests.callback_requests import callback_payload
from tests.clients import signed_in
from tests.demo_db import fill_with_demo
from tests.digest import database_digest
from tests.shown import page_text as _text

UNIT = "SKA-FSK-01"  # the enhetschef's unit, left unmarked by the demo
LOGS = ("audit_event", "login_attempt")  # what a refusal may add to


def _user(store, username: str):
    return accounts.principal(store, username)


def _page(store, path: str, search: str, username: str) -> str:
    return _text(page(store, path, search, _user(store, username)))


def test_the_demo_opens_t2_2026_with_units_in_each_state(demo_store):
    period = due.open_period(demo_store)
    assert (period.year, period.period) == (2026, "T2")
    ska = [o for o in demo_store.org_units() if o.code.startswith("SKA")]
    states = stored.states(demo_store.engine, [o.id for o in ska], 2026, "T2")
    assert {s.state for s in states.values()} == set(ReportState) - {ReportState.REOPENED}


def test_the_unit_manager_sees_what_their_unit_must_report_linked_to_its_forms(demo_store):
    text = _page(demo_store, urls.TO_REPORT_PATH, f"?org={UNIT}", "enhetschef")
    assert texts.TO_REPORT_HEADING.format(org="Förskolan Solrosen") in text
    assert "Andel barn som deltar i daglig högläsning" in text  # the unit's own indicator
    assert urls.report_form_href(UNIT, 2026, "T2") in text
    assert urls.assessment_path(f"{UNIT}-E1") in text
    assert urls.activity_path(f"{UNIT}-E1-A2026-1") in text
    assert texts.DEADLINE.format(day="2026-09-11") in text
    assert texts.MARK_READY in text and texts.APPROVE not in text


def test_a_reader_is_offered_no_step_and_no_progress(demo_store):
    text = _page(demo_store, urls.TO_REPORT_PATH, f"?org={UNIT}", "politiker")
    assert texts.MARK_READY not in text and texts.APPROVE not in text
    progress = _page(demo_store, urls.PROGRESS_PATH, "?org=SKA", "politiker")
    assert texts.PROGRESS_READERS in progress and texts.MAIL_LIST_LABEL not in progress


def test_the_controller_approves_a_ready_unit_and_sees_progress_with_the_reminder_list(
    demo_store,
):
    ready = _page(demo_store, urls.TO_REPORT_PATH, "?org=SKA-FSK-02", "controller")
    assert texts.APPROVE in ready and texts.MARK_READY not in ready
    text = _page(demo_store, urls.PROGRESS_PATH, "?org=SKA", "controller")
    assert texts.ORG_LEVEL_PLURAL[next(iter(texts.ORG_LEVEL_PLURAL))] in text
    assert "Enhetschef Maria Nyström <enhetschef>" in text  # SKA-FSK-01 has not marked ready
    assert texts.DEADLINES_HEADING not in text  # the deadlines form is for administrators
    assert texts.DEADLINES_HEADING in _page(demo_store, urls.PROGRESS_PATH, "", "admin")


@pytest.mark.parametrize(
    "username, expected",
    [
        ("enhetschef", f"{urls.TO_REPORT_PATH}?org={UNIT}"),
        ("controller", f"{urls.TO_REPORT_PATH}?org=SKA"),
        ("admin", urls.TO_REPORT_PATH),
        ("politiker", urls.OVERVIEW_PATH),
    ],
)
def test_signing_in_lands_editors_on_their_own_list(app, username, expected):
    client = app.server.test_client()
    form = {"username": username, "password": f"demo-{username}"}
    assert client.post("/logga-in", data=form).headers["Location"] == expected
    asked = "/mal/KF1.3?ar=2026&period=T2"  # a link from a mail still leads where it points
    answer = client.post(f"/logga-in?nasta={asked.replace('&', '%26')}", data=form)
    assert answer.headers["Location"] == asked


@pytest.fixture
def store(empty_store):
    return fill_with_demo(empty_store)


@pytest.fixture
def app(store):
    return create_app(Settings(database_url=store.engine.url.render_as_string(hide_password=False)))


def _post(client, payload: dict) -> str:
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return json.dumps(response.get_json(), ensure_ascii=False)


def _ready(app, client, org_code: str) -> str:
    key = {"org": org_code, "year": 2026, "period": "T2"}
    return _post(client, callback_payload(app, ReportingIds.READY, [1], [key]))


def _approve(app, client, org_code: str) -> str:
    key = {"org": org_code, "year": 2026, "period": "T2"}
    return _post(client, callback_payload(app, ReportingIds.APPROVE, [1, None], [key, ""]))


def _deadlines(app, client) -> str:
    state = [2027, "T1", "2027-05-10", "", ""]
    return _post(client, callback_payload(app, ReportingIds.DEADLINE_SAVE, [1], state))


def test_hand_made_requests_from_a_reader_are_refused_and_change_nothing(app, store):
    client = signed_in(app, "politiker")
    before = database_digest(store, leave_out=LOGS)
    assert texts.REPORTING_REFUSAL[Refusal.NOT_ALLOWED] in _ready(app, client, UNIT)
    assert texts.REPORTING_REFUSAL[Refusal.NOT_CONTROLLER] in _approve(app, client, "SKA-FSK-02")
    assert texts.REPORTING_REFUSAL[Refusal.NOT_ADMIN] in _deadlines(app, client)
    assert database_digest(store, leave_out=LOGS) == before


def test_an_editor_marks_their_own_unit_ready_but_not_the_neighbour_nor_approves(app, store):
    client = signed_in(app, "enhetschef")
    assert texts.REPORTING_REFUSAL[Refusal.NOT_ALLOWED] in _ready(app, client, "SKA-FSK-03")
    assert texts.MARKED_READY in _ready(app, client, UNIT)
    assert texts.REPORTING_REFUSAL[Refusal.NOT_CONTROLLER] in _approve(app, client, UNIT)
    controller = signed_in(app, "controller")
    assert texts.APPROVED in _approve(app, controller, UNIT)
    org = store.org(UNIT)
    assert stored.states(store.engine, [org.id], 2026, "T2")[org.id].state is ReportState.APPROVED


def test_an_administrator_opens_a_period_from_the_page(app, store):
    answer = _deadlines(app, signed_in(app, "admin"))
    assert texts.DEADLINES_SAVED.format(period=texts.PERIOD_LABEL["T1"], year=2027) in answer
    assert (due.open_period(store).year, due.open_period(store).period) == (2027, "T1")


def test_without_an_organisation_in_the_link_an_editor_sees_their_own(demo_store):
    text = _page(demo_store, urls.TO_REPORT_PATH, "?ar=2026&period=T2", "enhetschef")
    assert texts.TO_REPORT_HEADING.format(org="Förskolan Solrosen") in text
    city = _page(demo_store, urls.TO_REPORT_PATH, "", "admin")
    assert texts.TO_REPORT_HEADING.format(org=demo_store.root_org().name) in city


def _table_rows(component, caption: str) -> int:
    """The body rows of the page's table with this caption."""
    found = json.dumps(component.to_plotly_json(), default=lambda c: c.to_plotly_json())

    def tables(node):
        if isinstance(node, dict):
            if node.get("type") == "Table":
                yield node
            for value in node.values():
                yield from tables(value)
        elif isinstance(node, list):
            for value in node:
                yield from tables(value)

    for table in tables(json.loads(found)):
        caption_node, *_, body = table["props"]["children"]
        if caption_node["props"]["children"] == caption:
            rows = body["props"]["children"]
            return len(rows)
    raise AssertionError(f"no table {caption!r}")


def test_the_citys_long_lists_show_their_first_rows_and_a_link_to_more(demo_store):
    """At the Stockholm scale the city's two tables were 3,358 rows, 2.7 MB and a frozen
    browser for 1.2 s (issue 20): each shows its first rows, and "Visa fler" adds more."""
    admin = _user(demo_store, "admin")
    period, today = due.open_period(demo_store), dt.date.today()
    listed = sum(1 for d in due.due(demo_store, demo_store.org_units(), period, today) if d.total)
    assert listed > urls.SHOWN_STEP
    first = page(demo_store, urls.PROGRESS_PATH, "?org=STAD", admin)
    assert _table_rows(first, texts.PROGRESS_TABLE_CAPTION) == urls.SHOWN_STEP
    more = min(listed, 2 * urls.SHOWN_STEP)
    assert texts.SHOW_MORE.format(count=more - urls.SHOWN_STEP) in _text(first)
    assert f"{urls.PROGRESS_PATH}?ar=2026&period=T2&org=STAD&{urls.SHOWN_KEY}={more}" in _text(
        first
    )
    every = page(demo_store, urls.PROGRESS_PATH, f"?org=STAD&{urls.SHOWN_KEY}={listed}", admin)
    assert _table_rows(every, texts.PROGRESS_TABLE_CAPTION) == listed
    assert _table_rows(every, texts.NOT_REPORTED_CAPTION) > _table_rows(
        first, texts.NOT_REPORTED_CAPTION
    )
