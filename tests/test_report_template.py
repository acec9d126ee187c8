"""Prefilled templates: exactly an organisation's rows, informative columns the import ignores,
and a round trip through the upload, as CSV and from the workbook saved as CSV."""

import csv
import io

import pytest
from openpyxl import load_workbook

from dashboard.app import create_app
from dashboard.pages.report_form import report_form
from dashboard.pages.report_template import prefilled_csv, prefilled_workbook
from dashboard.settings import Settings
from dashboard.upload import change_sets, csv_export
from dashboard.upload.csv_import import UploadFile
from tests.clients import signed_in
from tests.demo_db import fill_with_demo
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny_store(empty_store):
    change_sets.commit(empty_store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    return empty_store


def _stad(store):
    return report_form(store, store.org("STAD"), 2025, "T1")


def _rows(file: UploadFile) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(file.content.decode("utf-8-sig")), delimiter=";"))


def _value(store, indicator, org, year, period, gender="T"):
    records = change_sets.stored_records(store, "measurements")
    return next(r for r in records if r[:5] == (indicator, org, year, period, gender))


def test_the_csv_lists_exactly_the_organisations_rows_with_names_and_targets(tiny_store):
    rows = _rows(prefilled_csv(_stad(tiny_store)))
    assert [(r["indikator"], r["kön"]) for r in rows] == [
        ("FALL", "T"),
        ("FALL", "K"),
        ("FALL", "M"),
        ("KOST", "T"),
        ("NOJD", "T"),
        ("NOJD", "K"),
        ("NOJD", "M"),
    ]
    nojd = rows[4]
    assert (nojd["namn (info)"], nojd["årsmål (info)"], nojd["utfall"], nojd["prognos"]) == (
        "Andel nöjda",
        "85",
        "86",
        "88",
    )
    assert nojd["förra perioden FY 2024 (info)"] == "84"
    assert {r["organisation"] for r in rows} == {"STAD"}


def test_the_template_uploaded_as_it_is_changes_no_stored_value(tiny_store):
    [file] = change_sets.preview(tiny_store, [prefilled_csv(_stad(tiny_store))]).files
    # FALL's K and M rows are empty and new: saved as "saknas" (docs/import.md)
    assert (file.new, file.changed, file.unchanged) == (2, 0, 5)
    assert any("namn (info)" in note for note in file.notes)


def test_the_filled_csv_template_saves_the_typed_numbers(tiny_store):
    rows = _rows(prefilled_csv(_stad(tiny_store)))
    rows[4]["utfall"] = "90,5"
    rows[0]["prognos"] = "1 234,5"
    saved = _commit(tiny_store, rows)
    assert saved.upload_id and _value(tiny_store, "NOJD", "STAD", 2025, "T1")[5] == 90.5
    assert _value(tiny_store, "FALL", "STAD", 2025, "T1")[6] == 1234.5


def _commit(store, rows: list[dict[str, str]]):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    file = UploadFile("utfall-ifylld.csv", buffer.getvalue().encode("utf-8-sig"))
    [saved] = change_sets.commit(store, [file], user_name="test")
    return saved


def test_the_workbook_checks_its_cells_and_saved_as_csv_uploads(tiny_store):
    book = load_workbook(io.BytesIO(prefilled_workbook(_stad(tiny_store)).content))
    sheet = book["utfall"]
    kinds = {v.type for v in sheet.data_validations.dataValidation}
    assert kinds == {"list", "decimal"}
    header = [cell.value for cell in sheet[1]]
    sheet.cell(6, header.index("utfall") + 1).value = 91.25  # NOJD, T: typed in Excel
    rows = [
        dict(zip(header, (_as_excel_writes(cell.value) for cell in row)))
        for row in sheet.iter_rows(min_row=2)
    ]
    _commit(tiny_store, rows)
    assert _value(tiny_store, "NOJD", "STAD", 2025, "T1")[5] == 91.25


def _as_excel_writes(value) -> str:
    """A cell as Swedish Excel's "CSV (semikolonavgränsad)" writes it."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def test_the_template_route_serves_prefilled_csv_and_workbook(empty_store):
    store = fill_with_demo(empty_store)
    app = create_app(Settings(database_url=store.engine.url.render_as_string(hide_password=False)))
    client = signed_in(app, "enhetschef")
    query = "?org=SKA-FSK-01&ar=2026&period=T2"
    filled = client.get("/mallar/utfall.csv" + query)
    assert filled.status_code == 200 and "namn (info)" in filled.get_data(as_text=True)
    assert "SKA-FSK-01" in filled.get_data(as_text=True)
    workbook = client.get("/mallar/utfall.xlsx" + query)
    assert workbook.status_code == 200 and workbook.data.startswith(b"PK")
    assert client.get("/mallar/utfall.xlsx").status_code == 404
    empty = client.get("/mallar/utfall.csv").get_data(as_text=True)
    assert "namn (info)" not in empty and "utfall" in empty  # the empty template as before
