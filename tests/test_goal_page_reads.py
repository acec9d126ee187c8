"""The Målsida within its server budget (issue 20): the goal is judged in full where the page
shows it in full, and only its result where the page shows a result (the drill-down's rows, the
child goals); what two parts of the page read alike is read once. Every number stays the one the
goal judged alone gives (docs/rules.md)."""

import re

import pytest

from callbacks.routes import page
from dashboard.domain.model import GoalLevel, Reading
from dashboard.domain.national import HOME_KOLADA_ID
from dashboard.followup import control_room
from dashboard.followup.national_admin import CHOSEN_GROUP
from dashboard.pages import goal as goal_page
from dashboard.pages.national import national_views
from dashboard.tools.bench import captured_sql
from dashboard.upload.effects import _Overlaid
from layouts import texts
from tests.shown import page_text

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


def _reading(statements, table):
    return sum(f"FROM {table}" in s for s, _, _ in statements)


def test_in_a_request_an_organisations_lineage_and_children_come_with_its_neighbourhood(
    demo_store,
):
    """The Målsida asks for all three (the drill-down, the trail, the filter bar): one read, and
    the same organisations as read alone."""
    for code in ("STAD", "SKA", "SKA-IFO-01"):
        org_id = demo_store.org(code).id
        alone = [f(org_id) for f in (demo_store.org_lineage, demo_store.org_children)]
        with demo_store.one_request(), captured_sql(demo_store) as statements:
            demo_store.org(code)  # as the router resolves the page's organisation
            lineage, children = demo_store.org_lineage(org_id), demo_store.org_children(org_id)
            neighbourhood = demo_store.org_neighbourhood(org_id)
        assert [lineage, children] == alone
        assert {o.id for o in lineage + children} <= {o.id for o in neighbourhood}
        assert _reading(statements, "org_unit") == 2, code  # the organisation, its neighbourhood


def test_rows_of_organisations_bring_their_paths_to_the_roll_up(demo_store):
    """Judging a goal at the city and its nämnder looks below them for the indicators they do
    not measure: their paths came with the organisations' rows."""
    goal = demo_store.goal("KF1.6")  # some of its indicators are looked for below them
    with demo_store.one_request():
        city = demo_store.org("STAD")
        with captured_sql(demo_store) as statements:
            goal_page.goal_view(demo_store, goal, city, YEAR, PERIOD)
    assert any(s.startswith("SELECT measured.indicator_id") for s, _, _ in statements)
    paths = r"SELECT (org_unit.id, )?org_unit.path\s+FROM org_unit"
    assert not any(re.match(paths, s) for s, _, _ in statements)


def test_a_goals_links_are_read_once_in_a_request_whatever_goals_are_asked_with_it(demo_store):
    goal = demo_store.goal("KF1.5")
    children = [c.id for c in demo_store.child_goals(goal.id, YEAR)]
    alone = demo_store.goal_links([goal.id, *children])
    with demo_store.one_request(), captured_sql(demo_store) as statements:
        both = demo_store.goal_links([goal.id, *children])
        both[goal.id].clear()
        again = demo_store.goal_links([goal.id])
    assert both == alone | {goal.id: []} and again == {goal.id: alone[goal.id]}
    assert _reading(statements, "goal_indicator") == 1


def test_the_goal_and_its_atgarder_section_read_its_measures_once(demo_store):
    with demo_store.one_request(), captured_sql(demo_store) as statements:
        shown = page(demo_store, "/mal/KF1.5", f"?org=SKA&ar={YEAR}&period={PERIOD}")
    assert texts.MEASURES_SECTION_HEADING in page_text(shown)
    assert sum(re.search(r"FROM measure\b", s) is not None for s, _, _ in statements) == 1


def test_the_national_comparison_reads_its_settings_together(demo_store):
    names = [CHOSEN_GROUP, HOME_KOLADA_ID]
    alone = {name: demo_store.national_setting(name) for name in names}
    assert demo_store.national_settings(names) == {k: v for k, v in alone.items() if v}
    goals = demo_store.goals(YEAR)
    links = demo_store.goal_links([g.id for g in goals])
    linked = [i for found in links.values() for i, _ in found if i.kolada_kpi]
    groups = demo_store.comparison_groups()
    assert groups and demo_store.comparison_setup(names) == (
        groups,
        demo_store.national_settings(names),
    )
    assert demo_store.comparison_setup([]) == (groups, {})
    with captured_sql(demo_store) as statements:
        assert national_views(demo_store, linked, YEAR)
    assert _reading(statements, "national_setting") == 1
    assert len(statements) == 4  # groups and settings, values, names, KPIs


