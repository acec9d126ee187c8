"""Counts are doors (issue 17): on the Målsida each count of indicators by status opens the
indicator table filtered to them, and on Prognoser the indicators met on a forecast alone."""

import pytest
from dash import html

from callbacks.routes import page
from dashboard.domain.model import Status
from dashboard.pages import goal as goal_page
from dashboard.pages.accuracy import accuracy_page
from layouts import texts, urls
from layouts.ids import AccuracyIds
from tests.shown import page_text as _text
from tests.test_meeting_pages import _all

SKA_T2 = "?org=SKA&ar=2026&period=T2"


@pytest.fixture
def goal_view(demo_store):
    ska = demo_store.org("SKA")
    goal = demo_store.goal("KF1.3")
    return goal_page.goal_view(demo_store, goal, ska, 2026, "T2")


def test_each_indicator_count_links_to_the_table_filtered_to_it(demo_store, goal_view):
    state = urls.ViewState(2026, "T2", "SKA")
    text = _text(page(demo_store, "/mal/KF1.3", SKA_T2))
    statuses = [line.judged.result.status for line in goal_view.lines]
    for status in Status:
        door = urls.goal_indicators_href("KF1.3", state, status)
        assert (door in text) == (status in statuses)
    status = statuses[0]
    rendered = page(demo_store, "/mal/KF1.3", door_query(state, status))
    assert _table_rows(rendered) == statuses.count(status) < len(statuses)
    filtered = _text(rendered)
    assert texts.INDICATORS_ONLY.format(status=texts.STATUS_LABEL[status]) in filtered
    assert urls.goal_indicators_href("KF1.3", state, None) in filtered  # "Visa alla"


def _table_rows(rendered) -> int:
    """How many rows the Målsida's indicator table has."""
    section = next(
        s for s in _all(rendered, html.Section) if getattr(s, "id", None) == urls.INDICATORS_ANCHOR
    )
    return sum(1 for body in _all(section, html.Tbody) for _ in _all(body, html.Tr))


def door_query(state, status):
    return urls.goal_indicators_href("KF1.3", state, status).partition("?")[2].partition("#")[0]


@pytest.mark.parametrize("odd", ["%00", "x" * 500, "uppfylld", ""])
def test_an_unknown_indicator_status_filters_nothing(demo_store, goal_view, odd):
    rendered = page(demo_store, "/mal/KF1.3", f"{SKA_T2}&{urls.INDICATOR_STATUS_KEY}={odd}")
    assert _table_rows(rendered) == len(goal_view.lines)
    assert urls.indicator_status_from(f"?{urls.INDICATOR_STATUS_KEY}={odd}") is None


def test_prognoser_met_without_outcome_is_a_door_to_those_indicators(demo_store):
    city = demo_store.root_org()
    found = accuracy_page(demo_store, city, 2026, "T2", 1000).forecast_only
    met = [f for f in found if f.result.status is Status.MET]
    assert 0 < len(met) < len(found)
    state = urls.ViewState(2026, "T2", city.code)
    door = urls.accuracy_href(state, Status.MET, AccuracyIds.FORECAST_ONLY)
    text = _text(page(demo_store, urls.ACCURACY_PATH, "?ar=2026&period=T2&visa=1000"))
    assert door in text
    query = door.partition("?")[2].partition("#")[0]
    filtered = _text(page(demo_store, urls.ACCURACY_PATH, f"?{query}&visa=1000"))
    shown = filtered.count('"type": "Tr"') - text.count('"type": "Tr"')
    assert shown == len(met) - len(found)
    assert urls.accuracy_href(state, None, AccuracyIds.FORECAST_ONLY) in filtered
