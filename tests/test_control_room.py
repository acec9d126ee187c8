"""The control room's goal statuses, computed from a real store on both backends."""

import pytest

from dashboard.domain.model import ActivityStatus, Basis, Status
from dashboard.domain.rules import Disagreement, IndicatorReason, PartKind
from dashboard.followup import control_room
from dashboard.store import activity_update_t
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
    # activities half on track at their T1 follow-up (A1 ongoing past its end 2025-03-31,
    # A2 ongoing; A2's T2 "done" does not count yet): (2 + 1 + 0 + 0.5) / 5 = 0.7
    assert result.score == pytest.approx(0.7)
    assert result.status is Status.PARTLY_MET
    assert result.basis is Basis.MIXED
    assert result.forecast_only == 1
    assert (result.counts.met, result.counts.no_data) == (2, 1)
    assert [p.kind for p in result.parts].count(PartKind.ACTIVITIES) == 1
    assert status.disagreement is Disagreement.MORE_POSITIVE  # the city assessed it as met


def test_indicators_measured_neither_here_nor_below_are_listed_and_not_counted(tiny_store):
    [status] = control_room.goal_statuses(tiny_store, _org_id(tiny_store, "N2"), 2025, "T1")
    assert [j.result.reason for j in status.indicators] == [IndicatorReason.NOT_MEASURED_HERE] * 3
    # only N2's own activity counts, on track: the goal rests on activities alone
    assert [p.kind for p in status.result.parts] == [PartKind.ACTIVITIES]
    assert [p.measured for p in status.result.excluded] == [False] * 3
    assert status.assessment is None and status.disagreement is Disagreement.NONE


def test_an_indicator_measured_only_below_rolls_up_instead_of_vanishing(tiny_store):
    """Issue 14, finding 2: N1 measures no indicator itself; its unit's failing NOJD must count."""
    [status] = control_room.goal_statuses(tiny_store, _org_id(tiny_store, "N1"), 2025, "T1")
    by_code = {j.fact.indicator.code: j for j in status.indicators}
    nojd = by_code["NOJD"]
    assert nojd.result.reason is IndicatorReason.MEASURED_BELOW
    assert [(b.fact.org_id, b.fact.reading.outcome) for b in nojd.below] == [
        (_org_id(tiny_store, "N1-E1"), 70.0)
    ]
    assert nojd.result.status is Status.NOT_MET
    # NOJD (weight 2) scores 0, FALL and KOST are not measured here,
    # A1 ongoing past its end scores 0
    assert status.result.score == 0.0 and status.result.status is Status.NOT_MET


def test_a_later_follow_up_never_changes_an_earlier_period(tiny_store):
    """Issue 14, finding 1: A2 was done in T2; at T1 it is judged by its T1 follow-up (ongoing)."""
    stad = _org_id(tiny_store, "STAD")
    found = control_room.activities_below(
        tiny_store, [tiny_store.goal("K1").id], [stad], 2025, "T1"
    )
    a2 = next(a for a in found[tiny_store.goal("K1").id, stad] if a.code == "A2")
    assert (a2.status, a2.comment) == (ActivityStatus.ONGOING, "Startad i februari.")
    later = control_room.activities_below(
        tiny_store, [tiny_store.goal("K1").id], [stad], 2025, "T2"
    )
    assert (
        next(a for a in later[tiny_store.goal("K1").id, stad] if a.code == "A2").status
        is ActivityStatus.DONE
    )


def test_an_activity_never_followed_up_counts_as_not_started(tiny_store):
    with tiny_store.engine.begin() as conn:
        conn.execute(activity_update_t.delete())
    k1, stad = tiny_store.goal("K1").id, _org_id(tiny_store, "STAD")
    found = control_room.activities_below(tiny_store, [k1], [stad], 2025, "T1")[k1, stad]
    assert [(a.status, a.followed_up) for a in found] == [(ActivityStatus.NOT_STARTED, False)] * 2


def test_a_period_without_numbers_is_never_met(tiny_store):
    [status] = control_room.goal_statuses(tiny_store, _org_id(tiny_store, "STAD"), 2025, "T2")
    assert status.result.status is not Status.MET
    assert all(j.result.basis is Basis.NONE for j in status.indicators)


def test_activities_are_matched_to_each_organisation_below_it(tiny_store):
    from dashboard.followup.control_room import activities_below

    stad, n1, n2 = (_org_id(tiny_store, code) for code in ("STAD", "N1", "N2"))
    k1 = tiny_store.goal("K1").id
    found = activities_below(tiny_store, [k1], [stad, n1, n2], 2025, "T1")
    assert [a.code for a in found[k1, stad]] == ["A1", "A2"]
    assert [a.code for a in found[k1, n1]] == ["A1"] and [a.code for a in found[k1, n2]] == ["A2"]
    assert activities_below(tiny_store, [k1], [stad], 2024, "T1") == {}
