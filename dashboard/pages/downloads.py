"""The downloads' data: the meeting's deviating goals in full, or the tertial report."""

from __future__ import annotations

from dashboard.domain.model import OrgUnit
from dashboard.followup import report
from dashboard.followup.report import TertialReport
from dashboard.pages.deviations import Meeting, Only, kept, meeting
from dashboard.store import Store


def meeting_document(
    store: Store, org: OrgUnit, year: int, period: str, only: Only | None = None
) -> Meeting:
    """Every deviating goal of the meeting the filters keep, in full, the most serious first."""
    return meeting(store, kept(store, org, year, period, only).found, year, period)


def tertial_document(store: Store, org: OrgUnit, year: int, period: str) -> TertialReport:
    """The tertial report's goals and figures for the organisation."""
    return report.tertial_report(store, org, year, period)
