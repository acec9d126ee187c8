"""The tertial follow-up of an activity, recorded in the app by the people responsible for it.

A follow-up sets the activity's status and writes the period's row in `activity_update`
with a comment; a deviation (delayed or cancelled) needs a comment saying why (DOMAIN.md:
activities are followed up every tertial "with a comment on deviations"). Both rows stop
claiming the upload that wrote them, and the change is in the audit log, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import insert, select, update

from dashboard.access import audit
from dashboard.domain.model import Activity, ActivityStatus
from dashboard.followup import goal_results
from dashboard.store import Store, activity_t, activity_update_t, database, latest_period_first
from dashboard.upload.value_types import ACTIVITY_STATUS

DEVIATIONS = (ActivityStatus.DELAYED, ActivityStatus.CANCELLED)


class Problem(StrEnum):
    NO_STATUS = "no_status"
    NO_COMMENT = "no_comment"


@dataclass(frozen=True)
class FollowUp:
    """An activity's status and comment at one period."""

    year: int
    period: str
    status: ActivityStatus
    comment: str


class Invalid(Exception):
    """The follow-up has problems and nothing was saved."""

    def __init__(self, found: list[Problem]) -> None:
        super().__init__(", ".join(found))
        self.problems = found


def problems(status: ActivityStatus | None, comment: str) -> list[Problem]:
    """What is missing before a follow-up may be saved."""
    if status is None:
        return [Problem.NO_STATUS]
    return [Problem.NO_COMMENT] if status in DEVIATIONS and not comment.strip() else []


def history(store: Store, activity_id: int) -> list[FollowUp]:
    """Every recorded follow-up of the activity, newest first."""
    u = activity_update_t.c
    stmt = (
        select(u.year, u.period, u.status, u.comment)
        .where(u.activity_id == activity_id)
        .order_by(*latest_period_first(activity_update_t))
    )
    with store.engine.connect() as conn:
        return [FollowUp(y, p, ActivityStatus(s), c or "") for y, p, s, c in conn.execute(stmt)]


def results_with(store: Store, activity: Activity) -> list[tuple[int, int, int, str]]:
    """The goal results an activity's status enters: (goal, organisation, year, period) for its goal at
    its unit and every unit above, in each reported period of the years it runs."""
    holders = [
        int(part) for part in (store.org_path(activity.org_id) or "").strip("/").split("/") if part
    ]
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
    """Write the follow-up and the activity's new status; raises Invalid if something is missing."""
    if found := problems(status, comment):
        raise Invalid(found)
    u = activity_update_t.c
    key = (u.activity_id == activity.id, u.year == year, u.period == period)
    values = {"status": status.value, "comment": comment.strip(), "upload_id": None}
    with store.engine.begin() as conn:
        database.lock_writes(conn)  # an upload running now must not record stale values for undo
        before = conn.execute(select(u.status, u.comment).where(*key)).first()
        if before is None:
            conn.execute(
                insert(activity_update_t).values(
                    activity_id=activity.id, year=year, period=period, **values
                )
            )
        else:
            conn.execute(update(activity_update_t).where(*key).values(**values))
        conn.execute(
            update(activity_t)
            .where(activity_t.c.id == activity.id)
            .values(status=status.value, upload_id=None)
        )
        was = (
            f"{ACTIVITY_STATUS.format(before.status)} → " if before else ""
        )  # in Swedish, as the file says it
        audit.record(
            conn,
            username,
            audit.ACTIVITY,
            f"{activity.code} {period} {year}",
            f"{was}{ACTIVITY_STATUS.format(status.value)}",
        )
        goal_results.refresh(conn, results_with(Store.within(conn), activity))
    return FollowUp(year, period, status, comment.strip())
