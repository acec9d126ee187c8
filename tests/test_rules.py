"""Tests of the status rules (dashboard/domain/rules/, docs/rules.md): examples, properties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from dashboard.domain.model import (
    ActivityState,
    ActivityStatus,
    Assessment,
    Basis,
    Direction,
    Reading,
    Status,
    Target,
    Trend,
    ValueStatus,
)
from dashboard.domain.rules import (
    Disagreement,
    GoalReason,
    IndicatorReason,
    Part,
    PartKind,
    RuleConfig,
    activity_part,
    disagreement,
    gender_split,
    goal_fulfilment,
    indicator_part,
    indicator_status,
    is_overdue,
    not_measured_here,
    rolled_up,
    status_from_score,
    year_over_year,
)

HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
AS_OF = dt.date(2026, 4, 30)  # end of T1 2026
RANK = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.MET: 2}


def flip(direction: Direction) -> Direction:
    return LOWER if direction is HIGHER else HIGHER


def activity(
    status: ActivityStatus, start: str = "2026-01-01", end: str = "2026-12-31"
) -> ActivityState:
    return ActivityState(status, dt.date.fromisoformat(start), dt.date.fromisoformat(end))


def part(status: Status, weight: float = 1.0, basis: Basis | None = None, label: str = "x") -> Part:
    if basis is None:
        basis = Basis.NONE if status is Status.NO_DATA else Basis.OUTCOME
    score = {Status.MET: 1.0, Status.PARTLY_MET: 0.5, Status.NOT_MET: 0.0, Status.NO_DATA: None}[
        status
    ]
    return Part(PartKind.INDICATOR, label, weight, status, basis, score)


# ---------------------------------------------------------------- indicator examples


def test_outcome_reaching_target_is_met_on_outcome():
    result = indicator_status(HIGHER, Target(85.0), Reading(outcome=87.0, forecast=None))
    assert (result.status, result.basis, result.reason) == (
        Status.MET,
        Basis.OUTCOME,
        IndicatorReason.REACHES_TARGET,
    )
    assert (result.value, result.target, result.partly_limit) == (87.0, 85.0, pytest.approx(76.5))


def test_default_band_is_ten_percent_of_target():
    target = Target(85.0)
    assert indicator_status(HIGHER, target, Reading(80.0, None)).status is Status.PARTLY_MET
    assert indicator_status(HIGHER, target, Reading(76.5, None)).status is Status.PARTLY_MET
    assert indicator_status(HIGHER, target, Reading(76.4, None)).status is Status.NOT_MET


def test_lower_is_better_mirrors_the_band():
    target = Target(10.0)  # e.g. väntetid in days; partly up to 11
    assert indicator_status(LOWER, target, Reading(9.0, None)).status is Status.MET
    assert indicator_status(LOWER, target, Reading(10.0, None)).status is Status.MET
    assert indicator_status(LOWER, target, Reading(10.5, None)).status is Status.PARTLY_MET
    assert indicator_status(LOWER, target, Reading(11.5, None)).status is Status.NOT_MET
    assert indicator_status(LOWER, target, Reading(9.0, None)).partly_limit == pytest.approx(11.0)


def test_negative_target_uses_absolute_band():
    result = indicator_status(HIGHER, Target(-10.0), Reading(-10.5, None))
    assert result.partly_limit == pytest.approx(-11.0)
    assert result.status is Status.PARTLY_MET


def test_explicit_partly_limit_is_used():
    result = indicator_status(HIGHER, Target(85.0, partly_limit=70.0), Reading(72.0, None))
    assert (result.status, result.partly_limit) == (Status.PARTLY_MET, 70.0)


def test_partly_limit_on_the_wrong_side_gives_an_empty_band():
    target = Target(85.0, partly_limit=90.0)
    assert indicator_status(HIGHER, target, Reading(84.9, None)).status is Status.NOT_MET
    assert indicator_status(HIGHER, target, Reading(85.0, None)).status is Status.MET


def test_zero_target_has_no_default_band():
    assert indicator_status(HIGHER, Target(0.0), Reading(-0.1, None)).status is Status.NOT_MET
    assert indicator_status(LOWER, Target(0.0), Reading(0.0, None)).status is Status.MET


def test_forecast_only_rests_on_forecast():
    result = indicator_status(HIGHER, Target(85.0), Reading(outcome=None, forecast=90.0))
    assert (result.status, result.basis) == (Status.MET, Basis.FORECAST)
    assert (result.outcome_status, result.forecast_status) == (Status.NO_DATA, Status.MET)
    assert result.value == 90.0


def test_outcome_wins_over_forecast_and_both_are_reported():
    result = indicator_status(HIGHER, Target(85.0), Reading(outcome=80.0, forecast=90.0))
    assert (result.status, result.basis) == (Status.PARTLY_MET, Basis.OUTCOME)
    assert (result.outcome_status, result.forecast_status) == (Status.PARTLY_MET, Status.MET)
    assert result.value == 80.0


def test_no_target_is_no_data_never_a_guess():
    result = indicator_status(HIGHER, None, Reading(99.0, 99.0))
    assert (result.status, result.basis, result.reason) == (
        Status.NO_DATA,
        Basis.NONE,
        IndicatorReason.NO_TARGET,
    )
    assert result.value == 99.0  # still shown, just not judged
    assert (result.outcome_status, result.forecast_status) == (Status.NO_DATA, Status.NO_DATA)


@pytest.mark.parametrize(
    ("reading", "reason"),
    [
        (None, IndicatorReason.NO_VALUE),
        (Reading(None, None), IndicatorReason.NO_VALUE),
        (Reading(None, None, ValueStatus.MISSING), IndicatorReason.NO_VALUE),
        (Reading(None, None, ValueStatus.SUPPRESSED), IndicatorReason.SUPPRESSED),
        (Reading(math.nan, math.nan), IndicatorReason.NO_VALUE),
    ],
)
def test_missing_values_give_no_data(reading, reason):
    result = indicator_status(HIGHER, Target(85.0), reading)
    assert (result.status, result.basis, result.reason) == (Status.NO_DATA, Basis.NONE, reason)
    assert result.applicable


def test_not_applicable_is_left_out_of_the_goal():
    result = indicator_status(HIGHER, Target(85.0), Reading(None, None, ValueStatus.NOT_APPLICABLE))
    assert (result.status, result.reason, result.applicable) == (
        Status.NO_DATA,
        IndicatorReason.NOT_APPLICABLE,
        False,
    )
    goal = goal_fulfilment([indicator_part("A", 1, result), part(Status.MET)])
    assert (goal.status, goal.score, goal.coverage) == (Status.MET, 1.0, 1.0)
    assert [p.label for p in goal.excluded] == ["A"]


# ---------------------------------------------------------------- activity examples


@pytest.mark.parametrize(
    ("state", "score"),
    [
        (activity(ActivityStatus.DONE, end="2026-02-01"), 1.0),
        (activity(ActivityStatus.DELAYED), 0.0),
        (activity(ActivityStatus.ONGOING, end="2026-04-01"), 0.0),  # overdue
        (
            activity(ActivityStatus.NOT_STARTED, start="2026-02-01", end="2026-03-01"),
            0.0,
        ),  # overdue
        (activity(ActivityStatus.NOT_STARTED, start="2026-02-01"), 0.5),  # should have started
        (
            activity(ActivityStatus.NOT_STARTED, start="2026-04-30"),
            1.0,
        ),  # starts on the period's last day
        (activity(ActivityStatus.ONGOING, end="2026-04-30"), 1.0),  # ends on it: not yet passed
        (activity(ActivityStatus.ONGOING), 1.0),
    ],
)
def test_each_activity_rule(state, score):
    result = activity_part([state], AS_OF)
    assert result is not None and result.score == score
    assert (result.kind, result.basis) == (PartKind.ACTIVITIES, Basis.OUTCOME)


def test_an_activity_planned_to_start_after_the_period_does_not_count_in_it():
    """docs/rules.md §2: an activity not to begin by the period's end is not yet a part."""
    assert activity_part([activity(ActivityStatus.NOT_STARTED, start="2026-09-01")], AS_OF) is None
    later = activity_part(
        [
            activity(ActivityStatus.NOT_STARTED, start="2026-09-01"),
            activity(ActivityStatus.DELAYED),
        ],
        AS_OF,
    )
    assert later is not None and later.score == 0.0


