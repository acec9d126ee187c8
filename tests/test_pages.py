"""Every route drawn by the router against the real demo database, numbers checked against the
store."""

import json

import pytest

from callbacks.routes import page
from dashboard.domain.model import Gender, GoalLevel
from layouts import texts
from layouts.explanation import format_number
from tests.shown import page_text as _text


@pytest.fixture
def kf_goal(demo_store):
    year, _ = demo_store.reported_periods()[-1]
    return demo_store.goals(year, (GoalLevel.COUNCIL,))[0]


@pytest.mark.parametrize("level", ["", "&niva=namnd", "&niva=enhet"])
def test_overview_renders_at_every_level(demo_store, level):
    text = _text(page(demo_store, "/", f"?org=SKA{level}"))
    assert "Skarpnäcks stadsdelsnämnd" in text
    assert "goal-card status-" in text


def test_goal_page_shows_the_stores_numbers(demo_store, kf_goal):
    year, period = demo_store.reported_periods()[-1]
    root = demo_store.root_org()
    text = _text(page(demo_store, f"/mal/{kf_goal.code}", ""))
    assert kf_goal.title in text and texts.WHY_HEADING in text
    facts = demo_store.goal_indicator_facts([root.id], year, period, [kf_goal.id])
    assert facts
    for fact in facts:
        assert fact.indicator.name in text
        if fact.reading and fact.reading.outcome is not None:
            shown = format_number(
                fact.reading.outcome, fact.indicator.decimals, fact.indicator.unit
            )
            assert json.dumps(shown, ensure_ascii=False)[1:-1] in text


def test_goal_page_drills_down_to_the_sub_organisations(demo_store, kf_goal):
    text = _text(page(demo_store, f"/mal/{kf_goal.code}", ""))
    assert texts.BY_ORG_HEADING in text
    committees = demo_store.org_children(demo_store.root_org().id)
    assert any(f"org={c.code}" in text for c in committees)


def test_indicator_page_has_trend_chart_and_table_alternative(demo_store, kf_goal):
    year, period = demo_store.reported_periods()[-1]
    root = demo_store.root_org()
    indicator = demo_store.goal_indicator_facts([root.id], year, period, [kf_goal.id])[0].indicator
    text = _text(page(demo_store, f"/indikator/{indicator.code}", ""))
    assert texts.TREND_HEADING in text and texts.SHOW_TABLE in text
    [latest] = [
        m
        for m in demo_store.measurements([indicator.id], [root.id], period, [year])
        if m.gender is Gender.TOTAL
    ]
    shown = format_number(latest.reading.outcome, indicator.decimals, indicator.unit)
    assert json.dumps(shown, ensure_ascii=False)[1:-1] in text


@pytest.mark.parametrize("path", ["/mal/FINNS-INTE", "/indikator/FINNS-INTE", "/okand"])
def test_unknown_things_get_a_not_found_page(demo_store, path):
    assert texts.NOT_FOUND_HEADING in _text(page(demo_store, path, ""))


def test_indicator_table_sorts_by_the_key_in_the_url(demo_store, kf_goal):
    by_name = _text(page(demo_store, f"/mal/{kf_goal.code}", "?sortera=namn"))
    assert '"aria-sort": "descending"' in by_name
    assert "sortera=status" in by_name  # the other keys are links
    names = sorted(
        f.indicator.name
        for f in demo_store.goal_indicator_facts(
            [demo_store.root_org().id], *demo_store.reported_periods()[-1], [kf_goal.id]
        )
    )
    positions = [by_name.index(json.dumps(n, ensure_ascii=False)[1:-1]) for n in names]
    assert positions == sorted(positions)


def test_comparison_never_shows_a_forecast_as_the_outcome(demo_store):
    from dashboard.domain.model import Basis
    from dashboard.pages.indicator import indicator_view
    from layouts.indicator import _comparison_row
    from layouts.urls import ViewState

    year, period = demo_store.reported_periods()[-1]
    root = demo_store.root_org()
    goals = [g.id for g in demo_store.goals(year, (GoalLevel.COUNCIL,))]
    indicators = {
        f.indicator.code: f.indicator
        for f in demo_store.goal_indicator_facts([root.id], year, period, goals)
    }
    forecast_only = 0
    for indicator in indicators.values():
        view = indicator_view(demo_store, indicator, root, year, period)
        for result in view.compared:
            row = _comparison_row(result, view, ViewState(year, period))
            assert row[3] == format_number(
                result.result.outcome, indicator.decimals, indicator.unit
            )
            assert row[4] == format_number(
                result.result.forecast, indicator.decimals, indicator.unit
            )
            forecast_only += result.result.basis is Basis.FORECAST
    assert forecast_only > 0  # the demo has units with only a forecast this period
