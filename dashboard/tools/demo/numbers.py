"""Outcomes, forecasts and targets per organisation, year, period and gender, simulated."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from typing import NamedTuple

from dashboard.domain.dataset import (
    MeasurementRow,
    TargetRow,
)
from dashboard.domain.model import (
    TERTIAL_PERIODS,
    GoalLevel,
    OrgLevel,
    ValueStatus,
)
from dashboard.tools.demo.indicator_data import HIGHER, Spec
from dashboard.tools.demo.indicators import Node, PlannedIndicator, tree_codes
from dashboard.tools.demo.organisation import Organisation
from dashboard.tools.demo.words import (
    ANNUAL_COMMENT,
    FORECAST_ONLY_COMMENT,
    GENDERS,
    MISSING_COMMENT,
    NO_VALUES,
    OPTIMISM,
    SUPPRESSED_COMMENT,
    TOTAL_ONLY,
)

Values = tuple[float | None, float | None, float | None]  # per gender: T, K, M


class Cell(NamedTuple):
    """One organisation's numbers for a year and period."""

    outcome: Values
    forecast: Values
    status: ValueStatus = ValueStatus.OK


Block = dict[tuple[int, str], Cell]  # (year, period) → Cell

# Per period: how far the period outcome strays from the year's (in noise units), and how
# unsure the full-year forecast is (0: no forecast, the year is over).
PERIOD_SHAPE = (("T1", 0.8, 1.0), ("T2", 0.5, 0.6), ("FY", 0.0, 0.0))


def reporting_periods(first_year: int, last_year: int, last_period: str) -> list[tuple[int, str]]:
    """(year, period) reported so far: every tertial of finished years, then up to last_period."""
    last = TERTIAL_PERIODS.index(last_period)
    return [
        (year, period)
        for year in range(first_year, last_year + 1)
        for i, period in enumerate(TERTIAL_PERIODS)
        if year < last_year or i <= last
    ]


def profile(rng: random.Random, spec: Spec) -> tuple[float, float, float]:
    """An organisation's own level, yearly trend and women-minus-men gap for an indicator."""
    level = rng.gauss(spec.level, spec.spread)
    trend = rng.gauss(spec.trend, abs(spec.trend) * 0.7 + 0.1 * spec.noise)
    gap = spec.gap * rng.uniform(0.5, 1.5)  # keeps the sign: K stays on one side of M
    return level, trend, gap


def simulate(rng: random.Random, spec: Spec, first_year: int, last_year: int) -> Block:
    """Invent one organisation's numbers for every year and tertial: trend, noise, and
    full-year forecasts at T1 and T2 that lean to the better side (OPTIMISM)."""
    sign = direction_sign(spec)
    level, trend, gap = profile(rng, spec)
    block = {}
    for year in range(first_year, last_year + 1):
        annual = level + sign * trend * (year - first_year) + rng.gauss(0.0, spec.noise)
        for period, stray, doubt in PERIOD_SHAPE:
            if not doubt:
                outcome: float | None = annual
                forecast: float | None = None
            else:
                outcome = None if spec.annual else annual + rng.gauss(0.0, spec.noise * stray)
                hope = sign * OPTIMISM * doubt * spec.noise
                forecast = annual + hope + rng.gauss(0.0, spec.noise * doubt * 0.7)
            block[year, period] = Cell(split(spec, outcome, gap), split(spec, forecast, gap))
    return block


def split(spec: Spec, total: float | None, gap: float) -> Values:
    """(T, K, M) rounded and within bounds; T is the women-weighted mean, between K and M."""
    if total is None:
        return NO_VALUES
    low, high = bounds(spec.unit)
    if not spec.gender_split:
        return (round(min(max(total, low), high), spec.decimals), None, None)
    women = min(max(total + (1 - spec.women) * gap, low), high)
    men = min(max(total - spec.women * gap, low), high)
    mixed = spec.women * women + (1 - spec.women) * men
    return (round(mixed, spec.decimals), round(women, spec.decimals), round(men, spec.decimals))


def bounds(unit: str) -> tuple[float, float]:
    """The possible range of a value in a unit: shares and indexes stay within 0–100."""
    return (0.0, 100.0) if unit in ("%", "index") else (0.0, math.inf)


