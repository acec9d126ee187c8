"""URL state: a link opens exactly the view it names, and nonsense falls back sensibly."""

from dashboard.domain.model import GoalLevel
from layouts.urls import ViewState, parse, query

PERIODS = [(2025, "T1"), (2025, "T2"), (2025, "FY"), (2026, "T1")]


def test_a_query_round_trips():
    state = ViewState(2025, "T2", "SKA", GoalLevel.COMMITTEE, "namn")
    assert parse(query(state), PERIODS) == state


def test_no_query_means_the_newest_period_for_the_whole_city():
    assert parse("", PERIODS) == ViewState(2026, "T1", None, GoalLevel.COUNCIL)


def test_a_period_not_reported_that_year_falls_back_to_the_newest_of_the_year():
    assert parse("?ar=2026&period=FY", PERIODS).period == "T1"
    assert parse("?ar=2025", PERIODS) == ViewState(2025, "FY")


def test_an_unknown_year_or_level_falls_back():
    assert parse("?ar=1999&period=T1&niva=x", PERIODS) == ViewState(2026, "T1")


def test_nothing_reported_gives_no_state():
    assert parse("?ar=2025", []) is None
