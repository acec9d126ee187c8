"""Goals judged in brief and kept in the database, so the whole city's meeting views need not judge again.

Ranking the whole city's deviating goals, or comparing its 2,000 own assessments with the
computed statuses, needs only each goal's status, score, disagreement and how many
deviations of each kind lie under it; judging them all takes 0.3-0.5 s at Stockholm
scale. `briefs` judges only the pairs not kept yet, in one `control_room.judge`, and keeps
the result (result_store.py explains why a kept result is never stale). Pages still judge
in full the few goals they show, so every number on screen can explain itself.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dashboard import control_room, deviations, result_store, rules
from dashboard.control_room import GoalStatus
from dashboard.deviations import DeviationKind
from dashboard.model import Goal, Status, period_end
from dashboard.store import Store


@dataclass(frozen=True)
class Brief:
    """A goal's computed result at one organisation and period, without the facts behind it."""

    goal: Goal
    org_id: int
    status: Status
    reason: rules.GoalReason
    score: float | None
    disagreement: rules.Disagreement
    assessment_status: Status | None
    kinds: Mapping[DeviationKind, int]  # how many deviations of each kind lie under the goal

    @property
    def judged(self) -> bool:
        """Whether the goal has anything to judge at the organisation (indicators or activities)."""
        return self.reason is not rules.GoalReason.NO_PARTS


def briefs(store: Store, pairs: Sequence[tuple[Goal, int]], year: int, period: str) -> list[Brief]:
    """The brief of each (goal, organisation) pair, in the pairs' order: kept ones read, the rest judged and kept."""
    generation = result_store.generation(store.engine)  # before judging: see result_store
    found = {
        (row.goal_id, row.org_id): row for row in result_store.kept(store.engine, year, period, rules_fingerprint())
    }
    missing = list({(goal.id, org_id): (goal, org_id) for goal, org_id in pairs
                    if (goal.id, org_id) not in found}.values())
    if missing:
        judged = [_row(status, period_end(year, period)) for status in control_room.judge(store, missing, year, period)]
        result_store.keep(store.engine, [
            {**row, "year": year, "period": period, "generation": generation, "rules": rules_fingerprint()}
            for row in judged
        ])
        found.update({(row["goal_id"], row["org_id"]): _Row(**row) for row in judged})
    kinds: dict[str, Mapping[DeviationKind, int]] = {}
    return [_brief(goal, found[goal.id, org_id], kinds) for goal, org_id in pairs]


@cache
def rules_fingerprint() -> str:
    """A fingerprint of the code that judges goals: the dashboard package's source.

    A release that changes how anything is judged must not read results an older one kept.
    """
    digest = hashlib.sha256()
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + source.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class _Row:
    """A kept result as read back (the columns `briefs` needs)."""

    goal_id: int
    org_id: int
    status: str
    reason: str
    score: float | None
    disagreement: str
    assessment_status: str | None
    deviations: str


def _row(status: GoalStatus, as_of) -> dict:
    kinds = Counter(item.kind.value for item in deviations.deviations_of(status, as_of))
    return {
        "goal_id": status.goal.id,
        "org_id": status.org_id,
        "status": status.result.status.value,
        "reason": status.result.reason.value,
        "score": status.result.score,
        "disagreement": status.disagreement.value,
        "assessment_status": status.assessment.status.value if status.assessment else None,
        "deviations": json.dumps(dict(sorted(kinds.items()))),
    }


def _brief(goal: Goal, row, kinds: dict[str, Mapping[DeviationKind, int]]) -> Brief:
    """A Brief from a kept row; `kinds` memoises the few distinct deviation counts (thousands of rows share them)."""
    if row.deviations not in kinds:
        kinds[row.deviations] = {DeviationKind(kind): count for kind, count in json.loads(row.deviations).items()}
    return Brief(
        goal=goal,
        org_id=row.org_id,
        status=_STATUS[row.status],
        reason=_REASON[row.reason],
        score=row.score,
        disagreement=_DISAGREEMENT[row.disagreement],
        assessment_status=_STATUS[row.assessment_status] if row.assessment_status else None,
        kinds=kinds[row.deviations],
    )


# Enum members by value: a dict lookup is a tenth of calling the enum, for thousands of rows a page.
_STATUS = {member.value: member for member in Status}
_REASON = {member.value: member for member in rules.GoalReason}
_DISAGREEMENT = {member.value: member for member in rules.Disagreement}
