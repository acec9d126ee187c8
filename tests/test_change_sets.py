"""Uploads against a real SQLite file and a real PostgreSQL server: preview, commit, undo."""

import contextlib
import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from dashboard.store import org_t, refresh_reported_periods
from dashboard.store.schemas import METADATA
from dashboard.tools.demo import demo_dataset
from dashboard.upload import change_sets, csv_export
from dashboard.upload.change_sets import UndoRefused, UploadRejected, commit, preview, undo
from dashboard.upload.csv_formats import BY_KIND
from dashboard.upload.csv_import import UploadFile
from dashboard.upload.plan import MAX_READING, reading_slot
from dashboard.upload.value_types import Text
from layouts.import_problems import issue_text, problem_text
from tests.digest import database_digest
from tests.strategies import datasets
from tests.tiny import tiny_dataset

LOG_TABLES = ("upload", "upload_change")  # what an undo leaves behind on purpose
OUTCOMES = "indikator;organisation;år;period;kön;utfall;prognos\r\n"


def _file(name: str, text: str, encoding: str = "utf-8-sig") -> UploadFile:
    return UploadFile(name, text.encode(encoding))


def _tiny_files() -> list[UploadFile]:
    return csv_export.dataset_files(tiny_dataset())


@pytest.fixture
def tiny_store(empty_store):
    commit(empty_store, _tiny_files(), user_name="test")
    return empty_store


def _measurement(store, indicator: str, org: str, year: int, period: str, gender: str = "T"):
    records = change_sets.stored_records(store, "measurements")
    return next(r for r in records if r[:5] == (indicator, org, year, period, gender))


def _clear(store) -> None:
    with store.engine.begin() as conn:
        for table in reversed(METADATA.sorted_tables):
            if table is org_t:
                conn.execute(org_t.update().values(parent_id=None))
            conn.execute(delete(table))


def test_demo_csv_files_build_the_same_store_as_the_generator(empty_store):
    saved = commit(empty_store, csv_export.demo_files(), user_name="demo")
    assert [file.kind for file in saved][:3] == ["org_units", "goals", "indicators"]
    assert all(file.upload_id and file.inserted and not file.updated for file in saved)
    # If this fails after a change to dashboard/tools/demo/: kontrollrummet export data/demo --demo
    expected = csv_export.dataset_files(demo_dataset())
    assert csv_export.store_files(empty_store, raw=True) == expected


def test_uploading_the_same_files_again_changes_nothing(tiny_store):
    before = database_digest(tiny_store)
    result = preview(tiny_store, _tiny_files())
    assert result.ok
    assert all(f.new == f.changed == 0 and f.unchanged == f.rows for f in result.files)
    saved = commit(tiny_store, _tiny_files(), user_name="test")
    assert all(file.upload_id is None for file in saved)
    assert database_digest(tiny_store) == before


def test_a_corrected_file_updates_only_what_changed_and_can_be_undone(tiny_store):
    before = database_digest(tiny_store, leave_out=LOG_TABLES)
    corrected = _file(
        "utfall.csv",
        OUTCOMES + "NOJD;STAD;2025;T1;T;86,5;88\r\n"
        "NOJD;STAD;2025;T1;K;87;\r\n"
        "NOJD;STAD;2025;T2;T;85;87\r\n",
    )
    result = preview(tiny_store, [corrected])
    assert result.ok, result.problems
    (file,) = result.files
    assert (file.kind, file.new, file.changed, file.unchanged) == ("measurements", 1, 1, 1)
    assert [(c.key, c.column, c.old, c.new) for c in file.changes] == [
        ("NOJD · STAD · 2025 · T1 · T", "utfall", "86,0", "86,5"),
    ]
    assert file.new_rows == ["NOJD · STAD · 2025 · T2 · T"]

    (saved,) = commit(tiny_store, [corrected], user_name="anna")
    assert (saved.inserted, saved.updated, saved.unchanged) == (1, 1, 1)
    assert _measurement(tiny_store, "NOJD", "STAD", 2025, "T1")[5] == 86.5
    (logged, *_) = change_sets.list_uploads(tiny_store)
    assert (logged.id, logged.user_name, logged.file_name, logged.status) == (
        saved.upload_id,
        "anna",
        "utfall.csv",
        "active",
    )
    assert (logged.rows_inserted, logged.rows_updated, logged.rows_unchanged) == (1, 1, 1)
    assert len(logged.checksum) == 64

    result = undo(tiny_store, saved.upload_id, user_name="per")
    assert (result.restored, result.deleted) == (1, 1)
    assert database_digest(tiny_store, leave_out=LOG_TABLES) == before
    (logged, *_) = change_sets.list_uploads(tiny_store)
    assert (logged.status, logged.undone_by) == ("undone", "per")
    with pytest.raises(UndoRefused, match="redan ångrad"):
        undo(tiny_store, saved.upload_id, user_name="per")


