"""The Målsida within its server budget (issue 20): the goal is judged in full where the page
shows it in full, and only its result where the page shows a result (the drill-down's rows, the
child goals); what two parts of the page read alike is read once. Every number stays the one the
goal judged alone gives (docs/rules.md)."""

import pytest

from dashboard.domain.model import GoalLevel
from dashboard.followup import control_room
from dashboard.pages import goal as goal_page
from dashboard.tools.bench import captured_sql

YEAR, PERIOD = 2026, "T2"


def _rows(store, statements, table):
    """The rows the captured statements that read `table` gave, run again raw."""
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        found = []
        for statement, parameters, _ in statements:
            if f"FROM {table} " in statement or statement.endswith(f"FROM {table}"):
                cursor.execute(statement, parameters)
                found.append(cursor.fetchall())
        raw.rollback()
    finally:
        raw.close()
    return found


def test_the_drill_down_and_the_child_goals_show_each_goal_as_judged_alone(demo_store):
    city = demo_store.root_org()
    for goal in demo_store.goals(YEAR, (GoalLevel.COUNCIL,)):
        view = goal_page.goal_view(demo_store, goal, city, YEAR, PERIOD)
        [alone] = control_room.judge(demo_store, [(goal, city.id)], YEAR, PERIOD)
        assert view.status == alone
        for org, result in view.by_org:
            [status] = control_room.judge(demo_store, [(goal, org.id)], YEAR, PERIOD)
            assert result == status.result
        for child, result in view.children:
            [status] = control_room.judge(demo_store, [(child, child.org_id)], YEAR, PERIOD)
            assert result == status.result
        assert (view.by_org and view.children) or goal.code != "KF1.5"


@pytest.mark.parametrize("org_code", ["STAD", "SKA"])
def test_the_goal_page_reads_the_assessment_of_its_own_goal_only(demo_store, org_code):
    """At the city the drill-down judges the goal at every nämnd, and each nämnd has assessed
    every goal; the page shows one assessment, the organisation's own (the city makes none)."""
    org, goal = demo_store.org(org_code), demo_store.goal("KF1.5")
    orgs = [org.id, *(o.id for o in demo_store.org_children(org.id))]
    assert len(demo_store.assessments(orgs, YEAR, PERIOD)) > 1
    with captured_sql(demo_store) as statements:
        view = goal_page.goal_view(demo_store, goal, org, YEAR, PERIOD)
    [rows] = _rows(demo_store, statements, "assessment")
    assert len(rows) == (0 if org_code == "STAD" else 1)
    assert (view.status.assessment is None) == (org_code == "STAD")


def test_assessments_of_given_goals_only(demo_store):
    ska = demo_store.org("SKA").id
    every = demo_store.assessments([ska], YEAR, PERIOD)
    goal_id = every[0].goal_id
    assert demo_store.assessments([ska], YEAR, PERIOD, [goal_id]) == [
        a for a in every if a.goal_id == goal_id
    ]
    assert len(every) > 1
    assert demo_store.assessments([ska], YEAR, PERIOD, []) == []
