"""The control room's goal statuses, computed from a real store on both backends."""

import pytest

from dashboard import control_room
from dashboard.model import Basis, Status
from dashboard.rules import Disagreement, PartKind
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny_store(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def _org_id(store, code):
    return next(org.id for org in store.org_units() if org.code == code)


def test_kf_goal_combines_outcome_forecast_missing_value_and_activities(tiny_store):
    [status] = control_room.goal_statuses(tiny_store, _org_id(tiny_store, "STAD"), 2025, "T1")
    result = status.result
    # NOJD met by outcome (weight 2), FALL met by forecast only, KOST without a value,
    # activities half on track (one overdue at 2025-04-30): (2 + 1 + 0 + 0.5) / 5 = 0.7
    assert result.score == pytest.approx(0.7)
    assert result.status is Status.PARTLY_MET
    assert result.basis is Basis.MIXED
    assert result.forecast_only == 1
    assert (result.counts.met, result.counts.no_data) == (2, 1)
    assert [p.kind for p in result.parts].count(PartKind.ACTIVITIES) == 1
    assert status.disagreement is Disagreement.MORE_POSITIVE  # the city assessed it as met


def test_indicators_an_organisation_does_not_measure_are_left_out(tiny_store):
    [status] = control_room.goal_statuses(tiny_store, _org_id(tiny_store, "N2"), 2025, "T1")
    assert status.indicators == ()
    # only N2's own activity remains, on track: the goal rests on activities alone
    assert [p.kind for p in status.result.parts] == [PartKind.ACTIVITIES]
    assert status.assessment is None and status.disagreement is Disagreement.NONE


def test_a_period_without_numbers_is_never_met(tiny_store):
    [status] = control_room.goal_statuses(tiny_store, _org_id(tiny_store, "STAD"), 2025, "T2")
    assert status.result.status is not Status.MET
    assert all(j.result.basis is Basis.NONE for j in status.indicators)


def test_activities_are_matched_to_each_organisation_below_it(tiny_store):
    from dashboard.control_room import activities_below

    stad, n1, n2 = (_org_id(tiny_store, code) for code in ("STAD", "N1", "N2"))
    k1 = tiny_store.goal("K1").id
    found = activities_below(tiny_store, [k1], [stad, n1, n2], 2025)
    assert [a.code for a in found[k1, stad]] == ["A1", "A2"]
    assert [a.code for a in found[k1, n1]] == ["A1"] and [a.code for a in found[k1, n2]] == ["A2"]
    assert activities_below(tiny_store, [k1], [stad], 2024) == {}
