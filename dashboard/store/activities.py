"""Reads and writes of activities and their tertial follow-ups."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, Engine, Select, bindparam, insert, select, update

from dashboard.domain.model import Activity, ActivityStatus
from dashboard.store import reporting
from dashboard.store.dialect import one_of
from dashboard.store.tables import (
    activity_t,
    activity_update_t,
    latest_period_first,
    org_t,
    period_end_month,
)


def activities_as_of(year: Any = None, end_month: Any = None) -> Select[Any]:
    """Activities with their holder's org path and the status and comment of their latest follow-up
    up to the period's end (the year and the period's end month; its own period or an earlier one;
    none: not followed up yet). Without a year: the current status and the latest comment."""
    u = activity_update_t.c
    latest = select(u.status, u.comment).where(u.activity_id == activity_t.c.id)
    if year is not None:
        period_month = period_end_month(u.period)
        latest = latest.where((u.year < year) | ((u.year == year) & (period_month <= end_month)))
    latest = latest.order_by(*latest_period_first(activity_update_t)).limit(1)
    status = (
        activity_t.c.status
        if year is None
        else latest.with_only_columns(u.status).scalar_subquery()
    )
    return select(
        *(column for column in activity_t.c if column.name != "status"),
        status.label("status"),
        org_t.c.path,
        latest.with_only_columns(u.comment).scalar_subquery().label("comment"),
    ).join(org_t, org_t.c.id == activity_t.c.org_id)


@cache
def activities_in_year() -> Select[Any]:
    """`Store.activities_of`, built once and run with bound values (building it took 2 ms of
    Python per call): :goal_ids running between :first_day and :last_day, as of :year and
    :end_month."""
    return (
        activities_as_of(bindparam("year"), bindparam("end_month"))
        .where(
            one_of(activity_t.c.goal_id, "goal_ids"),
            activity_t.c.start_date <= bindparam("last_day"),
            activity_t.c.end_date >= bindparam("first_day"),
        )
        .order_by(activity_t.c.end_date, activity_t.c.code)
    )


def activity_from_row(row: Any) -> Activity:
    """An Activity from a row of `activities_as_of`."""
    followed_up = row.status is not None
    status = ActivityStatus(row.status) if followed_up else ActivityStatus.NOT_STARTED
    return Activity(
        row.id,
        row.code,
        row.goal_id,
        row.org_id,
        row.title,
        row.responsible,
        row.start_date,
        row.end_date,
        status,
        row.comment or "",
        followed_up,
    )


def follow_up(
    conn: Connection, activity_id: int, year: int, period: str, status: str, comment: str
) -> str | None:
    """Write an activity's follow-up for a period and set its status, both as saved in the app
    (no upload wrote them); the period's status before, if it was followed up."""
    u = activity_update_t.c
    key = (u.activity_id == activity_id, u.year == year, u.period == period)
    values = {"status": status, "comment": comment, "upload_id": None}
    before: str | None = conn.execute(select(u.status).where(*key)).scalar()
    org_id: int = conn.execute(
        select(activity_t.c.org_id).where(activity_t.c.id == activity_id)
    ).scalar_one()
    reporting.changed(conn, [(org_id, year, period)])
    if before is None:
        conn.execute(
            insert(activity_update_t).values(
                activity_id=activity_id, year=year, period=period, **values
            )
        )
    else:
        conn.execute(update(activity_update_t).where(*key).values(**values))
    conn.execute(
        update(activity_t)
        .where(activity_t.c.id == activity_id)
        .values(status=status, upload_id=None)
    )
    return before


def follow_ups(engine: Engine, activity_id: int) -> list[tuple[int, str, str, str | None]]:
    """Every follow-up of the activity, newest first: (year, period, status, comment)."""
    u = activity_update_t.c
    stmt = (
        select(u.year, u.period, u.status, u.comment)
        .where(u.activity_id == activity_id)
        .order_by(*latest_period_first(activity_update_t))
    )
    with engine.connect() as conn:
        return [(y, p, s, c) for y, p, s, c in conn.execute(stmt)]
