"""The audit log: every write and every refused request, with who did it and when.

Uploads, undos and assessment saves are already recorded by their own tables (written in
the same transaction as the change, so the log cannot miss one); `audit_event` holds the
rest: activity follow-ups, account changes and refusals. `events` reads all of them as one list.
The SQL is in dashboard/store/audit.py; writers record through `Store.writing`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from dashboard.access import Principal
from dashboard.store import Store
from dashboard.store.audit import (
    ACTIVITY,
    ASSESSMENT,
    AUDIT_LOG,
    DONE,
    EXPECTED_RESULT,
    MAX_ADDRESS,
    MAX_DETAIL,
    MAX_TARGET,
    MEASURE,
    REFUSED,
    REPORT_APPROVE,
    REPORT_READY,
    REPORT_REOPEN,
    REPORT_RETURN,
    REPORTING_DEADLINES,
    TOKEN_ADD,
    TOKEN_REVOKE,
    UNDO,
    UPLOAD,
    USER_ADD,
    USER_CHANGE,
    USER_PASSWORD,
    USER_REMOVE,
    USER_SIGN_OUT,
    now,
    sources,
)
from dashboard.store.national import GROUP, KPI_LINK, SETTING, UNIT_LINK
from dashboard.web.log_text import bounded

__all__ = [  # with the log's vocabulary, which dashboard/store/audit.py defines
    "ACTIONS",
    "ACTIVITY",
    "ASSESSMENT",
    "AUDIT_LOG",
    "DONE",
    "EXPECTED_RESULT",
    "MAX_ADDRESS",
    "MAX_DETAIL",
    "MAX_REFUSALS_KEPT",
    "MAX_TARGET",
    "MEASURE",
    "REFUSAL_WINDOW",
    "REFUSED",
    "REPORTING_DEADLINES",
    "REPORT_APPROVE",
    "REPORT_READY",
    "REPORT_REOPEN",
    "REPORT_RETURN",
    "TOKEN_ADD",
    "TOKEN_REVOKE",
    "UNDO",
    "UPLOAD",
    "USER_ADD",
    "USER_CHANGE",
    "USER_PASSWORD",
    "USER_REMOVE",
    "USER_SIGN_OUT",
    "Event",
    "events",
    "log",
    "now",
    "refuse",
]
ACTIONS: tuple[str, ...] = (
    UPLOAD,
    UNDO,
    ASSESSMENT,
    ACTIVITY,
    USER_ADD,
    USER_CHANGE,
    USER_REMOVE,
    USER_PASSWORD,
    USER_SIGN_OUT,
    TOKEN_ADD,
    TOKEN_REVOKE,
    REPORTING_DEADLINES,
    REPORT_READY,
    REPORT_APPROVE,
    REPORT_RETURN,
    REPORT_REOPEN,
    MEASURE,
    EXPECTED_RESULT,
    SETTING,  # the national comparison's settings (docs/national.md): setting, group, links
    GROUP,
    KPI_LINK,
    UNIT_LINK,
)
log = logging.getLogger("kontrollrummet.audit")
# Refusals kept in full per account and address within the window; later ones only count up.
MAX_REFUSALS_KEPT = 20
REFUSAL_WINDOW = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Event:
    """One line of the audit log."""

    at: dt.datetime
    username: str
    action: str
    target: str
    detail: str
    outcome: str


def refuse(
    store: Store, principal: Principal, action: str, target: str, reason: str, address: str = ""
) -> None:
    """Record a refused request in the log and in the server log; it changed nothing else.

    Past MAX_REFUSALS_KEPT from one account and address in the window, only the newest row's
    count goes up: a flood neither buries real events nor fills the disk."""
    from dashboard.store import audit as stored

    address = bounded(address, MAX_ADDRESS)
    # Not under the write lock: a refused request must not wait for an upload to end.
    with store.writing(principal.username, lock=False) as w:
        since = now() - REFUSAL_WINDOW
        recent = stored.recent_refusals(
            w.conn, principal.username, address, since, MAX_REFUSALS_KEPT
        )
        if len(recent) >= MAX_REFUSALS_KEPT:
            stored.count_repeat(w.conn, recent[0])
            w.audited()
            return
        w.audit(action, target, reason, REFUSED, address)
    log.warning(
        "refused %s by %s from %s on %s: %s",
        action,
        principal.username,
        address,
        bounded(target, MAX_TARGET),
        bounded(reason, MAX_DETAIL),
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
    for source, rows in sources(store.engine, username, action, start, limit).items():
        found.extend(_EVENT[source](*row) for row in rows)
    return sorted(found, key=lambda event: event.at, reverse=True)[:limit]


def _upload(at: dt.datetime, user: str, name: str, new: int, changed: int) -> Event:
    return Event(at, user, UPLOAD, name, f"Nya rader: {new}, ändrade: {changed}", DONE)


def _undo(at: dt.datetime, user: str, upload_id: int, name: str) -> Event:
    return Event(at, user, UNDO, f"uppladdning {upload_id} ({name})", "", DONE)


def _assessment_save(
    at: dt.datetime, user: str, goal: str, org: str, year: int, period: str
) -> Event:
    return Event(at, user, ASSESSMENT, f"{goal} för {org}", f"{period} {year}", DONE)


def _other(
    at: dt.datetime, user: str, action: str, target: str, detail: str, outcome: str, repeats: int
) -> Event:
    return Event(at, user, action, target, _with_repeats(detail, repeats), outcome)


_EVENT: dict[str, Callable[..., Event]] = {
    UPLOAD: _upload,
    UNDO: _undo,
    ASSESSMENT: _assessment_save,
    "": _other,
}


def _with_repeats(detail: str, repeats: int) -> str:
    return f"{detail} (och {repeats} likadana nekade förfrågningar till)" if repeats else detail
