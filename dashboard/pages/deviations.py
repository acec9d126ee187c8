"""Avvikelser's data: the meeting's deviating goals, worst first, and the ones shown in full.

The presentation and the meeting document show the same goals, so they read them from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dashboard.domain.model import OrgUnit
from dashboard.followup import agenda, assessments
from dashboard.followup.assessments import AuditEntry
from dashboard.followup.deviations import GoalDeviations
from dashboard.followup.goal_results import Brief
from dashboard.store import Store


@dataclass(frozen=True)
class Meeting:
    """Goals in full, their organisations by id, and the form saves behind their assessments."""

    full: list[GoalDeviations]
    orgs: dict[int, OrgUnit]
    saves: dict[tuple[int, int], AuditEntry]


def meeting(store: Store, found: Sequence[Brief], year: int, period: str) -> Meeting:
    """The goals in full, with what their pages show beside them."""
    full = agenda.expand(store, found, year, period)
    saves = assessments.current_saves(store, [g.status for g in full], year, period)
    return Meeting(full, store.orgs_by_id(g.status.org_id for g in full), saves)


def deviations(
    store: Store, org: OrgUnit, year: int, period: str, shown: int
) -> tuple[list[Brief], Meeting]:
    """Every deviating goal in brief, and the first `shown` of them in full."""
    found = agenda.deviating(store, org, year, period)
    return found, meeting(store, found[:shown], year, period)
