"""Kvinnor och män drawn by the router: the tiny city's gaps, and the demo city's."""

from __future__ import annotations

import pytest

from callbacks.routes import nav_entries, page
from dashboard.access import ANONYMOUS
from dashboard.domain.dataset import MeasurementRow
from dashboard.domain.model import Gender
from dashboard.followup.gender_gaps import Favours, GapMove
from dashboard.pages.gender_gaps import gender_gaps_page
from dashboard.upload.change_sets import commit
from dashboard.upload.csv_import import UploadFile
from layouts import texts, urls
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny_store(empty_store):
    """The tiny city with last year's T1 for women and men: NOJD's gap went from −1 to +2."""
    data = tiny_dataset()
    data.indicators[:] = [
        row._replace(kolada_kpi="N00945" if row.code == "NOJD" else None) for row in data.indicators
    ]
    data.measurements += [
        MeasurementRow("NOJD", "STAD", 2024, "T1", Gender.WOMEN, 84.0, None),
        MeasurementRow("NOJD", "STAD", 2024, "T1", Gender.MEN, 85.0, None),
        MeasurementRow("NOJD", "STAD", 2025, "FY", Gender.WOMEN, 10.0, None),  # another period
    ]
    empty_store.write_dataset(data, user_name="test", file_name="tiny", kind="test")
    return empty_store


def test_the_page_lists_each_gap_with_its_change_and_whom_it_favours(tiny_store):
    text = _text(page(tiny_store, urls.GENDER_GAPS_PATH, "?ar=2025&period=T1"))
    assert texts.GENDER_GAPS_HEADING.format(org="Staden") in text
    assert "Andel nöjda" in text
    for shown in ("87,0\u00a0%", "85,0\u00a0%", "+2,0\u00a0p.e.", "−1,0\u00a0p.e."):
        assert shown in text
    assert "+1,0\u00a0p.e. (större)" in text
    assert text.count(texts.GAP_FAVOURS[Favours.WOMEN]) == 1
    assert text.count(texts.GAP_FAVOURS[Favours.MEN]) == 1  # last year's
    assert "Andel fallolyckor" in text  # marked könsuppdelad, measured in total only
    assert texts.GENDER_GAPS_RIKET_COLUMN not in text  # no reference series yet
    assert urls.indicator_path("NOJD") in text


def test_the_gaps_are_read_for_the_organisation_and_period(tiny_store):
    org = tiny_store.org("STAD")
    found = gender_gaps_page(tiny_store, org, 2025, "T1")
    assert [(g.indicator.code, g.gap, g.previous_gap) for g in found.gaps] == [
        ("NOJD", 2.0, -1.0),
        ("FALL", None, None),
    ]
    assert found.moves[GapMove.WIDENED] == 1
    unit = gender_gaps_page(tiny_store, tiny_store.org("N1-E1"), 2025, "T1")
    assert [(g.indicator.code, g.gap) for g in unit.gaps] == [("NOJD", None)]  # total only


def test_an_organisation_without_gender_values_says_so(tiny_store):
    text = _text(page(tiny_store, urls.GENDER_GAPS_PATH, "?ar=2025&period=T1&org=N2"))
    assert "Inga könsuppdelade indikatorer har utfall för Södra nämnden" in text


def test_riket_gets_a_column_from_kolada_s_latest_year_not_after_ours(tiny_store):
    """Riket's K − M comes from the imported Kolada values; 2024 is compared with our 2025."""
    values = "kpi,municipality_id,period,gender,value\r\n" + "".join(
        f"N00945,0000,{year},{gender},{value}\r\n"
        for year, gender, value in [(2024, "K", 74.0), (2024, "M", 70.5), (2026, "K", 1.0)]
    )
    commit(tiny_store, [UploadFile("kolada.csv", values.encode())], user_name="anna")
    text = _text(page(tiny_store, urls.GENDER_GAPS_PATH, "?ar=2025&period=T1"))
    assert texts.GENDER_GAPS_RIKET_COLUMN in text and "+3,5\u00a0p.e. (2024)" in text


def test_the_menu_has_the_page():
    assert (texts.NAV_GENDER_GAPS, urls.GENDER_GAPS_PATH) in [
        (entry.label, entry.path) for entry in nav_entries(ANONYMOUS)
    ]


def test_the_demo_city_renders(demo_store):
    text = _text(page(demo_store, urls.GENDER_GAPS_PATH, "?org=SKA"))
    assert texts.GENDER_GAPS_CAPTION.split(",")[0] in text
    assert "p.e." in text