def test_activities_score_is_the_mean_and_cancelled_are_left_out():
    states = [
        activity(ActivityStatus.DONE),
        activity(ActivityStatus.ONGOING),
        activity(ActivityStatus.NOT_STARTED, start="2026-03-01"),
        activity(ActivityStatus.DELAYED),
        activity(ActivityStatus.CANCELLED),
    ]
    result = activity_part(states, AS_OF)
    assert result.score == pytest.approx(2.5 / 4)
    assert result.status is Status.PARTLY_MET


def test_no_activities_left_gives_no_part():
    assert activity_part([], AS_OF) is None
    assert activity_part([activity(ActivityStatus.CANCELLED)], AS_OF) is None


def test_is_overdue():
    assert is_overdue(activity(ActivityStatus.ONGOING, end="2026-04-29"), AS_OF)
    assert not is_overdue(activity(ActivityStatus.ONGOING, end="2026-04-30"), AS_OF)
    assert not is_overdue(activity(ActivityStatus.DONE, end="2026-01-31"), AS_OF)
    assert not is_overdue(activity(ActivityStatus.CANCELLED, end="2026-01-31"), AS_OF)


# ---------------------------------------------------------------- goal examples


def test_worked_goal_example_from_docs():
    """docs/rules.md, example 4: four indicators (one without value) and five activities."""
    a = indicator_status(HIGHER, Target(85.0), Reading(87.0, 88.0))  # met
    b = indicator_status(HIGHER, Target(85.0), Reading(80.0, 84.0))  # partly
    c = indicator_status(LOWER, Target(10.0), Reading(None, 9.0))  # met, forecast only
    d = indicator_status(HIGHER, Target(50.0), Reading(None, None))  # no value
    acts = activity_part(
        [
            activity(ActivityStatus.DONE),
            activity(ActivityStatus.DONE),
            activity(ActivityStatus.ONGOING),
            activity(ActivityStatus.NOT_STARTED, start="2026-03-01"),
            activity(ActivityStatus.DELAYED),
        ],
        AS_OF,
    )
    assert acts.score == pytest.approx(0.7) and acts.status is Status.PARTLY_MET
    parts = [indicator_part(code, 1.0, r) for code, r in zip("ABCD", (a, b, c, d), strict=True)] + [
        acts
    ]
    goal = goal_fulfilment(parts)
    assert goal.score == pytest.approx(0.64)
    assert (goal.status, goal.reason, goal.basis) == (
        Status.PARTLY_MET,
        GoalReason.SCORE_PARTLY,
        Basis.MIXED,
    )
    assert goal.coverage == pytest.approx(0.8)
    assert (goal.counts.met, goal.counts.partly_met, goal.counts.not_met, goal.counts.no_data) == (
        2,
        2,
        0,
        1,
    )
    assert goal.forecast_only == 1
    assert [p.contribution for p in goal.parts] == pytest.approx([0.2, 0.1, 0.2, 0.0, 0.14])


