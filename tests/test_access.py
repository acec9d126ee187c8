"""Permissions enforced on the server: every writing callback posted by hand, as a browser would
(bypassing what the page shows), by a reader and by an editor outside their organisations.

Each refusal must say why, be logged, and leave the database exactly as it was (its digest
over every table but the logs of refusals and sign-ins).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from dashboard.access import Role, accounts, audit
from dashboard.app import create_app
from dashboard.domain.model import ActivityStatus
from dashboard.settings import Settings
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_formats import ACTIVITIES, ACTIVITY_UPDATES, MEASUREMENTS
from dashboard.upload.csv_import import UploadFile
from layouts import texts
from layouts.ids import ActivityIds, AssessmentIds, MeasureIds, UploadIds
from layouts.texts import OUT_OF_SCOPE
from tests.callback_requests import callback_payload
from tests.clients import signed_in
from tests.demo_db import fill_with_demo
from tests.digest import database_digest

LOGS = ("audit_event", "login_attempt")  # what a refusal may add to
DEMO_FILES = Path(__file__).resolve().parents[1] / "data" / "demo"
OWN_UNIT, NEIGHBOUR = "SKA-FSK-01", "SKA-FSK-02"  # enhetschef's unit and the one next door
OWN_ACTIVITY, NEIGHBOURS_ACTIVITY = "SKA-FSK-01-E1-A2026-1", "SKA-FSK-02-E1-A2022-1"


@pytest.fixture
def store(empty_store):
    return fill_with_demo(empty_store)


@pytest.fixture
def app(store):
    return create_app(Settings(database_url=store.engine.url.render_as_string(hide_password=False)))


def _outcomes(org_code: str, value: float = 55.5) -> UploadFile:
    record = ("KF02", org_code, 2026, "T2", "T", value, None, "ok", "")
    return UploadFile("utfall.csv", csv_export.csv_bytes(MEASUREMENTS, [record]))


def _data_url(file: UploadFile) -> str:
    return "data:text/csv;base64," + base64.b64encode(file.content).decode()


def _post(client, payload: dict) -> str:
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return json.dumps(response.get_json(), ensure_ascii=False)


def _preview(app, client, file: UploadFile) -> str:
    return _post(client, callback_payload(app, UploadIds.FILES, [[_data_url(file)]], [[file.name]]))


def _save(app, client, file: UploadFile) -> str:
    pending = [[file.name, base64.b64encode(file.content).decode()]]
    return _post(client, callback_payload(app, UploadIds.SAVE, [1], [pending]))


def _undo(app, client, upload_id: int) -> str:
    return _post(
        client,
        callback_payload(
            app, UploadIds.UNDO, [[({"type": UploadIds.UNDO, "index": upload_id}, 1)]]
        ),
    )


def _assess(app, client, org_code: str) -> str:
    key = {"goal": "KF1.3", "org": org_code, "year": 2026, "period": "T2", "computed": "not_met"}
    return _post(
        client,
        callback_payload(
            app,
            AssessmentIds.SAVE,
            [1],
            [key, "not_met", "", "Förfalskad analys.", "Förfalskade åtgärder.", ""],
        ),
    )


def _follow_up(app, client, activity_code: str) -> str:
    key = {"activity": activity_code, "year": 2026, "period": "T2"}
    return _post(
        client, callback_payload(app, ActivityIds.SAVE, [1], [key, "cancelled", "Förfalskad."])
    )


def _add_measure(app, client, org_code: str) -> str:
    key = {"goal": "KF1.3", "org": org_code, "year": 2026, "period": "T2"}
    state = [key, "Förfalskad åtgärd.", "Någon", "2026-12-31", None, None]
    return _post(client, callback_payload(app, MeasureIds.ADD, [1, None], state))


def _expected_result(app, client, org_code: str) -> str:
    key = {"goal": "KF1.3", "org": org_code, "year": 2026, "period": "T2"}
    state = [key, "Förfalskat resultat.", "Förfalskat arbetssätt."]
    return _post(client, callback_payload(app, MeasureIds.EXPECTED_SAVE, [1], state))


def _refusals(store) -> list[audit.Event]:
    return [e for e in audit.events(store) if e.outcome == audit.REFUSED]


# ---- a reader changes nothing, whatever they post --------------------------------------------

WRITES = {
    "preview": lambda app, client, store: _preview(app, client, _outcomes(OWN_UNIT)),
    "save": lambda app, client, store: _save(app, client, _outcomes(OWN_UNIT)),
    "undo": lambda app, client, store: _undo(app, client, change_sets.list_uploads(store)[0].id),
    "assessment": lambda app, client, store: _assess(app, client, OWN_UNIT),
    "activity": lambda app, client, store: _follow_up(app, client, OWN_ACTIVITY),
    "measure": lambda app, client, store: _add_measure(app, client, OWN_UNIT),
    "expected result": lambda app, client, store: _expected_result(app, client, OWN_UNIT),
}


@pytest.mark.parametrize("write", WRITES)
def test_a_reader_is_refused_every_write_and_nothing_changes(app, store, write):
    before = database_digest(store, leave_out=LOGS)
    answer = WRITES[write](app, signed_in(app, "politiker"), store)
    assert texts.REFUSED_READ_ONLY in answer
    assert database_digest(store, leave_out=LOGS) == before
    assert [e.username for e in _refusals(store)] == ["politiker"]


@pytest.mark.parametrize("write", WRITES)
def test_without_signing_in_a_callback_is_unauthorised(app, store, write):
    before = database_digest(store, leave_out=LOGS)
    with pytest.raises(AssertionError, match="inte inloggad"):
        WRITES[write](app, app.server.test_client(), store)
    assert database_digest(store, leave_out=LOGS) == before


# ---- an editor writes inside their scope only --------------------------------------------------


@pytest.mark.parametrize("write", [_add_measure, _expected_result])
def test_an_editor_writing_measures_for_the_neighbouring_unit_is_refused(app, store, write):
    client = signed_in(app, "enhetschef")
    before = database_digest(store, leave_out=LOGS)
    assert "ligger utanför din behörighet" in write(app, client, NEIGHBOUR)
    assert database_digest(store, leave_out=LOGS) == before
    [refusal] = _refusals(store)
    assert refusal.username == "enhetschef"
    assert texts.MEASURE_ADDED in _add_measure(app, client, OWN_UNIT)  # its own unit: saved


def test_an_editor_uploading_for_the_neighbouring_unit_is_refused_naming_the_row(app, store):
    client = signed_in(app, "enhetschef")
    before = database_digest(store, leave_out=LOGS)
    preview = _preview(app, client, _outcomes(NEIGHBOUR))
    assert OUT_OF_SCOPE in preview and "rad 2" in preview and NEIGHBOUR in preview
    saved = _save(app, client, _outcomes(NEIGHBOUR))  # sent anyway, bypassing the disabled button
    assert OUT_OF_SCOPE in saved and texts.SAVED_HEADING not in saved
    assert database_digest(store, leave_out=LOGS) == before
    [refusal] = _refusals(store)
    assert refusal.username == "enhetschef" and refusal.action == audit.UPLOAD


def test_a_file_mixing_own_and_neighbouring_rows_is_refused_as_a_whole(app, store):
    records = [
        ("KF02", org, 2026, "T2", "T", 61.0, None, "ok", "") for org in (OWN_UNIT, NEIGHBOUR)
    ]
    mixed = UploadFile("utfall.csv", csv_export.csv_bytes(MEASUREMENTS, records))
    before = database_digest(store, leave_out=LOGS)
    answer = _save(app, signed_in(app, "enhetschef"), mixed)
    assert "rad 3" in answer and "rad 2" not in answer  # only the neighbour's row is named
    assert database_digest(store, leave_out=LOGS) == before


def test_an_editor_uploads_their_own_units_outcomes_and_the_log_names_them(app, store):
    answer = _save(app, signed_in(app, "enhetschef"), _outcomes(OWN_UNIT, 55.5))
    assert texts.SAVED_HEADING in answer
    [latest] = [e for e in audit.events(store, action=audit.UPLOAD)][:1]
    assert latest.username == "enhetschef" and latest.target == "utfall.csv"


def test_a_nämnd_controller_may_upload_for_every_unit_below_it(app, store):
    answer = _save(app, signed_in(app, "controller"), _outcomes(NEIGHBOUR))
    assert texts.SAVED_HEADING in answer


@pytest.mark.parametrize(
    "file",
    [
        UploadFile(
            "indikatorer.csv",
            b"\r\n".join((DEMO_FILES / "indikatorer.csv").read_bytes().splitlines()[:2]),
        ),
        UploadFile(
            "aktiviteter.csv",
            csv_export.csv_bytes(
                ACTIVITIES,
                [
                    (
                        "SKA-FSK-02-E1-A2022-1",
                        "SKA-FSK-01-E1",
                        OWN_UNIT,
                        "Flyttad hit",
                        "Någon",
                        dt.date(2022, 1, 1),
                        dt.date(2022, 12, 31),
                        ActivityStatus.ONGOING,
                    )
                ],
            ),
        ),
        UploadFile(
            "aktivitetsuppfoljning.csv",
            csv_export.csv_bytes(
                ACTIVITY_UPDATES,
                [("SKA-FSK-02-E1-A2022-1", 2026, "T2", ActivityStatus.DELAYED, "")],
            ),
        ),
    ],
    ids=["structure", "moving-the-neighbours-activity", "the-neighbours-activity-follow-up"],
)
def test_an_editor_cannot_reach_outside_by_other_files(app, store, file, caplog):
    before = database_digest(store, leave_out=LOGS)
    with caplog.at_level(logging.WARNING, logger="kontrollrummet.audit"):
        answer = _save(app, signed_in(app, "enhetschef"), file)
    assert texts.SAVED_HEADING not in answer and (
        "utanför din behörighet" in answer or "administratör" in answer
    )
    assert database_digest(store, leave_out=LOGS) == before
    [refusal] = _refusals(store)  # in the Ändringslogg and the server log, admin-only files too
    assert (
        refusal.username == "enhetschef"
        and refusal.action == audit.UPLOAD
        and file.name in refusal.target
    )
    assert any(
        file.name in r.getMessage() for r in caplog.records if r.name == "kontrollrummet.audit"
    )


def test_an_editor_assesses_their_own_unit_but_not_the_neighbours(app, store):
    client = signed_in(app, "enhetschef")
    before = database_digest(store, leave_out=LOGS)
    refused = _assess(app, client, NEIGHBOUR)
    assert "ligger utanför din behörighet" in refused
    assert database_digest(store, leave_out=LOGS) == before
    assert "sparad" in _assess(app, client, OWN_UNIT).lower()
    [saved] = [e for e in audit.events(store, action=audit.ASSESSMENT) if e.outcome == audit.DONE]
    assert saved.username == "enhetschef" and OWN_UNIT in saved.target


def test_an_editor_follows_up_their_own_units_activities_but_not_the_neighbours(app, store):
    client = signed_in(app, "enhetschef")
    before = database_digest(store, leave_out=LOGS)
    assert "ligger utanför din behörighet" in _follow_up(app, client, NEIGHBOURS_ACTIVITY)
    assert database_digest(store, leave_out=LOGS) == before
    assert "sparad" in _follow_up(app, client, OWN_ACTIVITY)
    [saved] = [e for e in audit.events(store, action=audit.ACTIVITY) if e.outcome == audit.DONE]
    assert saved.username == "enhetschef" and saved.target.startswith(OWN_ACTIVITY)


def test_editors_undo_their_own_uploads_only_and_admins_any(app, store):
    _save(app, signed_in(app, "controller"), _outcomes(NEIGHBOUR))
    controllers = change_sets.list_uploads(store)[0].id
    before = database_digest(store, leave_out=LOGS)
    assert texts.REFUSED_UNDO in _undo(app, signed_in(app, "enhetschef"), controllers)
    assert database_digest(store, leave_out=LOGS) == before
    assert "ångrad" in _undo(app, signed_in(app, "admin"), controllers)
    [undone] = [e for e in audit.events(store, action=audit.UNDO) if e.outcome == audit.DONE]
    assert undone.username == "admin"


@pytest.mark.parametrize("new_scope, undone", [(NEIGHBOUR, False), (OWN_UNIT, True)])
def test_an_editor_undoes_their_own_upload_only_within_their_scope_now(
    app, store, new_scope, undone
):
    _save(app, signed_in(app, "enhetschef"), _outcomes(OWN_UNIT))
    own = change_sets.list_uploads(store)[0].id
    accounts.remove(
        store, "enhetschef", actor="test"
    )  # the account made again, for a unit of its scope now
    accounts.add(
        store, "enhetschef", "", Role.EDITOR, [new_scope], "ett-nytt-losenord", actor="test"
    )
    client = app.server.test_client()
    client.post("/logga-in", data={"username": "enhetschef", "password": "ett-nytt-losenord"})
    before = database_digest(store, leave_out=LOGS)
    answer = _undo(app, client, own)
    if undone:
        assert "ångrad" in answer
        return
    assert texts.REFUSED_UNDO in answer
    assert database_digest(store, leave_out=LOGS) == before
    assert [e.action for e in _refusals(store)] == [audit.UNDO]


@pytest.mark.parametrize(
    "year, period",
    [
        (1999, "T2"),
        (2999, "T2"),
        (1, "T2"),
        (2026, "Q9"),
        ("2026", "T2"),
        (True, "T2"),
        (None, None),
        ([2026], {"T": 2}),
        (2026.5, "T2"),
    ],
)
def test_an_assessment_for_a_year_or_period_not_reported_is_refused(app, store, year, period):
    key = {"goal": "KF1.3", "org": OWN_UNIT, "year": year, "period": period, "computed": "not_met"}
    before = database_digest(store, leave_out=LOGS)
    answer = _post(
        signed_in(app, "enhetschef"),
        callback_payload(
            app, AssessmentIds.SAVE, [1], [key, "not_met", "", "Analys.", "Åtgärder.", ""]
        ),
    )
    assert texts.ASSESSMENT_BAD_PERIOD in answer
    assert database_digest(store, leave_out=LOGS) == before


@pytest.mark.parametrize(
    "key",
    [
        None,
        [],
        "KF1.3",
        {"goal": 5, "org": OWN_UNIT, "year": 2026, "period": "T2"},
        {"goal": "KF1.3\x00", "org": OWN_UNIT, "year": 2026, "period": "T2"},
        {},
    ],
)
def test_an_odd_assessment_key_is_refused_without_a_server_error(app, store, key):
    answer = _post(
        signed_in(app, "enhetschef"),
        callback_payload(
            app, AssessmentIds.SAVE, [1], [key, "not_met", "", "Analys.", "Åtgärder.", ""]
        ),
    )
    assert texts.NOT_FOUND_TEXT in answer or texts.ASSESSMENT_BAD_PERIOD in answer
    _post(
        signed_in(app, "enhetschef"),
        callback_payload(app, AssessmentIds.STATUS, ["påhittad"], [key]),
    )


def test_an_unknown_status_is_not_saved(app, store):
    key = {"goal": "KF1.3", "org": OWN_UNIT, "year": 2026, "period": "T2", "computed": "not_met"}
    before = database_digest(store, leave_out=LOGS)
    answer = _post(
        signed_in(app, "enhetschef"),
        callback_payload(
            app, AssessmentIds.SAVE, [1], [key, "påhittad", "", "Analys.", "Åtgärder.", ""]
        ),
    )
    assert texts.SAVED.partition(" {")[0] not in answer
    assert database_digest(store, leave_out=LOGS) == before


# ---- pages show only what the person may use ---------------------------------------------------


def _page(app, client, path: str, search: str = "") -> str:
    from dashboard.tools.bench import route_payload

    return _post(client, route_payload(path, search))


def test_the_upload_page_tells_a_reader_and_an_editor_what_they_may_do(app):
    assert texts.REFUSED_READ_ONLY in _page(app, signed_in(app, "politiker"), "/uppladdning")
    editor = _page(app, signed_in(app, "enhetschef"), "/uppladdning")
    scope = f"Förskolan Solrosen ({OWN_UNIT})"
    assert texts.UPLOAD_SCOPE_NOTE.format(scope=scope) in editor and UploadIds.FILES in editor


def test_the_assessment_form_is_offered_only_inside_the_scope(app):
    client = signed_in(app, "enhetschef")
    own = _page(app, client, "/mal/KF1.3/bedomning", f"?org={OWN_UNIT}&ar=2026&period=T2")
    neighbour = _page(app, client, "/mal/KF1.3/bedomning", f"?org={NEIGHBOUR}&ar=2026&period=T2")
    assert AssessmentIds.SAVE in own and AssessmentIds.SAVE not in neighbour
    assert "ligger utanför din behörighet" in neighbour


def test_the_audit_log_is_for_administrators_and_names_every_author(app, store):
    _save(app, signed_in(app, "enhetschef"), _outcomes(OWN_UNIT))
    _save(app, signed_in(app, "politiker"), _outcomes(OWN_UNIT))
    assert texts.REFUSED_ADMIN_ONLY in _page(app, signed_in(app, "controller"), "/andringslogg")
    log = _page(app, signed_in(app, "admin"), "/andringslogg")
    assert (
        "enhetschef" in log and "politiker" in log and texts.AUDIT_OUTCOME_LABEL["refused"] in log
    )
    only_refusals_by_politiker = _page(
        app, signed_in(app, "admin"), "/andringslogg", "?anvandare=politiker"
    )
    assert (
        "enhetschef"
        not in only_refusals_by_politiker.split(texts.AUDIT_CAPTION.format(limit=500))[1]
    )