@pytest.fixture
def undo_digest(tiny_store):
    return database_digest(tiny_store, leave_out=LOG_TABLES)


def test_undo_restores_exactly_the_replaced_values(tiny_store, undo_digest):
    corrected = _file(
        "utfall.csv", OUTCOMES + "NOJD;STAD;2025;T1;T;90;91\r\nFALL;STAD;2025;T1;T;3;\r\n"
    )
    (saved,) = commit(tiny_store, [corrected], user_name="anna")
    assert saved.updated == 2
    undo(tiny_store, saved.upload_id, user_name="anna")
    assert database_digest(tiny_store, leave_out=LOG_TABLES) == undo_digest


def test_undo_is_refused_while_a_later_upload_changed_the_same_rows(tiny_store, undo_digest):
    first = commit(
        tiny_store, [_file("a.csv", OUTCOMES + "NOJD;STAD;2025;T1;T;90;91\r\n")], user_name="anna"
    )[0]
    second = commit(
        tiny_store, [_file("b.csv", OUTCOMES + "NOJD;STAD;2025;T1;T;92;93\r\n")], user_name="per"
    )[0]
    before = database_digest(tiny_store)
    with pytest.raises(UndoRefused, match=f"senare uppladdning {second.upload_id} "):
        undo(tiny_store, first.upload_id, user_name="anna")
    assert database_digest(tiny_store) == before
    undo(tiny_store, second.upload_id, user_name="per")
    assert _measurement(tiny_store, "NOJD", "STAD", 2025, "T1")[5:7] == (90.0, 91.0)
    undo(tiny_store, first.upload_id, user_name="anna")
    assert database_digest(tiny_store, leave_out=LOG_TABLES) == undo_digest


def test_undo_is_refused_when_later_rows_use_what_the_upload_added(tiny_store):
    (units,) = commit(
        tiny_store,
        [_file("org.csv", "kod;namn;nivå;överordnad\r\nN3;Västra;nämnd;STAD\r\n")],
        user_name="anna",
    )
    commit(
        tiny_store, [_file("utfall.csv", OUTCOMES + "NOJD;N3;2025;T1;T;80;81\r\n")], user_name="per"
    )
    before = database_digest(tiny_store)
    with pytest.raises(UndoRefused, match="senare uppladdningar använder rader"):
        undo(tiny_store, units.upload_id, user_name="anna")
    assert database_digest(tiny_store) == before
    with pytest.raises(UndoRefused, match="finns inte"):
        undo(tiny_store, 9999, user_name="anna")


def test_a_file_with_only_forecasts_leaves_outcomes_and_status_alone(tiny_store):
    forecasts = _file(
        "prognos.csv", "indikator;organisation;år;period;prognos\r\nNOJD;STAD;2025;T1;90\r\n"
    )
    commit(tiny_store, [forecasts], user_name="anna")
    assert _measurement(tiny_store, "NOJD", "STAD", 2025, "T1")[5:8] == (86.0, 90.0, "ok")


