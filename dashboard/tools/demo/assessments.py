"""The nämnder's own goal assessments, some rosier than the numbers (auditors' finding 2)."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence

from dashboard.domain import rules
from dashboard.domain.dataset import (
    AssessmentRow,
    GoalIndicatorRow,
    GoalRow,
    TargetRow,
)
from dashboard.domain.model import (
    GoalLevel,
    Reading,
    Status,
    Target,
)
from dashboard.tools.demo.indicator_data import Spec
from dashboard.tools.demo.numbers import Block
from dashboard.tools.demo.organisation import GoalPlan
from dashboard.tools.demo.words import EXPLANATIONS, MEASURES, SPIN, STATUS_SENTENCES


def assessed_goals(goals: Sequence[GoalRow]) -> list[tuple[str, str]]:
    """(goal, organisation) pairs that are assessed: each nämnd its nämndmål and the KF goals
    above them, each department and unit its åtagande."""
    pairs: list[tuple[str, str]] = []
    for goal in goals:
        if goal.level is GoalLevel.COMMITTEE:
            pairs += [(goal.parent_code or "", goal.org_code), (goal.code, goal.org_code)]
        elif goal.level is GoalLevel.UNIT:
            pairs.append((goal.code, goal.org_code))
    return list(dict.fromkeys(pairs))


def build_assessments(
    rng: random.Random,
    goals: GoalPlan,
    links: Sequence[GoalIndicatorRow],
    spec_of: Mapping[str, Spec],
    blocks: Mapping[tuple[str, str], Block],
    targets: Sequence[TargetRow],
    periods: Sequence[tuple[int, str]],
) -> list[AssessmentRow]:
    """Each organisation's own assessment of its goals per period: the documented rule applied to
    its indicators (dashboard.domain.rules), then coloured as nämnder do (see `stated_status`)."""
    target_of = {(t.indicator_code, t.org_code, t.year): t for t in targets}
    indicators_of = defaultdict(list)
    for link in links:
        indicators_of[link.goal_code].append((link.indicator_code, link.weight))
    rows = []
    for goal, org_code in assessed_goals(goals.rows):
        for year, period in periods:
            parts: list[rules.Part] = []
            evidence: list[str] = []
            for code, weight in indicators_of[goal]:
                block, target = blocks.get((code, org_code)), target_of.get((code, org_code, year))
                if block is None or target is None:
                    continue
                spec, cell = spec_of[code], block[year, period]
                reading = Reading(cell.outcome[0], cell.forecast[0], cell.status)
                result = rules.indicator_status(
                    spec.direction, Target(target.target, target.partly_limit), reading
                )
                parts.append(rules.indicator_part(spec.name, weight, result))
                if result.value is not None and len(evidence) < 2:
                    last_year = block.get((year - 1, period))
                    evidence.append(
                        describe(spec, result, last_year.outcome[0] if last_year else None)
                    )
            computed = rules.goal_fulfilment(parts).status
            rows.append(
                assessment_row(
                    rng,
                    goal,
                    org_code,
                    year,
                    period,
                    computed,
                    goals.theme[goal],
                    " ".join(evidence),
                )
            )
    return rows


def stated_status(rng: random.Random, computed: Status, is_forecast: bool) -> tuple[Status, bool]:
    """What an organisation says of its goal, and whether that is rosier than the numbers.

    Nämnder lean positive (auditors: "hellre positiva än realistiska"): one step up now and
    then, more often for a forecast; "met" against numbers that say not met in one case of
    five; and "met" or "partly met" where there is no data at all (auditors' finding 1).
    """
    if computed is Status.NO_DATA:
        return (Status.MET if rng.random() < 0.5 else Status.PARTLY_MET), True
    draw, step_up = rng.random(), 0.3 if is_forecast else 0.18
    if computed is Status.NOT_MET:
        if draw < 0.2:
            return Status.MET, True
        if draw < 0.2 + step_up:
            return Status.PARTLY_MET, True
    elif computed is Status.PARTLY_MET and draw < step_up:
        return Status.MET, True
    return computed, False


def assessment_row(
    rng: random.Random,
    goal: str,
    org_code: str,
    year: int,
    period: str,
    computed: Status,
    theme: str,
    evidence: str = "",
) -> AssessmentRow:
    """An assessment with Swedish analysis and measures, stated as `stated_status` colours it."""
    is_forecast = period != "FY"
    status, rosier = stated_status(rng, computed, is_forecast)
    why = rng.choice(SPIN if rosier else EXPLANATIONS[status])
    analysis = " ".join(
        part for part in (STATUS_SENTENCES[status, is_forecast], evidence, why) if part
    )
    measures = "" if status is Status.MET else rng.choice(MEASURES[theme])
    return AssessmentRow(goal, org_code, year, period, status, is_forecast, analysis, measures)


def describe(spec: Spec, result: rules.IndicatorResult, same_period_last_year: float | None) -> str:
    """One sentence of evidence, e.g. "Andel nöjda anhöriga: utfall 78 % mot årsmålet 82 %
    (samma period föregående år 75 %)."."""
    kind = "utfall" if result.outcome is not None else "prognos"
    text = f"{spec.name}: {kind} {fmt(spec, result.value)} mot årsmålet {fmt(spec, result.target)}"
    if same_period_last_year is not None:
        text += f" (samma period föregående år {fmt(spec, same_period_last_year)})"
    return text + "."


def fmt(spec: Spec, value: float | None) -> str:
    """A value the Swedish way: decimal comma, space between thousands, then the unit."""
    if value is None:  # describe() is only called on judged values, which have one
        return "–"
    number = f"{value:,.{spec.decimals}f}".replace(",", " ").replace(".", ",")
    unit = {"%": " %", "kr": " kr", "dagar": " dagar"}.get(spec.unit, "")
    return number + unit
