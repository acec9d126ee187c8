"""A deterministic demo municipality in Swedish, as a `Dataset`.

Three stadsdelsnämnder of "Stockholms stad (demo)" over five years: the goal tree from
inriktningsmål down to enheternas åtaganden, KF, nämnd and enhet indicators with årsmål,
outcomes and forecasts per kvinnor/män, activities with tertial follow-up, and the nämndernas
own assessments. The goal texts follow the seeds (shared/seeds, ILS in Stockholm).

Deliberately realistic flaws, so the control room has something to show (DOMAIN.md, the
auditors' findings): forecasts are slightly optimistic on average, some assessments are
clearly more positive than the numbers, a few values are missing, suppressed or only a
forecast, and some activities are late or past their end date.

Everything comes from one `random.Random(seed)`. The tables (`tree_data`, `indicator_data`,
`words`) are also the material of the Stockholm-scale benchmark (`dashboard/tools/scale.py`),
which shares the builders (`organisation`, `indicators`, `numbers`, `activities`,
`assessments`).
"""

from __future__ import annotations

import random

from dashboard.domain.dataset import Dataset
from dashboard.domain.model import TERTIAL_PERIODS, GoalLevel
from dashboard.tools.demo.activities import build_activities
from dashboard.tools.demo.assessments import build_assessments
from dashboard.tools.demo.indicators import link_goals, plan_indicators
from dashboard.tools.demo.numbers import (
    build_targets,
    choose_gaps,
    measurement_rows,
    reporting_periods,
    simulate_plan,
)
from dashboard.tools.demo.organisation import Unit, build_goals, build_organisation
from dashboard.tools.demo.tree_data import CITY, DEMO_COMMITTEES


def demo_dataset(seed: int = 2026, last_year: int = 2026, last_period: str = "T2") -> Dataset:
    """The demo municipality over the five years up to `last_period` of `last_year`."""
    if last_period not in TERTIAL_PERIODS:
        raise ValueError(f"last_period must be one of {TERTIAL_PERIODS}, got {last_period!r}")
    rng = random.Random(seed)
    first_year = last_year - 4
    org = build_organisation(CITY, DEMO_COMMITTEES)
    goals = build_goals(org, first_year, last_year)
    plan = plan_indicators(org, goals, wide_per_committee=1, own_count=_first_unit_gets_one)
    periods = reporting_periods(first_year, last_year, last_period)
    gaps, suppressed = choose_gaps(rng, plan, org, periods)
    # One year before the first makes "last year's outcome" exist for the first årsmål.
    blocks = simulate_plan(rng, plan, first_year - 1, last_year, gaps)
    spec_of = {p.row.code: p.spec for p in plan}
    measurements = [
        row
        for (code, org_code), block in blocks.items()
        for row in measurement_rows(
            code, org_code, spec_of[code], block, periods, suppressed.get((code, org_code), ())
        )
    ]
    targets = build_targets(rng, plan, blocks, org, range(first_year, last_year + 1))
    links = link_goals(org, goals, plan)
    activities, updates = build_activities(
        rng, org, goals, periods, per_goal={GoalLevel.COMMITTEE: 2, GoalLevel.UNIT: 1}
    )
    assessments = build_assessments(rng, goals, links, spec_of, blocks, targets, periods)
    return Dataset(
        org_units=org.rows,
        goals=goals.rows,
        indicators=[p.row for p in plan],
        goal_indicators=links,
        targets=targets,
        measurements=measurements,
        activities=activities,
        activity_updates=updates,
        assessments=assessments,
    )


def _first_unit_gets_one(unit: Unit) -> int:
    """In the demo, the first unit of each department has one indicator of its own."""
    return 1 if unit.position == 0 else 0
