"""The one documented rule set that turns data into fulfilment statuses (docs/rules.md).

Pure functions on model values: no database, no Dash, no Swedish text. Reason codes are
English `StrEnum`s; `layouts/texts/` holds their Swedish wording.

The rules answer the city auditors' findings (revisionsrapport 7/2022, see DOMAIN.md):
a missing value is never met, a forecast is never reported as an outcome, activities
count, and one rule applies everywhere.

One module per part of docs/rules.md: `config` (the numbers and exact arithmetic),
`indicator` (§1), `activities` (§2), `goal` (§3), `below` (§3a), `comparison` (§3c, §4).
Import from `dashboard.domain.rules`; the modules are its layout, not its interface.
"""

from __future__ import annotations

from dashboard.domain.rules.activities import activity_part, activity_score, is_overdue
from dashboard.domain.rules.below import not_measured_here, rolled_up
from dashboard.domain.rules.comparison import (
    Change,
    Disagreement,
    GenderSplit,
    disagreement,
    gender_split,
    year_over_year,
)
from dashboard.domain.rules.config import (
    DEFAULT_RULES,
    STATUS_SCORE,
    RuleConfig,
    StatusCounts,
    exact,
    round_half_up,
    status_from_score,
)
from dashboard.domain.rules.goal import (
    GoalReason,
    GoalResult,
    Part,
    PartKind,
    combined_basis,
    count_statuses,
    goal_fulfilment,
    indicator_part,
)
from dashboard.domain.rules.indicator import (
    IndicatorReason,
    IndicatorResult,
    default_partly_limit,
    indicator_status,
    judge_value,
)

__all__ = [
    "DEFAULT_RULES",
    "STATUS_SCORE",
    "Change",
    "Disagreement",
    "GenderSplit",
    "GoalReason",
    "GoalResult",
    "IndicatorReason",
    "IndicatorResult",
    "Part",
    "PartKind",
    "RuleConfig",
    "StatusCounts",
    "activity_part",
    "activity_score",
    "combined_basis",
    "count_statuses",
    "default_partly_limit",
    "disagreement",
    "exact",
    "gender_split",
    "goal_fulfilment",
    "indicator_part",
    "indicator_status",
    "is_overdue",
    "judge_value",
    "not_measured_here",
    "rolled_up",
    "round_half_up",
    "status_from_score",
    "year_over_year",
]
