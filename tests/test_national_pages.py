"""The national comparison where decisions are made: the Indikatorsida and the Målsida, and the
administrator's settings behind them (own Kolada id, groups, an indicator's KPI), audited."""

import pytest

from callbacks.routes import page
from dashboard.access import ANONYMOUS, operator
from dashboard.followup import national_admin
from dashboard.followup.national_admin import NationalProblem
from dashboard.upload import change_sets, csv_export
from dashboard.upload.change_sets import commit
from dashboard.upload.csv_import import UploadFile
from layouts import texts
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset

VALUES = "kpi,municipality_id,period,gender,value\r\n" + "".join(
    f"N00945,{place},{year},{gender},{value}\r\n"
    for place, year, gender, value in [
        ("0000", 2023, "T", 70.5),
        ("0000", 2024, "T", 72.0),
        ("0000", 2024, "K", 74.0),
        ("0000", 2024, "M", 69.0),
        ("0180", 2024, "T", 81.2),
        ("0180", 2024, "K", 83.0),
        ("0180", 2024, "M", 79.0),
        ("0114", 2024, "T", 60.0),
        ("0115", 2024, "T", 90.0),
        ("0117", 2024, "T", ""),
    ]
)
KPIS = (
    "id,title,description,is_divided_by_gender\r\n"
    'N00945,"Nöjda brukare, andel (%)",Andel som är nöjda. Källa: Socialstyrelsen.,1\r\n'
)
PLACES = "id,title,type\r\n0000,Riket,L\r\n0114,Upplands Väsby,K\r\n0115,Vallentuna,K\r\n"
PLACES += "0117,Österåker,K\r\n0180,Stockholm,K\r\n"


@pytest.fixture
def national_store(empty_store):
    files = csv_export.dataset_files(tiny_dataset())
    files += [
        UploadFile(name, text.encode())
        for name, text in (("kolada.csv", VALUES), ("kpis.csv", KPIS), ("kommuner.csv", PLACES))
    ]
    commit(empty_store, files, user_name="admin")
    admin = operator("admin")
    assert national_admin.set_home(empty_store, admin, "180") == []  # Excel's lost zero
    assert (
        national_admin.save_group(empty_store, admin, "Stockholms län", "0114, 0115 0117\n0180")
        == []
    )
    assert national_admin.link_indicator(empty_store, admin, "NOJD", "N00945") == []
    return empty_store


def test_settings_are_stored_and_audited(national_store):
    assert national_store.home_kolada_id() == "0180"
    assert national_store.comparison_groups() == {
        "Stockholms län": ["0114", "0115", "0117", "0180"]
    }
    assert national_store.indicator("NOJD").kolada_kpi == "N00945"
    with national_store.engine.connect() as conn:
        actions = [row.action for row in conn.exec_driver_sql("SELECT action FROM audit_event")]
    assert {"national_setting", "comparison_group", "kpi_link"} <= set(actions)


def test_bad_settings_are_refused_and_change_nothing(national_store):
    admin = operator("admin")
    assert national_admin.set_home(national_store, admin, "Stockholm!") == [NationalProblem.BAD_ID]
    assert national_admin.save_group(national_store, admin, "", "0180") == [NationalProblem.NO_NAME]
    assert national_admin.save_group(national_store, admin, "X", "01;80") == [
        NationalProblem.BAD_ID
    ]
    assert national_admin.link_indicator(national_store, admin, "NOJD", "N99999") == [
        NationalProblem.UNKNOWN_KPI
    ]
    assert national_admin.link_indicator(national_store, admin, "INGEN", "N00945") == [
        NationalProblem.UNKNOWN_INDICATOR
    ]
    assert national_store.home_kolada_id() == "0180"
    assert national_store.indicator("NOJD").kolada_kpi == "N00945"
    assert national_admin.save_group(national_store, admin, "Stockholms län", "") == []
    assert national_store.comparison_groups() == {}


def test_indicator_page_compares_with_riket_and_the_group(national_store):
    text = _text(page(national_store, "/indikator/NOJD", "?org=STAD&ar=2025&period=T1"))
    assert texts.NATIONAL_HEADING in text
    assert "Nöjda brukare, andel (%)" in text and "Andel som är nöjda." in text
    assert "Socialstyrelsen" in text
    assert texts.NATIONAL_LAG.format(year=2024) in text  # Kolada's 2024 beside our 2025
    assert "Riket" in text and "Stockholms län" in text
    # 0115 90 > 0180 81,2 > 0114 60: we are second of three, the third quartile
    assert texts.QUARTILE_LABEL[3] in text
    assert texts.NATIONAL_PLACE.format(rank=2, count=3) in text
    assert "Österåker" in text  # named as without a value
    assert (
        texts.REFERENCE_RIKET in text
        and texts.REFERENCE_MEDIAN.format(group="Stockholms län") in text
    )
    assert "83,0" in text and "74,0" in text  # women here and in Riket


