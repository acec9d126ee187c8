"""The follow-up meeting's agenda: which goals an organisation's meeting looks at, and those
that deviate, worst first.

The ranking reads the goals' kept briefs (goal_results.py), so the whole city's 2,000
goals are ranked without judging them again; only the goals a page shows are judged in
full (`expand`), with the facts, activities and assessment behind each deviation.
"""

from __future__ import annotations

from collections.abc import Sequence

from dashboard.domain import rules
from dashboard.domain.model import Goal, GoalLevel, OrgUnit, period_end
from dashboard.followup import control_room, deviations, goal_results, history
from dashboard.followup.control_room import GoalStatus
from dashboard.followup.deviations import GoalDeviations
from dashboard.followup.goal_results import Brief
from dashboard.store import Store


def meeting_goals(store: Store, org: OrgUnit, year: int) -> list[tuple[Goal, int]]:
    """KF goals judged for the organisation, and the nämnd- and enhetsmål within it judged for
    their owners.

    Kept in the store until the next upload, the only thing that changes goals or organisations."""

    def pairs() -> list[tuple[Goal, int]]:
        found = [(goal, org.id) for goal in store.goals(year, (GoalLevel.COUNCIL,))]
        for level in (GoalLevel.COMMITTEE, GoalLevel.UNIT):
            found += [(goal, goal.org_id) for goal in store.goals_within(org.id, year, level)]
        return found

    return store.summary(("meeting goals", org.id, year), pairs)


def judged_goals(store: Store, org: OrgUnit, year: int, period: str) -> list[GoalStatus]:
    """Every goal of the meeting judged in full, leaving out goals with nothing to judge at their
    organisation."""
    statuses = control_room.judge(store, meeting_goals(store, org, year), year, period)
    return [s for s in statuses if s.result.reason is not rules.GoalReason.NO_PARTS]


def deviating(store: Store, org: OrgUnit, year: int, period: str) -> list[Brief]:
    """The meeting's goals with at least one deviation, the most serious first, in brief."""
    found = [
        b
        for b in goal_results.briefs(store, meeting_goals(store, org, year), year, period)
        if b.judged and any(b.kinds.values())
    ]
    return sorted(found, key=lambda b: deviations.rank(b.status, b.score, b.goal.code, b.kinds))


def expand(store: Store, found: Sequence[Brief], year: int, period: str) -> list[GoalDeviations]:
    """The goals in full, in the same order: each with its status and everything that deviates
    under it."""
    as_of = period_end(year, period)
    statuses = control_room.judge(store, [(b.goal, b.org_id) for b in found], year, period)
    expanded = [
        GoalDeviations(status, tuple(deviations.deviations_of(status, as_of)))
        for status in statuses
    ]
    return [goal for goal in expanded if goal.items]  # none empty, unless a write landed in between


def prepare_city(store: Store) -> None:
    """Judge and keep the whole city's meeting and assessed goals for the latest period, the one
    pages open on.

    Called by whoever wrote, once the write is committed: an upload ends every kept result,
    and the first whole-city page after it would otherwise judge 2,000 goals (0.4-0.9 s)."""
    root, periods = store.root_org(), store.reported_periods()
    if root is None or not periods:
        return
    year, period = periods[-1]
    deviating(store, root, year, period)
    goal_results.assessed(store, None, year, period)
    kf = control_room.goal_statuses(store, root.id, year, period)  # Översikt's cards' trend
    history.histories(store, [(s.goal, s.org_id) for s in kf], year, period)


def agenda(store: Store, org: OrgUnit, year: int, period: str) -> list[GoalDeviations]:
    """Every deviating goal of the meeting in full, the most serious first: for documents and
    tests."""
    return expand(store, deviating(store, org, year, period), year, period)
