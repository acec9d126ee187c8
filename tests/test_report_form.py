"""Rapportera: the report form's data, its file for the upload's own preview and commit, and
the page and callbacks as a browser (or a forger) uses them."""

import json

import pytest

from dashboard.app import create_app
from dashboard.domain.model import Gender
from dashboard.pages.report_form import (
    PART_ROWS,
    form_file,
    form_parts,
    previous_period,
    report_form,
    row_of,
)
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
    line = problem_line(problem, rows, {})
    assert line.startswith("Andel nöjda, män, prognos helår: ") and '"9x"' in line


def test_a_row_the_browser_did_not_send_is_left_as_stored(tiny_store):
    # a long form draws a part at a time and sends the rows it drew: the others are not emptied
    form = _unit_form(tiny_store)
    file, rows = form_file(form, {"NOJD|K": ("71", "")}, "f.csv")
    assert [r.key for r in rows] == ["NOJD|K"]
    change_sets.commit(tiny_store, [file], user_name="enhetschef")
    assert _value(tiny_store, "NOJD", "N1-E1", 2025, "T1")[5] == 70.0


def test_a_long_form_is_cut_into_parts_never_between_an_indicators_genders(tiny_store):
    rows = report_form(tiny_store, tiny_store.org("STAD"), 2025, "T2").rows
    parts = form_parts(rows, 2)
    assert [rows[i] for part in parts for i in part] == list(rows)
    codes = [{rows[i].indicator.code for i in part} for part in parts]
    assert all(len(part) <= 2 or len(found) == 1 for part, found in zip(parts, codes))
    assert sum(len(found) for found in codes) == len({row.indicator.code for row in rows})
    assert len(parts) > 1 and form_parts(rows, len(rows)) == (range(len(rows)),)


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


def _visible(entered: dict) -> list:
    """The four states of the rows on screen: outcome values and ids, forecast values and ids."""
    outcomes = [({"type": ReportFormIds.OUTCOME, "index": k}, v[0]) for k, v in entered.items()]
    forecasts = [({"type": ReportFormIds.FORECAST, "index": k}, v[1]) for k, v in entered.items()]
    return [outcomes, [(i, i) for i, _ in outcomes], forecasts, [(i, i) for i, _ in forecasts]]


def _key(org: str) -> dict:
    return {"org": org, "year": 2026, "period": "T2"}


def _submit(
    app, client, entered: dict, button=ReportFormIds.SAVE, org="SKA-FSK-01", typed=None
) -> str:
    state = [_key(org), typed or {}, *_visible(entered)]
    payload = callback_payload(app, ReportFormIds.PREVIEW, [1, 1], state)
    payload["changedPropIds"] = [f"{button}.n_clicks"]
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return json.dumps(response.get_json(), ensure_ascii=False)


def _show_part(app, client, part: int, parts: int, entered: dict, typed: dict, org="SKA"):
    """The answer to a click on a part's button: that part's rows and what was typed so far."""
    clicks = [({"type": ReportFormIds.PART, "index": part}, 1)]
    clicks += [({"type": ReportFormIds.PART, "index": i}, None) for i in range(parts) if i != part]
    state = [_key(org), typed, *_visible(entered)]
    payload = callback_payload(app, ReportFormIds.PART, [clicks], state)
    for output in payload["outputs"][3:]:  # the buttons' own props: one entry per button
        output["id"] = json.loads(output["id"])
    payload["outputs"][3:] = [
        [{**output, "id": {**output["id"], "index": i}} for i in range(parts)]
        for output in payload["outputs"][3:]
    ]
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    answer = response.get_json()["response"]
    return json.dumps(answer[ReportFormIds.ROWS], ensure_ascii=False), answer[ReportFormIds.TYPED]


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


def test_a_long_form_shows_a_part_at_a_time_and_saves_what_was_typed_in_every_part(demo):
    from dashboard.access import accounts

    store, app = demo
    form = report_form(store, store.org("SKA"), 2026, "T2")
    parts = form_parts(form.rows, PART_ROWS)
    shown = _page(store, accounts.principal(store, "admin"), "/rapportera/SKA/2026/T2")
    assert len(parts) > 1 and ReportFormIds.PART in shown
    assert {r.key for r in form.rows if f"'{r.key}'" in shown} == {
        form.rows[i].key for i in parts[0]
    }
    client = signed_in(app, "admin")
    first, second = form.rows[parts[0][0]], form.rows[parts[1][0]]
    rows, typed = _show_part(app, client, 1, len(parts), {first.key: ("12", "")}, {})
    assert f'"{second.key}"' in rows and f'"{first.key}"' not in rows
    assert typed["data"] == {first.key: ["12", ""]}
    rows, typed = _show_part(app, client, 0, len(parts), {second.key: ("13", "")}, typed["data"])
    assert '"value": "12"' in rows  # back on the first part, as it was typed
    assert typed["data"] == {first.key: ["12", ""], second.key: ["13", ""]}
    saved = _submit(app, client, {first.key: ("12", "")}, org="SKA", typed=typed["data"])
    assert "Sparat som uppladdning" in saved
    values = [
        _value(store, r.indicator.code, "SKA", 2026, "T2", r.gender.value)[5]
        for r in (first, second)
    ]
    assert values == [12.0, 13.0]
    [latest] = change_sets.list_uploads(store)[:1]
    change_sets.undo(store, latest.id, user_name="admin")  # leave the demo as it was


def test_a_forged_part_draws_the_first_and_typed_values_not_text_pairs_are_dropped(demo):
    store, app = demo
    form = report_form(store, store.org("SKA"), 2026, "T2")
    parts = form_parts(form.rows, PART_ROWS)
    first = form.rows[parts[0][0]].key
    junk = {first: [1, None], "KF01|K": "no", "KF01|M": ["1", "2", "3"]}
    client = signed_in(app, "admin")
    for index in ("1", -1, 10**9):
        rows, typed = _show_part(app, client, index, len(parts), {}, junk)
        assert f'"{first}"' in rows and f'"{form.rows[parts[1][0]].key}"' not in rows
        assert typed["data"] == {}


def test_a_part_is_refused_to_one_who_may_not_report_for_the_organisation(demo):
    _, app = demo
    typed_before = {"KF01|T": ["1", ""]}
    rows, typed = _show_part(app, signed_in(app, "politiker"), 1, 2, {}, typed_before, org="SKA")
    assert ReportFormIds.OUTCOME not in rows and texts.REFUSED_READ_ONLY in rows
    assert typed["data"] == {}


def test_the_upload_page_links_an_editor_to_the_form_of_their_unit(demo):
    from dashboard.access import accounts

    store, _ = demo
    shown = _page(store, accounts.principal(store, "enhetschef"), "/uppladdning")
    assert texts.REPORT_FORM_LINKS in shown and "/rapportera/SKA-FSK-01/" in shown
    reader = accounts.principal(store, "politiker")
    assert texts.REPORT_FORM_LINKS not in _page(store, reader, "/uppladdning")