def test_indicator_without_a_kpi_has_no_national_section(national_store):
    text = _text(page(national_store, "/indikator/FALL", "?org=STAD&ar=2025&period=T1"))
    assert texts.NATIONAL_HEADING not in text


def test_goal_page_shows_riket_and_the_quartile(national_store):
    text = _text(page(national_store, "/mal/K1", "?org=STAD&ar=2025&period=T1"))
    assert texts.RIKET_COLUMN in text and texts.QUARTILE_COLUMN in text
    assert "72,0" in text and texts.QUARTILE_SHORT[3] in text


def test_the_admin_page_is_for_administrators_only(national_store):
    text = _text(page(national_store, "/jamforelser", "", operator("admin")))
    assert texts.NATIONAL_ADMIN_TITLE in text and "Stockholms län" in text and "Vallentuna" in text
    assert texts.HOME_CURRENT.format(value="0180") in text
    refused = _text(page(national_store, "/jamforelser", ""))
    assert texts.REFUSED_ADMIN_ONLY in refused and texts.NATIONAL_ADMIN_TITLE not in refused


def test_the_admin_page_finds_kpis_and_saves_through_the_callbacks(national_store, monkeypatch):
    from callbacks import national_admin as callbacks
    from dashboard.pages.national_admin import kpi_search
    from layouts import national_admin as layout

    found = _text(layout.search_results(kpi_search(national_store, "nöjda")))
    assert "N00945" in found and "Socialstyrelsen" in found
    monkeypatch.setattr(callbacks.sign_in, "current", lambda: operator("admin"))
    saved = callbacks.group_feedback(national_store, "Små", "0114 0115", chosen=False)
    assert texts.NATIONAL_SAVED in _text(saved)
    assert texts.NATIONAL_SAVED in _text(
        callbacks.group_feedback(national_store, "Små", "", chosen=True)
    )
    text = _text(page(national_store, "/indikator/NOJD", "?org=STAD&ar=2025&period=T1"))
    assert "Median Små" in text  # the chosen group is the one shown
    monkeypatch.setattr(callbacks.sign_in, "current", lambda: ANONYMOUS)
    refused = _text(callbacks.group_feedback(national_store, "Små", "0180", chosen=False))
    assert texts.NATIONAL_PROBLEMS[NationalProblem.NOT_ADMIN] in refused
    assert national_store.comparison_groups()["Små"] == ["0114", "0115"]


def test_the_demo_shows_the_comparison_out_of_the_box(demo_store):
    from dashboard.tools.demo.national import GROUP

    assert demo_store.home_kolada_id() == "0180" and GROUP in demo_store.comparison_groups()
    text = _text(page(demo_store, "/indikator/KF01", ""))
    assert texts.NATIONAL_HEADING in text and texts.REFERENCE_RIKET in text
    assert texts.REFERENCE_MEDIAN.format(group=GROUP) in text
    assert any(label in text for label in texts.QUARTILE_LABEL.values())


def test_a_unit_is_linked_to_a_kolada_ou_id_and_its_values_become_outcomes(national_store):
    admin = operator("admin")
    assert national_admin.link_unit(national_store, admin, "N1-E1", "V15E144001301") == []
    assert national_admin.link_unit(national_store, admin, "FINNS-INTE", "V1") == [
        NationalProblem.UNKNOWN_ORG
    ]
    assert national_store.kolada_unit_links() == {"N1-E1": "V15E144001301"}
    values = "kpi,ou,period,gender,value\r\nN00945,V15E144001301,2024,T,77.5\r\n"
    commit(national_store, [UploadFile("ou.csv", values.encode())], user_name="admin")
    records = change_sets.stored_records(national_store, "measurements")
    assert any(r[:5] == ("NOJD", "N1-E1", 2024, "FY", "T") and r[5] == 77.5 for r in records)
    assert national_admin.link_unit(national_store, admin, "N1-E1", "") == []
    assert national_store.kolada_unit_links() == {}
