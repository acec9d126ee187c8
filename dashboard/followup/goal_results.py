"""Goals judged in brief and kept in the database, so the whole city's meeting views need not judge
again.

Ranking the whole city's deviating goals, or comparing its 2,000 own assessments with the
computed statuses, needs only each goal's status, score, disagreement and how many
deviations of each kind lie under it; judging them all takes 0.3-0.5 s at Stockholm
scale. `briefs` and `assessed` judge only the pairs not kept yet, in one
`control_room.judge`, and keep the result (result_store.py explains why a kept result is
never stale; docs/performance.md, "Kept goal results"). Pages still judge
in full the few goals they show, so every number on screen can explain itself.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from dashboard.domain import rules
from dashboard.domain.model import Basis, Goal, Status, period_end
from dashboard.followup import control_room, deviations
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.deviations import DeviationKind
from dashboard.store import Store, result_store, summaries


class Brief(NamedTuple):
    """A goal's computed result at one organisation and period, without the facts behind it.

    A NamedTuple: a page builds thousands of them, at a fifth of a frozen dataclass's cost."""

    goal: Goal
    org_id: int
    status: Status
    reason: rules.GoalReason
    score: float | None
    disagreement: rules.Disagreement
    assessment_status: Status | None
    assessment_forecast: bool | None  # whether the own assessment rests on a forecast
    kinds: Mapping[DeviationKind, int]  # how many deviations of each kind lie under the goal
    basis: Basis  # what the status rests on: outcomes, forecasts only, both, or nothing

    @property
    def judged(self) -> bool:
        """Whether the goal has anything to judge at the organisation (indicators or activities)."""
        return self.reason is not rules.GoalReason.NO_PARTS


def briefs(
    store: Store,
    pairs: Sequence[tuple[Goal, int]],
    year: int,
    period: str,
    *,
    few: bool = False,
) -> list[Brief]:
    """The brief of each (goal, organisation) pair, in the pairs' order: kept ones read, the rest
    judged and kept. `few`: read only the pairs' goals' kept results, not the whole period's
    (a page's cards, rather than the whole city's meeting)."""
    generation = store.result_generation()  # before judging: see result_store
    goal_ids = {goal.id for goal, _ in pairs} if few else None
    found = {
        (row[0], row[1]): row
        for row in result_store.kept(store.engine, year, period, rules_fingerprint(), goal_ids)
    }
    return _completed(store, pairs, found, year, period, generation)


def briefs_over(
    store: Store, wanted: Mapping[tuple[int, str], Sequence[tuple[Goal, int]]]
) -> dict[tuple[int, str], list[Brief]]:
    """`briefs(..., few=True)` of each (year, period)'s pairs, the kept ones read in one
    statement for all the periods: a goal's trend over six periods took eighteen."""
    generation = store.result_generation()  # before judging: see result_store
    goal_ids = {goal.id for pairs in wanted.values() for goal, _ in pairs}
    org_ids = {org_id for pairs in wanted.values() for _, org_id in pairs}
    found: dict[tuple[int, str], dict[tuple[int, int], tuple[Any, ...]]] = {
        then: {} for then in wanted
    }
    for year, period, *row in result_store.kept_over(
        store.engine, list(wanted), rules_fingerprint(), goal_ids, org_ids
    ):
        found[year, period][row[0], row[1]] = tuple(row)
    return {
        then: _completed(store, pairs, found[then], *then, generation)
        for then, pairs in wanted.items()
    }


def assessed(store: Store, org_ids: Sequence[int] | None, year: int, period: str) -> list[Brief]:
    """`briefs` of every goal valid in the year assessed by the organisations (None: all) for the
    period.

    One query reads the assessed goals with their kept results: at the whole city's 2,250
    assessments, a second read of every kept result cost 10 ms on PostgreSQL."""
    generation = store.result_generation()  # before judging: see result_store
    rows = result_store.assessed(
        store.engine, org_ids, year, period, generation, rules_fingerprint()
    )
    pairs = [(goal, org_id) for goal, org_id, _ in rows]
    found = {(goal.id, org_id): kept for goal, org_id, kept in rows if kept is not None}
    return _completed(store, pairs, found, year, period, generation)


