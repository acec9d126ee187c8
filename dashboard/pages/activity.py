"""Aktivitetssida's data: the activity, its goal and owner, and its follow-ups."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.model import Activity, Goal, OrgUnit
from dashboard.followup import activity_followups
from dashboard.followup.activity_followups import FollowUp
from dashboard.store import Store


@dataclass(frozen=True)
class ActivityPage:
    activity: Activity
    org_path: str  # the owner's place in the tree, which decides who may follow the activity up
    goal: Goal
    owner: OrgUnit
    followups: list[FollowUp]


def activity_page(store: Store, code: str) -> ActivityPage | None:
    """The activity with this code and what its page shows, or None when there is none."""
    found = store.activity(code)
    if found is None:
        return None
    org_path, activity = found
    goal, owner = store.goal_by_id(activity.goal_id), store.org_by_id(activity.org_id)
    if goal is None or owner is None:  # the store's keys forbid it
        return None
    history = activity_followups.history(store, activity.id)
    return ActivityPage(activity, org_path, goal, owner, history)
