"""docs/rules.md's worked examples 5–10, each as written there: the page and the code cannot
drift apart."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.domain.dataset import (
    ActivityRow,
    ActivityUpdateRow,
    Dataset,
    GoalIndicatorRow,
    GoalRow,
    IndicatorRow,
    MeasurementRow,
    OrgRow,
    TargetRow,
)
from dashboard.domain.model import (
    ActivityStatus,
    Basis,
    Direction,
    Gender,
    GoalLevel,
    OrgLevel,
    Reading,
    Status,
    Target,
    Trend,
    ValueStatus,
)
from dashboard.domain.rules import Part, PartKind, goal_fulfilment, indicator_status, year_over_year
from dashboard.followup import control_room


def test_example_5_the_limit_in_exact_decimals():
    assert (
        indicator_status(Direction.LOWER, Target(6.8), Reading(7.48, None)).status
        is Status.PARTLY_MET
    )
    assert (
        indicator_status(Direction.LOWER, Target(6.8), Reading(7.49, None)).status is Status.NOT_MET
    )


def test_example_6_the_change_rounds_half_up_as_it_is_shown():
    assert year_over_year(81.5, 81.0, Direction.HIGHER, 0).trend is Trend.BETTER
    assert year_over_year(81.4, 81.0, Direction.HIGHER, 0).trend is Trend.UNCHANGED


def _example_store(store):
    """A nämnd with an avdelning and three units; one goal, one indicator, three activities."""
    units = [("E1", "AV"), ("E2", "N"), ("E3", "N"), ("E4", "AV")]
    store.write_dataset(
        Dataset(
            org_units=[
                OrgRow("STAD", "Staden", OrgLevel.CITY, None),
                OrgRow("N", "Nämnden", OrgLevel.COMMITTEE, "STAD"),
                OrgRow("AV", "Avdelningen", OrgLevel.DEPARTMENT, "N"),
            ]
            + [OrgRow(code, code, OrgLevel.UNIT, parent) for code, parent in units],
            goals=[GoalRow("M", "Målet", GoalLevel.COMMITTEE, "N", None, 2026)],
            indicators=[
                IndicatorRow("NOJD", "Andel nöjda", "%", Direction.HIGHER, 0, GoalLevel.UNIT, False)
            ],
            goal_indicators=[GoalIndicatorRow("M", "NOJD")],
            targets=[TargetRow("NOJD", org, 2026, 80.0) for org in ("AV", "E2", "E3", "E4")],
            measurements=[
                MeasurementRow("NOJD", "AV", 2026, "T1", Gender.TOTAL, 85.0, None),  # met
                MeasurementRow("NOJD", "E2", 2026, "T1", Gender.TOTAL, 75.0, None),  # partly
                MeasurementRow(
                    "NOJD", "E4", 2026, "T1", Gender.TOTAL, 10.0, None
                ),  # below AV: not counted at N
            ],
            activities=[
                ActivityRow(
                    code,
                    "M",
                    "E1",
                    code,
                    "Anna",
                    dt.date(2026, 1, 1),
                    dt.date(2026, 12, 31),
                    status,
                )
                for code, status in (
                    ("A1", ActivityStatus.DONE),
                    ("A2", ActivityStatus.DONE),
                    ("A3", ActivityStatus.DONE),
                )
            ],
            activity_updates=[
                ActivityUpdateRow("A1", 2026, "T1", ActivityStatus.ONGOING),
                ActivityUpdateRow("A1", 2026, "T2", ActivityStatus.DONE),
                ActivityUpdateRow("A2", 2025, "FY", ActivityStatus.DELAYED),
            ],
        ),
        user_name="test",
        file_name="example",
        kind="test",
    )
    return store


@pytest.fixture
def example_store(empty_store):
    return _example_store(empty_store)


def test_example_7_a_later_follow_up_never_changes_an_earlier_period(example_store):
    goal, unit = example_store.goal("M"), example_store.org("E1")
    at = {
        period: {
            a.code: a
            for a in control_room.activities_below(
                example_store, [goal.id], [unit.id], 2026, period
            )[goal.id, unit.id]
        }
        for period in ("T1", "T2")
    }
    assert (
        at["T1"]["A1"].status is ActivityStatus.ONGOING
        and at["T2"]["A1"].status is ActivityStatus.DONE
    )
    assert (
        at["T1"]["A2"].status is ActivityStatus.DELAYED
    )  # last year's helår follow-up still holds
    assert (at["T1"]["A3"].status, at["T1"]["A3"].followed_up) == (
        ActivityStatus.NOT_STARTED,
        False,
    )
    [status] = control_room.judge(example_store, [(goal, unit.id)], 2026, "T1")
    [activities] = status.result.parts
    assert activities.score == pytest.approx((1 + 0 + 0.5) / 3)


def test_example_8_an_indicator_measured_only_below_counts_at_the_nearest_measuring_organisations(
    example_store,
):
    goal, committee = example_store.goal("M"), example_store.org("N")
    [status] = control_room.judge(example_store, [(goal, committee.id)], 2026, "T1")
    [nojd] = status.indicators
    names = {o.id: o.code for o in example_store.org_units()}
    # AV (met), E2 (partly), E3 (no value); E4 is under AV, which measures it itself
    assert sorted(names[b.fact.org_id] for b in nojd.below) == ["AV", "E2", "E3"]
    assert nojd.result.share == pytest.approx(0.5) and nojd.result.status is Status.PARTLY_MET


def test_example_9_the_value_status_wins():
    suppressed = indicator_status(
        Direction.HIGHER, Target(85.0), Reading(99.0, 99.0, ValueStatus.SUPPRESSED)
    )
    assert (suppressed.status, suppressed.value) == (Status.NO_DATA, None)
    missing = indicator_status(
        Direction.HIGHER, Target(85.0), Reading(99.0, 99.0, ValueStatus.MISSING)
    )
    assert (missing.status, missing.basis) == (Status.MET, Basis.FORECAST)


def test_example_10_met_on_forecast_is_told_apart():
    parts = [
        Part(PartKind.INDICATOR, "A", 1.0, Status.MET, Basis.OUTCOME, 1.0),
        Part(PartKind.INDICATOR, "B", 1.0, Status.MET, Basis.FORECAST, 1.0),
    ]
    result = goal_fulfilment(parts)
    assert (result.status, result.outcome_status, result.met_on_forecast) == (
        Status.MET,
        Status.PARTLY_MET,
        True,
    )
