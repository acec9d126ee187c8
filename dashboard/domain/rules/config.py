"""The rule's numbers and the exact arithmetic every part of the rule shares (docs/rules.md)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dashboard.domain.model import (
    Status,
)

# Guards the threshold comparisons against float noise, e.g. 0.7999999999999999 for 0.8,
# so that a score a controller computes by hand as exactly 80 % counts as met.
EPSILON = 1e-9


@dataclass(frozen=True)
class RuleConfig:
    """The tunable parts of the rule; the defaults are the documented rule (docs/rules.md)."""

    # The partly band is 10 % of |target| wide when Target.partly_limit is None.
    default_partly_tolerance: float = 0.10
    met_threshold: float = 0.80  # goal score needed for MET
    partly_threshold: float = 0.40  # goal score needed for PARTLY_MET
    min_coverage: float = 0.50  # share of weight that must have data, else NO_DATA
    include_activities: bool = True
    activity_weight: float = 1.0


DEFAULT_RULES = RuleConfig()


# The score a part gets from its status; NO_DATA scores nothing (None), and counts as 0.
STATUS_SCORE: dict[Status, float | None] = {
    Status.MET: 1.0,
    Status.PARTLY_MET: 0.5,
    Status.NOT_MET: 0.0,
    Status.NO_DATA: None,
}


@dataclass(frozen=True)
class StatusCounts:
    """How many parts have each status."""

    met: int = 0
    partly_met: int = 0
    not_met: int = 0
    no_data: int = 0

    def of(self, status: Status) -> int:
        """The count for one status."""
        return {
            Status.MET: self.met,
            Status.PARTLY_MET: self.partly_met,
            Status.NOT_MET: self.not_met,
            Status.NO_DATA: self.no_data,
        }[status]


def finite(value: float | None) -> float | None:
    """A value, or None when it is missing or NaN (NaN must never compare as met)."""
    if value is None or math.isnan(value):
        return None
    return value


def exact(value: float) -> Decimal:
    """A stored number as the decimal a person wrote (its shortest repr): 6.8 is 6.8, not 6.7999…

    Limits and comparisons are made on these, so 6,8 + 10 % is exactly 7,48 and a value of
    7,48 lies on the limit, as a controller computing by hand finds (docs/rules.md §1)."""
    return Decimal(repr(float(value)))


def round_half_up(value: Decimal, decimals: int) -> Decimal:
    """The one rounding of displayed numbers and trend words: half away from zero (0,5 → 1)."""
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def status_from_score(score: float | None, config: RuleConfig = DEFAULT_RULES) -> Status:
    """The status a score in [0, 1] earns by the goal thresholds; None is NO_DATA."""
    if score is None:
        return Status.NO_DATA
    if score >= config.met_threshold - EPSILON:
        return Status.MET
    if score >= config.partly_threshold - EPSILON:
        return Status.PARTLY_MET
    return Status.NOT_MET
