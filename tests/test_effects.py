"""What a change to outcomes does to values and goals: one function for uploads and the form."""

import pytest

from dashboard.domain.model import Status
from dashboard.upload import change_sets, csv_export, effects
from dashboard.upload.csv_import import UploadFile
from tests.clients import signed_in
from tests.demo_db import fill_with_demo
from tests.tiny import tiny_dataset

OUTCOMES = "indikator;organisation;år;period;kön;utfall\r\n"


@pytest.fixture
def tiny_store(empty_store):
    change_sets.commit(empty_store, csv_export.dataset_files(tiny_dataset()), user_name="test")
    return empty_store


def _preview(store, rows: str):
    return change_sets.preview(store, [UploadFile("utfall.csv", (OUTCOMES + rows).encode())])


def test_a_better_outcome_moves_the_goal_at_the_unit_and_names_both(tiny_store):
    found = effects.effect_of_preview(
        tiny_store, _preview(tiny_store, "NOJD;N1-E1;2025;T1;T;90\r\n")
    )
    [value] = found.values
    assert (value.indicator.name, value.org.name, value.field) == (
        "Andel nöjda",
        "Enheten",
        "outcome",
    )
    assert (value.before, value.after) == (70.0, 90.0)
    at_unit = next(g for g in found.goals if g.org.code == "N1-E1")
    assert at_unit.goal.code == "K1" and at_unit.changed
    assert (at_unit.before, at_unit.after) == (Status.NOT_MET, Status.PARTLY_MET)
    assert {g.org.code for g in found.goals} == {"N1-E1", "STAD"}  # and at the goal's own


def test_the_effect_writes_nothing(tiny_store):
    before = change_sets.stored_records(tiny_store, "measurements")
    effects.effect_of_preview(tiny_store, _preview(tiny_store, "NOJD;N1-E1;2025;T1;T;90\r\n"))
    assert change_sets.stored_records(tiny_store, "measurements") == before


def test_an_unchanged_value_and_a_gender_row_move_no_goal(tiny_store):
    found = effects.effect_of_preview(
        tiny_store, _preview(tiny_store, "NOJD;N1-E1;2025;T1;T;70\r\nNOJD;STAD;2025;T1;K;90\r\n")
    )
    assert [(v.gender, v.before, v.after) for v in found.values] == [("K", 87.0, 90.0)]
    assert found.goals == ()


def test_a_new_row_is_a_change_from_nothing(tiny_store):
    found = effects.effect_of_preview(
        tiny_store, _preview(tiny_store, "NOJD;N1-E1;2025;T2;T;88\r\n")
    )
    assert [(v.before, v.after, v.period) for v in found.values] == [(None, 88.0, "T2")]


def test_a_preview_with_problems_has_no_effect(tiny_store):
    found = effects.effect_of_preview(
        tiny_store, _preview(tiny_store, "NOJD;N1-E1;2025;T1;T;9x\r\n")
    )
    assert found == effects.Effect((), ())


def test_the_upload_preview_names_the_indicator_and_the_goals_it_moves(empty_store):
    from dashboard.app import create_app
    from dashboard.settings import Settings
    from tests.test_access import _outcomes, _preview

    store = fill_with_demo(empty_store)
    app = create_app(Settings(database_url=store.engine.url.render_as_string(hide_password=False)))
    answer = _preview(app, signed_in(app, "enhetschef"), _outcomes("SKA-FSK-01", 99))
    assert "Aktivt medarbetarskap, index i medarbetarenkäten (Förskolan" in answer
    assert "80 → 99" in answer and "99\u00a0index" not in answer  # an index is a bare number
    assert "KF3.2 3.2 Stockholms stad är en attraktiv arbetsgivare (Förskolan Solrosen)" in answer


def test_a_file_for_many_organisations_lists_values_but_judges_no_goals(tiny_store, monkeypatch):
    monkeypatch.setattr(effects, "MAX_JUDGED_ORGS", 1)
    rows = "NOJD;N1-E1;2025;T1;T;90\r\nNOJD;STAD;2025;T1;T;90\r\n"
    found = effects.effect_of_preview(tiny_store, _preview(tiny_store, rows))
    assert len(found.values) == 2 and found.goals == () and not found.judged
