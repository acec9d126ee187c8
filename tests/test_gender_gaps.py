"""The gaps between women and men (dashboard/followup/gender_gaps.py) as pure rules."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dashboard.domain.model import (
    Direction,
    Gender,
    GoalLevel,
    Indicator,
    Measurement,
    Reading,
    ValueStatus,
)
from dashboard.domain.national import ReferenceValue
from dashboard.followup.gender_gaps import (
    Favours,
    GapMove,
    GenderGap,
    count_by_move,
    gaps,
    reference_gaps,
    with_reference,
)

SATISFIED = Indicator(1, "NOJD", "Andel nöjda", "%", Direction.HIGHER, 1, GoalLevel.COUNCIL, True)
FALLS = Indicator(
    2, "FALL", "Andel fallolyckor", "%", Direction.LOWER, 1, GoalLevel.COUNCIL, True, "N00090"
)
DAYS = Indicator(3, "DAG", "Väntetid", "dagar", Direction.LOWER, 0, GoalLevel.COUNCIL, True)


def _reading(indicator, year, gender, outcome, status=ValueStatus.OK, period="T2", forecast=None):
    reading = Reading(outcome, forecast, status)
    return indicator, Measurement(indicator.id, 7, year, period, gender, reading)


def _pair(indicator, year, women, men):
    return [
        _reading(indicator, year, Gender.WOMEN, women),
        _reading(indicator, year, Gender.MEN, men),
    ]


def test_the_gap_is_women_minus_men_in_exact_decimals_and_its_change_since_last_year():
    [gap] = gaps(
        _pair(SATISFIED, 2025, 85.1, 79.4) + _pair(SATISFIED, 2024, 82.0, 78.9), 2025, "T2"
    )
    assert (gap.women, gap.men, gap.gap) == (85.1, 79.4, 5.7)
    assert gap.previous_gap == 3.1
    assert gap.widening == 2.6
    assert (gap.move, gap.favours, gap.previously_favoured) == (
        GapMove.WIDENED,
        Favours.WOMEN,
        Favours.WOMEN,
    )


def test_whom_a_gap_favours_follows_the_indicators_direction():
    [falls] = gaps(_pair(FALLS, 2025, 6.0, 4.0), 2025, "T2")
    assert falls.gap == 2.0
    assert falls.favours is Favours.MEN  # more women fall: in men's favour
    [satisfied] = gaps(_pair(SATISFIED, 2025, 70.0, 75.0), 2025, "T2")
    assert satisfied.favours is Favours.MEN
    [even] = gaps(_pair(SATISFIED, 2025, 70.04, 70.0), 2025, "T2")
    assert even.favours is Favours.NEITHER  # no gap at one decimal


def test_a_gap_that_changes_side_but_not_size_is_unchanged():
    readings = _pair(DAYS, 2025, 10.0, 12.0) + _pair(DAYS, 2024, 12.0, 10.0)
    [gap] = gaps(readings, 2025, "T2")
    assert (gap.move, gap.favours, gap.previously_favoured) == (
        GapMove.UNCHANGED,
        Favours.WOMEN,
        Favours.MEN,
    )


def test_only_outcomes_with_status_ok_of_the_period_count():
    readings = [
        _reading(SATISFIED, 2025, Gender.WOMEN, 80.0),
        _reading(SATISFIED, 2025, Gender.MEN, None, forecast=70.0),  # a forecast only
        _reading(SATISFIED, 2024, Gender.WOMEN, 80.0),
        _reading(SATISFIED, 2024, Gender.MEN, 70.0, ValueStatus.SUPPRESSED),
        _reading(SATISFIED, 2025, Gender.TOTAL, 75.0),
        _reading(SATISFIED, 2025, Gender.MEN, 50.0, period="T1"),
    ]
    [gap] = gaps(readings, 2025, "T2")
    assert (gap.women, gap.men, gap.previous_men) == (80.0, None, None)
    assert (gap.gap, gap.favours, gap.move) == (None, None, GapMove.UNKNOWN)


def test_where_the_gap_widened_most_comes_first_then_new_gaps_then_missing_ones():
    readings = [
        *_pair(SATISFIED, 2025, 80.0, 79.0),
        *_pair(SATISFIED, 2024, 80.0, 75.0),  # narrowed by 4
        *_pair(FALLS, 2025, 3.0, 6.0),
        *_pair(FALLS, 2024, 4.0, 5.0),  # widened by 2
        *_pair(DAYS, 2025, 20.0, 5.0),  # no last year: after those that can be compared
        _reading(
            Indicator(4, "A", "Utan", "%", Direction.HIGHER, 0, GoalLevel.COUNCIL, True),
            2025,
            Gender.TOTAL,
            50.0,
        ),
    ]
    found = gaps(readings, 2025, "T2")
    assert [gap.indicator.code for gap in found] == ["FALL", "NOJD", "DAG", "A"]
    assert [gap.move for gap in found] == [
        GapMove.WIDENED,
        GapMove.NARROWED,
        GapMove.UNKNOWN,
        GapMove.UNKNOWN,
    ]
    assert count_by_move(found) == {
        GapMove.WIDENED: 1,
        GapMove.NARROWED: 1,
        GapMove.UNCHANGED: 0,
        GapMove.UNKNOWN: 2,
    }


def test_riket_joins_by_the_indicators_kolada_kpi():
    found = gaps(_pair(FALLS, 2025, 3.0, 6.0) + _pair(SATISFIED, 2025, 1.0, 2.0), 2025, "T2")
    joined = with_reference(found, {"N00090": (2024, -1.5), "N00945": (2024, 9.0)})
    assert [(gap.indicator.code, gap.riket_year, gap.riket_gap) for gap in joined] == [
        ("FALL", 2024, -1.5),
        ("NOJD", None, None),
    ]


values = st.one_of(st.none(), st.integers(0, 1000).map(lambda n: n / 10))


@given(women=values, men=values, before_women=values, before_men=values)
def test_swapping_women_and_men_mirrors_the_gap_and_keeps_its_movement(
    women, men, before_women, before_men
):
    gap = GenderGap(SATISFIED, women, men, before_women, before_men)
    mirrored = GenderGap(SATISFIED, men, women, before_men, before_women)
    assert mirrored.move is gap.move
    if gap.gap is not None:
        assert mirrored.gap == -gap.gap
        swapped = {Favours.WOMEN: Favours.MEN, Favours.MEN: Favours.WOMEN}
        assert mirrored.favours is swapped.get(gap.favours, Favours.NEITHER)


def test_riket_s_gap_is_from_the_latest_year_not_after_ours_with_both_genders():
    """Kolada lags: Riket's gap comes from the latest year up to ours that has K and M."""
    values = [
        ReferenceValue("N00090", "0000", 2024, "K", 10.0),
        ReferenceValue("N00090", "0000", 2024, "M", 7.5),
        ReferenceValue("N00090", "0000", 2025, "K", 9.0),
        ReferenceValue("N00090", "0000", 2025, "M", None),  # a null: 2025 has no gap
        ReferenceValue("N00090", "0000", 2027, "K", 1.0),  # after our year: not compared
        ReferenceValue("N00090", "0000", 2027, "M", 0.0),
        ReferenceValue("N00945", "0000", 2026, "T", 50.0),  # no split: no gap
    ]
    assert reference_gaps(values, 2026) == {"N00090": (2024, 2.5)}
