"""Each indicator's movement since the previous period on the Målsida (issue 17): the same rule
as the goal's (dashboard/followup/movement.py), on the indicator's status and deviations then
and now."""

import pytest

from callbacks.routes import page
from dashboard.access import ANONYMOUS
from dashboard.domain.model import Status
from dashboard.followup import indicator_movement
from dashboard.followup.indicator_movement import IndicatorMove
from dashboard.followup.movement import Movement
from dashboard.pages import goal as goal_page
from layouts import texts, urls
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset


@pytest.fixture
def tiny(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    return empty_store


def _moves(store, year, period):
    goal, city = store.goal("K1"), store.org("STAD")
    view = goal_page.goal_view(store, goal, city, year, period)
    return indicator_movement.moves(store, goal, city.id, year, period, view.lines)


def test_each_indicator_moves_since_the_previous_period_by_the_goals_rule(tiny):
    moves = _moves(tiny, 2025, "T1")  # compared with helår 2024
    # 84 % without a target in 2024 (no data), 86 % against 85 % now: no longer deviates
    assert moves["NOJD"] == IndicatorMove(Status.NO_DATA, Movement.RESOLVED)
    # not measured at the city in 2024 (not counted); now met on a forecast alone: deviates
    assert moves["FALL"] == IndicatorMove(None, Movement.NEW)
    assert moves["KOST"] == IndicatorMove(None, Movement.NEW)  # now counted, without a target


def test_no_movement_without_a_previous_period(tiny):
    assert _moves(tiny, 2024, "FY") == {}


def test_the_goal_pages_indicator_table_shows_each_indicators_movement(tiny):
    state = urls.ViewState(2025, "T1", "STAD")
    path, _, search = urls.href(urls.goal_path("K1"), state).partition("?")
    text = _text(page(tiny, path, "?" + search, ANONYMOUS))
    table = text[text.index(texts.INDICATORS_CAPTION) :]
    assert texts.INDICATOR_MOVEMENT_COLUMN in table
    assert texts.MOVEMENT_LABEL[Movement.RESOLVED] in table
    assert texts.MOVEMENT_LABEL[Movement.NEW] in table
