"""The presentation's data: one deviating goal at a time, in Avvikelser's order and with its
filters, and the agenda of every goal to be shown."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.model import OrgUnit
from dashboard.followup.goal_results import Brief
from dashboard.pages.deviations import Meeting, Only, kept, meeting
from dashboard.store import Store


@dataclass(frozen=True)
class Presentation:
    """The position shown (from 1), the agenda in brief with its owners, the goal shown in full."""

    number: int
    agenda: list[Brief]
    owners: dict[int, OrgUnit]
    meeting: Meeting


def presentation(
    store: Store, org: OrgUnit, year: int, period: str, number: int, only: Only | None = None
) -> Presentation:
    """The goal at `number` (clamped to the list) among those the filters keep, and the agenda."""
    found = kept(store, org, year, period, only).found
    number = max(1, min(number, len(found)))
    owners = store.orgs_by_id({b.org_id for b in found})
    return Presentation(
        number, found, owners, meeting(store, found[number - 1 : number], year, period)
    )
