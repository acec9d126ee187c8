"""Rapportera: the report form's data, its file for the upload's own preview and commit, and
the page and callbacks as a browser (or a forger) uses them."""

import json

import pytest

from dashboard.app import create_app
from dashboard.domain.model import Gender
from dashboard.pages.report_form import form_file, previous_period, report_form, row_of
from dashboard.settings import Settings
from dashboard.upload import change_sets, csv_export
from dashboard.upload.problems import UploadRejected
from layouts import texts
from layouts.ids import ReportFormIds
from layouts.report_form import problem_line
from tests.callback_requests import callback_payload
from tests.clients import signed_in
from tests.demo_db import fill_with_demo
from tests.digest import database_digest
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny_store(empty_store):
    change_sets.commit(empty_store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    return empty_store


def _unit_form(store):
    return report_form(store, store.org("N1-E1"), 2025, "T1")


def _value(store, indicator, org, year, period, gender="T"):
    records = change_sets.stored_records(store, "measurements")
    return next(r for r in records if r[:5] == (indicator, org, year, period, gender))


def test_the_previous_period_steps_back_over_the_year():
    assert previous_period(2026, "T2") == (2026, "T1")
    assert previous_period(2026, "T1") == (2025, "FY")
    assert previous_period(2026, "FY") == (2026, "T2")
    assert previous_period(2026, "M01") == (2025, "M12")
    assert previous_period(2026, "M07") == (2026, "M06")


def test_the_form_lists_the_indicators_the_unit_reports_split_by_gender(tiny_store):
    form = _unit_form(tiny_store)
    assert [(r.indicator.code, r.gender) for r in form.rows] == [
        ("NOJD", Gender.TOTAL),
        ("NOJD", Gender.WOMEN),
        ("NOJD", Gender.MEN),
    ]  # FALL and KOST: neither årsmål nor value at the unit
    total = form.rows[0]
    assert (total.outcome, total.forecast, total.stored) == ("70", "", True)
    assert total.target.target == 85.0 and form.previous == (2024, "FY")


def test_the_form_shows_last_period_and_last_year_beside_the_input(tiny_store):
    form = report_form(tiny_store, tiny_store.org("STAD"), 2025, "FY")
    total = next(r for r in form.rows if r.indicator.code == "NOJD" and r.gender is Gender.TOTAL)
    assert total.last_year == 84.0  # FY 2024
    form = report_form(tiny_store, tiny_store.org("STAD"), 2025, "T2")
    total = next(r for r in form.rows if r.indicator.code == "NOJD" and r.gender is Gender.TOTAL)
    assert total.last_period == 86.0  # T1 2025
    kost = next(r for r in form.rows if r.indicator.code == "KOST")
    assert kost.outcome == ""  # a stored "saknas" with no number


def test_a_stored_status_shows_as_its_marker_so_saving_unchanged_changes_nothing(tiny_store):
    form = report_form(tiny_store, tiny_store.org("STAD"), 2025, "T1")
    kost = next(r for r in form.rows if r.indicator.code == "KOST")
    assert kost.outcome == ".."
    entered = {row.key: (row.outcome, row.forecast) for row in form.rows}
    file, _ = form_file(form, entered, "f.csv")
    [preview] = change_sets.preview(tiny_store, [file]).files
    assert (preview.new, preview.changed) == (0, 0)


def test_swedish_numbers_are_saved_through_the_upload(tiny_store):
    form = _unit_form(tiny_store)
    file, rows = form_file(form, {"NOJD|T": ("90,5", "1 234,5"), "NOJD|K": ("", "")}, "f.csv")
    assert [r.key for r in rows] == ["NOJD|T"]  # an empty, unstored row stays out
    [saved] = change_sets.commit(tiny_store, [file], user_name="enhetschef")
    assert (saved.updated, saved.inserted) == (1, 0) and saved.upload_id
    assert _value(tiny_store, "NOJD", "N1-E1", 2025, "T1")[5:7] == (90.5, 1234.5)
    change_sets.undo(tiny_store, saved.upload_id, user_name="enhetschef")  # an upload's undo
    assert _value(tiny_store, "NOJD", "N1-E1", 2025, "T1")[5:7] == (70.0, None)


def test_a_bad_value_names_the_indicator_and_field_and_nothing_is_written(tiny_store):
    form = _unit_form(tiny_store)
    file, rows = form_file(form, {"NOJD|T": ("90", ""), "NOJD|M": ("", "9x")}, "f.csv")
    before = database_digest(tiny_store)
    with pytest.raises(UploadRejected) as rejected:
        change_sets.commit(tiny_store, [file], user_name="enhetschef")
    assert database_digest(tiny_store) == before
    [problem] = rejected.value.problems
    assert row_of(rows, problem.row).key == "NOJD|M"
    line = problem_line(problem, rows)
    assert line.startswith("Andel nöjda, män, prognos helår: ") and '"9x"' in line


def test_keys_the_form_does_not_have_are_left_out(tiny_store):
    form = _unit_form(tiny_store)
    file, rows = form_file(form, {"FALL|T": ("1", ""), "NOJD|T": ("70", "")}, "f.csv")
    assert [r.key for r in rows] == ["NOJD|T"] and b"FALL" not in file.content


# ---- the page and its callback, as signed-in people use them -------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from dashboard.store import Store
    from dashboard.store.database import make_engine

    path = tmp_path_factory.mktemp("report") / "k.db"
    store = fill_with_demo(Store(make_engine(f"sqlite:///{path}")))
    app = create_app(Settings(database_url=f"sqlite:///{path}"))
    return store, app


def _submit(app, client, entered: dict, button=ReportFormIds.SAVE, org="SKA-FSK-01") -> str:
    key = {"org": org, "year": 2026, "period": "T2"}
    outcomes = [({"type": ReportFormIds.OUTCOME, "index": k}, v[0]) for k, v in entered.items()]
    forecasts = [({"type": ReportFormIds.FORECAST, "index": k}, v[1]) for k, v in entered.items()]
    state = [
        key,
        outcomes,
        [(i, i) for i, _ in outcomes],
        forecasts,
        [(i, i) for i, _ in forecasts],
    ]
    payload = callback_payload(app, ReportFormIds.PREVIEW, [1, 1], state)
    payload["changedPropIds"] = [f"{button}.n_clicks"]
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return json.dumps(response.get_json(), ensure_ascii=False)


def _page(store, user, path="/rapportera/SKA-FSK-01/2026/T2"):
    from callbacks.routes import page

    return str(page(store, path, "", user))


def test_an_editor_gets_the_form_of_their_unit_and_a_reader_none(demo):
    from dashboard.access import accounts

    store, _ = demo
    editor = accounts.principal(store, "enhetschef")
    shown = _page(store, editor)
    assert ReportFormIds.OUTCOME in shown and "Förskolan Solrosen" in shown
    reader = _page(store, accounts.principal(store, "politiker"))
    assert ReportFormIds.OUTCOME not in reader and texts.REFUSED_READ_ONLY in reader
    neighbour = _page(store, editor, "/rapportera/SKA-FSK-02/2026/T2")
    assert ReportFormIds.OUTCOME not in neighbour
    assert texts.NOT_FOUND_HEADING in _page(store, editor, "/rapportera/SKA-FSK-01/2026/T9")


def test_the_form_previews_then_saves_with_the_effect(demo):
    store, app = demo
    client = signed_in(app, "enhetschef")
    before = database_digest(store, leave_out=("audit_event", "login_attempt"))
    previewed = _submit(app, client, {"KF02|T": ("97", "")}, ReportFormIds.PREVIEW)
    assert texts.REPORT_PREVIEW_NOTE in previewed and "→ 97" in previewed
    assert database_digest(store, leave_out=("audit_event", "login_attempt")) == before
    saved = _submit(app, client, {"KF02|T": ("97", "")})
    assert "Sparat som uppladdning" in saved and "Aktivt medarbetarskap" in saved
    assert _value(store, "KF02", "SKA-FSK-01", 2026, "T2")[5] == 97.0
    bad = _submit(app, client, {"KF02|T": ("9,7,5", "")})
    assert "Aktivt medarbetarskap, index i medarbetarenkäten, totalt, utfall" in bad


@pytest.mark.parametrize("who, org", [("politiker", "SKA-FSK-01"), ("enhetschef", "SKA-FSK-02")])
def test_a_hand_made_save_outside_ones_rights_is_refused_and_changes_nothing(demo, who, org):
    store, app = demo
    before = database_digest(store, leave_out=("audit_event", "login_attempt"))
    answer = _submit(app, signed_in(app, who), {"KF02|T": ("1", "")}, org=org)
    assert "Sparat" not in answer and ("ändra" in answer or "behörighet" in answer.lower())
    assert database_digest(store, leave_out=("audit_event", "login_attempt")) == before


def test_the_upload_page_links_an_editor_to_the_form_of_their_unit(demo):
    from dashboard.access import accounts

    store, _ = demo
    shown = _page(store, accounts.principal(store, "enhetschef"), "/uppladdning")
    assert texts.REPORT_FORM_LINKS in shown and "/rapportera/SKA-FSK-01/" in shown
    reader = accounts.principal(store, "politiker")
    assert texts.REPORT_FORM_LINKS not in _page(store, reader, "/uppladdning")
