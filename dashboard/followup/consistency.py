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

from dashboard.domain import rules
from dashboard.domain.model import OrgUnit, Status
from dashboard.followup.accuracy import committee_of
from dashboard.followup.deviations import DeviationKind
from dashboard.followup.goal_results import Brief

SIMILAR_SCORE = 0.10  # computed scores within 10 points of 100 count as similar results


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
        """Assessments equal to the computed status (or about goals without data that claim
        nothing)."""
        return self.count - self.more_positive - self.more_negative - self.without_evidence

    def share(self, count: int) -> float | None:
        """A count as a share of all assessments; None without any."""
        return count / self.count if self.count else None


def met_on_forecast(found: Sequence[Brief]) -> tuple[int, int]:
    """(goals computed as met, those of them met only thanks to forecasts): counted apart
    (docs/rules.md §3.7)."""
    met = [brief for brief in found if brief.status is Status.MET]
    return len(met), sum(bool(brief.kinds.get(DeviationKind.GOAL_MET_ON_FORECAST)) for brief in met)


def lean_by_committee(found: Sequence[Brief], orgs: Sequence[OrgUnit]) -> list[Lean]:
    """Per nämnd, how many assessments are rosier or gloomier than the computed status; rosiest
    first."""
    by_id = {org.id: org for org in orgs}
    grouped: dict[int, list[rules.Disagreement]] = defaultdict(list)
    for brief in found:
        grouped[committee_of(by_id[brief.org_id], by_id).id].append(brief.disagreement)
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
    return sorted(
        leans,
        key=lambda lean: (
            -(lean.share(lean.more_positive + lean.without_evidence) or 0),
            lean.committee.name,
        ),
    )


def differing_pairs(
    found: Sequence[Brief], tolerance: float = SIMILAR_SCORE
) -> list[tuple[Brief, Brief]]:
    """Pairs of organisations with similar computed scores for the same goal but different own
    assessments."""
    by_goal: dict[int, list[tuple[float, Brief]]] = defaultdict(list)
    for brief in found:
        if brief.assessment_status is not None and brief.score is not None:
            by_goal[brief.goal.id].append((brief.score, brief))
    pairs = [
        (a, b) if score_a <= score_b else (b, a)
        for same_goal in by_goal.values()
        for (score_a, a), (score_b, b) in combinations(same_goal, 2)
        if abs(score_a - score_b) <= tolerance + 1e-9
        and a.assessment_status is not b.assessment_status
    ]
    return sorted(pairs, key=lambda pair: (pair[0].goal.code, pair[0].org_id, pair[1].org_id))
