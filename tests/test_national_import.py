"""Kolada's comparison values, KPI metadata, municipality names and comparison groups, imported
like any file (preview, commit, undo) on SQLite and PostgreSQL, without organisation units."""

import csv
from pathlib import Path

import pytest

from dashboard.domain.national import KoladaKpi, ReferenceValue
from dashboard.upload import change_sets, csv_export
from dashboard.upload.change_sets import commit, preview, undo
from dashboard.upload.csv_import import UploadFile, read_upload
from tests.tiny import tiny_dataset

REAL = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "kolada-stockholms-lan"
VALUES = (
    "kpi,municipality_id,period,gender,value\r\n"
    "N00945,0000,2022,T,78.5\r\n"
    "N00945,0000,2022,K,\r\n"
    "N00945,0114,2022,T,80\r\n"
    "N00945,0180,2022,T,81.2\r\n"
)


def _file(name: str, text: str) -> UploadFile:
    return UploadFile(name, text.encode("utf-8"))


@pytest.fixture
def tiny_store(empty_store):
    commit(empty_store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    return empty_store


def test_values_of_places_outside_the_tree_are_kept_as_reference_series(tiny_store):
    orgs_before = len(tiny_store.org_units())
    result = preview(tiny_store, [_file("kolada.csv", VALUES)])
    assert result.ok, result.problems
    (file,) = result.files
    assert file.kind == "kolada" and (file.rows, file.reference.rows) == (0, 4)
    assert (file.reference.new, file.reference.changed) == (4, 0)
    assert "som jämförelsevärden men inte som utfall: 4." in " ".join(file.notes)
    (saved,) = commit(tiny_store, [_file("kolada.csv", VALUES)], user_name="anna")
    assert saved.upload_id and saved.reference_rows == 4
    assert len(tiny_store.org_units()) == orgs_before  # no organisation for Riket
    assert tiny_store.reference_values(["N00945"]) == [
        ReferenceValue("N00945", "0000", 2022, "K", None),
        ReferenceValue("N00945", "0000", 2022, "T", 78.5),
        ReferenceValue("N00945", "0114", 2022, "T", 80.0),
        ReferenceValue("N00945", "0180", 2022, "T", 81.2),
    ]
    assert tiny_store.reference_values(["N00945"], ["0000"], [2022])[1].value == 78.5
    assert preview(tiny_store, [_file("kolada.csv", VALUES)]).files[0].reference.unchanged == 4
    undo(tiny_store, saved.upload_id, user_name="anna")
    assert tiny_store.reference_values(["N00945"]) == []


def test_a_changed_reference_value_is_restored_by_undo(tiny_store):
    commit(tiny_store, [_file("kolada.csv", VALUES)], user_name="anna")
    changed = VALUES.replace("0180,2022,T,81.2", "0180,2022,T,82.0")
    result = preview(tiny_store, [_file("kolada.csv", changed)])
    assert (result.files[0].reference.changed, result.files[0].reference.unchanged) == (1, 3)
    (saved,) = commit(tiny_store, [_file("kolada.csv", changed)], user_name="anna")
    assert tiny_store.reference_values(["N00945"], ["0180"])[0].value == 82.0
    undo(tiny_store, saved.upload_id, user_name="anna")
    assert tiny_store.reference_values(["N00945"], ["0180"])[0].value == 81.2


def test_mapped_values_are_still_measurements_and_reference_values_too(tiny_store):
    mapping = _file("koppling.csv", "kolada-id;organisation\r\n0180;STAD\r\n")
    kpi = _file(
        "indikatorer.csv",
        "kod;namn;måttenhet;riktning;nivå;kolada-kpi\r\n"
        "NOJD;Andel nöjda;%;högre är bättre;KF-mål;N00945\r\n",
    )
    saved = commit(tiny_store, [mapping, kpi, _file("kolada.csv", VALUES)], user_name="anna")
    assert [(file.kind, file.inserted, file.reference_rows) for file in saved][-1] == (
        "kolada",
        1,
        4,
    )
    records = change_sets.stored_records(tiny_store, "measurements")
    assert any(r[:5] == ("NOJD", "STAD", 2022, "FY", "T") and r[5] == 81.2 for r in records)
    assert len(tiny_store.reference_values(["N00945"])) == 4


def test_kpi_metadata_municipalities_and_groups_are_import_formats(tiny_store):
    kpis = _file(
        "kpis.csv",
        "id,title,description,is_divided_by_gender,operating_area\r\n"
        'N00945,"Nöjda, andel (%)",Andel nöjda brukare. Källa: SCB.,1,Äldreomsorg\r\n',
    )
    places = _file("municipalities.csv", "id,title,type\r\n0000,Riket,L\r\n0180,Stockholm,K\r\n")
    groups = _file(
        "grupper.csv", "grupp;kolada-id\r\nStockholms län;0180\r\nStockholms län;0114\r\n"
    )
    result = preview(tiny_store, [kpis, places, groups])
    assert result.ok, result.problems
    assert [f.kind for f in result.files] == [
        "kolada_kpis",
        "kolada_municipalities",
        "comparison_groups",
    ]
    saved = commit(tiny_store, [kpis, places, groups], user_name="admin")
    assert tiny_store.kolada_kpi("N00945") == KoladaKpi(
        "N00945", "Nöjda, andel (%)", "Andel nöjda brukare. Källa: SCB.", "SCB", True, "Äldreomsorg"
    )
    assert [k.id for k in tiny_store.search_kolada_kpis("nöjda")] == ["N00945"]
    assert tiny_store.search_kolada_kpis("brukare")[0].id == "N00945"
    assert tiny_store.municipality_names() == {"0000": "Riket", "0180": "Stockholm"}
    assert tiny_store.comparison_groups() == {"Stockholms län": ["0114", "0180"]}
    for file in reversed(saved):
        undo(tiny_store, file.upload_id, user_name="admin")
    assert tiny_store.comparison_groups() == {} and tiny_store.kolada_kpi("N00945") is None


def test_kolada_kpi_metadata_json_reads_like_its_csv():
    answer = _file(
        "kpi.json",
        '{"count": 1, "values": [{"id": "N00945", "title": "Nöjda", "description": "D. '
        'Källa: SCB.", "is_divided_by_gender": 1, "operating_area": "Äldreomsorg"}]}',
    )
    parsed = read_upload(answer)
    assert not parsed.problems and parsed.layout.kind == "kolada_kpis"
    assert parsed.columns["title"] == ["Nöjda"] and parsed.columns["gender_split"] == [True]


def test_the_real_kolada_extract_imports_whole_with_its_nulls(empty_store):
    if not (REAL / "values.csv").exists():
        pytest.skip("the shared real data is not beside this checkout")
    files = [UploadFile(name, (REAL / name).read_bytes()) for name in ("values.csv", "kpis.csv")]
    result = preview(empty_store, files)
    assert result.ok, result.problems[:3]
    saved = commit(empty_store, files, user_name="admin")
    assert saved[-1].reference_rows == 44_621
    assert empty_store.table_counts()["kolada_value"] == 44_621
    assert empty_store.table_counts()["kolada_kpi"] == 41
    empty = (REAL / "values.csv").read_bytes().count(b",\r\n")
    stored = empty_store.reference_values(sorted(_kpis(REAL / "kpis.csv")))
    assert len(stored) == 44_621 and sum(v.value is None for v in stored) == empty > 0
    assert empty_store.org_units() == []


def _kpis(path: Path) -> set[str]:
    with path.open(encoding="utf-8", newline="") as file:
        return {row["id"] for row in csv.DictReader(file)}


def test_the_upload_page_counts_the_comparison_values(tiny_store):
    from layouts import texts
    from layouts.upload import file_summary, saved_message

    (file,) = preview(tiny_store, [_file("kolada.csv", VALUES)]).files
    counts = "Jämförelsevärden (Kolada): 4 rader: 4 nya, 0 ändrade, 0 oförändrade."
    assert counts in str(file_summary(file).to_plotly_json())
    saved = commit(tiny_store, [_file("kolada.csv", VALUES)], user_name="anna")
    assert texts.SAVED_REFERENCE.format(count=4) in str(saved_message(saved).to_plotly_json())
