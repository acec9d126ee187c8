"""The tertial follow-up of an activity, recorded in the app by the people responsible for it.

A follow-up sets the activity's status and writes the period's row in `activity_update`
with a comment; a deviation (delayed or cancelled) needs a comment saying why (DOMAIN.md:
activities are followed up every tertial "with a comment on deviations"). Both rows stop
claiming the upload that wrote them, and the change is in the audit log, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dashboard.access import audit
from dashboard.domain.model import Activity, ActivityStatus
from dashboard.followup import goal_results
from dashboard.store import Store, activities, path_ids
from dashboard.upload.value_types import ACTIVITY_STATUS

DEVIATIONS = (ActivityStatus.DELAYED, ActivityStatus.CANCELLED)


class FollowUpProblem(StrEnum):
    """Why a follow-up cannot be saved."""

    NO_STATUS = "no_status"
    NO_COMMENT = "no_comment"


@dataclass(frozen=True)
class FollowUp:
    """An activity's status and comment at one period."""

    year: int
    period: str
    status: ActivityStatus
    comment: str


class InvalidFollowUp(Exception):
    """The follow-up has problems and nothing was saved."""

    def __init__(self, found: list[FollowUpProblem]) -> None:
        super().__init__(", ".join(found))
        self.problems = found


def problems(status: ActivityStatus | None, comment: str) -> list[FollowUpProblem]:
    """What is missing before a follow-up may be saved."""
    if status is None:
        return [FollowUpProblem.NO_STATUS]
    return [FollowUpProblem.NO_COMMENT] if status in DEVIATIONS and not comment.strip() else []


def history(store: Store, activity_id: int) -> list[FollowUp]:
    """Every recorded follow-up of the activity, newest first."""
    return [
        FollowUp(y, p, ActivityStatus(s), c or "")
        for y, p, s, c in activities.follow_ups(store.engine, activity_id)
    ]


def results_with(store: Store, activity: Activity) -> list[tuple[int, int, int, str]]:
    """The goal results an activity's status enters: (goal, organisation, year, period) for its
    goal at
    its unit and every unit above, in each reported period of the years it runs."""
    holders = path_ids(store.org_path(activity.org_id))
    years = range(activity.start_date.year, activity.end_date.year + 1)
    return [
        (activity.goal_id, org_id, year, period)
        for year, period in store.reported_periods()
        if year in years
        for org_id in holders
    ]


def save(
    store: Store,
    activity: Activity,
    year: int,
    period: str,
    status: ActivityStatus | None,
    comment: str,
    username: str,
) -> FollowUp:
    """Write the follow-up and the activity's new status; InvalidFollowUp if something is
    missing."""
    found = problems(status, comment)
    if found or status is None:  # without a status, `found` says so
        raise InvalidFollowUp(found)
    with store.writing(username) as w:
        before = activities.follow_up(
            w.conn, activity.id, year, period, status.value, comment.strip()
        )
        was = f"{ACTIVITY_STATUS.format(before)} → " if before else ""  # as the file says it
        w.audit(
            audit.ACTIVITY,
            f"{activity.code} {period} {year}",
            f"{was}{ACTIVITY_STATUS.format(status.value)}",
        )
        w.results_touched(results_with(w.store, activity), goal_results.judged_again)
    return FollowUp(year, period, status, comment.strip())
