"""Small components that depend only on a constant (a status, a movement, a trend point) are
built once and shared by every page that shows them (issue 20: building Dash components is most
of a page's time above its database floor). A shared component is only ever read, so a page
must come out the same however often, and after whichever other pages, it is drawn."""

import json

import plotly
import pytest

from callbacks.routes import page
from dashboard.domain.model import Status
from dashboard.followup.history import Point
from dashboard.followup.movement import Movement, Standing
from layouts import status_trend, texts, urls
from layouts.components import SYMBOL, status_badge

PAGES = [
    ("/", "?ar=2026&period=T2"),
    ("/", "?ar=2026&period=T2&niva=namnd"),
    (urls.goal_path("KF1.3"), "?ar=2026&period=T2"),
    (urls.DEVIATIONS_PATH, "?ar=2026&period=T2"),
]


def _sent(store, path: str, search: str) -> str:
    return json.dumps(page(store, path, search), cls=plotly.utils.PlotlyJSONEncoder)


def test_pages_come_out_the_same_when_drawn_again_after_others(demo_store):
    first = {(path, search): _sent(demo_store, path, search) for path, search in PAGES}
    for path, search in reversed(PAGES):
        assert _sent(demo_store, path, search) == first[path, search]


@pytest.mark.parametrize("status", list(Status))
def test_a_status_badge_is_symbol_and_words_whoever_asks(status):
    """The words are the badge's text; the symbol its data-symbol, which CSS draws and screen
    readers skip (tests/browser/test_accessibility.py looks at both in Chromium)."""
    badge = status_badge(status).to_plotly_json()
    assert badge["props"]["className"] == f"status-badge status-{status}"
    assert badge["props"]["children"] == texts.STATUS_LABEL[status]
    assert badge["props"][SYMBOL] == texts.STATUS_SYMBOL[status]


def test_a_trend_point_names_its_period_and_status_for_screen_readers():
    points = [Point((2026, "T1"), Standing(Status.MET, False)), Point((2026, "T2"), None)]
    row = status_trend.trend(points)
    assert row is not None
    met, none = row.children
    assert met.className == "status-trend-point status-met"
    assert none.className == "status-trend-point status-none"
    plain = met.to_plotly_json()["props"]
    assert (plain[SYMBOL], plain["data-period"]) == (texts.STATUS_SYMBOL[Status.MET], "T1 26")
    hidden = met.children
    assert hidden.className == "visually-hidden"
    assert hidden.children == texts.TREND_POINT.format(
        period=texts.TREND_PERIOD["T1"], year=2026, status=texts.STATUS_LABEL[Status.MET]
    )


def test_a_movement_word_keeps_its_symbol_hidden_from_screen_readers():
    word = status_trend.movement_word(Movement.IMPROVED).to_plotly_json()
    assert word["props"]["className"] == f"movement movement-{Movement.IMPROVED}"
    assert word["props"]["children"] == texts.MOVEMENT_LABEL[Movement.IMPROVED]
    assert word["props"][SYMBOL] == texts.MOVEMENT_SYMBOL[Movement.IMPROVED]
