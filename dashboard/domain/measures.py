"""Åtgärder (measures) and the year's förväntat resultat och arbetssätt, as the meeting follows
them up.

A measure is decided at one period's meeting for a goal at an organisation, with a person
responsible and a due date; from the next period on it is "att följa upp" until it is done or
closed, and past its due date while still open it is overdue, which is a deviation
(docs/meeting.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from dashboard.domain.model import period_end


class MeasureStatus(StrEnum):
    """Where a measure stands; the order is its life."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    CLOSED = "closed"  # ended without being carried out: no longer relevant, or replaced


FINISHED = (MeasureStatus.DONE, MeasureStatus.CLOSED)


@dataclass(frozen=True)
class StatusChange:
    """When and by whom a measure's status was last changed: for a done or closed one, when it
    ended (the Ändringslogg has every change before)."""

    at: dt.datetime
    by: str


@dataclass(frozen=True)
class Measure:
    """One åtgärd for a goal at an organisation, decided at (`year`, `period`)."""

    id: int
    goal_id: int
    org_id: int
    year: int
    period: str
    text: str
    responsible: str
    due_date: dt.date
    status: MeasureStatus
    changed: StatusChange | None = None  # None: the status it was recorded with

    @property
    def open(self) -> bool:
        """Still to be carried out: neither done nor closed."""
        return self.status not in FINISHED

    def overdue(self, as_of: dt.date) -> bool:
        """Open past its due date: a deviation."""
        return self.open and self.due_date < as_of

    def decided_before(self, year: int, period: str) -> bool:
        """Decided at a period that ended before this one: to follow up at this one's meeting."""
        return period_end(self.year, self.period) < period_end(year, period)

    def decided_at(self, year: int, period: str) -> bool:
        """Decided at this very period's meeting."""
        return (self.year, self.period) == (year, period)


@dataclass(frozen=True)
class ExpectedResult:
    """A goal's förväntat resultat and arbetssätt at an organisation, written once a year."""

    goal_id: int
    org_id: int
    year: int
    expected_result: str
    way_of_working: str