def _completed(
    store: Store,
    pairs: Sequence[tuple[Goal, int]],
    found: dict[tuple[int, int], tuple[Any, ...]],
    year: int,
    period: str,
    generation: int,
) -> list[Brief]:
    """Judge and keep the pairs `found` lacks, then the briefs of all in order (`found`: rows of
    BRIEF_COLUMNS)."""
    missing = list(
        {
            (goal.id, org_id): (goal, org_id)
            for goal, org_id in pairs
            if (goal.id, org_id) not in found
        }.values()
    )
    if missing:
        judged = [
            _record(status, year, period, generation)
            for status in control_room.judge(store, missing, year, period)
        ]
        result_store.keep(store.engine, judged)
        found.update(
            {
                (row["goal_id"], row["org_id"]): tuple(
                    row[name] for name in result_store.BRIEF_COLUMNS
                )
                for row in judged
            }
        )
    kinds: dict[str, Mapping[DeviationKind, int]] = {}
    return [_brief(goal, found[goal.id, org_id], kinds) for goal, org_id in pairs]


def judged_again(
    store: Store, keys: Sequence[tuple[int, int, int, str]], generation: int
) -> list[dict[str, Any]]:
    """(goal id, organisation id, year, period) judged again on a writer's store (`Store.writing`
    keeps them): for a write that changes exactly these results, such as an assessment or an
    activity's follow-up. The rest of the city's kept results stay valid, so the next page
    need not judge them all."""
    goals = {goal_id: store.goal_by_id(goal_id) for goal_id in {key[0] for key in keys}}
    by_period: dict[tuple[int, str], list[tuple[Goal, int]]] = defaultdict(list)
    for goal_id, org_id, year, period in keys:
        if (goal := goals[goal_id]) is not None:
            by_period[year, period].append((goal, org_id))
    return [
        _record(status, year, period, generation)
        for (year, period), wanted in by_period.items()
        for status in control_room.judge(store, wanted, year, period)
    ]


def rules_fingerprint() -> str:
    """A fingerprint of the code that judges goals (the dashboard package's source): a release
    that changes how anything is judged must not read results an older one kept."""
    return summaries.code_fingerprint()


def _record(status: GoalStatus, year: int, period: str, generation: int) -> dict[str, Any]:
    """The kept row of a goal judged in full."""
    kinds = Counter(
        item.kind.value for item in deviations.deviations_of(status, period_end(year, period))
    )
    return {
        "year": year,
        "period": period,
        "generation": generation,
        "rules": rules_fingerprint(),
        "goal_id": status.goal.id,
        "org_id": status.org_id,
        "status": status.result.status.value,
        "reason": status.result.reason.value,
        "score": status.result.score,
        "disagreement": status.disagreement.value,
        "assessment_status": status.assessment.status.value if status.assessment else None,
        "assessment_forecast": status.assessment.is_forecast if status.assessment else None,
        "deviations": json.dumps(dict(sorted(kinds.items()))),
        "basis": status.result.basis.value,
    }


def _brief(
    goal: Goal, row: tuple[Any, ...], kinds: dict[str, Mapping[DeviationKind, int]]
) -> Brief:
    """A Brief from a row of `result_store.BRIEF_COLUMNS`; `kinds` memoises the few distinct
    deviation
    counts (thousands of rows share them)."""
    (
        _,
        org_id,
        status,
        reason,
        score,
        disagreement,
        assessment_status,
        assessment_forecast,
        counts,
        basis,
    ) = row
    if counts not in kinds:
        kinds[counts] = {DeviationKind(kind): n for kind, n in json.loads(counts).items()}
    return Brief(
        goal,
        org_id,
        _STATUS[status],
        _REASON[reason],
        score,
        _DISAGREEMENT[disagreement],
        _STATUS[assessment_status] if assessment_status else None,
        assessment_forecast,
        kinds[counts],
        _BASIS[basis],
    )


# Enum members by value: a dict lookup is a tenth of calling the enum, for thousands of rows a page.
_STATUS = {member.value: member for member in Status}
_REASON = {member.value: member for member in rules.GoalReason}
_BASIS = {member.value: member for member in Basis}
_DISAGREEMENT = {member.value: member for member in rules.Disagreement}
