"""Numbers that hold (issue 14), on the demo municipality: a period's pages are a function of that
period's data, kept results equal fresh ones, and no protected value reaches a page."""

from __future__ import annotations

import json

import plotly
import pytest
from sqlalchemy import select, update

from callbacks import routes
from dashboard.domain.model import ActivityStatus, ValueStatus
from dashboard.followup import activity_followups, control_room, goal_results
from dashboard.store import activity_t, indicator_t, measurement_t
from tests.demo_db import fill_with_demo
from tests.opened_rows import opened


@pytest.fixture
def demo_copy(empty_store):
    """A demo store of this test's own, which it may change."""
    return fill_with_demo(empty_store)


def _every_pair(store, year):
    orgs = [org.id for org in store.org_units()]
    return [(goal, org_id) for goal in store.goals(year) for org_id in orgs]


def _pages(store, year, period) -> str:
    """Översikt at every level, Avvikelser (every row opened), Prognoser and the goal page of
    every goal, for the city, as the browser gets them."""
    search = f"?ar={year}&period={period}"
    pages = [
        routes.page(store, "/", search + f"&niva={level}") for level in ("kf", "namnd", "enhet")
    ]
    pages += [routes.page(store, path, search) for path in ("/avvikelser", "/prognoser")]
    pages += [routes.page(store, f"/mal/{goal.code}", search) for goal in store.goals(year)]
    shown = json.dumps(pages, cls=plotly.utils.PlotlyJSONEncoder)
    return shown + opened(store, search)  # Avvikelser's rows' details too, drawn when opened


def test_a_later_follow_up_or_outcome_never_changes_an_earlier_period(demo_copy):
    """Changing every T2 2026 follow-up and outcome leaves every T1 2026 page identical."""
    before = _pages(demo_copy, 2026, "T1")
    for _path, activity in demo_copy.activities_of(
        [g.id for g in demo_copy.goals(2026)], 2026, "T2"
    )[:40]:
        new = (
            ActivityStatus.DONE
            if activity.status is not ActivityStatus.DONE
            else ActivityStatus.DELAYED
        )
        activity_followups.save(demo_copy, activity, 2026, "T2", new, "Ändrad i T2.", "test")
    with demo_copy.engine.begin() as conn:
        conn.execute(
            update(measurement_t)
            .where(measurement_t.c.year == 2026, measurement_t.c.period == "T2")
            .values(outcome=measurement_t.c.outcome + 7)
        )
        conn.execute(
            update(activity_t).values(status=ActivityStatus.CANCELLED.value)
        )  # today's status: not T1's
    assert _pages(demo_copy, 2026, "T1") == before


def test_kept_results_equal_freshly_judged_ones_for_every_goal_and_organisation(demo_store):
    for year, period in ((2026, "T2"), (2025, "T1")):
        pairs = _every_pair(demo_store, year)
        kept = goal_results.briefs(demo_store, pairs, year, period)
        again = goal_results.briefs(demo_store, pairs, year, period)  # now read, not judged
        fresh = control_room.judge(demo_store, pairs, year, period)
        assert [(b.status, b.reason, b.score, b.disagreement) for b in kept] == [
            (s.result.status, s.result.reason, s.result.score, s.disagreement) for s in fresh
        ]
        assert again == kept


def test_no_indicator_vanishes_higher_up(demo_store):
    """Every indicator linked to a goal is a part, rolled up, or listed as not measured: never
    dropped."""
    pairs = _every_pair(demo_store, 2026)
    links = demo_store.goal_links(sorted({goal.id for goal, _ in pairs}))
    for status in control_room.judge(demo_store, pairs, 2026, "T2"):
        assert [j.fact.indicator.id for j in status.indicators] == [
            i.id for i, _ in links[status.goal.id]
        ]


def test_a_protected_value_reaches_no_page(demo_copy):
    """A row marked skyddad keeps no number in the pages, whatever the database holds."""
    with demo_copy.engine.begin() as conn:
        conn.execute(
            update(measurement_t)
            .where(measurement_t.c.year == 2026)
            .values(
                outcome=987654.25, forecast=987654.25, value_status=ValueStatus.SUPPRESSED.value
            )
        )
        codes = list(conn.execute(select(indicator_t.c.code)).scalars())
    pages = _pages(demo_copy, 2026, "T2")
    for code in codes:
        pages += json.dumps(
            routes.page(demo_copy, f"/indikator/{code}", "?ar=2026&period=T2"),
            cls=plotly.utils.PlotlyJSONEncoder,
        )
    assert "987" not in pages.replace(" ", "").replace("\u00a0", "")
