"""The audit log: every write and every refused request, with who did it and when.

Uploads, undos and assessment saves are already recorded by their own tables (written in
the same transaction as the change, so the log cannot miss one); `audit_event` holds the
rest: activity follow-ups, account changes and refusals. `events` reads all of them as one list.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from dashboard.access import Principal
from dashboard.store import Store, goal_t, org_t, upload_t
from dashboard.store.schema_access import AuditEventRecord
from dashboard.store.schema_followup import AssessmentAuditRecord
from dashboard.web.log_text import bounded

audit_t = AuditEventRecord.__table__
assessment_audit_t = AssessmentAuditRecord.__table__
DONE, REFUSED = "done", "refused"
UPLOAD, UNDO, ASSESSMENT = "upload", "undo", "assessment"
USER_ADD, USER_REMOVE, USER_PASSWORD = "user_add", "user_remove", "user_password"
USER_SIGN_OUT = "user_signout"  # an administrator ended every session of an account
ACTIVITY, AUDIT_LOG = (
    "activity",
    "audit_log",
)  # AUDIT_LOG: only ever refused (the page is for admins)
ACTIONS = (UPLOAD, UNDO, ASSESSMENT, ACTIVITY, USER_ADD, USER_REMOVE, USER_PASSWORD, USER_SIGN_OUT)
log = logging.getLogger("kontrollrummet.audit")
# Refusals kept in full per account and address within the window; later ones only count up.
MAX_REFUSALS_KEPT = 20
REFUSAL_WINDOW = dt.timedelta(minutes=10)
MAX_TARGET, MAX_DETAIL, MAX_ADDRESS = 500, 1000, 100


@dataclass(frozen=True)
class Event:
    """One line of the audit log."""

    at: dt.datetime
    username: str
    action: str
    target: str
    detail: str
    outcome: str


def now() -> dt.datetime:
    """The time stamp every audit row gets (UTC, like the other tables)."""
    return dt.datetime.now(dt.UTC)


def record(
    conn: Connection,
    username: str,
    action: str,
    target: str,
    detail: str = "",
    outcome: str = DONE,
    address: str = "",
) -> None:
    """Add a row to the audit log inside the caller's transaction."""
    conn.execute(
        insert(audit_t).values(
            at=now(),
            username=username,
            action=action,
            target=bounded(target, MAX_TARGET),
            detail=bounded(detail, MAX_DETAIL),
            outcome=outcome,
            address=bounded(address, MAX_ADDRESS),
        )
    )


def refuse(
    store: Store, principal: Principal, action: str, target: str, reason: str, address: str = ""
) -> None:
    """Record a refused request in the log and in the server log; it changed nothing else.

    Past MAX_REFUSALS_KEPT from one account and address in the window, only the newest row's
    count goes up: a flood neither buries real events nor fills the disk."""
    e = audit_t.c
    address, target, reason = (
        bounded(address, MAX_ADDRESS),
        bounded(target, MAX_TARGET),
        bounded(reason, MAX_DETAIL),
    )
    with store.engine.begin() as conn:
        recent = (
            conn.execute(
                select(e.id)
                .where(
                    e.username == principal.username,
                    e.address == address,
                    e.outcome == REFUSED,
                    e.at >= now() - REFUSAL_WINDOW,
                )
                .order_by(e.at.desc(), e.id.desc())
                .limit(MAX_REFUSALS_KEPT)
            )
            .scalars()
            .all()
        )
        if len(recent) >= MAX_REFUSALS_KEPT:
            conn.execute(update(audit_t).where(e.id == recent[0]).values(repeats=e.repeats + 1))
            return
        record(conn, principal.username, action, target, reason, REFUSED, address)
    log.warning(
        "refused %s by %s from %s on %s: %s", action, principal.username, address, target, reason
    )


def events(
    store: Store,
    username: str | None = None,
    action: str | None = None,
    since: dt.date | None = None,
    limit: int = 500,
) -> list[Event]:
    """The newest events first, optionally for one user, one action and from a day on."""
    start = dt.datetime.combine(since, dt.time(), dt.UTC) if since else None
    found: list[Event] = []
    with store.engine.connect() as conn:
        for source in (_uploads, _undos, _assessment_saves, _other_events):
            found.extend(source(conn, username, action, start, limit))
    return sorted(found, key=lambda event: event.at, reverse=True)[:limit]


def _window(stmt, at_column, user_column, username, start, limit):
    if username:
        stmt = stmt.where(user_column == username)
    if start:
        stmt = stmt.where(at_column >= start)
    return stmt.order_by(at_column.desc()).limit(limit)


def _uploads(conn, username, action, start, limit) -> list[Event]:
    if action not in (None, UPLOAD):
        return []
    u = upload_t.c
    stmt = _window(
        select(u.created_at, u.user_name, u.file_name, u.rows_inserted, u.rows_updated),
        u.created_at,
        u.user_name,
        username,
        start,
        limit,
    )
    return [
        Event(_utc(at), user, UPLOAD, name, f"{new} nya, {changed} ändrade rader", DONE)
        for at, user, name, new, changed in conn.execute(stmt)
    ]


def _undos(conn, username, action, start, limit) -> list[Event]:
    if action not in (None, UNDO):
        return []
    u = upload_t.c
    stmt = _window(
        select(u.undone_at, u.undone_by, u.id, u.file_name).where(u.undone_at.is_not(None)),
        u.undone_at,
        u.undone_by,
        username,
        start,
        limit,
    )
    return [
        Event(_utc(at), user, UNDO, f"uppladdning {upload_id} ({name})", "", DONE)
        for at, user, upload_id, name in conn.execute(stmt)
    ]


def _assessment_saves(conn, username, action, start, limit) -> list[Event]:
    if action not in (None, ASSESSMENT):
        return []
    a = assessment_audit_t.c
    stmt = _window(
        select(a.saved_at, a.saved_by, goal_t.c.code, org_t.c.code, a.year, a.period)
        .join(goal_t, goal_t.c.id == a.goal_id)
        .join(org_t, org_t.c.id == a.org_id),
        a.saved_at,
        a.saved_by,
        username,
        start,
        limit,
    )
    return [
        Event(_utc(at), user, ASSESSMENT, f"{goal} för {org}", f"{period} {year}", DONE)
        for at, user, goal, org, year, period in conn.execute(stmt)
    ]


def _other_events(conn, username, action, start, limit) -> list[Event]:
    e = audit_t.c
    stmt = select(e.at, e.username, e.action, e.target, e.detail, e.outcome, e.repeats)
    stmt = _window(
        stmt.where(e.action == action) if action else stmt, e.at, e.username, username, start, limit
    )
    return [
        Event(
            _utc(row.at),
            row.username,
            row.action,
            row.target,
            _with_repeats(row.detail, row.repeats),
            row.outcome,
        )
        for row in conn.execute(stmt)
    ]


def _with_repeats(detail: str, repeats: int) -> str:
    return f"{detail} (och {repeats} likadana nekade förfrågningar till)" if repeats else detail


def _utc(at: dt.datetime) -> dt.datetime:
    """SQLite gives naive times back; they were written in UTC."""
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)
