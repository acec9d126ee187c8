"""The reporting round's values (issue 18): where an organisation's report for a period stands.

Plain values, no SQL: the store returns them (dashboard/store/reporting.py) and the follow-up
decides with them (dashboard/followup/reporting.py, due.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dashboard.domain.model import OrgLevel


class ReportState(StrEnum):
    """A report's step: no row is "not marked ready"; a change after marking reopens it."""

    READY = "ready"  # klarmarkerad by the organisation
    APPROVED = "approved"  # godkänd by the level above
    RETURNED = "returned"  # sent back with a comment
    REOPENED = "reopened"  # its values changed after it was marked ready or approved


# The states a change of the organisation's values ends (the write path reopens them).
MARKED = frozenset({ReportState.READY, ReportState.APPROVED})


@dataclass(frozen=True)
class ReportStatus:
    """One organisation's report for a period, as last changed."""

    org_id: int
    year: int
    period: str
    state: ReportState
    changed_at: dt.datetime
    changed_by: str
    comment: str = ""


@dataclass(frozen=True)
class ReportingPeriod:
    """A period open for reporting and its deadline per organisation level."""

    year: int
    period: str
    deadlines: dict[OrgLevel, dt.date]

    def deadline(self, level: OrgLevel) -> dt.date | None:
        """When an organisation of this level must have reported; None: no deadline set."""
        return self.deadlines.get(level)
