"""Avvikelser: what deviates, the most serious first, checked against the rules and the store."""

import pytest

from callbacks.routes import page
from dashboard.domain import rules
from dashboard.domain.model import Basis, Status, period_end
from dashboard.followup import agenda, deviations
from dashboard.followup.deviations import DeviationKind as K
from layouts import texts
from layouts.urls import SHOWN_STEP
from tests.opened_rows import opened
from tests.shown import page_text as _text
from tests.tiny import tiny_dataset


@pytest.fixture
def meeting(demo_store):
    org = demo_store.org("SKA")
    return org, agenda.agenda(demo_store, org, 2026, "T2")


def test_tiny_goal_lists_exactly_what_deviates(empty_store):
    """K1 at the city, T1 2025 (tests/tiny.py): score 70 → partly met; the own "met" is rosier;
    KOST has no target, FALL is met on a forecast alone, and A1 ended on 31 March, still ongoing."""
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    [goal] = agenda.agenda(empty_store, empty_store.org("STAD"), 2025, "T1")
    assert goal.status.goal.code == "K1" and goal.status.result.status is Status.PARTLY_MET
    described = [
        (
            item.kind,
            item.indicator.fact.indicator.code
            if item.indicator
            else item.activity.code
            if item.activity
            else None,
        )
        for item in goal.items
    ]
    assert described == [
        (K.GOAL_PARTLY_MET, None),
        (K.ASSESSMENT_MORE_POSITIVE, None),
        (K.INDICATOR_NO_VALUE, "KOST"),
        (K.INDICATOR_FORECAST_ONLY, "FALL"),
        (K.ACTIVITY_OVERDUE, "A1"),
    ]
    assert goal.severity == 0  # the overdue activity demands action


def test_most_serious_first(meeting):
    _, found = meeting
    assert len(found) > 3
    ranks = [(deviations._STATUS_RANK[g.status.result.status], g.severity) for g in found]
    assert ranks == sorted(ranks)


def test_every_goal_not_fully_met_is_on_the_agenda(demo_store, meeting):
    org, found = meeting
    listed = {(g.status.goal.id, g.status.org_id) for g in found}
    judged = agenda.judged_goals(demo_store, org, 2026, "T2")
    not_met = {(s.goal.id, s.org_id) for s in judged if s.result.status is not Status.MET}
    assert not_met and not_met <= listed
    assert all(s.result.reason is not rules.GoalReason.NO_PARTS for s in judged)


def test_indicator_deviations_are_below_target_or_without_outcome(meeting):
    _, found = meeting
    items = [item for g in found for item in g.items if item.indicator is not None]
    assert {item.kind for item in items} >= {K.INDICATOR_PARTLY_MET, K.INDICATOR_FORECAST_ONLY}
    for item in items:
        result = item.indicator.result
        assert result.status is not Status.MET or result.basis is Basis.FORECAST
    for goal in found:  # and none is missed
        flagged = {id(item.indicator) for item in goal.items if item.indicator is not None}
        for judged in goal.status.indicators:
            if judged.result.applicable and (
                judged.result.status is not Status.MET or judged.result.basis is Basis.FORECAST
            ):
                assert id(judged) in flagged


def test_activity_deviations_follow_the_activity_rule(meeting):
    _, found = meeting
    as_of = period_end(2026, "T2")
    activities = [item for g in found for item in g.items if item.activity is not None]
    assert activities
    for item in activities:
        score = rules.activity_score(item.activity.state, as_of)
        assert (item.kind, score) in ((K.ACTIVITY_OVERDUE, 0.0), (K.ACTIVITY_LATE_START, 0.5))


def test_the_demos_rosier_assessments_are_flagged(meeting):
    _, found = meeting
    rosier = [g for g in found if g.status.disagreement is rules.Disagreement.MORE_POSITIVE]
    assert rosier, "the demo data has over-positive assessments at T2"
    assert all(g.of(K.ASSESSMENT_MORE_POSITIVE) for g in rosier)


def test_counts_add_up_per_kind(meeting):
    _, found = meeting
    totals = deviations.counts(g.kinds for g in found)
    assert sum(totals.values()) == sum(len(g.items) for g in found)
    assert totals[K.GOAL_PARTLY_MET] == sum(
        g.status.result.status is Status.PARTLY_MET for g in found
    )


def test_page_lists_goals_with_links_summary_and_downloads(demo_store, meeting):
    _, found = meeting
    text = opened(demo_store, "?org=SKA&ar=2026&period=T2")
    assert texts.DEVIATIONS_HEADING.format(org="Skarpnäcks stadsdelsnämnd") in text
    first = found[0].status.goal
    assert text.index(first.title) < text.index(found[-1].status.goal.title)
    assert f"/mal/{first.code}?" in text and "/indikator/" in text
    assert "/ladda-ned/tertialrapport.pdf?ar=2026&period=T2&org=SKA" in text
    assert "/presentation?ar=2026&period=T2&org=SKA&nr=1" in text
    assert texts.DISAGREEMENT_LABEL[rules.Disagreement.MORE_POSITIVE] in text


@pytest.mark.parametrize("number, shown", [(1, 1), (2, 2), (999, None)])
def test_presentation_shows_one_goal_with_neighbours(demo_store, meeting, number, shown):
    _, found = meeting
    shown = shown or len(found)  # past the end: the last goal
    text = _text(page(demo_store, "/presentation", f"?org=SKA&ar=2026&period=T2&nr={number}"))
    assert texts.POSITION.format(number=shown, total=len(found)) in text
    assert found[shown - 1].status.goal.title in text
    assert (f"nr={shown + 1}" in text) == (shown < len(found))
    assert (f"nr={shown - 1}" in text) == (shown > 1)


def test_an_organisation_without_deviations_says_so(empty_store):
    empty_store.write_dataset(tiny_dataset(), user_name="test", file_name="tiny", kind="test")
    assert agenda.agenda(empty_store, empty_store.org("N2"), 2025, "T1") == []
    text = _text(page(empty_store, "/avvikelser", "?org=N2&ar=2025&period=T1"))
    assert texts.NO_DEVIATIONS in text and texts.START_PRESENTATION not in text
    assert texts.PRESENTATION_EMPTY.format(org="Södra nämnden") in _text(
        page(empty_store, "/presentation", "?org=N2")
    )


@pytest.mark.parametrize(
    "search, shown",
    [("", SHOWN_STEP), ("&visa=30", 30), ("&visa=999", None), ("&visa=x", SHOWN_STEP)],
)
def test_the_city_lists_the_most_serious_goals_first_and_links_to_more(demo_store, search, shown):
    found = agenda.agenda(demo_store, demo_store.root_org(), 2026, "T2")
    assert len(found) > SHOWN_STEP + 5  # the demo city has more than one step of deviating goals
    text = _text(page(demo_store, "/avvikelser", f"?ar=2026&period=T2{search}"))
    listed = shown or len(found)
    assert text.count('"deviation-goal status-') == listed
    assert (texts.DEVIATIONS_SHOWN.format(shown=listed, total=len(found)) in text) == (
        shown is not None
    )
    more = min(SHOWN_STEP, len(found) - listed)
    assert (f"visa={listed + more}" in text) == (shown is not None)


def test_every_deviation_kind_has_a_severity_with_a_label():
    assert set(deviations.KIND_SEVERITY) == set(K)
    assert set(deviations.KIND_SEVERITY.values()) <= set(texts.SEVERITY_LABEL)