def test_markers_and_empty_cells_become_value_statuses(tiny_store):
    marked = _file(
        "utfall.csv",
        OUTCOMES + "NOJD;STAD;2025;T2;T;..;\r\nNOJD;STAD;2025;T2;K;x;\r\n"
        "NOJD;STAD;2025;T2;M;;\r\nFALL;STAD;2025;T2;T;.;4\r\n"
        "KOST;STAD;2025;T2;T;1 234,5;\r\n",
    )
    commit(tiny_store, [marked], user_name="anna")
    statuses = {r[:5]: r[5:8] for r in change_sets.stored_records(tiny_store, "measurements")}
    assert statuses[("NOJD", "STAD", 2025, "T2", "T")] == (None, None, "missing")
    assert statuses[("NOJD", "STAD", 2025, "T2", "K")] == (None, None, "suppressed")
    assert statuses[("NOJD", "STAD", 2025, "T2", "M")] == (None, None, "missing")
    assert statuses[("FALL", "STAD", 2025, "T2", "T")] == (
        None,
        None,
        "not_applicable",
    )  # the status wins
    assert statuses[("KOST", "STAD", 2025, "T2", "T")] == (1234.5, None, "ok")


def test_a_number_in_a_row_whose_status_says_otherwise_is_not_stored_and_the_preview_says_so(
    tiny_store,
):
    """Issue 14, finding 3: a protected value must never be stored, shown or judged."""
    header = "indikator;organisation;år;period;kön;utfall;prognos;värdestatus\r\n"
    rows = (
        "NOJD;STAD;2025;T2;T;91;92;skyddad\r\nNOJD;STAD;2025;T2;K;93;94;saknas\r\n"
        "NOJD;STAD;2025;T2;M;95;96;ok\r\n"
    )
    upload = _file("utfall.csv", header + rows)
    checked = preview(tiny_store, [upload])
    assert checked.ok
    assert any(
        "ej tillämplig: 3." in note and "skyddat värde visas aldrig" in note
        for f in checked.files
        for note in f.notes
    )
    commit(tiny_store, [upload], user_name="anna")
    stored = {r[:5]: r[5:8] for r in change_sets.stored_records(tiny_store, "measurements")}
    assert stored[("NOJD", "STAD", 2025, "T2", "T")] == (None, None, "suppressed")
    assert stored[("NOJD", "STAD", 2025, "T2", "K")] == (
        None,
        94.0,
        "missing",
    )  # a missing outcome keeps its forecast
    assert stored[("NOJD", "STAD", 2025, "T2", "M")] == (95.0, 96.0, "ok")


def test_files_of_one_upload_see_each_others_codes_and_are_one_transaction(tiny_store):
    units = _file("org.csv", "kod;namn;nivå;överordnad\r\nN3;Västra;nämnd;STAD\r\n")
    outcomes = _file("utfall.csv", OUTCOMES + "NOJD;N3;2025;T1;T;80;81\r\n")
    assert preview(tiny_store, [outcomes, units]).ok
    before = database_digest(tiny_store)
    broken = _file("fel.csv", OUTCOMES + "NOJD;N3;2025;T1;K;åttio;81\r\n")
    with pytest.raises(UploadRejected) as rejected:
        commit(tiny_store, [units, outcomes, broken], user_name="anna")
    assert [problem_text(p) for p in rejected.value.problems] == [
        (
            'fel.csv, rad 2, kolumn "utfall": inte ett tal: "åttio". Förväntat: ett tal, '
            't.ex. 12,5, eller ".." (saknas), "." (ej tillämplig), "x" (skyddad).'
        )
    ]
    assert database_digest(tiny_store) == before
    saved = commit(tiny_store, [outcomes, units], user_name="anna")
    assert [file.kind for file in saved] == ["org_units", "measurements"]


def test_two_files_may_not_give_the_same_row(tiny_store):
    first = _file("a.csv", OUTCOMES + "NOJD;STAD;2025;T1;T;80;81\r\n")
    second = _file("b.csv", OUTCOMES + "KOST;STAD;2025;T1;T;1;2\r\nNOJD;STAD;2025;T1;T;82;83\r\n")
    (problem,) = preview(tiny_store, [first, second]).problems
    assert (problem.file, problem.row) == ("b.csv", 3)
    assert issue_text(problem) == "samma nyckel som i a.csv rad 2"


def test_moving_a_unit_recomputes_the_organisation_paths(tiny_store):
    moved = _file("org.csv", "kod;namn;nivå;överordnad\r\nN1-E1;Enheten;enhet;N2\r\n")
    (saved,) = commit(tiny_store, [moved], user_name="anna")
    paths = _paths(tiny_store)
    assert paths["N1-E1"] == paths["N2"] + paths["N1-E1"].split("/")[-2] + "/"
    undo(tiny_store, saved.upload_id, user_name="anna")
    assert _paths(tiny_store)["N1-E1"].startswith(_paths(tiny_store)["N1"])


