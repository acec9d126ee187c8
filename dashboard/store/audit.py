"""The audit log's SQL: recording an event in a writer's transaction, and reading every source.

Uploads, undos and assessment saves are recorded by their own tables (written in the same
transaction as the change, so the log cannot miss one); `audit_event` holds the rest.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, insert, select, update

from dashboard.store.schema_access import AuditEventRecord
from dashboard.store.schema_followup import AssessmentAuditRecord
from dashboard.store.tables import goal_t as _goal_t
from dashboard.store.tables import org_t as _org_t
from dashboard.store.tables import table_of
from dashboard.store.tables import upload_t as _upload_t

audit_t = table_of(AuditEventRecord)
assessment_audit_t = table_of(AssessmentAuditRecord)

DONE, REFUSED = "done", "refused"
UPLOAD, UNDO, ASSESSMENT = "upload", "undo", "assessment"
USER_ADD, USER_REMOVE, USER_PASSWORD = "user_add", "user_remove", "user_password"
USER_SIGN_OUT = "user_signout"  # an administrator ended every session of an account
USER_CHANGE = "user_change"  # an administrator changed an account's role or organisations
ACTIVITY = "activity"
TOKEN_ADD, TOKEN_REVOKE = "token_add", "token_revoke"  # an API token made or revoked
# The reporting round (issue 18): deadlines set, a report marked ready, approved, sent back,
# and reopened by a change of its values.
REPORTING_DEADLINES, REPORT_READY, REPORT_APPROVE = (
    "report_deadlines",
    "report_ready",
    "report_approve",
)
REPORT_RETURN, REPORT_REOPEN = "report_return", "report_reopen"
MEASURE, EXPECTED_RESULT = "measure", "expected_result"  # an åtgärd; förväntat resultat
FORM_EVENTS = (ACTIVITY, MEASURE, EXPECTED_RESULT)  # app writes that change what reports show
AUDIT_LOG = "audit_log"  # only ever refused (the page is for admins)
MAX_TARGET, MAX_DETAIL, MAX_ADDRESS = 500, 1000, 100


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
    """Add a row to the audit log inside the writer's transaction."""
    from dashboard.web.log_text import bounded  # pure text: one line, bounded

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


def recent_refusals(
    conn: Connection, username: str, address: str, since: dt.datetime, limit: int
) -> list[int]:
    """Ids of the newest refusals of one account from one address since a time, newest first."""
    e = audit_t.c
    stmt = (
        select(e.id)
        .where(e.username == username, e.address == address, e.outcome == REFUSED, e.at >= since)
        .order_by(e.at.desc(), e.id.desc())
        .limit(limit)
    )
    return list(conn.execute(stmt).scalars())


def count_repeat(conn: Connection, event_id: int) -> None:
    """One more refusal like this event, counted on it instead of kept in full."""
    e = audit_t.c
    conn.execute(update(audit_t).where(e.id == event_id).values(repeats=e.repeats + 1))


def sources(
    engine: Engine, username: str | None, action: str | None, start: dt.datetime | None, limit: int
) -> dict[str, list[tuple[Any, ...]]]:
    """The newest `limit` rows of each source of the log, by action ("" for `audit_event`), its
    time first (UTC); optionally for one user, one action and from a time on.

    An upload: (at, user, file name, rows inserted, rows updated); an undo: (at, user, upload
    id, file name); an assessment save: (at, user, goal code, org code, year, period); any other
    event: (at, user, action, target, detail, outcome, repeats)."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for name, source in _SOURCES.items():
            if name and action not in (None, name):
                continue
            stmt = source(action)
            at, user = stmt.selected_columns[0], stmt.selected_columns[1]
            if username:
                stmt = stmt.where(user == username)
            if start:
                stmt = stmt.where(at >= start)
            rows = conn.execute(stmt.order_by(at.desc()).limit(limit))
            found[name] = [(_utc(row[0]), *row[1:]) for row in rows]
    return found


def form_saves(engine: Engine) -> tuple[int | None, int | None]:
    """The newest assessment save and the newest other form write (an activity's follow-up, an
    åtgärd, a förväntat resultat): changes with every one."""
    saves, events = assessment_audit_t.c, audit_t.c
    with engine.connect() as conn:
        saved, followed_up = conn.execute(
            select(
                select(func.max(saves.id)).scalar_subquery(),
                select(func.max(events.id))
                .where(events.action.in_(FORM_EVENTS), events.outcome == DONE)
                .scalar_subquery(),
            )
        ).one()
    return saved, followed_up


def _uploads(_action: str | None) -> Select[Any]:
    u = _upload_t.c
    return select(u.created_at, u.user_name, u.file_name, u.rows_inserted, u.rows_updated)


def _undos(_action: str | None) -> Select[Any]:
    u = _upload_t.c
    return select(u.undone_at, u.undone_by, u.id, u.file_name).where(u.undone_at.is_not(None))


def _assessment_saves(_action: str | None) -> Select[Any]:
    a = assessment_audit_t.c
    return (
        select(a.saved_at, a.saved_by, _goal_t.c.code, _org_t.c.code, a.year, a.period)
        .join(_goal_t, _goal_t.c.id == a.goal_id)
        .join(_org_t, _org_t.c.id == a.org_id)
    )


def _other_events(action: str | None) -> Select[Any]:
    e = audit_t.c
    stmt = select(e.at, e.username, e.action, e.target, e.detail, e.outcome, e.repeats)
    return stmt.where(e.action == action) if action else stmt


_SOURCES = {UPLOAD: _uploads, UNDO: _undos, ASSESSMENT: _assessment_saves, "": _other_events}


def _utc(at: dt.datetime) -> dt.datetime:
    """SQLite gives naive times back; they were written in UTC."""
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)
