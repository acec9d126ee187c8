"""URL state: a link opens exactly the view it names, and nonsense falls back sensibly."""

from urllib.parse import urlencode

import pytest

from dashboard.domain.model import GoalLevel
from layouts import urls
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


@pytest.mark.parametrize(
    "org_code", [None, "", "SKA", "Skarpnäck", "a b&c=d", "x/y?z#", "–", "ÅÄÖ~._-", "%41"]
)
@pytest.mark.parametrize("level", list(urls.LEVEL_KEYS))
@pytest.mark.parametrize("sort", [None, "status", "namn efter"])
def test_a_query_string_is_what_urlencode_writes(org_code, level, sort):
    """`query` writes its string itself, sooner than urlencode (issue 20): the same string."""
    state = urls.ViewState(2026, "T2", org_code, level, sort)
    params: dict[str, object] = {urls.YEAR_KEY: 2026, urls.PERIOD_KEY: "T2"}
    if org_code:
        params[urls.ORG_KEY] = org_code
    if level is not GoalLevel.COUNCIL:
        params[urls.LEVEL_KEY] = urls.LEVEL_KEYS[level]
    if sort:
        params[urls.SORT_KEY] = sort
    assert urls.query(state) == "?" + urlencode(params)
    assert urls.href(
        "/mal/K1",
        urls.ViewState(2025, "T1"),
        org_code=org_code,
        level=level,
        sort=sort,
        period="T2",
        year=2026,
    ) == "/mal/K1?" + urlencode(params)


def test_a_query_refuses_what_is_not_part_of_the_view_state():
    with pytest.raises(TypeError):
        urls.href("/", urls.ViewState(2026, "T2"), organisation="SKA")
