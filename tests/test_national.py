"""The national comparison as pure functions: which year, median, rank and quartile."""

import math

from hypothesis import given
from hypothesis import strategies as st

from dashboard.domain.model import Direction
from dashboard.domain.national import ReferenceValue
from dashboard.followup.national import compare, compared_year, median, quartile, ranked

values_st = st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=40)


def test_the_latest_kolada_year_not_after_ours_is_compared():
    assert compared_year(2026, [2019, 2021, 2022]) == 2022
    assert compared_year(2021, [2019, 2021, 2022]) == 2021
    assert compared_year(2018, [2019, 2021]) is None
    assert compared_year(2026, []) is None


def test_median_of_an_even_count_is_the_mean_of_the_middle_two():
    assert median([4.0, 1.0, 3.0, 2.0]) == 2.5
    assert median([5.0]) == 5.0
    assert median([]) is None


def test_ranks_are_best_first_and_ties_share_the_better_rank():
    places = {"a": 10.0, "b": 30.0, "c": 30.0, "d": 20.0}
    assert ranked(places, Direction.HIGHER) == [
        ("b", 30.0, 1),
        ("c", 30.0, 1),
        ("d", 20.0, 3),
        ("a", 10.0, 4),
    ]
    assert [p for p, _, _ in ranked(places, Direction.LOWER)] == ["a", "d", "b", "c"]


def test_quartile_examples():
    # 8 places: ranks 1-2 first quartile, 3-4 second, 5-6 third, 7-8 fourth
    assert [quartile(rank, 8) for rank in range(1, 9)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert quartile(1, 1) == 1
    assert [quartile(rank, 3) for rank in (1, 2, 3)] == [1, 3, 4]
    assert [quartile(rank, 5) for rank in range(1, 6)] == [1, 2, 3, 4, 4]
    assert (quartile(1, 2), quartile(2, 2)) == (1, 4)


@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(1, n), st.just(n))))
def test_quartile_is_one_to_four_and_never_better_for_a_worse_rank(pair):
    rank, count = pair
    assert 1 <= quartile(rank, count) <= 4
    assert quartile(1, count) == 1 and (count == 1 or quartile(count, count) == 4)
    if rank < count:
        assert quartile(rank, count) <= quartile(rank + 1, count)
    # at most a quarter of the places (rounded up) are in the first quartile
    assert quartile(rank, count) > 1 or rank <= math.ceil(count / 4)


@given(values_st)
def test_median_lies_between_the_extremes_and_halves_the_values(values):
    middle = median(values)
    assert min(values) <= middle <= max(values)
    assert sum(v <= middle for v in values) >= len(values) / 2
    assert sum(v >= middle for v in values) >= len(values) / 2


def _v(place: str, year: int, value: float | None, gender: str = "T") -> ReferenceValue:
    return ReferenceValue("N1", place, year, gender, value)


def test_a_comparison_puts_us_beside_riket_and_the_group():
    values = [
        _v("0000", 2021, 70.0),
        _v("0000", 2022, 72.0),
        _v("0000", 2022, 75.0, "K"),
        _v("0000", 2022, 69.0, "M"),
        _v("0180", 2022, 81.0),
        _v("0180", 2022, 84.0, "K"),
        _v("0180", 2022, 78.0, "M"),
        _v("0114", 2022, 60.0),
        _v("0115", 2022, 90.0),
        _v("0117", 2022, None),
        _v("0114", 2021, 65.0),
        _v("0180", 2021, 80.0),
    ]
    group = ["0114", "0115", "0117", "0180"]
    result = compare(values, 2026, Direction.HIGHER, home="0180", group=group)
    assert (result.year, result.lags) == (2022, True)
    assert result.riket == 72.0 and result.group_median == 81.0
    assert [(p.municipality, p.rank, p.home) for p in result.ranking] == [
        ("0115", 1, False),
        ("0180", 2, True),
        ("0114", 3, False),
    ]
    assert result.missing == ["0117"]
    assert (result.home.rank, result.home.quartile, result.count) == (2, 3, 3)
    assert result.riket_series == [(2021, 70.0), (2022, 72.0)]
    assert result.median_series == [(2021, 72.5), (2022, 81.0)]
    assert result.gender == {"K": (84.0, 75.0), "M": (78.0, 69.0)}


def test_without_group_or_home_only_riket_is_compared():
    result = compare([_v("0000", 2025, 5.0)], 2025, Direction.LOWER, home=None, group=[])
    assert (result.year, result.lags, result.riket) == (2025, False, 5.0)
    assert result.home is None and result.ranking == [] and result.group_median is None
    assert compare([], 2025, Direction.LOWER, home=None, group=[]).year is None
