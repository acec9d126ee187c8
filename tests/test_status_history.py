"""A goal's status over the last periods, read from the kept goal results: the trend on
Översikt's cards and the Målsida, and the Målsida's movement since the previous period."""

import pytest

from callbacks.routes import page
from dashboard.domain.model import Status
from dashboard.domain.rules import GoalReason
from dashboard.followup import control_room, goal_results, history
from dashboard.followup.history import Point, histories, moved, recent_periods
from dashboard.followup.movement import Movement, Standing
from dashboard.pages.deviations import deviations
from dashboard.store import result_store
from layouts import texts
from tests.shown import page_text as _text

PERIODS = [(y, p) for y in range(2022, 2027) for p in ("T1", "T2", "FY")][:-1]


def test_the_recent_periods_are_the_last_six_of_the_same_kind_up_to_this_one():
    assert recent_periods(PERIODS, 2026, "T2") == [
        (2024, "FY"),
        (2025, "T1"),
        (2025, "T2"),
        (2025, "FY"),
        (2026, "T1"),
        (2026, "T2"),
    ]
    assert recent_periods([*PERIODS, (2026, "M09")], 2026, "M09") == [(2026, "M09")]
    assert recent_periods(PERIODS, 2022, "T2") == [(2022, "T1"), (2022, "T2")]


def test_the_history_is_the_goals_judged_status_at_each_period(demo_store):
    ska = demo_store.org("SKA")
    goals = demo_store.goals(2026)[:8]
    pairs = [(g, ska.id) for g in goals]
    found = histories(demo_store, pairs, 2026, "T2")
    for year, period in recent_periods(demo_store.reported_periods(), 2026, "T2"):
        valid = {g.code: g for g in demo_store.goals(year)}
        judged = {
            s.goal.code: s
            for s in control_room.judge(
                demo_store,
                [(valid[g.code], ska.id) for g in goals if g.code in valid],
                year,
                period,
            )
        }
        for goal in goals:
            point = next(p for p in found[goal.id, ska.id] if p.period == (year, period))
            status = judged.get(goal.code)
            if status is None or status.result.reason is GoalReason.NO_PARTS:
                assert point.standing is None
            else:
                assert point.standing.status is status.result.status


def test_a_history_read_again_judges_nothing(demo_store, monkeypatch):
    ska = demo_store.org("SKA")
    pairs = [(g, ska.id) for g in demo_store.goals(2026)[:5]]
    first = histories(demo_store, pairs, 2026, "T2")

    def judge(*args, **kwargs):
        raise AssertionError("judged again")

    monkeypatch.setattr(goal_results.control_room, "judge", judge)
    assert histories(demo_store, pairs, 2026, "T2") == first


def test_the_movement_is_avvikelsers_movement(demo_store):
    ska = demo_store.org("SKA")
    found = deviations(demo_store, ska, 2026, "T2", 0)
    pairs = [(b.goal, b.org_id) for b in found.found]
    points = histories(demo_store, pairs, 2026, "T2")
    for key, movement in found.since.movements.items():
        before, moved_now = moved(points[key])
        assert moved_now is movement
        assert before.period == found.since.period


@pytest.mark.parametrize(
    "before, now, expected",
    [
        (Standing(Status.NOT_MET, True), Standing(Status.PARTLY_MET, True), Movement.IMPROVED),
        (None, Standing(Status.PARTLY_MET, True), Movement.NEW),
        (Standing(Status.PARTLY_MET, True), Standing(Status.MET, False), Movement.RESOLVED),
    ],
)
def test_moved_compares_the_last_two_points(before, now, expected):
    points = [Point((2026, "T1"), before), Point((2026, "T2"), now)]
    assert moved(points) == (points[0], expected)
    assert moved(points[-1:]) == (None, None)


def test_the_goal_page_shows_the_previous_status_movement_and_trend(demo_store):
    ska = demo_store.org("SKA")
    found = deviations(demo_store, ska, 2026, "T2", 0)
    brief = next(
        b
        for b in found.found
        if b.org_id == ska.id and found.since.movements[b.goal.id, b.org_id] is not None
    )
    text = _text(page(demo_store, f"/mal/{brief.goal.code}", "?org=SKA&ar=2026&period=T2"))
    movement = found.since.movements[brief.goal.id, brief.org_id]
    assert texts.MOVEMENT_LABEL[movement] in text
    assert texts.PREVIOUS_PERIOD.format(period="tertial 1 (jan–apr)", year=2026) in text
    assert texts.STATUS_TREND_LABEL in text
    assert text.count('"status-trend-point') == history.TREND_PERIODS


def test_overviews_cards_show_the_trend(demo_store):
    text = _text(page(demo_store, "/", "?org=SKA&ar=2026&period=T2"))
    cards = text.count('"goal-card status-')
    assert cards > 0
    assert text.count('"status-trend"') == cards
    assert text.count('"status-trend-point') == cards * history.TREND_PERIODS


def test_a_history_reads_the_kept_results_of_its_own_organisations_only(demo_store):
    """Other organisations' kept results of the same goals are not read (issue 20: three times
    the rows on the demo's Översikt, more with every organisation of a city)."""
    ska, city = demo_store.org("SKA"), demo_store.root_org()
    goals = demo_store.goals(2026)[:4]
    for org in (ska, city):  # kept at both
        histories(demo_store, [(g, org.id) for g in goals], 2026, "T2")
    periods = recent_periods(demo_store.reported_periods(), 2026, "T2")
    rows = result_store.kept_over(
        demo_store.engine,
        periods,
        goal_results.rules_fingerprint(),
        [g.id for g in goals],
        [ska.id],
    )
    assert rows
    assert {row[3] for row in rows} == {ska.id}