def test_weights_count():
    goal = goal_fulfilment([part(Status.MET, weight=3), part(Status.NOT_MET, weight=1)])
    assert goal.score == pytest.approx(0.75)
    assert goal.status is Status.PARTLY_MET


def test_thresholds_are_inclusive():
    four_of_five = [part(Status.MET)] * 4 + [part(Status.NOT_MET)]
    assert goal_fulfilment(four_of_five).status is Status.MET  # 80 ≥ 80
    two_of_five = [part(Status.MET)] * 2 + [part(Status.NOT_MET)] * 3
    assert goal_fulfilment(two_of_five).status is Status.PARTLY_MET  # 40 ≥ 40
    assert goal_fulfilment([part(Status.MET)] + [part(Status.NOT_MET)] * 2).status is Status.NOT_MET


def test_no_parts_is_no_data():
    goal = goal_fulfilment([])
    assert (goal.status, goal.reason, goal.score, goal.basis) == (
        Status.NO_DATA,
        GoalReason.NO_PARTS,
        None,
        Basis.NONE,
    )


def test_too_little_data_is_no_data():
    goal = goal_fulfilment([part(Status.MET)] * 2 + [part(Status.NO_DATA)] * 3)
    assert (goal.status, goal.reason, goal.score) == (
        Status.NO_DATA,
        GoalReason.TOO_LITTLE_DATA,
        None,
    )
    assert goal.coverage == pytest.approx(0.4)
    assert all(p.contribution is None for p in goal.parts)


