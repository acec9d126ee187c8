"""Åtgärder and förväntat resultat: what they require, what they write, the audit, the follow-up
at later periods and the overdue deviation, on both backends."""

import datetime as dt

import pytest

from dashboard.access import audit
from dashboard.domain.measures import ExpectedResult, MeasureStatus
from dashboard.domain.model import period_end
from dashboard.followup import agenda, control_room, goal_results, measure_writes, measures
from dashboard.followup.deviations import DeviationKind, deviations_of
from dashboard.followup.measure_writes import MeasureDraft, MeasureProblem
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def _draft(store, due=dt.date(2025, 3, 31), text="Rekrytera två sjuksköterskor", period="FY"):
    year = 2024 if period == "FY" else 2025
    goal, org = store.goal("K1"), store.org("STAD")
    return MeasureDraft(goal.id, org.id, year, period, text, "Eva Ek", due)


@pytest.mark.parametrize(
    "text, responsible, due, expected",
    [
        ("Gör något", "Eva", dt.date(2025, 1, 1), []),
        (" ", "Eva", dt.date(2025, 1, 1), [MeasureProblem.NO_TEXT]),
        ("Gör något", "", None, [MeasureProblem.NO_RESPONSIBLE, MeasureProblem.NO_DUE_DATE]),
        ("x" * 2001, "Eva", dt.date(2025, 1, 1), [MeasureProblem.TOO_LONG]),
    ],
)
def test_a_measure_needs_a_text_an_owner_and_a_due_date(text, responsible, due, expected):
    draft = MeasureDraft(1, 1, 2025, "T1", text, responsible, due)
    assert measure_writes.problems(draft) == expected


def test_a_measure_is_decided_then_followed_up_at_the_next_period_until_closed(tiny):
    draft = _draft(tiny)
    measure_id = measure_writes.add(tiny, draft, "anna")
    key = (draft.goal_id, draft.org_id)
    at_fy = measures.goal_measures(tiny, *key, 2024, "FY")
    assert [m.id for m in at_fy.decided] == [measure_id] and at_fy.to_follow_up == ()
    [follow] = measures.goal_measures(tiny, *key, 2025, "T1").to_follow_up
    assert (follow.text, follow.responsible, follow.status) == (
        "Rekrytera två sjuksköterskor",
        "Eva Ek",
        MeasureStatus.PLANNED,
    )
    measure_writes.change_status(tiny, measure_id, *key, MeasureStatus.ONGOING, "anna")
    assert measures.goal_measures(tiny, *key, 2025, "T1").to_follow_up[0].status == "ongoing"
    measure_writes.change_status(tiny, measure_id, *key, MeasureStatus.DONE, "anna")
    assert measures.goal_measures(tiny, *key, 2025, "T1").to_follow_up == ()
    logged = audit.events(tiny, action=audit.MEASURE)
    assert [e.username for e in logged] == ["anna"] * 3
    assert {e.target for e in logged} == {"K1 för STAD FY 2024"}
    assert logged[0].detail.endswith("ongoing → done")


def test_an_invalid_measure_writes_nothing(tiny):
    with pytest.raises(measure_writes.InvalidMeasure):
        measure_writes.add(tiny, _draft(tiny, due=None), "anna")
    assert audit.events(tiny, action=audit.MEASURE) == []
    assert measures.goal_measures(tiny, tiny.goal("K1").id, tiny.org("STAD").id, 2024, "FY") == (
        measures.GoalMeasures()
    )


def test_a_status_change_for_another_goals_measure_is_refused(tiny):
    draft = _draft(tiny)
    measure_id = measure_writes.add(tiny, draft, "anna")
    with pytest.raises(measure_writes.MeasureNotFound):
        measure_writes.change_status(
            tiny, measure_id, draft.goal_id, tiny.org("N1").id, MeasureStatus.CLOSED, "anna"
        )
    assert measures.goal_measures(tiny, draft.goal_id, draft.org_id, 2024, "FY").decided[0].open


def test_an_open_measure_past_its_due_date_is_a_deviation_kept_in_the_briefs(tiny):
    root = tiny.root_org()
    goal = tiny.goal("K1")
    before = goal_results.briefs(tiny, [(goal, root.id)], 2025, "T1")[0]  # kept now
    assert not before.kinds.get(DeviationKind.MEASURE_OVERDUE)
    late = measure_writes.add(tiny, _draft(tiny, due=dt.date(2025, 2, 1)), "anna")
    measure_writes.add(tiny, _draft(tiny, due=dt.date(2025, 12, 31), text="Senare"), "anna")
    [status] = control_room.judge(tiny, [(goal, root.id)], 2025, "T1")
    overdue = [d for d in deviations_of(status, period_end(2025, "T1")) if d.measure]
    assert [(d.kind, d.measure.id) for d in overdue] == [(DeviationKind.MEASURE_OVERDUE, late)]
    [brief] = goal_results.briefs(tiny, [(goal, root.id)], 2025, "T1")
    assert brief.kinds[DeviationKind.MEASURE_OVERDUE] == 1  # the write judged it again
    assert any(
        d.kind is DeviationKind.MEASURE_OVERDUE
        for g in agenda.agenda(tiny, root, 2025, "T1")
        for d in g.items
    )
    measure_writes.change_status(tiny, late, goal.id, root.id, MeasureStatus.CLOSED, "anna")
    [brief] = goal_results.briefs(tiny, [(goal, root.id)], 2025, "T1")
    assert not brief.kinds.get(DeviationKind.MEASURE_OVERDUE)


def test_the_expected_result_is_written_once_a_year_and_overwritten(tiny):
    goal, org = tiny.goal("K1"), tiny.org("STAD")
    first = ExpectedResult(goal.id, org.id, 2025, " Fler nöjda ", "Dialog med brukarna")
    measure_writes.save_expected(tiny, first, "anna")
    found = measures.goal_measures(tiny, goal.id, org.id, 2025, "T1").expected
    assert found == ExpectedResult(goal.id, org.id, 2025, "Fler nöjda", "Dialog med brukarna")
    assert measures.goal_measures(tiny, goal.id, org.id, 2024, "FY").expected is None
    second = ExpectedResult(goal.id, org.id, 2025, "Fler nöjda", "Veckovisa möten")
    measure_writes.save_expected(tiny, second, "bo")
    assert measures.goal_measures(tiny, goal.id, org.id, 2025, "T1").expected == second
    [newest, _] = audit.events(tiny, action=audit.EXPECTED_RESULT)
    assert newest.username == "bo" and newest.target == "K1 för STAD 2025"
    assert "Dialog med brukarna → Fler nöjda / Veckovisa möten" in newest.detail


def test_a_status_change_keeps_when_and_by_whom_so_a_closed_measure_says_when(tiny):
    draft = _draft(tiny)
    measure_id = measure_writes.add(tiny, draft, "anna")
    key = (draft.goal_id, draft.org_id)
    [new] = measures.goal_measures(tiny, *key, 2024, "FY").decided
    assert new.changed is None  # planned when recorded: no change yet
    when = dt.datetime(2025, 4, 2, 9, 30, tzinfo=dt.UTC)
    measure_writes.change_status(tiny, measure_id, *key, MeasureStatus.DONE, "bo", now=when)
    [done] = measures.goal_measures(tiny, *key, 2024, "FY").decided
    assert done.status is MeasureStatus.DONE
    assert (done.changed.at.date(), done.changed.by) == (dt.date(2025, 4, 2), "bo")