def _paths(store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(org_t.c.code, org_t.c.path)).all())


def test_a_level_change_must_still_fit_the_units_below(tiny_store):
    demoted = _file("org.csv", "kod;namn;nivå;överordnad\r\nN1;Norra nämnden;enhet;STAD\r\n")
    (problem,) = preview(tiny_store, [demoted]).problems
    assert (problem.row, problem.column, problem.value) == (2, "nivå", "enhet")
    assert issue_text(problem) == 'underordnade "N1-E1" har nivån enhet'
    orphan = _file("org.csv", "kod;namn;nivå\r\nN9;Ny nämnd;nämnd\r\n")
    (problem,) = preview(tiny_store, [orphan]).problems
    assert (problem.row, issue_text(problem)) == (2, "överordnad saknas")


def test_kolada_values_are_mapped_to_indicators_and_units(tiny_store):
    mapping = _file("koppling.csv", "kolada-id;organisation\r\n0180;STAD\r\n")
    kpi = _file(
        "indikatorer.csv",
        "kod;namn;måttenhet;riktning;nivå;kolada-kpi\r\n"
        "NOJD;Andel nöjda;%;högre är bättre;KF-mål;N00945\r\n",
    )
    values = _file(
        "kolada.csv",
        "kpi,municipality_id,period,gender,value\r\n"
        "N00945,0180,2024,T,81.2\r\nN00945,0180,2024,K,\r\n",
        "utf-8",
    )
    answer = UploadFile(
        "kolada.json",
        b'{"values": [{"kpi": "N00945", "municipality": "0180", '
        b'"period": 2023, "values": [{"gender": "T", "value": 80.5, "count": 1}]}]}',
    )
    saved = commit(tiny_store, [values, answer, mapping, kpi], user_name="anna")
    assert [(file.kind, file.inserted, file.updated) for file in saved] == [
        ("kolada_orgs", 1, 0),
        ("indicators", 0, 1),
        ("kolada", 1, 1),
        ("kolada", 1, 0),
    ]
    assert _measurement(tiny_store, "NOJD", "STAD", 2024, "FY")[5:8] == (81.2, None, "ok")
    assert _measurement(tiny_store, "NOJD", "STAD", 2024, "FY", "K")[5:8] == (None, None, "missing")
    assert _measurement(tiny_store, "NOJD", "STAD", 2023, "FY")[5] == 80.5
    assert preview(tiny_store, [values]).files[0].unchanged == 2


def test_a_municipality_id_without_its_leading_zero_is_padded_with_a_notice(tiny_store):
    mapping = _file("koppling.csv", "kolada-id;organisation\r\n180;STAD\r\n")
    kpi = _file(
        "indikatorer.csv",
        "kod;namn;måttenhet;riktning;nivå;kolada-kpi\r\n"
        "NOJD;Andel nöjda;%;högre är bättre;KF-mål;N00945\r\n",
    )
    values = _file(
        "kolada.csv",
        "kpi;municipality;period;value\r\nN00945;0180;2023;80\r\nN00945;180;2024;81,2\r\n",
    )
    result = preview(tiny_store, [mapping, kpi, values])
    assert result.ok, result.problems
    notice = (
        "Excel tar bort inledande nollor: 1 Kolada-id med färre än fyra siffror har fått dem "
        'tillbaka, t.ex. rad {row}: "180" blev "0180".'
    )
    assert [file.notes for file in result.files] == [
        [notice.format(row=2)],
        [],
        [notice.format(row=3)],
    ]
    commit(tiny_store, [mapping, kpi, values], user_name="anna")
    assert _measurement(tiny_store, "NOJD", "STAD", 2024, "FY")[5] == 81.2
    assert [row[0] for row in change_sets.stored_records(tiny_store, "kolada_orgs")] == ["0180"]


