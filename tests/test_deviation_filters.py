"""Avvikelser you can work through: filters in the URL, each count a door to its list, and each
goal's movement since the previous period."""

import re

import pytest

from callbacks.routes import page
from dashboard.domain import rules
from dashboard.domain.model import GoalLevel, Status
from dashboard.followup import agenda
from dashboard.followup.deviations import DeviationKind as K
from dashboard.followup.movement import Movement
from dashboard.pages.deviations import ROSIER, Only, deviations
from dashboard.pages.overview import overview
from layouts import urls
from tests.opened_rows import opened
from tests.shown import page_text as _text

BASE = "?org=SKA&ar=2026&period=T2"
SECTION = re.compile(r"deviation-goal status-(\w+)")


@pytest.fixture
def every(demo_store):
    return deviations(demo_store, demo_store.org("SKA"), 2026, "T2", 1000)


def _listed(store, search: str) -> list[str]:
    """The status of each goal section the page shows (all of them: `visa` lists 1,000)."""
    return SECTION.findall(_text(page(store, "/avvikelser", f"{search}&visa=1000")))


def test_a_status_filter_lists_only_goals_of_that_status(demo_store, every):
    shown = _listed(demo_store, BASE + "&status=ej-uppfyllt")
    expected = [b for b in every.found if b.status is Status.NOT_MET]
    assert 0 < len(shown) == len(expected) < len(every.found)
    assert set(shown) == {Status.NOT_MET.value}


@pytest.mark.parametrize(
    "odd",
    ["&status=%3Cscript%3E", "&typ=mal%00", "&malniva=999", "&nya=1e9&positivare=", "&status="],
)
def test_an_unknown_filter_value_filters_nothing(demo_store, every, odd):
    assert urls.only_from(BASE + odd) == Only()
    assert len(_listed(demo_store, BASE + odd)) == len(every.found)


def test_filters_survive_the_round_trip_through_a_link():
    only = Only(Status.PARTLY_MET, GoalLevel.COMMITTEE, urls.KIND_VALUES["aktivitet"], True, True)
    state = urls.ViewState(2026, "T2", "SKA")
    link = urls.deviations_href(state, only, shown=50)
    assert urls.only_from(link.partition("?")[2]) == only
    assert urls.shown_from(link.partition("?")[2]) == 50


def test_kind_level_and_rosier_filters_keep_only_matching_goals(demo_store, every):
    org = demo_store.org("SKA")
    for only, keeps in [
        (
            Only(kinds=urls.KIND_VALUES["aktivitet"]),
            lambda b: b.kinds.get(K.ACTIVITY_OVERDUE) or b.kinds.get(K.ACTIVITY_LATE_START),
        ),
        (Only(level=GoalLevel.COMMITTEE), lambda b: b.goal.level is GoalLevel.COMMITTEE),
        (Only(rosier=True), lambda b: b.disagreement in ROSIER),
    ]:
        found = deviations(demo_store, org, 2026, "T2", 1000, only).found
        assert [b.goal.code for b in found] == [b.goal.code for b in every.found if keeps(b)]


def test_each_goal_has_its_movement_since_t1_and_new_ones_can_be_filtered(demo_store, every):
    assert every.since.period == (2026, "T1")
    moved = every.since.movements
    assert set(moved.values()) <= {
        Movement.NEW,
        Movement.REMAINS,
        Movement.IMPROVED,
        Movement.WORSENED,
    }
    assert len(moved) == len(every.found)
    new = deviations(demo_store, demo_store.org("SKA"), 2026, "T2", 1000, Only(new=True)).found
    assert [b.goal.id for b in new] == [
        b.goal.id for b in every.found if moved[b.goal.id, b.org_id] is Movement.NEW
    ]
    text = opened(demo_store, BASE)
    assert "sedan tertial 1 (jan–apr) 2026" in text


def test_t1_is_compared_with_last_years_full_year(demo_store):
    found = deviations(demo_store, demo_store.org("SKA"), 2026, "T1", 1000)
    assert found.since.period == (2025, "FY")
    assert any(m is not None for m in found.since.movements.values())


def _hrefs(component) -> list[str]:
    return re.findall(r'"href": "([^"]+)"', _text(component))


@pytest.mark.parametrize("level", [GoalLevel.COUNCIL, GoalLevel.COMMITTEE, GoalLevel.UNIT])
def test_each_status_count_on_the_overview_opens_the_list_it_counts(demo_store, level):
    counted = overview(demo_store, demo_store.org("SKA"), 2026, "T2", level).statuses
    hrefs = _hrefs(page(demo_store, "/", f"{BASE}&niva={urls.LEVEL_KEYS[level]}"))
    opened = 0
    for status in (Status.NOT_MET, Status.PARTLY_MET, Status.NO_DATA):
        # A goal with nothing to judge at its organisation is on no meeting's list.
        count = sum(
            s.result.status is status and s.result.reason is not rules.GoalReason.NO_PARTS
            for s in counted
        )
        doors = [h for h in hrefs if f"status={urls.STATUS_VALUES[status]}&" in h]
        assert len(doors) == (1 if count else 0)
        if doors:
            path, _, search = doors[0].partition("?")
            assert path == urls.DEVIATIONS_PATH
            assert {"org=SKA", "ar=2026", "period=T2"} <= set(search.split("&"))
            assert _listed(demo_store, "?" + search) == [status.value] * count
            opened += 1
    assert opened


def test_goals_that_deviated_last_period_and_no_longer_do_are_counted_as_resolved(demo_store):
    org = demo_store.org("SKA")
    now = deviations(demo_store, org, 2026, "T1", 1000)
    then = deviations(demo_store, org, 2025, "FY", 1000).found
    judged = {(s.goal.code, s.org_id) for s in agenda.judged_goals(demo_store, org, 2026, "T1")}
    listed = {(b.goal.code, b.org_id) for b in now.found}
    resolved = [b for b in then if (b.goal.code, b.org_id) in judged - listed]
    assert now.since.resolved == len(resolved) > 0
    text = _text(page(demo_store, "/avvikelser", "?org=SKA&ar=2026&period=T1"))
    assert f"{len(resolved)} mål som avvek vid helår 2025 avviker inte längre" in text
