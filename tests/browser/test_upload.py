"""The controller's upload flow in Chromium: preview, save, see the change, undo."""

import pytest
from playwright.sync_api import expect

from dashboard.domain.model import Gender
from dashboard.upload import csv_export
from dashboard.upload.csv_formats import MEASUREMENTS
from layouts import texts
from layouts.explanation import format_number


def _outcome_file(indicator, org_code: str, year: int, period: str, value: float) -> bytes:
    record = (indicator.code, org_code, year, period, "T", value, None, "ok", "")
    return csv_export.csv_bytes(MEASUREMENTS, [record], encoding="cp1252")


@pytest.mark.user("admin")
def test_upload_preview_save_see_and_undo(page, demo_app_store, screenshot):
    store = demo_app_store
    year, period = store.reported_periods()[-1]
    indicator, root = store.indicator("KF21"), store.root_org()
    [before] = [
        m.reading.outcome
        for m in store.measurements([indicator.id], [root.id], period, [year])
        if m.gender is Gender.TOTAL
    ]
    new_value = 77.0 if before != 77.0 else 78.0
    indicator_url = f"/indikator/{indicator.code}?ar={year}&period={period}&org={root.code}"

    page.goto("/uppladdning")
    page.set_input_files(
        "#upload-files input[type=file]",
        files=[
            {
                "name": "utfall.csv",
                "mimeType": "text/csv",
                "buffer": _outcome_file(indicator, root.code, year, period, new_value),
            }
        ],
    )
    preview = page.locator("#upload-preview")
    expect(preview).to_contain_text("1 ändrad,")  # one row, in the singular (issue 20)
    expect(preview).to_contain_text(texts.PREVIEW_OK)
    screenshot("uppladdning-forhandsgranskning")
    page.get_by_role("button", name=texts.SAVE_UPLOAD).click()
    expect(page.locator("#upload-result")).to_contain_text(texts.SAVED_HEADING)
    expect(page.locator("#upload-log")).to_contain_text("admin")

    page.goto(indicator_url)
    shown = format_number(new_value, indicator.decimals, indicator.unit)
    expect(page.locator(".indicator-page")).to_contain_text(shown)

    page.goto("/uppladdning")
    page.get_by_role("button", name=texts.UNDO).first.click()
    expect(page.locator("#upload-result")).to_contain_text("är ångrad")
    page.goto(indicator_url)
    expect(page.locator(".indicator-page")).to_contain_text(
        format_number(before, indicator.decimals, indicator.unit)
    )


@pytest.mark.user("controller")
def test_a_bad_file_is_refused_with_row_and_column_and_nothing_saved(page, demo_app_store):
    before = demo_app_store.table_counts()
    page.goto("/uppladdning")
    bad = "indikator;organisation;år;period;kön;utfall\r\nKF21;STAD;2026;T9;T;tio\r\n".encode()
    page.set_input_files(
        "#upload-files input[type=file]",
        files=[{"name": "fel.csv", "mimeType": "text/csv", "buffer": bad}],
    )
    problems = page.locator("#upload-preview .alert-danger")
    expect(problems).to_contain_text("rad 2")
    expect(problems).to_contain_text("tio")
    expect(page.get_by_role("button", name=texts.SAVE_UPLOAD)).to_be_disabled()
    assert demo_app_store.table_counts() == before
