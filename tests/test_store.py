"""The store on a real SQLite file and a real PostgreSQL server."""

import gc

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from dashboard.domain.model import GoalLevel, Status, ValueStatus
from dashboard.store import Store, database
from dashboard.store.schemas import METADATA
from dashboard.upload import change_sets
from dashboard.upload.csv_import import UploadFile
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny_store(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny.csv", kind="test")
    return empty_store


def _ids(store):
    orgs = {org.code: org.id for org in store.org_units()}
    goals = {goal.code: goal.id for goal in store.goals(2025)}
    return orgs, goals


def test_migrations_create_every_table_and_can_run_again(empty_store):
    tables = set(inspect(empty_store.engine).get_table_names())
    assert {table.name for table in METADATA.sorted_tables} <= tables
    empty_store.create_schema()  # a second upgrade is a no-op, not an error
    assert database.is_current(empty_store.engine)


def test_write_dataset_counts_every_row_and_records_one_upload(tiny_store):
    counts = tiny_store.table_counts()
    assert counts["org_unit"] == 4
    assert counts["measurement"] == 7
    assert counts["activity"] == 2
    assert counts["upload"] == 1


def test_a_failing_write_leaves_the_database_as_it_was(tiny_store):
    before = tiny_store.table_counts()
    duplicate = tiny_dataset()
    duplicate.measurements.append(duplicate.measurements[0])  # the last rows clash: all must go
    with pytest.raises(IntegrityError):
        tiny_store.write_dataset(duplicate, user_name="t", file_name="dup.csv", kind="test")
    assert tiny_store.table_counts() == before


def test_goals_are_filtered_by_validity_and_level(tiny_store):
    assert [g.code for g in tiny_store.goals(2025)] == ["I1", "K1"]
    assert [g.code for g in tiny_store.goals(2022, (GoalLevel.COUNCIL,))] == ["K2"]


def test_reported_periods_are_in_calendar_order(tiny_store):
    assert tiny_store.reported_periods() == [(2024, "FY"), (2025, "T1")]


def test_goal_indicator_facts_join_target_and_total_reading(tiny_store):
    orgs, goals = _ids(tiny_store)
    facts = {
        f.indicator.code: f
        for f in tiny_store.goal_indicator_facts([orgs["STAD"]], 2025, "T1", [goals["K1"]])
    }
    assert set(facts) == {"NOJD", "FALL", "KOST"}
    assert facts["NOJD"].weight == 2.0
    assert facts["NOJD"].target.target == 85.0
    assert (facts["NOJD"].reading.outcome, facts["NOJD"].reading.forecast) == (86.0, 88.0)
    assert facts["FALL"].target.partly_limit == 6.0
    assert facts["FALL"].reading.outcome is None and facts["FALL"].reading.forecast == 4.0
    assert facts["KOST"].target is None
    assert facts["KOST"].reading.value_status is ValueStatus.MISSING


def test_facts_leave_out_indicators_an_organisation_does_not_measure(tiny_store):
    orgs, goals = _ids(tiny_store)
    facts = tiny_store.goal_indicator_facts([orgs["STAD"], orgs["N2"]], 2025, "T1", [goals["K1"]])
    assert {(f.org_id, f.indicator.code) for f in facts} == {
        (orgs["STAD"], "NOJD"),
        (orgs["STAD"], "FALL"),
        (orgs["STAD"], "KOST"),
    }
    assert tiny_store.goal_indicator_facts([orgs["STAD"]], 2023, "FY", [goals["K1"]]) == []


def test_activities_of_goals_carry_the_holders_path_and_run_in_the_year(tiny_store):
    orgs, goals = _ids(tiny_store)
    found = tiny_store.activities_of([goals["K1"]], 2025, "T1")
    assert [(path, a.code) for path, a in found] == [
        (f"/{orgs['STAD']}/{orgs['N1']}/{orgs['N1-E1']}/", "A1"),
        (f"/{orgs['STAD']}/{orgs['N2']}/", "A2"),
    ]
    assert found[0][1].responsible == "Enhetschef Anna Lind"
    assert tiny_store.activities_of([goals["K1"]], 2026, "T1") == []
    assert tiny_store.activities_of([goals["I1"]], 2025, "T1") == []


def test_assessments_are_read_per_organisation_and_period(tiny_store):
    orgs, goals = _ids(tiny_store)
    [assessment] = tiny_store.assessments([orgs["STAD"]], 2025, "T1")
    assert (assessment.goal_id, assessment.status, assessment.is_forecast) == (
        goals["K1"],
        Status.MET,
        True,
    )
    assert tiny_store.assessments([orgs["STAD"]], 2025, "T2") == []


def test_sqlite_runs_with_foreign_keys_and_wal(tmp_path):
    engine = database.make_engine(f"sqlite:///{tmp_path / 'sub' / 'k.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_check_names_an_empty_database(tmp_path):
    from dashboard.store import Store

    store = Store(database.make_engine(f"sqlite:///{tmp_path / 'empty.db'}"))
    with pytest.raises(database.DatabaseError, match="db upgrade"):
        store.check()


def test_lookups_by_code_and_tree_navigation(tiny_store):
    orgs, goals = _ids(tiny_store)
    assert tiny_store.goal("K1").id == goals["K1"]
    assert tiny_store.goal("NOPE") is None
    assert [g.code for g in tiny_store.child_goals(goals["I1"], 2025)] == ["K1"]
    assert [o.code for o in tiny_store.org_lineage(orgs["N1-E1"])] == ["STAD", "N1", "N1-E1"]
    assert [o.code for o in tiny_store.org_children(orgs["STAD"])] == ["N1", "N2"]
    assert tiny_store.indicator("FALL").name == "Andel fallolyckor"


def test_measurements_and_targets_by_period_and_year(tiny_store):
    orgs, _ = _ids(tiny_store)
    nojd = tiny_store.indicator("NOJD").id
    history = tiny_store.measurements([nojd], [orgs["STAD"]], "T1")
    assert sorted(m.gender.value for m in history) == ["K", "M", "T"]
    assert tiny_store.measurements([nojd], [orgs["STAD"]], "FY", years=[2025]) == []
    assert tiny_store.targets([nojd], [orgs["STAD"]])[nojd, orgs["STAD"], 2025].target == 85.0


def test_goals_within_an_organisation_include_its_ancestors_and_descendants(empty_store):
    data = tiny_dataset()
    data.goals.append(
        data.goals[1]._replace(
            code="NM1", level=GoalLevel.COMMITTEE, org_code="N1", parent_code="K1"
        )
    )
    data.goals.append(
        data.goals[1]._replace(
            code="NM2", level=GoalLevel.COMMITTEE, org_code="N2", parent_code="K1"
        )
    )
    empty_store.write_dataset(data, user_name="t", file_name="t", kind="test")
    orgs, _ = _ids(empty_store)

    def within(code: str) -> list[str]:
        return [g.code for g in empty_store.goals_within(orgs[code], 2025, GoalLevel.COMMITTEE)]

    assert within("STAD") == ["NM1", "NM2"]
    assert within("N1-E1") == ["NM1"]
    assert within("N2") == ["NM2"]


def test_upgrading_a_database_with_data_keeps_its_reported_periods(tmp_path):
    from alembic import command

    engine = database.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(database.alembic_config(engine), "0003")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO org_unit (id, code, name, level, path) VALUES (1, 'S', 'S', 1, '/1/')"
        )
        conn.exec_driver_sql(
            "INSERT INTO indicator "
            "(id, code, name, unit, direction, decimals, level, gender_split) "
            "VALUES (1, 'I', 'I', '%', 'higher', 1, 2, 0)"
        )
        conn.exec_driver_sql(
            "INSERT INTO measurement "
            "(indicator_id, org_id, year, period, gender, outcome, value_status, comment) "
            "VALUES (1, 1, 2025, 'T2', 'T', 5.0, 'ok', '')"
        )
    from dashboard.store import Store

    store = Store(engine)
    store.create_schema()
    assert store.reported_periods() == [(2025, "T2")]


def test_uploads_and_undo_keep_the_reported_periods_current(tiny_store):
    from dashboard.upload import change_sets, csv_export
    from dashboard.upload.csv_formats import MEASUREMENTS
    from dashboard.upload.csv_import import UploadFile

    record = ("NOJD", "STAD", 2026, "T1", "T", 90.0, None, "ok", "")
    file = UploadFile("utfall.csv", csv_export.csv_bytes(MEASUREMENTS, [record]))
    [saved] = change_sets.commit(tiny_store, [file], user_name="test")
    assert tiny_store.reported_periods()[-1] == (2026, "T1")
    change_sets.undo(tiny_store, saved.upload_id, user_name="test")
    assert tiny_store.reported_periods() == [(2024, "FY"), (2025, "T1")]


def test_org_neighbourhood_is_the_lineage_and_the_children_of_each(tiny_store):
    orgs, _ = _ids(tiny_store)

    def codes(code: str) -> list[str]:
        return sorted(o.code for o in tiny_store.org_neighbourhood(orgs[code]))

    assert codes("STAD") == ["N1", "N2", "STAD"]
    assert codes("N1") == ["N1", "N1-E1", "N2", "STAD"]
    assert codes("N1-E1") == ["N1", "N1-E1", "N2", "STAD"]


def test_an_older_schema_is_not_current_until_upgraded(tmp_path):
    from alembic import command

    from dashboard.store import Store

    engine = database.make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(database.alembic_config(engine), "0001")
    store = Store(engine)
    with pytest.raises(database.DatabaseError, match="db upgrade"):
        store.check()
    store.create_schema()
    store.check()


def test_own_goal_facts_are_each_goals_facts_at_its_owner(tiny_store):
    orgs, goals = _ids(tiny_store)
    own = tiny_store.own_goal_indicator_facts([goals["K1"]], 2025, "T1")
    assert own == tiny_store.goal_indicator_facts([orgs["STAD"]], 2025, "T1", [goals["K1"]])
    assert {f.org_id for f in own} == {orgs["STAD"]}
    assert tiny_store.own_goal_indicator_facts([goals["I1"]], 2025, "T1") == []


def test_a_summary_is_computed_again_after_each_upload_and_undo(tiny_store):
    computed = []

    def summary() -> int:
        computed.append(tiny_store.table_counts()["measurement"])
        return computed[-1]

    assert tiny_store.summary("rows", summary) == 7 and tiny_store.summary("rows", summary) == 7
    outcomes = (
        "indikator;organisation;år;period;kön;utfall;prognos\r\nNOJD;STAD;2026;T1;T;90;91\r\n"
    )
    [saved] = change_sets.commit(
        tiny_store, [UploadFile("utfall.csv", outcomes.encode())], user_name="test"
    )
    assert tiny_store.summary("rows", summary) == 8
    change_sets.undo(tiny_store, saved.upload_id, user_name="test")
    assert tiny_store.summary("rows", summary) == 7 and tiny_store.summary("rows", summary) == 7
    assert computed == [7, 8, 7]


def test_a_summary_leaves_the_garbage_collector_to_whoever_made_the_store(tiny_store, monkeypatch):
    monkeypatch.setattr(gc, "freeze", lambda: pytest.fail("a store read froze the heap"))
    assert tiny_store.summary("rows", lambda: 7) == 7
    kept: list[str] = []
    app_store = Store(tiny_store.engine, after_summary=lambda: kept.append("frozen"))
    assert app_store.summary("rows", lambda: 7) == 7 and app_store.summary("rows", lambda: 8) == 7
    assert kept == ["frozen"]  # once, when the value was kept


def test_the_migrations_build_exactly_the_schema_the_code_declares(empty_store):
    with empty_store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), METADATA) == []
