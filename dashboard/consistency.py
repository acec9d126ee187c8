"""Likvärdiga bedömningar: do organisations with similar computed results assess themselves alike?

The auditors found that nämnder judge similar results differently (DOMAIN.md, finding 2).
Two measures (docs/followup.md): how each nämnd's own assessments lean against the
computed status, and pairs of organisations whose computed scores for the same goal lie
within `SIMILAR_SCORE` of each other but whose own assessments differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from dashboard import control_room, rules
from dashboard.accuracy import committee_of
from dashboard.control_room import GoalStatus
from dashboard.model import OrgUnit
from dashboard.store import Store

SIMILAR_SCORE = 0.10  # computed scores within 10 points of 100 count as similar results


def assessed_statuses(store: Store, org_ids: Sequence[int], year: int, period: str) -> list[GoalStatus]:
    """Every assessed (goal, organisation) of the organisations judged, with its own assessment."""
    goals = {goal.id: goal for goal in store.goals(year)}
    pairs = [(goals[a.goal_id], a.org_id) for a in store.assessments(org_ids, year, period) if a.goal_id in goals]
    return control_room.judge(store, pairs, year, period)


@dataclass(frozen=True)
class Lean:
    """How one nämnd's own assessments relate to the computed statuses."""

    committee: OrgUnit
    count: int
    more_positive: int
    more_negative: int
    without_evidence: int

    @property
    def agree(self) -> int:
        """Assessments equal to the computed status (or about goals without data that claim nothing)."""
        return self.count - self.more_positive - self.more_negative - self.without_evidence

    def share(self, count: int) -> float | None:
        """A count as a share of all assessments; None without any."""
        return count / self.count if self.count else None


def lean_by_committee(statuses: Sequence[GoalStatus], orgs: Sequence[OrgUnit]) -> list[Lean]:
    """Per nämnd, how many assessments are rosier or gloomier than the computed status; rosiest first."""
    by_id = {org.id: org for org in orgs}
    grouped: dict[int, list[rules.Disagreement]] = defaultdict(list)
    for status in statuses:
        grouped[committee_of(by_id[status.org_id], by_id).id].append(status.disagreement)
    leans = [
        Lean(
            by_id[committee_id],
            len(found),
            found.count(rules.Disagreement.MORE_POSITIVE),
            found.count(rules.Disagreement.MORE_NEGATIVE),
            found.count(rules.Disagreement.WITHOUT_EVIDENCE),
        )
        for committee_id, found in grouped.items()
    ]
    return sorted(leans, key=lambda lean: (-(lean.share(lean.more_positive + lean.without_evidence) or 0),
                                           lean.committee.name))


def differing_pairs(
    statuses: Sequence[GoalStatus], tolerance: float = SIMILAR_SCORE
) -> list[tuple[GoalStatus, GoalStatus]]:
    """Pairs of organisations with similar computed scores for the same goal but different own assessments."""
    by_goal: dict[int, list[GoalStatus]] = defaultdict(list)
    for status in statuses:
        if status.assessment is not None and status.result.score is not None:
            by_goal[status.goal.id].append(status)
    pairs = [
        (a, b) if a.result.score <= b.result.score else (b, a)
        for same_goal in by_goal.values()
        for a, b in combinations(same_goal, 2)
        if abs(a.result.score - b.result.score) <= tolerance + 1e-9
        and a.assessment.status is not b.assessment.status
    ]
    return sorted(pairs, key=lambda pair: (pair[0].goal.code, pair[0].org_id, pair[1].org_id))
