"""What changed for a goal since the previous period: the meeting's first question.

Pure rules on two standings of the same goal at the same organisation, and which reported
period counts as "the previous one" (docs/followup.md, "Since last period").
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple

from dashboard.domain.model import STATUS_ORDER, Status, period_end


class Movement(StrEnum):
    """A goal's movement between the previous period and this one."""

    NEW = "new"  # deviates now, did not then (or was not followed up then)
    REMAINS = "remains"  # deviated then and now, with the same status
    IMPROVED = "improved"  # deviates still, but its status is better
    WORSENED = "worsened"  # deviates still, and its status is worse
    RESOLVED = "resolved"  # deviated then, does not now


class Standing(NamedTuple):
    """A goal's computed status at one period, and whether anything deviated under it."""

    status: Status
    deviating: bool


def movement(before: Standing | None, now: Standing) -> Movement | None:
    """How the goal moved; None when it deviates neither then nor now (nothing to say)."""
    deviated = before is not None and before.deviating
    if not now.deviating:
        return Movement.RESOLVED if deviated else None
    if before is None or not deviated:
        return Movement.NEW
    change = STATUS_ORDER[now.status] - STATUS_ORDER[before.status]  # higher is better
    if change > 0:
        return Movement.IMPROVED
    return Movement.WORSENED if change < 0 else Movement.REMAINS


def previous_period(
    periods: Sequence[tuple[int, str]], year: int, period: str
) -> tuple[int, str] | None:
    """The reported period of the same kind (tertial or month) that ended last before this one.

    T2 → T1 and helår → T2 of the same year; T1 → last year's helår, or its T2 when no helår
    was reported; a month → the month before it. None when nothing earlier was reported."""
    monthly = period.startswith("M")
    end = period_end(year, period)
    earlier = [
        (y, p) for y, p in periods if p.startswith("M") == monthly and period_end(y, p) < end
    ]
    return max(earlier, key=lambda yp: period_end(*yp), default=None)
