"""Refusals in the Ändringslogg and the server log: a client's text can neither forge a log line
nor flood the log, and a flood of refusals is counted in a few rows instead of burying the rest."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from dashboard.access import accounts, audit
from dashboard.app import create_app
from dashboard.settings import Settings
from dashboard.store import audit as stored_audit
from layouts.ids import UploadIds
from tests.callback_requests import callback_payload

PASSWORD = "ett-langt-losenord"
FORGED = "a.csv\n2026-12-05 04:00:00 WARNING kontrollrummet.audit refused upload by admin\r\x1b[2J"


@pytest.fixture
def app(empty_store):
    accounts.add(empty_store, "lasare", "", accounts.Role.READER, [], PASSWORD, actor="test")
    return create_app(
        Settings(database_url=empty_store.engine.url.render_as_string(hide_password=False))
    )


def _reader(app, address: str):
    client = app.server.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    assert (
        client.post("/logga-in", data={"username": "lasare", "password": PASSWORD}).status_code
        == 302
    )
    return client


def _preview(app, client, name: str) -> None:
    payload = callback_payload(app, UploadIds.FILES, [["data:text/csv;base64,"]], [[name]])
    assert client.post("/_dash-update-component", json=payload).status_code == 200


def _refused_rows(store) -> list[audit.Event]:
    return [e for e in audit.events(store) if e.outcome == audit.REFUSED]


def test_a_file_name_can_neither_forge_nor_flood_a_log_line(app, empty_store, caplog):
    huge = FORGED + "x" * 5_000_000
    with caplog.at_level(logging.WARNING, logger="kontrollrummet.audit"):
        _preview(app, _reader(app, "10.0.0.1"), huge)
    [line] = [r.getMessage() for r in caplog.records if r.name == "kontrollrummet.audit"]
    assert "\n" not in line and "\r" not in line and "\x1b" not in line and "\\n2026-12-05" in line
    assert len(line) < 2_000
    [row] = _refused_rows(empty_store)
    assert "\n" not in row.target and len(row.target) <= 500 and len(row.detail) <= 2_000


def test_a_flood_of_refusals_is_counted_in_a_bounded_number_of_rows(app, empty_store, caplog):
    flooding, other = _reader(app, "10.0.0.1"), _reader(app, "10.0.0.2")
    tries = audit.MAX_REFUSALS_KEPT + 30
    with caplog.at_level(logging.WARNING, logger="kontrollrummet.audit"):
        for number in range(tries):
            _preview(app, flooding, f"fil{number}.csv")
    _preview(app, other, "annan.csv")
    rows = _refused_rows(empty_store)
    assert len(rows) == audit.MAX_REFUSALS_KEPT + 1  # the other address still gets its own row
    assert "annan.csv" in rows[0].target
    with empty_store.engine.connect() as conn:
        total = conn.execute(
            select(func.count() + func.sum(stored_audit.audit_t.c.repeats)).where(
                stored_audit.audit_t.c.address == "10.0.0.1"
            )
        ).scalar_one()
    assert total == tries  # every refusal counted, past the bound without its detail
    assert "30" in rows[1].detail  # the newest kept row says how many more came
    assert (
        len([r for r in caplog.records if r.name == "kontrollrummet.audit"])
        <= audit.MAX_REFUSALS_KEPT + 1
    )
