"""The reporting round's steps (issue 18): an administrator sets a period's deadlines, an
editor marks their organisation's report ready, a controller approves it or sends it back.

Each step asks who may take it before writing, so a hand-made request is refused the same
way a page leaves the button out; every step is audited in its own transaction. A change of a
marked report's values reopens it in the write path itself (dashboard/store/reporting.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum

from dashboard.access import Principal, Role
from dashboard.domain.model import OrgLevel, OrgUnit
from dashboard.domain.reporting import MARKED, ReportState
from dashboard.store import Store, audit
from dashboard.store import reporting as stored

MAX_COMMENT = 2000


class Refusal(StrEnum):
    """Why a step of the reporting round is refused; Swedish words in layouts/texts/."""

    NOT_ALLOWED = "not_allowed"  # a reader, or an organisation outside the scope
    NOT_CONTROLLER = "not_controller"  # approving needs the level above
    NOT_ADMIN = "not_admin"
    NOT_OPEN = "not_open"  # no deadlines set for the period
    ALREADY_MARKED = "already_marked"
    NOT_READY = "not_ready"  # only a report marked ready is approved or sent back
    NO_COMMENT = "no_comment"  # sending back says why
    NO_DEADLINE = "no_deadline"  # a period needs at least one deadline


class ReportingRefused(Exception):
    """A step that may not be taken; nothing was written."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


def may_mark(store: Store, user: Principal, org: OrgUnit) -> bool:
    """Whether this person may mark the organisation's report ready: they may change its data."""
    return user.may_edit(store.org_path(org.id))


def may_approve(store: Store, user: Principal, org: OrgUnit) -> bool:
    """Whether this person controls the organisation: an administrator, or an editor whose scope
    holds the organisation above it."""
    if user.is_admin:
        return True
    parent = store.org_path(org.parent_id) if org.parent_id is not None else None
    return user.role is Role.EDITOR and user.may_edit(parent)


def target(org: OrgUnit, year: int, period: str) -> str:
    """A report as the audit log names it, e.g. "SKA-FSK-01 T2 2026"."""
    return f"{org.code} {period} {year}"


def set_deadlines(
    store: Store, user: Principal, year: int, period: str, deadlines: Mapping[OrgLevel, dt.date]
) -> None:
    """Open a period for reporting with a deadline per organisation level (administrators)."""
    if not user.is_admin:
        raise ReportingRefused(Refusal.NOT_ADMIN)
    if not deadlines:
        raise ReportingRefused(Refusal.NO_DEADLINE)
    detail = ", ".join(
        f"{int(level)}: {day.isoformat()}" for level, day in sorted(deadlines.items())
    )
    with store.writing(user.username) as w:
        stored.set_deadlines(w.conn, year, period, deadlines)
        w.audit(audit.REPORTING_DEADLINES, f"{period} {year}", detail)
        w.results_untouched()


def mark_ready(store: Store, user: Principal, org: OrgUnit, year: int, period: str) -> None:
    """The organisation's report for the period is ready (klarmarkerad)."""
    if not may_mark(store, user, org):
        raise ReportingRefused(Refusal.NOT_ALLOWED)
    _step(store, user, org, year, period, ReportState.READY)


def approve(store: Store, user: Principal, org: OrgUnit, year: int, period: str) -> None:
    """The level above approves a report marked ready."""
    if not may_approve(store, user, org):
        raise ReportingRefused(Refusal.NOT_CONTROLLER)
    _step(store, user, org, year, period, ReportState.APPROVED)


def send_back(
    store: Store, user: Principal, org: OrgUnit, year: int, period: str, comment: str
) -> None:
    """The level above sends a marked report back, saying why."""
    if not may_approve(store, user, org):
        raise ReportingRefused(Refusal.NOT_CONTROLLER)
    if not comment.strip():
        raise ReportingRefused(Refusal.NO_COMMENT)
    _step(store, user, org, year, period, ReportState.RETURNED, comment.strip()[:MAX_COMMENT])


_ACTION = {
    ReportState.READY: audit.REPORT_READY,
    ReportState.APPROVED: audit.REPORT_APPROVE,
    ReportState.RETURNED: audit.REPORT_RETURN,
}


def _step(
    store: Store,
    user: Principal,
    org: OrgUnit,
    year: int,
    period: str,
    state: ReportState,
    comment: str = "",
) -> None:
    if (year, period) not in {(p.year, p.period) for p in stored.reporting_periods(store.engine)}:
        raise ReportingRefused(Refusal.NOT_OPEN)
    key = (org.id, year, period)
    with store.writing(user.username) as w:
        now = stored.state_of(w.conn, key)
        current = now.state if now else None
        if state is ReportState.READY and current in MARKED:
            raise ReportingRefused(Refusal.ALREADY_MARKED)
        if state is ReportState.APPROVED and current is not ReportState.READY:
            raise ReportingRefused(Refusal.NOT_READY)
        if state is ReportState.RETURNED and current not in MARKED:
            raise ReportingRefused(Refusal.NOT_READY)
        stored.put_state(w.conn, key, state, user.username, comment)
        w.audit(_ACTION[state], target(org, year, period), comment)
        w.results_untouched()