def test_half_coverage_is_enough():
    goal = goal_fulfilment([part(Status.MET), part(Status.NO_DATA)])
    assert (goal.status, goal.score) == (Status.PARTLY_MET, 0.5)


def test_activities_can_be_switched_off():
    acts = activity_part([activity(ActivityStatus.DELAYED)], AS_OF)
    parts = [part(Status.MET), acts]
    assert goal_fulfilment(parts).score == pytest.approx(0.5)
    off = goal_fulfilment(parts, RuleConfig(include_activities=False))
    assert (off.score, off.excluded) == (1.0, (acts,))


def test_activity_weight_comes_from_config():
    acts = activity_part([activity(ActivityStatus.DELAYED)], AS_OF, RuleConfig(activity_weight=3.0))
    assert acts.weight == 3.0
    assert goal_fulfilment([part(Status.MET), acts]).score == pytest.approx(0.25)


def test_a_goal_counts_its_indicators_and_activities_only():
    """Child goals are shown beside a goal, never counted in it: one rule for every committee,
    recomputable by hand, and no evidence counted twice (docs/rules.md §3)."""
    assert set(PartKind) == {PartKind.INDICATOR, PartKind.ACTIVITIES}
    docs = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(\w+)` \|", docs, flags=re.MULTILINE))
    assert documented == {field.name for field in dataclasses.fields(RuleConfig)}


def test_all_forecast_goal_has_forecast_basis():
    goal = goal_fulfilment([part(Status.MET, basis=Basis.FORECAST)] * 2)
    assert (goal.basis, goal.forecast_only) == (Basis.FORECAST, 2)


def test_negative_weight_is_refused():
    with pytest.raises(ValueError):
        part(Status.MET, weight=-1)


def test_status_from_score():
    assert status_from_score(None) is Status.NO_DATA
    assert status_from_score(0.8) is Status.MET
    assert status_from_score(0.79) is Status.PARTLY_MET
    assert status_from_score(0.4) is Status.PARTLY_MET
    assert status_from_score(0.39) is Status.NOT_MET
    assert status_from_score(0.1 + 0.7) is Status.MET  # 0.7999999999999999


# ---------------------------------------------------------------- change and gender


def test_year_over_year():
    change = year_over_year(85.0, 80.0, HIGHER, 1)
    assert (change.absolute, change.relative, change.trend) == (
        5.0,
        pytest.approx(0.0625),
        Trend.BETTER,
    )
    assert year_over_year(85.0, 80.0, LOWER, 1).trend is Trend.WORSE
    assert year_over_year(80.04, 80.0, HIGHER, 1).trend is Trend.UNCHANGED
    assert year_over_year(80.06, 80.0, HIGHER, 1).trend is Trend.BETTER
    assert year_over_year(3.0, 0.0, HIGHER, 0).relative is None
    assert year_over_year(-5.0, -10.0, HIGHER, 0).relative == pytest.approx(0.5)
    unknown = year_over_year(None, 80.0, HIGHER, 1)
    assert (unknown.trend, unknown.absolute, unknown.relative) == (Trend.UNKNOWN, None, None)
    assert year_over_year(80.0, None, HIGHER, 1).trend is Trend.UNKNOWN


def test_gender_split():
    assert gender_split(82.0, 78.0, expected=True).gap == pytest.approx(4.0)
    assert not gender_split(82.0, 78.0, expected=True).split_missing
    missing = gender_split(82.0, None, expected=True)
    assert (missing.gap, missing.split_missing) == (None, True)
    assert not gender_split(None, None, expected=False).split_missing


# ---------------------------------------------------------------- properties

numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
maybe_numbers = st.none() | numbers
directions = st.sampled_from(list(Direction))
statuses = st.sampled_from(list(Status))
targets = st.builds(Target, numbers, st.none() | numbers)
readings = st.builds(Reading, maybe_numbers, maybe_numbers, st.sampled_from(list(ValueStatus)))
parts = st.builds(
    Part,
    kind=st.just(PartKind.INDICATOR),
    label=st.just("p"),
    weight=st.floats(min_value=0.1, max_value=10),
    status=st.sampled_from([Status.MET, Status.PARTLY_MET, Status.NOT_MET]),
    basis=st.sampled_from([Basis.OUTCOME, Basis.FORECAST]),
    score=st.sampled_from([0.0, 0.5, 1.0]) | st.floats(min_value=0, max_value=1),
) | st.builds(
    Part,
    kind=st.just(PartKind.INDICATOR),
    label=st.just("missing"),
    weight=st.floats(min_value=0.1, max_value=10),
    status=st.just(Status.NO_DATA),
    basis=st.just(Basis.NONE),
    score=st.none(),
)
part_lists = st.lists(parts, max_size=8)
configs = st.builds(
    RuleConfig,
    default_partly_tolerance=st.floats(min_value=0, max_value=0.5),
    met_threshold=st.floats(min_value=0.5, max_value=1),
    partly_threshold=st.floats(min_value=0, max_value=0.5),
    min_coverage=st.floats(min_value=0, max_value=1),
)

# Applied per test, so that loading this module leaves other modules' settings alone.
moderate = settings(max_examples=150, deadline=None)


def mirror(target: Target, reading: Reading) -> tuple[Target, Reading]:
    def neg(x: float | None) -> float | None:
        return None if x is None else -x

    return (
        Target(-target.target, neg(target.partly_limit)),
        Reading(neg(reading.outcome), neg(reading.forecast), reading.value_status),
    )


@moderate
@given(directions, targets, readings, configs)
def test_mirroring_around_zero_with_flipped_direction_keeps_the_status(
    direction, target, reading, config
):
    result = indicator_status(direction, target, reading, config)
    mirrored = indicator_status(flip(direction), *mirror(target, reading), config)
    assert (mirrored.status, mirrored.basis, mirrored.reason) == (
        result.status,
        result.basis,
        result.reason,
    )


@moderate
@given(
    directions,
    st.integers(-1000, 1000),
    st.integers(-1000, 1000),
    st.none() | st.integers(-1000, 1000),
)
def test_mirroring_around_the_target_with_flipped_direction_keeps_the_status(
    direction, target, value, limit
):
    original = indicator_status(direction, Target(target, limit), Reading(value, None))
    mirrored_limit = None if limit is None else 2 * target - limit
    mirrored = indicator_status(
        flip(direction), Target(target, mirrored_limit), Reading(2 * target - value, None)
    )
    assert mirrored.status is original.status


@moderate
@given(directions, numbers, numbers)
def test_without_band_flipping_direction_swaps_met_and_not_met(direction, target, value):
    assume(value != target)
    no_band = RuleConfig(default_partly_tolerance=0.0)
    one = indicator_status(direction, Target(target), Reading(value, None), no_band).status
    other = indicator_status(flip(direction), Target(target), Reading(value, None), no_band).status
    assert {one, other} == {Status.MET, Status.NOT_MET}


@moderate
@given(numbers, targets, st.none() | numbers)
def test_only_one_direction_can_be_met_off_target(value, target, forecast):
    assume(value != target.target)
    met = [
        indicator_status(d, target, Reading(value, forecast)).status is Status.MET
        for d in Direction
    ]
    assert sum(met) == 1


@moderate
@given(directions, st.none() | targets, readings, configs)
def test_missing_outcome_never_rests_on_outcome(direction, target, reading, config):
    reading = dataclasses.replace(reading, outcome=None)
    result = indicator_status(direction, target, reading, config)
    assert result.basis is not Basis.OUTCOME
    assert result.outcome_status is Status.NO_DATA
    if result.status is not Status.NO_DATA:
        assert result.basis is Basis.FORECAST


@moderate
@given(
    directions,
    st.none() | targets,
    st.sampled_from(list(ValueStatus)),
    configs,
    st.sampled_from([None, math.nan]),
)
def test_no_value_is_never_met(direction, target, value_status, config, missing):
    for reading in (None, Reading(missing, missing, value_status)):
        result = indicator_status(direction, target, reading, config)
        assert result.status is Status.NO_DATA
        assert result.basis is Basis.NONE


@moderate
@given(directions, st.none() | targets, readings, configs)
def test_no_data_exactly_when_basis_is_none(direction, target, reading, config):
    result = indicator_status(direction, target, reading, config)
    assert (result.status is Status.NO_DATA) == (result.basis is Basis.NONE)
    if result.basis is Basis.OUTCOME:
        assert result.status is result.outcome_status
    if result.basis is Basis.FORECAST:
        assert result.status is result.forecast_status


@moderate
@given(directions, targets, numbers, numbers, configs)
def test_moving_towards_or_past_the_target_never_lowers_the_status(direction, target, a, b, config):
    worse, better = sorted((a, b)) if direction is HIGHER else sorted((a, b), reverse=True)
    before = indicator_status(direction, target, Reading(worse, None), config).status
    after = indicator_status(direction, target, Reading(better, None), config).status
    assert RANK[after] >= RANK[before]


@moderate
@given(part_lists, configs)
def test_goal_score_and_coverage_stay_within_bounds(parts, config):
    goal = goal_fulfilment(parts, config)
    assert 0.0 <= goal.coverage <= 1.0
    assert goal.score is None or 0.0 <= goal.score <= 1.0
    assert (goal.score is None) == (goal.status is Status.NO_DATA)
    assert goal.status is status_from_score(goal.score, config)


@moderate
@given(part_lists, configs)
def test_contributions_add_up_to_the_score(parts, config):
    goal = goal_fulfilment(parts, config)
    if goal.score is not None:
        assert sum(p.contribution for p in goal.parts) == pytest.approx(goal.score, abs=1e-9)
        assert all(p.contribution == 0.0 for p in goal.parts if p.score is None)


@moderate
@given(part_lists, st.floats(min_value=0.1, max_value=10), configs)
def test_adding_a_part_without_data_never_raises_the_score(parts, weight, config):
    before = goal_fulfilment(parts, config)
    after = goal_fulfilment([*parts, part(Status.NO_DATA, weight=weight)], config)
    if before.score is not None and after.score is not None:
        assert after.score <= before.score + 1e-12
    if before.score is None:
        assert after.score is None


@moderate
@given(part_lists, configs)
def test_forecast_only_goal_is_never_reported_as_outcome(parts, config):
    goal = goal_fulfilment(parts, config)
    with_data = [p for p in goal.parts if p.score is not None]
    if any(p.basis is Basis.FORECAST for p in with_data):
        assert goal.basis in (Basis.FORECAST, Basis.MIXED, Basis.NONE)
    if goal.basis is Basis.OUTCOME:
        assert goal.forecast_only == 0
    assert goal.forecast_only == sum(p.basis is Basis.FORECAST for p in goal.parts)


@moderate
@given(part_lists, configs)
def test_coverage_below_minimum_is_no_data(parts, config):
    goal = goal_fulfilment(parts, config)
    if goal.coverage < config.min_coverage - 1e-9 or not goal.parts:
        assert goal.status is Status.NO_DATA
        assert goal.score is None


@moderate
@given(part_lists)
def test_counts_add_up_to_the_parts(parts):
    goal = goal_fulfilment(parts)
    assert sum(goal.counts.of(s) for s in Status) == len(goal.parts)


@moderate
@given(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1), configs)
def test_a_higher_score_never_gets_a_lower_status(a, b, config):
    low, high = sorted((a, b))
    assert RANK[status_from_score(high, config)] >= RANK[status_from_score(low, config)]


activity_states = st.builds(
    ActivityState,
    st.sampled_from(list(ActivityStatus)),
    st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
    st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)),
)


@moderate
@given(st.lists(activity_states, max_size=6), st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)))
def test_adding_a_done_activity_never_lowers_the_activity_score(states, as_of):
    before = activity_part(states, as_of)
    after = activity_part([*states, ActivityState(ActivityStatus.DONE, as_of, as_of)], as_of)
    assert 0.0 <= after.score <= 1.0
    if before is not None:
        assert after.score >= before.score - 1e-12


@moderate
@given(maybe_numbers, maybe_numbers, directions, st.integers(0, 3))
def test_swapping_years_or_direction_flips_the_trend(current, previous, direction, decimals):
    opposite = {Trend.BETTER: Trend.WORSE, Trend.WORSE: Trend.BETTER}
    trend = year_over_year(current, previous, direction, decimals).trend
    assert year_over_year(previous, current, direction, decimals).trend is opposite.get(
        trend, trend
    )
    assert year_over_year(current, previous, flip(direction), decimals).trend is opposite.get(
        trend, trend
    )
    assert (trend is Trend.UNKNOWN) == (current is None or previous is None)


def test_no_part_with_data_is_no_data_even_without_minimum_coverage():
    goal = goal_fulfilment([part(Status.NO_DATA)] * 2, RuleConfig(min_coverage=0.0))
    assert (goal.status, goal.reason, goal.score) == (
        Status.NO_DATA,
        GoalReason.TOO_LITTLE_DATA,
        None,
    )


def test_every_setting_is_documented():
    docs = (Path(__file__).parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(RuleConfig):
        assert f"`{field.name}`" in docs
    assert "Statusregler" in docs and "Status rules" in docs


def _assessed(status):
    return Assessment(1, 1, 2025, "T1", status, True, "", "")


@pytest.mark.parametrize(
    ("computed", "assessed", "expected"),
    [
        (Status.PARTLY_MET, None, "none"),
        (Status.PARTLY_MET, Status.PARTLY_MET, "none"),
        (Status.PARTLY_MET, Status.MET, "more_positive"),
        (Status.NOT_MET, Status.PARTLY_MET, "more_positive"),
        (Status.MET, Status.NOT_MET, "more_negative"),
        (Status.NO_DATA, Status.MET, "without_evidence"),
        (Status.NO_DATA, Status.PARTLY_MET, "without_evidence"),
        (Status.NO_DATA, Status.NOT_MET, "none"),
        (Status.MET, Status.NO_DATA, "none"),
    ],
)
def test_disagreement_flags_assessments_that_differ_from_the_computed_status(
    computed, assessed, expected
):
    assessment = _assessed(assessed) if assessed else None
    assert disagreement(computed, assessment) is Disagreement(expected)


# ------------------------------------------------------- value status, exact decimals, roll-up


@pytest.mark.parametrize("value_status", [ValueStatus.SUPPRESSED, ValueStatus.NOT_APPLICABLE])
def test_a_number_in_a_row_whose_status_is_not_ok_is_never_judged(value_status):
    """Issue 14, finding 3: a row marked skyddad that still carries a number was judged met."""
    result = indicator_status(HIGHER, Target(85.0), Reading(99.0, 99.0, value_status))
    assert result.status is Status.NO_DATA
    assert (result.value, result.outcome, result.forecast) == (None, None, None)


def test_an_outcome_marked_missing_is_not_judged_but_its_forecast_is():
    result = indicator_status(HIGHER, Target(85.0), Reading(50.0, 99.0, ValueStatus.MISSING))
    assert (result.status, result.basis, result.outcome, result.forecast) == (
        Status.MET,
        Basis.FORECAST,
        None,
        99.0,
    )


def test_a_value_exactly_on_the_default_limit_is_partly_met():
    """Issue 14, finding 4: 6,8 + 10 % = 7,48 exactly (lower is better), so 7,48 is partly met."""
    result = indicator_status(LOWER, Target(6.8), Reading(7.48, None))
    assert result.status is Status.PARTLY_MET
    assert result.partly_limit == 7.48
    assert indicator_status(LOWER, Target(6.8), Reading(7.49, None)).status is Status.NOT_MET
    assert indicator_status(HIGHER, Target(85.0), Reading(76.5, None)).status is Status.PARTLY_MET


def test_a_change_of_exactly_half_a_unit_rounds_up_as_it_is_shown():
    """Issue 14, finding 4: +0,5 at 0 decimals is shown "+1", so it must not be "oförändrat"."""
    assert year_over_year(81.5, 81.0, HIGHER, 0).trend is Trend.BETTER
    assert year_over_year(81.0, 81.5, HIGHER, 0).trend is Trend.WORSE
    assert year_over_year(0.35, 0.3, HIGHER, 1).trend is Trend.BETTER  # 0.05 in float is 0.04999…
    assert year_over_year(81.4, 81.0, HIGHER, 0).trend is Trend.UNCHANGED


def test_an_indicator_measured_below_rolls_up_as_the_mean_of_its_measuring_organisations():
    """Issue 14, finding 2: an indicator not measured at the organisation must not vanish."""
    below = [
        indicator_status(HIGHER, Target(85.0), Reading(90.0, None)),  # met
        indicator_status(HIGHER, Target(85.0), Reading(80.0, None)),  # partly
        indicator_status(HIGHER, Target(85.0), None),  # no value: counts 0
    ]
    result = rolled_up(HIGHER, below)
    assert result.reason is IndicatorReason.MEASURED_BELOW
    assert result.share == pytest.approx(0.5)
    assert result.status is Status.PARTLY_MET
    assert (result.below.met, result.below.partly_met, result.below.no_data) == (1, 1, 1)
    goal = goal_fulfilment([indicator_part("A", 1.0, result)])
    assert goal.score == pytest.approx(0.5)


def test_an_indicator_measured_nowhere_here_is_listed_not_counted():
    result = not_measured_here(HIGHER)
    goal = goal_fulfilment([indicator_part("A", 1.0, result), part(Status.MET)])
    assert (goal.status, goal.score) == (Status.MET, 1.0)
    assert [p.measured for p in goal.excluded] == [False]


def test_rolled_up_with_no_value_anywhere_has_no_data():
    result = rolled_up(HIGHER, [indicator_status(HIGHER, Target(85.0), None)])
    assert (result.status, result.share) == (Status.NO_DATA, None)


def test_a_goal_met_only_thanks_to_forecasts_says_so():
    """Issue 14, finding 5: a met count must show how many rest on forecasts."""
    on_forecast = goal_fulfilment([part(Status.MET), part(Status.MET, basis=Basis.FORECAST)])
    assert on_forecast.status is Status.MET and on_forecast.met_on_forecast
    assert on_forecast.outcome_status is Status.PARTLY_MET
    on_outcome = goal_fulfilment([part(Status.MET)] * 4 + [part(Status.MET, basis=Basis.FORECAST)])
    assert on_outcome.status is Status.MET and not on_outcome.met_on_forecast


@given(
    value=st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False),
    target=st.decimals(min_value=-1000, max_value=1000, places=1, allow_nan=False),
    direction=st.sampled_from(list(Direction)),
)
def test_judging_agrees_with_exact_decimal_arithmetic(value, target, direction):
    """The limit and comparisons are those of a controller computing with the written decimals."""
    limit = target - abs(target) / 10 if direction is HIGHER else target + abs(target) / 10
    better = (lambda a, b: a >= b) if direction is HIGHER else (lambda a, b: a <= b)
    expected = (
        Status.MET
        if better(value, target)
        else Status.PARTLY_MET
        if better(value, limit)
        else Status.NOT_MET
    )
    assert (
        indicator_status(direction, Target(float(target)), Reading(float(value), None)).status
        is expected
    )