def direction_sign(spec: Spec) -> int:
    """+1 when higher is better, -1 when lower is."""
    return 1 if spec.direction is HIGHER else -1


def forecast_only(cell: Cell) -> Cell:
    """The cell with its outcome not reported: only the forecast remains."""
    return Cell(NO_VALUES, cell.forecast, ValueStatus.OK)


def missing(cell: Cell) -> Cell:
    """The cell not reported at all."""
    return Cell(NO_VALUES, NO_VALUES, ValueStatus.MISSING)


def mean_block(blocks: Sequence[Block], decimals: int) -> Block:
    """A parent's numbers: per slot, the rounded mean of its children's values that exist."""
    result = {}
    for key in blocks[0]:
        cells = [block[key] for block in blocks]
        status = (
            ValueStatus.MISSING
            if all(c.status is ValueStatus.MISSING for c in cells)
            else ValueStatus.OK
        )
        result[key] = Cell(
            _means([c.outcome for c in cells], decimals),
            _means([c.forecast for c in cells], decimals),
            status,
        )
    return result


def _mean(values: list[float | None], decimals: int) -> float | None:
    present = [v for v in values if v is not None]
    return round(sum(present) / len(present), decimals) if present else None


def _means(values: Sequence[Values], decimals: int) -> Values:
    """The mean of each gender's value (T, K, M) over several organisations."""
    t, k, m = (_mean([v[i] for v in values], decimals) for i in range(3))
    return t, k, m


def rollup(
    node: Node, leaf_block: Callable[[str], Block], decimals: int
) -> Generator[tuple[str, Block], None, Block]:
    """Yield (code, block) for every organisation of the tree, children first; leaves get
    `leaf_block(code)`, parents the mean of their children."""
    code, children = node
    if children:
        child_blocks = []
        for child in children:
            child_blocks.append((yield from rollup(child, leaf_block, decimals)))
        block = mean_block(child_blocks, decimals)
    else:
        block = leaf_block(code)
    yield code, block
    return block


def measurement_rows(
    indicator_code: str,
    org_code: str,
    spec: Spec,
    block: Block,
    periods: Sequence[tuple[int, str]],
    suppressed: Sequence[tuple[int, str]] = (),
) -> Iterator[MeasurementRow]:
    """The rows of one organisation's block for the reported periods; in a suppressed period
    the K and M values are withheld (too few people), T is kept."""
    genders = GENDERS if spec.gender_split else TOTAL_ONLY
    for year, period in periods:
        outcome, forecast, status = block[year, period]
        comment = ""
        if status is ValueStatus.MISSING:
            comment = MISSING_COMMENT
        elif outcome[0] is None and forecast[0] is not None:
            comment = ANNUAL_COMMENT if spec.annual else FORECAST_ONLY_COMMENT
        hidden = (year, period) in suppressed
        for i, gender in enumerate(genders):
            if hidden and i:  # K/M hidden for confidentiality, the total kept
                values: tuple[float | None, float | None, ValueStatus, str] = (
                    None,
                    None,
                    ValueStatus.SUPPRESSED,
                    SUPPRESSED_COMMENT,
                )
            else:
                values = (outcome[i], forecast[i], status, comment)
            yield MeasurementRow(indicator_code, org_code, year, period, gender, *values)


def choose_gaps(
    rng: random.Random,
    plan: Sequence[PlannedIndicator],
    org: Organisation,
    periods: Sequence[tuple[int, str]],
) -> tuple[
    dict[tuple[str, str], dict[tuple[int, str], Callable[[Cell], Cell]]],
    dict[tuple[str, str], list[tuple[int, str]]],
]:
    """The few unit values the demo lacks: 8 forecast-only and 6 missing (half of each in the
    latest period, so the first screen shows them), and 3 periods where a care home's K and M
    are suppressed."""
    leaves = [
        (p.row.code, code, p.spec)
        for p in plan
        if not p.spec.annual
        for code, is_leaf in tree_codes(p.tree)
        if is_leaf and org.level[code] is OrgLevel.UNIT
    ]
    in_year = [yp for yp in periods if yp[1] != "FY"]
    gaps: dict[tuple[str, str], dict[tuple[int, str], Callable[[Cell], Cell]]] = {}
    for change, count, pool in ((forecast_only, 8, in_year), (missing, 6, periods)):
        chosen = 0
        while chosen < count:
            code, org_code, _ = rng.choice(leaves)
            when = pool[-1] if chosen < count // 2 else rng.choice(pool)
            cells = gaps.setdefault((code, org_code), {})
            if when not in cells:
                cells[when] = change
                chosen += 1
    sabo = {u.code for u in org.all_units() if u.kind == "sabo"}
    care_homes = [
        (code, org_code)
        for code, org_code, spec in leaves
        if spec.gender_split and org_code in sabo
    ]
    suppressed: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for _ in range(3):
        suppressed.setdefault(rng.choice(care_homes), []).append(rng.choice(periods))
    return gaps, suppressed


