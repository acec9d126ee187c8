"""Activities and their tertial follow-ups, with the share of late ones a real year has."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping, Sequence

from dashboard.domain.dataset import (
    ActivityRow,
    ActivityUpdateRow,
    GoalRow,
)
from dashboard.domain.model import (
    ActivityStatus,
    GoalLevel,
    OrgLevel,
    period_end,
)
from dashboard.tools.demo.organisation import GoalPlan, Organisation
from dashboard.tools.demo.tree_data import UNIT_KINDS
from dashboard.tools.demo.words import (
    ACTIVITY_TITLES,
    CANCEL_REASONS,
    DELAY_REASONS,
    FIRST_NAMES,
    LAST_NAMES,
    NOT_STARTED_REASONS,
    WIDE_ROLES,
)

# How an activity's year goes, with weights: done in time, late, past its end date yet
# reported as ongoing, never started, or cancelled.
FATES = (("on_time", 66), ("late", 17), ("overdue", 7), ("stalled", 4), ("cancelled", 6))


def build_activities(
    rng: random.Random,
    org: Organisation,
    goals: GoalPlan,
    periods: Sequence[tuple[int, str]],
    per_goal: Mapping[GoalLevel, int],
) -> tuple[list[ActivityRow], list[ActivityUpdateRow]]:
    """Activities under nämndmål and enhetsmål each year, with a follow-up per reported tertial."""
    people: dict[tuple[str, str], str] = {}

    def person(org_code: str, role: str) -> str:
        if (org_code, role) not in people:
            people[org_code, role] = f"{role} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        return people[org_code, role]

    activities, updates = [], []
    names = [name for name, _ in FATES]
    weights = [weight for _, weight in FATES]
    years = sorted({year for year, _ in periods})
    for goal in goals.rows:
        theme = goals.theme.get(goal.code, "")  # only goals with a theme get activities
        for year in years:
            reported = [p for y, p in periods if y == year]
            for k in range(per_goal.get(goal.level, 0)):
                owner, role = _activity_owner(org, goal, theme)
                if role == "Enhetschef" and rng.random() < 0.2:
                    role = "Samordnare"
                start = dt.date(year, 1, 10) + dt.timedelta(days=rng.randrange(0, 150))
                end = min(start + dt.timedelta(days=rng.randrange(60, 300)), dt.date(year, 12, 15))
                fate = rng.choices(names, weights)[0]
                reason = rng.choice(
                    {
                        "late": DELAY_REASONS,
                        "stalled": NOT_STARTED_REASONS,
                        "cancelled": CANCEL_REASONS,
                    }.get(fate, [""])
                )
                code = f"{goal.code}-A{year}-{k + 1}"
                status = ActivityStatus.NOT_STARTED
                for period in reported:
                    day = period_end(year, period)
                    status = activity_status(fate, start, end, day)
                    updates.append(
                        ActivityUpdateRow(
                            code,
                            year,
                            period,
                            status,
                            _update_comment(status, reason, start, end, day),
                        )
                    )
                activities.append(
                    ActivityRow(
                        code,
                        goal.code,
                        owner,
                        rng.choice(ACTIVITY_TITLES[theme]),
                        person(owner, role),
                        start,
                        end,
                        status,
                    )
                )
    return activities, updates


def _activity_owner(org: Organisation, goal: GoalRow, theme: str) -> tuple[str, str]:
    """Who runs an activity under a goal: (organisation code, role of the responsible)."""
    level = org.level[goal.org_code]
    if level is OrgLevel.UNIT:
        return goal.org_code, "Enhetschef"
    if level is OrgLevel.DEPARTMENT:
        return goal.org_code, "Avdelningschef"
    if theme in UNIT_KINDS:
        return org.department_for(goal.org_code, theme), "Avdelningschef"
    return goal.org_code, WIDE_ROLES[theme]


def activity_status(fate: str, start: dt.date, end: dt.date, day: dt.date) -> ActivityStatus:
    """An activity's reported status on a day, given how its year goes."""
    if fate == "cancelled" and day >= start:
        return ActivityStatus.CANCELLED
    if fate == "stalled" or day < start:
        return ActivityStatus.NOT_STARTED
    if day < end:
        halfway = start + (end - start) / 2
        return (
            ActivityStatus.DELAYED if fate == "late" and day >= halfway else ActivityStatus.ONGOING
        )
    return {"on_time": ActivityStatus.DONE, "late": ActivityStatus.DELAYED}.get(
        fate, ActivityStatus.ONGOING
    )


def _update_comment(
    status: ActivityStatus, reason: str, start: dt.date, end: dt.date, day: dt.date
) -> str:
    if status is ActivityStatus.DONE:
        return "Genomförd enligt plan."
    if status is ActivityStatus.ONGOING:
        return "Pågår." if day > end else "Pågår enligt plan."
    if status is ActivityStatus.NOT_STARTED and day < start:
        return f"Planerad start {start.isoformat()}."
    return reason
