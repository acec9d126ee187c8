"""The presentation's data: one deviating goal at a time, in Avvikelser's order and with its
filters, and the agenda of every goal to be shown."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.domain.measures import Measure
from dashboard.domain.model import OrgUnit
from dashboard.followup import measures
from dashboard.followup.goal_results import Brief
from dashboard.pages.deviations import Meeting, Only, kept, meeting
from dashboard.store import Store


@dataclass(frozen=True)
class Presentation:
    """The position shown (from 1), the agenda in brief with its owners, the goal shown in full
    and the åtgärder earlier meetings decided for it that are still open."""

    number: int
    agenda: list[Brief]
    owners: dict[int, OrgUnit]
    meeting: Meeting
    follow_up: tuple[Measure, ...] = ()  # the shown goal's open åtgärder from earlier periods


def presentation(
    store: Store, org: OrgUnit, year: int, period: str, number: int, only: Only | None = None
) -> Presentation:
    """The goal at `number` (clamped to the list) among those the filters keep, the agenda, and
    the goal's åtgärder to follow up (dashboard/followup/measures.py, as on the Målsida)."""
    found = kept(store, org, year, period, only).found
    number = max(1, min(number, len(found)))
    owners = store.orgs_by_id({b.org_id for b in found})
    shown = found[number - 1 : number]
    follow_up = (
        measures.goal_measures(store, shown[0].goal.id, shown[0].org_id, year, period).to_follow_up
        if shown
        else ()
    )
    return Presentation(number, found, owners, meeting(store, shown, year, period), follow_up)