def simulate_plan(
    rng: random.Random,
    plan: Sequence[PlannedIndicator],
    first_year: int,
    last_year: int,
    gaps: Mapping[tuple[str, str], Mapping[tuple[int, str], Callable[[Cell], Cell]]],
) -> dict[tuple[str, str], Block]:
    """Every indicator's block for every organisation measuring it, parents as children's means."""
    blocks = {}
    for p in plan:

        def leaf(org_code: str, p: PlannedIndicator = p) -> Block:
            block = simulate(rng, p.spec, first_year, last_year)
            for when, change in gaps.get((p.row.code, org_code), {}).items():
                block[when] = change(block[when])
            return block

        for org_code, block in rollup(p.tree, leaf, p.spec.decimals):
            blocks[p.row.code, org_code] = block
    return blocks


# ---------------------------------------------------------------------------------------------
# Targets (årsmål)
# ---------------------------------------------------------------------------------------------


def aim(spec: Spec, previous: float) -> float:
    """An årsmål: the previous outcome moved a little in the better direction, never back."""
    return target_value(spec, previous + direction_sign(spec) * max(spec.trend, 0.0) * 0.6)


def target_value(spec: Spec, value: float) -> float:
    """A target rounded as people write them (kronor to the hundred) and within bounds."""
    low, high = bounds(spec.unit)
    value = min(max(value, low), high)
    return round(value, -2) if spec.unit == "kr" else round(value, spec.decimals)


def better(spec: Spec, a: float, b: float) -> float:
    """The better of two values by the indicator's direction."""
    return max(a, b) if spec.direction is HIGHER else min(a, b)


def partly_limit(spec: Spec, target: float) -> float | None:
    """The explicit start of the partly-met band, for indicators that set one."""
    return (
        None if spec.band is None else target_value(spec, target - direction_sign(spec) * spec.band)
    )


def build_targets(
    rng: random.Random,
    plan: Sequence[PlannedIndicator],
    blocks: Mapping[tuple[str, str], Block],
    org: Organisation,
    years: range,
) -> list[TargetRow]:
    """Årsmål per indicator, organisation and year, set from last year's outcome.

    KF sets its målvärde from the city's outcome. A nämnd takes the better of KF's målvärde and
    its own last outcome (in one case of ten just KF's, even when below its outcome); its
    departments follow it; a unit follows its department or aims higher from its own outcome.
    """
    rows = []
    for p in plan:
        spec, code = p.spec, p.row.code
        council = p.row.level is GoalLevel.COUNCIL
        set_to: dict[tuple[str, int], float] = {}
        for org_code, _ in tree_codes(p.tree):
            level = org.level[org_code]
            for year in years:
                previous = blocks[code, org_code][year - 1, "FY"].outcome[0]
                if previous is None:
                    previous = set_to.get((org_code, year - 1), spec.level)
                own = aim(spec, previous)
                above = set_to.get((org.parent[org_code] or "", year))
                if level is OrgLevel.COMMITTEE and council and above is not None:
                    target = above if rng.random() < 0.1 else better(spec, above, own)
                elif level is OrgLevel.UNIT and above is not None and rng.random() < 0.3:
                    target = better(spec, above, own)
                else:
                    target = own if above is None else above
                set_to[org_code, year] = target
                rows.append(
                    TargetRow(
                        code,
                        org_code,
                        year,
                        target,
                        partly_limit(spec, target),
                        set_to[org.rows[0].code, year] if council else None,
                    )
                )
    return rows
