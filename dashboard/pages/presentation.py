"""The presentation's data: one deviating goal at a time, in Avvikelser's order."""

from __future__ import annotations

from dashboard.domain.model import OrgUnit
from dashboard.followup import agenda
from dashboard.pages.deviations import Meeting, meeting
from dashboard.store import Store


def presentation(
    store: Store, org: OrgUnit, year: int, period: str, number: int
) -> tuple[int, int, Meeting]:
    """(number clamped to the list, how many goals deviate, the goal at that number in full)."""
    found = agenda.deviating(store, org, year, period)
    number = max(1, min(number, len(found)))
    return number, len(found), meeting(store, found[number - 1 : number], year, period)
