"""Likvärdiga bedömningar: the lean of each nämnd's assessments and similar results assessed
differently."""

from itertools import combinations

import pytest

from dashboard.domain import rules
from dashboard.domain.model import Status
from dashboard.followup import consistency, control_room, goal_results
from dashboard.followup.accuracy import committee_of


@pytest.fixture(scope="module")
def assessed(demo_store):
    orgs = demo_store.org_units()
    return goal_results.assessed(demo_store, [o.id for o in orgs], 2026, "T2"), orgs


def test_every_assessment_of_the_period_is_judged(demo_store, assessed):
    statuses, orgs = assessed
    stored = demo_store.assessments([o.id for o in orgs], 2026, "T2")
    assert len(statuses) == len(stored) > 0
    assert all(s.assessment_status is not None for s in statuses)


def test_lean_counts_each_committees_assessments(assessed):
    statuses, orgs = assessed
    leans = consistency.lean_by_committee(statuses, orgs)
    assert sum(lean.count for lean in leans) == len(statuses)
    by_id = {o.id: o for o in orgs}
    for lean in leans:
        own = [s for s in statuses if committee_of(by_id[s.org_id], by_id) == lean.committee]
        assert lean.more_positive == sum(
            s.disagreement is rules.Disagreement.MORE_POSITIVE for s in own
        )
        assert (
            lean.agree + lean.more_positive + lean.more_negative + lean.without_evidence
            == lean.count
        )
    assert sum(lean.more_positive for lean in leans) > 0, "the demo's nämnder lean positive"
    rosiest = [lean.share(lean.more_positive + lean.without_evidence) for lean in leans]
    assert rosiest == sorted(rosiest, reverse=True)


def test_pairs_are_exactly_the_similar_results_assessed_differently(assessed):
    statuses, _ = assessed
    pairs = consistency.differing_pairs(statuses)
    expected = {
        frozenset((a.org_id, b.org_id, a.goal.id))
        for a, b in combinations(statuses, 2)
        if a.goal.id == b.goal.id
        and a.score is not None
        and b.score is not None
        and abs(a.score - b.score) <= consistency.SIMILAR_SCORE + 1e-9
        and a.assessment_status is not b.assessment_status
    }
    assert {frozenset((a.org_id, b.org_id, a.goal.id)) for a, b in pairs} == expected
    assert all(a.score <= b.score for a, b in pairs)
    assert expected, "the demo has nämnder assessing similar results differently at T2 2026"


def test_goals_met_only_thanks_to_forecasts_are_counted_apart(demo_store, assessed):
    """Issue 14, finding 5: Prognoser says how many met goals rest on forecasts, as judged in
    full."""
    briefs, _ = assessed
    met, on_forecast = consistency.met_on_forecast(briefs)
    fresh = control_room.judge(demo_store, [(b.goal, b.org_id) for b in briefs], 2026, "T2")
    assert met == sum(s.result.status is Status.MET for s in fresh)
    assert on_forecast == sum(s.result.met_on_forecast for s in fresh)
    assert 0 < on_forecast < met  # the demo has both kinds