def test_in_a_request_organisations_read_before_are_not_read_again(demo_store):
    """The Målsida names where its parts are measured: at a nämnd often itself or its units."""
    ska = demo_store.org("SKA")
    units = [o.id for o in demo_store.org_children(ska.id)]
    alone = demo_store.orgs_by_id([ska.id, *units, demo_store.root_org().id])
    with demo_store.one_request():
        demo_store.org("SKA")
        demo_store.org_neighbourhood(ska.id)
        with captured_sql(demo_store) as statements:
            known = demo_store.orgs_by_id([ska.id, *units])
            assert not statements
            assert demo_store.orgs_by_id([*units, ska.id, demo_store.root_org().id]) == alone
    assert known == {k: v for k, v in alone.items() if k != demo_store.root_org().id}


def test_a_units_goal_page_looks_for_nothing_below_the_unit(demo_store):
    """A unit has nothing below it: its neighbourhood, read for the page, says so."""
    unit, goal = demo_store.org("SPT-FRI-02"), demo_store.goal("KF1.2")
    assert not demo_store.org_children(unit.id)
    alone = goal_page.goal_view(demo_store, goal, unit, YEAR, "T1")
    with demo_store.one_request():
        demo_store.org(unit.code)
        with captured_sql(demo_store) as statements:
            view = goal_page.goal_view(demo_store, goal, unit, YEAR, "T1")
    assert view == alone
    assert any(j.result.reason.name == "NOT_MEASURED_HERE" for j in view.status.indicators)
    assert not any(s.startswith("SELECT measured.indicator_id") for s, _, _ in statements)


def _fact_reads(statements):
    facts = r"SELECT goal_indicator\.goal_id, \S+\.org_id AS org_id"
    return sum(re.match(facts, s) is not None for s, _, _ in statements)


def _pair_facts_args(store, code, org_code):
    goal, org = store.goal(code), store.org(org_code)
    subs = [o.id for o in store.org_children(org.id)]
    children = store.child_goals(goal.id, YEAR, within_org_id=org.id)
    own = sorted({c.id for c in children} | ({goal.id} if goal.org_id == org.id else set()))
    return own, subs, [goal.id]


@pytest.mark.parametrize("code, org_code", [("KF1.5", "STAD"), ("KF1.5", "SKA"), ("KF1.2", "STAD")])
def test_the_goal_below_and_its_child_goals_read_their_facts_in_one_statement(
    demo_store, code, org_code
):
    """At the city and a nämnd the Målsida judges its goal at the organisation's children and its
    child goals at their own: one read of both, the facts the two reads give apart."""
    own, subs, goal_ids = _pair_facts_args(demo_store, code, org_code)
    assert own and subs
    apart = demo_store.own_goal_indicator_facts(own, YEAR, PERIOD)
    apart += demo_store.goal_indicator_facts(subs, YEAR, PERIOD, goal_ids)
    together = demo_store.pair_facts(own, subs, goal_ids, YEAR, PERIOD)
    key = lambda f: (f.goal_id, f.org_id, f.indicator.code)  # noqa: E731
    assert sorted(together, key=key) == sorted(apart, key=key)
    assert demo_store.pair_facts([], [], [], YEAR, PERIOD) == []
    with captured_sql(demo_store) as statements:
        goal_page.goal_view(
            demo_store, demo_store.goal(code), demo_store.org(org_code), YEAR, PERIOD
        )
    assert _fact_reads(statements) == 1


def test_the_upload_previews_store_overlays_the_facts_read_together(demo_store):
    own, subs, goal_ids = _pair_facts_args(demo_store, "KF1.5", "STAD")
    found = demo_store.pair_facts(own, subs, goal_ids, YEAR, PERIOD)
    changed = found[-1]
    new = Reading(123.0, None)
    overlaid = _Overlaid(demo_store, {(changed.indicator.id, changed.org_id): new})
    after = overlaid.pair_facts(own, subs, goal_ids, YEAR, PERIOD)
    assert [f.reading for f in after] == [
        new if (f.indicator.id, f.org_id) == (changed.indicator.id, changed.org_id) else f.reading
        for f in found
    ]
