"""Att rapportera's data: what one organisation must report for the open period, what is done,
and which steps of the reporting round this person may take."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.access import Principal
from dashboard.domain.model import OrgUnit
from dashboard.domain.reporting import ReportingPeriod, ReportState
from dashboard.followup import due, reporting
from dashboard.followup.due import OrgDue
from dashboard.store import Store


@dataclass(frozen=True)
class ToReport:
    period: ReportingPeriod
    due: OrgDue
    may_enter: bool  # offered the forms: "Fyll i värdena", the assessments (issue 20)
    may_mark: bool  # offered "Klarmarkera"
    may_approve: bool  # offered "Godkänn" and "Skicka tillbaka"
    has_children: bool  # the progress page has more to show below this organisation


def to_report(store: Store, org: OrgUnit, user: Principal, today: dt.date) -> ToReport | None:
    """The organisation's list for the open period; None when no period is open."""
    period = due.open_period(store)
    if period is None:
        return None
    [found] = due.due(store, [org], period, today)
    state = found.state
    may_enter = reporting.may_mark(store, user, org)  # both ask: may they change its data
    return ToReport(
        period,
        found,
        may_enter=may_enter,
        may_mark=state not in (ReportState.READY, ReportState.APPROVED) and may_enter,
        may_approve=state in (ReportState.READY, ReportState.APPROVED)
        and reporting.may_approve(store, user, org),
        has_children=bool(store.org_children(org.id)),
    )