def test_kolada_rows_without_a_mapping_are_kept_only_as_comparison_values(tiny_store):
    values = _file("kolada.csv", "kpi;municipality;period;value\r\nN00945;0180;2024;81,2\r\n")
    result = preview(tiny_store, [values])
    assert result.ok and (result.files[0].new, result.files[0].reference.new) == (0, 1)
    assert (
        result.files[0]
        .notes[0]
        .startswith("Rader som sparas som jämförelsevärden men inte som utfall: 1.")
    )


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=datasets())
def test_any_valid_dataset_round_trips_through_its_files(empty_store, data):
    _clear(empty_store)
    files = csv_export.dataset_files(data)
    commit(empty_store, files, user_name="test")
    assert csv_export.store_files(empty_store, raw=True) == files


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=datasets(), choice=st.data())
def test_any_single_cell_corruption_is_refused_naming_its_row(empty_store, data, choice):
    files = csv_export.dataset_files(data)
    index = choice.draw(st.integers(0, len(files) - 1))
    name, rows = files[index].name, _cells(files[index])
    row = choice.draw(st.integers(1, len(rows) - 1))
    column = choice.draw(st.integers(0, len(rows[0]) - 1))
    rows[row][column] = _corrupt(files[index].name, column)
    files[index] = UploadFile(name, _csv(rows))
    problems = preview(empty_store, files).problems
    assert any(p.file == name and p.row == row + 1 for p in problems), problems


def _cells(upload: UploadFile) -> list[list[str]]:
    return list(
        csv.reader(io.StringIO(upload.content.decode("utf-8-sig"), newline=""), delimiter=";")
    )


def _csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def _corrupt(file_name: str, column: int) -> str:
    """A value no cell of the column may have: too long for text, not a value for the rest."""
    layout = next(layout for layout in BY_KIND.values() if layout.file_name == file_name)
    value_type = layout.columns[column].type
    return "x" * (value_type.max_length + 1) if isinstance(value_type, Text) else "ogiltig"


def test_reported_periods_grow_with_the_periods_an_upload_adds(tiny_store):
    before = tiny_store.reported_periods()
    commit(
        tiny_store,
        [
            _file(
                "utfall.csv", OUTCOMES + "NOJD;STAD;2026;T1;T;90;91\r\nNOJD;STAD;2025;T1;T;1;2\r\n"
            )
        ],
        user_name="test",
    )
    after = tiny_store.reported_periods()
    assert set(after) == {*before, (2026, "T1")} and len(after) == len(before) + 1
    with tiny_store.engine.begin() as conn:
        refresh_reported_periods(conn)
    assert tiny_store.reported_periods() == after  # the full rebuild agrees


def test_past_the_uploads_read_at_once_another_is_told_to_try_again(tiny_store):
    """Each upload read may take hundreds of MB (docs/performance.md): a process reads at most
    MAX_READING at once, and the next is refused with a message, not queued (issue 16)."""
    before = database_digest(tiny_store)
    with contextlib.ExitStack() as held:
        for _ in range(MAX_READING):
            held.enter_context(reading_slot())
        problems = preview(tiny_store, _tiny_files()).problems
        assert [p.file for p in problems] == [f.name for f in _tiny_files()]
        assert all("försök igen om en stund" in problem_text(p) for p in problems)
        with pytest.raises(UploadRejected):
            commit(tiny_store, _tiny_files(), user_name="test")
    assert database_digest(tiny_store) == before
    assert preview(tiny_store, _tiny_files()).ok  # the slots are free again


def test_ids_missing_after_a_large_insert_are_named_as_unknown_codes():
    """A row deleted between plan and write: PostgreSQL's check after COPY names it (dialect)."""
    from dashboard.store.dialect import MissingParent, MissingReferences
    from dashboard.upload.writing import missing_problems

    missing = MissingReferences(
        [
            MissingParent("measurement", "org_id", "org_unit", (7, 9)),
            MissingParent("upload_change", "previous_upload_id", "upload", (3,)),
        ]
    )
    assert [problem_text(p) for p in missing_problems(missing)] == [
        (
            'measurement, kolumn "org_id": okänd organisation: "7, 9". Förväntat: en kod som '
            "finns i databasen eller i en fil i samma uppladdning."
        ),
        (
            'upload_change, kolumn "previous_upload_id": id som saknas i upload: "3". Förväntat: '
            "en kod som finns i databasen eller i en fil i samma uppladdning."
        ),
    ]
