"""Comparisons beside the status: last year, women and men, and the own assessment (§3c, §4)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dashboard.domain.model import (
    Assessment,
    Direction,
    Status,
    Trend,
)
from dashboard.domain.rules.config import exact, finite, round_half_up


@dataclass(frozen=True)
class Change:
    """A change from the same period last year, judged by the indicator's direction."""

    current: float | None
    previous: float | None
    absolute: float | None
    relative: float | None
    trend: Trend


@dataclass(frozen=True)
class GenderSplit:
    """Women's and men's values side by side, and whether an expected split is missing."""

    women: float | None
    men: float | None
    gap: float | None
    split_missing: bool


def year_over_year(
    current: float | None,
    previous: float | None,
    direction: Direction,
    decimals: int,
) -> Change:
    """The change from the same period last year, in exact decimals; UNCHANGED when it rounds
    (half up, as it is displayed) to 0 at `decimals`."""
    current, previous = finite(current), finite(previous)
    if current is None or previous is None:
        return Change(current, previous, None, None, Trend.UNKNOWN)
    difference = exact(current) - exact(previous)
    absolute = float(difference)
    relative = absolute / abs(previous) if previous != 0 else None
    if round_half_up(difference, decimals) == 0:
        trend = Trend.UNCHANGED
    elif (absolute > 0) == (direction is Direction.HIGHER):
        trend = Trend.BETTER
    else:
        trend = Trend.WORSE
    return Change(current, previous, absolute, relative, trend)


def gender_split(women: float | None, men: float | None, expected: bool) -> GenderSplit:
    """Women's and men's values, the gap women − men, and whether an expected split is missing."""
    women, men = finite(women), finite(men)
    gap = women - men if women is not None and men is not None else None
    return GenderSplit(women, men, gap, split_missing=expected and (women is None or men is None))


class Disagreement(StrEnum):
    """How an organisation's own assessment relates to the computed status."""

    NONE = "none"
    MORE_POSITIVE = "more_positive"
    MORE_NEGATIVE = "more_negative"
    WITHOUT_EVIDENCE = "without_evidence"  # assessed as (partly) met where the data show nothing


_STATUS_RANK = {Status.NOT_MET: 0, Status.PARTLY_MET: 1, Status.MET: 2}


def disagreement(computed: Status, assessment: Assessment | None) -> Disagreement:
    """Flag an own assessment that differs from the computed status (auditors' finding 2)."""
    if assessment is None or assessment.status is computed:
        return Disagreement.NONE
    if computed is Status.NO_DATA:
        claims = assessment.status in (Status.MET, Status.PARTLY_MET)
        return Disagreement.WITHOUT_EVIDENCE if claims else Disagreement.NONE
    if assessment.status is Status.NO_DATA:
        return Disagreement.NONE
    if _STATUS_RANK[assessment.status] > _STATUS_RANK[computed]:
        return Disagreement.MORE_POSITIVE
    return Disagreement.MORE_NEGATIVE
